/*
** news_entities(text): the named entities of a text, one row per mention in
** text order, each with the fullest name the text gives it.
**
**   SELECT mention, type, canonical, start, length, sentence
**   FROM news_entities('President Elena Marsh arrived in Oslo on Tuesday. ' ||
**                      'Marsh met the Norwegian foreign minister.');
**
**     Elena Marsh|PERSON|Elena Marsh|11|11|1
**     Oslo|LOC|Oslo|34|4|1
**     Marsh|PERSON|Elena Marsh|51|5|2
**     Norwegian|MISC|Norwegian|65|9|2
**
** Columns: mention (the text of the name), type (PERSON, ORG, LOC, MISC),
** canonical (the fullest form in the same text: a surname gives the full name,
** an acronym its expansion), start and length (1-based characters, so
** substr(text, start, length) is the mention), sentence (1-based, as
** news_sentences counts). NULL text gives no rows. The manual, with what the
** tagger does and how well: docs/news_entities.md.
**
** HOW IT WORKS
**
** An eponymous table-valued function on the generic mechanism of tvf.c: the
** schema is
**
**     CREATE TABLE x(mention, type, canonical, start, length, sentence, text HIDDEN)
**
** and the argument is an equality constraint on the hidden column. tvf.c
** tokenizes the text once into the calling thread's document; the adapter
** calls nw_extract_entities (ext/entities/, declared in
** include/news_entities.h) on it and appends one row per entity; tvf.c turns
** the byte offsets into character positions. A failure (text over 4 GB, out
** of memory) is an SQL error.
*/
#include "data_stamp.h"
#include "modules.h"
#include "news_entities.h"
#include "tvf.h"

#include <stdio.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

enum { ENT_MENTION, ENT_TYPE, ENT_CANONICAL, ENT_START, ENT_LENGTH, ENT_SENTENCE, ENT_NCOL };

static int produce_entities(nw_rowset *rs, const nw_doc *doc, int argc, sqlite3_value **args, char **err) {
  nw_entities ents = {0};
  int rc = SQLITE_OK;
  if (nw_extract_entities(doc, &ents)) {
    *err = sqlite3_mprintf("news_entities: out of memory, or no model");
    rc = *err ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  for (size_t i = 0; rc == SQLITE_OK && i < ents.n; i++) {
    const nw_entity *e = &ents.v[i];
    if (nw_row_new(rs)) { rc = SQLITE_NOMEM; break; }
    const char *type = nw_ent_type_name(e->type);
    nw_set_input(rs, ENT_MENTION, e->start, e->end);
    if (nw_set_text(rs, ENT_TYPE, type, strlen(type))) { rc = SQLITE_NOMEM; break; }
    nw_set_input(rs, ENT_CANONICAL, e->canon_start, e->canon_end);
    nw_set_span(rs, ENT_START, ENT_LENGTH, e->start, e->end);
    nw_set_sentence(rs, ENT_SENTENCE, e->sentence);
  }
  nw_entities_free(&ents);
  return rc;
}

static const nw_tvf entities_tvf = {
  .name = "news_entities",
  .schema = "CREATE TABLE x(mention TEXT, type TEXT, canonical TEXT, start INTEGER, length INTEGER, "
            "sentence INTEGER, text HIDDEN)",
  .ncol = ENT_NCOL,
  .nargs_min = 1,
  .nargs_max = 1,
  .needs_doc = 1,
  .produce = produce_entities,
};

static int debug_entities(nw_buf *out);
const nw_sql_module nw_sql_entities = {.tvfs = (const nw_tvf *const[]){&entities_tvf, NULL}, .debug = debug_entities};

static int debug_entities(nw_buf *out) {
  char line[256];
  nw_entities_info in;
  nw_entities_describe(&in);
  /* The model is embedded (a unit test reads it): not read, or no
  ** gazetteer, is memory that ran out now (the next use tries again). */
  if (!in.model_ok || !in.gazetteer_phrases) return -1;
    snprintf(line, sizeof line, "entities: model %zu bytes (2^%u + 2^%u rows x %u tags, %zu cluster words), gazetteer %zu phrases\n",
             in.model_bytes, in.rows_log2[0], in.rows_log2[1], in.tags, in.cluster_words, in.gazetteer_phrases);
  return nw_buf_append(out, line, strlen(line)) || nw_model_stamp_line(out, "entities", in.trained_with, in.data_now, "make ner-model") ? -1 : 0;
}
