/* Recognizers over the shared tokens, chrono style: each small function
** tries one family of expressions at a token and returns where its match
** ends (0: none); dt_recognize keeps the longest. Prefixes that TimeBank
** keeps in the extent (determiners, "early"/"mid-"/"late", "the end of",
** approximators) are handled here too; prepositions never are. Words are
** looked up in the tables of dates_words.c, once per token. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "dates_internal.h"

/* ---- token helpers ----------------------------------------------------- */

static const nw_token *tk(dt_ctx *c, size_t i) { return &c->doc->tok[i]; }
static const char *tx(dt_ctx *c, size_t i) { return c->doc->text + c->doc->tok[i].start; }
static size_t tn(dt_ctx *c, size_t i) { return nw_tok_len(&c->doc->tok[i]); }
static int in_doc(dt_ctx *c, size_t i) { return i < c->doc->ntok; }

/* Look token i up once: its first word-table entry and the set of its senses. */
static void look_up(dt_ctx *c, size_t i) {
  const nw_token *t = tk(c, i);
  size_t n = nw_tok_len(t);
  const char *w = tx(c, i);
  c->word[i] = -1;
  c->kinds[i] = 0;
  if (t->cls != NW_TOK_WORD || n >= 24) return;
  if (n > 1 && w[n - 1] == '.') n--;
  c->word[i] = dt_word_find(w, n);
  for (int k = c->word[i]; k >= 0; k = dt_word_next(k)) c->kinds[i] |= 1u << dt_words[k].kind;
}

int32_t dt_sense(dt_ctx *c, size_t i, int kind) {
  if (!in_doc(c, i)) return INT32_MIN;
  if (c->word[i] == -2) look_up(c, i);
  if (!(c->kinds[i] & (1u << kind))) return INT32_MIN;
  for (int k = c->word[i]; k >= 0; k = dt_word_next(k))
    if (dt_words[k].kind == kind) return dt_words[k].val;
  return INT32_MIN;
}

static int has(dt_ctx *c, size_t i, int kind, int *val) {
  int32_t v = dt_sense(c, i, kind);
  if (v == INT32_MIN) return 0;
  if (val) *val = v;
  return 1;
}

/* Token i is the word s (ASCII case-insensitive). Inlined so that strlen of a literal folds. */
static inline int is_w(dt_ctx *c, size_t i, const char *s) {
  size_t n = strlen(s);
  if (!in_doc(c, i) || tn(c, i) != n) return 0;
  const char *w = tx(c, i);
  for (size_t k = 0; k < n; k++) {
    char a = w[k];
    if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
    if (a != s[k]) return 0;
  }
  return 1;
}
static int is_ch(dt_ctx *c, size_t i, char ch) { return in_doc(c, i) && tn(c, i) == 1 && tx(c, i)[0] == ch; }
static int glued(dt_ctx *c, size_t i) { return in_doc(c, i) && tk(c, i)->ws == NW_WS_NONE; }
static int capital(dt_ctx *c, size_t i) { return (tk(c, i)->flags & NW_TF_UPPER_INITIAL) != 0; }
/* A hyphen joining two tokens: "third-quarter", "mid-1996", "two-year". */
static int hyphen_at(dt_ctx *c, size_t i) { return is_ch(c, i, '-') && glued(c, i) && glued(c, i + 1); }

static int possessive(dt_ctx *c, size_t i) { return is_w(c, i, "'s") || is_w(c, i, "’s"); }

