/* SQL functions of the articles capability (scaffolding: registers nothing yet). */
#include "modules.h"
SQLITE_EXTENSION_INIT3

int nw_register_articles(sqlite3 *db) {
  (void)db;
  return SQLITE_OK;
}

void nw_debug_articles(nw_buf *out) { (void)out; }
