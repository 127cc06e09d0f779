/* The recognizer driver, chrono style: small recognizers (dates_rec_*.c) each
** try one family of expressions at a token and return where their match ends
** (0: none); dt_recognize keeps the longest. Prefixes that TimeBank keeps in
** the extent (determiners, "early"/"mid-"/"late", "the end of", "around") are
** handled here, their words in data/dates/words.tsv; prepositions never are. */
#include <string.h>

#include "dates_tokens.h"

static const dt_recognizer recognizers[] = {
  dt_r_numeric, dt_r_month_first, dt_r_month_rel, dt_r_day_first, dt_r_weekday, dt_r_dayrel, dt_r_year, dt_r_part_of_year,
  dt_r_quarter_ref, dt_r_rel_unit, dt_r_the_unit, dt_r_duration, dt_r_set, dt_r_ref, dt_r_time, dt_r_holiday, dt_r_that, dt_r_short_period};

size_t nw_dates_recognizer_count(void) { return sizeof recognizers / sizeof recognizers[0]; }

/* A hyphen among tokens [a, b): a compound adjective ("third-quarter", "two-year") when near the start. */
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
  /* the short forms "Q3", "H1", "FY2029" (dt_r_short_period), words of no table */
  const char *w = c->doc->text + t->start;
  if (nw_tok_len(t) >= 2 && nw_tok_len(t) <= 6 &&
      (((w[0] == 'Q' || w[0] == 'H') && w[1] >= '1' && w[1] <= '4') || (w[0] == 'F' && w[1] == 'Y')))
    return 1;
  /* prepositions, tense markers and the like never start an expression ("at least" and "a" do) */
  const uint64_t never = 1ull << DW_PREP | 1ull << DW_PAST | 1ull << DW_FUTURE | 1ull << DW_GENERIC | 1ull << DW_AMPM |
                         1ull << DW_TZ | 1ull << DW_PERIOD;
  const uint64_t words = (1ull << DT_PHRASE_BIT) - 1, bound = 1ull << (DT_PHRASE_BIT + PH_BOUND);
  return (dt_kinds(c, i) & ((words & ~never) | bound)) != 0;
}

size_t dt_recognize(dt_ctx *c, size_t i, dt_spec *s) {
  if (!may_start(c, i)) return 0;
  size_t best = best_at(c, i, s);
  dt_spec t = {0}; /* read below even when no expression follows "the" */
  size_t j = i, e;
  int v;
  /* "the" before a relative or counted expression ("the past year", "the 1990s", "the third quarter") */
  if (is_w(c, j, "the")) {
    e = in_doc(c, j + 1) ? best_at(c, j + 1, &t) : 0;
    /* not before a plain year, month or weekday ("the 2008 Games"), a set or a
    ** reference word ("the recently passed bill"), or an adjective ("the third-quarter results") */
    int plain = (t.kind == SK_ABS && t.year && !t.month && !t.quarter && !t.half && !t.season && t.yprec == 4) ||
                (t.kind == SK_WEEKDAY && !t.rel) || (t.kind == SK_ABS && t.month && !t.quarter) ||
                t.type == DT_SET || (t.kind == SK_LIT && t.type == DT_DATE) || hyphen_in(c, j + 1, j + 3 < e ? j + 3 : e);
    if (e > best && !plain) best = e, *s = t;
    j++;
    size_t part = dt_phrase_at(c, j, PH_PART_OF, NULL);
    if (part && in_doc(c, j + part)) {
      size_t k = is_w(c, j + part, "the") ? j + part + 1 : j + part;
      int u = dt_unit_of(c, k, NULL);
      if (k > j + part && (u == DU_YEAR || u == DU_MONTH || u == DU_WEEK || u == DU_DECADE || u == DU_CENTURY)) {
        /* "the end of the year": the current one */
        dt_spec_init(&t, DT_DATE, SK_REL);
        t.unit = (int8_t)u, e = k + 1;
      } else e = in_doc(c, k) ? best_at(c, k, &t) : 0;
      if (e > best && t.type == DT_DATE) best = e, *s = t;
    }
  }
  /* "around Nov. 1", "about 7:15 p.m." */
  if (j == i && has(c, i, DW_APPROX, &v) && v >= 2) {
    e = in_doc(c, i + 1) ? best_at(c, i + 1, &t) : 0;
    int precise = t.day || t.hour >= 0 || t.kind == SK_WEEKDAY;
    if (e > best && (t.type == DT_DATE || t.type == DT_TIME) && t.kind != SK_LIT && (precise || v == 2))
      best = e, *s = t;
  }
  /* "early", "mid-", "late", "earlier" before a date ("mid-1996", "earlier this year", "the late 1970s") */
  if (has(c, j, DW_EDGE, &v)) {
    size_t k = hyphen_at(c, j + 1) ? j + 2 : j + 1;
    e = in_doc(c, k) ? best_at(c, k, &t) : 0;
    if (e > best && (t.type == DT_DATE || t.type == DT_TIME) && t.kind != SK_LIT) best = e, *s = t;
  }
  return best;
}
