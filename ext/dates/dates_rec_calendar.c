/* Recognizers for calendar expressions: explicit dates in every common form,
** weekdays, days named from today, years and decades, seasons and quarters,
** times of day with their dates. */
#include <stdio.h>
#include <string.h>

#include "dates_tokens.h"

/* After a date: a time ("Feb. 4, 2022 10:30", "Friday at 10 a.m.") or a part
** of the day ("Friday evening"). Makes the spec a TIME. */
static size_t dt_time_tail(dt_ctx *c, size_t j, dt_spec *s) {
  int v;
  size_t e;
  if (has(c, j, DW_POD, &v) && !(tk(c, j)->flags & NW_TF_UPPER_INITIAL && !(tk(c, j)->flags & NW_TF_SENT_START))) {
    s->pod = (int8_t)v, s->type = DT_TIME;
    return j + 1;
  }
  size_t k = is_w(c, j, "at") ? j + 1 : j;
  if (is_ch(c, k, ',')) k++;
  dt_spec t = *s;
  if ((e = dt_time_of_day(c, k, &t))) {
    t.type = DT_TIME;
    *s = t;
    return e;
  }
  return j;
}

/* ---- explicit dates ----------------------------------------------------- */

static int is_currency(dt_ctx *c, size_t i) {
  if (!in_doc(c, i)) return 0;
  const char *t = tx(c, i);
  return tk(c, i)->cls == NW_TOK_SYMBOL || (tn(c, i) <= 3 && (tk(c, i)->flags & NW_TF_ALL_UPPER) && t[0] != 'A');
}

/* A count, not a year: "$2009", "2009%", "2009 million". */
static int year_is_count(dt_ctx *c, size_t i) {
  return (i > 0 && is_currency(c, i - 1) && glued(c, i)) || is_ch(c, i + 1, '%') || has(c, i + 1, DW_MULT, NULL) ||
         is_w(c, i + 1, "million") || is_w(c, i + 1, "billion");
}

/* A span of years in one token, "2009-2010", "2009-10", "2009/10" (a season
** or a fiscal year): each year is a mention of its own, as TimeML annotates the
** ends of a range (the second written in two digits is in the first's century,
** or the next one: "1999-00"). Only years from 1800 and spans up to 50 years. */
static size_t year_span(dt_ctx *c, size_t i, dt_spec *s, const int f[3], const int fd[3]) {
  if (fd[0] != 4 || (fd[1] != 4 && fd[1] != 2) || f[0] < 1800 || f[0] > 2199 || year_is_count(c, i)) return 0;
  int y2 = f[1];
  if (fd[1] == 2) {
    y2 = f[0] - f[0] % 100 + f[1];
    if (y2 <= f[0]) y2 += 100;
  }
  if (y2 <= f[0] || y2 - f[0] > 50) return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  s->year = (int16_t)f[0], s->year2 = (int16_t)y2;
  s->cut = 4, s->cut2 = 5;
  return i + 1;
}

/* Numeric forms in one token: 2022-02-04[T10:30[:00][Z]], 2022/02/04,
** 02/04/2022 and 4/2/22 (month first, as US news writes it, unless the first
** number cannot be a month), 04.02.2022 (day first, the European dotted form). */
size_t dt_r_numeric(dt_ctx *c, size_t i, dt_spec *s) {
  if (tk(c, i)->cls != NW_TOK_NUMBER) return 0;
  if ((i > 0 && glued(c, i) && is_ch(c, i - 1, '/')) || (is_ch(c, i + 1, '/') && glued(c, i + 1)))
    return 0; /* part of a URL or a path */
  const char *t = tx(c, i);
  size_t n = tn(c, i);
  int f[3] = {0, 0, 0}, fd[3] = {0, 0, 0}, nf = 0;
  char sep = 0;
  size_t k = 0;
  while (k < n && nf < 3) {
    while (k < n && t[k] >= '0' && t[k] <= '9' && fd[nf] < 8) f[nf] = f[nf] * 10 + (t[k++] - '0'), fd[nf]++;
    if (!fd[nf]) return 0;
    nf++;
    if (k < n && nf < 3 && (t[k] == '-' || t[k] == '/' || t[k] == '.') && (!sep || sep == t[k])) sep = t[k++];
    else break;
  }
  int y, m, d;
  if (nf == 1 && fd[0] == 8 && k == n) { /* "20220204": compact ISO 8601, only when it is a real date */
    y = f[0] / 10000, m = f[0] / 100 % 100, d = f[0] % 100;
    if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > nw_days_in_month(y, m)) return 0;
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)y, s->month = (int8_t)m, s->day = (int8_t)d;
    return i + 1;
  }
  if (nf == 2 && k == n && (sep == '-' || sep == '/')) return year_span(c, i, s, f, fd);
  if (nf != 3) return 0;
  if (fd[0] == 4 && fd[1] <= 2 && fd[2] <= 2 && sep != '.') y = f[0], m = f[1], d = f[2];
  else if (fd[2] == 4 || (fd[2] == 2 && sep == '/')) {
    y = fd[2] == 2 ? (f[2] < 50 ? 2000 + f[2] : 1900 + f[2]) : f[2];
    if (sep == '.' || f[0] > 12) d = f[0], m = f[1];
    else m = f[0], d = f[1];
    if (sep == '-') return 0; /* 02-04-2022 is too often a range or a code */
  } else return 0;
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > nw_days_in_month(y, m)) return 0;
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
  return dt_time_tail(c, i + 1, s);
}