/* Token i is a run of ASCII digits: value and digit count. */
static int digits(dt_ctx *c, size_t i, int *v, int *nd) {
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
static int day_num(dt_ctx *c, size_t i, int *d) {
  int v, nd;
  if (digits(c, i, &v, &nd)) {
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
static int year_num(dt_ctx *c, size_t i, int *y) {
  int v, nd;
  if (!digits(c, i, &v, &nd) || nd != 4 || v < 1000 || v > 2199) return 0;
  *y = v;
  return 1;
}

/* A number: digits, or words ("twenty-four", "two thousand", "a hundred").
** Returns the end token or 0. allow_a takes "a"/"an" as one. */
static size_t number(dt_ctx *c, size_t i, int *val, int allow_a) {
  int v, nd, w;
  if (digits(c, i, &v, &nd)) {
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

static int unit_of(dt_ctx *c, size_t i, int *plural) {
  int u;
  if (!has(c, i, DW_UNIT, &u)) return 0;
  if (plural) *plural = (u & DU_PLURAL) != 0;
  return u & ~DU_PLURAL;
}

/* ---- time of day -------------------------------------------------------- */

/* "10:30", "10:30:00", "10 a.m.", "10:30 p.m. EST", "10am", "noon". */
static size_t time_of_day(dt_ctx *c, size_t i, dt_spec *s) {
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
    if (digits(c, j + 1, &z, &zd) && zd == 4 && glued(c, j + 1)) j += 2;
  }
  s->hour = (int8_t)h, s->minute = (int8_t)m;
  return j;
}

/* After a date: a time ("Feb. 4, 2022 10:30", "Friday at 10 a.m.") or a part
** of the day ("Friday evening"). Makes the spec a TIME. */
static size_t time_tail(dt_ctx *c, size_t j, dt_spec *s) {
  int v;
  size_t e;
  if (has(c, j, DW_POD, &v) && !(tk(c, j)->flags & NW_TF_UPPER_INITIAL && !(tk(c, j)->flags & NW_TF_SENT_START))) {
    s->pod = (int8_t)v, s->type = DT_TIME;
    return j + 1;
  }
  size_t k = is_w(c, j, "at") ? j + 1 : j;
  if (is_ch(c, k, ',')) k++;
  dt_spec t = *s;
  if ((e = time_of_day(c, k, &t))) {
    t.type = DT_TIME;
    *s = t;
    return e;
  }
  return j;
}

/* ---- explicit dates ----------------------------------------------------- */

/* Numeric forms in one token: 2022-02-04[T10:30[:00][Z]], 2022/02/04,
** 02/04/2022 and 4/2/22 (month first, as US news writes it, unless the first
** number cannot be a month), 04.02.2022 (day first, the European dotted form). */
static size_t r_numeric(dt_ctx *c, size_t i, dt_spec *s) {
  if (tk(c, i)->cls != NW_TOK_NUMBER) return 0;
  if ((i > 0 && glued(c, i) && is_ch(c, i - 1, '/')) || (is_ch(c, i + 1, '/') && glued(c, i + 1)))
    return 0; /* part of a URL or a path */
  const char *t = tx(c, i);
  size_t n = tn(c, i);
  int f[3] = {0, 0, 0}, fd[3] = {0, 0, 0}, nf = 0;
  char sep = 0;
  size_t k = 0;
  while (k < n && nf < 3) {
    while (k < n && t[k] >= '0' && t[k] <= '9' && fd[nf] < 5) f[nf] = f[nf] * 10 + (t[k++] - '0'), fd[nf]++;
    if (!fd[nf]) return 0;
    nf++;
    if (k < n && nf < 3 && (t[k] == '-' || t[k] == '/' || t[k] == '.') && (!sep || sep == t[k])) sep = t[k++];
    else break;
  }
  if (nf != 3) return 0;
  int y, m, d;
  if (fd[0] == 4 && fd[1] <= 2 && fd[2] <= 2 && sep != '.') y = f[0], m = f[1], d = f[2];
  else if (fd[2] == 4 || (fd[2] == 2 && sep == '/')) {
    y = fd[2] == 2 ? (f[2] < 50 ? 2000 + f[2] : 1900 + f[2]) : f[2];
    if (sep == '.' || f[0] > 12) d = f[0], m = f[1];
    else m = f[0], d = f[1];
    if (sep == '-') return 0; /* 02-04-2022 is too often a range or a code */
  } else return 0;
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > dt_days_in_month(y, m)) return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  s->year = (int16_t)y, s->month = (int8_t)m, s->day = (int8_t)d;
  if (k < n) { /* "T10:30:00Z" */
    if (t[k] != 'T' || k + 6 > n || t[k + 3] != ':') return 0;
    s->hour = (int8_t)((t[k + 1] - '0') * 10 + (t[k + 2] - '0'));
    s->minute = (int8_t)((t[k + 4] - '0') * 10 + (t[k + 5] - '0'));
    if (s->hour < 0 || s->hour > 23 || s->minute < 0 || s->minute > 59) return 0;
    s->type = DT_TIME;
    return i + 1;
  }
  return time_tail(c, i + 1, s);
}

/* "'98" (1998), "'90s" (a decade): an apostrophe and two digits. Returns the end or 0. */
static size_t apostrophe_year(dt_ctx *c, size_t j, int *y, int *decade) {
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
static size_t year_words(dt_ctx *c, size_t i, int *y) {
  int v, lo, u;
  if (!has(c, i, DW_NUM, &v)) return 0;
  if (v >= 11 && v <= 20) {
    size_t e = number(c, i + 1, &lo, 0);
    if (e && lo >= 10 && lo <= 99 && !digits(c, i + 1, &u, NULL)) {
      *y = v * 100 + lo;
      return e;
    }
  }
  size_t e = number(c, i, &v, 0);
  if (e > i + 1 && v % 1000 == 0 && v >= 1000 && v <= 2000) { /* "two thousand", not "twelve hundred" students */
    *y = v;
    return e;
  }
  return 0;
}

/* "May" and "March" are months only where a date is plainly meant. */
static int month_word(dt_ctx *c, size_t i, int *m) {
  if (!has(c, i, DW_MONTH, m) || !capital(c, i)) return 0;
  size_t n = tn(c, i);
  if (n <= 4 && tx(c, i)[n - 1] != '.' && *m != 5 && *m != 6 && *m != 7 && !is_w(c, i, "sept")) {
    /* bare abbreviations ("Mar", "Jan") only before a day number */
    int d;
    if (!day_num(c, i + 1, &d)) return 0;
  }
  if (*m == 5 || *m == 3) {
    int d, y;
    if (day_num(c, i + 1, &d) || year_num(c, i + 1, &y) || (is_ch(c, i + 1, ',') && year_num(c, i + 2, &y))) return 1;
    if (tk(c, i)->flags & NW_TF_ALL_UPPER && n > 1) return 0; /* "MAY" in a headline is the verb */
    if (i == 0) return 0;
    int r;
    size_t p = i - 1;
    return has(c, p, DW_PREP, NULL) || has(c, p, DW_REL, &r) || has(c, p, DW_EDGE, &r) || is_ch(c, p, '-');
  }
  return 1;
}

/* Month[.] Day[,] [Year] | Month [,|of] Year | Month [this|last year] | Month. */
static size_t r_month_first(dt_ctx *c, size_t i, dt_spec *s) {
  int m, d, y, r;
  if (!month_word(c, i, &m)) return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  s->month = (int8_t)m;
  size_t j = i + 1;
  if (day_num(c, j, &d)) {
    int u;
    if (has(c, j + 1, DW_UNIT, &u)) goto month_only; /* "May 4 years ..." */
    if (!digits(c, j, &y, NULL) && !(tk(c, j)->cls == NW_TOK_NUMBER) && !has(c, j, DW_ORD, NULL)) goto month_only;
    s->day = (int8_t)d;
    j++;
    size_t k = is_ch(c, j, ',') ? j + 1 : j;
    if (year_num(c, k, &y)) s->year = (int16_t)y, j = k + 1;
    /* "Feb. 29, 2023" is no date: matched, so that no part of it is read as one, but not given */
    if (s->day > dt_days_in_month(s->year ? s->year : 2000, m)) s->kind = 0;
    return time_tail(c, j, s);
  }
month_only:;
  size_t k = is_ch(c, j, ',') || is_w(c, j, "of") ? j + 1 : j, e;
  if (year_num(c, k, &y)) {
    s->year = (int16_t)y;
    return k + 1;
  }
  int dec;
  if ((e = year_words(c, k, &y)) || ((e = apostrophe_year(c, k, &y, &dec)) && !dec)) {
    s->year = (int16_t)y;
    return e;
  }
  if (has(c, j, DW_REL, &r) && r != 1 && unit_of(c, j + 1, NULL) == DU_YEAR) { /* "January this year", "June last year" */
    s->unit = DU_YEAR, s->offset = (int16_t)(r < 0 ? -1 : 0);
    return j + 2;
  }
  return j;
}

/* last May, next September, this coming June: a month near the reference. */
static size_t r_month_rel(dt_ctx *c, size_t i, dt_spec *s) {
  int r, m;
  if (!has(c, i, DW_REL, &r) || is_w(c, i, "current") || is_w(c, i, "these")) return 0;
  if (r == -2) r = -1;
  size_t j = i + 1;
  if (r == 0 && has(c, j, DW_REL, &m) && m == 1) r = 1, j++;
  if (!month_word(c, j, &m)) return 0;
  size_t e = r_month_first(c, j, s);
  if (!e || s->year || s->unit) return 0;
  s->kind = SK_MONTHREL, s->rel = (int8_t)r;
  return e;
}

/* Day Month[,] [Year]: "4 February 2022", "04 Feb 2022 10:30:00 +0000", "4th of May". */
static size_t r_day_first(dt_ctx *c, size_t i, dt_spec *s) {
  int d, m, y;
  if (!day_num(c, i, &d)) return 0;
  size_t j = i + 1;
  if (is_w(c, j, "of")) j++;
  if (!has(c, j, DW_MONTH, &m) || !capital(c, j)) return 0;
  if (d > dt_days_in_month(2000, m)) return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  s->month = (int8_t)m, s->day = (int8_t)d;
  j++;
  size_t k = is_ch(c, j, ',') ? j + 1 : j;
  if (year_num(c, k, &y)) {
    if (d > dt_days_in_month(y, m)) s->kind = 0; /* no such day: see r_month_first */
    s->year = (int16_t)y, j = k + 1;
  }
  return time_tail(c, j, s);
}

/* ---- weekdays and days named from today -------------------------------- */

/* [this|last|next|this coming] Weekday[,] [date | day number] [part of day | time]. */
static size_t r_weekday(dt_ctx *c, size_t i, dt_spec *s) {
  int r = 0, w, v;
  size_t j = i;
  if (has(c, j, DW_REL, &r) && r >= -1) {
    j++;
    if (r == 0 && has(c, j, DW_REL, &v) && v == 1) r = 1, j++; /* "this coming Sunday" */
  } else r = 0;
  if (!has(c, j, DW_WEEKDAY, &w) || !capital(c, j)) return 0;
  size_t n = tn(c, j);
  /* "Sun", "Wed", "Sat" alone are names or words more often than days: an
  ** abbreviation must end with its period or come before a date */
  int abbrev = w < 10 && n <= 5 && !is_w(c, j, "monday") && !is_w(c, j, "friday") && !is_w(c, j, "sunday");
  if (abbrev && tx(c, j)[n - 1] != '.') {
    int d, m;
    size_t k = is_ch(c, j + 1, ',') ? j + 2 : j + 1;
    if (!day_num(c, k, &d) && !has(c, k, DW_MONTH, &m)) return 0;
  }
  if (w > 10) { /* "Mondays", "Tuesday nights": a set */
    dt_spec_init(s, DT_SET, SK_LIT);
    size_t e = j + 1;
    const char *pod = "";
    if (has(c, e, DW_POD, &v)) {
      static const char *const code[] = {"", "TMO", "TAF", "TEV", "TNI", "TDT"};
      pod = code[v];
      e++;
    }
    snprintf(s->lit, sizeof s->lit, "XXXX-WXX-%d%s", w - 10, pod);
    return r ? 0 : e;
  }
  if (has(c, j + 1, DW_POD, &v) && tk(c, j + 1)->flags & NW_TF_LOWER_INITIAL && tn(c, j + 1) > 0 &&
      tx(c, j + 1)[tn(c, j + 1) - 1] == 's') {
    dt_spec_init(s, DT_SET, SK_LIT);
    static const char *const code[] = {"", "TMO", "TAF", "TEV", "TNI", "TDT"};
    snprintf(s->lit, sizeof s->lit, "XXXX-WXX-%d%s", w, code[v]);
    return j + 2;
  }
  /* "Friday, Feb. 4, 2022" and "Fri, 04 Feb 2022 10:30:00 +0000": the date decides */
  size_t k = is_ch(c, j + 1, ',') ? j + 2 : j + 1;
  size_t e;
  if (in_doc(c, k) && ((e = r_month_first(c, k, s)) || (e = r_day_first(c, k, s))) && s->day) return e;
  dt_spec_init(s, DT_DATE, SK_WEEKDAY);
  s->weekday = (int8_t)w, s->rel = (int8_t)r;
  e = j + 1;
  int d;
  if (is_ch(c, e, ',') && day_num(c, e + 1, &d) && tk(c, e + 1)->cls == NW_TOK_NUMBER) {
    /* "this Friday, 4": a day number right after; not a count ("Friday, 4 people") */
    size_t a = e + 2;
    if (!in_doc(c, a) || tk(c, a)->cls != NW_TOK_WORD || has(c, a, DW_PREP, NULL) || capital(c, a))
      s->day = (int8_t)d, e += 2;
  }
  return time_tail(c, e, s);
}

/* today, yesterday, tomorrow, tonight [morning|evening|...] ; last night ; this morning. */
static size_t r_dayrel(dt_ctx *c, size_t i, dt_spec *s) {
  int off, v;
  if (has(c, i, DW_DAYREL, &off)) {
    if (capital(c, i) && !(tk(c, i)->flags & NW_TF_SENT_START) && !(i > 0 && tk(c, i - 1)->cls == NW_TOK_QUOTE))
      return 0; /* "VOA Today": a name */
    if (off == 0 && (is_w(c, i + 1, "'s") || is_w(c, i + 1, "’s")) && has(c, i + 2, DW_GENERIC, NULL))
      return 0; /* "today's world": the present age, not a day */
    dt_spec_init(s, DT_DATE, SK_REL);
    s->unit = DU_DAY, s->offset = (int16_t)off;
    if (is_w(c, i, "tonight")) {
      s->type = DT_TIME, s->pod = DP_NIGHT;
      return i + 1;
    }
    if (has(c, i + 1, DW_POD, &v)) {
      s->type = DT_TIME, s->pod = (int8_t)v;
      return i + 2;
    }
    return time_tail(c, i + 1, s);
  }
  /* "last night", "this morning", "this evening" */
  if (has(c, i, DW_REL, &off) && (off == 0 || off == -1) && has(c, i + 1, DW_POD, &v) &&
      (off == 0 || v == DP_NIGHT) && !is_w(c, i, "current")) {
    dt_spec_init(s, DT_TIME, SK_REL);
    s->unit = DU_DAY, s->offset = (int16_t)(off == -1 ? -1 : 0), s->pod = (int8_t)v;
    return i + 2;
  }
  return 0;
}

/* ---- years, decades, centuries ----------------------------------------- */

static int is_currency(dt_ctx *c, size_t i) {
  if (!in_doc(c, i)) return 0;
  const char *t = tx(c, i);
  return tk(c, i)->cls == NW_TOK_SYMBOL || (tn(c, i) <= 3 && (tk(c, i)->flags & NW_TF_ALL_UPPER) && t[0] != 'A');
}

/* "1998", "fiscal 1998", "1990s", "'90s", "the nineties", "20th century", "nineteen ninety-six". */
static size_t r_year(dt_ctx *c, size_t i, dt_spec *s) {
  int y, v;
  size_t j = i;
  if (has(c, j, DW_FISCAL, NULL)) j++;
  if (year_num(c, j, &y)) {
    if (i > 0 && (is_currency(c, i - 1) && glued(c, i))) return 0;
    if (is_ch(c, j + 1, '%') || has(c, j + 1, DW_MULT, NULL) || is_w(c, j + 1, "million") || is_w(c, j + 1, "billion"))
      return 0;
    if (in_doc(c, j + 1) && (is_ch(c, j + 1, '.') || is_ch(c, j + 1, ',')) && glued(c, j + 1) && in_doc(c, j + 2) &&
        tk(c, j + 2)->cls == NW_TOK_NUMBER && glued(c, j + 2))
      return 0;
    if (y < 1800 && j == i) return 0; /* "1500 troops": only years said as such */
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)y;
    return j + 1;
  }
  /* "'98", "'90s" */
  int dec;
  size_t ae = apostrophe_year(c, j, &y, &dec);
  if (ae) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)y;
    if (dec) s->yprec = 3;
    return ae;
  }
  /* decades: "1990s", "90s" */
  if (in_doc(c, j) && tk(c, j)->cls == NW_TOK_NUMBER) {
    const char *t = tx(c, j);
    size_t n = tn(c, j);
    if ((n == 5 || n == 3) && (t[n - 1] == 's')) {
      int x = 0;
      for (size_t k = 0; k + 1 < n; k++) {
        if (t[k] < '0' || t[k] > '9') return 0;
        x = x * 10 + (t[k] - '0');
      }
      if (x % 10) return 0;
      if (n == 3) x += x >= 30 ? 1900 : 2000;
      if (x < 1000 || x > 2190) return 0;
      dt_spec_init(s, DT_DATE, SK_ABS);
      s->year = (int16_t)x, s->yprec = 3;
      return j + 1;
    }
  }
  /* "the nineties", "the eighties" */
  if (is_w(c, j, "the") && has(c, j + 1, DW_DECADE, &v)) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)(1900 + v), s->yprec = 3;
    return j + 2;
  }
  /* "year-end", "year end", "year's end": the end of the reference year */
  if (is_w(c, j, "year") && !capital(c, j)) {
    size_t k = hyphen_at(c, j + 1) || possessive(c, j + 1) ? j + 2 : j + 1;
    if (is_w(c, k, "end")) {
      dt_spec_init(s, DT_DATE, SK_REL);
      s->unit = DU_YEAR;
      return k + 1;
    }
  }
  /* "twentieth century", "20th century" */
  int d;
  if ((day_num(c, j, &d) || (has(c, j, DW_ORD, &d) && d > 0)) && unit_of(c, j + 1, NULL) == DU_CENTURY &&
      !(tk(c, j + 1)->flags & NW_TF_ALL_UPPER)) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)((d - 1) * 100), s->yprec = 2;
    return j + 2;
  }
  /* "nineteen ninety-six", "nineteen seventy-nine" */
  size_t e;
  if (has(c, j, DW_NUM, &v) && v >= 11 && v <= 19 && (e = year_words(c, j, &y))) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)y;
    return e;
  }
  /* "the year two thousand" */
  if (is_w(c, j, "the") && is_w(c, j + 1, "year") && (e = year_words(c, j + 2, &y))) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)y;
    return e;
  }
  return 0;
}

