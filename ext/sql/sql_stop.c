/* sqlite3_interrupt() for the long calls (nw_stop_requested in the core).
**
** The host's SQLite may predate sqlite3_is_interrupted (3.41): a statement
** of our own on the same connection tells instead, since SQLite refuses to
** prepare or start one once the connection is interrupted (while another
** statement runs, the flag stays set). It is prepared only when a call has
** run long enough to ask (the core asks every few milliseconds at most), so
** short calls never pay for it. */
#include "tvf.h"

SQLITE_EXTENSION_INIT3

static int interrupted(void *arg) {
  nw_sql_stop *s = arg;
  if (!s->probe) {
    int rc = sqlite3_prepare_v2(s->db, "SELECT 1", -1, &s->probe, NULL);
    if (rc != SQLITE_OK) {
      s->probe = NULL;
      return rc == SQLITE_INTERRUPT; /* else out of memory: go on, SQLite checks between rows */
    }
  }
  int rc = sqlite3_step(s->probe);
  sqlite3_reset(s->probe);
  return rc == SQLITE_INTERRUPT;
}

void nw_sql_stop_begin(nw_sql_stop *s, sqlite3 *db) {
  s->db = db;
  s->probe = NULL;
  nw_stop_install(&s->saved, interrupted, s);
}

int nw_sql_stop_end(nw_sql_stop *s) {
  int stopped = nw_stopped();
  nw_stop_restore(&s->saved);
  sqlite3_finalize(s->probe);
  s->probe = NULL;
  return stopped;
}
