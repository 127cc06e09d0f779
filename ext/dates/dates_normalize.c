/* From a recognized dt_spec to a TIMEX3 value (TimeML conventions, as in
** TimeBank): calendar fields as ISO 8601 ("2022-02-04", "2022-W05",
** "1998-Q3", "2008-SU", "199X", "2022-02-04TEV", "T10:30"), relative
** expressions resolved against the reference date, and underspecified values
** ("XXXX-XX-XX", "XXXX-WXX-5") when there is no reference. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates_internal.h"

void dt_spec_init(dt_spec *s, int type, int kind) {
  memset(s, 0, sizeof *s);
  s->type = (uint8_t)type;
  s->kind = (uint8_t)kind;
  s->yprec = 4;
  s->hour = s->minute = s->second = -1;
}

static const char *const pod_code[] = {"", "MO", "AF", "EV", "NI", "DT"};
static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};

typedef struct out_buf {
  char *p;
  size_t cap, len;
} out_buf;

static void put(out_buf *o, const char *fmt, int a, int b) {
  if (o->len >= o->cap) return;
  int n = snprintf(o->p + o->len, o->cap - o->len, fmt, a, b);
  if (n > 0) o->len = o->len + (size_t)n < o->cap ? o->len + (size_t)n : o->cap - 1;
}

static void put_str(out_buf *o, const char *str) {
  size_t n = strlen(str);
  if (o->len + n >= o->cap) return;
  memcpy(o->p + o->len, str, n + 1);
  o->len += n;
}

static void put_time(out_buf *o, const dt_spec *s) {
  if (s->hour >= 0) put(o, "T%02d:%02d", s->hour, s->minute < 0 ? 0 : s->minute);
  else if (s->pod > 0 && s->pod <= DP_DAYTIME) put_str(o, "T"), put_str(o, pod_code[s->pod]);
}

static void put_date(out_buf *o, int y, int m, int d, const dt_spec *s) {
  put(o, "%04d-%02d", y, m);
  put(o, "-%02d", d, 0);
  put_time(o, s);
}

static void put_days(out_buf *o, const dt_ref *r, int64_t delta, const dt_spec *s) {
  int y, m, d;
  nw_civil_from_days(nw_days_from_civil(r->y, r->m, r->d) + delta, &y, &m, &d);
  put_date(o, y, m, d, s);
}

static void put_week(out_buf *o, int64_t day, int weekend) {
  int y, m, d, wy, wk;
  nw_civil_from_days(day, &y, &m, &d);
  nw_iso_week(y, m, d, &wy, &wk);
  put(o, "%04d-W%02d", wy, wk);
  if (weekend) put_str(o, "-WE");
}

/* Days from the reference to the weekday w: rel -1 strictly before, +1
** strictly after, 0 by tense (past or unknown: on or before; future: on or after). */
static int weekday_delta(const dt_ref *r, int w, int rel, int tense) {
  int rw = nw_weekday(r->y, r->m, r->d);
  int back = (rw - w + 7) % 7, fwd = (w - rw + 7) % 7;
  if (rel < 0) return back ? -back : -7;
  if (rel > 0) return fwd ? fwd : 7;
  return tense > 0 ? fwd : -back;
}

static void norm_abs(out_buf *o, const dt_spec *s, const dt_ref *r, int tense) {
  int y = s->year;
  if (!y) {
    if (!r->ok) {
      put_str(o, "XXXX");
      if (s->month) put(o, "-%02d", s->month, 0);
      if (s->month && s->day) put(o, "-%02d", s->day, 0);
      if (s->quarter) put(o, "-Q%d", s->quarter, 0);
      if (s->season) put_str(o, "-"), put_str(o, season_code[s->season]);
      if (s->month && s->day) put_time(o, s);
      return;
    }
    y = r->y;
    if (s->unit == DU_YEAR) y += s->offset;
    else if (s->month) {
      /* The reference year, unless the month is more than half a year after
      ** the reference (then the year before, unless the tense is future), or
      ** more than half a year before with no past tense, or clearly (two months)
      ** before when the tense is future (then the next year). */
      int64_t at = nw_days_from_civil(y, s->month, s->day ? s->day : 15);
      int64_t ref_day = nw_days_from_civil(r->y, r->m, r->d);
      int dm = s->month - r->m;
      if (tense <= 0 && dm > 6) y--;
      else if (tense > 0 && ref_day - at > 60) y++;
      else if (!tense && dm < -6) y++;
    } else if (s->quarter && tense < 0 && s->quarter > (r->m - 1) / 3 + 1) {
      y--; /* "the fourth quarter" said in January */
    }
  }
  if (s->yprec == 3) { put(o, "%03dX", y / 10, 0); return; }
  if (s->yprec == 2) { put(o, "%02d", y / 100, 0); return; }
  if (s->month && s->day) { put_date(o, y, s->month, s->day, s); return; }
  put(o, "%04d", y, 0);
  if (s->month) put(o, "-%02d", s->month, 0);
  else if (s->quarter) put(o, "-Q%d", s->quarter, 0);
  else if (s->half) put(o, "-H%d", s->half, 0);
  else if (s->season) put_str(o, "-"), put_str(o, season_code[s->season]);
  else if (s->week) put(o, "-W%02d", s->week, 0);
}

