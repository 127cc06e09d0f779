/* Per-call input caps (docs/serving.md): a text argument longer than
** max_text_bytes is an SQL error (SQLITE_TOOBIG), before any work or memory
** is spent on it. The host sets the cap with sqlite3_news_set_limit (news.c,
** not reachable from SQL) or NEWS_MAX_TEXT_BYTES; the default is in the
** docs. (File sizes have their own cap: news_articles reads at most 64 MB.) */
#include <errno.h>
#include <stdlib.h>

#include "tvf.h"

SQLITE_EXTENSION_INIT3

#define DEFAULT_MAX_TEXT_BYTES ((int64_t)256 << 20)

static _Atomic int64_t max_text_bytes = -1; /* -1: not read from the environment yet */

static int64_t from_env(void) {
  const char *v = getenv("NEWS_MAX_TEXT_BYTES");
  if (!v || !*v) return DEFAULT_MAX_TEXT_BYTES;
  char *end;
  errno = 0;
  long long n = strtoll(v, &end, 10);
  /* a value that is no positive number keeps the default rather than lifting the cap */
  return errno || *end || n <= 0 ? DEFAULT_MAX_TEXT_BYTES : (int64_t)n;
}

int64_t nw_max_text_bytes(void) {
  int64_t n = max_text_bytes;
  if (n < 0) max_text_bytes = n = from_env();
  return n;
}

int nw_set_max_text_bytes(int64_t n) {
  if (n <= 0) return -1;
  max_text_bytes = n;
  return 0;
}

int nw_text_too_long(const char *fname, size_t len, char **msg) {
  int64_t cap = nw_max_text_bytes();
  if ((uint64_t)len <= (uint64_t)cap) return SQLITE_OK;
  *msg = sqlite3_mprintf("%s: the text is %llu bytes, over the limit of %lld bytes (NEWS_MAX_TEXT_BYTES)", fname,
                         (unsigned long long)len, (long long)cap);
  return SQLITE_TOOBIG;
}

int nw_scalar_too_long(sqlite3_context *ctx, const char *fname, size_t len) {
  char *msg = NULL;
  if (nw_text_too_long(fname, len, &msg) == SQLITE_OK) return 0;
  if (msg) {
    sqlite3_result_error(ctx, msg, -1);
    sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
    sqlite3_free(msg);
  } else sqlite3_result_error_toobig(ctx);
  return 1;
}