/* Month[.] Day[,] [Year] | Month [,|of] Year | Month [this|last year] | Month. */
size_t dt_r_month_first(dt_ctx *c, size_t i, dt_spec *s) {
  int m, d, y, r;
  if (!dt_month_word(c, i, &m)) return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  s->month = (int8_t)m;
  size_t j = i + 1;
  if (dt_day_num(c, j, &d)) {
    int u;
    if (has(c, j + 1, DW_UNIT, &u)) goto month_only; /* "May 4 years ..." */
    if (!dt_digits(c, j, &y, NULL) && !(tk(c, j)->cls == NW_TOK_NUMBER) && !has(c, j, DW_ORD, NULL)) goto month_only;
    s->day = (int8_t)d;
    j++;
    size_t k = is_ch(c, j, ',') ? j + 1 : j;
    if (dt_year_num(c, k, &y)) s->year = (int16_t)y, j = k + 1;
    /* "Feb. 29, 2023" is no date: matched, so that no part of it is read as one, but not given */
    if (s->day > nw_days_in_month(s->year ? s->year : 2000, m)) s->kind = 0;
    size_t e = dt_time_tail(c, j, s);
    if (!s->year && e > j && dt_year_num(c, e, &y)) { /* "Fri Feb 4 10:30:00 2022" (C's ctime) */
      s->year = (int16_t)y;
      if (s->day > nw_days_in_month(y, m)) s->kind = 0;
      e++;
    }
    return e;
  }
month_only:;
  size_t k = is_ch(c, j, ',') || is_w(c, j, "of") ? j + 1 : j, e;
  if (dt_year_num(c, k, &y)) {
    s->year = (int16_t)y;
    return k + 1;
  }
  int dec;
  if ((e = dt_year_words(c, k, &y)) || ((e = dt_apostrophe_year(c, k, &y, &dec)) && !dec)) {
    s->year = (int16_t)y;
    return e;
  }
  if (has(c, j, DW_REL, &r) && r != 1 && dt_unit_of(c, j + 1, NULL) == DU_YEAR) { /* "January this year", "June last year" */
    s->unit = DU_YEAR, s->offset = (int16_t)(r < 0 ? -1 : 0);
    return j + 2;
  }
  return j;
}

/* last May, next September, this coming June: a month near the reference. */
size_t dt_r_month_rel(dt_ctx *c, size_t i, dt_spec *s) {
  int r, m;
  if (!has(c, i, DW_REL, &r) || is_w(c, i, "current") || is_w(c, i, "these")) return 0;
  if (r == -2) r = -1;
  size_t j = i + 1;
  if (r == 0 && has(c, j, DW_REL, &m) && m == 1) r = 1, j++;
  if (!dt_month_word(c, j, &m)) return 0;
  size_t e = dt_r_month_first(c, j, s);
  if (!e || s->year || s->unit) return 0;
  s->kind = SK_MONTHREL, s->rel = (int8_t)r;
  return e;
}