/* ---- quarters, halves, seasons ------------------------------------------ */

/* [fiscal] third[-]quarter [of] [1998] ; first half ; summer [of] 2008 ; this summer. */
static size_t r_part_of_year(dt_ctx *c, size_t i, dt_spec *s) {
  int q, y, r = 99, v;
  size_t j = i;
  if (has(c, j, DW_REL, &r) && r >= -1) j++;
  else r = 99;
  if (r == 0 && is_w(c, j, "past")) r = -1, j++; /* "this past spring" */
  if (has(c, j, DW_FISCAL, NULL)) j++;
  if (has(c, j, DW_SEASON, &v)) {
    if (capital(c, j) && !(tk(c, j)->flags & NW_TF_SENT_START) && in_doc(c, j + 1) && capital(c, j + 1) &&
        tk(c, j + 1)->cls == NW_TOK_WORD)
      return 0; /* "the Winter Olympics" */
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->season = (int8_t)v;
    size_t e = j + 1, k = is_w(c, e, "of") ? e + 1 : e;
    size_t ew;
    int dec;
    if (year_num(c, k, &y)) s->year = (int16_t)y, e = k + 1;
    else if ((ew = year_words(c, k, &y)) || ((ew = apostrophe_year(c, k, &y, &dec)) && !dec)) s->year = (int16_t)y, e = ew;
    else if (r == 99 && !(i > 0 && (is_w(c, i - 1, "the") || has(c, i - 1, DW_EDGE, NULL)) && !is_w(c, j, "fall") &&
                          !is_w(c, j, "spring")))
      return 0; /* a bare "spring" or "fall" is rarely the season; "the summer" is */
    if (r != 99 && !s->year) s->kind = SK_MONTHREL, s->rel = (int8_t)r;
    return e;
  }
  size_t e = 0;
  int u;
  if (has(c, j, DW_ORD, &q) && q >= 1 && q <= 4) {
    e = j + 1;
    if (hyphen_at(c, e)) e++;
    u = unit_of(c, e, NULL);
    if (u != DU_QUARTER && !(u == DU_HALF && q <= 2)) return 0;
    e++;
  } else return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  if (u == DU_QUARTER) s->quarter = (int8_t)q;
  else s->half = (int8_t)q;
  size_t k = is_w(c, e, "of") || is_ch(c, e, ',') ? e + 1 : e;
  if (has(c, k, DW_FISCAL, NULL)) k++;
  if (year_num(c, k, &y)) s->year = (int16_t)y, e = k + 1;
  if (r != 99 && !s->year) { /* "last quarter" is r_rel_unit's; "this third quarter" */
    if (r) return 0;
  }
  return e;
}

