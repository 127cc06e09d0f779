/* The driver: run the recognizers left to right over the tokens (longest
** match, no overlaps), find the tense around each mention, normalize its
** value against the reference; and nw_date_parse, the one-expression form. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates_tokens.h"

const char *nw_timex_type_name(int type) {
  static const char *const names[] = {"", "DATE", "TIME", "DURATION", "SET"};
  return type >= 1 && type <= 4 ? names[type] : "";
}

size_t nw_dates_word_count(void) { return dt_words_map_size(); }
size_t nw_dates_sense_count(void) { return dt_words_count; }

void nw_timexes_free(nw_timexes *t) {
  free(t->v);
  memset(t, 0, sizeof *t);
}

/* A word in the past tense by its form ("announced", "closed"); not one in
** "-eed" ("succeed", "proceed", "exceed": the past ones, "agreed", are in the
** word table), a word the table gives another sense ("hundred"), nor an
** adjective: after a determiner ("a revised plan") or in "un-" ("an
** unspecified date", "unchanged"). */
static int looks_past(dt_ctx *c, size_t i) {
  const nw_token *t = &c->doc->tok[i];
  size_t n = nw_tok_len(t);
  const char *w = c->doc->text + t->start;
  return t->cls == NW_TOK_WORD && n > 4 && (t->flags & NW_TF_LOWER_INITIAL) && w[n - 2] == 'e' && w[n - 1] == 'd' &&
         w[n - 3] != 'e' && !(dt_kinds(c, i) & ((1ull << DT_PHRASE_BIT) - 1)) && !(w[0] == 'u' && w[1] == 'n') &&
         !(i > 0 && has(c, i - 1, DW_DET, NULL));
}

static int future_form(dt_ctx *c, size_t i) {
  const nw_token *t = &c->doc->tok[i];
  size_t n = nw_tok_len(t);
  const char *w = c->doc->text + t->start;
  if (dt_sense(c, i, DW_FUTURE) != INT32_MIN) return 1;
  return n > 3 && w[n - 2] == 'l' && w[n - 1] == 'l' && (w[n - 3] == '\'' || (n > 5 && !memcmp(w + n - 5, "\xE2\x80\x99", 3)));
}

/* The tense a token marks: +1 future, -1 past, 0 none. A participle after
** "be" ("will be held", "is to be signed") marks nothing itself but "to be" is
** a future; the modal before it decides. */
static int tense_at(dt_ctx *c, size_t i, size_t lo) {
  /* "is to resume", "are to meet": a plan, the future */
  if (i > lo && nw_tok_is(c->doc, i, "to", 1) && (nw_tok_is(c->doc, i - 1, "is", 1) || nw_tok_is(c->doc, i - 1, "are", 1)))
    return 1;
  if (future_form(c, i)) {
    /* "had been due to", "was scheduled to", "as previously planned": a past plan */
    for (size_t k = i; k > lo && k + 3 > i; k--) {
      size_t p = k - 1;
      if (nw_tok_is(c->doc, p, "had", 1) || nw_tok_is(c->doc, p, "was", 1) || nw_tok_is(c->doc, p, "were", 1) ||
          nw_tok_is(c->doc, p, "previously", 1))
        return -1;
    }
    return 1;
  }
  if (dt_sense(c, i, DW_PAST) == INT32_MIN && !looks_past(c, i)) return 0;
  if (i > lo && nw_tok_is(c->doc, i - 1, "be", 1)) return i > lo + 1 && nw_tok_is(c->doc, i - 2, "to", 1) ? 1 : 0;
  return -1;
}

/* The tense nearest the mention [a, b) in its sentence: -1 past, +1 future, 0 none. */
static int tense_near(dt_ctx *c, size_t a, size_t b) {
  const nw_sentence *s = &c->doc->sent[c->doc->tok[a].sentence];
  size_t lo = s->first_tok, hi = s->end_tok;
  for (size_t d = 1; d < 40; d++) {
    int found = 0, t;
    if (a >= lo + d) {
      found = 1;
      if ((t = tense_at(c, a - d, lo))) return t;
    }
    if (b + d - 1 < hi) {
      found = 1;
      if ((t = tense_at(c, b + d - 1, lo))) return t;
    }
    if (!found) break;
  }
  return 0;
}

