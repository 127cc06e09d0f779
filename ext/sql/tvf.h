/* One generic table-valued-function mechanism for every news_* table.
**
** A table function is a declaration (nw_tvf): its schema, how many hidden
** argument columns it takes, and a "produce rows for this input" callback
** (or open/step/close for a stream). The mechanism does the common work
** once: it copies the input, tokenizes it into the thread's document when the
** function says needs_doc (so the callback gets the tokens and sentences
** every extractor reads), turns a failure into an SQL error, and converts the
** BYTE offsets the callback gives into 1-based character positions counted
** exactly as SQLite's substr() and length() count them.
**
** ADDING A TABLE-VALUED FUNCTION takes three files:
**   1. its module: the extractor in ext/<module>/ (plain C over a const
**      nw_doc, with its declarations in include/news_<module>.h), found by
**      the Makefile's wildcard;
**   2. its adapter, ext/sql/sql_<name>.c: an enum of its columns, a produce
**      callback that appends a row per result (nw_row_new, nw_set_input for
**      text of the input, nw_set_span for start and length, nw_set_text or
**      nw_set_int for the rest), the nw_tvf declaration (name, schema,
**      ncol, nargs_min/max, needs_doc = 1, produce) and
**      `const nw_sql_module nw_sql_<name> = {.tvfs = ...}`;
**   3. the module list: one X(<name>) in ext/sql/modules.h.
** Then a tests/sql/<name>.sql with expected rows. Errors are SQL errors: a
** callback sets *err (sqlite3_mprintf) and returns an SQLite error code;
** nothing is ever written to stderr. */
#ifndef NW_TVF_H
#define NW_TVF_H

#include <sqlite3ext.h>
#include <stddef.h>
#include <stdint.h>

#include "news.h"

typedef enum nw_cell_kind {
  NW_CELL_NULL = 0,
  NW_CELL_INT,   /* a = value */
  NW_CELL_REAL,  /* r = value */
  NW_CELL_TEXT,  /* a = offset, b = length in the rowset's arena */
  NW_CELL_BLOB,  /* a = offset, b = length in the rowset's arena */
  NW_CELL_INPUT, /* a, b = byte range [a, b) of the input text, returned as TEXT */
  NW_CELL_POS,   /* a = byte offset in the input: 1-based character position */
  NW_CELL_LEN,   /* a, b = byte range of the input: its length in characters */
} nw_cell_kind;

typedef struct nw_cell {
  union {
    int64_t a;
    double r;
  };
  int64_t b;
  uint8_t kind;
} nw_cell;

typedef struct nw_rowset {
  int ncol;
  size_t nrow;
  /* rows packed (rowset.c): the set cells of each, as varints; the current
  ** row, staged here while it is written and decoded here to be read */
  nw_buf packed;
  nw_cell *row;
  int staged, decoded;
  size_t read_row, read_pos;
  nw_buf arena;
  const char *input; /* the text positions refer to (owned by the cursor) */
  size_t input_len;
  /* A long input is given to produce a window at a time: the window's
  ** offset in the input, and the sentences of the windows before it. */
  size_t base;
  int64_t sentence_base;
} nw_rowset;

/* Start a new row (all cells NULL). Returns 0 or -1 (out of memory). */
int nw_row_new(nw_rowset *rs);
/* Setters on the current (last) row. Text setters copy into the arena. */
int nw_set_text(nw_rowset *rs, int col, const char *s, size_t n);
int nw_set_blob(nw_rowset *rs, int col, const void *s, size_t n);
void nw_set_int(nw_rowset *rs, int col, int64_t v);
void nw_set_real(nw_rowset *rs, int col, double v);
void nw_set_input(nw_rowset *rs, int col, size_t start, size_t end);
/* A span of the input as two columns: start (1-based chars) and length (chars). */
void nw_set_span(nw_rowset *rs, int col_start, int col_len, size_t start, size_t end);
/* The 1-based number of the doc's 0-based sentence k in the whole input. */
void nw_set_sentence(nw_rowset *rs, int col, size_t k);
/* For the mechanism (tvf.c): seal after the rows are written (0 or -1, out
** of memory), then read row r's cells (r in order, from 0); empty before
** the next rows; free at the end. */
int nw_rowset_seal(nw_rowset *rs);
const nw_cell *nw_rowset_row(nw_rowset *rs, size_t r);
void nw_rowset_empty(nw_rowset *rs);
void nw_rowset_free(nw_rowset *rs);

struct nw_stream_args;