/* Quarters named from the text or the reference: "the quarter", "the latest
** quarter", "the year-ago quarter", "year-earlier" (results), "the 1988
** period", "the 1988 third quarter", "this year's third quarter", "last year's quarter". */
static size_t r_quarter_ref(dt_ctx *c, size_t i, dt_spec *s) {
  size_t j = i;
  int the = 0, yoff = 0, year = 0, relyear = 99, q = 0, latest = 0, v, y;
  if (is_w(c, j, "the")) the = 1, j++;
  while (is_w(c, j, "latest") || is_w(c, j, "comparable") || is_w(c, j, "same") || is_w(c, j, "corresponding"))
    latest = 1, j++;
  if (is_w(c, j, "year") && hyphen_at(c, j + 1) && (is_w(c, j + 2, "ago") || is_w(c, j + 2, "earlier"))) yoff = -1, j += 3;
  else if (the && year_num(c, j, &y)) year = y, j++;
  else if (has(c, j, DW_REL, &v) && v >= -1 && is_w(c, j + 1, "year") && possessive(c, j + 2))
    relyear = v, j += 3;
  if (has(c, j, DW_FISCAL, NULL)) j += hyphen_at(c, j + 1) ? 2 : 1;
  if (has(c, j, DW_ORD, &v) && v >= 1 && v <= 4) {
    q = v, j++;
    if (hyphen_at(c, j)) j++;
  }
  if (!has(c, j, DW_PERIOD, NULL) || (tk(c, j)->flags & NW_TF_ALL_UPPER)) {
    if (yoff && !the && !q && !latest) { /* "year-earlier results" */
      dt_spec_init(s, DT_DATE, SK_ANAPHOR);
      s->unit = DU_YEAR, s->offset = -1;
      return j;
    }
    return 0;
  }
  int period = is_w(c, j, "period");
  j++;
  if (!the && relyear == 99 && !yoff) return 0;
  if (q && !yoff && !year && relyear == 99) return 0; /* "the third quarter": r_part_of_year */
  if (period && (q || (!yoff && !year && !latest))) return 0;
  if (q) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->quarter = (int8_t)q;
    if (year) s->year = (int16_t)year;
    else s->unit = DU_YEAR, s->offset = (int16_t)(relyear != 99 ? relyear : yoff);
    return j;
  }
  dt_spec_init(s, DT_DATE, SK_ANAPHOR);
  s->unit = DU_QUARTER, s->year = (int16_t)year;
  s->offset = (int16_t)(relyear != 99 ? relyear : yoff);
  return j;
}

