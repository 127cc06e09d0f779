/* Noun phrases around a cue: the subject to its left ("the Kremlin statement
** said", "X, the Y of Z, said", "Putin, who hailed") and the source to its
** right ("said Sen. Lee", "according to a readout from the ministry"). */
#include "quotes_np.h"

#include <string.h>

enum { NP_MAX = 14 };

static int is_possessive(const qx_ctx *c, size_t i) { return nw_tok_possessive(c->d, i); }

/* "Chinese state media", "state television": "state" before a lower-case
** noun modifies it; it is no cue ("officials state that …" is). */
int qx_state_modifier(const qx_ctx *c, size_t i) {
  if (!nw_tok_is(c->d, i, "state", 0) || !qx_is_word(c, i + 1) || qx_cap(c, i + 1)) return 0;
  const char *w = qx_text(c, i + 1);
  return !qx_class(c, i + 1) && !qx_cue_of(w, qx_len(c, i + 1));
}

/* A word that can be part of a noun phrase (not a function word or a cue). */
static int np_word(const qx_ctx *c, size_t i) {
  if (i >= c->d->ntok) return 0;
  int cls = c->d->tok[i].cls;
  if (cls == NW_TOK_NUMBER) return 1;
  if (cls != NW_TOK_WORD) return 0;
  uint32_t w = qx_class(c, i);
  if (w & (QW_STOP | QW_PRONOUN | QW_LINK | QW_GROUP | QW_DET)) return 0;
  if ((w & QW_NOT_NAME) && qx_cap(c, i)) return 0; /* "Following", "Perhaps" at a sentence start */
  if (!qx_cap(c, i) && qx_cue_of(qx_text(c, i), qx_len(c, i))) {
    /* "the statement", "Trump’s tweet": a cue form after a determiner is a noun */
    return (i > 0 && ((qx_class(c, i - 1) & QW_DET) || is_possessive(c, i - 1))) || qx_state_modifier(c, i);
  }
  return 1;
}

static int is_punct(const qx_ctx *c, size_t i, char ch) { return c->d->tok[i].cls == NW_TOK_PUNCT && qx_is_char(c, i, ch); }

/* "English-language": a hyphen glued on both sides joins words. */
static int inner_hyphen(const qx_ctx *c, size_t i) {
  return i > 0 && i + 1 < c->d->ntok && is_punct(c, i, '-') && c->d->tok[i].ws == NW_WS_NONE &&
         c->d->tok[i + 1].ws == NW_WS_NONE && c->d->tok[i - 1].cls != NW_TOK_PUNCT && c->d->tok[i + 1].cls != NW_TOK_PUNCT;
}

/* "the statement released by the Kremlin": "by" after a participle links. */
static int agent_by(const qx_ctx *c, size_t i) {
  if (!nw_tok_is(c->d, i, "by", 1) || i == 0 || !qx_is_word(c, i - 1)) return 0;
  size_t n = qx_len(c, i - 1);
  return n > 3 && memcmp(qx_text(c, i - 1) + n - 2, "ed", 2) == 0;
}

int qx_skippable(const qx_ctx *c, size_t i) {
  uint32_t w = qx_class(c, i);
  if (w & QW_PRONOUN) return 0;
  if (w & QW_SKIP) return 1;
  /* "forcefully told": an adverb in -ly */
  size_t n = qx_len(c, i);
  return qx_is_word(c, i) && !qx_cap(c, i) && n > 4 && memcmp(qx_text(c, i) + n - 2, "ly", 2) == 0;
}

