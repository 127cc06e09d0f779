/*
** sqlite-news: news articles as SQL tables, with entities, quotes and dates.
**
**   .load ./dist/news
**   SELECT path, title, published FROM news_articles('corpus/');
**   SELECT mention, type, canonical FROM news_entities(body) ...
**
** This file is only the entry points: they register the modules of the list
** in modules.h (each ext/sql/sql_*.c declares its own functions). Two entry
** points (docs/serving.md):
**
**   sqlite3_news_init       every module, file reads too (news_articles,
**                           news_ingest), confined to the allowed roots when
**                           the host sets them (below, or NEWS_ALLOWED_ROOTS);
**   sqlite3_news_text_init  the modules that read no file and write no table
**                           (entities, quotes, dates, sentences...), for a
**                           host that lets others type SQL.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <stdlib.h>
#include <string.h>

#include "modules.h"
#include "news_articles.h"
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

static int register_all(sqlite3 *db, char **err, int text_only) {
  for (size_t i = 0; i < nw_sql_module_count; i++) {
    if (text_only && nw_sql_modules[i]->touches_files) continue;
    char *msg = NULL;
    int rc = register_module(db, nw_sql_modules[i], &msg);
    if (rc != SQLITE_OK) {
      *err = msg ? msg : sqlite3_mprintf("news: cannot register functions: %s", sqlite3_errstr(rc));
      return rc;
    }
  }
  return SQLITE_OK;
}

#ifdef _WIN32
#define NEWS_EXPORT __declspec(dllexport)
#else
#define NEWS_EXPORT
#endif

NEWS_EXPORT int sqlite3_news_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  return register_all(db, err, 0);
}

NEWS_EXPORT int sqlite3_news_text_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  return register_all(db, err, 1);
}

/* For the host, never reachable from SQL: confine every file read of the
** process to the folders in roots (':'-separated); NULL lifts it, "" allows
** nothing. Overrides NEWS_ALLOWED_ROOTS. 0, or -1 when a root cannot be
** resolved (the settings are then unchanged). */
NEWS_EXPORT int sqlite3_news_allow_roots(const char *roots) {
  char *msg = NULL;
  int rc = nw_confine_set(roots, &msg);
  free(msg);
  return rc;
}

/* For the host: 1 = do not follow a symbolic link below a root (an error
** row), 0 = follow one whose target lies under an allowed root. Overrides
** NEWS_NO_LINKS. */
NEWS_EXPORT void sqlite3_news_refuse_links(int refuse) { nw_confine_refuse_links(refuse); }

/* For the host: a per-call input cap by name; "max_text_bytes" (the largest
** text argument a function takes) is the one there is. 0, or -1 for another
** name or a value below 1 (nothing changes). Overrides NEWS_MAX_TEXT_BYTES. */
NEWS_EXPORT int sqlite3_news_set_limit(const char *name, long long value) {
  if (!name || strcmp(name, "max_text_bytes")) return -1;
  return nw_set_max_text_bytes(value);
}
