/*
** news_quotes(text): every quotation of a text, in text order, with who said
** it, the reporting cue, and whether it reports words or only marks a term.
**
**   SELECT quote, speaker, speaker_mention, cue, kind
**   FROM news_quotes('Mayor Lena Ortiz opened the bridge. “It took ten years,” ' ||
**                    'she said. The “temporary” lanes stay.');
**
**     It took ten years,|Lena Ortiz|she|said|direct
**     temporary||||scare
**
** Columns: quote (the words, without the marks), speaker (the speaker resolved
** to a name: a pronoun, surname or role to the person the text names), speaker_mention
** with speaker_start and speaker_length (the words that name the speaker
** where the text does), cue (the reporting verb or phrase), start and length
** (the quotation with its marks; 1-based characters), kind ('direct' or
** 'scare'), speaker_type (PERSON, ORG, LOC, GROUP for several or "they",
** DESCRIPTION for an unnamed "critics"). NULL where the text gives none; NULL text gives no rows. The
** manual: docs/news_quotes.md.
**
** HOW IT WORKS
**
** An eponymous table-valued function on tvf.c, schema
**
**     CREATE TABLE x(quote, speaker, speaker_mention, speaker_start, speaker_length,
**                    cue, start, length, kind, speaker_type, text HIDDEN)
**
** tvf.c tokenizes once into the thread's document; the adapter calls
** nw_extract_quotes (ext/quotes/, include/news_quotes.h) and copies its spans;
** the resolved names come from the extractor's own string arena.
*/
#include <stdio.h>
#include <string.h>

#include "data_stamp.h"
#include "modules.h"
#include "news_quotes.h"
#include "tvf.h"
SQLITE_EXTENSION_INIT3

enum { Q_QUOTE, Q_SPEAKER, Q_MENTION, Q_SPK_START, Q_SPK_LEN, Q_CUE, Q_START, Q_LENGTH, Q_KIND, Q_SPK_TYPE, Q_NCOL };


static int produce_quotes(nw_rowset *rs, const nw_doc *doc, int argc, sqlite3_value **args, char **err) {
  nw_quotes qs = {0};
  if (nw_extract_quotes(doc, &qs)) {
    nw_quotes_free(&qs);
    return SQLITE_NOMEM; /* "news_quotes: out of memory" */
  }
  int rc = SQLITE_OK;
  for (size_t i = 0; i < qs.n && rc == SQLITE_OK; i++) {
    const nw_quote *q = &qs.v[i];
    if (nw_row_new(rs)) { rc = SQLITE_NOMEM; break; }
    nw_set_input(rs, Q_QUOTE, q->inner_start, q->inner_end);
    if (q->speaker_start != NW_QUOTE_NONE) {
      if (nw_set_text(rs, Q_SPEAKER, qs.names.data + q->name_off, q->name_len)) rc = SQLITE_NOMEM;
      nw_set_input(rs, Q_MENTION, q->speaker_start, q->speaker_end);
      nw_set_span(rs, Q_SPK_START, Q_SPK_LEN, q->speaker_start, q->speaker_end);
      const char *type = nw_speaker_type_name(q->speaker_type);
      if (type && nw_set_text(rs, Q_SPK_TYPE, type, strlen(type))) rc = SQLITE_NOMEM;
    }
    if (q->cue_start != NW_QUOTE_NONE) nw_set_input(rs, Q_CUE, q->cue_start, q->cue_end);
    nw_set_span(rs, Q_START, Q_LENGTH, q->start, q->end);
    const char *kind = q->kind == NW_QUOTE_SCARE ? "scare" : "direct";
    if (nw_set_text(rs, Q_KIND, kind, kind[0] == 's' ? 5 : 6)) rc = SQLITE_NOMEM;
  }
  nw_quotes_free(&qs);
  return rc;
}

static const nw_tvf quotes_tvf = {
  .name = "news_quotes",
  .schema = "CREATE TABLE x(quote TEXT, speaker TEXT, speaker_mention TEXT, speaker_start INTEGER, "
            "speaker_length INTEGER, cue TEXT, start INTEGER, length INTEGER, kind TEXT, speaker_type TEXT, text HIDDEN)",
  .ncol = Q_NCOL,
  .nargs_min = 1,
  .nargs_max = 1,
  .needs_doc = 1,
  .produce = produce_quotes,
};

static int debug_quotes(nw_buf *out);
const nw_sql_module nw_sql_quotes = {.tvfs = (const nw_tvf *const[]){&quotes_tvf, NULL}, .debug = debug_quotes};

static int debug_quotes(nw_buf *out) {
  char line[160];
  size_t cues = nw_quotes_cue_count(), words = nw_quotes_word_count();
  if (!cues || !words) return -1; /* the compiled-in tables are never empty: they could not be built */
  int n = snprintf(line, sizeof line, "quotes: %zu cue forms, %zu class words, %zu chooser weights\n", cues, words,
                   nw_quotes_weight_count());
  int rc = n > 0 ? nw_buf_append(out, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1) : -1;
  char trained[17], now[17];
  nw_quotes_model_stamp(trained, now);
  return rc || nw_model_stamp_line(out, "quotes", trained, now, "make quotes-model") ? -1 : 0;
}
