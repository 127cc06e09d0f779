/* SQL test runner: loads the extension, runs each statement of each .sql
** file and compares its rows with the expectations written under it:
**
**   SELECT news_fold('Zelénskyy');
**   --> zelenskyy
**
** "--> " lines are the expected rows, columns joined by "|", NULL as NULL.
** "--! text" expects the statement to fail with an error containing text.
** A statement with no expectation must return no rows.
** Prints "sql: N passed, M failed"; exit status 1 when anything failed.
**
** Tests run from the repository root and may use three helpers for files:
** readfile(path) gives the bytes as a BLOB (as the sqlite3 shell's does),
** test_writefile(path, data) writes a file, test_unlink(path) removes one
** (both give 0, or -1 on failure): a test sets up its own files. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
    free(s);
    fclose(f);
    return NULL;
  }
  s[n] = 0;
  fclose(f);
  return s;
}

typedef struct strbuf {
  char *s;
  size_t n, cap;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    while (b->n + n + 1 > b->cap) b->cap = b->cap ? b->cap * 2 : 256;
    b->s = realloc(b->s, b->cap);
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = 0;
}

static void fn_readfile(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *path = (const char *)sqlite3_value_text(argv[0]);
  FILE *f = path ? fopen(path, "rb") : NULL;
  if (!f) return; /* NULL, as the shell's readfile() */
  strbuf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) sb_add(&b, chunk, n);
  fclose(f);
  sqlite3_result_blob64(ctx, b.s ? b.s : "", b.n, SQLITE_TRANSIENT);
  free(b.s);
}

static void fn_writefile(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *path = (const char *)sqlite3_value_text(argv[0]);
  const void *data = sqlite3_value_blob(argv[1]);
  size_t n = (size_t)sqlite3_value_bytes(argv[1]);
  FILE *f = path ? fopen(path, "wb") : NULL;
  int ok = f && (n == 0 || fwrite(data, 1, n, f) == n);
  if (f && fclose(f)) ok = 0;
  sqlite3_result_int(ctx, ok ? 0 : -1);
}

static void fn_unlink(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *path = (const char *)sqlite3_value_text(argv[0]);
  sqlite3_result_int(ctx, path && remove(path) == 0 ? 0 : -1);
}

static void register_helpers(sqlite3 *db) {
  sqlite3_create_function(db, "readfile", 1, SQLITE_UTF8, NULL, fn_readfile, NULL, NULL);
  sqlite3_create_function(db, "test_writefile", 2, SQLITE_UTF8, NULL, fn_writefile, NULL, NULL);
  sqlite3_create_function(db, "test_unlink", 1, SQLITE_UTF8, NULL, fn_unlink, NULL, NULL);
}

static int line_of(const char *start, const char *p) {
  int line = 1;
  for (const char *q = start; q < p; q++) line += *q == '\n';
  return line;
}

static int run_file(sqlite3 *db, const char *path, int *passed, int *failed) {
  char *src = read_file(path);
  if (!src) {
    fprintf(stderr, "%s: cannot read\n", path);
    (*failed)++;
    return 1;
  }
  const char *p = src;
  while (*p) {
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    const char *stmt_start = p;
    int rc = sqlite3_prepare_v2(db, p, -1, &st, &tail);
    if (!tail) tail = p + strlen(p);
    /* expectations follow the statement */
    strbuf want = {0};
    const char *want_err = NULL;
    size_t want_err_len = 0;
    const char *q = tail;
    for (;;) {
      while (*q == ' ' || *q == '\t' || *q == '\r') q++;
      if (*q == '\n' && (strncmp(q + 1, "-->", 3) == 0 || strncmp(q + 1, "--!", 3) == 0)) { q++; continue; }
      if (strncmp(q, "-->", 3) == 0) {
        const char *e = strchr(q, '\n');
        if (!e) e = q + strlen(q);
        const char *v = q + 3;
        if (*v == ' ') v++;
        sb_add(&want, v, (size_t)(e - v));
        sb_add(&want, "\n", 1);
        q = e;
        continue;
      }
      if (strncmp(q, "--!", 3) == 0) {
        const char *e = strchr(q, '\n');
        if (!e) e = q + strlen(q);
        want_err = q + 3;
        while (*want_err == ' ') want_err++;
        want_err_len = (size_t)(e - want_err);
        q = e;
        continue;
      }
      break;
    }
    if (!st && rc == SQLITE_OK) { /* only comments or white space left */
      free(want.s);
      p = q;
      if (tail == p && *p == 0) break;
      if (q == stmt_start) break;
      continue;
    }
    strbuf got = {0};
    const char *err = NULL;
    if (rc == SQLITE_OK) {
      int cols = sqlite3_column_count(st);
      while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < cols; c++) {
          if (c) sb_add(&got, "|", 1);
          const char *v = (const char *)sqlite3_column_text(st, c);
          if (sqlite3_column_type(st, c) == SQLITE_NULL) sb_add(&got, "NULL", 4);
          else sb_add(&got, v, (size_t)sqlite3_column_bytes(st, c));
        }
        sb_add(&got, "\n", 1);
      }
      if (rc != SQLITE_DONE) err = sqlite3_errmsg(db);
    } else {
      err = sqlite3_errmsg(db);
    }
    int ok;
    if (want_err) {
      ok = err && want_err_len <= strlen(err) && memmem(err, strlen(err), want_err, want_err_len) != NULL;
    } else {
      ok = !err && ((want.n == 0 && got.n == 0) || (want.n && got.n && strcmp(want.s, got.s) == 0));
    }
    if (ok) (*passed)++;
    else {
      (*failed)++;
      fprintf(stderr, "FAIL %s:%d\n  %.*s\n", path, line_of(src, stmt_start), (int)(tail - stmt_start), stmt_start);
      if (want_err) fprintf(stderr, "  expected error containing: %.*s\n", (int)want_err_len, want_err);
      else fprintf(stderr, "  expected:\n%s", want.n ? want.s : "  (no rows)\n");
      if (err) fprintf(stderr, "  got error: %s\n", err);
      else fprintf(stderr, "  got:\n%s", got.n ? got.s : "  (no rows)\n");
    }
    sqlite3_finalize(st);
    free(want.s);
    free(got.s);
    p = q;
  }
  free(src);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: sqltest EXTENSION[:ENTRY_POINT] FILE.sql...\n");
    return 2;
  }
  /* dist/news:sqlite3_news_text_init loads that entry point (as datasette does) */
  char *ext = argv[1], *entry = strrchr(ext, ':');
  if (entry && !strchr(entry, '/')) *entry++ = 0;
  else entry = NULL;
  int passed = 0, failed = 0;
  for (int i = 2; i < argc; i++) {
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 2;
    sqlite3_enable_load_extension(db, 1);
    char *err = NULL;
    if (sqlite3_load_extension(db, ext, entry, &err) != SQLITE_OK) {
      fprintf(stderr, "cannot load %s: %s\n", ext, err ? err : "?");
      sqlite3_free(err);
      sqlite3_close(db);
      return 2;
    }
    register_helpers(db);
    run_file(db, argv[i], &passed, &failed);
    sqlite3_close(db);
  }
  printf("sql: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
