/*
** sqlite-news: news articles as SQL tables, with entities, quotes and dates.
**
**   .load ./dist/news
**   SELECT path, title, published FROM news_articles('corpus/');
**   SELECT mention, type, canonical FROM news_entities(body) ...
**
** This file is only the entry point: each capability registers itself from
** its own ext/sql/sql_*.c file.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "modules.h"

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_news_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  int (*const registrars[])(sqlite3 *) = {
    nw_register_text, nw_register_articles, nw_register_entities, nw_register_quotes, nw_register_dates,
    nw_register_corpus,
  };
  for (size_t i = 0; i < sizeof registrars / sizeof registrars[0]; i++) {
    int rc = registrars[i](db);
    if (rc != SQLITE_OK) {
      *err = sqlite3_mprintf("news: cannot register functions: %s", sqlite3_errstr(rc));
      return rc;
    }
  }
  return SQLITE_OK;
}
