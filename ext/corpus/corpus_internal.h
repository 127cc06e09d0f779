/* Shared pieces of the corpus engine (ext/corpus/): SHA-1, the batched
** transactions of the one writer, the worker pool, the per-article analysis
** the workers compute and the writer stores. */
#ifndef NW_CORPUS_INTERNAL_H
#define NW_CORPUS_INTERNAL_H
#include <sqlite3ext.h>
#include <stddef.h>
#include <stdint.h>

#include "news.h"
#include "news_corpus.h"
#include "news_dates.h"
#include "news_entities.h"
#include "news_quotes.h"

/* ---- SHA-1 (corpus_sha1.c) ------------------------------------------ */
/* 40 lowercase hex digits and a NUL. */
void nw_sha1_hex(const void *data, size_t n, char out[41]);

/* ---- one ingest per database (corpus_lock.c) -------------------------- */
/* Takes the database's ingest lock, waiting up to the busy timeout; *fd is
** -1 when there is nothing to lock (an in-memory database). SQLITE_BUSY with
** *err set when another ingest holds it. */
int cp_ingest_lock(sqlite3 *db, int *fd, char **err);
void cp_ingest_unlock(int fd);

/* ---- transactions (corpus_txn.c) ------------------------------------ */
/* One writer's transactions. Outside a user transaction each batch is its
** own BEGIN IMMEDIATE ... COMMIT (durable as it goes: kill -9 loses at most
** the open batch). Inside one (BEGIN ... by the caller) the whole run is one
** SAVEPOINT: it commits with the caller's transaction, and an error rolls
** back everything this run wrote. */
typedef struct cp_txn {
  sqlite3 *db;
  int nested; /* inside the caller's transaction: one savepoint */
  int open;
  int saved_timeout; /* busy timeout to restore (-1: untouched) */
} cp_txn;
/* Checks that the connection can run batches (not inside a statement that
** writes), sets a busy timeout when the caller has none. */
int cp_txn_init(cp_txn *t, sqlite3 *db, const char *fn, char **err);
int cp_txn_begin(cp_txn *t, char **err);  /* a no-op when one is open */
int cp_txn_commit(cp_txn *t, char **err); /* end of a batch */
/* An error: undo the open batch (or, nested, the whole run). */
void cp_txn_rollback(cp_txn *t);
void cp_txn_done(cp_txn *t); /* restores the busy timeout */
/* A message for the failed statement: read-only, locked, full disk said plainly. */
char *cp_db_error(sqlite3 *db, const char *what);
/* Run a few statements (no rows) with an error message. */
int cp_exec(sqlite3 *db, const char *sql, char **err);
/* Prepare or fail with a message naming the statement's purpose. */
int cp_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char **err);
/* Finalize a statement read with `while (rc == SQLITE_OK && step == ROW)`: a
** step that failed (busy, I/O, corruption) ends such a loop as the last row
** does, and finalize returns its error; it becomes the result (with *err)
** unless rc already holds one, so a cut-off read is never taken for all rows. */
int cp_finish(sqlite3 *db, sqlite3_stmt *st, int rc, const char *what, char **err);

/* ---- the analysis of one text (corpus_extract.c, run by workers) ---- */
typedef struct cp_mention {
  int64_t start, length;        /* 1-based characters */
  uint32_t b0, b1, c0, c1;      /* byte spans of the mention and of its canonical form */
  uint32_t sentence;            /* 1-based */
  uint8_t type;
} cp_mention;

typedef struct cp_quote {
  int64_t start, length, spk_start, spk_length; /* characters; spk_start 0: no speaker */
  uint32_t b0, b1, cue0, cue1, spk0, spk1;     /* bytes: the quoted words, cue, speaker mention */
  uint32_t name_off, name_len;                 /* speaker name in names */
  uint32_t sentence;
  uint8_t kind, spk_type; /* spk_type: the quote's nw_speaker_type, 0 unknown */
  uint8_t has_cue;
} cp_quote;

typedef struct cp_date {
  int64_t start, length;
  uint32_t b0, b1;
  uint8_t type;
  char value[32];
} cp_date;

typedef struct cp_analysis {
  cp_mention *m;
  size_t nm, mcap;
  cp_quote *q;
  size_t nq, qcap;
  cp_date *d;
  size_t nd, dcap;
  nw_buf names;
  nw_buf link_names; /* the article's names as the linker stores them (corpus_names.c) */
  int32_t day;       /* the published day as the identity resolver counts them */
  int failed; /* the extractors could not run: 1 text too large, CP_NO_MEMORY out of memory */
} cp_analysis;

/* cp_analysis.failed when memory ran out: the run must stop with an error,
** not store the article as failed (it is not the article's fault). */
#define CP_NO_MEMORY 2

/* Entities, quotes and dates of text (tokenized once), dates resolved
** against published ("YYYY-MM-DD..." or NULL), and the names the linker
** reads (so that a worker, not the link stage, builds them). Positions as
** the table functions give them. 0, or -1 with a->failed set. */
int cp_analyze_text(const char *text, size_t len, const char *published, cp_analysis *a);
void cp_analysis_free(cp_analysis *a);

