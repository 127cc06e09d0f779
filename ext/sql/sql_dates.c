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
** The reference is the publication date ('YYYY-MM-DD', a time may follow; or
** a month in words: 'Feb 5, 2022', '5 February 2022'; nw_date_reference):
** relative expressions ("Friday", "next month") are resolved against it;
** without one (NULL) they get underspecified values such as 'XXXX-XX-XX', and
** news_date gives NULL for them, as with a reference known only to the year
** or month ('YYYY', 'YYYY-MM': what news_date gives). Any other reference is
** an SQL error, never ignored. news_date gives the calendar part of one expression
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

#define BAD_REFERENCE \
  "%s: the reference date must be YYYY-MM-DD (a time may follow) or a date with the month in words " \
  "(Feb 5, 2022), a year from 0001 to 9999"

/* The reference argument as "YYYY-MM-DD" (or "YYYY", "YYYY-MM") in out, *len
** its length (0: NULL, none). An SQLite code; *err says why. */
static int read_reference(sqlite3_value *arg, const char *fn, char out[NW_DATE_BUF], size_t *len, char **err) {
  size_t n = 0;
  const char *ref = nw_value_text(arg, &n);
  *len = 0;
  if (!ref) return SQLITE_OK;
  int got = nw_date_reference(ref, n, out);
  if (got < 0) return SQLITE_NOMEM;
  if (!got) {
    *err = sqlite3_mprintf(BAD_REFERENCE, fn);
    return *err ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  *len = (size_t)got;
  return SQLITE_OK;
}

static int produce_dates(nw_rowset *rs, const nw_doc *doc, int argc, sqlite3_value **args, char **err) {
  char ref[NW_DATE_BUF];
  size_t ref_len = 0;
  int rc = argc >= 1 ? read_reference(args[0], "news_dates", ref, &ref_len, err) : SQLITE_OK;
  if (rc != SQLITE_OK) return rc;
  nw_timexes tx = {0};
  if (nw_dates_extract(doc, ref_len ? ref : NULL, ref_len, &tx)) {
    rc = SQLITE_NOMEM; /* "news_dates: out of memory" */
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
  char ref[NW_DATE_BUF], out[NW_DATE_BUF], *err = NULL;
  if (!s) {
    sqlite3_result_null(ctx);
    return;
  }
  if (nw_scalar_too_long(ctx, "news_date", len)) return;
  int rc = argc > 1 ? read_reference(argv[1], "news_date", ref, &ref_len, &err) : SQLITE_OK;
  if (rc != SQLITE_OK) {
    if (rc == SQLITE_NOMEM) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_error(ctx, err ? err : "news_date: bad reference", -1);
    sqlite3_free(err);
    return;
  }
  nw_sql_stop stop;
  nw_sql_stop_begin(&stop, sqlite3_context_db_handle(ctx));
  size_t n = nw_date_parse(s, len, ref_len ? ref : NULL, out);
  if (nw_sql_stop_end(&stop) || n == NW_DATE_STOPPED) {
    sqlite3_result_error(ctx, "interrupted", -1);
    sqlite3_result_error_code(ctx, SQLITE_INTERRUPT);
  } else if (n == NW_DATE_FAILED) sqlite3_result_error_nomem(ctx);
  else if (n) sqlite3_result_text(ctx, out, (int)n, SQLITE_TRANSIENT);
  else sqlite3_result_null(ctx);
}

static int register_scalars(sqlite3 *db, char **err) {
  const int det = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function(db, "news_date", 1, det, NULL, fn_date, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "news_date", 2, det, NULL, fn_date, NULL, NULL);
  return rc;
}

static int debug_dates(nw_buf *out);
const nw_sql_module nw_sql_dates = {
  .tvfs = (const nw_tvf *const[]){&dates_tvf, NULL},
  .init = register_scalars,
  .debug = debug_dates,
};

static int debug_dates(nw_buf *out) {
  char line[128];
  size_t words = nw_dates_word_count(); /* 0: the word map could not be built */
  int n = snprintf(line, sizeof line, "dates: %zu words (%zu senses), %zu recognizers\n", words,
                   nw_dates_sense_count(), nw_dates_recognizer_count());
  return !words || n <= 0 || nw_buf_append(out, line, (size_t)n) ? -1 : 0;
}
