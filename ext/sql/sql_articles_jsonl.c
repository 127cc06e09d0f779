/* JSON Lines articles: one JSON object per line, fields found by the names
** news datasets use. The JSON is read by SQLite's own JSON functions (its
** keys listed once by json_each) through statements prepared once per scan
** on the caller's connection. */
#include "sql_articles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* Field -> the names datasets give it, in order of preference. */
static const char *const field_names[JF_COUNT] = {
  [JF_BODY] = "text maintext body content article article_text full_text fulltext story",
  [JF_TITLE] = "title headline heading",
  [JF_PUBLISHED] = "date_publish published date published_at publish_date publishedAt datePublished date_published pubDate pub_date publication_date time",
  [JF_URL] = "url link source_url canonical_url article_url",
  [JF_BYLINE] = "byline authors author creator writer",
  [JF_SOURCE] = "source_domain source publisher publication newspaper outlet site_name source_name domain",
};

/* The keys of a line, read once: ok says the line is a JSON object. */
static const char main_sql[] =
  "SELECT ok, j.key, j.type, j.value FROM (SELECT CASE WHEN json_valid(?1) THEN json_type(?1) = 'object' ELSE 0 END AS ok) "
  "LEFT JOIN json_each(CASE WHEN ok THEN ?1 ELSE '{}' END) AS j";
/* A list (author names) joined with ", ", or an object by its "name". */
static const char name_sql[] =
  "SELECT CASE json_type(?1) WHEN 'object' THEN json_extract(?1, '$.name') ELSE (SELECT group_concat("
  "CASE type WHEN 'object' THEN json_extract(value, '$.name') ELSE value END, ', ') FROM json_each(?1)) END";

int nw_jsonl_prepare(sqlite3 *db, sqlite3_stmt *st[2]) {
  int rc = sqlite3_prepare_v2(db, main_sql, -1, &st[0], NULL);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, name_sql, -1, &st[1], NULL);
  return rc;
}

/* Which field a key names and how preferred that name is (lower is better). */
static int field_of(const char *key, size_t kl, int *rank) {
  for (int f = 0; f < JF_COUNT; f++) {
    const char *p = field_names[f];
    for (int r = 0; *p; r++) {
      size_t n = strcspn(p, " ");
      if (n == kl && !memcmp(p, key, n)) {
        *rank = r;
        return f;
      }
      p += n;
      while (*p == ' ') p++;
    }
  }
  return -1;
}

/* A list or object value as text (its names), malloc'ed, or NULL. */
static char *names_of(sqlite3_stmt *st, const char *json, size_t n) {
  sqlite3_reset(st);
  sqlite3_bind_text64(st, 1, json, n, SQLITE_STATIC, SQLITE_UTF8);
  char *out = NULL;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    out = strndup((const char *)sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
  sqlite3_reset(st);
  return out;
}

int nw_jsonl_read(sqlite3_stmt *st[2], const char *line, size_t n, nw_article *a, const char **err) {
  *err = NULL;
  char *v[JF_COUNT] = {0};
  int best[JF_COUNT];
  for (int f = 0; f < JF_COUNT; f++) best[f] = 1 << 30;
  sqlite3_reset(st[0]);
  sqlite3_bind_text64(st[0], 1, line, n, SQLITE_STATIC, SQLITE_UTF8);
  int rc, bad = 0;
  while ((rc = sqlite3_step(st[0])) == SQLITE_ROW) {
    if (!sqlite3_column_int(st[0], 0)) {
      *err = "not a JSON object";
      break;
    }
    const char *key = (const char *)sqlite3_column_text(st[0], 1);
    const char *type = (const char *)sqlite3_column_text(st[0], 2);
    int rank, f = key && type ? field_of(key, strlen(key), &rank) : -1;
    if (f < 0 || rank >= best[f] || !strcmp(type, "null")) continue;
    const char *val = (const char *)sqlite3_column_text(st[0], 3);
    size_t vl = (size_t)sqlite3_column_bytes(st[0], 3);
    char *text = !val ? NULL
                 : (!strcmp(type, "array") || !strcmp(type, "object")) ? names_of(st[1], val, vl)
                                                                         : strndup(val, vl);
    if (!text) continue;
    size_t i = 0;
    while (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') i++;
    if (!text[i]) { /* empty: look for another name */
      free(text);
      continue;
    }
    free(v[f]);
    v[f] = text;
    best[f] = rank;
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) bad = 1;
  sqlite3_reset(st[0]);
  if (!bad && !*err) {
    if (v[JF_TITLE] && nw_article_set(&a->title, v[JF_TITLE], strlen(v[JF_TITLE]))) bad = 1;
    if (v[JF_URL] && nw_article_set(&a->url, v[JF_URL], strlen(v[JF_URL]))) bad = 1;
    if (v[JF_BYLINE] && nw_article_set(&a->byline, v[JF_BYLINE], strlen(v[JF_BYLINE]))) bad = 1;
    if (v[JF_SOURCE] && nw_article_set(&a->source, v[JF_SOURCE], strlen(v[JF_SOURCE]))) bad = 1;
    char d[16];
    if (v[JF_PUBLISHED] && nw_full_date(v[JF_PUBLISHED], strlen(v[JF_PUBLISHED]), d) && nw_article_set(&a->published, d, 10))
      bad = 1;
    if (!a->published && a->url && nw_date_in_url(a->url, strlen(a->url), d) && nw_article_set(&a->published, d, 10))
      bad = 1;
    if (!a->source && a->url) a->source = nw_url_host(a->url, strlen(a->url));
    if (v[JF_BODY] && nw_clean(v[JF_BODY], strlen(v[JF_BODY]), &a->body)) bad = 1;
  }
  for (int f = 0; f < JF_COUNT; f++) free(v[f]);
  return bad ? -1 : 0;
}
