/* SQL functions of the entities capability (scaffolding: registers nothing yet). */
#include "modules.h"
SQLITE_EXTENSION_INIT3

int nw_register_entities(sqlite3 *db) {
  (void)db;
  return SQLITE_OK;
}

void nw_debug_entities(nw_buf *out) { (void)out; }
