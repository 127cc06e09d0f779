/* The one possessive test: "Putin's", "Putin’s", "officials'", "officials’",
** told from the contractions "it's", "he's", "let's" (is, has, us). */
#include "news.h"

#include <string.h>

#define RIGHT_QUOTE "\xE2\x80\x99" /* ’, the typographic apostrophe */

/* Words whose 's is "is", "has" or "us", never a possessive. */
static const char *const contracted[] = {"it", "he", "she", "that", "there", "here", "what", "who", "where", "how", "let"};

static int is_contraction(const char *w, size_t n) {
  for (size_t k = 0; k < sizeof contracted / sizeof contracted[0]; k++)
    if (strlen(contracted[k]) == n && !nw_ascii_ncasecmp(w, contracted[k], n)) return 1;
  return 0;
}

/* Length of an apostrophe (' or ’) ending at w + n, or 0. */
static size_t apostrophe_before(const char *w, size_t n) {
  if (n >= 1 && w[n - 1] == '\'') return 1;
  if (n >= 3 && !memcmp(w + n - 3, RIGHT_QUOTE, 3)) return 3;
  return 0;
}

size_t nw_possessive_suffix(const char *w, size_t n) {
  if (n >= 2 && (w[n - 1] | 32) == 's') { /* 's, ’s */
    size_t a = apostrophe_before(w, n - 1);
    if (a && n - 1 - a > 0 && !is_contraction(w, n - 1 - a)) return a + 1;
    if (a) return 0;
  }
  size_t a = apostrophe_before(w, n); /* s', s’ */
  if (a && n > a + 1 && (w[n - a - 1] | 32) == 's') return a;
  return 0;
}

int nw_tok_possessive(const nw_doc *d, size_t i) {
  if (i == 0 || i >= d->ntok) return 0;
  const nw_token *t = &d->tok[i], *prev = &d->tok[i - 1];
  if (t->cls != NW_TOK_WORD || t->ws != NW_WS_NONE || prev->cls != NW_TOK_WORD) return 0;
  size_t n = nw_tok_len(t);
  const char *w = d->text + t->start;
  if (!((n == 2 && w[0] == '\'') || (n == 4 && !memcmp(w, RIGHT_QUOTE, 3))) || (w[n - 1] | 32) != 's') return 0;
  return nw_possessive_suffix(d->text + prev->start, t->end - prev->start) == n;
}
