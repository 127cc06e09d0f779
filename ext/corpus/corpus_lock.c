/* One ingest at a time per database file. Two walks of one folder into one
** database would take turns batch by batch, each consistent, but both
** reading and storing the same files; the second ingest waits for the first
** instead, up to the connection's busy timeout, and then fails saying why.
** The lock is an flock() on "<database>-ingest.lock": the kernel drops it
** when the process ends, so a kill -9 leaves no stale lock behind. */
#include "corpus_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

SQLITE_EXTENSION_INIT3

enum { LOCK_POLL_MS = 20 };

static int busy_timeout_ms(sqlite3 *db) {
  sqlite3_stmt *st = NULL;
  int ms = 0;
  if (sqlite3_prepare_v2(db, "PRAGMA busy_timeout", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    ms = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return ms;
}

int cp_ingest_lock(sqlite3 *db, int *fd, char **err) {
  *fd = -1;
  const char *file = sqlite3_db_filename(db, "main");
  if (!file || !*file) return SQLITE_OK; /* in memory or temporary: no other process can reach it */
  char *path = sqlite3_mprintf("%s-ingest.lock", file);
  if (!path) return SQLITE_NOMEM;
  int f = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOCTTY, 0644);
  if (f < 0) {
    /* A folder we cannot write to: the ingest's own writes fail there with their
    ** own clear error (read-only database); no lock is needed to say so. */
    sqlite3_free(path);
    return SQLITE_OK;
  }
  int waited = 0, limit = busy_timeout_ms(db);
  while (flock(f, LOCK_EX | LOCK_NB) != 0) {
    if ((errno != EWOULDBLOCK && errno != EINTR) || waited >= limit) {
      *err = sqlite3_mprintf("news_ingest: another ingest is writing to %s (lock %s held); run it again when that one ends", file, path);
      close(f);
      sqlite3_free(path);
      return SQLITE_BUSY;
    }
    struct timespec pause = {.tv_sec = 0, .tv_nsec = LOCK_POLL_MS * 1000000L};
    nanosleep(&pause, NULL);
    waited += LOCK_POLL_MS;
  }
  sqlite3_free(path);
  *fd = f;
  return SQLITE_OK;
}

void cp_ingest_unlock(int fd) {
  if (fd >= 0) close(fd); /* closing the descriptor releases the flock */
}