static const char *const x_unit[] = {
  [DU_SECOND] = "XXXX-XX-XXTXX:XX:XX", [DU_MINUTE] = "XXXX-XX-XXTXX:XX", [DU_HOUR] = "XXXX-XX-XXTXX",
  [DU_DAY] = "XXXX-XX-XX", [DU_WEEK] = "XXXX-WXX", [DU_WEEKEND] = "XXXX-WXX-WE", [DU_MONTH] = "XXXX-XX",
  [DU_QUARTER] = "XXXX-QX", [DU_HALF] = "XXXX-HX", [DU_YEAR] = "XXXX", [DU_DECADE] = "XXXX",
  [DU_CENTURY] = "XXXX", [DU_MILLENNIUM] = "XXXX"};

static void norm_rel(out_buf *o, const dt_spec *s, const dt_ref *r, int tense) {
  int unit = s->unit & ~DU_PLURAL, n = s->offset;
  if (!r->ok || unit <= 0 || unit > DU_MILLENNIUM) {
    put_str(o, x_unit[unit > 0 && unit <= DU_MILLENNIUM ? unit : DU_DAY]);
    if (unit == DU_DAY) put_time(o, s);
    return;
  }
  int64_t today = nw_days_from_civil(r->y, r->m, r->d);
  int y = r->y, m = r->m, d = r->d;
  if (unit >= DU_YEAR && (r->y + n * (unit == DU_YEAR ? 1 : unit == DU_DECADE ? 10 : 100) < 1)) {
    put_str(o, "PAST_REF"); /* "2,000 years ago": before year 1 */
    return;
  }
  if (unit < DU_YEAR && (n > 3650 || n < -3650)) n = n > 0 ? 3650 : -3650; /* keep day arithmetic in range */
  switch (unit) {
    case DU_SECOND: case DU_MINUTE: case DU_HOUR: case DU_DAY:
      put_days(o, r, unit == DU_DAY ? n : 0, s);
      break;
    case DU_WEEK: put_week(o, today + 7 * (int64_t)n, s->weekend); break;
    case DU_WEEKEND: {
      /* the weekend: by tense the last one (before today) or the next one */
      int rel = n ? n : (tense > 0 ? 1 : -1);
      put_week(o, today + weekday_delta(r, 6, rel, tense), 1);
      break;
    }
    case DU_MONTH: nw_add_months(&y, &m, &d, n); put(o, "%04d-%02d", y, m); break;
    case DU_QUARTER: {
      int q = (r->m - 1) / 3 + n, yy = r->y + (q >= 0 ? q / 4 : -((3 - q) / 4));
      q -= (yy - r->y) * 4;
      put(o, "%04d-Q%d", yy, q + 1);
      break;
    }
    case DU_HALF: {
      int h = (r->m - 1) / 6 + n, yy = r->y + (h >= 0 ? h / 2 : -((1 - h) / 2));
      h -= (yy - r->y) * 2;
      put(o, "%04d-H%d", yy, h + 1);
      break;
    }
    case DU_YEAR: put(o, "%04d", r->y + n, 0); break;
    case DU_DECADE: put(o, "%03dX", r->y / 10 + n, 0); break;
    default: put(o, "%02d", r->y / 100 + n, 0); break;
  }
}

