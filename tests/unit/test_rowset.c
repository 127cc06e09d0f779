/* The packed rows of the table functions (ext/sql/rowset.c): every kind of
** cell, extreme values, NULL columns and a column set twice read back as
** written, in order, after a seal; and a batch emptied for the next. */
#include "check.h"

#include <float.h>
#include <stdlib.h>

#include "../../ext/sql/rowset.c"

enum { NCOL = 6 };

/* Row r's values, from r alone, so that reading can check them. */
static int64_t int_of(size_t r) {
  static const int64_t edge[] = {0, -1, 1, INT64_MIN, INT64_MAX, 127, 128, -64, -65, 1LL << 40};
  return r < sizeof edge / sizeof edge[0] ? edge[r] : (int64_t)(r * 2654435761u) - (int64_t)r * 77;
}

static void write_rows(nw_rowset *rs, size_t nrow) {
  for (size_t r = 0; r < nrow; r++) {
    CHECK(nw_row_new(rs) == 0);
    nw_set_int(rs, 0, 12345); /* set twice: the last value counts */
    nw_set_int(rs, 0, int_of(r));
    if (r % 3 == 0) nw_set_real(rs, 1, r == 0 ? -DBL_MAX : (double)r / 7.0);
    char word[32];
    int n = snprintf(word, sizeof word, "row %zu", r);
    CHECK(nw_set_text(rs, 2, word, (size_t)n) == 0);
    if (r % 5 == 1) CHECK(nw_set_blob(rs, 3, "\0\1\2", 3) == 0);
    nw_set_span(rs, 4, 5, r * 10, r * 10 + r % 4); /* column 5's end may equal its start */
    /* column 3 stays NULL in most rows; every column of the last row but 0 is NULL */
    if (r + 1 == nrow) {
      memset(&rs->row[1], 0, (NCOL - 1) * sizeof rs->row[0]);
    }
  }
}

static void read_rows(nw_rowset *rs, size_t nrow) {
  CHECK_EQ_INT(rs->nrow, nrow);
  int bad = 0;
  for (size_t r = 0; r < nrow; r++) {
    const nw_cell *c = nw_rowset_row(rs, r);
    bad |= c[0].kind != NW_CELL_INT || c[0].a != int_of(r);
    if (r + 1 == nrow) {
      for (int k = 1; k < NCOL; k++) bad |= c[k].kind != NW_CELL_NULL;
      continue;
    }
    if (r % 3 == 0) bad |= c[1].kind != NW_CELL_REAL || c[1].r != (r == 0 ? -DBL_MAX : (double)r / 7.0);
    else bad |= c[1].kind != NW_CELL_NULL;
    char word[32];
    int n = snprintf(word, sizeof word, "row %zu", r);
    bad |= c[2].kind != NW_CELL_TEXT || c[2].b != n || memcmp(rs->arena.data + c[2].a, word, (size_t)n) != 0;
    if (r % 5 == 1) bad |= c[3].kind != NW_CELL_BLOB || c[3].b != 3 || memcmp(rs->arena.data + c[3].a, "\0\1\2", 3);
    else bad |= c[3].kind != NW_CELL_NULL;
    bad |= c[4].kind != NW_CELL_POS || c[4].a != (int64_t)(r * 10);
    bad |= c[5].kind != NW_CELL_LEN || c[5].a != (int64_t)(r * 10) || c[5].b != (int64_t)(r * 10 + r % 4);
  }
  CHECK(!bad);
}

static void test_round_trip(void) {
  nw_rowset rs = {.ncol = NCOL};
  write_rows(&rs, 1000);
  CHECK(nw_rowset_seal(&rs) == 0);
  read_rows(&rs, 1000);
  /* read again from the start (SQLite reads in order; a restart still works) */
  CHECK_EQ_INT(nw_rowset_row(&rs, 0)[0].a, int_of(0));
  CHECK_EQ_INT(nw_rowset_row(&rs, 7)[0].a, int_of(7));
  /* the next batch: emptied, written, read */
  nw_rowset_empty(&rs);
  CHECK_EQ_INT(rs.nrow, 0);
  rs.base = 100;
  CHECK(nw_row_new(&rs) == 0);
  nw_set_input(&rs, 2, 5, 9);
  nw_set_sentence(&rs, 0, 0);
  CHECK(nw_rowset_seal(&rs) == 0);
  const nw_cell *c = nw_rowset_row(&rs, 0);
  CHECK(c[2].kind == NW_CELL_INPUT && c[2].a == 105 && c[2].b == 109);
  CHECK(c[0].kind == NW_CELL_INT && c[0].a == 1);
  nw_rowset_free(&rs);
}

/* Packed rows take far less room than the cells: under 20 bytes a row of
** news_sentences (a number and a span), not 3 cells of 24. */
static void test_compact(void) {
  nw_rowset rs = {.ncol = 3};
  for (size_t r = 0; r < 10000; r++) {
    CHECK(nw_row_new(&rs) == 0);
    nw_set_int(&rs, 0, (int64_t)r + 1);
    nw_set_span(&rs, 1, 2, r * 120, r * 120 + 110);
  }
  CHECK(nw_rowset_seal(&rs) == 0);
  CHECK(rs.packed.len < 10000 * 20);
  nw_rowset_free(&rs);
}

int main(void) {
  RUN(test_round_trip);
  RUN(test_compact);
  DONE();
}
