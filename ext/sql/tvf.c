/* The generic table-valued-function mechanism (see tvf.h).
**
** Modelled on SQLite's ext/misc/series.c: eponymous-only virtual tables whose
** hidden columns are the function arguments. xBestIndex hands every usable
** equality constraint on a hidden column to xFilter as an argument. */
#include "tvf.h"

#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

/* ---- byte -> character positions -------------------------------------- */

#define NW_CHARMAP_STEP 4096

/* SQLite counts one character per byte, except that a byte >= 0xC0 swallows
** the continuation bytes (0x80..0xBF) that follow it (SQLITE_SKIP_UTF8). */
static size_t skip_char(const unsigned char *s, size_t len, size_t i) {
  if (s[i++] >= 0xC0)
    while (i < len && (s[i] & 0xC0) == 0x80) i++;
  return i;
}

/* Characters SQLite counts in u[i..) up to off; returns the scan position
** reached (>= off, a character boundary) and adds to *chars. Eight ASCII
** bytes at a time where it can. */
static size_t count_chars(const unsigned char *u, size_t len, size_t i, size_t off, int64_t *chars) {
  int64_t c = 0;
  while (i < off) {
    if (off - i >= 8) {
      uint64_t w;
      memcpy(&w, u + i, 8);
      if (!(w & 0x8080808080808080ull)) {
        i += 8;
        c += 8;
        continue;
      }
    }
    i = skip_char(u, len, i);
    c++;
  }
  *chars += c;
  return i;
}

/* Checkpoints are recorded as lookups scan past them (lookups mostly come
** in text order, so the text is read about once). */
int nw_charmap_build(nw_charmap *m, const char *s, size_t len) {
  memset(m, 0, sizeof *m);
  m->s = s;
  m->len = len;
  m->n = len / NW_CHARMAP_STEP + 1;
  m->byte_at = malloc(m->n * sizeof *m->byte_at);
  m->char_at = malloc(m->n * sizeof *m->char_at);
  if (!m->byte_at || !m->char_at) {
    nw_charmap_free(m);
    return -1;
  }
  m->byte_at[0] = 0;
  m->char_at[0] = 0;
  m->known = 1;
  return 0;
}

int64_t nw_charmap_count(nw_charmap *m, size_t off) {
  if (off > m->len) off = m->len;
  size_t k = off / NW_CHARMAP_STEP;
  if (k >= m->known) k = m->known - 1;
  while (k > 0 && m->byte_at[k] > off) k--;
  size_t i = m->byte_at[k];
  int64_t chars = m->char_at[k];
  if (m->last_byte <= off && m->last_byte > i) { /* closer: go on from the last lookup */
    i = m->last_byte;
    chars = m->last_char;
  }
  const unsigned char *u = (const unsigned char *)m->s;
  while (m->known < m->n && m->known * NW_CHARMAP_STEP <= off && i >= m->byte_at[m->known - 1]) {
    i = count_chars(u, m->len, i, m->known * NW_CHARMAP_STEP, &chars);
    m->byte_at[m->known] = i;
    m->char_at[m->known] = chars;
    m->known++;
  }
  i = count_chars(u, m->len, i, off, &chars);
  m->last_byte = i;
  m->last_char = chars;
  return chars;
}

void nw_charmap_free(nw_charmap *m) {
  free(m->byte_at);
  free(m->char_at);
  m->byte_at = NULL;
  m->char_at = NULL;
}

const char *nw_value_text(sqlite3_value *v, size_t *len) {
  int t = sqlite3_value_type(v);
  if (t == SQLITE_NULL) return NULL;
  const char *s = t == SQLITE_BLOB ? (const char *)sqlite3_value_blob(v) : (const char *)sqlite3_value_text(v);
  *len = (size_t)sqlite3_value_bytes(v);
  return s ? s : "";
}

/* ---- the virtual table ------------------------------------------------ */

#define NW_MAX_ARGS 16
#define KEY_BIT (1 << NW_MAX_ARGS) /* idxNum: the key constraint is passed after the arguments */
#define MISSING_BIT (1 << (NW_MAX_ARGS + 1)) /* idxNum: a required argument is not given */

typedef struct tvf_vtab {
  sqlite3_vtab base;
  const nw_tvf *def;
  sqlite3 *db;
  int ndefault; /* arguments given to CREATE VIRTUAL TABLE */
  char *defaults[NW_MAX_ARGS];
} tvf_vtab;