/* Day Month[,] [Year]: "4 February 2022", "04 Feb 2022 10:30:00 +0000", "4th of May". */
size_t dt_r_day_first(dt_ctx *c, size_t i, dt_spec *s) {
  int d, m, y;
  if (!dt_day_num(c, i, &d)) return 0;
  size_t j = i + 1;
  int dashed = hyphen_at(c, j); /* "04-Feb-2022" */
  if (is_w(c, j, "of") || dashed) j++;
  if (!has(c, j, DW_MONTH, &m) || !capital(c, j)) return 0;
  if (d > nw_days_in_month(2000, m)) return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  s->month = (int8_t)m, s->day = (int8_t)d;
  j++;
  size_t k = is_ch(c, j, ',') || (dashed && hyphen_at(c, j)) ? j + 1 : j;
  if (dt_year_num(c, k, &y)) {
    if (d > nw_days_in_month(y, m)) s->kind = 0; /* no such day: see r_month_first */
    s->year = (int16_t)y, j = k + 1;
  }
  return dt_time_tail(c, j, s);
}

/* Holidays on a fixed date: "Christmas", "Christmas Eve", "New Year's Day",
** "Valentine's Day", "Independence Day". The year comes from the reference. */
size_t dt_r_holiday(dt_ctx *c, size_t i, dt_spec *s) {
  int md = 0;
  size_t e = 0, n;
  if (!capital(c, i)) return 0;
  if (has(c, i, DW_HOLIDAY, &md)) e = i + 1;
  else if (has(c, i, DW_HOLIDAY_DAY, &md)) {
    size_t k = nw_tok_possessive(c->doc, i + 1) ? i + 2 : i + 1;
    if (!is_w(c, k, "day") || !capital(c, k)) return 0;
    e = k + 1;
  } else if ((n = dt_phrase_at(c, i, PH_HOLIDAY, &md)) && capital(c, i + 1)) {
    e = i + n;
  } else return 0;
  int day_before = 0;
  if (md == 1225 && (is_w(c, e, "eve") || is_w(c, e, "day")) && capital(c, e)) day_before = is_w(c, e, "eve"), e++;
  else if (e == i + 1 && in_doc(c, e) && tk(c, e)->cls == NW_TOK_WORD && (tk(c, e)->flags & NW_TF_LOWER_INITIAL) &&
           !has(c, e, DW_PREP, NULL) && !is_w(c, e, "and") && !is_w(c, e, "or"))
    return 0; /* "the Christmas tree": a modifier, not a date */
  dt_spec_init(s, DT_DATE, SK_ABS);
  s->month = (int8_t)(md / 100), s->day = (int8_t)(md % 100 - day_before);
  return e;
}

/* ---- weekdays and days named from today -------------------------------- */

/* A part of the day in the plural, lower case: "nights" of "Tuesday nights". */
static int plural_pod_at(dt_ctx *c, size_t i) {
  return has(c, i, DW_POD, NULL) && (tk(c, i)->flags & NW_TF_LOWER_INITIAL) && tx(c, i)[tn(c, i) - 1] == 's';
}

