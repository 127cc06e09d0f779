/* Each capability registers its SQL functions and reports its compiled-in
** data for news_debug(). One pair per module file in ext/sql/. */
#ifndef NW_MODULES_H
#define NW_MODULES_H
#include <sqlite3ext.h>
#include "news.h"

int nw_register_text(sqlite3 *db);     /* sql_text.c: version, debug, sentences, clean, fold */
int nw_register_articles(sqlite3 *db); /* sql_articles.c */
int nw_register_entities(sqlite3 *db); /* sql_entities.c */
int nw_register_quotes(sqlite3 *db);   /* sql_quotes.c */
int nw_register_dates(sqlite3 *db);    /* sql_dates.c */
int nw_register_corpus(sqlite3 *db);   /* sql_corpus.c: news_ingest, news_analyze */

/* Append "name: description\n" lines about compiled-in data (sizes). */
void nw_debug_articles(nw_buf *out);
void nw_debug_entities(nw_buf *out);
void nw_debug_quotes(nw_buf *out);
void nw_debug_dates(nw_buf *out);
#endif
