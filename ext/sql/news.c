/*
** sqlite-news: news articles as SQL tables, with entities, quotes and dates.
**
**   .load ./dist/news
**   SELECT path, title, published FROM news_articles('corpus/');
**   SELECT mention, type, canonical FROM news_entities(body) ...
**
** This file is only the entry points: each capability registers itself from
** its own ext/sql/sql_*.c file. Two entry points (docs/serving.md):
**
**   sqlite3_news_init       everything, file reads too (news_articles,
**                           news_ingest), confined to the allowed roots when
**                           the host sets them (below, or NEWS_ALLOWED_ROOTS);
**   sqlite3_news_text_init  the text functions only (entities, quotes, dates,
**                           sentences...): nothing that reads a file or writes
**                           a table, for a host that lets others type SQL.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <stdlib.h>

#include "modules.h"
#include "news_articles.h"

#ifdef _WIN32
#define NEWS_EXPORT __declspec(dllexport)
#else
#define NEWS_EXPORT
#endif

typedef int (*registrar)(sqlite3 *);

static int register_all(sqlite3 *db, char **err, const registrar *regs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    int rc = regs[i](db);
    if (rc != SQLITE_OK) {
      *err = sqlite3_mprintf("news: cannot register functions: %s", sqlite3_errstr(rc));
      return rc;
    }
  }
  return SQLITE_OK;
}

static const registrar text_registrars[] = {nw_register_text, nw_register_entities, nw_register_quotes,
                                            nw_register_dates};
static const registrar all_registrars[] = {nw_register_text,   nw_register_articles, nw_register_entities,
                                           nw_register_quotes, nw_register_dates,    nw_register_corpus};

NEWS_EXPORT int sqlite3_news_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  return register_all(db, err, all_registrars, sizeof all_registrars / sizeof all_registrars[0]);
}

NEWS_EXPORT int sqlite3_news_text_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  return register_all(db, err, text_registrars, sizeof text_registrars / sizeof text_registrars[0]);
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
