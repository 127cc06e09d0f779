/* `make tsan`: the library built with ThreadSanitizer, linked in, runs the
** corpus engine with two worker threads: an ingest of the fixture corpus,
** then news_analyze over a few hundred rows inserted as a user would. Any
** data race is a ThreadSanitizer report and a non-zero exit. */
#include <sqlite3.h>
#include <stdio.h>

int sqlite3_news_init(sqlite3 *db, char **err, const void *api);

static int run(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
      for (int i = 0; i < sqlite3_column_count(st); i++) printf("%s\n", (const char *)sqlite3_column_text(st, i));
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE && rc != SQLITE_OK) {
    fprintf(stderr, "tsan: %s\n  %s\n", sqlite3_errmsg(db), sql);
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *corpus = argc > 1 ? argv[1] : "tests/fixtures/corpus/articles";
  sqlite3 *db;
  sqlite3_auto_extension((void (*)(void))sqlite3_news_init);
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 2;
  char ingest[512];
  snprintf(ingest, sizeof ingest, "SELECT news_ingest('%s', '{\"jobs\": 2, \"batch\": 3}')", corpus);
  int bad = run(db, ingest);
  /* 300 user rows: the corpus bodies again under other paths */
  bad |= run(db,
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)"
             " INSERT INTO articles(path, body, published) SELECT 'user/' || i || '/' || a.id, a.body, a.published"
             " FROM n, articles a WHERE a.body IS NOT NULL");
  bad |= run(db, "SELECT news_analyze('{\"jobs\": 2, \"batch\": 7}')");
  bad |= run(db, "SELECT count(*) FROM articles WHERE analyzed_sha1 IS NULL");
  sqlite3_close(db);
  return bad;
}
