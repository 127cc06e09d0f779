/*
** sqlite-news: news articles as SQL tables, with entities, quotes and dates.
**
**   .load ./dist/news
**   SELECT path, title, published FROM news_articles('corpus/');
**   SELECT mention, type, canonical FROM news_entities(body) ...
**
** This file is only the entry point: it registers every module of the list
** in modules.h (each ext/sql/sql_*.c declares its own functions).
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "modules.h"
#include "tvf.h"

#define NW_SQL_ENTRY(name) &nw_sql_##name,
const nw_sql_module *const nw_sql_modules[] = {NW_SQL_MODULES(NW_SQL_ENTRY)};
#undef NW_SQL_ENTRY
const size_t nw_sql_module_count = sizeof nw_sql_modules / sizeof nw_sql_modules[0];

static int register_module(sqlite3 *db, const nw_sql_module *m, char **err) {
  int rc = SQLITE_OK;
  for (const nw_tvf *const *t = m->tvfs; t && *t && rc == SQLITE_OK; t++) rc = nw_tvf_register(db, *t);
  if (rc == SQLITE_OK && m->init) rc = m->init(db, err);
  return rc;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_news_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  for (size_t i = 0; i < nw_sql_module_count; i++) {
    char *msg = NULL;
    int rc = register_module(db, nw_sql_modules[i], &msg);
    if (rc != SQLITE_OK) {
      *err = msg ? msg : sqlite3_mprintf("news: cannot register functions: %s", sqlite3_errstr(rc));
      return rc;
    }
  }
  return SQLITE_OK;
}
