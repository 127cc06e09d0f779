/* Reading tokens as date material: word lookups (once per token), numbers in
** digits or words, days of the month, years, units, times of day. */
#include <limits.h>
#include <string.h>

#include "dates_tokens.h"

/* Look token i up once: its first word-table entry and the set of its senses
** (with the kinds of phrase it starts, from bit DT_PHRASE_BIT). */
static void look_up(dt_ctx *c, size_t i) {
  const nw_token *t = tk(c, i);
  size_t n = nw_tok_len(t);
  const char *w = tx(c, i);
  c->word[i] = -1;
  c->kinds[i] = 0;
  if (t->cls != NW_TOK_WORD || n >= 24) return;
  if (n > 1 && w[n - 1] == '.') n--;
  uint32_t phrases;
  c->word[i] = dt_word_find(w, n, &phrases);
  for (int k = c->word[i]; k >= 0; k = dt_word_next(k)) c->kinds[i] |= 1ull << dt_words[k].kind;
  c->kinds[i] |= (uint64_t)phrases << DT_PHRASE_BIT;
}

int32_t dt_sense(dt_ctx *c, size_t i, int kind) {
  if (!in_doc(c, i)) return INT32_MIN;
  if (c->word[i] == -2) look_up(c, i);
  if (!(c->kinds[i] & (1ull << kind))) return INT32_MIN;
  for (int k = c->word[i]; k >= 0; k = dt_word_next(k))
    if (dt_words[k].kind == kind) return dt_words[k].val;
  return INT32_MIN;
}

/* Only tokens that start a phrase of the kind (a bit set at look-up) scan the
** table, which is small (a few dozen rows). */
size_t dt_phrase_at(dt_ctx *c, size_t i, int kind, int *val) {
  size_t best = 0;
  if (!in_doc(c, i) || !(dt_kinds(c, i) & 1ull << (DT_PHRASE_BIT + kind))) return 0;
  for (size_t p = 0; p < dt_phrases_count; p++) {
    if (dt_phrases[p].kind != kind) continue;
    const char *w = dt_phrases[p].words;
    size_t k = i;
    for (;;) {
      size_t n = strcspn(w, " ");
      if (!is_wn(c, k, w, n)) break;
      k++;
      if (!w[n]) {
        if (k - i > best) {
          best = k - i;
          if (val) *val = dt_phrases[p].val;
        }
        break;
      }
      w += n + 1;
    }
  }
  return best;
}

uint64_t dt_kinds(dt_ctx *c, size_t i) {
  if (c->word[i] == -2) look_up(c, i);
  return c->kinds[i];
}

/* Token i is a run of ASCII digits: value and digit count. */
int dt_digits(dt_ctx *c, size_t i, int *v, int *nd) {
  if (!in_doc(c, i) || tk(c, i)->cls != NW_TOK_NUMBER) return 0;
  size_t n = tn(c, i);
  const char *s = tx(c, i);
  if (n > 9) return 0;
  int x = 0;
  for (size_t k = 0; k < n; k++) {
    if (s[k] < '0' || s[k] > '9') return 0;
    x = x * 10 + (s[k] - '0');
  }
  *v = x;
  if (nd) *nd = (int)n;
  return 1;
}

/* A day of the month: "4", "04", "4th", "22nd", or an ordinal word; of a
** range ("10-12") the first day. */
int dt_day_num(dt_ctx *c, size_t i, int *d) {
  int v, nd;
  if (dt_digits(c, i, &v, &nd)) {
    if (nd > 2 || v < 1 || v > 31) return 0;
    *d = v;
    return 1;
  }
  if (!in_doc(c, i)) return 0;
  const char *s = tx(c, i);
  size_t n = tn(c, i);
  if (tk(c, i)->cls == NW_TOK_NUMBER && n >= 3 && n <= 5 && (s[1] == '-' || s[2] == '-')) {
    size_t h = s[1] == '-' ? 1 : 2, k;
    v = 0;
    for (k = 0; k < h; k++) v = v * 10 + (s[k] - '0');
    for (k = h + 1; k < n; k++)
      if (s[k] < '0' || s[k] > '9') return 0;
    if (n - h - 1 < 1 || n - h - 1 > 2 || s[0] < '0' || s[0] > '9' || (h == 2 && (s[1] < '0' || s[1] > '9'))) return 0;
    if (v < 1 || v > 31) return 0;
    *d = v;
    return 1;
  }
  if (tk(c, i)->cls == NW_TOK_NUMBER && n >= 3 && n <= 4) {
    static const char *const suf[] = {"st", "nd", "rd", "th"};
    size_t nd2 = n - 2;
    int ok = 0;
    for (int k = 0; k < 4; k++) ok |= (s[nd2] | 32) == suf[k][0] && (s[nd2 + 1] | 32) == suf[k][1];
    v = 0;
    for (size_t k = 0; k < nd2; k++) {
      if (s[k] < '0' || s[k] > '9') return 0;
      v = v * 10 + (s[k] - '0');
    }
    if (ok && v >= 1 && v <= 31) { *d = v; return 1; }
    return 0;
  }
  if (has(c, i, DW_ORD, &v) && v >= 1 && v <= 31) {
    if (v == 20 && hyphen_at(c, i + 1)) return 0;
    *d = v;
    return 1;
  }
  return 0;
}

