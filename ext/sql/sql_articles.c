/* news_articles(root): saved articles as rows, read one file at a time (a
** stream on the generic table-function mechanism, so memory stays flat on
** any folder), and CREATE VIRTUAL TABLE t USING news_articles('root').
** WHERE path = ? reads that one file (or that one JSON Lines record). */
#include "modules.h"
#include "sql_articles.h"
#include "tvf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

SQLITE_EXTENSION_INIT3

enum { A_PATH, A_SOURCE, A_URL, A_TITLE, A_BYLINE, A_PUBLISHED, A_FORMAT, A_BODY, A_BYTES, A_ERROR, A_RAW, A_NCOL };

#define JSONL_CHUNK 65536

typedef struct scan {
  sqlite3 *db;
  nw_walk *walk;
  char *key_file; /* WHERE path = ?: the one file to read (NULL: walk) */
  long key_line;  /* and the one JSON Lines record, or 0 */
  int key_done;
  char *content; /* the file being returned */
  size_t content_len;
  /* an open JSON Lines file */
  FILE *jf;
  char *jpath;
  long jline;
  char *jbuf; /* read buffer */
  size_t jpos, jlen;
  int jeof;
  nw_buf line;
  sqlite3_stmt *json_stmt[2];
  nw_article art;
} scan;

static void scan_close(void *state) {
  scan *s = state;
  if (!s) return;
  nw_walk_close(s->walk);
  free(s->key_file);
  free(s->content);
  if (s->jf) fclose(s->jf);
  free(s->jpath);
  free(s->jbuf);
  nw_buf_free(&s->line);
  sqlite3_finalize(s->json_stmt[0]);
  sqlite3_finalize(s->json_stmt[1]);
  nw_article_free(&s->art);
  free(s);
}

static int set_key(scan *s, const char *root, const char *key, size_t n) {
  char *k = strndup(key, n);
  if (!k) return SQLITE_NOMEM;
  char *hash = strrchr(k, '#');
  if (hash && nw_format_of_path(k) == NW_FMT_NONE) {
    *hash = 0;
    char *end;
    long line = strtol(hash + 1, &end, 10);
    if (nw_format_of_path(k) == NW_FMT_JSONL && *end == 0 && line > 0) s->key_line = line;
    else *hash = '#';
  }
  if (!nw_walk_lists(root, k)) {
    free(k);
    s->key_done = 1; /* a file the scan does not list: no rows */
    return SQLITE_OK;
  }
  s->key_file = k;
  return SQLITE_OK;
}

static int scan_open(void **state, const nw_stream_args *a, char **err) {
  scan *s = calloc(1, sizeof *s);
  if (!s) return SQLITE_NOMEM;
  s->db = a->db;
  char *root = strndup(a->text, a->len);
  int rc = root ? SQLITE_OK : SQLITE_NOMEM;
  if (rc == SQLITE_OK && a->key) {
    struct stat st;
    if (stat(root, &st) != 0 && !strpbrk(root, "*?[")) {
      *err = sqlite3_mprintf("news_articles: no such file or folder: %s", root);
      rc = SQLITE_ERROR;
    } else rc = set_key(s, root, a->key, a->key_len);
  } else if (rc == SQLITE_OK) {
    char *msg = NULL;
    if (nw_walk_open(&s->walk, root, &msg)) {
      *err = msg ? sqlite3_mprintf("%s", msg) : NULL;
      rc = msg ? SQLITE_ERROR : SQLITE_NOMEM;
      free(msg);
    }
  }
  free(root);
  if (rc != SQLITE_OK) {
    scan_close(s);
    return rc;
  }
  *state = s;
  return SQLITE_OK;
}

static int set_str(nw_rowset *rs, int col, const char *v) { return v ? nw_set_text(rs, col, v, strlen(v)) : 0; }

