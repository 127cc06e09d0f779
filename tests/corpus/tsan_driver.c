/* `make tsan`: the library built with ThreadSanitizer, linked in, runs the
** corpus engine with two worker threads: an ingest of the fixture corpus,
** then news_analyze over a few hundred rows inserted as a user would, then
** the C interface's stop flag (a Ctrl-C handler's) and progress callback.
** Any data race is a ThreadSanitizer report and a non-zero exit. */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>

#include "news_corpus.h"

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

/* Progress after each committed batch; the first one asks to stop. */
typedef struct stopper {
  volatile sig_atomic_t stop;
  int calls;
  long long last_done;
  int monotonic;
} stopper;

static void on_progress(const nw_corpus_stats *s, void *ctx) {
  stopper *p = ctx;
  p->calls++;
  if (s->analyzed + s->pending_done < p->last_done) p->monotonic = 0;
  p->last_done = s->analyzed + s->pending_done;
  p->stop = 1;
}

static int count(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  int n = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return n;
}

/* A stopped run keeps what it committed and removes nothing; the next run finishes. */
static int check_stop(sqlite3 *db) {
  int bad = run(db, "DELETE FROM articles WHERE path LIKE 'user/%' AND id % 3 = 0");
  bad |= run(db, "UPDATE articles SET body = body || ' Again.' WHERE path LIKE 'user/%'");
  int pending = count(db, "SELECT count(*) FROM articles WHERE analyzed_sha1 IS NULL");
  stopper p = {.monotonic = 1};
  nw_corpus_opts o = {.jobs = 2, .batch = 10, .progress = on_progress, .progress_ctx = &p, .stop = &p.stop};
  nw_corpus_stats st;
  char *err = NULL;
  int rc = nw_corpus_analyze(db, &o, &st, &err);
  int left = count(db, "SELECT count(*) FROM articles WHERE analyzed_sha1 IS NULL");
  if (rc != SQLITE_OK || !st.stopped || p.calls != 1 || st.analyzed != 10 || left != pending - 10) {
    fprintf(stderr, "stop: rc %d (%s) stopped %d calls %d analyzed %lld left %d of %d\n", rc, err ? err : "", st.stopped,
            p.calls, (long long)st.analyzed, left, pending);
    bad = 1;
  }
  sqlite3_free(err);
  err = NULL;
  o.stop = NULL;
  p.calls = 0;
  rc = nw_corpus_analyze(db, &o, &st, &err);
  if (rc != SQLITE_OK || st.stopped || st.analyzed != left || p.calls < left / 10 || !p.monotonic ||
      count(db, "SELECT count(*) FROM articles WHERE analyzed_sha1 IS NULL") != 0) {
    fprintf(stderr, "resume: rc %d (%s) analyzed %lld of %d, %d progress calls\n", rc, err ? err : "",
            (long long)st.analyzed, left, p.calls);
    bad = 1;
  }
  sqlite3_free(err);
  char *json = nw_corpus_summary_json(&st);
  printf("%s\n", json ? json : "?");
  sqlite3_free(json);
  return bad;
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
  bad |= check_stop(db);
  sqlite3_close(db);
  return bad;
}