/* ---- relative periods, durations, sets, references -------------------- */

static const char unit_code[][3] = {
  [DU_SECOND] = "S", [DU_MINUTE] = "M", [DU_HOUR] = "H", [DU_DAY] = "D", [DU_WEEK] = "W", [DU_WEEKEND] = "WE",
  [DU_MONTH] = "M", [DU_QUARTER] = "Q", [DU_HALF] = "M", [DU_YEAR] = "Y", [DU_DECADE] = "DE",
  [DU_CENTURY] = "CE", [DU_MILLENNIUM] = "ML"};

/* A TIMEX3 duration: n units (n < 0: unknown, "X"). Decades, centuries and
** halves are written in years and months, as TimeBank does. */
static void duration_value(char *out, size_t cap, int n, int unit) {
  int mult = 1;
  int u = unit;
  if (n >= 0) {
    if (u == DU_DECADE) mult = 10, u = DU_YEAR;
    else if (u == DU_CENTURY) mult = 100, u = DU_YEAR;
    else if (u == DU_MILLENNIUM) mult = 1000, u = DU_YEAR;
    else if (u == DU_HALF) mult = 6, u = DU_MONTH;
  }
  const char *t = u <= DU_HOUR ? "T" : "";
  if (n < 0) snprintf(out, cap, "P%sX%s", t, unit_code[u]);
  else snprintf(out, cap, "P%s%d%s", t, n * mult, unit_code[u]);
}

/* "last week", "this year", "next month", "the past year", "the coming weeks". */
static size_t r_rel_unit(dt_ctx *c, size_t i, dt_spec *s) {
  int r, u, pl;
  if (!has(c, i, DW_REL, &r) || is_w(c, i, "these")) return 0;
  if (r == -2) r = -1;
  u = unit_of(c, i + 1, &pl);
  if (!u || u == DU_SECOND || u == DU_MINUTE || u == DU_HOUR) return 0;
  if (capital(c, i + 1) && !(tk(c, i + 1)->flags & NW_TF_ALL_UPPER)) return 0;
  if (pl) { /* "the coming weeks", "the past months" */
    dt_spec_init(s, DT_DURATION, SK_LIT);
    duration_value(s->lit, sizeof s->lit, -1, u);
    return i + 2;
  }
  if (u == DU_DAY) return 0;
  dt_spec_init(s, DT_DATE, SK_REL);
  s->unit = (int8_t)u, s->offset = (int16_t)r;
  size_t e = i + 2;
  if (is_w(c, e, "or") && is_w(c, e + 1, "so")) e += 2;
  return e;
}

