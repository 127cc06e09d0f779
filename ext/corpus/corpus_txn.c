/* The one writer's transactions and error messages (see corpus_internal.h).
**
** Batches outside a user transaction: BEGIN IMMEDIATE takes the write lock
** up front, so a second writer waits for the busy timeout (5 s when the
** caller set none) at a batch boundary instead of failing half way; what is
** committed stays committed. Inside the caller's transaction the run is one
** SAVEPOINT, all or nothing with that transaction. */
#include <stdio.h>
#include <string.h>

#include "corpus_internal.h"

SQLITE_EXTENSION_INIT3

#define DEFAULT_BUSY_MS 5000

int cp_exec(sqlite3 *db, const char *sql, char **err) {
  int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK && err && !*err) *err = cp_db_error(db, "cannot update the corpus tables");
  return rc;
}

int cp_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char **err) {
  int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);
  if (rc != SQLITE_OK && err && !*err) *err = cp_db_error(db, "cannot read the corpus tables");
  return rc;
}

char *cp_db_error(sqlite3 *db, const char *what) {
  switch (sqlite3_errcode(db)) {
  case SQLITE_READONLY:
    return sqlite3_mprintf("%s: the database is read-only (%s)", what, sqlite3_errmsg(db));
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return sqlite3_mprintf("%s: the database is locked by another connection (%s); retry when it is done",
                           what, sqlite3_errmsg(db));
  case SQLITE_FULL:
    return sqlite3_mprintf("%s: the disk is full (%s)", what, sqlite3_errmsg(db));
  case SQLITE_NOMEM:
    return sqlite3_mprintf("%s: out of memory", what);
  default:
    return sqlite3_mprintf("%s: %s", what, sqlite3_errmsg(db));
  }
}

static int writing_statement_active(sqlite3 *db) {
  for (sqlite3_stmt *s = sqlite3_next_stmt(db, NULL); s; s = sqlite3_next_stmt(db, s))
    if (sqlite3_stmt_busy(s) && !sqlite3_stmt_readonly(s)) return 1;
  return 0;
}

int cp_txn_init(cp_txn *t, sqlite3 *db, const char *fn, char **err) {
  memset(t, 0, sizeof *t);
  t->db = db;
  t->saved_timeout = -1;
  if (writing_statement_active(db)) {
    *err = sqlite3_mprintf("%s: call it in a statement of its own (SELECT %s(...)), not inside one that writes", fn, fn);
    return SQLITE_ERROR;
  }
  t->nested = !sqlite3_get_autocommit(db);
  sqlite3_stmt *st = NULL;
  int timeout = -1;
  if (sqlite3_prepare_v2(db, "PRAGMA busy_timeout", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    timeout = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  if (timeout == 0) {
    sqlite3_busy_timeout(db, DEFAULT_BUSY_MS);
    t->saved_timeout = 0;
  }
  return SQLITE_OK;
}

int cp_txn_begin(cp_txn *t, char **err) {
  if (t->open) return SQLITE_OK;
  int rc = sqlite3_exec(t->db, t->nested ? "SAVEPOINT nw_corpus" : "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    *err = cp_db_error(t->db, "cannot start a transaction");
    return rc;
  }
  t->open = 1;
  return SQLITE_OK;
}

int cp_txn_commit(cp_txn *t, char **err) {
  if (!t->open || t->nested) return SQLITE_OK; /* nested: released at the end */
  int rc = sqlite3_exec(t->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    *err = cp_db_error(t->db, "cannot commit");
    cp_txn_rollback(t);
    return rc;
  }
  t->open = 0;
  return SQLITE_OK;
}

void cp_txn_rollback(cp_txn *t) {
  if (!t->open) return;
  if (t->nested) sqlite3_exec(t->db, "ROLLBACK TO nw_corpus; RELEASE nw_corpus", NULL, NULL, NULL);
  else if (!sqlite3_get_autocommit(t->db)) sqlite3_exec(t->db, "ROLLBACK", NULL, NULL, NULL);
  t->open = 0;
}

int cp_cache_raise(sqlite3 *db) {
  sqlite3_stmt *st = NULL;
  int cache = 0; /* pages when positive, KB when negative */
  if (sqlite3_prepare_v2(db, "PRAGMA main.cache_size", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    cache = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  int page = 4096;
  if (sqlite3_prepare_v2(db, "PRAGMA main.page_size", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    page = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  long long kb = cache < 0 ? -(long long)cache : (long long)cache * (page > 0 ? page : 4096) / 1024;
  if (!cache || kb >= CP_CACHE_KB) return 0;
  char sql[64];
  snprintf(sql, sizeof sql, "PRAGMA main.cache_size = -%d", CP_CACHE_KB);
  return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? cache : 0;
}

void cp_cache_restore(sqlite3 *db, int saved) {
  if (!saved) return;
  char sql[64];
  snprintf(sql, sizeof sql, "PRAGMA main.cache_size = %d", saved);
  sqlite3_exec(db, sql, NULL, NULL, NULL);
}

void cp_txn_done(cp_txn *t) {
  if (t->open && t->nested) sqlite3_exec(t->db, "RELEASE nw_corpus", NULL, NULL, NULL);
  t->open = 0;
  if (t->saved_timeout >= 0) sqlite3_busy_timeout(t->db, t->saved_timeout);
}

int cp_finish(sqlite3 *db, sqlite3_stmt *st, int rc, const char *what, char **err) {
  int done = sqlite3_finalize(st);
  if (rc == SQLITE_OK && done != SQLITE_OK) {
    rc = done;
    if (!*err) *err = cp_db_error(db, what);
  }
  return rc;
}