typedef struct tvf_cursor {
  sqlite3_vtab_cursor base;
  nw_rowset rs;
  char *input;
  nw_charmap map;
  int have_map;
  size_t row;
  void *stream; /* open stream state, or NULL */
  sqlite3_int64 rowid;
  /* a batch input given a window at a time: where the next window starts,
  ** and the arguments after the text (copies: xFilter's do not last) */
  size_t next_from;
  int64_t sentences_before;
  int argc;
  sqlite3_value *args[NW_MAX_ARGS];
} tvf_cursor;

static void vtab_free(tvf_vtab *v) {
  for (int i = 0; i < v->ndefault; i++) sqlite3_free(v->defaults[i]);
  sqlite3_free(v);
}

/* A CREATE VIRTUAL TABLE argument as written: 'a''b' -> a'b; bare words stay. */
static char *unquote_arg(const char *s) {
  size_t n = strlen(s);
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  char q = n >= 2 ? s[0] : 0;
  if ((q != '\'' && q != '"') || s[n - 1] != q) return sqlite3_mprintf("%.*s", (int)n, s);
  char *out = sqlite3_malloc64(n);
  if (!out) return NULL;
  size_t j = 0;
  for (size_t i = 1; i + 1 < n; i++) {
    out[j++] = s[i];
    if (s[i] == q && s[i + 1] == q) i++;
  }
  out[j] = 0;
  return out;
}

/* A table that reads files, stored in a database file (not TEMP) with its
** arguments (what to read) in the schema: with trusted_schema off, that
** file is not trusted to say what is read. */
static int untrusted_stored(sqlite3 *db, const nw_tvf *def, int argc, const char *const *argv) {
  if (!def->reads_files || argc <= 3 || sqlite3_stricmp(argv[1], "temp") == 0) return 0;
#ifdef SQLITE_DBCONFIG_TRUSTED_SCHEMA
  int trusted = 1;
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted);
  return !trusted;
#else
  return 0;
#endif
}

static int tvf_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **err) {
  const nw_tvf *def = aux;
  if (untrusted_stored(db, def, argc, argv)) {
    *err = sqlite3_mprintf("%s: a table stored in a database reads files only with trusted_schema on "
                           "(or create it in temp)", def->name);
    return SQLITE_ERROR;
  }
  int rc = sqlite3_declare_vtab(db, def->schema);
  if (rc != SQLITE_OK) {
    *err = sqlite3_mprintf("%s: bad schema: %s", def->name, sqlite3_errmsg(db));
    return rc;
  }
  tvf_vtab *v = sqlite3_malloc(sizeof *v);
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof *v);
  v->def = def;
  v->db = db;
  if (argc - 3 > def->nargs_max || argc - 3 > NW_MAX_ARGS) {
    *err = sqlite3_mprintf("%s: at most %d arguments", def->name, def->nargs_max);
    sqlite3_free(v);
    return SQLITE_ERROR;
  }
  for (int i = 3; i < argc; i++) {
    if (!(v->defaults[v->ndefault] = unquote_arg(argv[i]))) {
      vtab_free(v);
      return SQLITE_NOMEM;
    }
    v->ndefault++;
  }
  sqlite3_vtab_config(db, def->reads_files ? SQLITE_VTAB_DIRECTONLY : SQLITE_VTAB_INNOCUOUS);
  *out = &v->base;
  return SQLITE_OK;
}

static int tvf_disconnect(sqlite3_vtab *vt) {
  vtab_free((tvf_vtab *)vt);
  return SQLITE_OK;
}

static int tvf_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
  tvf_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  c->rs.ncol = ((tvf_vtab *)vt)->def->ncol + ((tvf_vtab *)vt)->def->nextra;
  *out = &c->base;
  return SQLITE_OK;
}

static void drop_map(tvf_cursor *c) {
  if (c->have_map) nw_charmap_free(&c->map);
  c->have_map = 0;
}

static void cursor_reset(tvf_cursor *c, const nw_tvf *def) {
  nw_rowset_free(&c->rs);
  drop_map(c);
  free(c->input);
  c->input = NULL;
  c->rs.input = NULL;
  c->rs.input_len = 0;
  c->row = 0;
  c->rowid = 0;
  if (c->stream) def->close(c->stream);
  c->stream = NULL;
  for (int i = 0; i < c->argc; i++) sqlite3_value_free(c->args[i]);
  c->argc = 0;
  c->next_from = 0;
  c->sentences_before = 0;
}

