/* Recognizers for relative periods ("last week"), durations ("nearly two
** years"), sets ("every Monday") and references ("now", "the future"). */
#include <stdio.h>
#include <string.h>

#include "dates_tokens.h"

/* ---- relative periods, durations, sets, references -------------------- */

static const char unit_code[][3] = {
  [DU_SECOND] = "S", [DU_MINUTE] = "M", [DU_HOUR] = "H", [DU_DAY] = "D", [DU_WEEK] = "W", [DU_WEEKEND] = "WE",
  [DU_MONTH] = "M", [DU_QUARTER] = "Q", [DU_HALF] = "M", [DU_YEAR] = "Y", [DU_DECADE] = "DE",
  [DU_CENTURY] = "CE", [DU_MILLENNIUM] = "ML"};

/* A TIMEX3 duration: n units (n < 0: unknown, "X"). Decades, centuries and
** halves are written in years and months, as TimeBank does. */
static void dt_duration_value(char *out, size_t cap, int n, int unit) {
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

/* " 1/2" or "and a half" at token i: its length in tokens, or 0. */
static size_t and_a_half(dt_ctx *c, size_t i) {
  if (in_doc(c, i) && tk(c, i)->cls == NW_TOK_NUMBER && tn(c, i) == 3 && !memcmp(tx(c, i), "1/2", 3)) return 1;
  return is_w(c, i, "and") && is_w(c, i + 1, "a") && is_w(c, i + 2, "half") ? 3 : 0;
}

/* n and a half units as a TIMEX3 duration, the half in the next smaller unit
** ("P2Y6M", "PT1M30S"; weeks in days). 0 for a unit with no such form (quarters). */
static int half_duration(char *out, size_t cap, int n, int unit) {
  switch (unit) {
    case DU_YEAR: snprintf(out, cap, "P%dY6M", n); return 1;
    case DU_DECADE: snprintf(out, cap, "P%dY", n * 10 + 5); return 1;
    case DU_CENTURY: snprintf(out, cap, "P%dY", n * 100 + 50); return 1;
    case DU_MONTH: snprintf(out, cap, "P%dM15D", n); return 1;
    case DU_WEEK: snprintf(out, cap, "P%dDT12H", n * 7 + 3); return 1;
    case DU_DAY: snprintf(out, cap, "P%dDT12H", n); return 1;
    case DU_HOUR: snprintf(out, cap, "PT%dH30M", n); return 1;
    case DU_MINUTE: snprintf(out, cap, "PT%dM30S", n); return 1;
    default: return 0;
  }
}

/* "last week", "this year", "next month", "the past year", "the coming weeks". */
size_t dt_r_rel_unit(dt_ctx *c, size_t i, dt_spec *s) {
  int r, u, pl;
  if (!has(c, i, DW_REL, &r) || is_w(c, i, "these")) return 0;
  if (r == -2) r = -1;
  u = dt_unit_of(c, i + 1, &pl);
  if (!u || u == DU_SECOND || u == DU_MINUTE || u == DU_HOUR) return 0;
  if (u == DU_HALF && dt_unit_of(c, i + 2, NULL)) return 0; /* "the last half hour" */
  if (capital(c, i + 1) && !(tk(c, i + 1)->flags & NW_TF_ALL_UPPER)) return 0;
  if (pl) { /* "the coming weeks", "the past months" */
    dt_spec_init(s, DT_DURATION, SK_LIT);
    dt_duration_value(s->lit, sizeof s->lit, -1, u);
    return i + 2;
  }
  if (u == DU_DAY) return 0;
  dt_spec_init(s, DT_DATE, SK_REL);
  s->unit = (int8_t)u, s->offset = (int16_t)r;
  return i + 2 + dt_phrase_at(c, i + 2, PH_VAGUE_TAIL, NULL); /* "last year or so" */
}

/* "that year", "that day", "the same month", "the following year", "the next day", "the day before":
** periods named from the last date the text gave. */
size_t dt_r_that(dt_ctx *c, size_t i, dt_spec *s) {
  int off = 0;
  size_t j = i + 1;
  if (is_w(c, i, "that")) off = 0;
  else if (is_w(c, i, "the") && dt_phrase_at(c, j, PH_SHIFT, &off))
    j++;
  else if (is_w(c, i, "the") && is_w(c, j, "next") && dt_unit_of(c, j + 1, NULL) == DU_DAY)
    off = 1, j++; /* "the next day" (but "the next year" may be a span: r_duration) */
  else if (is_w(c, i, "the") && dt_unit_of(c, j, NULL) == DU_DAY && (is_w(c, j + 1, "before") || is_w(c, j + 1, "after")) &&
           !(in_doc(c, j + 2) && (tk(c, j + 2)->cls == NW_TOK_WORD || tk(c, j + 2)->cls == NW_TOK_NUMBER)))
    off = is_w(c, j + 1, "before") ? -1 : 1; /* "the day before", said alone */
  else return 0;
  int pl, u = dt_unit_of(c, j, &pl);
  if (pl || (u != DU_YEAR && u != DU_MONTH && u != DU_DAY) || capital(c, j)) return 0;
  if (is_w(c, i, "that") && nw_tok_possessive(c->doc, j + 1)) return 0;
  dt_spec_init(s, DT_DATE, SK_THAT);
  s->unit = (int8_t)u, s->offset = (int16_t)off;
  return is_w(c, j + 1, "before") || is_w(c, j + 1, "after") ? j + 2 : j + 1;
}

/* "the weekend", "the day" (on the day: the reference date). */
size_t dt_r_the_unit(dt_ctx *c, size_t i, dt_spec *s) {
  if (!is_w(c, i, "the")) return 0;
  int pl = 0, u = dt_unit_of(c, i + 1, &pl);
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
  size_t n = dt_phrase_at(c, i + 1, PH_FUTURE_NOUN, NULL);
  if (n) {
    dt_spec_init(s, DT_DATE, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "FUTURE_REF");
    return i + 1 + n;
  }
  {
    size_t k = i + 1;
    int cur = 0;
    k += dt_phrase_at(c, k, PH_WHOLE_YEAR, &cur);
    if (has(c, k, DW_FISCAL, NULL)) cur = cur ? cur : 1, k++;
    if (cur && is_w(c, k, "year")) {
      int y;
      if (dt_year_num(c, k + 1, &y)) { /* "the fiscal year 2019" */
        dt_spec_init(s, DT_DATE, SK_ABS);
        s->year = (int16_t)y;
        return k + 2;
      }
      if (dt_phrase_at(c, k + 1, PH_YEAR_ENDED, NULL)) { /* "the fiscal year ended June 30": a year's length */
        dt_spec_init(s, DT_DURATION, SK_LIT);
        snprintf(s->lit, sizeof s->lit, "P1Y");
        return k + 1;
      }
      dt_spec_init(s, DT_DATE, SK_REL);
      s->unit = DU_YEAR, s->offset = (int16_t)(cur < 0 ? -1 : 0);
      return k + 1;
    }
  }
  if (u == DU_YEAR && !pl && dt_phrase_at(c, i + 2, PH_YEAR_ENDED, NULL)) {
    dt_spec_init(s, DT_DURATION, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "P1Y");
    return i + 2;
  }
  if (u == DU_YEAR && !pl && !capital(c, i + 1) && !hyphen_at(c, i + 2) &&
      ((in_doc(c, i + 2) && tk(c, i + 2)->cls == NW_TOK_PUNCT && !is_ch(c, i + 2, '-')) ||
       (i > 0 && (is_w(c, i - 1, "of") || is_w(c, i - 1, "for"))))) {
    dt_spec_init(s, DT_DATE, SK_REL); /* "for the year, sales rose", "the first half of the year", "a high for the year" */
    s->unit = DU_YEAR;
    return i + 2;
  }
  if (is_w(c, i + 1, "past") || is_w(c, i + 1, "future")) {
    int v;
    size_t k = i + 2;
    if (dt_unit_of(c, k, NULL) || dt_number(c, k, &v, 0) || has(c, k, DW_FEW, NULL)) return 0; /* "the past two years" */
    if (is_w(c, k, "of") && is_w(c, i + 1, "future")) return 0; /* "the future of the alliance": a fate, not a time */
    dt_spec_init(s, DT_DATE, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "%s", is_w(c, i + 1, "past") ? "PAST_REF" : "FUTURE_REF");
    return i + 2;
  }
  return 0;
}

/* Counted durations: [about|nearly|more than|at least|up to] (two|22|a|several)
** [more] units ; "two-year" ; "a couple of years" ; "[the] past/next/first N units". */
size_t dt_r_duration(dt_ctx *c, size_t i, dt_spec *s) {
  size_t j = i;
  int v, n = 0, u, pl;
  /* leading bounds */
  size_t bound = dt_phrase_at(c, j, PH_BOUND, NULL), count;
  if (bound) j += bound;
  else if (is_w(c, j, "the") || (has(c, j, DW_REL, &v) && !is_w(c, j, "this") && !is_w(c, j, "current"))) {
    j++;
    if (has(c, j, DW_REL, &v) || has(c, j, DW_ORD, &v)) {
      if (is_w(c, j, "this") || is_w(c, j, "current")) return 0;
      j++;
    }
  } else if (has(c, j, DW_APPROX, NULL)) {
    if (is_w(c, j, "some") && !dt_number(c, j + 1, &v, 0)) return 0; /* "some time" is not counted */
    j++;
  }
  size_t e = 0;
  if ((count = dt_phrase_at(c, j, PH_COUNT, &n))) e = j + count;
  else if (j > i && (count = dt_phrase_at(c, j, PH_COUNT_NOUN, &n))) e = j + count;
  else e = dt_number(c, j, &n, 1);
  if (!e) {
    if (has(c, j, DW_FEW, &v) && v == 1) n = -1, e = j + 1;
    else if (j > i && is_w(c, i, "the") && dt_unit_of(c, j, &pl) && pl) n = -1, e = j;
    else if (j == i && i > 0 && dt_unit_of(c, j, &pl) && pl && !capital(c, j) &&
             (is_w(c, i - 1, "for") || is_w(c, i - 1, "within") || is_w(c, i - 1, "in")) && !is_w(c, j + 1, "of") &&
             !(in_doc(c, j + 1) && tk(c, j + 1)->cls == NW_TOK_WORD && !has(c, j + 1, DW_PREP, NULL) &&
               !is_w(c, j + 1, "and") && !is_w(c, j + 1, "or")))
      n = -1, e = j; /* "for centuries", "within weeks" */
    else return 0;
  }
  if (n > 100000) return 0; /* no duration, and keeps the arithmetic below in range */
  /* "2 1/2 years", "two and a half hours" (and after the unit: "a year and a half") */
  size_t half = n > 0 ? and_a_half(c, e) : 0;
  e += half;
  if (is_w(c, e, "more")) e++;
  /* "an additional year", "eight trading days": a modifier of the counted unit */
  if ((is_w(c, e, "additional") || is_w(c, e, "extra") || is_w(c, e, "further")) && n > 0 && dt_unit_of(c, e + 1, NULL))
    e++;
  else if ((is_w(c, e, "trading") || is_w(c, e, "business") || is_w(c, e, "working")) && dt_unit_of(c, e + 1, NULL) == DU_DAY)
    e++;
  int compound = hyphen_at(c, e);
  if (half && compound) return 0;
  if (compound) e++;
  u = dt_unit_of(c, e, &pl);
  if (!u || u == DU_HALF || u == DU_WEEKEND) return 0;
  if (u == DU_SECOND && !pl) return 0;                  /* "a second group" */
  if (compound && pl) return 0;                         /* "three-quarters" is a fraction */
  if (!compound && hyphen_at(c, e + 1)) return 0;        /* "a year-earlier loss" */
  if (compound && capital(c, e) && in_doc(c, e + 1) && capital(c, e + 1) && tk(c, e + 1)->cls == NW_TOK_WORD)
    return 0; /* "the Six-Day War": a name */
  if (u == DU_QUARTER && n == 1 && is_w(c, e + 1, "of")) return 0; /* "a quarter of the market" */
  if (dt_digits(c, j, &v, NULL) && !compound && n > 1 && !pl && u != DU_HALF) return 0; /* "5 day" is rare */
  e++;
  /* an age ("a 6-year-old", "8-month-old"): TempEval-3 newswire annotates no duration there */
  if (compound && in_doc(c, e) && is_ch(c, e, '-') && glued(c, e) && is_w(c, e + 1, "old")) return 0;
  /* "a week or so" */
  e += dt_phrase_at(c, e, PH_VAGUE_TAIL, NULL);
  if (n == 0) return 0;
  if (!compound && is_w(c, e, "old")) return 0; /* an age: "52 years old" */
  if (!compound && n == 1 && is_w(c, j, "a") && i > 0 && j == i && !has(c, e, DW_AGO, NULL) &&
      (tk(c, i - 1)->cls == NW_TOK_NUMBER || (i > 1 && tk(c, i - 2)->cls == NW_TOK_NUMBER)))
    return 0; /* a rate: "$1.76 a year", "700 seats a week" */
  if (compound && j > i && !has(c, i, DW_APPROX, NULL)) return 0; /* "the two-week crisis": the adjective alone */
  if (!half && !compound && n > 0 && (half = and_a_half(c, e)) && is_w(c, e, "and")) e += half;
  dt_spec_init(s, DT_DURATION, SK_LIT);
  if (half) {
    int dir;
    if (u == DU_YEAR && n < 2000 && has(c, e, DW_AGO, &dir) && !is_w(c, e, "before") && dir < 0 && j == i) {
      dt_spec_init(s, DT_DATE, SK_REL); /* "two and a half years ago": that many months back */
      s->unit = DU_MONTH, s->offset = (int16_t)-(n * 12 + 6);
      return e + 1;
    }
    if (!half_duration(s->lit, sizeof s->lit, n, u) || (has(c, e, DW_AGO, &dir) && dir < 0 && !is_w(c, e, "before")))
      return 0;
    return e; /* "a minute and a half later": the duration, as "a minute later" */
  }
  dt_duration_value(s->lit, sizeof s->lit, n, u);
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
  if (j > i && n == 1 && !compound && e == j + 1 + 0 && !dt_number(c, j, &v, 1)) return 0;
  return e;
}

/* every Monday ; each year ; every two weeks ; annually ; "$5 a year". */
size_t dt_r_set(dt_ctx *c, size_t i, dt_spec *s) {
  int u, w, n = 1, pl;
  if (has(c, i, DW_SETADV, &u)) {
    if (capital(c, i) && !(tk(c, i)->flags & NW_TF_SENT_START)) return 0; /* "Daily Mail" */
    if (!is_w(c, i, "annually") && in_doc(c, i + 1) && tk(c, i + 1)->cls == NW_TOK_WORD &&
        !has(c, i + 1, DW_PREP, NULL) && !is_w(c, i + 1, "and") && !is_w(c, i + 1, "or"))
      return 0; /* an adjective: "daily flights" */
    dt_spec_init(s, DT_SET, SK_LIT);
    dt_duration_value(s->lit, sizeof s->lit, 1, u);
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
  /* "every morning", "each summer", "every weekend": the part of a day, year or week, each time */
  static const char *const pod_code[] = {"", "MO", "AF", "EV", "NI", "DT"}, *const season_code[] = {"", "SP", "SU", "FA", "WI"};
  int v;
  if ((has(c, j, DW_POD, &v) || has(c, j, DW_SEASON, &v)) && !capital(c, j)) {
    dt_spec_init(s, DT_SET, SK_LIT);
    if (has(c, j, DW_POD, &v)) snprintf(s->lit, sizeof s->lit, "XXXX-XX-XXT%s", pod_code[v]);
    else snprintf(s->lit, sizeof s->lit, "XXXX-%s", season_code[v]);
    return j + 1;
  }
  if (dt_unit_of(c, j, &pl) == DU_WEEKEND && !pl) {
    dt_spec_init(s, DT_SET, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "XXXX-WXX-WE");
    return j + 1;
  }
  if (is_w(c, j, "other")) n = 2, j++;
  else {
    size_t e = dt_number(c, j, &n, 0);
    if (e) j = e;
    if (n > 100000) return 0;
  }
  u = dt_unit_of(c, j, &pl);
  if (!u || u == DU_WEEKEND) return 0;
  dt_spec_init(s, DT_SET, SK_LIT);
  dt_duration_value(s->lit, sizeof s->lit, n, u);
  return j + 1;
}

/* now, currently, recently, soon ; "recent years" ; "these days". */
size_t dt_r_ref(dt_ctx *c, size_t i, dt_spec *s) {
  int v, pl, u;
  size_t j = i, n = dt_phrase_at(c, i, PH_REF, &v);
  if (n) j += n - 1;
  if (n || has(c, j, DW_REF, &v)) {
    if (v == DR_FUTURE && (is_w(c, j + 1, "after") || (i > 0 && is_w(c, i - 1, "as")))) return 0; /* "as soon as" */
    dt_spec_init(s, DT_DATE, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "%s", v == DR_PRESENT ? "PRESENT_REF" : v == DR_PAST ? "PAST_REF" : "FUTURE_REF");
    return j + 1;
  }
  if (is_w(c, i, "recent") && (u = dt_unit_of(c, i + 1, &pl)) && pl) {
    if (u == DU_YEAR || u == DU_DECADE) {
      dt_spec_init(s, DT_DATE, SK_LIT);
      snprintf(s->lit, sizeof s->lit, "PAST_REF");
    } else {
      dt_spec_init(s, DT_DURATION, SK_LIT);
      dt_duration_value(s->lit, sizeof s->lit, -1, u);
    }
    return i + 2;
  }
  if (is_w(c, i, "these") && dt_unit_of(c, i + 1, &pl) == DU_DAY && pl) {
    dt_spec_init(s, DT_DATE, SK_LIT);
    snprintf(s->lit, sizeof s->lit, "PRESENT_REF");
    return i + 2;
  }
  return 0;
}