static void norm_weekday(out_buf *o, const dt_spec *s, const dt_ref *r, int tense) {
  if (!r->ok) {
    put(o, "XXXX-WXX-%d", s->weekday, 0);
    put_time(o, s);
    return;
  }
  int64_t today = nw_days_from_civil(r->y, r->m, r->d);
  if (s->day) { /* "this Friday, 4": the nearest such weekday on that day of a month */
    for (int k = 0; k <= 10; k++)
      for (int sign = -1; sign <= 1; sign += 2) {
        int y, m, d;
        nw_civil_from_days(today + sign * k, &y, &m, &d);
        if (d == s->day && nw_weekday(y, m, d) == s->weekday) { put_date(o, y, m, d, s); return; }
      }
  }
  put_days(o, r, weekday_delta(r, s->weekday, s->rel, tense), s);
}

static void norm_monthrel(out_buf *o, const dt_spec *s, const dt_ref *r) {
  static const int season_month[] = {0, 4, 7, 10, 13}; /* winter runs into the next year */
  int m = s->month ? s->month : season_month[s->season];
  if (!r->ok) {
    if (s->month) put(o, "XXXX-%02d", s->month, 0);
    else put_str(o, "XXXX-"), put_str(o, season_code[s->season]);
    return;
  }
  int y = r->y;
  if (s->rel < 0 && m >= r->m) y--;
  if (s->rel > 0 && m <= r->m) y++;
  if (s->season) {
    put(o, "%04d-", y, 0), put_str(o, season_code[s->season]);
    return;
  }
  if (s->day) put_date(o, y, s->month, s->day, s);
  else put(o, "%04d-%02d", y, s->month);
}

static void norm_anaphor(out_buf *o, const dt_spec *s, const dt_ref *r) {
  if (!r->q && s->quarter) { /* "the quarter ended Sept. 30" first: that calendar quarter, an ended one */
    int y = s->year ? s->year : r->y + s->offset;
    if (!s->year && !r->ok) put(o, "XXXX-Q%d", s->quarter, 0);
    else put(o, "%04d-Q%d", !s->year && s->quarter > (r->m - 1) / 3 + 1 ? y - 1 : y, s->quarter);
    return;
  }
  if (r->q) {
    put(o, "%04d-Q%d", s->year ? s->year : r->qy + s->offset, r->q);
    return;
  }
  if (!r->ok) {
    put_str(o, s->unit == DU_YEAR ? "XXXX" : "XXXX-QX");
    return;
  }
  if (s->unit == DU_YEAR) {
    put(o, "%04d", s->year ? s->year : r->y + s->offset, 0);
    return;
  }
  int q = (r->m - 1) / 3, y = r->y; /* the last full quarter */
  if (q == 0) q = 4, y--;
  put(o, "%04d-Q%d", s->year ? s->year : y + s->offset, q);
}

/* "that year", "that month", "that day", "the following year": from the last
** date the text named when it is precise enough, else from the reference. */
static void norm_that(out_buf *o, const dt_spec *s, const dt_ref *r) {
  size_t need = s->unit == DU_YEAR ? 4 : s->unit == DU_MONTH ? 7 : 10;
  int y = 0, m = 1, d = 1;
  size_t have = strlen(r->last);
  if (have >= need) {
    y = atoi(r->last);
    if (need >= 7) m = atoi(r->last + 5);
    if (need >= 10) d = atoi(r->last + 8);
  } else if (r->ok) {
    y = r->y, m = r->m, d = r->d;
  } else {
    put_str(o, need == 4 ? "XXXX" : need == 7 ? "XXXX-XX" : "XXXX-XX-XX");
    return;
  }
  if (s->unit == DU_YEAR) put(o, "%04d", y + s->offset, 0);
  else if (s->unit == DU_MONTH) nw_add_months(&y, &m, &d, s->offset), put(o, "%04d-%02d", y, m);
  else {
    nw_civil_from_days(nw_days_from_civil(y, m, d) + s->offset, &y, &m, &d);
    put(o, "%04d-%02d", y, m), put(o, "-%02d", d, 0);
  }
}

size_t dt_normalize(const dt_spec *s, const dt_ref *r, int tense, char *out, size_t cap) {
  out_buf o = {.p = out, .cap = cap};
  if (!cap) return 0;
  out[0] = 0;
  switch (s->kind) {
    case SK_LIT: put_str(&o, s->lit); break;
    case SK_ABS: norm_abs(&o, s, r, tense); break;
    case SK_REL: norm_rel(&o, s, r, tense); break;
    case SK_WEEKDAY: norm_weekday(&o, s, r, tense); break;
    case SK_MONTHREL: norm_monthrel(&o, s, r); break;
    case SK_ANAPHOR: norm_anaphor(&o, s, r); break;
    case SK_THAT: norm_that(&o, s, r); break;
    default: break;
  }
  return o.len;
}
