/* The rows a table function produces before SQLite reads them (tvf.h).
**
** A window of a long text can give hundreds of thousands of rows (a page of
** quotation marks), so rows are kept packed: a row is written into one
** dense staging row (the setters cannot fail), then encoded when the next
** row starts or the rowset is sealed, as its set cells only, each a column
** byte, a kind byte and varints (about 30 bytes for a row of news_quotes
** instead of 10 cells of 24). SQLite reads rows in order, so reading
** decodes one row at a time back into the staging row. */
#include <stdlib.h>
#include <string.h>

#include "tvf.h"

#define ROW_END 0xFF /* no column has this number */

/* ---- varints ---------------------------------------------------------- */

static int put_varint(nw_buf *b, uint64_t v) {
  char tmp[10];
  size_t n = 0;
  do {
    tmp[n++] = (char)((v & 0x7F) | (v > 0x7F ? 0x80 : 0));
    v >>= 7;
  } while (v);
  return nw_buf_append(b, tmp, n);
}

static uint64_t get_varint(const unsigned char **p) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    unsigned char c = *(*p)++;
    v |= (uint64_t)(c & 0x7F) << shift;
    if (!(c & 0x80)) return v;
  }
}

/* Signed values as small unsigned ones (zigzag): -1 -> 1, 1 -> 2. */
static uint64_t zig(int64_t v) { return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63); }
static int64_t zag(uint64_t u) { return (int64_t)(u >> 1) ^ -(int64_t)(u & 1); }

/* Kinds whose b is used (stored as b - a, small for a span). */
static int has_b(int kind) {
  return kind == NW_CELL_TEXT || kind == NW_CELL_BLOB || kind == NW_CELL_INPUT || kind == NW_CELL_LEN;
}

/* ---- writing ---------------------------------------------------------- */

/* The staging row into the packed rows. */
static int encode_staged(nw_rowset *rs) {
  for (int col = 0; col < rs->ncol; col++) {
    const nw_cell *k = &rs->row[col];
    if (k->kind == NW_CELL_NULL) continue;
    char head[2] = {(char)col, (char)k->kind};
    if (nw_buf_append(&rs->packed, head, 2)) return -1;
    if (k->kind == NW_CELL_REAL) {
      if (nw_buf_append(&rs->packed, (const char *)&k->r, sizeof k->r)) return -1;
      continue;
    }
    if (put_varint(&rs->packed, zig(k->a)) || (has_b(k->kind) && put_varint(&rs->packed, zig(k->b - k->a))))
      return -1;
  }
  rs->staged = 0;
  return nw_buf_putc(&rs->packed, (char)ROW_END);
}

int nw_row_new(nw_rowset *rs) {
  if (rs->ncol >= ROW_END) return -1;
  if (!rs->row && !(rs->row = malloc((size_t)rs->ncol * sizeof *rs->row))) return -1;
  if (rs->staged && encode_staged(rs)) return -1;
  memset(rs->row, 0, (size_t)rs->ncol * sizeof *rs->row);
  rs->staged = 1;
  rs->nrow++;
  return 0;
}

/* The setters write the staging row (the current one). */
static int set_arena(nw_rowset *rs, int col, const void *s, size_t n, int kind) {
  nw_cell *c = &rs->row[col];
  c->kind = (uint8_t)kind;
  c->a = (int64_t)rs->arena.len;
  c->b = (int64_t)n;
  return nw_buf_append(&rs->arena, s, n);
}

int nw_set_text(nw_rowset *rs, int col, const char *s, size_t n) { return set_arena(rs, col, s, n, NW_CELL_TEXT); }
int nw_set_blob(nw_rowset *rs, int col, const void *s, size_t n) { return set_arena(rs, col, s, n, NW_CELL_BLOB); }

void nw_set_int(nw_rowset *rs, int col, int64_t v) {
  nw_cell *c = &rs->row[col];
  c->kind = NW_CELL_INT;
  c->a = v;
}

void nw_set_real(nw_rowset *rs, int col, double v) {
  nw_cell *c = &rs->row[col];
  c->kind = NW_CELL_REAL;
  c->r = v;
}

void nw_set_input(nw_rowset *rs, int col, size_t start, size_t end) {
  nw_cell *c = &rs->row[col];
  c->kind = NW_CELL_INPUT;
  c->a = (int64_t)(rs->base + start);
  c->b = (int64_t)(rs->base + end);
}

void nw_set_span(nw_rowset *rs, int col_start, int col_len, size_t start, size_t end) {
  nw_cell *row = rs->row;
  start += rs->base;
  end += rs->base;
  row[col_start].kind = NW_CELL_POS;
  row[col_start].a = (int64_t)start;
  row[col_len].kind = NW_CELL_LEN;
  row[col_len].a = (int64_t)start;
  row[col_len].b = (int64_t)end;
}

void nw_set_sentence(nw_rowset *rs, int col, size_t k) { nw_set_int(rs, col, rs->sentence_base + (int64_t)k + 1); }

int nw_rowset_seal(nw_rowset *rs) {
  rs->read_row = 0;
  rs->read_pos = 0;
  rs->decoded = 0;
  return rs->staged ? encode_staged(rs) : 0;
}

/* ---- reading ---------------------------------------------------------- */

static void decode_next(nw_rowset *rs) {
  const unsigned char *p = (const unsigned char *)rs->packed.data + rs->read_pos;
  memset(rs->row, 0, (size_t)rs->ncol * sizeof *rs->row);
  while (*p != ROW_END) {
    nw_cell *k = &rs->row[p[0]];
    k->kind = p[1];
    p += 2;
    if (k->kind == NW_CELL_REAL) {
      memcpy(&k->r, p, sizeof k->r);
      p += sizeof k->r;
      continue;
    }
    k->a = zag(get_varint(&p));
    if (has_b(k->kind)) k->b = k->a + zag(get_varint(&p));
  }
  rs->read_pos = (size_t)(p + 1 - (const unsigned char *)rs->packed.data);
}

const nw_cell *nw_rowset_row(nw_rowset *rs, size_t r) {
  if (r < rs->read_row || !rs->decoded) { /* from the start (rows are read in order: rarely) */
    rs->read_pos = 0;
    rs->read_row = 0;
    decode_next(rs);
    rs->decoded = 1;
  }
  while (rs->read_row < r) {
    decode_next(rs);
    rs->read_row++;
  }
  return rs->row;
}

void nw_rowset_empty(nw_rowset *rs) {
  rs->nrow = 0;
  rs->staged = 0;
  rs->decoded = 0;
  rs->packed.len = 0;
  rs->arena.len = 0;
}

void nw_rowset_free(nw_rowset *rs) {
  nw_rowset_empty(rs);
  free(rs->row);
  rs->row = NULL;
  nw_buf_free(&rs->packed);
  nw_buf_free(&rs->arena);
  rs->base = 0;
  rs->sentence_base = 0;
}