static int emit(scan *s, nw_rowset *rs, const char *path, nw_format f, int64_t bytes, const char *error) {
  nw_article *a = &s->art;
  if (nw_row_new(rs)) return SQLITE_NOMEM;
  int bad = set_str(rs, A_PATH, path) || set_str(rs, A_FORMAT, nw_format_name(f)) || set_str(rs, A_ERROR, error);
  if (bytes >= 0) nw_set_int(rs, A_BYTES, bytes);
  /* A page read in part, or a text file decoded from another encoding, keeps
  ** what was read and says so in error. */
  int partial = !error && a->partial;
  if (partial) bad = bad || set_str(rs, A_ERROR, a->partial);
  if (!error) {
    bad = bad || set_str(rs, A_SOURCE, a->source) || set_str(rs, A_URL, a->url) || set_str(rs, A_TITLE, a->title) ||
          set_str(rs, A_BYLINE, a->byline) || set_str(rs, A_PUBLISHED, a->published) ||
          nw_set_text(rs, A_BODY, a->body.data ? a->body.data : "", a->body.len);
  }
  nw_article_free(a); /* copied into the row */
  if (s->content) {
    rs->input = s->content;
    rs->input_len = s->content_len;
    if (error) bad = bad || nw_set_blob(rs, A_RAW, s->content, s->content_len);
    else nw_set_input(rs, A_RAW, 0, s->content_len);
  }
  return bad ? SQLITE_NOMEM : SQLITE_OK;
}

/* Why the text reader cannot take these bytes, or NULL: it wants UTF-8
** without NUL bytes (a NUL says binary). */
static const char *text_problem(const char *s, size_t n) {
  if (memchr(s, 0, n)) return "binary file (NUL bytes)";
  return nw_utf8_valid(s, n) ? NULL : "not valid UTF-8";
}

/* fopen(path, "rb") for regular files only: opening does not wait (a FIFO
** named like an article would block the scan forever until a writer came),
** and anything else fails with errno EINVAL. */
static FILE *open_regular(const char *path) {
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return NULL;
  struct stat st;
  int flags = fcntl(fd, F_GETFL);
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
    close(fd);
    errno = EINVAL;
    return NULL;
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) close(fd);
  return f;
}

/* Why a file could not be opened, from errno. */
static const char *open_error(void) {
  return errno == ENOENT ? "file vanished or is a broken link" : errno == EINVAL ? "not a regular file" : strerror(errno);
}

/* Load a whole file (bounded). Returns NULL with *why set on failure. */
static char *load_file(const char *path, size_t *len, int64_t *bytes, const char **why) {
  FILE *f = open_regular(path);
  if (!f) {
    *why = open_error();
    return NULL;
  }
  struct stat st;
  if (fstat(fileno(f), &st) != 0) {
    fclose(f);
    *why = "not a regular file";
    return NULL;
  }
  *bytes = st.st_size;
  if ((size_t)st.st_size > NW_ARTICLE_MAX_BYTES) {
    fclose(f);
    *why = "larger than the 64 MB limit";
    return NULL;
  }
  char *buf = malloc((size_t)st.st_size + 1);
  size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
  int ioerr = ferror(f);
  fclose(f);
  if (!buf || ioerr) {
    free(buf);
    *why = buf ? "read error" : "out of memory";
    return NULL;
  }
  buf[n] = 0;
  *len = n;
  return buf;
}

/* A file with no extension: its first bytes say the format. */
static nw_format sniff(const char *s, size_t n) {
  size_t i = 0;
  if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) i++;
  if (i < n && s[i] == '<') return NW_FMT_HTML;
  if (i < n && s[i] == '{') return NW_FMT_JSONL;
  return NW_FMT_TEXT;
}

/* ---- JSON Lines: one record a step ---------------------------------- */

static int open_jsonl(scan *s, const char *path) {
  s->jf = open_regular(path);
  if (!s->jf) return -1;
  if (!(s->jpath = strdup(path)) || (!s->jbuf && !(s->jbuf = malloc(JSONL_CHUNK)))) return -2;
  s->jline = 0;
  s->jpos = s->jlen = 0;
  s->jeof = 0;
  return 0;
}

