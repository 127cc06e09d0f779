/* Sentences of long texts, a window at a time: paragraph breaks end every
** sentence, so tokenizing between them gives the same sentences as the whole
** text does, with bounded memory that stays in the cache. A text with no
** paragraph break for long (one endless sentence, pages of quotation marks)
** is cut before a token that follows white space instead: whether a
** sentence ends there, and after it, depends only on tokens back to the
** last white space, so the window's tokens decide it as the whole text's
** would, and a sentence cut there is carried into the next window. */
#include <stdint.h>

#include "news.h"

/* Bytes a token's scan may look past its end (a period, an apostrophe, the
** next character): a cut token must end this far before the window's end. */
#define LOOKAHEAD 32

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

/* A paragraph break ending within [from + window / 2, from + 2 * window]
** (just after it), or 0 for none; the end of the text when it comes first. */
static size_t paragraph_cut(const char *s, size_t n, size_t from, size_t window) {
  if (window < 2 || n - from <= window) return n;
  size_t target = from + window;
  for (size_t p = target; p > from + window / 2; p--)
    if (break_ends_at(s, from, p)) return p + 1;
  size_t stop = n - from > 2 * window ? from + 2 * window : n;
  for (size_t p = target; p < stop; p++)
    if (break_ends_at(s, from, p)) return p + 1;
  return stop == n ? n : 0;
}

/* The token of the window the next one may start at: white space before
** it (so no look-back crosses it), whole and LOOKAHEAD bytes before the
** window's end; the last sentence start of that kind, else the last token;
** 0 when there is none. */
static size_t token_cut(const nw_doc *d) {
  size_t last = 0;
  for (size_t k = d->ntok; k-- > 1;) {
    const nw_token *t = &d->tok[k];
    if (t->ws == NW_WS_NONE || (size_t)t->end + LOOKAHEAD > d->len) continue;
    if (t->flags & NW_TF_SENT_START) return k;
    if (!last) last = k;
  }
  return last;
}

size_t nw_window_cut(const char *s, size_t n, size_t from, size_t window, nw_doc *doc, int *mid_sentence) {
  *mid_sentence = 0;
  size_t to = paragraph_cut(s, n, from, window);
  if (to) return to;
  if (nw_tokenize(doc, s + from, window)) return 0;
  size_t k = token_cut(doc);
  if (!k) return nw_window_end(s, n, from, window); /* no white space at all: up to the next break */
  *mid_sentence = !(doc->tok[k].flags & NW_TF_SENT_START);
  return from + doc->tok[k].start;
}

int nw_each_sentence(const char *s, size_t n, size_t window, int (*fn)(void *arg, size_t start, size_t end),
                     void *arg) {
  nw_doc doc = {0};
  int rc = 0, mid_sentence = 0;
  size_t open_start = SIZE_MAX; /* a sentence cut at the last window's end starts here */
  for (size_t from = 0; from < n && rc == 0;) {
    if (nw_stop_requested()) {
      rc = NW_STOPPED;
      break;
    }
    size_t to = nw_window_cut(s, n, from, window, &doc, &mid_sentence);
    if (!to || nw_tokenize(&doc, s + from, to - from)) {
      rc = -1;
      break;
    }
    for (size_t k = 0; k < doc.nsent && rc == 0; k++) {
      size_t start = k == 0 && open_start != SIZE_MAX ? open_start : from + doc.sent[k].start;
      open_start = SIZE_MAX;
      if (mid_sentence && k + 1 == doc.nsent) open_start = start; /* goes on in the next window */
      else rc = fn(arg, start, from + doc.sent[k].end);
    }
    from = to;
  }
  nw_doc_free(&doc);
  return rc;
}
