/* The reference (publication) date as news gives it: ISO 8601 ("2022-02-05",
** "2022-02-05T23:30:00-05:00": the date as written, the outlet's local day) or
** a calendar date with the month in words ("Feb 5, 2022", "5 February 2022",
** "Saturday, February 5, 2022 11:30 PM EST"), read by the recognizers
** themselves. An all-numeric day-month form ("03/02/2031") is refused: US and
** European readings differ, and a wrong anchor would shift every value. */
#include <string.h>

#include "dates_internal.h"

static int is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

static int has_letter(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')) return 1;
  return 0;
}

static int year_first(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && s[k] >= '0' && s[k] <= '9') k++;
  return k == 4 || k == 8; /* "2022/02/05", "20220205" */
}

/* One expression covering all of s[0, n) whose value is a day (or a month or a year). */
static int whole_day(const char *s, size_t n, char out[NW_DATE_BUF]) {
  nw_doc doc = {0};
  nw_timexes tx = {0};
  int len = 0;
  if (nw_tokenize(&doc, s, n) || nw_dates_extract(&doc, NULL, 0, &tx)) len = -1;
  else if (tx.n == 1 && tx.v[0].start == 0 && tx.v[0].end == n &&
           (tx.v[0].type == NW_TIMEX_DATE || tx.v[0].type == NW_TIMEX_TIME)) {
    const char *v = tx.v[0].value;
    size_t vn = strlen(v);
    int y, m, d;
    if (nw_parse_ymd(v, vn, &y, &m, &d) && y >= 1) vn = NW_YMD_LEN;
    if ((vn == NW_YMD_LEN || vn == 4 || vn == 7) && nw_date_ref_valid(v, vn)) { /* "February 2022": the month */
      memcpy(out, v, vn);
      out[vn] = 0;
      len = (int)vn;
    }
  }
  nw_timexes_free(&tx);
  nw_doc_free(&doc);
  return len;
}

int nw_date_reference(const char *s, size_t n, char out[NW_DATE_BUF]) {
  out[0] = 0;
  if (!s) return 0;
  while (n && is_space(*s)) s++, n--;
  while (n && is_space(s[n - 1])) n--;
  if (nw_date_ref_valid(s, n)) {
    size_t len = n == 4 || n == 7 ? n : NW_YMD_LEN;
    memcpy(out, s, len);
    out[len] = 0;
    return (int)len;
  }
  if (!has_letter(s, n) && !year_first(s, n)) return 0;
  return whole_day(s, n, out);
}
