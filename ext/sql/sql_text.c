/*
** The text helpers: news_sentences(text), news_clean(text), news_fold(text),
** and news_version(), news_debug().
**
**   SELECT sentence, start, length FROM news_sentences('Mr. Putin met Mr. Xi. They talked.');
**
**     1|1|21
**     2|23|12
**
**   SELECT news_clean('Advertisement' || char(10, 10) || 'The museum reopened.');
**
**     The museum reopened.
**
**   SELECT news_fold('Zelénskyy') = news_fold('ZELENSKYY');   -- 1
**   SELECT news_version();                                    -- the VERSION file's
**   SELECT news_debug();    -- version, commit, build date, libraries, data sizes
**
** news_sentences gives the sentences every extractor sees (1-based character
** start and length); news_clean removes site furniture as the text reader of
** news_articles does, then gives NFC with white space tidied; news_fold gives a
** case-, accent- and mark-folded key. NULL gives no rows (NULL for the
** scalars). The manuals: docs/news_sentences.md, news_clean.md, news_fold.md,
** news_version.md, news_debug.md.
**
** HOW IT WORKS
**
** news_sentences is an eponymous table-valued function on tvf.c, schema
** CREATE TABLE x(sentence, start, length, text HIDDEN); it tokenizes a 64 KB
** window at a time, cut at paragraph breaks (nw_each_sentence), so memory
** stays small on a long text. The scalars are deterministic and innocuous:
** buffer transforms of ext/core (nw_clean, nw_fold). news_debug's build lines
** come from build/gen/news_build.h and -DNEWS_VERSION, written by the Makefile;
** each module of the list in modules.h appends its own data sizes (its debug).
*/
#include "modules.h"
#include "news_articles.h"
#include "tvf.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <libxml/xmlversion.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

SQLITE_EXTENSION_INIT3

/* NEWS_COMMIT, NEWS_BUILD_DATE, NEWS_COMPILER: written by the Makefile. */
#include "news_build.h"

static void fn_version(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, NEWS_VERSION, -1, SQLITE_STATIC);
}

static void fn_debug(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  nw_buf out = {0};
  char line[512];
  uint32_t jit = 0;
  char pcre_ver[64] = "?";
  pcre2_config(PCRE2_CONFIG_JIT, &jit);
  pcre2_config(PCRE2_CONFIG_VERSION, pcre_ver);
  snprintf(line, sizeof line,
           "version: %s\ncommit: %s\nbuilt: %s\ncompiler: %s\nsqlite: %s\npcre2: %s (JIT %s)\nutf8proc: %s\nlibxml2: %s\n",
           NEWS_VERSION, NEWS_COMMIT, NEWS_BUILD_DATE, NEWS_COMPILER, sqlite3_libversion(), pcre_ver, jit ? "yes" : "no",
           utf8proc_version(), LIBXML_DOTTED_VERSION);
  int rc = nw_buf_append(&out, line, strlen(line));
  for (size_t i = 0; i < nw_sql_module_count && !rc; i++)
    if (nw_sql_modules[i]->debug) rc = nw_sql_modules[i]->debug(&out);
  if (rc || !out.data) {
    nw_buf_free(&out);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  while (out.len && out.data[out.len - 1] == '\n') out.len--;
  sqlite3_result_text64(ctx, out.data, out.len, free, SQLITE_UTF8);
}

/* Scalar helper: run a buffer transform over one TEXT argument. */
static void run_transform(sqlite3_context *ctx, const char *fname, sqlite3_value *v,
                          int (*fn)(const char *, size_t, nw_buf *)) {
  size_t len;
  const char *s = nw_value_text(v, &len);
  if (!s) {
    sqlite3_result_null(ctx);
    return;
  }
  if (nw_scalar_too_long(ctx, fname, len)) return;
  nw_buf out = {0};
  nw_sql_stop stop;
  nw_sql_stop_begin(&stop, sqlite3_context_db_handle(ctx));
  int rc = fn(s, len, &out);
  if (nw_sql_stop_end(&stop) || rc == NW_STOPPED) {
    nw_buf_free(&out);
    sqlite3_result_error(ctx, "interrupted", -1);
    sqlite3_result_error_code(ctx, SQLITE_INTERRUPT);
    return;
  }
  if (rc || nw_buf_append(&out, "", 0)) {
    nw_buf_free(&out);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text64(ctx, out.data, out.len, free, SQLITE_UTF8);
}

static void fn_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  run_transform(ctx, "news_fold", argv[0], nw_fold);
}

static void fn_clean(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  run_transform(ctx, "news_clean", argv[0], nw_clean);
}

enum { SENT_SENTENCE, SENT_START, SENT_LENGTH, SENT_NCOL };

typedef struct sentence_rows {
  nw_rowset *rs;
  int64_t count;
} sentence_rows;

static int add_sentence(void *arg, size_t start, size_t end) {
  sentence_rows *r = arg;
  if (nw_row_new(r->rs)) return SQLITE_NOMEM;
  nw_set_int(r->rs, SENT_SENTENCE, ++r->count);
  nw_set_span(r->rs, SENT_START, SENT_LENGTH, start, end);
  return 0;
}

/* A window of 64 KB is tokenized at a time (cut at paragraph breaks): the
** sentences are the same, memory stays small on a long text. */
enum { SENTENCE_WINDOW = 64 * 1024 };

/* needs_doc is off: the sentences come a window at a time, from the text. */
static int produce_sentences(nw_rowset *rs, const nw_doc *doc, int argc, sqlite3_value **args, char **err) {
  sentence_rows rows = {.rs = rs};
  if (doc->len > NW_MAX_TEXT) {
    *err = sqlite3_mprintf("news_sentences: text too large (over 4 GB)");
    return SQLITE_TOOBIG;
  }
  int rc = nw_each_sentence(doc->text, doc->len, SENTENCE_WINDOW, add_sentence, &rows);
  return rc == -1 ? SQLITE_NOMEM : rc;
}

static const nw_tvf sentences_tvf = {
  .name = "news_sentences",
  .schema = "CREATE TABLE x(sentence INTEGER, start INTEGER, length INTEGER, text HIDDEN)",
  .ncol = SENT_NCOL,
  .nargs_min = 1,
  .nargs_max = 1,
  .produce = produce_sentences,
};

static int register_scalars(sqlite3 *db, char **err) {
  const int det = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function(db, "news_version", 0, det, NULL, fn_version, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "news_debug", 0, det, NULL, fn_debug, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "news_fold", 1, det, NULL, fn_fold, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "news_clean", 1, det, NULL, fn_clean, NULL, NULL);
  return rc;
}

const nw_sql_module nw_sql_text = {.tvfs = (const nw_tvf *const[]){&sentences_tvf, NULL}, .init = register_scalars};
