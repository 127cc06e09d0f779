/* libFuzzer target: the article readers on a file holding the input.
**
** NW_FUZZ_ARTICLES_EXT=.txt|.html|.jsonl  writes the file with that extension;
** unset, every input goes through all three readers (as the replay does).
**
** Checks: no crash, no hang, and a .txt or .html file is never silently
** missing from the scan (exactly one row, with or without error). */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int sqlite3_news_init(sqlite3 *db, char **err, const void *api);

static sqlite3 *art_db;
static sqlite3_stmt *art_scan;
static char art_dir[4096];
static int art_ready; /* 1: news_articles exists; -1: it does not (nothing to do) */

static void art_close(void) {
  sqlite3_finalize(art_scan);
  sqlite3_close(art_db);
  char path[4200];
  static const char *const exts[] = {".txt", ".html", ".jsonl"};
  for (int i = 0; i < 3; i++) {
    snprintf(path, sizeof path, "%s/input%s", art_dir, exts[i]);
    unlink(path);
  }
  rmdir(art_dir);
}

static void art_init(void) {
  sqlite3_auto_extension((void (*)(void))sqlite3_news_init);
  if (sqlite3_open(":memory:", &art_db) != SQLITE_OK) abort();
  sqlite3_stmt *st;
  sqlite3_prepare_v2(art_db, "SELECT 1 FROM pragma_module_list WHERE name = 'news_articles'", -1, &st, NULL);
  int exists = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  if (!exists) {
    art_ready = -1; /* not built yet */
    return;
  }
  if (sqlite3_prepare_v2(art_db, "SELECT *, raw FROM news_articles(?1)", -1, &art_scan, NULL) != SQLITE_OK) {
    fprintf(stderr, "fuzz_articles: %s\n", sqlite3_errmsg(art_db));
    abort();
  }
  const char *tmp = getenv("TMPDIR");
  snprintf(art_dir, sizeof art_dir, "%s/nw-fuzz-articles-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(art_dir)) abort();
  atexit(art_close);
  art_ready = 1;
}

static void art_run(const char *ext, const uint8_t *data, size_t size) {
  char path[4200];
  snprintf(path, sizeof path, "%s/input%s", art_dir, ext);
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f)) abort();
  sqlite3_bind_text(art_scan, 1, path, -1, SQLITE_STATIC);
  int rc, rows = 0;
  while ((rc = sqlite3_step(art_scan)) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(art_scan); c++) (void)sqlite3_column_bytes(art_scan, c);
    rows++;
  }
  sqlite3_reset(art_scan);
  if (strcmp(ext, ".jsonl") && rows != 1) {
    fprintf(stderr, "fuzz_articles: %s gave %d rows (%s), want 1\n", ext, rows,
            rc == SQLITE_DONE ? "done" : sqlite3_errmsg(art_db));
    abort();
  }
  unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!art_ready) art_init();
  if (art_ready < 0) return 0;
  const char *ext = getenv("NW_FUZZ_ARTICLES_EXT");
  if (ext && *ext) art_run(ext, data, size);
  else {
    art_run(".txt", data, size);
    art_run(".html", data, size);
    art_run(".jsonl", data, size);
  }
  return 0;
}