/* Walk left from the head word at i; lo bounds the frame. */
static qx_span walk_left(const qx_ctx *c, size_t i, size_t lo, size_t end) {
  size_t start = i, k = i;
  int name_only = qx_cap(c, i);
  while (k > lo && end - k < NP_MAX) {
    size_t j = k - 1;
    uint32_t w = qx_class(c, j);
    if (qx_is_word(c, j) && (w & QW_DET) && !(w & QW_PRONOUN)) {
      start = j;
      /* "the head of the agency": go on past a linking preposition */
      if (j > lo + 1 && (qx_class(c, j - 1) & QW_LINK) && np_word(c, j - 2)) {
        k = j - 1;
        name_only = 0;
        continue;
      }
      break;
    }
    if (qx_is_word(c, j) && (w & (QW_LINK | QW_GROUP))) {
      if (j > lo && (np_word(c, j - 1) || (w & QW_GROUP && (qx_class(c, j - 1) & QW_PRONOUN)))) {
        if ((w & QW_GROUP) && (qx_class(c, j - 1) & QW_PRONOUN)) { start = j - 1; break; }
        if (w & QW_LINK) name_only = 0;
        k = j;
        continue;
      }
      break;
    }
    if (np_word(c, j) || is_possessive(c, j)) {
      /* "a Bloomberg interview Trump declared": a name takes no lower-case words before it but titles */
      if (name_only && !qx_cap(c, j) && !(w & QW_TITLE) && !is_possessive(c, j)) break; /* "Russia’s Putin" goes on */
      if (!qx_cap(c, j) && !is_possessive(c, j)) name_only = 0;
      start = j;
      k = j;
      continue;
    }
    if (inner_hyphen(c, j) && j > lo && np_word(c, j - 1)) { start = j - 1; k = j - 1; continue; }
    if (is_punct(c, j, ')')) {
      size_t m = j;
      while (m > lo && j - m < 8 && !is_punct(c, m, '(')) m--;
      if (is_punct(c, m, '(') && m > lo && np_word(c, m - 1)) { start = m - 1; k = m - 1; continue; }
    }
    break;
  }
  /* never start on a linking word or "and" */
  while (start < i && (qx_class(c, start) & (QW_LINK | QW_GROUP))) start++;
  return (qx_span){(int32_t)start, (int32_t)end};
}

/* A day or month name: when something was said, never who. */
static int time_word(const qx_ctx *c, size_t i) { return qx_is_word(c, i) && (qx_class(c, i) & QW_NOT_SPEAKER) && qx_cap(c, i); }

qx_span qx_np_left(const qx_ctx *c, size_t e, size_t lo, int appositive) {
  qx_span none = {-1, -1};
  if (e == (size_t)-1 || e < lo) return none;
  size_t i = e;
  while (i > lo && (qx_skippable(c, i))) i--;
  /* a time before the cue, after a name or a pronoun: "Ortiz later Thursday
  ** told", "He on Friday said" (not "messages early Friday saying") */
  size_t t = i;
  while (t > lo && (qx_skippable(c, t) || time_word(c, t) || (nw_tok_is(c->d, t, "on", 1) && t < e && time_word(c, t + 1)))) t--;
  if (t < i && (qx_cap(c, t) || (qx_class(c, t) & QW_PRONOUN))) i = t;
  if (i < lo) return none;
  if (c->d->tok[i].cls == NW_TOK_PUNCT && (qx_is_char(c, i, ',') || qx_is_char(c, i, '-') || qx_len(c, i) == 3)) {
    /* "X, the Y of Z, said" / "X — a Y — said": the subject is before the aside */
    if (!appositive || i == lo) return none;
    for (size_t j = i - 1; j > lo && i - j < 25; j--) {
      const nw_token *t = &c->d->tok[j];
      if (t->cls != NW_TOK_PUNCT) continue;
      /* a hyphen inside a word ("China-Russia") is not a dash */
      int dash = (qx_len(c, j) == 3 || qx_is_char(c, j, '-')) && t->ws != NW_WS_NONE;
      if (qx_is_char(c, j, ',') || dash) return qx_np_left(c, j - 1, lo, 0);
      if (qx_is_char(c, j, '.') || qx_is_char(c, j, ';') || qx_is_char(c, j, ':')) break;
    }
    return none;
  }
  if (qx_class(c, i) & QW_RELATIVE) {
    /* "Putin, who hailed": the subject is before the relative pronoun */
    if (i == lo) return none;
    size_t j = i - 1;
    if (qx_is_char(c, j, ',')) {
      if (j == lo) return none;
      j--;
    }
    return qx_np_left(c, j, lo, 0);
  }
  size_t end = i + 1;
  if (is_punct(c, i, ')')) {
    size_t m = i;
    while (m > lo && i - m < 8 && !is_punct(c, m, '(')) m--;
    if (!is_punct(c, m, '(') || m == lo) return none;
    i = m - 1;
  }
  if (qx_class(c, i) & QW_PRONOUN) return (qx_span){(int32_t)i, (int32_t)end};
  if (!np_word(c, i) || c->d->tok[i].cls == NW_TOK_NUMBER) return none;
  return walk_left(c, i, lo, end);
}