static int tvf_close(sqlite3_vtab_cursor *cur) {
  cursor_reset((tvf_cursor *)cur, ((tvf_vtab *)cur->pVtab)->def);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* idxNum bit j set: hidden argument j is constrained (argv in order of j);
** KEY_BIT: the key column's value follows them. */
static int tvf_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  const tvf_vtab *v = (tvf_vtab *)vt;
  const nw_tvf *def = v->def;
  int arg_cons[NW_MAX_ARGS];
  int mask = 0, key_cons = -1, missing = 0;
  for (int j = 0; j < NW_MAX_ARGS; j++) arg_cons[j] = -1;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *k = &info->aConstraint[i];
    if (k->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (def->key_col && k->iColumn == def->key_col - 1 && k->usable) {
      key_cons = i;
      continue;
    }
    int j = k->iColumn - def->ncol;
    if (j < 0 || j >= def->nargs_max || j >= NW_MAX_ARGS) continue;
    if (!k->usable) return SQLITE_CONSTRAINT; /* wait for a plan where the argument is known */
    arg_cons[j] = i;
    mask |= 1 << j;
  }
  int n = 0;
  for (int j = 0; j < def->nargs_max && j < NW_MAX_ARGS; j++) {
    if (arg_cons[j] < 0) {
      /* Not an error here: SQLite also asks about plans for parts of an OR
      ** that lack the argument. Such a plan costs too much to be chosen;
      ** xFilter reports a query that really leaves the argument out. */
      if (j < def->nargs_min && j >= v->ndefault) missing = 1;
      continue;
    }
    info->aConstraintUsage[arg_cons[j]].argvIndex = ++n;
    info->aConstraintUsage[arg_cons[j]].omit = 1;
  }
  info->estimatedCost = 1000;
  info->estimatedRows = 100;
  if (key_cons >= 0) {
    /* SQLite still checks the equality (omit = 0): the key only narrows the scan. */
    info->aConstraintUsage[key_cons].argvIndex = ++n;
    mask |= KEY_BIT;
    info->estimatedCost = 10;
    info->estimatedRows = 1;
  }
  if (missing) {
    info->estimatedCost = 1e300;
    mask |= MISSING_BIT;
  }
  info->idxNum = mask;
  return SQLITE_OK;
}

static void set_error(sqlite3_vtab_cursor *cur, char *err, int rc) {
  const nw_tvf *def = ((tvf_vtab *)cur->pVtab)->def;
  sqlite3_free(cur->pVtab->zErrMsg);
  cur->pVtab->zErrMsg = err ? err : sqlite3_mprintf("%s: %s", def->name, sqlite3_errstr(rc));
}

/* Next batch of a stream's rows into the (emptied) rowset. */
static int stream_step(tvf_cursor *c) {
  const nw_tvf *def = ((tvf_vtab *)c->base.pVtab)->def;
  nw_rowset_empty(&c->rs);
  c->rs.input = NULL;
  c->rs.input_len = 0;
  c->row = 0;
  drop_map(c);
  char *err = NULL;
  nw_sql_stop stop;
  nw_sql_stop_begin(&stop, ((tvf_vtab *)c->base.pVtab)->db);
  int rc = def->step(c->stream, &c->rs, &err);
  if (nw_sql_stop_end(&stop)) { /* whatever the step made of it (a row may be cut short): stopped */
    sqlite3_free(err);
    err = NULL;
    rc = SQLITE_INTERRUPT;
  }
  if (rc == SQLITE_OK && nw_rowset_seal(&c->rs)) rc = SQLITE_NOMEM;
  if (rc != SQLITE_OK) set_error(&c->base, err, rc);
  return rc;
}

static int filter_stream(tvf_cursor *c, int idxNum, int argc, sqlite3_value **argv) {
  const tvf_vtab *v = (tvf_vtab *)c->base.pVtab;
  nw_stream_args a = {.db = v->db};
  int i = 0;
  if (idxNum & 1) a.text = nw_value_text(argv[i++], &a.len);
  else if (v->ndefault) a.text = v->defaults[0], a.len = strlen(v->defaults[0]);
  int nargs = argc - ((idxNum & KEY_BIT) ? 1 : 0);
  a.argc = nargs - i;
  a.args = argv + i;
  if (idxNum & KEY_BIT) {
    a.key = nw_value_text(argv[argc - 1], &a.key_len);
    if (!a.key) return SQLITE_OK; /* path = NULL matches nothing */
  }
  if (!a.text) return SQLITE_OK;
  char *err = NULL;
  int rc = v->def->open(&c->stream, &a, &err);
  if (rc != SQLITE_OK) {
    c->stream = NULL;
    set_error(&c->base, err, rc);
    return rc;
  }
  return stream_step(c);
}

