/* Stopping a long call when its caller asks (sqlite3_interrupt, a server's
** time limit). The core knows nothing of SQLite: the SQL layer installs a
** check for the calling thread around each call, and the long loops ask
** nw_stop_requested() between windows of work. Asking is cheap: the check
** itself runs at most every few milliseconds, and once it says stop, every
** later question in the call says so too. */
#include <time.h>

#include "news.h"

/* How often the installed check runs at most: well under the 100 ms a
** caller may wait, and rare enough to cost nothing. */
#define CHECK_EVERY_NS 5000000L

static _Thread_local nw_stop_check current;

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

void nw_stop_install(nw_stop_check *saved, int (*fn)(void *arg), void *arg) {
  *saved = current;
  current.fn = fn;
  current.arg = arg;
  current.stopped = 0;
  current.last_ns = now_ns();
}

void nw_stop_restore(const nw_stop_check *saved) { current = *saved; }

int nw_stop_requested(void) {
  if (current.stopped) return 1;
  if (!current.fn) return 0;
  long long t = now_ns();
  if (t - current.last_ns < CHECK_EVERY_NS) return 0;
  current.last_ns = t;
  current.stopped = current.fn(current.arg) != 0;
  return current.stopped;
}

int nw_stopped(void) { return current.stopped; }
