/* libFuzzer target: every registered news_* function over the input, through
** SQL, so it covers the extractors as they land. news_articles takes a path,
** not a text, and has its own target (fuzz_articles.c).
**
** NW_FUZZ_ONLY=news_entities,news_quotes  restricts it to those functions.
**
** Checks the SQL contract on every row: start/length (and X_start/X_length)
** lie inside the text as substr() counts it, and, when the text is valid
** UTF-8, a `mention` column equals substr(text, start, length). (In invalid
** UTF-8, SQLite counts a lead byte with every continuation byte after it as
** one character, so a span ending among stray continuation bytes cannot be
** cut out exactly.) A violation aborts (a finding). */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"

int sqlite3_news_init(sqlite3 *db, char **err, const void *api);

#define SQL_REQUIRE(cond, fn, what)                                           \
  do {                                                                        \
    if (!(cond)) {                                                            \
      fprintf(stderr, "fuzz_sql: %s: %s (%s)\n", fn, what, #cond);            \
      abort();                                                                \
    }                                                                         \
  } while (0)

typedef struct sql_fn {
  char name[64];
  int module; /* table-valued: SELECT * FROM name(...) */
  int nargs;  /* arguments it takes at most (1 or 2) */
  sqlite3_stmt *st[2];
} sql_fn;

static sqlite3 *sql_db;
static sql_fn sql_fns[64];
static int sql_nfns;

static int sql_wanted(const char *name) {
  const char *only = getenv("NW_FUZZ_ONLY");
  if (!strcmp(name, "news_articles") || !strcmp(name, "news_version") || !strcmp(name, "news_debug")) return 0;
  if (!only || !*only) return 1;
  size_t n = strlen(name);
  for (const char *p = only; (p = strstr(p, name)); p += n)
    if ((p == only || p[-1] == ',') && (p[n] == 0 || p[n] == ',')) return 1;
  return 0;
}

static void sql_close(void) {
  for (int i = 0; i < sql_nfns; i++)
    for (int k = 0; k < 2; k++) sqlite3_finalize(sql_fns[i].st[k]);
  sqlite3_close(sql_db);
}

static void sql_prepare(sql_fn *f) {
  for (int k = 0; k < f->nargs && k < 2; k++) {
    char *q = f->module ? sqlite3_mprintf("SELECT * FROM %s(?1%s)", f->name, k ? ", ?2" : "")
                        : sqlite3_mprintf("SELECT %s(?1%s)", f->name, k ? ", ?2" : "");
    if (sqlite3_prepare_v2(sql_db, q, -1, &f->st[k], NULL) != SQLITE_OK) {
      fprintf(stderr, "fuzz_sql: %s: %s\n", q, sqlite3_errmsg(sql_db));
      abort();
    }
    sqlite3_free(q);
  }
}

static void sql_init(void) {
  sqlite3_auto_extension((void (*)(void))sqlite3_news_init);
  if (sqlite3_open(":memory:", &sql_db) != SQLITE_OK) abort();
  sqlite3_stmt *st;
  /* table functions: their hidden columns are the arguments */
  sqlite3_prepare_v2(sql_db,
                     "SELECT m.name, 1, (SELECT count(*) FROM pragma_table_xinfo(m.name) WHERE hidden) "
                     "FROM pragma_module_list m WHERE m.name LIKE 'news\\_%' ESCAPE '\\' "
                     "UNION ALL SELECT name, 0, max(narg) FROM pragma_function_list "
                     "WHERE name LIKE 'news\\_%' ESCAPE '\\' AND narg != 0 GROUP BY name ORDER BY 1",
                     -1, &st, NULL);
  while (sqlite3_step(st) == SQLITE_ROW && sql_nfns < 64) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    if (!sql_wanted(name)) continue;
    sql_fn *f = &sql_fns[sql_nfns++];
    snprintf(f->name, sizeof f->name, "%s", name);
    f->module = sqlite3_column_int(st, 1);
    f->nargs = sqlite3_column_int(st, 2);
    if (f->nargs < 1) f->nargs = 1;
    sql_prepare(f);
  }
  sqlite3_finalize(st);
  atexit(sql_close);
}