static void close_jsonl(scan *s) {
  if (s->jf) fclose(s->jf);
  s->jf = NULL;
  free(s->jpath);
  s->jpath = NULL;
}

/* Next line into s->line (without its newline), at most the size limit:
** 1 got one (*too_long when cut), 0 at the end, -1 OOM. */
static int next_line(scan *s, int *too_long) {
  s->line.len = 0;
  *too_long = 0;
  int got = 0;
  for (;;) {
    if (s->jpos >= s->jlen) {
      if (s->jeof) return got;
      s->jlen = fread(s->jbuf, 1, JSONL_CHUNK, s->jf);
      s->jpos = 0;
      if (s->jlen == 0) {
        s->jeof = 1;
        return got;
      }
    }
    got = 1;
    char *p = s->jbuf + s->jpos;
    size_t avail = s->jlen - s->jpos;
    char *nl = memchr(p, '\n', avail);
    size_t take = nl ? (size_t)(nl - p) : avail;
    if (!*too_long) {
      if (s->line.len + take > NW_ARTICLE_MAX_BYTES) *too_long = 1;
      else if (nw_buf_append(&s->line, p, take)) return -1;
    }
    s->jpos += take + (nl ? 1 : 0);
    if (nl) break;
  }
  if (s->line.len && s->line.data[s->line.len - 1] == '\r') s->line.len--;
  return 1;
}

static int step_jsonl(scan *s, nw_rowset *rs, int *done) {
  *done = 0;
  for (;;) {
    int too_long;
    int got = next_line(s, &too_long);
    if (got < 0) return SQLITE_NOMEM;
    if (got == 0) {
      *done = 1;
      return SQLITE_OK;
    }
    s->jline++;
    if (s->key_line && s->jline != s->key_line) continue;
    const char *p = s->line.data ? s->line.data : "";
    size_t n = s->line.len;
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
    if (i == n && !too_long) continue; /* blank lines are not records */
    char *path = sqlite3_mprintf("%s#%ld", s->jpath, s->jline);
    if (!path) return SQLITE_NOMEM;
    nw_article_free(&s->art);
    const char *err = NULL;
    int rc = SQLITE_OK;
    free(s->content);
    s->content = NULL;
    if (too_long) err = "line larger than the 64 MB limit";
    else if ((err = text_problem(p, n))) {
    } else {
      if (!s->json_stmt[0]) rc = nw_jsonl_prepare(s->db, s->json_stmt);
      if (rc == SQLITE_OK && nw_jsonl_read(s->json_stmt, p, n, &s->art, &err)) rc = SQLITE_NOMEM;
      if (rc == SQLITE_OK && !(s->content = malloc(n + 1))) rc = SQLITE_NOMEM;
      if (rc == SQLITE_OK) {
        memcpy(s->content, p, n);
        s->content[n] = 0;
        s->content_len = n;
      }
    }
    if (rc == SQLITE_OK) rc = emit(s, rs, path, NW_FMT_JSONL, (int64_t)n, err);
    sqlite3_free(path);
    if (s->key_line) *done = 1;
    return rc;
  }
}

/* ---- one file ---------------------------------------------------------- */

