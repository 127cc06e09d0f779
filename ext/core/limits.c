/* Per-call caps a host sets (docs/serving.md): each is read once from its
** environment variable, and sqlite3_news_set_limit (ext/sql/news.c, never
** reachable from SQL) overrides it. A value that is not a positive number
** keeps the default rather than lifting the cap. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"

static const struct {
  const char *name, *env;
  int64_t dflt;
} limits[NW_LIMIT_COUNT] = {
  [NW_LIMIT_MAX_TEXT_BYTES] = {"max_text_bytes", "NEWS_MAX_TEXT_BYTES", (int64_t)256 << 20},
  [NW_LIMIT_MAX_FILE_BYTES] = {"max_file_bytes", "NEWS_MAX_FILE_BYTES", (int64_t)64 << 20},
};

/* -1: not read from the environment yet */
static _Atomic int64_t value[NW_LIMIT_COUNT] = {-1, -1};

static int64_t from_env(nw_limit_id which) {
  const char *v = getenv(limits[which].env);
  if (!v || !*v) return limits[which].dflt;
  char *end;
  errno = 0;
  long long n = strtoll(v, &end, 10);
  return errno || *end || n <= 0 ? limits[which].dflt : (int64_t)n;
}

int64_t nw_limit(nw_limit_id which) {
  int64_t n = value[which];
  if (n < 0) value[which] = n = from_env(which);
  return n;
}

int nw_limit_set(const char *name, int64_t n) {
  for (int i = 0; i < NW_LIMIT_COUNT; i++)
    if (name && !strcmp(name, limits[i].name)) {
      if (n <= 0) return -1;
      value[i] = n;
      return 0;
    }
  return -1;
}

const char *nw_limit_env(nw_limit_id which) { return limits[which].env; }
