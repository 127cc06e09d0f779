/* nw_corpus_analyze: every articles row not analysed yet (analyzed_sha1
** NULL: new, changed, or inserted by a user) analysed by worker threads and
** stored by the calling thread, in batched transactions; then the linker.
**
** The writer reads pending rows in id order a few at a time (keyset paging
** on the partial index articles_pending), so memory holds only the rows in
** flight. Before storing, it checks the body is still the one analysed
** (another connection may have changed it between batches); if not, the row
** stays pending for the next run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus_internal.h"

SQLITE_EXTENSION_INIT3

#define FETCH_ROWS 64

typedef struct an_item {
  int64_t id;
  char *body;
  size_t len;
  char published[16];
  char body_sha1[41];
  cp_analysis a;
} an_item;

static void item_free(void *p) {
  an_item *it = p;
  if (!it) return;
  free(it->body);
  cp_analysis_free(&it->a);
  free(it);
}

static void work(void *data, cp_pool *p, cp_job *job) {
  an_item *it = data;
  nw_sha1_hex(it->body, it->len, it->body_sha1);
  cp_analyze_text(it->body, it->len, it->published[0] ? it->published : NULL, &it->a);
  if (cp_pool_emit(p, job, it, it->len)) item_free(it); /* halted: the row stays pending */
}

static double clock_seconds(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double cp_now(void) { return clock_seconds(CLOCK_MONOTONIC); }

double cp_thread_cpu(void) { return clock_seconds(CLOCK_THREAD_CPUTIME_ID); }

/* The next pending rows after *last_id into items[] (at most FETCH_ROWS, and
** about 16 MB of text): *n of them. */
static int fetch(sqlite3 *db, sqlite3_stmt *st, int64_t *last_id, an_item **items, int *n, char **err) {
  *n = 0;
  size_t fetched = 0;
  sqlite3_bind_int64(st, 1, *last_id);
  sqlite3_bind_int(st, 2, FETCH_ROWS);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    an_item *it = calloc(1, sizeof *it);
    size_t len = (size_t)sqlite3_column_bytes(st, 1);
    const void *body = sqlite3_column_blob(st, 1);
    if (!it || !(it->body = malloc(len + 1))) {
      free(it);
      rc = SQLITE_NOMEM;
      break;
    }
    it->id = sqlite3_column_int64(st, 0);
    if (len) memcpy(it->body, body, len);
    it->body[len] = 0;
    it->len = len;
    const char *pub = (const char *)sqlite3_column_text(st, 2);
    if (pub) snprintf(it->published, sizeof it->published, "%s", pub);
    *last_id = it->id;
    items[(*n)++] = it;
    fetched += len;
    if (fetched >= CP_FLIGHT_BYTES / 4) { /* long bodies: fewer rows at a time */
      rc = SQLITE_DONE;
      break;
    }
  }
  sqlite3_reset(st);
  if (rc == SQLITE_DONE) return SQLITE_OK;
  if (!*err) *err = rc == SQLITE_NOMEM ? sqlite3_mprintf("out of memory") : cp_db_error(db, "cannot read articles");
  return rc;
}

/* The writer's state (the pool's sink). */
typedef struct an_run {
  sqlite3 *db;
  cp_txn *t;
  const nw_corpus_opts *o;
  nw_corpus_stats *st;
  cp_store store;
  int batch_n, batch_limit;
  size_t batch_bytes;
  int rc, stopped;
  char *err;
} an_run;

/* Store one analysed row, if its body is still the one analysed; commit
** when the batch is full. */
static int store_item(an_run *r, an_item *it) {
  int rc = cp_txn_begin(r->t, &r->err);
  int same = rc == SQLITE_OK ? cp_store_body_is(r->db, &r->store, it->id, it->body, it->len, &r->err) : -1;
  if (same < 0) return rc == SQLITE_OK ? SQLITE_ERROR : rc;
  if (same && it->a.failed == CP_NO_MEMORY) return SQLITE_NOMEM;
  if (same) {
    rc = cp_store_analysis(r->db, &r->store, it->id, 0, it->body, &it->a, it->body_sha1, &r->err);
    if (rc != SQLITE_OK) return rc;
    r->st->analyzed++;
    r->st->pending_done++;
    if (it->a.failed) r->st->failed++;
  }
  r->batch_bytes += it->len;
  if (++r->batch_n < r->batch_limit && r->batch_bytes < CP_BATCH_BYTES) return SQLITE_OK;
  r->batch_n = 0;
  r->batch_bytes = 0;
  rc = cp_txn_commit(r->t, &r->err);
  if (rc == SQLITE_OK && r->o && r->o->progress) r->o->progress(r->st, r->o->progress_ctx);
  if (r->o && r->o->stop && *r->o->stop) r->stopped = 1;
  return rc;
}

