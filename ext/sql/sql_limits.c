/* The text-argument cap of every function (docs/serving.md): a text longer
** than max_text_bytes (ext/core/limits.c: the host's setting or
** NEWS_MAX_TEXT_BYTES) is an SQL error (SQLITE_TOOBIG), before any work or
** memory is spent on it. (Files have their own cap, max_file_bytes, in the
** reader.) */
#include "tvf.h"

SQLITE_EXTENSION_INIT3

int nw_text_too_long(const char *fname, size_t len, char **msg) {
  int64_t cap = nw_limit(NW_LIMIT_MAX_TEXT_BYTES);
  if ((uint64_t)len <= (uint64_t)cap) return SQLITE_OK;
  *msg = sqlite3_mprintf("%s: the text is %llu bytes, over the limit of %lld bytes (%s)", fname,
                         (unsigned long long)len, (long long)cap, nw_limit_env(NW_LIMIT_MAX_TEXT_BYTES));
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