/* [this|last|next|this coming] Weekday[,] [date | day number] [part of day | time]. */
size_t dt_r_weekday(dt_ctx *c, size_t i, dt_spec *s) {
  int r = 0, w, v;
  size_t j = i;
  if (has(c, j, DW_REL, &r) && r >= -1) {
    j++;
    if (r == 0 && has(c, j, DW_REL, &v) && v == 1) r = 1, j++; /* "this coming Sunday" */
  } else r = 0;
  if (!has(c, j, DW_WEEKDAY, &w) || !capital(c, j)) return 0;
  if (j > 0 && capital(c, j - 1) && has(c, j - 1, DW_DAYNAME, NULL)) return 0; /* "Black Friday" */
  size_t n = tn(c, j);
  /* "Sun", "Wed", "Sat" alone are names or words more often than days: an
  ** abbreviation must end with its period or come before a date */
  if (w < 10 && n <= 5 && tx(c, j)[n - 1] != '.') {
    int d, m;
    size_t k = is_ch(c, j + 1, ',') ? j + 2 : j + 1;
    if (!dt_day_num(c, k, &d) && !has(c, k, DW_MONTH, &m)) return 0;
  }
  /* a recurring day: "Mondays", "Tuesday nights", "Sunday mornings" */
  int plural_pod = plural_pod_at(c, j + 1), shared = 0, w2;
  /* "Monday and Tuesday nights": the plural part of the day is both days' */
  if (!plural_pod && w < 10 && (is_w(c, j + 1, "and") || is_w(c, j + 1, "or")) && has(c, j + 2, DW_WEEKDAY, &w2) &&
      w2 < 10 && capital(c, j + 2) && plural_pod_at(c, j + 3))
    shared = 1;
  if (w > 10 || plural_pod || shared) {
    static const char *const pod_code[] = {"", "TMO", "TAF", "TEV", "TNI", "TDT"};
    int pod = has(c, j + 1 + 2 * shared, DW_POD, &v) ? v : 0;
    if (shared) {
      if (r) return 0;
      dt_spec_init(s, DT_SET, SK_LIT);
      snprintf(s->lit, sizeof s->lit, "XXXX-WXX-%d%s", w, pod_code[pod]);
      return j + 1;
    }
    if (r) return 0;
    dt_spec_init(s, DT_SET, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "XXXX-WXX-%d%s", w > 10 ? w - 10 : w, pod_code[pod]);
    return j + 1 + (pod != 0);
  }
  /* "Friday, Feb. 4, 2022" and "Fri, 04 Feb 2022 10:30:00 +0000": the date decides */
  size_t k = is_ch(c, j + 1, ',') ? j + 2 : j + 1;
  size_t e;
  if (in_doc(c, k) && ((e = dt_r_month_first(c, k, s)) || (e = dt_r_day_first(c, k, s))) && s->day) return e;
  dt_spec_init(s, DT_DATE, SK_WEEKDAY);
  s->weekday = (int8_t)w, s->rel = (int8_t)r;
  e = j + 1;
  int d;
  if (is_ch(c, e, ',') && dt_day_num(c, e + 1, &d) && tk(c, e + 1)->cls == NW_TOK_NUMBER) {
    /* "this Friday, 4": a day number right after; not a count ("Friday, 4 people") */
    size_t a = e + 2;
    if (!in_doc(c, a) || tk(c, a)->cls != NW_TOK_WORD || has(c, a, DW_PREP, NULL) || capital(c, a))
      s->day = (int8_t)d, e += 2;
  }
  return dt_time_tail(c, e, s);
}