static int step_file(scan *s, nw_rowset *rs, const char *path) {
  nw_format f = nw_format_of_path(path);
  size_t len = 0;
  int64_t bytes = -1;
  const char *why = NULL;
  free(s->content);
  s->content = NULL;
  nw_article_free(&s->art);
  if (f == NW_FMT_JSONL) {
    int rc = open_jsonl(s, path);
    if (rc == -2) return SQLITE_NOMEM;
    if (rc == 0) return SQLITE_OK; /* records follow */
    return emit(s, rs, path, f, -1, open_error());
  }
  s->content = load_file(path, &len, &bytes, &why);
  s->content_len = len;
  if (!s->content) return emit(s, rs, path, f ? f : NW_FMT_TEXT, bytes, why);
  if (f == NW_FMT_NONE) f = sniff(s->content, len);
  if (f == NW_FMT_JSONL) {
    free(s->content);
    s->content = NULL;
    int rc = open_jsonl(s, path);
    if (rc == -2) return SQLITE_NOMEM;
    return rc == 0 ? SQLITE_OK : emit(s, rs, path, f, bytes, open_error());
  }
  const char *err = NULL, *decoded = NULL;
  int rc = 0;
  if (f == NW_FMT_HTML) rc = nw_read_html(path, s->content, len, &s->art, &err);
  else if ((err = text_problem(s->content, len)) && !memchr(s->content, 0, len)) {
    /* not UTF-8: read it as what it most likely is, and say so in error */
    nw_buf text = {0};
    if (!(decoded = nw_decode_text(s->content, len, &text))) {
      nw_buf_free(&text);
      return SQLITE_NOMEM;
    }
    free(s->content);
    s->content = text.data;
    s->content_len = len = text.len;
    err = NULL;
  }
  if (f != NW_FMT_HTML && !err) {
    size_t bom = len >= 3 && !memcmp(s->content, "\xEF\xBB\xBF", 3) ? 3 : 0;
    rc = nw_read_text(path, s->content + bom, len - bom, &s->art);
    if (!rc && decoded) s->art.partial = decoded;
  }
  if (rc && !err) return SQLITE_NOMEM;
  return emit(s, rs, path, f, bytes, rc || err ? (err ? err : "cannot decode") : NULL);
}

static int scan_step(void *state, nw_rowset *rs, char **err) {
  (void)err;
  scan *s = state;
  for (;;) {
    if (s->jf) {
      int done, rc = step_jsonl(s, rs, &done);
      if (rc != SQLITE_OK || rs->nrow) return rc;
      if (done) close_jsonl(s);
      if (s->key_file) return SQLITE_OK; /* the one file is done */
      continue;
    }
    const char *path = NULL;
    if (s->key_file) {
      if (s->key_done) return SQLITE_OK;
      s->key_done = 1;
      path = s->key_file;
      struct stat st;
      if (lstat(path, &st) != 0 || S_ISDIR(st.st_mode)) return SQLITE_OK; /* a scan would not list it */
    } else {
      if (!s->walk) return SQLITE_OK; /* a key outside the root */
      const char *folder_error = NULL;
      int got = nw_walk_next(s->walk, &path, &folder_error);
      if (got < 0) return SQLITE_NOMEM;
      if (got == 0) return SQLITE_OK;
      if (folder_error) {
        free(s->content);
        s->content = NULL;
        nw_article_free(&s->art);
        return emit(s, rs, path, NW_FMT_NONE, -1, folder_error);
      }
    }
    int rc = step_file(s, rs, path);
    if (rc != SQLITE_OK || rs->nrow) return rc;
  }
}

static const nw_tvf articles_tvf = {
  .name = "news_articles",
  .schema = "CREATE TABLE x(path TEXT, source TEXT, url TEXT, title TEXT, byline TEXT, published TEXT, format TEXT, "
            "body TEXT, bytes INTEGER, error TEXT, root HIDDEN, raw HIDDEN)",
  .ncol = A_RAW,
  .nextra = 1,
  .nargs_min = 1,
  .nargs_max = 1,
  .open = scan_open,
  .step = scan_step,
  .close = scan_close,
  .key_col = 1 + A_PATH,
  .creatable = 1,
  .reads_files = 1,
};

int nw_register_articles(sqlite3 *db) {
  char msg[400];
  if (nw_articles_rules_check(msg, sizeof msg)) {
    fprintf(stderr, "news_articles: %s\n", msg); /* a broken data table: refuse to load */
    return SQLITE_ERROR;
  }
  return nw_tvf_register(db, &articles_tvf);
}

void nw_debug_articles(nw_buf *out) {
  char line[200];
  size_t line_rules, outlets;
  nw_articles_rule_counts(&line_rules, &outlets);
  snprintf(line, sizeof line, "articles: formats text html jsonl; %zu text line rules, %zu outlets; file limit %zu MB\n",
           line_rules, outlets, NW_ARTICLE_MAX_BYTES >> 20);
  nw_buf_append(out, line, strlen(line));
}