/* ---- entity ids written with the rows (corpus_hints.c) ---------------- */
typedef struct cp_hints cp_hints;
/* An analysis' rows with the entity ids that the names of the run's first
** articles resolve to (ready 0: none known yet). */
typedef struct cp_hinted {
  int ready;
  int64_t *mention_id, *quote_id; /* per mention, per quote: entities.id, -1 none */
  uint32_t (*key_span)[2];        /* per quote: speaker_key in keys (length 0: NULL) */
  size_t mcap, qcap, kcap;
  nw_buf keys;
  nw_buf blob; /* link_names with those ids */
} cp_hinted;
/* The article's rows hinted (out->ready) once the run has stored enough
** articles to resolve their names; until then its names are kept for
** that. *h is allocated on first use. SQLITE_OK or an error. */
int cp_hints_apply(sqlite3 *db, cp_hints **h, int after, int64_t id, const char *body, const cp_analysis *a,
                   cp_hinted *out, char **err);
void cp_hints_free(cp_hints *h);
void cp_hinted_free(cp_hinted *out);

/* The writer's statements for analysis rows (corpus_store.c), and the run's hints. */
typedef struct cp_store {
  sqlite3_stmt *del[4], *ins_mention, *ins_quote, *ins_date, *ins_names, *mark, *check;
  int hint_after; /* nw_corpus_opts.hint_after */
  cp_hints *hints;
  cp_hinted hinted;
} cp_store;
int cp_store_prepare(sqlite3 *db, cp_store *s, char **err);
void cp_store_finalize(cp_store *s);
/* Replace the article's mentions, quotes and dates (none when fresh: a row
** just inserted) with a's rows and mark it
** analysed (analyzed_sha1 = body_sha1; a row without a file gets sha1 = body_sha1; error set
** when the analysis failed). */
int cp_store_analysis(sqlite3 *db, cp_store *s, int64_t id, int fresh, const char *body, const cp_analysis *a,
                      const char *body_sha1, char **err);
/* The stored body of article id still equals body (another connection may
** have changed it since it was read). 1, 0, or -1 on error. */
int cp_store_body_is(sqlite3 *db, cp_store *s, int64_t id, const char *body, size_t len, char **err);

/* ---- the worker pool (corpus_pool.c) -------------------------------- */
/* Jobs go to worker threads in order; their results reach the sink (the one
** writer, on the calling thread) in the same order, so ids are assigned as
** a one-thread run would. A job may give several results (a JSON Lines file:
** one per record); a worker waits while its job holds too many unread
** results, so memory stays bounded by the jobs in flight. With 0 threads the
** pool is inline: a job runs when submitted, on the calling thread, and each
** result goes straight to the sink (no thread, no queue: --jobs 1). */
typedef struct cp_job cp_job;
typedef struct cp_pool cp_pool;
/* Computes a job; hands each result to cp_pool_emit. Owns job_data. */
typedef void (*cp_work_fn)(void *job_data, cp_pool *p, cp_job *job);
/* Stores (and frees) one result; non-zero halts the pool (an error or a
** stop, which the sink's context records). */
typedef int (*cp_sink_fn)(void *result, void *ctx);
int cp_pool_start(cp_pool **p, int threads, cp_work_fn work, cp_sink_fn sink, void *sink_ctx);
/* Whether another job of `bytes` fits in flight now. */
int cp_pool_has_room(const cp_pool *p, size_t bytes);
/* Queue a job (inline: run it). 0, or -1 (out of memory; data stays the caller's). */
int cp_pool_submit(cp_pool *p, void *job_data, size_t bytes);
/* From a worker: one result of job. 0 (taken), or -1 when the pool is
** halted, stopping or out of memory: data stays the caller's to free, and the
** work should end (as it should when cp_pool_halted). */
int cp_pool_emit(cp_pool *p, cp_job *job, void *data, size_t bytes);
/* The oldest unread result to the sink (waits for it): 1, or 0 when no job
** is in flight. */
int cp_pool_drain(cp_pool *p);
/* The sink asked to halt (or a result was lost for want of memory). */
int cp_pool_halted(cp_pool *p);
/* Stops the threads; the data of jobs not started and of results not read
** go to drop_job and drop_result. Adds the threads' CPU seconds and the
** pool's waits (wall seconds) to st. */
void cp_pool_stop(cp_pool *p, void (*drop_job)(void *data), void (*drop_result)(void *data), nw_corpus_stats *st);

/* ---- the analysis stage (corpus_analyze.c) -------------------------- */
/* The default batch: articles per transaction, and bytes of body. */
#define CP_BATCH_ARTICLES 200
#define CP_BATCH_BYTES ((size_t)8 << 20)
/* Bytes of text in flight between the writer and the workers. */
#define CP_FLIGHT_BYTES ((size_t)64 << 20)

/* Worker threads for opts->jobs: 0 (inline on the calling thread) for one
** job, else jobs threads beside the writer. */
int cp_threads(const nw_corpus_opts *o);
/* Seconds on a monotonic clock. */
double cp_now(void);
/* CPU seconds of the calling thread. */
double cp_thread_cpu(void);
/* The analysis stage inside a run (t initialised): counts go to st. */
int cp_analyze_pending(sqlite3 *db, cp_txn *t, const nw_corpus_opts *o, nw_corpus_stats *st, char **err);
/* nw_corpus_link, adding the wall seconds of its phases to st (may be NULL). */
int cp_link(sqlite3 *db, nw_corpus_stats *st, char **err);
/* nw_corpus_link when this run changed anything (st) or rows are left
** unlinked by an earlier one. */
int cp_link_if_needed(sqlite3 *db, nw_corpus_stats *st, char **err);

#endif
