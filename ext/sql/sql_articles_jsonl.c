/* JSON Lines articles: one JSON object per line, fields found by the names
** news datasets use. The JSON is read by SQLite's own JSON functions through
** one statement prepared per scan on the caller's connection. */
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
  [JF_SOURCE] = "source_domain source publisher outlet site_name source_name domain",
};

/* One name's value as text: arrays joined with ", " (author lists), objects by
** their "name" ("source": {"name": ...}), empty strings as NULL. */
static int add_name(nw_buf *sql, const char *name, size_t n) {
  char *p = sqlite3_mprintf(
    "CASE json_type(?1,'$.\"%.*s\"') WHEN 'array' THEN (SELECT group_concat(CASE type WHEN 'object' "
    "THEN json_extract(value,'$.name') ELSE value END, ', ') FROM json_each(?1,'$.\"%.*s\"')) WHEN 'object' THEN "
    "json_extract(?1,'$.\"%.*s\".name') WHEN 'null' THEN NULL ELSE nullif(trim(json_extract(?1,'$.\"%.*s\"')),'') END",
    (int)n, name, (int)n, name, (int)n, name, (int)n, name);
  if (!p) return -1;
  int rc = nw_buf_append(sql, p, strlen(p));
  sqlite3_free(p);
  return rc;
}

int nw_jsonl_prepare(sqlite3 *db, sqlite3_stmt **st) {
  nw_buf sql = {0};
  int rc = nw_buf_append(&sql, "SELECT json_valid(?1) AND json_type(?1) = 'object'", 50);
  for (int f = 0; f < JF_COUNT && rc == 0; f++) {
    rc = nw_buf_append(&sql, ", coalesce(", 11);
    const char *p = field_names[f];
    int first = 1;
    while (*p && rc == 0) {
      size_t n = strcspn(p, " ");
      if (!first) rc = nw_buf_append(&sql, ", ", 2);
      if (rc == 0) rc = add_name(&sql, p, n);
      first = 0;
      p += n;
      while (*p == ' ') p++;
    }
    /* coalesce() wants two arguments */
    if (rc == 0) rc = nw_buf_append(&sql, ", NULL)", 7);
  }
  /* json_type() fails on invalid JSON: only look inside a valid object */
  if (rc == 0) rc = nw_buf_append(&sql, " WHERE json_valid(?1) AND json_type(?1) = 'object'", 51);
  if (rc) {
    nw_buf_free(&sql);
    return SQLITE_NOMEM;
  }
  rc = sqlite3_prepare_v2(db, sql.data, (int)sql.len, st, NULL);
  nw_buf_free(&sql);
  return rc;
}

int nw_jsonl_read(sqlite3_stmt *st, const char *line, size_t n, nw_article *a, const char **err) {
  *err = NULL;
  sqlite3_reset(st);
  sqlite3_bind_text64(st, 1, line, n, SQLITE_STATIC, SQLITE_UTF8);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    sqlite3_reset(st);
    *err = "not a JSON object";
    return rc == SQLITE_DONE ? 0 : -1;
  }
  const char *v[JF_COUNT];
  size_t vn[JF_COUNT];
  for (int f = 0; f < JF_COUNT; f++) {
    v[f] = (const char *)sqlite3_column_text(st, f + 1);
    vn[f] = (size_t)sqlite3_column_bytes(st, f + 1);
  }
  int bad = 0;
  if (v[JF_TITLE] && nw_article_set(&a->title, v[JF_TITLE], vn[JF_TITLE])) bad = 1;
  if (v[JF_URL] && nw_article_set(&a->url, v[JF_URL], vn[JF_URL])) bad = 1;
  if (v[JF_BYLINE] && nw_article_set(&a->byline, v[JF_BYLINE], vn[JF_BYLINE])) bad = 1;
  if (v[JF_SOURCE] && nw_article_set(&a->source, v[JF_SOURCE], vn[JF_SOURCE])) bad = 1;
  char d[16];
  if (v[JF_PUBLISHED] && nw_full_date(v[JF_PUBLISHED], vn[JF_PUBLISHED], d) && nw_article_set(&a->published, d, 10))
    bad = 1;
  if (!a->published && a->url && nw_date_in_url(a->url, strlen(a->url), d) && nw_article_set(&a->published, d, 10))
    bad = 1;
  if (!a->source && a->url) a->source = nw_url_host(a->url, strlen(a->url));
  if (v[JF_BODY] && nw_clean(v[JF_BODY], vn[JF_BODY], &a->body)) bad = 1;
  sqlite3_reset(st);
  return bad ? -1 : 0;
}
