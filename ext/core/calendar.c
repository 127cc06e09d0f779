/* Calendar arithmetic for the proleptic Gregorian calendar: leap years, day
** numbers (H. Hinnant's civil-from-days algorithms), ISO weekdays and ISO
** 8601 weeks (a week belongs to the year holding its Thursday). */
#include "news.h"

int nw_is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int nw_days_in_month(int y, int m) {
  static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && nw_is_leap_year(y) ? 29 : len[m - 1];
}

int64_t nw_days_from_civil(int y, int m, int d) {
  int64_t yy = (int64_t)y - (m <= 2);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void nw_civil_from_days(int64_t z, int *y, int *m, int *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

int nw_weekday(int y, int m, int d) {
  int64_t z = nw_days_from_civil(y, m, d); /* 1970-01-01 was a Thursday (4) */
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return (int)w + 1;
}

void nw_iso_week(int y, int m, int d, int *wy, int *wk) {
  int64_t z = nw_days_from_civil(y, m, d);
  int64_t thursday = z - nw_weekday(y, m, d) + 4;
  int ty, tm, td;
  nw_civil_from_days(thursday, &ty, &tm, &td);
  *wy = ty;
  *wk = (int)((thursday - nw_days_from_civil(ty, 1, 1)) / 7 + 1);
}

int nw_iso_weeks_in_year(int y) {
  int wy, wk;
  nw_iso_week(y, 12, 28, &wy, &wk); /* Dec 28 is always in the year's last week */
  return wk;
}

void nw_add_months(int *y, int *m, int *d, int n) {
  int idx = *y * 12 + (*m - 1) + n;
  *y = idx >= 0 ? idx / 12 : -((11 - idx) / 12);
  *m = idx - *y * 12 + 1;
  int dim = nw_days_in_month(*y, *m);
  if (*d > dim) *d = dim;
}

static int digits(const char *s, size_t n, int *v) {
  int x = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    x = x * 10 + (s[i] - '0');
  }
  *v = x;
  return 1;
}

int nw_parse_ymd(const char *s, size_t n, int *y, int *m, int *d) {
  if (!s || n < 10 || s[4] != '-' || s[7] != '-') return 0;
  if (!digits(s, 4, y) || !digits(s + 5, 2, m) || !digits(s + 8, 2, d)) return 0;
  return *m >= 1 && *m <= 12 && *d >= 1 && *d <= nw_days_in_month(*y, *m);
}