/* A four-digit year a news text would write (1000..2199). */
int dt_year_num(dt_ctx *c, size_t i, int *y) {
  int v, nd;
  if (!dt_digits(c, i, &v, &nd) || nd != 4 || v < 1000 || v > 2199) return 0;
  *y = v;
  return 1;
}

/* A number: digits, or words ("twenty-four", "two thousand", "a hundred").
** Returns the end token or 0. allow_a takes "a"/"an" as one. */
size_t dt_number(dt_ctx *c, size_t i, int *val, int allow_a) {
  int v, nd, w;
  if (dt_digits(c, i, &v, &nd)) {
    *val = v;
    return i + 1;
  }
  if (in_doc(c, i) && tk(c, i)->cls == NW_TOK_NUMBER && tn(c, i) <= 7) { /* "2,000" */
    const char *t = tx(c, i);
    size_t n = tn(c, i), k = 0;
    v = 0;
    while (k < n && ((t[k] >= '0' && t[k] <= '9') || (t[k] == ',' && k > 0 && n - k == 4))) {
      if (t[k] != ',') v = v * 10 + (t[k] - '0');
      k++;
    }
    if (k == n && memchr(t, ',', n)) {
      *val = v;
      return i + 1;
    }
  }
  size_t j = i;
  if (allow_a && has(c, i, DW_DET, &w) && w == 1) v = 1, j = i + 1;
  else if (has(c, i, DW_NUM, &v)) {
    j = i + 1;
    int u;
    if (v >= 20 && v % 10 == 0 && v <= 90) {
      if (hyphen_at(c, j) && has(c, j + 1, DW_NUM, &u) && u < 10) v += u, j += 2;
      else if (has(c, j, DW_NUM, &u) && u < 10) v += u, j += 1;
    }
  } else return 0;
  if (has(c, j, DW_MULT, &w) && v < 1000) v *= w, j++;
  *val = v;
  return j;
}

int dt_unit_of(dt_ctx *c, size_t i, int *plural) {
  int u;
  if (plural) *plural = 0; /* set on every path: callers test it without checking the unit */
  if (!has(c, i, DW_UNIT, &u)) return 0;
  if (plural) *plural = (u & DU_PLURAL) != 0;
  return u & ~DU_PLURAL;
}

/* "'98" (1998), "'90s" (a decade): an apostrophe and two digits. Returns the end or 0. */
size_t dt_apostrophe_year(dt_ctx *c, size_t j, int *y, int *decade) {
  if (!in_doc(c, j + 1) || tk(c, j)->cls != NW_TOK_QUOTE || !glued(c, j + 1) || tk(c, j + 1)->cls != NW_TOK_NUMBER)
    return 0;
  if (!(tx(c, j)[0] == '\'' || (tn(c, j) == 3 && !memcmp(tx(c, j), "\xE2\x80\x99", 3)))) return 0;
  const char *t = tx(c, j + 1);
  size_t n = tn(c, j + 1);
  if (!((n == 2 || (n == 3 && t[2] == 's')) && t[0] >= '0' && t[0] <= '9' && t[1] >= '0' && t[1] <= '9')) return 0;
  if (in_doc(c, j + 2) && glued(c, j + 2) && tk(c, j + 2)->cls == NW_TOK_WORD) return 0;
  int x = (t[0] - '0') * 10 + (t[1] - '0');
  *decade = n == 3;
  if (*decade && x % 10) return 0;
  *y = x + (x >= 30 ? 1900 : 2000);
  return j + 2;
}

/* A year said in words: "nineteen ninety-six", "two thousand". */
size_t dt_year_words(dt_ctx *c, size_t i, int *y) {
  int v, lo, u;
  if (!has(c, i, DW_NUM, &v)) return 0;
  if (v >= 11 && v <= 20) {
    size_t e = dt_number(c, i + 1, &lo, 0);
    if (e && lo >= 10 && lo <= 99 && !dt_digits(c, i + 1, &u, NULL)) {
      *y = v * 100 + lo;
      return e;
    }
  }
  size_t e = dt_number(c, i, &v, 0);
  if (e > i + 1 && v % 1000 == 0 && v >= 1000 && v <= 2000) { /* "two thousand", not "twelve hundred" students */
    *y = v;
    return e;
  }
  return 0;
}

