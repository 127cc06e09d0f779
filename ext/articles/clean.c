/* news_clean: the text reader's furniture rules (reader_text.c), then
** Unicode and white-space tidying: nw_normalize's result, by the reader's
** fast path when NFC has nothing to change. */
#include "news_articles.h"

int nw_clean(const char *s, size_t n, nw_buf *out) {
  nw_buf lines = {0};
  int rc = nw_clean_lines(s, n, &lines);
  if (rc == 0) rc = nw_body_finish(lines.data ? lines.data : "", lines.len, out);
  nw_buf_free(&lines);
  return rc;
}
