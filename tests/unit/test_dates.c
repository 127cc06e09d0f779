/* Dates: calendar arithmetic, nw_date_parse over a table of forms, and
** nw_dates_extract over invented sentences with reference dates. */
#include <stdlib.h>

#include "check.h"
#include "../../ext/dates/dates_internal.h"
#include "news.h"

static void test_calendar(void) {
  CHECK(nw_is_leap_year(2024));
  CHECK(nw_is_leap_year(2000));
  CHECK(!nw_is_leap_year(1900));
  CHECK(!nw_is_leap_year(2023));
  CHECK_EQ_INT(nw_days_in_month(2024, 2), 29);
  CHECK_EQ_INT(nw_days_in_month(2023, 2), 28);
  CHECK_EQ_INT(nw_days_from_civil(1970, 1, 1), 0);
  CHECK_EQ_INT(nw_days_from_civil(2000, 3, 1), 11017);
  int y, m, d;
  nw_civil_from_days(nw_days_from_civil(2024, 2, 28) + 1, &y, &m, &d);
  CHECK(y == 2024 && m == 2 && d == 29);
  nw_civil_from_days(nw_days_from_civil(2023, 12, 31) + 1, &y, &m, &d);
  CHECK(y == 2024 && m == 1 && d == 1);
  CHECK_EQ_INT(nw_weekday(2022, 2, 4), 5); /* a Friday */
  CHECK_EQ_INT(nw_weekday(1970, 1, 1), 4);
  CHECK_EQ_INT(nw_weekday(1969, 12, 28), 7);
  int wy, wk;
  nw_iso_week(2022, 2, 4, &wy, &wk);
  CHECK(wy == 2022 && wk == 5);
  nw_iso_week(2021, 1, 1, &wy, &wk); /* belongs to the last week of 2020, a 53-week year */
  CHECK(wy == 2020 && wk == 53);
  nw_iso_week(2024, 12, 30, &wy, &wk); /* Monday of week 1 of 2025 */
  CHECK(wy == 2025 && wk == 1);
  CHECK_EQ_INT(nw_iso_weeks_in_year(2020), 53);
  CHECK_EQ_INT(nw_iso_weeks_in_year(2026), 53);
  CHECK_EQ_INT(nw_iso_weeks_in_year(2022), 52);
  y = 2024, m = 1, d = 31;
  nw_add_months(&y, &m, &d, 1);
  CHECK(y == 2024 && m == 2 && d == 29);
  y = 2022, m = 1, d = 15;
  nw_add_months(&y, &m, &d, -1);
  CHECK(y == 2021 && m == 12 && d == 15);
  CHECK(nw_parse_ymd("2024-02-29", 10, &y, &m, &d));
  CHECK(!nw_parse_ymd("2023-02-29", 10, &y, &m, &d));
  CHECK(!nw_parse_ymd("2023-2-9", 8, &y, &m, &d));
}

/* nw_date_parse: expression, reference, expected value ("" = not a date). */
static const struct { const char *expr, *ref, *want; } parse_table[] = {
  {"February 04, 2022", NULL, "2022-02-04"},
  {"Feb. 4, 2022", NULL, "2022-02-04"},
  {"4 Feb. 2022", NULL, "2022-02-04"},
  {"4 February 2022", NULL, "2022-02-04"},
  {"the 4th of February, 2022", NULL, "2022-02-04"},
  {"Fri, 04 Feb 2022 10:30:00 +0000", NULL, "2022-02-04"},
  {"Friday, February 4, 2022", NULL, "2022-02-04"},
  {"2022-02-04", NULL, "2022-02-04"},
  {"2022-02-04T10:30:00Z", NULL, "2022-02-04"},
  {"02/04/2022", NULL, "2022-02-04"},  /* month first */
  {"25/12/2021", NULL, "2021-12-25"},  /* day first when the first cannot be a month */
  {"04.02.2022", NULL, "2022-02-04"},  /* dotted: day first */
  {"Updated 10:30 AM EST, Fri February 4, 2022", NULL, "2022-02-04"},
  {"20220204", NULL, "2022-02-04"},                 /* compact ISO 8601 */
  {"12345678", NULL, ""},                           /* not a date */
  {"Fri Feb 4 10:30:00 2022", NULL, "2022-02-04"},  /* C's ctime() */
  {"04-Feb-2022", NULL, "2022-02-04"},
  {"February 4, 2022 at 10:30 a.m. EST", NULL, "2022-02-04"},
  {"January 2020", NULL, "2020-01"},
  {"1949", NULL, "1949"},
  {"Friday", "2022-02-05", "2022-02-04"},
  {"yesterday", "2022-03-01", "2022-02-28"},
  {"yesterday", "2024-03-01", "2024-02-29"}, /* leap year */
  {"tomorrow", "2021-12-31", "2022-01-01"},
  {"Feb. 29, 2023", NULL, ""},                /* no such day */
  {"banana", NULL, ""},
  {"", NULL, ""},
  {"Friday", NULL, ""},                       /* no reference: no calendar date */
};

