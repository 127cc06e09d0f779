/* SQL functions of the quotes capability (scaffolding: registers nothing yet). */
#include "modules.h"
SQLITE_EXTENSION_INIT3

int nw_register_quotes(sqlite3 *db) {
  (void)db;
  return SQLITE_OK;
}

void nw_debug_quotes(nw_buf *out) { (void)out; }
