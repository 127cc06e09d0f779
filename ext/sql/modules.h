/* The module list: the SQL modules the extension registers, one line each.
**
** Each ext/sql/sql_<name>.c defines `const nw_sql_module nw_sql_<name>`:
** its table-valued functions (nw_tvf declarations, registered by news.c), an
** init for anything else (scalar functions, checks of compiled-in data) and
** the lines it adds to news_debug(). Adding a module is one X(name) below. */
#ifndef NW_MODULES_H
#define NW_MODULES_H
#include <sqlite3ext.h>
#include "news.h"

struct nw_tvf;

typedef struct nw_sql_module {
  /* Table-valued functions, NULL-terminated; NULL for none. */
  const struct nw_tvf *const *tvfs;
  /* Registers the rest (scalars) or refuses to load; NULL for nothing.
  ** Returns SQLITE_OK, or an error code with *err set to a sqlite3_malloc'ed
  ** message (left NULL, the code's own message is given). */
  int (*init)(sqlite3 *db, char **err);
  /* Appends "name: description\n" lines about compiled-in data (sizes) for
  ** news_debug(); NULL for none. Returns 0, or -1 when memory ran out (a
  ** line, or a table it describes, could not be made): news_debug then fails
  ** with SQLITE_NOMEM instead of showing a line short or a table empty. */
  int (*debug)(nw_buf *out);
  /* Reads files or writes tables (news_articles, news_ingest): left out by
  ** the text-only entry point, sqlite3_news_text_init. */
  int touches_files;
} nw_sql_module;

/* The list, in registration (and news_debug) order. */
#define NW_SQL_MODULES(X) X(text) X(articles) X(entities) X(quotes) X(dates) X(corpus)

#define NW_SQL_DECLARE(name) extern const nw_sql_module nw_sql_##name;
NW_SQL_MODULES(NW_SQL_DECLARE)
#undef NW_SQL_DECLARE

/* Every module of the list (news.c), nw_sql_module_count of them. */
extern const nw_sql_module *const nw_sql_modules[];
extern const size_t nw_sql_module_count;
#endif
