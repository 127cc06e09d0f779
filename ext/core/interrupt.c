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

/* initial-exec: the library's thread-local data (80 bytes, all modules')
** is then placed when it is loaded, instead of allocated at a thread's
** first use, where glibc aborts the process when that allocation fails
** ("cannot allocate memory for thread-local data"). */
static _Thread_local nw_stop_check current __attribute__((tls_model("initial-exec")));

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

int nw_stop_at(size_t pos, size_t *next) {
  if (pos < *next) return 0;
  *next = pos + ((size_t)64 << 10);
  return nw_stop_requested();
}

int nw_buf_append_stoppable(nw_buf *b, const char *s, size_t n) {
  const size_t piece = (size_t)1 << 20;
  if (n > piece && nw_grow((void **)&b->data, &b->cap, b->len + n + 1, 1)) return -1;
  for (size_t at = 0;; at += piece) {
    size_t k = n - at < piece ? n - at : piece;
    if (nw_buf_append(b, s + at, k)) return -1;
    if (at + k >= n) return 0;
    if (nw_stop_requested()) return NW_STOPPED;
  }
}

int nw_utf8_valid_stoppable(const char *s, size_t n) {
  const size_t piece = (size_t)1 << 20;
  size_t at = 0;
  while (n - at > piece) {
    size_t cut = at + piece; /* at a character's first byte: the pieces' answers are the whole's */
    while (cut > at && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
    if (cut == at) cut = at + piece; /* a megabyte of continuation bytes: invalid either way */
    if (!nw_utf8_valid(s + at, cut - at)) return 0;
    at = cut;
    if (nw_stop_requested()) return NW_STOPPED;
  }
  return nw_utf8_valid(s + at, n - at);
}
