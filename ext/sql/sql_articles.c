/*
** news_articles(root): saved news articles (text files, web pages, JSON
** Lines feeds) as rows of metadata and a clean body.
**
**   SELECT path, format, title, published, source FROM news_articles('examples/corpus');
**
**     examples/corpus/city-budget.html|html|City Adopts Budget With Transit Boost|2031-06-12|Riverside Herald
**     examples/corpus/wire-feed.jsonl#1|jsonl|Rail Strike Called Off|2031-06-11|wire-desk.example
**     ... (a row per file, a row per JSON Lines record)
**
**   CREATE VIRTUAL TABLE corpus USING news_articles('examples/corpus');
**   SELECT body FROM corpus WHERE path = 'examples/corpus/wire-feed.jsonl#2';
**
** root is a folder (read recursively in sorted order), a glob pattern or one
** file; a root that does not exist is an SQL error. Columns: path (FILE#LINE
** for a JSON Lines record), source, url, title, byline, published
** (YYYY-MM-DD), format (text, html, jsonl), body, bytes, error, and the hidden
** raw (the content as read). A file or folder that cannot be read is a row
** with error set, never left out. WHERE path = ? reads only that file or
** record, and only if the scan lists it. A file name that is not UTF-8 comes
** back with each bad byte as U+FFFD (such a path matches no WHERE path = ?);
** a root holding a NUL byte is an error. Only regular files are opened, and
** reads are confined to the allowed roots when the host sets them
** (docs/serving.md). The manual: docs/news_articles.md.
**
** HOW IT WORKS
**
** An eponymous and creatable stream on tvf.c, schema
**
**     CREATE TABLE x(path, source, url, title, byline, published, published_at,
**                    format, body, bytes, error, root HIDDEN, raw HIDDEN)
**
** with path as its key column. All file work is ext/articles/, the code path
** the corpus ingest shares: nw_walk lists the files (nw_walk_find answers
** WHERE path = ?), nw_file_reader makes records of each (format, decoding,
** reader per format); this adapter turns a record into a row, a file at a
** time, so memory stays flat on any folder. Files are read with
** SQLITE_VTAB_DIRECTONLY: no view or trigger of an untrusted database can.
*/
#include "modules.h"
#include "news_articles.h"
#include "tvf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

enum { A_PATH, A_SOURCE, A_URL, A_TITLE, A_BYLINE, A_PUBLISHED, A_PUBLISHED_AT, A_FORMAT, A_BODY, A_BYTES, A_ERROR, A_RAW, A_NCOL };

typedef struct scan {
  nw_walk *walk;
  char *key_file; /* WHERE path = ?: the one file to read (NULL: walk) */
  long key_line;  /* and the one JSON Lines record, or 0 */
  int key_done;
  nw_file_reader *reader; /* the file being read */
} scan;

static void scan_close(void *state) {
  scan *s = state;
  if (!s) return;
  nw_walk_close(s->walk);
  nw_file_reader_close(s->reader);
  free(s->key_file);
  free(s);
}

/* An error message from ext/articles as the SQL error, naming the function:
** SQLITE_ERROR, or SQLITE_NOMEM when there is none. */
static int fail(char *msg, char **err) {
  if (!msg) return SQLITE_NOMEM;
  *err = sqlite3_mprintf("news_articles: %s", msg);
  free(msg);
  return *err ? SQLITE_ERROR : SQLITE_NOMEM; /* no room for the message either */
}

/* The file reader fails only for want of memory. */
static int out_of_memory(char *msg) {
  free(msg);
  return SQLITE_NOMEM;
}