/* today, yesterday, tomorrow, tonight [morning|evening|...] ; last night ; this morning. */
size_t dt_r_dayrel(dt_ctx *c, size_t i, dt_spec *s) {
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
    return dt_time_tail(c, i + 1, s);
  }
  /* "afternoon yesterday", "(mid-)morning today": the part of that day */
  if (has(c, i, DW_POD, &v) && !capital(c, i) && has(c, i + 1, DW_DAYREL, &off) && !capital(c, i + 1)) {
    dt_spec_init(s, DT_TIME, SK_REL);
    s->unit = DU_DAY, s->offset = (int16_t)off, s->pod = (int8_t)v;
    return i + 2;
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

/* "1998", "fiscal 1998", "1990s", "'90s", "the nineties", "20th century", "nineteen ninety-six". */
/* "'s" glued to the token before i: one token after a word, an apostrophe and
** an "s" after a number. Returns the end, or 0. */
static size_t apostrophe_s(dt_ctx *c, size_t i) {
  if (!glued(c, i)) return 0;
  if (nw_tok_possessive(c->doc, i)) return i + 1;
  int apostrophe = (tn(c, i) == 1 && tx(c, i)[0] == '\'') || (tn(c, i) == 3 && !memcmp(tx(c, i), "\xE2\x80\x99", 3));
  if (tk(c, i)->cls == NW_TOK_QUOTE && apostrophe && glued(c, i + 1) && is_w(c, i + 1, "s"))
    return i + 2;
  return 0;
}

/* "1990's" is a decade after "the", "early", "mid-", "late"; otherwise a possessive year. */
static int decade_context(dt_ctx *c, size_t i) {
  if (i == 0) return 0;
  size_t p = hyphen_at(c, i - 1) && i >= 2 ? i - 2 : i - 1;
  return is_w(c, p, "the") || has(c, p, DW_EDGE, NULL);
}

/* The two-digit end of a span of years after a dash token: "12" of "2011–12". */
static size_t span_end_year(dt_ctx *c, size_t i, dt_spec *s) {
  int y, v, nd;
  if (i < 2 || !glued(c, i) || !glued(c, i - 1) || !dt_digits(c, i, &v, &nd) || nd != 2 || !dt_year_num(c, i - 2, &y))
    return 0;
  if (!is_ch(c, i - 1, '-') && !(tn(c, i - 1) == 3 && !memcmp(tx(c, i - 1), "\xE2\x80\x93", 3))) return 0;
  int y2 = y - y % 100 + v;
  if (y2 <= y) y2 += 100;
  if (y < 1800 || y2 - y > 50 || year_is_count(c, i)) return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  s->year = (int16_t)y2;
  return i + 1;
}

size_t dt_r_year(dt_ctx *c, size_t i, dt_spec *s) {
  int y, v, nd;
  size_t j = i, e0;
  if ((e0 = span_end_year(c, i, s))) return e0;
  if (has(c, j, DW_FISCAL, NULL)) j += is_w(c, j + 1, "year") && dt_year_num(c, j + 2, &y) ? 2 : 1; /* "fiscal year 2029" */
  if (dt_year_num(c, j, &y)) {
    if (year_is_count(c, j)) return 0;
    if (in_doc(c, j + 1) && (is_ch(c, j + 1, '.') || is_ch(c, j + 1, ',')) && glued(c, j + 1) && in_doc(c, j + 2) &&
        tk(c, j + 2)->cls == NW_TOK_NUMBER && glued(c, j + 2))
      return 0;
    if (y < 1800 && j == i) return 0; /* "1500 troops": only years said as such */
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)y;
    size_t e = apostrophe_s(c, j + 1);
    if (y % 10 == 0 && e && decade_context(c, i)) {
      s->yprec = 3; /* "the 1990's" (NYT style) */
      return e;
    }
    return j + 1;
  }
  /* "the 90's" */
  size_t se;
  if (dt_digits(c, j, &v, &nd) && nd == 2 && v % 10 == 0 && (se = apostrophe_s(c, j + 1)) && decade_context(c, i)) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)(v + (v >= 30 ? 1900 : 2000)), s->yprec = 3;
    return se;
  }
  /* "'98", "'90s" */
  int dec;
  size_t ae = dt_apostrophe_year(c, j, &y, &dec);
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
    size_t k = hyphen_at(c, j + 1) || nw_tok_possessive(c->doc, j + 1) ? j + 2 : j + 1;
    if (is_w(c, k, "end")) {
      dt_spec_init(s, DT_DATE, SK_REL);
      s->unit = DU_YEAR;
      return k + 1;
    }
  }
  /* "twentieth century", "20th century" */
  int d;
  if ((dt_day_num(c, j, &d) || (has(c, j, DW_ORD, &d) && d > 0)) && dt_unit_of(c, j + 1, NULL) == DU_CENTURY &&
      !(tk(c, j + 1)->flags & NW_TF_ALL_UPPER)) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)((d - 1) * 100), s->yprec = 2;
    return j + 2;
  }
  /* "nineteen ninety-six", "nineteen seventy-nine" */
  size_t e;
  if (has(c, j, DW_NUM, &v) && v >= 11 && v <= 19 && (e = dt_year_words(c, j, &y))) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)y;
    return e;
  }
  /* "the year two thousand" */
  if (is_w(c, j, "the") && is_w(c, j + 1, "year") && (e = dt_year_words(c, j + 2, &y))) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)y;
    return e;
  }
  return 0;
}

/* ---- quarters, halves, seasons ------------------------------------------ */