/* "the weekend", "the day" (on the day: the reference date). */
static size_t r_the_unit(dt_ctx *c, size_t i, dt_spec *s) {
  if (!is_w(c, i, "the")) return 0;
  int pl = 0, u = unit_of(c, i + 1, &pl);
  if (u == DU_WEEKEND && !pl) {
    dt_spec_init(s, DT_DATE, SK_REL);
    s->unit = DU_WEEKEND;
    return i + 2;
  }
  if (u == DU_DAY && !pl && i > 0 && is_w(c, i - 1, "on") && !in_doc(c, i + 2)) return 0;
  if (u == DU_DAY && !pl && i > 0 && is_w(c, i - 1, "on") && !is_w(c, i + 2, "before") && !is_w(c, i + 2, "after") &&
      tk(c, i + 2)->cls != NW_TOK_QUOTE && !is_w(c, i + 2, "’s") && !is_w(c, i + 2, "'s")) {
    dt_spec_init(s, DT_DATE, SK_REL);
    s->unit = DU_DAY;
    return i + 2;
  }
  if ((is_w(c, i + 1, "near") && (is_w(c, i + 2, "future") || is_w(c, i + 2, "term"))) ||
      (is_w(c, i + 1, "short") && is_w(c, i + 2, "term"))) {
    dt_spec_init(s, DT_DATE, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "FUTURE_REF");
    return i + 3;
  }
  {
    size_t k = i + 1;
    int cur = 0;
    if (is_w(c, k, "full") || is_w(c, k, "current") || is_w(c, k, "latest")) cur = is_w(c, k, "latest") ? -1 : 1, k++;
    if (has(c, k, DW_FISCAL, NULL)) cur = cur ? cur : 1, k++;
    if (cur && is_w(c, k, "year")) {
      dt_spec_init(s, DT_DATE, SK_REL);
      s->unit = DU_YEAR, s->offset = (int16_t)(cur < 0 ? -1 : 0);
      return k + 1;
    }
  }
  if (u == DU_YEAR && !pl && !capital(c, i + 1) &&
      ((in_doc(c, i + 2) && tk(c, i + 2)->cls == NW_TOK_PUNCT && !is_ch(c, i + 2, '-')) || (i > 0 && is_w(c, i - 1, "of")))) {
    dt_spec_init(s, DT_DATE, SK_REL); /* "for the year, sales rose", "the first half of the year" */
    s->unit = DU_YEAR;
    return i + 2;
  }
  if (u == DU_YEAR && !pl && (is_w(c, i + 2, "ended") || is_w(c, i + 2, "ending"))) {
    dt_spec_init(s, DT_DURATION, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "P1Y");
    return i + 2;
  }
  if (is_w(c, i + 1, "past") || is_w(c, i + 1, "future")) {
    int v;
    size_t k = i + 2;
    if (unit_of(c, k, NULL) || number(c, k, &v, 0) || has(c, k, DW_FEW, NULL)) return 0; /* "the past two years" */
    if (is_w(c, k, "of") && is_w(c, i + 1, "future")) return 0; /* "the future of the alliance": a fate, not a time */
    dt_spec_init(s, DT_DATE, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "%s", is_w(c, i + 1, "past") ? "PAST_REF" : "FUTURE_REF");
    return i + 2;
  }
  return 0;
}

/* Counted durations: [about|nearly|more than|at least|up to] (two|22|a|several)
** [more] units ; "two-year" ; "a couple of years" ; "[the] past/next/first N units". */
static size_t r_duration(dt_ctx *c, size_t i, dt_spec *s) {
  size_t j = i;
  int v, n = 0, u, pl;
  /* leading bounds */
  if (is_w(c, j, "no") && is_w(c, j + 1, "more") && is_w(c, j + 2, "than")) j += 3;
  else if ((is_w(c, j, "more") || is_w(c, j, "less") || is_w(c, j, "fewer")) && is_w(c, j + 1, "than")) j += 2;
  else if (is_w(c, j, "at") && (is_w(c, j + 1, "least") || is_w(c, j + 1, "most"))) j += 2;
  else if (is_w(c, j, "up") && is_w(c, j + 1, "to")) j += 2;
  else if (is_w(c, j, "the") || (has(c, j, DW_REL, &v) && !is_w(c, j, "this") && !is_w(c, j, "current"))) {
    j++;
    if (has(c, j, DW_REL, &v) || has(c, j, DW_ORD, &v)) {
      if (is_w(c, j, "this") || is_w(c, j, "current")) return 0;
      j++;
    }
  } else if (has(c, j, DW_APPROX, NULL)) {
    if (is_w(c, j, "some") && !number(c, j + 1, &v, 0)) return 0; /* "some time" is not counted */
    j++;
  }
  size_t e = 0;
  if (is_w(c, j, "a") && is_w(c, j + 1, "few")) n = -1, e = j + 2;
  else if (is_w(c, j, "a") && is_w(c, j + 1, "couple") && is_w(c, j + 2, "of")) n = 2, e = j + 3;
  else if (j > i && is_w(c, j, "couple") && is_w(c, j + 1, "of")) n = 2, e = j + 2; /* "the next couple of years" */
  else e = number(c, j, &n, 1);
  if (!e) {
    if (has(c, j, DW_FEW, &v) && v == 1) n = -1, e = j + 1;
    else if (j > i && is_w(c, i, "the") && unit_of(c, j, &pl) && pl) n = -1, e = j;
    else if (j == i && i > 0 && unit_of(c, j, &pl) && pl && !capital(c, j) &&
             (is_w(c, i - 1, "for") || is_w(c, i - 1, "within") || is_w(c, i - 1, "in")) && !is_w(c, j + 1, "of") &&
             !(in_doc(c, j + 1) && tk(c, j + 1)->cls == NW_TOK_WORD && !has(c, j + 1, DW_PREP, NULL) &&
               !is_w(c, j + 1, "and") && !is_w(c, j + 1, "or")))
      n = -1, e = j; /* "for centuries", "within weeks" */
    else return 0;
  }
  if (n > 100000) return 0; /* no duration, and keeps the arithmetic below in range */
  if (is_w(c, e, "more")) e++;
  int compound = hyphen_at(c, e);
  if (compound) e++;
  u = unit_of(c, e, &pl);
  if (!u || u == DU_HALF || u == DU_WEEKEND) return 0;
  if (u == DU_SECOND && !pl) return 0;                  /* "a second group" */
  if (compound && pl) return 0;                         /* "three-quarters" is a fraction */
  if (!compound && hyphen_at(c, e + 1)) return 0;        /* "a year-earlier loss" */
  if (u == DU_QUARTER && n == 1 && is_w(c, e + 1, "of")) return 0; /* "a quarter of the market" */
  if (digits(c, j, &v, NULL) && !compound && n > 1 && !pl && u != DU_HALF) return 0; /* "5 day" is rare */
  e++;
  if (compound && in_doc(c, e) && is_ch(c, e, '-') && glued(c, e) && is_w(c, e + 1, "old")) e += 2; /* "8-month-old" */
  /* "a week or so" */
  if (is_w(c, e, "or") && is_w(c, e + 1, "so")) e += 2;
  if (n == 0) return 0;
  if (!compound && is_w(c, e, "old")) return 0; /* an age: "52 years old" */
  if (!compound && n == 1 && is_w(c, j, "a") && i > 0 && j == i && !has(c, e, DW_AGO, NULL) &&
      (tk(c, i - 1)->cls == NW_TOK_NUMBER || (i > 1 && tk(c, i - 2)->cls == NW_TOK_NUMBER)))
    return 0; /* a rate: "$1.76 a year", "700 seats a week" */
  if (compound && j > i && !has(c, i, DW_APPROX, NULL)) return 0; /* "the two-week crisis": the adjective alone */
  dt_spec_init(s, DT_DURATION, SK_LIT);
  duration_value(s->lit, sizeof s->lit, n, u);
  /* "a year ago", "two years earlier": a date that far from the reference */
  int dir;
  if (!compound && has(c, e, DW_AGO, &dir) && j == i + (has(c, i, DW_APPROX, NULL) ? 1 : 0)) {
    if (dir > 0 || is_w(c, e, "before")) return e; /* after or before some event: a duration */
    if (n < 0) {
      dt_spec_init(s, DT_DATE, SK_LIT);
      snprintf(s->lit, sizeof s->lit, "%s", dir < 0 ? "PAST_REF" : "FUTURE_REF");
      return e + 1;
    }
    dt_spec_init(s, DT_DATE, SK_REL);
    if (u == DU_YEAR && n == 1) { /* "a year ago": in a quarterly report, the same quarter */
      s->kind = SK_ANAPHOR, s->unit = DU_YEAR, s->offset = -1;
      return e + 1;
    }
    if (u == DU_WEEK) u = DU_DAY, n *= 7;
    if (u == DU_DECADE) u = DU_YEAR, n *= 10;
    if (u == DU_SECOND || u == DU_MINUTE || u == DU_HOUR) u = DU_DAY, n = 0;
    s->unit = (int8_t)u, s->offset = (int16_t)(dir * n);
    return e + 1;
  }
  /* "the past year" is the year before (a date), "the past two years" a duration */
  if (j > i && n == 1 && !compound && e == j + 1 + 0 && !number(c, j, &v, 1)) return 0;
  return e;
}