/* A deadline or a start date: "due by February", "effective Feb. 1" [a, b): what it
** dates is still to come, unless a past perfect close by makes it a past deadline
** ("had filed reports by Wednesday", "by late Sunday the speech had been cut"; a
** sentence's "By February, ..." starts with a capital and is not taken), or the date
** is a modifier after an agent's "by" ("prompted by the late Friday release"). */
static int deadline_before(dt_ctx *c, size_t a, size_t b) {
  const nw_doc *d = c->doc;
  if (a == 0 || !(nw_tok_is(d, a - 1, "effective", 1) || nw_tok_is(d, a - 1, "by", 0))) return 0;
  if (b < d->ntok && d->tok[b].cls == NW_TOK_WORD && (d->tok[b].flags & NW_TF_LOWER_INITIAL) &&
      !(dt_kinds(c, b) & 1ull << DW_PREP) && !nw_tok_is(d, b, "and", 1) && !nw_tok_is(d, b, "or", 1) &&
      d->tok[b].sentence == d->tok[a].sentence)
    return 0;
  const nw_sentence *s = &d->sent[d->tok[a].sentence];
  for (size_t k = a > s->first_tok + 8 ? a - 8 : s->first_tok; k < b + 8 && k < s->end_tok; k++)
    if (nw_tok_is(d, k, "had", 1)) return 0;
  return 1;
}

static int needs_tense(const dt_spec *s) {
  return s->kind == SK_WEEKDAY || (s->kind == SK_ABS && !s->year && (s->month || s->quarter) && !s->unit) ||
         (s->kind == SK_REL && s->unit == DU_WEEKEND && !s->offset);
}

/* A value that names a calendar date: YYYY, YYYY-MM or YYYY-MM-DD (a time's date part). */
static size_t calendar_part(const char *v) {
  size_t n = 0;
  while (n < 4 && v[n] >= '0' && v[n] <= '9') n++;
  if (n != 4) return 0;
  if (v[4] != '-') return v[4] == 0 ? 4 : 0;
  if (!(v[5] >= '0' && v[5] <= '1' && v[6] >= '0' && v[6] <= '9')) return 4;
  if (v[7] != '-') return 7;
  if (v[8] >= '0' && v[8] <= '3' && v[9] >= '0' && v[9] <= '9') return 10;
  return 7;
}

/* A value whose year is outside 0001-9999 ("10000-01-01", "-001-12-31",
** "0000"): ISO 8601 has no such four-digit year, so the value is left empty
** (news_dates gives NULL, and news_date, which wants a calendar part, too). */
static int year_out_of_range(const char *v) {
  size_t n = 0;
  while (v[n] >= '0' && v[n] <= '9') n++;
  return v[0] == '-' || n > 4 || (n == 4 && !strncmp(v, "0000", 4));
}

/* A duration of 4 to 11 months ("P9M"): a reporting period longer than a
** quarter and shorter than a year ("the nine months", "the first six months"). */
static int months_span(const char *v) {
  int n = 0;
  size_t k = 1;
  if (v[0] != 'P') return 0;
  while (v[k] >= '0' && v[k] <= '9' && k < 4) n = n * 10 + (v[k++] - '0');
  return k > 1 && v[k] == 'M' && !v[k + 1] && n >= 4 && n <= 11;
}

/* The second year of a span in one token ("2010" of "2009-2010"): a mention
** of its own, and the last date the text named. */
static int add_span_end(uint32_t start, uint32_t end, int year, dt_ref *r, nw_timexes *out) {
  if (nw_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v)) return -1;
  nw_timex *t = &out->v[out->n++];
  t->start = start, t->end = end, t->type = DT_DATE;
  snprintf(t->value, sizeof t->value, "%04d", year);
  snprintf(r->last, sizeof r->last, "%04d", year);
  return 0;
}

