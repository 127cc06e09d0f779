/* The caps a host sets (ext/core/limits.c): read once from the environment,
** overridden by name (sqlite3_news_set_limit), never lifted by a bad value. */
#include <stdlib.h>

#include "check.h"
#include "news.h"

static void test_environment_then_names(void) {
  setenv("NEWS_MAX_TEXT_BYTES", "12abc", 1); /* not a number: the default stays */
  setenv("NEWS_MAX_FILE_BYTES", "5000", 1);
  CHECK_EQ_INT(nw_limit(NW_LIMIT_MAX_TEXT_BYTES), (int64_t)256 << 20);
  CHECK_EQ_INT(nw_limit(NW_LIMIT_MAX_FILE_BYTES), 5000);
  setenv("NEWS_MAX_FILE_BYTES", "7000", 1); /* read once: a later change does nothing */
  CHECK_EQ_INT(nw_limit(NW_LIMIT_MAX_FILE_BYTES), 5000);
  CHECK_EQ_INT(nw_limit_set("max_file_bytes", 100), 0);
  CHECK_EQ_INT(nw_limit(NW_LIMIT_MAX_FILE_BYTES), 100);
  CHECK_EQ_INT(nw_limit_set("max_text_bytes", 2000), 0);
  CHECK_EQ_INT(nw_limit(NW_LIMIT_MAX_TEXT_BYTES), 2000);
  /* a value below 1 or an unknown name changes nothing */
  CHECK_EQ_INT(nw_limit_set("max_file_bytes", 0), -1);
  CHECK_EQ_INT(nw_limit_set("max_file_bytes", -5), -1);
  CHECK_EQ_INT(nw_limit_set("max_bytes", 10), -1);
  CHECK_EQ_INT(nw_limit_set(NULL, 10), -1);
  CHECK_EQ_INT(nw_limit(NW_LIMIT_MAX_FILE_BYTES), 100);
  CHECK(!strcmp(nw_limit_env(NW_LIMIT_MAX_FILE_BYTES), "NEWS_MAX_FILE_BYTES"));
}

int main(void) {
  RUN(test_environment_then_names);
  DONE();
}