/* every Monday ; each year ; every two weeks ; annually ; "$5 a year". */
static size_t r_set(dt_ctx *c, size_t i, dt_spec *s) {
  int u, w, n = 1, pl;
  if (has(c, i, DW_SETADV, &u)) {
    if (capital(c, i) && !(tk(c, i)->flags & NW_TF_SENT_START)) return 0; /* "Daily Mail" */
    if (!is_w(c, i, "annually") && in_doc(c, i + 1) && tk(c, i + 1)->cls == NW_TOK_WORD &&
        !has(c, i + 1, DW_PREP, NULL) && !is_w(c, i + 1, "and") && !is_w(c, i + 1, "or"))
      return 0; /* an adjective: "daily flights" */
    dt_spec_init(s, DT_SET, SK_LIT);
    duration_value(s->lit, sizeof s->lit, 1, u);
    return i + 1;
  }
  if (!has(c, i, DW_EVERY, NULL)) return 0;
  size_t j = i + 1;
  if (is_w(c, i, "per") || is_w(c, i, "each")) {
    if (is_w(c, j, "of")) return 0;
  }
  if (has(c, j, DW_WEEKDAY, &w) && capital(c, j)) {
    dt_spec_init(s, DT_SET, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "XXXX-WXX-%d", w > 10 ? w - 10 : w);
    return j + 1;
  }
  int m;
  if (has(c, j, DW_MONTH, &m) && capital(c, j)) {
    dt_spec_init(s, DT_SET, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "XXXX-%02d", m);
    return j + 1;
  }
  if (is_w(c, j, "other")) n = 2, j++;
  else {
    size_t e = number(c, j, &n, 0);
    if (e) j = e;
    if (n > 100000) return 0;
  }
  u = unit_of(c, j, &pl);
  if (!u || u == DU_WEEKEND) return 0;
  dt_spec_init(s, DT_SET, SK_LIT);
  duration_value(s->lit, sizeof s->lit, n, u);
  return j + 1;
}

/* now, currently, recently, soon ; "recent years" ; "these days". */
static size_t r_ref(dt_ctx *c, size_t i, dt_spec *s) {
  int v, pl, u;
  size_t j = i;
  if ((is_w(c, j, "more") && is_w(c, j + 1, "recently")) || (is_w(c, j, "right") && is_w(c, j + 1, "now"))) j++;
  if (has(c, j, DW_REF, &v)) {
    if (v == DR_FUTURE && (is_w(c, j + 1, "after") || (i > 0 && is_w(c, i - 1, "as")))) return 0; /* "as soon as" */
    dt_spec_init(s, DT_DATE, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "%s", v == DR_PRESENT ? "PRESENT_REF" : v == DR_PAST ? "PAST_REF" : "FUTURE_REF");
    return j + 1;
  }
  if (is_w(c, i, "recent") && (u = unit_of(c, i + 1, &pl)) && pl) {
    if (u == DU_YEAR || u == DU_DECADE) {
      dt_spec_init(s, DT_DATE, SK_LIT);
      snprintf(s->lit, sizeof s->lit, "PAST_REF");
    } else {
      dt_spec_init(s, DT_DURATION, SK_LIT);
      duration_value(s->lit, sizeof s->lit, -1, u);
    }
    return i + 2;
  }
  if (is_w(c, i, "these") && unit_of(c, i + 1, &pl) == DU_DAY && pl) {
    dt_spec_init(s, DT_DATE, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "PRESENT_REF");
    return i + 2;
  }
  return 0;
}