/* "Q3", "Q3 2030", "H1 2030" (a quarter or half in the business press's short
** form), "FY2029", "FY 2029", "FY29" (a fiscal year). */
size_t dt_r_short_period(dt_ctx *c, size_t i, dt_spec *s) {
  const char *t = tx(c, i);
  size_t n = tn(c, i), e = i + 1;
  int y;
  if (tk(c, i)->cls != NW_TOK_WORD || n < 2) return 0;
  if (t[0] == 'F' && t[1] == 'Y') {
    int v = 0;
    for (size_t k = 2; k < n; k++) {
      if (t[k] < '0' || t[k] > '9') return 0;
      v = v * 10 + (t[k] - '0');
    }
    if (n == 6 && v >= 1800 && v <= 2199) y = v;
    else if (n == 4) y = v + (v >= 30 ? 1900 : 2000);
    else if (n == 2 && dt_year_num(c, i + 1, &y)) e = i + 2;
    else return 0;
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->year = (int16_t)y;
    return e;
  }
  if (n != 2 || (t[0] != 'Q' && t[0] != 'H') || t[1] < '1' || t[1] > (t[0] == 'Q' ? '4' : '2')) return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  if (t[0] == 'Q') s->quarter = (int8_t)(t[1] - '0');
  else s->half = (int8_t)(t[1] - '0');
  size_t k = is_w(c, e, "of") || is_ch(c, e, ',') ? e + 1 : e;
  if (dt_year_num(c, k, &y)) s->year = (int16_t)y, e = k + 1;
  else if (s->half) return 0; /* "H1" alone is as often a name (a visa, a virus) */
  return e;
}

/* [fiscal] third[-]quarter [of] [1998] ; first half ; summer [of] 2008 ; this summer. */
size_t dt_r_part_of_year(dt_ctx *c, size_t i, dt_spec *s) {
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
    if (dt_year_num(c, k, &y)) s->year = (int16_t)y, e = k + 1;
    else if ((ew = dt_year_words(c, k, &y)) || ((ew = dt_apostrophe_year(c, k, &y, &dec)) && !dec)) s->year = (int16_t)y, e = ew;
    else if (r == 99 && !(i > 0 && (is_w(c, i - 1, "the") || has(c, i - 1, DW_EDGE, NULL)) && !is_w(c, j, "fall") &&
                          !is_w(c, j, "spring")))
      return 0; /* a bare "spring" or "fall" is rarely the season; "the summer" is */
    if (r != 99 && !s->year) s->kind = SK_MONTHREL, s->rel = (int8_t)r;
    return e;
  }
  size_t e = 0;
  int u;
  if (r == -1 && is_w(c, j - 1, "last") && dt_unit_of(c, j, NULL) == DU_HALF && is_w(c, j + 1, "of")) {
    q = 2, u = DU_HALF, e = j + 1; /* "the last half of 1989" */
  } else if (has(c, j, DW_ORD, &q) && q >= 1 && q <= 4) {
    e = j + 1;
    if (hyphen_at(c, e)) e++;
    u = dt_unit_of(c, e, NULL);
    if (u != DU_QUARTER && !(u == DU_HALF && q <= 2)) return 0;
    e++;
  } else return 0;
  dt_spec_init(s, DT_DATE, SK_ABS);
  if (u == DU_QUARTER) s->quarter = (int8_t)q;
  else s->half = (int8_t)q;
  size_t k = is_w(c, e, "of") || is_ch(c, e, ',') ? e + 1 : e;
  if (has(c, k, DW_FISCAL, NULL)) k++;
  if (dt_year_num(c, k, &y)) s->year = (int16_t)y, e = k + 1;
  if (r != 99 && !s->year) { /* "last quarter" is r_rel_unit's; "this third quarter" */
    if (r) return 0;
  }
  return e;
}

/* "[the quarter] ended Sept. 30", "ending March 31, 2024": a quarter named by
** its last day. When the text has named no quarter before (it may number a
** fiscal year's quarters its own way: the normalizer then follows it), the
** calendar quarter that holds most of its three months (the one of the day
** 45 days before: a quarter ended July 31 is Q2). */
static int quarter_ended(dt_ctx *c, size_t j, dt_spec *s) {
  dt_spec d;
  size_t k = j + (is_w(c, j, "that") ? 1 : 0);
  if (!dt_phrase_at(c, k, PH_YEAR_ENDED, NULL) || !in_doc(c, ++k)) return 0;
  if (!dt_r_month_first(c, k, &d) && !dt_r_day_first(c, k, &d)) return 0;
  if (d.kind != SK_ABS || !d.day) return 0;
  int y, m, day;
  nw_civil_from_days(nw_days_from_civil(d.year ? d.year : 2001, d.month, d.day) - 45, &y, &m, &day);
  dt_spec_init(s, DT_DATE, SK_ANAPHOR);
  s->unit = DU_QUARTER, s->quarter = (int8_t)((m - 1) / 3 + 1);
  if (d.year) s->year = (int16_t)y;
  else if (m > d.month) s->unit = DU_YEAR, s->offset = -1; /* "ended Jan. 31": the last quarter of a year before */
  return 1;
}

