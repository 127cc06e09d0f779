/* news_ingest(source [, options]) and news_analyze([options]): the corpus
** database (ext/corpus/, include/news_corpus.h) from SQL.
**
**   SELECT news_ingest('corpus/');                 -- files into articles, analysed, linked
**   SELECT news_ingest('corpus/', '{"jobs": 2}');
**   INSERT INTO articles(path, body, published) VALUES ('mine/1', 'He said ...', '2024-05-01');
**   SELECT news_analyze();                         -- rows not analysed yet, then relink
**
** Both return the run's summary as JSON: {"added":..,"changed":..,
** "unchanged":..,"removed":..,"failed":..,"analyzed":..,"files":..,
** "bytes":..,"seconds":..}. Options (a JSON object): "jobs" worker threads
** (default 1), "batch" articles per transaction (default 200), "hint_after"
** articles stored before entity ids are written with the rows (default
** 0, never: ext/corpus/corpus_hints.c), "outlets" a
** mapping file of lines "pattern<TAB>outlet" (stored in the table
** outlet_map and applied by every later relink; see
** ext/identity/outlet_guess.h), and for news_ingest "shard": "I/N" (only the
** paths whose stable hash % N is I).
**
** Called from a plain statement (SELECT news_ingest(...)), each batch is
** committed as it is done; inside BEGIN ... COMMIT the whole run is part of
** that transaction. Both write tables and news_ingest reads files, so they
** are SQLITE_DIRECTONLY: the views and triggers of a database cannot call
** them.
**
** news_url_domain(url) gives the registered domain that keys outlets
** ("https://www.bbc.co.uk/news" -> 'bbc.co.uk', the Public Suffix List through
** libpsl), NULL when the value has no host: the outlet key an article with
** that URL gets, for checking outlets against a list of URLs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules.h"
#include "news_corpus.h"
#include "tvf.h"
#include "../identity/outlet_guess.h"

SQLITE_EXTENSION_INIT3

#define MAX_JOBS 256

/* options JSON -> o; SQLITE_OK or an error with *err. */
static int parse_options(sqlite3 *db, sqlite3_value *v, int allow_shard, nw_corpus_opts *o, char **outlets,
                         char **err) {
  if (!v || sqlite3_value_type(v) == SQLITE_NULL) return SQLITE_OK;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, "SELECT key, value, type FROM json_each(?1) WHERE json_type(?1) = 'object'", -1,
                              &st, NULL);
  if (rc != SQLITE_OK) {
    *err = sqlite3_mprintf("cannot read the options: %s", sqlite3_errmsg(db));
    return rc;
  }
  sqlite3_bind_value(st, 1, v);
  int seen = 0;
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    seen = 1;
    const char *key = (const char *)sqlite3_column_text(st, 0);
    const char *type = (const char *)sqlite3_column_text(st, 2);
    int is_int = type && !strcmp(type, "integer");
    sqlite3_int64 n = sqlite3_column_int64(st, 1);
    if (key && !strcmp(key, "jobs")) {
      if (!is_int || n < 1 || n > MAX_JOBS) *err = sqlite3_mprintf("\"jobs\" must be an integer from 1 to %d", MAX_JOBS);
      else o->jobs = (int)n;
    } else if (key && !strcmp(key, "batch")) {
      if (!is_int || n < 1 || n > 1000000) *err = sqlite3_mprintf("\"batch\" must be an integer from 1 to 1000000");
      else o->batch = (int)n;
    } else if (key && !strcmp(key, "hint_after")) {
      if (!is_int || n < 0 || n > 1000000000) *err = sqlite3_mprintf("\"hint_after\" must be an integer from 0 to 1000000000");
      else o->hint_after = (int)n; /* 0: never, as by default */
    } else if (key && !strcmp(key, "shard") && allow_shard) {
      const char *s = (const char *)sqlite3_column_text(st, 1);
      int i = -1, count = 0, used = 0;
      if (!s || sscanf(s, "%d/%d%n", &i, &count, &used) != 2 || s[used] || count < 1 || i < 0 || i >= count)
        *err = sqlite3_mprintf("\"shard\" must be \"I/N\" with 0 <= I < N, e.g. \"0/4\"");
      else o->shard_index = i, o->shard_count = count;
    } else if (key && !strcmp(key, "outlets")) {
      const char *s = (const char *)sqlite3_column_text(st, 1);
      if (!type || strcmp(type, "text") || !s || !*s)
        *err = sqlite3_mprintf("\"outlets\" must name a mapping file (lines \"pattern<TAB>outlet\")");
      else {
        sqlite3_free(*outlets); /* a key given twice: the last one counts */
        if (!(*outlets = sqlite3_mprintf("%s", s))) rc = SQLITE_NOMEM;
      }
    } else {
      *err = sqlite3_mprintf("unknown option \"%s\" (known: jobs, batch, outlets%s)", key ? key : "", allow_shard ? ", shard" : "");
    }
    if (*err) rc = SQLITE_ERROR;
  }
  int step = sqlite3_reset(st);
  sqlite3_finalize(st);
  if (rc == SQLITE_OK && (step != SQLITE_OK || !seen)) {
    /* malformed JSON, or not an object (an empty object is fine) */
    const char *s = (const char *)sqlite3_value_text(v);
    int empty_object = 0;
    if (step == SQLITE_OK && s) {
      while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
      if (*s == '{') {
        s++;
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
        empty_object = *s == '}';
      }
    }
    if (!empty_object) {
      *err = sqlite3_mprintf("options must be a JSON object such as '{\"jobs\": 2}'");
      rc = SQLITE_ERROR;
    }
  }
  return rc;
}