static int scan_start(void **state, const nw_stream_args *a, char **err) {
  scan *s = calloc(1, sizeof *s);
  if (s && a->text && memchr(a->text, 0, a->len)) { /* a C path would end there: another file */
    free(s);
    *err = sqlite3_mprintf("news_articles: the root holds a NUL byte");
    return *err ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  char *root = s ? strndup(a->text, a->len) : NULL;
  char *msg = NULL;
  int rc = root ? SQLITE_OK : SQLITE_NOMEM;
  if (rc == SQLITE_OK && a->key && memchr(a->key, 0, a->key_len)) {
    s->key_done = 1; /* no file's path holds a NUL byte: no rows */
  } else if (rc == SQLITE_OK && a->key) {
    int found = nw_walk_find(root, a->key, a->key_len, &s->key_file, &s->key_line, &msg);
    if (found < 0) rc = fail(msg, err);
    s->key_done = found == 0; /* a file the scan does not list: no rows */
  } else if (rc == SQLITE_OK && nw_walk_open(&s->walk, root, &msg))
    rc = fail(msg, err);
  free(root);
  if (rc != SQLITE_OK) {
    scan_close(s);
    return rc;
  }
  *state = s;
  return SQLITE_OK;
}

static int set_str(nw_rowset *rs, int col, const char *v) { return v ? nw_set_text(rs, col, v, strlen(v)) : 0; }

/* The path column: a file name is bytes, TEXT must be UTF-8, so each byte
** that is not valid UTF-8 reads as U+FFFD (such a path matches no
** WHERE path = ?; the scan still reads the file). */
static int set_path(nw_rowset *rs, const char *path) {
  size_t n = strlen(path);
  if (nw_utf8_valid(path, n)) return nw_set_text(rs, A_PATH, path, n);
  nw_buf b = {0};
  int rc = nw_utf8_sanitize(path, n, &b) || nw_set_text(rs, A_PATH, b.data, b.len);
  nw_buf_free(&b);
  return rc;
}

/* A row that only says why path could not be listed or read. */
static int emit_error(nw_rowset *rs, const char *path, const char *error) {
  if (nw_row_new(rs)) return SQLITE_NOMEM;
  return set_path(rs, path) || set_str(rs, A_ERROR, error) ? SQLITE_NOMEM : SQLITE_OK;
}

static int emit(nw_rowset *rs, const nw_record *r) {
  const nw_article *a = &r->art;
  if (nw_row_new(rs)) return SQLITE_NOMEM;
  int bad = set_path(rs, r->path) || set_str(rs, A_FORMAT, nw_format_name(r->format)) ||
            set_str(rs, A_ERROR, r->error);
  if (r->bytes >= 0) nw_set_int(rs, A_BYTES, r->bytes);
  /* A page read in part, or a text decoded from another encoding, keeps what
  ** was read and says so in error; any other error leaves only the raw bytes. */
  int read = !r->error || r->error == a->partial;
  if (read)
    bad = bad || set_str(rs, A_SOURCE, a->source) || set_str(rs, A_URL, a->url) || set_str(rs, A_TITLE, a->title) ||
          set_str(rs, A_BYLINE, a->byline) || set_str(rs, A_PUBLISHED, a->published) ||
          set_str(rs, A_PUBLISHED_AT, a->published_at) ||
          nw_set_text(rs, A_BODY, a->body.data ? a->body.data : "", a->body.len);
  if (r->raw) {
    rs->input = r->raw; /* valid until the reader's next record, the next step */
    rs->input_len = r->raw_len;
    if (read) nw_set_input(rs, A_RAW, 0, r->raw_len);
    else bad = bad || nw_set_blob(rs, A_RAW, r->raw, r->raw_len);
  }
  return bad ? SQLITE_NOMEM : SQLITE_OK;
}

/* The next file to read: 1 with *path, 0 at the end, -1 out of memory; a
** folder the walk cannot list is a row instead (*emitted). */
static int next_file(scan *s, nw_rowset *rs, const char **path, int *emitted) {
  if (s->key_file || !s->walk) {
    if (s->key_done || !s->key_file) return 0;
    s->key_done = 1;
    *path = s->key_file;
    return 1;
  }
  const char *folder_error = NULL;
  int got = nw_walk_next(s->walk, path, &folder_error);
  if (got > 0 && folder_error) {
    *emitted = 1;
    return emit_error(rs, *path, folder_error) == SQLITE_OK ? 1 : -1;
  }
  return got;
}

static int scan_step(void *state, nw_rowset *rs, char **err) {
  scan *s = state;
  for (;;) {
    if (s->reader) {
      const nw_record *rec;
      char *msg = NULL;
      int got = nw_file_reader_next(s->reader, &rec, &msg);
      if (got < 0) return out_of_memory(msg);
      if (got > 0) return emit(rs, rec);
      nw_file_reader_close(s->reader);
      s->reader = NULL;
      continue;
    }
    const char *path = NULL;
    int emitted = 0;
    int got = next_file(s, rs, &path, &emitted);
    if (got <= 0) return got < 0 ? SQLITE_NOMEM : SQLITE_OK;
    if (emitted) return SQLITE_OK;
    char *msg = NULL;
    if (nw_file_reader_open(&s->reader, path, s->key_line, &msg)) return out_of_memory(msg);
  }
}

static const nw_tvf articles_tvf = {
  .name = "news_articles",
  .schema = "CREATE TABLE x(path TEXT, source TEXT, url TEXT, title TEXT, byline TEXT, published TEXT, published_at TEXT, "
            "format TEXT, "
            "body TEXT, bytes INTEGER, error TEXT, root HIDDEN, raw HIDDEN)",
  .ncol = A_RAW,
  .nextra = 1,
  .nargs_min = 1,
  .nargs_max = 1,
  .open = scan_start,
  .step = scan_step,
  .close = scan_close,
  .key_col = 1 + A_PATH,
  .creatable = 1,
  .reads_files = 1,
};

/* A broken data table: refuse to load, saying why. */
static int check_rules(sqlite3 *db, char **err) {
  char msg[400];
  if (!nw_articles_rules_check(msg, sizeof msg)) return SQLITE_OK;
  *err = sqlite3_mprintf("news_articles: %s", msg);
  return SQLITE_ERROR;
}

static int debug_articles(nw_buf *out);
const nw_sql_module nw_sql_articles = {
  .tvfs = (const nw_tvf *const[]){&articles_tvf, NULL},
  .init = check_rules,
  .debug = debug_articles,
  .touches_files = 1,
};

static int debug_articles(nw_buf *out) {
  char line[200];
  size_t line_rules, outlets;
  nw_articles_rule_counts(&line_rules, &outlets);
  int rc = nw_buf_append(out, "articles: formats", 17);
  for (nw_format f = NW_FMT_TEXT; nw_format_name(f); f++)
    rc |= nw_buf_putc(out, ' ') | nw_buf_append(out, nw_format_name(f), strlen(nw_format_name(f)));
  snprintf(line, sizeof line, "; %zu text line rules, %zu outlets; file limit %lld bytes\n", line_rules, outlets,
           (long long)nw_limit(NW_LIMIT_MAX_FILE_BYTES));
  return rc | nw_buf_append(out, line, strlen(line)) ? -1 : 0;
}
