/* SQL functions of the dates capability (scaffolding: registers nothing yet). */
#include "modules.h"
SQLITE_EXTENSION_INIT3

int nw_register_dates(sqlite3 *db) {
  (void)db;
  return SQLITE_OK;
}

void nw_debug_dates(nw_buf *out) { (void)out; }
