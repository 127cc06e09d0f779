/* Token helpers and the recognizers' shared parts (numbers, days, years,
** units, times of day) for ext/dates/: small inline readers over nw_doc
** tokens and the declarations of every recognizer. */
#ifndef NW_DATES_TOKENS_H
#define NW_DATES_TOKENS_H
#include <stdint.h>
#include <string.h>

#include "dates_internal.h"


static inline const nw_token *tk(dt_ctx *c, size_t i) { return &c->doc->tok[i]; }
static inline const char *tx(dt_ctx *c, size_t i) { return c->doc->text + c->doc->tok[i].start; }
static inline size_t tn(dt_ctx *c, size_t i) { return nw_tok_len(&c->doc->tok[i]); }
static inline int in_doc(dt_ctx *c, size_t i) { return i < c->doc->ntok; }

static inline int has(dt_ctx *c, size_t i, int kind, int *val) {
  int32_t v = dt_sense(c, i, kind);
  if (v == INT32_MIN) return 0;
  if (val) *val = v;
  return 1;
}

/* Token i is the word s of n bytes (ASCII case-insensitive). */
static inline int is_wn(dt_ctx *c, size_t i, const char *s, size_t n) {
  if (!in_doc(c, i) || tn(c, i) != n) return 0;
  const char *w = tx(c, i);
  for (size_t k = 0; k < n; k++) {
    char a = w[k];
    if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
    if (a != s[k]) return 0;
  }
  return 1;
}
/* Inlined so that strlen of a literal folds. */
static inline int is_w(dt_ctx *c, size_t i, const char *s) { return is_wn(c, i, s, strlen(s)); }
static inline int is_ch(dt_ctx *c, size_t i, char ch) { return in_doc(c, i) && tn(c, i) == 1 && tx(c, i)[0] == ch; }
static inline int glued(dt_ctx *c, size_t i) { return in_doc(c, i) && tk(c, i)->ws == NW_WS_NONE; }
static inline int capital(dt_ctx *c, size_t i) { return (tk(c, i)->flags & NW_TF_UPPER_INITIAL) != 0; }
/* A hyphen joining two tokens: "third-quarter", "mid-1996", "two-year". */
static inline int hyphen_at(dt_ctx *c, size_t i) { return is_ch(c, i, '-') && glued(c, i) && glued(c, i + 1); }



/* numbers, days, years, units (dates_tokens.c) */
int dt_digits(dt_ctx *c, size_t i, int *v, int *nd);
int dt_day_num(dt_ctx *c, size_t i, int *d);
int dt_year_num(dt_ctx *c, size_t i, int *y);
size_t dt_number(dt_ctx *c, size_t i, int *val, int allow_a);
int dt_unit_of(dt_ctx *c, size_t i, int *plural);
size_t dt_apostrophe_year(dt_ctx *c, size_t j, int *y, int *decade);
size_t dt_year_words(dt_ctx *c, size_t i, int *y);
int dt_month_word(dt_ctx *c, size_t i, int *m);
size_t dt_time_of_day(dt_ctx *c, size_t i, dt_spec *s);
uint64_t dt_kinds(dt_ctx *c, size_t i);

/* recognizers: each returns the end token of its match at i, or 0 */
typedef size_t (*dt_recognizer)(dt_ctx *, size_t, dt_spec *);
/* dates_rec_calendar.c: dates, weekdays, years, parts of a year, times */
size_t dt_r_numeric(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_month_first(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_month_rel(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_day_first(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_weekday(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_dayrel(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_year(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_part_of_year(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_quarter_ref(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_time(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_holiday(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_short_period(dt_ctx *c, size_t i, dt_spec *s);
/* dates_rec_periods.c: relative periods, durations, sets, references */
size_t dt_r_rel_unit(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_the_unit(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_duration(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_set(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_ref(dt_ctx *c, size_t i, dt_spec *s);
size_t dt_r_that(dt_ctx *c, size_t i, dt_spec *s);
#endif