/* One window of the input, c->input[c->next_from..), tokenized into doc
** (the thread's: its arrays stay for the next call), through produce. */
static int produce_window(tvf_cursor *c, const nw_tvf *def, char **err) {
  size_t from = c->next_from, len = c->rs.input_len;
  nw_doc *doc = nw_doc_acquire();
  if (!doc) return SQLITE_NOMEM;
  int mid_sentence = 0, rc = SQLITE_OK;
  size_t to = from < len ? nw_window_cut(c->input, len, from, NW_TVF_WINDOW, doc, &mid_sentence) : len;
  if ((from < len && !to) || nw_tokenize(doc, c->input + from, to - from)) rc = SQLITE_NOMEM;
  else if (!nw_stop_requested()) {
    c->rs.base = from;
    c->rs.sentence_base = c->sentences_before;
    rc = def->produce(&c->rs, doc, c->argc, c->args, err);
    /* a sentence cut by the window goes on in the next one: counted once */
    c->sentences_before += (int64_t)doc->nsent - (mid_sentence && doc->nsent ? 1 : 0);
  }
  c->next_from = to;
  nw_doc_release(doc);
  return rc;
}

/* The batch case: the function's rows for the input (c->input), or for
** its next windows with rows (needs_doc: tokenized a window at a time). */
static int produce_rows(tvf_cursor *c, const nw_tvf *def) {
  nw_doc text_only = {.text = c->input, .len = c->rs.input_len};
  char *err = NULL;
  int rc = SQLITE_OK;
  nw_rowset_empty(&c->rs);
  c->row = 0;
  nw_sql_stop stop;
  nw_sql_stop_begin(&stop, ((tvf_vtab *)c->base.pVtab)->db);
  if (!def->needs_doc) {
    c->next_from = c->rs.input_len;
    if (!nw_stop_requested()) rc = def->produce(&c->rs, &text_only, c->argc, c->args, &err);
  } else if (c->rs.input_len > NW_MAX_TEXT) {
    err = sqlite3_mprintf("%s: text too large (over 4 GB)", def->name);
    rc = SQLITE_TOOBIG;
  } else {
    do rc = produce_window(c, def, &err);
    while (rc == SQLITE_OK && c->rs.nrow == 0 && c->next_from < c->rs.input_len && !nw_stopped());
  }
  if (nw_sql_stop_end(&stop)) { /* whatever the callback made of it */
    sqlite3_free(err);
    err = NULL;
    rc = SQLITE_INTERRUPT;
  }
  if (rc == SQLITE_OK && nw_rowset_seal(&c->rs)) rc = SQLITE_NOMEM;
  if (rc != SQLITE_OK) set_error(&c->base, err, rc);
  return rc;
}

/* The input copied for the cursor (xFilter's argument does not outlast it),
** a megabyte at a time: copying 64 MB into fresh pages takes a few hundred
** milliseconds, and the call must stop soon after an interrupt. */
static int copy_input(tvf_cursor *c, const char *text, size_t len) {
  enum { STEP = 1 << 20 };
  if (!(c->input = malloc(len + 1))) return SQLITE_NOMEM;
  nw_sql_stop stop;
  nw_sql_stop_begin(&stop, ((tvf_vtab *)c->base.pVtab)->db);
  for (size_t at = 0; at < len && !nw_stop_requested(); at += STEP)
    memcpy(c->input + at, text + at, len - at < STEP ? len - at : STEP);
  c->input[len] = 0;
  return nw_sql_stop_end(&stop) ? SQLITE_INTERRUPT : SQLITE_OK;
}

static int tvf_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc, sqlite3_value **argv) {
  (void)idxStr;
  tvf_cursor *c = (tvf_cursor *)cur;
  const nw_tvf *def = ((tvf_vtab *)cur->pVtab)->def;
  cursor_reset(c, def);
  if (idxNum & MISSING_BIT) {
    set_error(cur, sqlite3_mprintf("%s: missing argument", def->name), SQLITE_ERROR);
    return SQLITE_ERROR;
  }
  if (def->open) return filter_stream(c, idxNum, argc, argv);
  if (argc < 1 || !(idxNum & 1)) return SQLITE_OK;
  size_t len = 0;
  const char *text = nw_value_text(argv[0], &len);
  if (!text) return SQLITE_OK; /* NULL input: no rows */
  char *too_long = NULL;
  if (nw_text_too_long(def->name, len, &too_long) != SQLITE_OK) {
    set_error(cur, too_long, SQLITE_TOOBIG);
    return SQLITE_TOOBIG;
  }
  int rc = copy_input(c, text, len);
  if (rc != SQLITE_OK) {
    set_error(cur, NULL, rc);
    cursor_reset(c, def);
    return rc;
  }
  c->rs.input = c->input;
  c->rs.input_len = len;
  for (int i = 1; i < argc && i <= NW_MAX_ARGS; i++, c->argc++)
    if (!(c->args[c->argc] = sqlite3_value_dup(argv[i]))) {
      cursor_reset(c, def);
      return SQLITE_NOMEM;
    }
  rc = produce_rows(c, def);
  if (rc != SQLITE_OK) cursor_reset(c, def);
  return rc;
}