typedef struct nw_tvf {
  const char *name;
  /* "CREATE TABLE x(visible columns..., arg1 HIDDEN, arg2 HIDDEN)" */
  const char *schema;
  int ncol;      /* columns with values (hidden argument columns follow them) */
  int nargs_min; /* hidden arguments that must be given */
  int nargs_max;
  /* HIDDEN value columns declared after the arguments (SQLite hands
  ** table-function arguments to the first hidden columns, so a hidden column
  ** with values, such as news_articles' raw, must follow them). Their cells
  ** come after the ncol visible ones in each row. */
  int nextra;
  /* Batch extractors: append every row for the input, doc->text[0..doc->len)
  ** (NUL-terminated). With needs_doc set the mechanism has tokenized it into
  ** doc (tokens and sentences); without, doc holds the text alone. With
  ** needs_doc, an input over NW_TVF_WINDOW bytes comes a window at a time
  ** (cut at paragraph breaks, see nw_window_cut) and its rows between
  ** windows, so memory stays bounded: offsets are the doc's, the setters
  ** place them in the input (rs->base); args stay valid for every window. args are
  ** the hidden arguments after the first (the text); argc counts them. NULL
  ** text gives no rows without calling produce. Return SQLITE_OK or an error
  ** code, with *err set to a sqlite3_malloc'ed message (or left NULL: the
  ** function's name and the code's message are given). */
  int (*produce)(nw_rowset *rs, const nw_doc *doc, int argc, sqlite3_value **args, char **err);
  int needs_doc;

  /* Streams (used when open is set, instead of produce): rows come a few at
  ** a time, so a scan over a large input keeps memory flat. step appends the
  ** next row(s) to rs (emptied before each call; it may point rs->input at
  ** text it owns, valid until its next call); appending none ends the scan. */
  int (*open)(void **state, const struct nw_stream_args *a, char **err);
  int (*step)(void *state, nw_rowset *rs, char **err);
  void (*close)(void *state);
  /* 1 + the visible column whose "= value" constraint a stream receives as
  ** its key (e.g. a path: read only that file); 0 for none. */
  int key_col;
  /* Also CREATE VIRTUAL TABLE t USING name('arg', ...): the arguments given
  ** there stand for the hidden arguments the query leaves out. */
  int creatable;
  /* Reads files: SQLITE_VTAB_DIRECTONLY, so the views and triggers of an
  ** untrusted database cannot use it (as SQLite's own readfile()). Others
  ** are SQLITE_VTAB_INNOCUOUS: they only read their arguments. */
  int reads_files;
} nw_tvf;

typedef struct nw_stream_args {
  sqlite3 *db;
  const char *text; /* the first argument, NULL when it is NULL */
  size_t len;
  int argc; /* further arguments */
  sqlite3_value **args;
  const char *key; /* the key_col constraint's value as text, or NULL */
  size_t key_len;
} nw_stream_args;

/* The window of a long input a batch extractor sees at a time: no news
** article comes near it, so their results are those of the whole text. */
#define NW_TVF_WINDOW ((size_t)1 << 20)

/* Register a table-valued function (eponymous; also creatable if def says so). */
int nw_tvf_register(sqlite3 *db, const nw_tvf *def);

/* Byte offset -> 1-based character position, as substr() counts. Built once
** per input with checkpoints so that lookups in any order stay cheap, and
** lookups in text order (the usual case: rows come in text order) cost only
** the bytes between one position and the next. */
typedef struct nw_charmap {
  const char *s;
  size_t len;
  size_t *byte_at;  /* scan position reached at checkpoint k */
  int64_t *char_at; /* characters before byte_at[k] */
  size_t n, known;   /* checkpoints: room for n, the first `known` filled */
  size_t last_byte; /* the last lookup's scan position and count */
  int64_t last_char;
} nw_charmap;
int nw_charmap_build(nw_charmap *m, const char *s, size_t len);
int64_t nw_charmap_count(nw_charmap *m, size_t byte_off); /* characters in [0, off) */
void nw_charmap_free(nw_charmap *m);

/* sqlite3_interrupt() reaching a long call (sql_stop.c): between begin and
** end the core's nw_stop_requested() asks the connection; end returns 1 when
** the call was told to stop (its result is then SQLITE_INTERRUPT). */
typedef struct nw_sql_stop {
  sqlite3 *db;
  sqlite3_stmt *probe;
  nw_stop_check saved;
} nw_sql_stop;
void nw_sql_stop_begin(nw_sql_stop *s, sqlite3 *db);
int nw_sql_stop_end(nw_sql_stop *s);

/* The per-call input cap (sql_limits.c): max_text_bytes (nw_limit).
** nw_text_too_long returns SQLITE_OK, or SQLITE_TOOBIG with *msg
** (sqlite3_malloc'ed, NULL when out of memory) saying so;
** nw_scalar_too_long sets a scalar's error and returns 1. */
int nw_text_too_long(const char *fname, size_t len, char **msg);
int nw_scalar_too_long(sqlite3_context *ctx, const char *fname, size_t len);

/* Text of a value as UTF-8 bytes (TEXT or BLOB taken as is), or NULL. */
const char *nw_value_text(sqlite3_value *v, size_t *len);

#endif