/* Quarters named from the text or the reference: "the quarter", "the latest
** quarter", "the year-ago quarter", "year-earlier" (results), "the 1988
** period", "the 1988 third quarter", "this year's third quarter", "last year's quarter". */
size_t dt_r_quarter_ref(dt_ctx *c, size_t i, dt_spec *s) {
  size_t j = i;
  int the = 0, yoff = 0, year = 0, relyear = 99, q = 0, latest = 0, v, y;
  size_t n;
  if (is_w(c, j, "the")) the = 1, j++;
  while ((n = dt_phrase_at(c, j, PH_SAME_PERIOD, NULL))) latest = 1, j += n;
  if (is_w(c, j, "year") && hyphen_at(c, j + 1) && (is_w(c, j + 2, "ago") || is_w(c, j + 2, "earlier"))) yoff = -1, j += 3;
  else if (the && dt_year_num(c, j, &y)) year = y, j++;
  else if (has(c, j, DW_REL, &v) && v >= -1 && is_w(c, j + 1, "year") && nw_tok_possessive(c->doc, j + 2))
    relyear = v, j += 3;
  else if (!the && dt_year_num(c, j, &y) && (n = apostrophe_s(c, j + 1)))
    year = y, j = n; /* "2030's first quarter" */
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
  if (the && !yoff && !year && relyear == 99) { /* "the same quarter last year", "the period a year earlier" */
    size_t k = is_w(c, j, "of") ? j + 1 : j;
    if (is_w(c, k, "last") && is_w(c, k + 1, "year") && !nw_tok_possessive(c->doc, k + 2)) yoff = -1, j = k + 2;
    else if (k == j && is_w(c, j, "a") && is_w(c, j + 1, "year") && (is_w(c, j + 2, "ago") || is_w(c, j + 2, "earlier")))
      yoff = -1, j += 3;
  }
  if (!the && relyear == 99 && !yoff && !year) return 0;
  if (q && !yoff && !year && relyear == 99) return 0; /* "the third quarter": r_part_of_year */
  if (period && (q || (!yoff && !year && !latest))) return 0;
  if (q) {
    dt_spec_init(s, DT_DATE, SK_ABS);
    s->quarter = (int8_t)q;
    if (year) s->year = (int16_t)year;
    else s->unit = DU_YEAR, s->offset = (int16_t)(relyear != 99 ? relyear : yoff);
    return j;
  }
  if (!period && !yoff && !year && relyear == 99 && quarter_ended(c, j, s)) return j;
  dt_spec_init(s, DT_DATE, SK_ANAPHOR);
  s->unit = DU_QUARTER, s->year = (int16_t)year;
  s->offset = (int16_t)(relyear != 99 ? relyear : yoff);
  return j;
}

/* A time, alone ("10:30 a.m.", "noon") or with its day ("10 p.m. Wednesday", "noon Thursday"). */
size_t dt_r_time(dt_ctx *c, size_t i, dt_spec *s) {
  dt_spec t;
  dt_spec_init(&t, DT_TIME, SK_REL);
  size_t e = dt_time_of_day(c, i, &t);
  if (!e) return 0;
  if (has(c, i, DW_TIMEWORD, NULL) && tk(c, i)->flags & NW_TF_UPPER_INITIAL && !(tk(c, i)->flags & NW_TF_SENT_START))
    return 0;
  size_t k = is_w(c, e, "on") || is_ch(c, e, ',') ? e + 1 : e;
  dt_spec d;
  size_t e2 = 0;
  if (in_doc(c, k) && ((e2 = dt_r_weekday(c, k, &d)) || (e2 = dt_r_dayrel(c, k, &d)) || (e2 = dt_r_month_first(c, k, &d)) ||
                       (e2 = dt_r_day_first(c, k, &d)))) {
    if (d.type == DT_DATE && (d.kind != SK_ABS || d.day)) {
      d.type = DT_TIME, d.hour = t.hour, d.minute = t.minute, d.pod = 0;
      *s = d;
      return e2;
    }
  }
  t.unit = DU_DAY;
  t.bare_time = 1;
  *s = t;
  return e;
}
