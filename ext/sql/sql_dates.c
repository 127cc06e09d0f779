/*
** news_dates(text [, reference]) and news_date(expr [, reference]): dates,
** times, durations and sets as TimeML TIMEX3 types and values.
**
**   SELECT mention, type, value, start, length
**   FROM news_dates('The ministers met on Friday evening, their first talks ' ||
**                   'in nearly two years.', '2022-02-05');
**
**     Friday evening|TIME|2022-02-04TEV|22|14
**     nearly two years|DURATION|P2Y|59|16
**
**   SELECT news_date('4 Feb. 2022'), news_date('last Tuesday', '2022-02-04');
**
**     2022-02-04|2022-02-01
**
** The reference is the publication date ('YYYY-MM-DD'): relative expressions
** ("Friday", "next month") are resolved against it; without one (NULL) they
** get underspecified values such as 'XXXX-XX-XX', and news_date gives NULL
** for them, as with a reference known only to the year or month ('YYYY',
** 'YYYY-MM': what news_date gives). Any other reference that is not such a
** date (a time may follow it) is an SQL error. news_date gives the calendar part of one expression
** (YYYY-MM-DD, YYYY-MM or YYYY), NULL when it is no date. A date whose year
** is outside 0001-9999 has a NULL value in both. NULL text gives no rows
** (news_dates) or NULL (news_date). The
** manuals: docs/news_dates.md, docs/news_date.md.
**
** HOW IT WORKS
**
** news_dates is an eponymous table-valued function on tvf.c, schema
**
**     CREATE TABLE x(mention, type, value, start, length, text HIDDEN, reference HIDDEN)
**
** (the arguments are equality constraints on the hidden columns, the second
** optional). tvf.c tokenizes once into the thread's document; the adapter
** calls nw_dates_extract (ext/dates/); news_date is a deterministic scalar over
** nw_date_parse, which runs the same recognizers over one expression.
*/
#include <stdio.h>
#include <string.h>

#include "modules.h"
#include "news_dates.h"
#include "tvf.h"

SQLITE_EXTENSION_INIT3

enum { D_MENTION, D_TYPE, D_VALUE, D_START, D_LENGTH, D_NCOL };

#define BAD_REFERENCE "%s: the reference date must be YYYY-MM-DD (a year from 0001 to 9999)"

static int produce_dates(nw_rowset *rs, const nw_doc *doc, int argc, sqlite3_value **args, char **err) {
  size_t ref_len = 0;
  const char *ref = argc >= 1 ? nw_value_text(args[0], &ref_len) : NULL;
  if (ref && !nw_date_ref_valid(ref, ref_len)) {
    *err = sqlite3_mprintf(BAD_REFERENCE, "news_dates");
    return *err ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  nw_timexes tx = {0};
  int rc = SQLITE_OK;
  if (nw_dates_extract(doc, ref, ref_len, &tx)) {
    *err = sqlite3_mprintf("news_dates: out of memory");
    rc = SQLITE_ERROR;
  }
  for (size_t k = 0; rc == SQLITE_OK && k < tx.n; k++) {
    const nw_timex *t = &tx.v[k];
    const char *type = nw_timex_type_name(t->type);
    /* an empty value (a year outside 0001-9999) is NULL */
    if (nw_row_new(rs) || nw_set_text(rs, D_TYPE, type, strlen(type)) ||
        (t->value[0] && nw_set_text(rs, D_VALUE, t->value, strlen(t->value)))) {
      rc = SQLITE_NOMEM;
      break;
    }
    nw_set_input(rs, D_MENTION, t->start, t->end);
    nw_set_span(rs, D_START, D_LENGTH, t->start, t->end);
  }
  nw_timexes_free(&tx);
  return rc;
}

static const nw_tvf dates_tvf = {
  .name = "news_dates",
  .schema = "CREATE TABLE x(mention TEXT, type TEXT, value TEXT, start INTEGER, length INTEGER,"
            " text HIDDEN, reference HIDDEN)",
  .ncol = D_NCOL,
  .nargs_min = 1,
  .nargs_max = 2,
  .needs_doc = 1,
  .produce = produce_dates,
};

static void fn_date(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  size_t len, ref_len = 0;
  const char *s = nw_value_text(argv[0], &len);
  const char *ref = argc > 1 ? nw_value_text(argv[1], &ref_len) : NULL;
  char refz[NW_DATE_BUF], out[NW_DATE_BUF];
  if (!s) {
    sqlite3_result_null(ctx);
    return;
  }
  if (nw_scalar_too_long(ctx, "news_date", len)) return;
  if (ref && !nw_date_ref_valid(ref, ref_len)) {
    char *msg = sqlite3_mprintf(BAD_REFERENCE, "news_date");
    if (msg) sqlite3_result_error(ctx, msg, -1);
    else sqlite3_result_error_nomem(ctx);
    sqlite3_free(msg);
    return;
  }
  if (ref) { /* nw_date_parse wants a NUL-terminated reference */
    if (ref_len >= sizeof refz) ref_len = sizeof refz - 1;
    memcpy(refz, ref, ref_len);
    refz[ref_len] = 0;
  }
  size_t n = nw_date_parse(s, len, ref ? refz : NULL, out);
  if (n == NW_DATE_FAILED) sqlite3_result_error_nomem(ctx);
  else if (n) sqlite3_result_text(ctx, out, (int)n, SQLITE_TRANSIENT);
  else sqlite3_result_null(ctx);
}

static int register_scalars(sqlite3 *db, char **err) {
  const int det = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function(db, "news_date", 1, det, NULL, fn_date, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "news_date", 2, det, NULL, fn_date, NULL, NULL);
  return rc;
}

static void debug_dates(nw_buf *out);
const nw_sql_module nw_sql_dates = {
  .tvfs = (const nw_tvf *const[]){&dates_tvf, NULL},
  .init = register_scalars,
  .debug = debug_dates,
};

static void debug_dates(nw_buf *out) {
  char line[128];
  int n = snprintf(line, sizeof line, "dates: %zu words (%zu senses), %zu recognizers\n", nw_dates_word_count(),
                   nw_dates_sense_count(), nw_dates_recognizer_count());
  if (n > 0) nw_buf_append(out, line, (size_t)n);
}