/* "May" and "March" are months only where a date is plainly meant. */
int dt_month_word(dt_ctx *c, size_t i, int *m) {
  if (!has(c, i, DW_MONTH, m) || !capital(c, i)) return 0;
  size_t n = tn(c, i);
  if (n <= 4 && tx(c, i)[n - 1] != '.' && *m != 5 && *m != 6 && *m != 7 && !is_w(c, i, "sept")) {
    /* bare abbreviations ("Mar", "Jan") only before a day number */
    int d;
    if (!dt_day_num(c, i + 1, &d)) return 0;
  }
  if (*m == 5 || *m == 3) {
    int d, y;
    if (dt_day_num(c, i + 1, &d) || dt_year_num(c, i + 1, &y) || (is_ch(c, i + 1, ',') && dt_year_num(c, i + 2, &y))) return 1;
    if (tk(c, i)->flags & NW_TF_ALL_UPPER && n > 1) return 0; /* "MAY" in a headline is the verb */
    if (i == 0) return 0;
    int r;
    size_t p = i - 1;
    return has(c, p, DW_PREP, NULL) || has(c, p, DW_REL, &r) || has(c, p, DW_EDGE, &r) || is_ch(c, p, '-');
  }
  /* "April Ryan", "June Carter": months that are first names, before a capitalized name */
  if ((*m == 4 || *m == 6 || *m == 8) && in_doc(c, i + 1) && glued(c, i + 1) == 0 && tk(c, i + 1)->cls == NW_TOK_WORD &&
      capital(c, i + 1) && !has(c, i + 1, DW_MONTH, NULL) && !has(c, i + 1, DW_WEEKDAY, NULL) &&
      !has(c, i + 1, DW_REL, NULL) && !(tk(c, i + 1)->flags & NW_TF_SENT_START) &&
      !(i > 0 && (is_w(c, i - 1, "in") || is_w(c, i - 1, "since") || is_w(c, i - 1, "until") || is_w(c, i - 1, "during") ||
                  has(c, i - 1, DW_REL, NULL) || has(c, i - 1, DW_EDGE, NULL))))
    return 0;
  return 1;
}

/* ---- time of day -------------------------------------------------------- */

/* "10:30", "10:30:00", "10 a.m.", "10:30 p.m. EST", "10am", "noon". */
size_t dt_time_of_day(dt_ctx *c, size_t i, dt_spec *s) {
  if (!in_doc(c, i)) return 0;
  int h = -1, m = 0, v, ampm = -1;
  size_t j = i;
  if (has(c, i, DW_TIMEWORD, &v)) {
    s->hour = (int8_t)v, s->minute = 0; /* midnight is T24:00, as TimeML writes it */
    return i + 1;
  }
  const char *t = tx(c, i);
  size_t n = tn(c, i);
  if (tk(c, i)->cls != NW_TOK_NUMBER) return 0;
  size_t k = 0;
  int hh = 0, kd = 0;
  while (k < n && t[k] >= '0' && t[k] <= '9' && kd < 3) hh = hh * 10 + (t[k++] - '0'), kd++;
  if (kd == 0 || kd > 2) return 0;
  h = hh;
  int has_min = 0;
  if (k < n && t[k] == ':') {
    if (k + 3 > n || t[k + 1] < '0' || t[k + 1] > '5' || t[k + 2] < '0' || t[k + 2] > '9') return 0;
    m = (t[k + 1] - '0') * 10 + (t[k + 2] - '0');
    k += 3;
    has_min = 1;
    if (k < n && t[k] == ':') {
      if (k + 3 > n) return 0;
      k += 3;
    }
  }
  if (k < n) { /* "10am" */
    if (n - k == 2 && ((t[k] | 32) == 'a' || (t[k] | 32) == 'p') && (t[k + 1] | 32) == 'm') ampm = (t[k] | 32) == 'p' ? 12 : 0;
    else return 0;
  }
  j = i + 1;
  if (ampm < 0 && has(c, j, DW_AMPM, &v)) ampm = v, j++;
  if (ampm < 0 && !has_min) return 0;
  if (h > 23 || (ampm >= 0 && (h < 1 || h > 12))) return 0;
  if (ampm >= 0) h = h % 12 + ampm;
  if (has(c, j, DW_TZ, NULL) && (tk(c, j)->flags & NW_TF_ALL_UPPER)) j++;
  else if (is_ch(c, j, '+') || is_ch(c, j, '-')) { /* "+0000" */
    int z, zd;
    if (dt_digits(c, j + 1, &z, &zd) && zd == 4 && glued(c, j + 1)) j += 2;
  }
  s->hour = (int8_t)h, s->minute = (int8_t)m;
  return j;
}