int nw_dates_extract(const nw_doc *doc, const char *ref, size_t ref_len, nw_timexes *out) {
  out->n = 0;
  dt_ref r = {0};
  if (ref && nw_parse_ymd(ref, ref_len, &r.y, &r.m, &r.d)) r.ok = 1;
  if (!doc->ntok) return 0;
  if (!dt_words_ready()) return -1; /* out of memory building it: an error, not fewer dates */
  dt_ctx c = {.doc = doc, .word = malloc(doc->ntok * sizeof(int32_t)), .kinds = malloc(doc->ntok * sizeof(uint64_t))};
  if (!c.word || !c.kinds) {
    free(c.word);
    free(c.kinds);
    return -1;
  }
  for (size_t i = 0; i < doc->ntok; i++) c.word[i] = -2;
  int rc = 0;
  /* The last full date of the current sentence: TimeBank puts a bare time
  ** ("On Feb. 4, 2022, at 10:30 a.m.") on that day, not on the reference. */
  size_t day_sentence = SIZE_MAX;
  int day[3] = {0, 0, 0};
  dt_ref day_ref;
  for (size_t i = 0, asked = 4096; i < doc->ntok;) {
    if (i >= asked) { /* a long text (not a short one: a date in a page) stops when its caller asks */
      if (nw_stop_requested()) {
        rc = -1;
        break;
      }
      asked = i + 4096;
    }
    dt_spec s;
    size_t e = dt_recognize(&c, i, &s);
    if (!e) { i++; continue; }
    if (nw_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v)) { rc = -1; break; }
    nw_timex *t = &out->v[out->n];
    int tense = !needs_tense(&s) ? 0 : deadline_before(&c, i, e) ? 1 : tense_near(&c, i, e);
    size_t sentence = doc->tok[i].sentence;
    const dt_ref *on = &r;
    if (s.bare_time && sentence == day_sentence) {
      day_ref = r, day_ref.ok = 1, day_ref.y = day[0], day_ref.m = day[1], day_ref.d = day[2];
      on = &day_ref;
    }
    if (dt_normalize(&s, on, tense, t->value, sizeof t->value)) {
      if (year_out_of_range(t->value)) t->value[0] = 0;
      const char *v = t->value;
      if ((s.kind != SK_ANAPHOR || (s.quarter && !r.q)) && strlen(v) == 7 && v[4] == '-' && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4' &&
          (!r.ok || atoi(v) * 4 + (v[6] - '0') <= r.y * 4 + (r.m - 1) / 3 || dt_phrase_at(&c, e, PH_YEAR_ENDED, NULL)))
        r.qy = atoi(v), r.q = v[6] - '0'; /* what "the quarter" and "a year ago" refer to next: one that has
                                             ** ended by the reference, or a fiscal one "ended Sept. 30" */
      /* What "a year earlier" compares with next: the last quarter named, or a span of months */
      if (strstr(v, "-Q")) r.span = 0;
      else if (s.type == DT_DURATION && months_span(v)) r.span = 1;
      size_t cal = calendar_part(v);
      if (cal && s.type == DT_DATE && s.kind != SK_THAT) memcpy(r.last, v, cal), r.last[cal] = 0;
      if (cal == 10 && (s.type == DT_DATE || s.type == DT_TIME) && nw_parse_ymd(v, cal, &day[0], &day[1], &day[2]))
        day_sentence = sentence;
      t->start = doc->tok[i].start;
      t->end = s.year2 ? t->start + s.cut : doc->tok[e - 1].end;
      t->type = s.type;
      out->n++;
      if (s.year2 && (rc = add_span_end(doc->tok[i].start + s.cut2, doc->tok[e - 1].end, s.year2, &r, out))) break;
    }
    i = e;
  }
  free(c.word);
  free(c.kinds);
  return rc;
}

/* A long expression is read a window at a time (cut as nw_window_cut
** cuts), so that memory stays bounded on a huge argument. */
#define PARSE_WINDOW ((size_t)1 << 20)

size_t nw_date_parse(const char *expr, size_t n, const char *ref, char out[NW_DATE_BUF]) {
  out[0] = 0;
  if (!expr) return 0;
  nw_doc doc = {0};
  nw_timexes tx = {0};
  size_t len = 0;
  for (size_t from = 0, to; len != NW_DATE_FAILED && len != NW_DATE_STOPPED; from = to) {
    int mid_sentence;
    to = from < n ? nw_window_cut(expr, n, from, PARSE_WINDOW, &doc, &mid_sentence) : n;
    if ((from < n && !to) || nw_tokenize(&doc, expr + from, to - from) ||
        nw_dates_extract(&doc, ref, ref ? strlen(ref) : 0, &tx)) {
      len = NW_DATE_FAILED;
      break;
    }
    /* The most precise date mentioned wins: "10:30 AM, Fri February 4, 2022" is 2022-02-04. */
    for (size_t k = 0; k < tx.n; k++) {
      if (tx.v[k].type != NW_TIMEX_DATE && tx.v[k].type != NW_TIMEX_TIME) continue;
      size_t m = calendar_part(tx.v[k].value);
      if (m > len) {
        len = m;
        memcpy(out, tx.v[k].value, m);
        out[m] = 0;
      }
    }
    if (to >= n) break;
    if (nw_stop_requested()) len = NW_DATE_STOPPED;
  }
  if (len == NW_DATE_FAILED || len == NW_DATE_STOPPED) out[0] = 0;
  nw_timexes_free(&tx);
  nw_doc_free(&doc);
  return len;
}