/* A time, alone ("10:30 a.m.", "noon") or with its day ("10 p.m. Wednesday", "noon Thursday"). */
static size_t r_time(dt_ctx *c, size_t i, dt_spec *s) {
  dt_spec t;
  dt_spec_init(&t, DT_TIME, SK_REL);
  size_t e = time_of_day(c, i, &t);
  if (!e) return 0;
  if (has(c, i, DW_TIMEWORD, NULL) && tk(c, i)->flags & NW_TF_UPPER_INITIAL && !(tk(c, i)->flags & NW_TF_SENT_START))
    return 0;
  size_t k = is_w(c, e, "on") || is_ch(c, e, ',') ? e + 1 : e;
  dt_spec d;
  size_t e2 = 0;
  if (in_doc(c, k) && ((e2 = r_weekday(c, k, &d)) || (e2 = r_dayrel(c, k, &d)) || (e2 = r_month_first(c, k, &d)) ||
                       (e2 = r_day_first(c, k, &d)))) {
    if (d.type == DT_DATE && (d.kind != SK_ABS || d.day)) {
      d.type = DT_TIME, d.hour = t.hour, d.minute = t.minute, d.pod = 0;
      *s = d;
      return e2;
    }
  }
  t.unit = DU_DAY;
  *s = t;
  return e;
}

/* ---- the driver --------------------------------------------------------- */

typedef size_t (*recognizer)(dt_ctx *, size_t, dt_spec *);
static const recognizer recognizers[] = {r_numeric, r_month_first, r_month_rel, r_day_first, r_weekday, r_dayrel,
                                         r_year, r_part_of_year, r_quarter_ref, r_rel_unit, r_the_unit, r_duration,
                                         r_set, r_ref, r_time};

/* A hyphenated compound among tokens [a, b): "third-quarter", "two-year". */
static int hyphen_in(dt_ctx *c, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (hyphen_at(c, k)) return 1;
  return 0;
}

static size_t best_at(dt_ctx *c, size_t i, dt_spec *s) {
  size_t best = 0;
  dt_spec t;
  for (size_t k = 0; k < sizeof recognizers / sizeof recognizers[0]; k++) {
    size_t e = recognizers[k](c, i, &t);
    if (e > best) best = e, *s = t;
  }
  return best;
}

/* Can a date expression start at token i? A cheap filter before the recognizers. */
static int may_start(dt_ctx *c, size_t i) {
  const nw_token *t = tk(c, i);
  if (t->cls == NW_TOK_NUMBER) return 1;
  if (t->cls == NW_TOK_QUOTE) return in_doc(c, i + 1) && tk(c, i + 1)->cls == NW_TOK_NUMBER && glued(c, i + 1);
  if (t->cls != NW_TOK_WORD) return 0;
  if (c->word[i] == -2) look_up(c, i);
  /* prepositions, tense markers and the like never start an expression ("at least" and "a" do) */
  const uint32_t never = 1u << DW_PREP | 1u << DW_PAST | 1u << DW_FUTURE | 1u << DW_GENERIC | 1u << DW_AMPM |
                         1u << DW_TZ | 1u << DW_PERIOD;
  return (c->kinds[i] & ~never) != 0 || is_w(c, i, "at");
}

size_t dt_recognize(dt_ctx *c, size_t i, dt_spec *s) {
  if (!may_start(c, i)) return 0;
  size_t best = best_at(c, i, s);
  dt_spec t;
  size_t j = i, e;
  int v;
  /* "the" before a relative or counted expression ("the past year", "the 1990s", "the third quarter") */
  if (is_w(c, j, "the")) {
    e = in_doc(c, j + 1) ? best_at(c, j + 1, &t) : 0;
    /* not before a plain year, month or weekday ("the 2008 Games"), a set or a
    ** reference word ("the recently passed bill"), or an adjective ("the third-quarter results") */
    int plain = (t.kind == SK_ABS && t.year && !t.month && !t.quarter && !t.season && t.yprec == 4) ||
                (t.kind == SK_WEEKDAY && !t.rel) || (t.kind == SK_ABS && t.month && !t.quarter) ||
                t.type == DT_SET || (t.kind == SK_LIT && t.type == DT_DATE) || hyphen_in(c, j + 1, e);
    if (e > best && !plain) best = e, *s = t;
    j++;
    if (is_w(c, j, "end") || is_w(c, j, "beginning") || is_w(c, j, "start") || is_w(c, j, "middle")) {
      if (is_w(c, j + 1, "of") && in_doc(c, j + 2)) {
        size_t k = is_w(c, j + 2, "the") ? j + 3 : j + 2;
        int u = unit_of(c, k, NULL);
        if (k == j + 3 && (u == DU_YEAR || u == DU_MONTH || u == DU_WEEK || u == DU_DECADE || u == DU_CENTURY)) {
          /* "the end of the year": the current one */
          dt_spec_init(&t, DT_DATE, SK_REL);
          t.unit = (int8_t)u, e = k + 1;
        } else e = in_doc(c, k) ? best_at(c, k, &t) : 0;
        if (e > best && t.type == DT_DATE) best = e, *s = t;
      }
    }
  }
  /* "around Nov. 1", "about 7:15 p.m." */
  if (j == i && (is_w(c, i, "around") || is_w(c, i, "about") || is_w(c, i, "approximately"))) {
    e = in_doc(c, i + 1) ? best_at(c, i + 1, &t) : 0;
    if (e > best && (t.type == DT_DATE || t.type == DT_TIME) && t.kind != SK_LIT) best = e, *s = t;
  }
  /* "early", "mid-", "late", "earlier" before a date ("mid-1996", "earlier this year", "the late 1970s") */
  if (has(c, j, DW_EDGE, &v)) {
    size_t k = hyphen_at(c, j + 1) ? j + 2 : j + 1;
    e = in_doc(c, k) ? best_at(c, k, &t) : 0;
    if (e > best && (t.type == DT_DATE || t.type == DT_TIME) && t.kind != SK_LIT) best = e, *s = t;
  }
  return best;
}