static void test_parse(void) {
  char out[16];
  for (size_t k = 0; k < sizeof parse_table / sizeof parse_table[0]; k++) {
    const char *e = parse_table[k].expr;
    size_t n = nw_date_parse(e, strlen(e), parse_table[k].ref, out);
    CHECK_EQ_STRN(out, n, parse_table[k].want);
  }
}

static nw_doc doc;
static nw_timexes tx;

static void extract(const char *text, const char *ref) {
  CHECK_EQ_INT(nw_tokenize(&doc, text, strlen(text)), 0);
  CHECK_EQ_INT(nw_dates_extract(&doc, ref, ref ? strlen(ref) : 0, &tx), 0);
}

/* Timex k's text, type and value. */
static void expect(size_t k, const char *mention, const char *type, const char *value) {
  if (k >= tx.n) {
    CHECK(k < tx.n);
    return;
  }
  CHECK_EQ_STRN(doc.text + tx.v[k].start, tx.v[k].end - tx.v[k].start, mention);
  CHECK_EQ_STRN(nw_timex_type_name(tx.v[k].type), strlen(nw_timex_type_name(tx.v[k].type)), type);
  CHECK_EQ_STRN(tx.v[k].value, strlen(tx.v[k].value), value);
}

static void test_extract(void) {
  /* 2021-01-01 is a Friday in ISO week 53 of 2020 */
  extract("The council met last week and will vote next week. It met on Monday.", "2021-01-01");
  CHECK_EQ_INT(tx.n, 3);
  expect(0, "last week", "DATE", "2020-W52");
  expect(1, "next week", "DATE", "2021-W01");
  expect(2, "Monday", "DATE", "2020-12-28");
  extract("This week the mill reopened.", "2021-01-01");
  expect(0, "This week", "DATE", "2020-W53");
  /* tense decides the weekday: past -> the one before, future -> the one after */
  extract("The mayor resigned Tuesday. Her successor will be sworn in Tuesday.", "2022-02-04");
  expect(0, "Tuesday", "DATE", "2022-02-01");
  expect(1, "Tuesday", "DATE", "2022-02-08");
  extract("Sales rose in the third quarter, the best in the 1980s, and for nearly three years.", "1990-11-20");
  expect(0, "the third quarter", "DATE", "1990-Q3");
  expect(1, "the 1980s", "DATE", "198X");
  expect(2, "nearly three years", "DURATION", "P3Y");
  extract("The fair opens every Monday at 10:30 a.m. and the fee is paid annually.", "2022-02-04");
  expect(0, "every Monday", "SET", "XXXX-WXX-1");
  expect(1, "10:30 a.m.", "TIME", "2022-02-04T10:30");
  expect(2, "annually", "SET", "XXXX");
  extract("The treaty was signed two years ago; the talks resume next month.", "2024-02-29");
  expect(0, "two years ago", "DATE", "2022");
  expect(1, "next month", "DATE", "2024-03");
  /* no reference: underspecified values */
  extract("She arrived yesterday and leaves Friday.", NULL);
  expect(0, "yesterday", "DATE", "XXXX-XX-XX");
  expect(1, "Friday", "DATE", "XXXX-WXX-5");
  /* a week-53 year seen from the next one; a leap day a year on */
  extract("Prices fell last week and will rise next year.", "2021-01-10");
  expect(0, "last week", "DATE", "2020-W53");
  expect(1, "next year", "DATE", "2022");
  extract("The law takes effect on Feb. 29 and will be reviewed on Feb. 29 next year.", "2024-01-15");
  expect(0, "Feb. 29", "DATE", "2024-02-29");
  /* "will be held": the participle does not make the sentence past */
  extract("The vote will be held on Monday.", "2022-02-04");
  expect(0, "Monday", "DATE", "2022-02-07");
  /* a bare time takes the day of the last full date in its sentence, not the reference's */
  extract("On Jan. 9, 2023, at 7:15 p.m. the ferry sank. Rescuers arrived at 9 p.m.", "2023-01-12");
  CHECK_EQ_INT(tx.n, 3);
  expect(0, "Jan. 9, 2023", "DATE", "2023-01-09");
  expect(1, "7:15 p.m.", "TIME", "2023-01-09T19:15");
  expect(2, "9 p.m.", "TIME", "2023-01-12T21:00");
  extract("The polls on June 2, 2019 opened at noon.", "2019-06-20");
  expect(1, "noon", "TIME", "2019-06-02T12:00");
  /* English only: counts in other languages are not recognized */
  extract("\xD0\x9E\xD0\xBD\xD0\xB0 \xD0\xB6\xD0\xB4\xD0\xB0\xD0\xBB\xD0\xB0 \xD1\x82\xD1\x80\xD0\xB8 \xD0\xB4\xD0\xBD\xD1\x8F.", "2022-02-04");
  CHECK_EQ_INT(tx.n, 0);
  extract("No dates in this sentence, only 1,500 people and $2000.", "2022-02-04");
  CHECK_EQ_INT(tx.n, 0);
}

int main(void) {
  RUN(test_calendar);
  RUN(test_parse);
  RUN(test_extract);
  nw_timexes_free(&tx);
  nw_doc_free(&doc);
  DONE();
}