/* Byte offset of each character as SQLite's substr() counts them: a byte
** >= 0xC0 swallows the continuation bytes after it; any other byte is one. */
static size_t *sql_char_offsets(const uint8_t *s, size_t n, size_t *nchars) {
  size_t *at = malloc((n + 2) * sizeof *at), k = 0;
  if (!at) abort();
  for (size_t i = 0; i < n;) {
    at[k++] = i;
    if (s[i++] >= 0xC0)
      while (i < n && (s[i] & 0xC0) == 0x80) i++;
  }
  at[k] = n;
  *nchars = k;
  return at;
}

/* Valid UTF-8 as the extension reads it (no byte decodes to a U+FFFD it did not spell). */
static int sql_valid_utf8(const uint8_t *s, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t from = i;
    if (nw_utf8_next((const char *)s, n, &i) == 0xFFFD && i - from != 3) return 0;
  }
  return 1;
}

/* Column index of name in st, or -1. */
static int sql_col(sqlite3_stmt *st, const char *name) {
  for (int c = 0; c < sqlite3_column_count(st); c++)
    if (!strcmp(sqlite3_column_name(st, c), name)) return c;
  return -1;
}

/* A span column pair (prefix "" or "speaker_") and the column that must equal it. */
static void sql_check_span(sqlite3_stmt *st, const char *fn, const char *prefix, const char *text_col,
                           const uint8_t *data, const size_t *at, size_t nchars) {
  char a[64], b[64];
  snprintf(a, sizeof a, "%sstart", prefix);
  snprintf(b, sizeof b, "%slength", prefix);
  int cs = sql_col(st, a), cl = sql_col(st, b), cm = text_col ? sql_col(st, text_col) : -1;
  if (cs < 0 || cl < 0) return;
  if (sqlite3_column_type(st, cs) == SQLITE_NULL) {
    SQL_REQUIRE(sqlite3_column_type(st, cl) == SQLITE_NULL, fn, "start NULL but length not");
    return;
  }
  sqlite3_int64 s0 = sqlite3_column_int64(st, cs), len = sqlite3_column_int64(st, cl);
  SQL_REQUIRE(s0 >= 1 && len >= 0 && (size_t)(s0 - 1 + len) <= nchars, fn, "span outside the text");
  if (cm < 0 || sqlite3_column_type(st, cm) == SQLITE_NULL) return;
  size_t from = at[s0 - 1], to = at[s0 - 1 + len];
  size_t got = (size_t)sqlite3_column_bytes(st, cm);
  const void *m = sqlite3_column_blob(st, cm);
  SQL_REQUIRE(got == to - from && (got == 0 || memcmp(m, data + from, got) == 0), fn, "mention != substr(text, start, length)");
}

static void sql_run(sql_fn *f, int k, const uint8_t *data, size_t size, const size_t *at, size_t nchars, int valid) {
  sqlite3_stmt *st = f->st[k];
  sqlite3_bind_text(st, 1, size ? (const char *)data : "", (int)size, SQLITE_STATIC);
  /* The reference date: a plain one, or (odd first byte) the input's first bytes. */
  if (k) {
    if (size && (data[0] & 1)) sqlite3_bind_text(st, 2, (const char *)data, size < 24 ? (int)size : 24, SQLITE_STATIC);
    else sqlite3_bind_text(st, 2, "2022-02-04", -1, SQLITE_STATIC);
  }
  sqlite3_int64 prev_start = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st); c++) (void)sqlite3_column_bytes(st, c);
    if (!f->module) continue;
    sql_check_span(st, f->name, "", valid && sql_col(st, "mention") >= 0 ? "mention" : NULL, data, at, nchars);
    sql_check_span(st, f->name, "speaker_", valid ? "speaker_mention" : NULL, data, at, nchars);
    int cs = sql_col(st, "start");
    if (cs >= 0) {
      sqlite3_int64 s0 = sqlite3_column_int64(st, cs);
      SQL_REQUIRE(s0 >= prev_start, f->name, "rows not in text order");
      prev_start = s0;
    }
  }
  /* An error is a documented outcome (e.g. text too large); a crash is not. */
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!sql_db) sql_init();
  size_t nchars;
  size_t *at = sql_char_offsets(data, size, &nchars);
  int valid = sql_valid_utf8(data, size);
  for (int i = 0; i < sql_nfns; i++)
    for (int k = 0; k < sql_fns[i].nargs && k < 2; k++) sql_run(&sql_fns[i], k, data, size, at, nchars, valid);
  free(at);
  return 0;
}
