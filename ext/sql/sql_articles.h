/* Shared by the news_articles adapter files (sql_articles*.c). */
#ifndef NW_SQL_ARTICLES_H
#define NW_SQL_ARTICLES_H
#include <sqlite3ext.h>

#include "news.h"

enum { JF_BODY, JF_TITLE, JF_PUBLISHED, JF_URL, JF_BYLINE, JF_SOURCE, JF_COUNT };

/* The two statements that read JSON Lines records. */
int nw_jsonl_prepare(sqlite3 *db, sqlite3_stmt *st[2]);
/* Fill a from one line. 0 (with *err set when the line is not a JSON
** object), or -1 when out of memory or SQLite fails. */
int nw_jsonl_read(sqlite3_stmt *st[2], const char *line, size_t n, nw_article *a, const char **err);

#endif