static int tvf_next(sqlite3_vtab_cursor *cur) {
  tvf_cursor *c = (tvf_cursor *)cur;
  c->row++;
  c->rowid++;
  if (c->stream && c->row >= c->rs.nrow) return stream_step(c);
  if (!c->stream && c->row >= c->rs.nrow && c->next_from < c->rs.input_len) {
    int rc = produce_rows(c, ((tvf_vtab *)cur->pVtab)->def);
    if (rc != SQLITE_OK) cursor_reset(c, ((tvf_vtab *)cur->pVtab)->def);
    return rc;
  }
  return SQLITE_OK;
}

static int tvf_eof(sqlite3_vtab_cursor *cur) {
  tvf_cursor *c = (tvf_cursor *)cur;
  return c->row >= c->rs.nrow;
}

static int64_t char_pos(tvf_cursor *c, size_t off) {
  if (!c->have_map) {
    if (nw_charmap_build(&c->map, c->rs.input, c->rs.input_len)) return -1;
    c->have_map = 1;
  }
  return nw_charmap_count(&c->map, off);
}

static int tvf_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  tvf_cursor *c = (tvf_cursor *)cur;
  const nw_tvf *def = ((tvf_vtab *)cur->pVtab)->def;
  if (col >= def->ncol) {
    if (col < def->ncol + def->nargs_max) return SQLITE_OK; /* hidden argument columns read as NULL */
    col -= def->nargs_max;
    if (col >= c->rs.ncol) return SQLITE_OK;
  }
  const nw_cell *k = &nw_rowset_row(&c->rs, c->row)[col];
  switch (k->kind) {
    case NW_CELL_INT: sqlite3_result_int64(ctx, k->a); break;
    case NW_CELL_REAL: sqlite3_result_double(ctx, k->r); break;
    case NW_CELL_TEXT:
      sqlite3_result_text64(ctx, c->rs.arena.data + k->a, (sqlite3_uint64)k->b, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case NW_CELL_BLOB: sqlite3_result_blob64(ctx, c->rs.arena.data + k->a, (sqlite3_uint64)k->b, SQLITE_TRANSIENT); break;
    case NW_CELL_INPUT:
      sqlite3_result_text64(ctx, c->rs.input + k->a, (sqlite3_uint64)(k->b - k->a), SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    case NW_CELL_POS: {
      int64_t p = char_pos(c, (size_t)k->a);
      if (p < 0) return SQLITE_NOMEM;
      sqlite3_result_int64(ctx, p + 1);
      break;
    }
    case NW_CELL_LEN: {
      int64_t a = char_pos(c, (size_t)k->a), b = char_pos(c, (size_t)k->b);
      if (a < 0 || b < 0) return SQLITE_NOMEM;
      sqlite3_result_int64(ctx, b - a);
      break;
    }
    default: sqlite3_result_null(ctx);
  }
  return SQLITE_OK;
}

static int tvf_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  *rowid = ((tvf_cursor *)cur)->rowid + 1;
  return SQLITE_OK;
}

#define TVF_METHODS                                                                                     \
  .xConnect = tvf_connect, .xBestIndex = tvf_best_index, .xDisconnect = tvf_disconnect,                 \
  .xDestroy = tvf_disconnect, .xOpen = tvf_open, .xClose = tvf_close, .xFilter = tvf_filter,            \
  .xNext = tvf_next, .xEof = tvf_eof, .xColumn = tvf_column, .xRowid = tvf_rowid

static const sqlite3_module tvf_module = {.iVersion = 0, .xCreate = NULL /* eponymous-only */, TVF_METHODS};
/* xCreate == xConnect: eponymous and creatable (the table keeps no data). */
static const sqlite3_module tvf_module_creatable = {.iVersion = 0, .xCreate = tvf_connect, TVF_METHODS};

int nw_tvf_register(sqlite3 *db, const nw_tvf *def) {
  return sqlite3_create_module_v2(db, def->name, def->creatable ? &tvf_module_creatable : &tvf_module, (void *)def,
                                  NULL);
}