/* Token k, in a noun phrase that starts at token s, is a verb in the past
** tense: a lower-case word in -ed after a noun (not right after the article:
** "the embattled mayor"), followed by a function word or an article. */
static int past_verb_after_noun(const qx_ctx *c, size_t s, size_t k) {
  size_t n = qx_len(c, k);
  if (k <= s || !qx_is_word(c, k) || qx_cap(c, k) || n < 5 || memcmp(qx_text(c, k) + n - 2, "ed", 2) != 0) return 0;
  if (!np_word(c, k - 1) || (k - 1 == s && (qx_class(c, s) & QW_DET))) return 0;
  if (k + 1 >= c->d->ntok || !qx_is_word(c, k + 1)) return 0;
  return (qx_class(c, k + 1) & (QW_STOP | QW_LINK | QW_DET)) != 0 && !agent_by(c, k + 1);
}

/* An article right after a lower-case word that links nothing ("Ortiz made
** the following"): that word is a verb, and a new noun phrase starts. */
static int verb_before_article(const qx_ctx *c, size_t first, size_t k) {
  if (k < first + 2 || !qx_is_word(c, k) || !qx_is_word(c, k - 1) || qx_cap(c, k - 1)) return 0;
  uint32_t w = qx_class(c, k), v = qx_class(c, k - 1);
  return (w & QW_DET) && !(w & QW_PRONOUN) && !(v & (QW_LINK | QW_GROUP | QW_DET | QW_STOP));
}

qx_span qx_np_trim(const qx_ctx *c, qx_span s) {
  if (s.first < 0) return s;
  for (size_t k = (size_t)s.first + 1; k < (size_t)s.end; k++) {
    if (past_verb_after_noun(c, (size_t)s.first, k) || ((qx_class(c, k) & QW_SKIP) && !qx_cap(c, k)))
      return (qx_span){s.first, (int32_t)k};
    if (verb_before_article(c, (size_t)s.first, k)) return (qx_span){s.first, (int32_t)k - 1};
  }
  return s;
}

qx_span qx_np_right(const qx_ctx *c, size_t s, size_t hi) {
  qx_span none = {-1, -1};
  size_t i = s;
  if (i >= hi) return none;
  uint32_t w = qx_class(c, i);
  if (w & QW_PRONOUN) return (qx_span){(int32_t)i, (int32_t)i + 1};
  if (!(w & QW_DET) && !np_word(c, i)) return none;
  size_t end = i + 1;
  for (size_t k = i + 1; k < hi && k - i < NP_MAX; k++) {
    uint32_t wk = qx_class(c, k);
    if (np_word(c, k) || is_possessive(c, k)) { end = k + 1; continue; }
    if (inner_hyphen(c, k) || agent_by(c, k)) continue;
    if (qx_is_word(c, k) && (wk & (QW_LINK | QW_GROUP | QW_DET)) && !(wk & QW_PRONOUN)) continue;
    if (is_punct(c, k, '(')) {
      size_t m = k + 1;
      while (m < hi && m - k < 8 && !is_punct(c, m, ')')) m++;
      if (m < hi && is_punct(c, m, ')')) { end = m + 1; k = m; continue; }
    }
    break;
  }
  return (qx_span){(int32_t)i, (int32_t)end};
}