static void finish(sqlite3_context *ctx, const char *fn, int rc, const nw_corpus_stats *st, char *err) {
  if (rc != SQLITE_OK) {
    char *msg = sqlite3_mprintf("%s: %s", fn, err ? err : sqlite3_errstr(rc));
    sqlite3_result_error(ctx, msg ? msg : fn, -1);
    if (rc == SQLITE_NOMEM) sqlite3_result_error_nomem(ctx);
    sqlite3_free(msg);
  } else {
    char *json = nw_corpus_summary_json(st);
    if (json) sqlite3_result_text(ctx, json, -1, sqlite3_free);
    else sqlite3_result_error_nomem(ctx);
  }
  sqlite3_free(err);
}

/* A new outlet mapping must be applied even when the run had nothing to do. */
static int relinked(const nw_corpus_stats *st) { return st->analyzed || st->added || st->changed || st->removed; }

static void fn_analyze(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  nw_corpus_opts o = {0};
  nw_corpus_stats st;
  memset(&st, 0, sizeof st);
  char *err = NULL, *outlets = NULL;
  int rc = parse_options(db, argc > 0 ? argv[0] : NULL, 0, &o, &outlets, &err);
  if (rc == SQLITE_OK && outlets) rc = nw_corpus_outlet_map(db, outlets, &err);
  if (rc == SQLITE_OK) rc = nw_corpus_analyze(db, &o, &st, &err);
  if (rc == SQLITE_OK && outlets && !relinked(&st)) rc = nw_corpus_link(db, &err);
  sqlite3_free(outlets);
  finish(ctx, "news_analyze", rc, &st, err);
}

static void fn_ingest(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  nw_corpus_opts o = {0};
  nw_corpus_stats st;
  memset(&st, 0, sizeof st);
  char *err = NULL;
  const char *source = (const char *)sqlite3_value_text(argv[0]);
  int rc = SQLITE_OK;
  if (!source || !*source) {
    err = sqlite3_mprintf("the first argument names a folder, a glob or a file");
    rc = SQLITE_ERROR;
  }
  char *outlets = NULL;
  if (rc == SQLITE_OK) rc = parse_options(db, argc > 1 ? argv[1] : NULL, 1, &o, &outlets, &err);
  if (rc == SQLITE_OK && outlets) rc = nw_corpus_outlet_map(db, outlets, &err);
  if (rc == SQLITE_OK) rc = nw_corpus_ingest(db, source, &o, &st, &err);
  if (rc == SQLITE_OK && outlets && !relinked(&st)) rc = nw_corpus_link(db, &err);
  sqlite3_free(outlets);
  finish(ctx, "news_ingest", rc, &st, err);
}

static void fn_url_domain(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  size_t len;
  const char *url = nw_value_text(argv[0], &len);
  if (!url || nw_scalar_too_long(ctx, "news_url_domain", len)) {
    if (!url) sqlite3_result_null(ctx);
    return;
  }
  char host[NW_HOST_MAX];
  const char *domain = nw_outlet_domain_in(url, host);
  if (domain) sqlite3_result_text(ctx, domain, -1, SQLITE_TRANSIENT);
  else sqlite3_result_null(ctx);
}

static int register_corpus(sqlite3 *db, char **err) {
  const int det = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
  int rc = sqlite3_create_function(db, "news_analyze", 0, flags, NULL, fn_analyze, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "news_analyze", 1, flags, NULL, fn_analyze, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "news_ingest", 1, flags, NULL, fn_ingest, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "news_ingest", 2, flags, NULL, fn_ingest, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "news_url_domain", 1, det, NULL, fn_url_domain, NULL, NULL);
  return rc;
}

const nw_sql_module nw_sql_corpus = {.init = register_corpus, .touches_files = 1};