static int sink(void *data, void *ctx) {
  an_run *r = ctx;
  if (r->rc == SQLITE_OK) r->rc = store_item(r, data);
  item_free(data);
  return r->rc != SQLITE_OK || r->stopped;
}

int cp_threads(const nw_corpus_opts *o) { return o && o->jobs > 1 ? o->jobs : 0; }

/* The analysis stage on an initialised transaction state. */
int cp_analyze_pending(sqlite3 *db, cp_txn *t, const nw_corpus_opts *o, nw_corpus_stats *st, char **err) {
  sqlite3_stmt *pending = NULL, *count = NULL;
  cp_pool *pool = NULL;
  an_item *items[FETCH_ROWS];
  int nitems = 0, next_item = 0, exhausted = 0;
  int64_t last_id = INT64_MIN;
  an_run r = {.db = db, .t = t, .o = o, .st = st, .batch_limit = o && o->batch > 0 ? o->batch : CP_BATCH_ARTICLES};
  st->stage = 1;
  int rc = cp_prepare(db, "SELECT count(*) FROM articles WHERE analyzed_sha1 IS NULL", &count, err);
  if (rc == SQLITE_OK && sqlite3_step(count) == SQLITE_ROW) st->pending_total = sqlite3_column_int64(count, 0);
  sqlite3_finalize(count);
  if (rc != SQLITE_OK) return rc;
  st->pending_done = 0;
  if (st->pending_total == 0) return SQLITE_OK;
  rc = cp_prepare(db,
                  "SELECT id, body, published FROM articles WHERE analyzed_sha1 IS NULL AND id > ?1 ORDER BY id LIMIT ?2",
                  &pending, err);
  if (rc != SQLITE_OK) return rc;
  if ((rc = cp_store_prepare(db, &r.store, err)) != SQLITE_OK) {
    sqlite3_finalize(pending);
    return rc;
  }
  r.store.hint_after = o ? o->hint_after : 0;
  if (cp_pool_start(&pool, cp_threads(o), work, sink, &r)) {
    rc = SQLITE_NOMEM;
    *err = sqlite3_mprintf("cannot start the worker threads");
  }
  while (rc == SQLITE_OK && r.rc == SQLITE_OK && !r.stopped) {
    /* Keep the workers fed (inline: each job is stored as it is submitted), then store the oldest result. */
    while (!exhausted && r.rc == SQLITE_OK && !r.stopped && rc == SQLITE_OK) {
      if (next_item == nitems) {
        next_item = 0;
        rc = fetch(db, pending, &last_id, items, &nitems, err);
        if (rc == SQLITE_OK && nitems == 0) exhausted = 1;
        continue;
      }
      if (!cp_pool_has_room(pool, items[next_item]->len)) break;
      if (cp_pool_submit(pool, items[next_item], items[next_item]->len)) rc = SQLITE_NOMEM;
      else next_item++;
    }
    if (rc != SQLITE_OK || !cp_pool_drain(pool)) break; /* nothing in flight: done */
  }
  if (rc == SQLITE_OK && r.rc == SQLITE_OK && !r.stopped && pool && cp_pool_halted(pool)) rc = SQLITE_NOMEM;
  if (rc == SQLITE_OK) rc = r.rc;
  if (r.stopped) st->stopped = 1;
  if (rc == SQLITE_OK) rc = cp_txn_commit(t, &r.err);
  if (rc != SQLITE_OK) cp_txn_rollback(t);
  if (rc == SQLITE_OK && o && o->progress && r.batch_n) o->progress(st, o->progress_ctx);
  if (r.err && !*err) *err = r.err;
  else sqlite3_free(r.err);
  cp_pool_stop(pool, item_free, item_free, st);
  for (int i = next_item; i < nitems; i++) item_free(items[i]);
  cp_store_finalize(&r.store);
  sqlite3_finalize(pending);
  return rc;
}

int nw_corpus_analyze(sqlite3 *db, const nw_corpus_opts *o, nw_corpus_stats *st, char **err) {
  double t0 = cp_now(), cpu0 = cp_thread_cpu();
  nw_corpus_stats local;
  if (!st) st = &local;
  memset(st, 0, sizeof *st);
  cp_txn t;
  int rc = cp_txn_init(&t, db, "news_analyze", err);
  if (rc == SQLITE_OK) rc = nw_corpus_schema(db, err);
  if (rc == SQLITE_OK) rc = cp_analyze_pending(db, &t, o, st, err);
  if (rc == SQLITE_OK && !(o && o->stop && *o->stop)) rc = cp_link_if_needed(db, st, err);
  cp_txn_done(&t);
  st->seconds = cp_now() - t0;
  st->cpu_writer = cp_thread_cpu() - cpu0;
  return rc;
}
