/* Sentences of long texts, a window at a time: paragraph breaks end every
** sentence, so tokenizing between them gives the same sentences as the whole
** text does, with bounded memory that stays in the cache. */
#include "news.h"

/* A paragraph break ends at p (s[p] is its second line end)? */
static int break_ends_at(const char *s, size_t from, size_t p) {
  if (s[p] != '\n') return 0;
  for (size_t k = p; k-- > from;) {
    if (s[k] == '\n') return 1;
    if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r') return 0;
  }
  return 0;
}

size_t nw_window_end(const char *s, size_t n, size_t from, size_t window) {
  if (window < 2 || n - from <= window) return n;
  size_t target = from + window;
  for (size_t p = target; p > from + window / 2; p--)
    if (break_ends_at(s, from, p)) return p + 1;
  for (size_t p = target; p < n; p++)
    if (break_ends_at(s, from, p)) return p + 1;
  return n;
}

int nw_each_sentence(const char *s, size_t n, size_t window, int (*fn)(void *arg, size_t start, size_t end),
                     void *arg) {
  nw_doc doc = {0};
  int rc = 0;
  for (size_t from = 0; from < n && rc == 0;) {
    if (nw_stop_requested()) {
      rc = NW_STOPPED;
      break;
    }
    size_t to = nw_window_end(s, n, from, window);
    if (nw_tokenize(&doc, s + from, to - from)) {
      rc = -1;
      break;
    }
    for (size_t k = 0; k < doc.nsent && rc == 0; k++) rc = fn(arg, from + doc.sent[k].start, from + doc.sent[k].end);
    from = to;
  }
  nw_doc_free(&doc);
  return rc;
}
