/* Corpus database engine (implemented in ext/corpus/): analyse once, query
** many times. Used by the SQL functions news_ingest() and news_analyze()
** (ext/sql/sql_corpus.c) and by the sqlite-news command (tools/cli/).
**
** The tables (created on first use; contract in API.md, "Corpus"):
**   articles(id INTEGER PRIMARY KEY AUTOINCREMENT  -- never reused for another path
**            path TEXT NOT NULL UNIQUE, outlet_id, url, title, byline, published,
**            published_at, language, format, body, bytes, sha1, error,
**            source,          -- the outlet as the reader found it (name or host)
**            mtime,           -- the file's modification time (ns), NULL for user rows
**            file_bytes,      -- the file's size (with mtime, the quick unchanged test)
**            analyzed_sha1)   -- sha1 of the body last analysed; NULL = to analyse
**   outlets(id INTEGER PRIMARY KEY, key TEXT UNIQUE, name)
**   entities(id INTEGER PRIMARY KEY, key TEXT UNIQUE, name, type, mentions, articles)
**   mentions(article_id, entity_id, start, length, sentence, mention, type,
**            canonical)       -- the name within the article (news_entities' canonical)
**   quotes(article_id, start, length, quote, kind, cue, speaker_mention, speaker_start,
**          speaker_length, speaker, speaker_type, speaker_entity_id, speaker_key, sentence)
**   dates(article_id, start, length, mention, type, value)
** Positions are 1-based characters into articles.body, as in the table functions.
**
** Triggers: deleting an articles row deletes its mentions, quotes and dates;
** an UPDATE of body that does not also set analyzed_sha1 sets it to NULL (so
** a user's edit is analysed again by the next run).
**
** Stages: reader (files -> articles rows, unchanged files skipped by size and
** mtime, then sha1), analysis (worker threads run the extractors, one writer
** inserts in batched transactions), linking (corpus-wide keys recomputed from
** the stored mentions, so shards can be merged and relinked). What is
** committed is done; what is not is redone by the next run.
**
** Transactions: called outside a transaction, each batch is its own BEGIN
** IMMEDIATE ... COMMIT (a second writer waits for the busy timeout, 5 s when
** the connection has none, at a batch boundary; kill -9 loses at most the
** open batch). Called inside the caller's transaction, the whole run is one
** SAVEPOINT: committed with the caller's transaction, and an error rolls back
** everything the run wrote. Not callable from a statement that writes
** (INSERT ... SELECT news_ingest(...)): it says so.
**
** A file that cannot be read gets a row with error set (failed in the
** stats); a path read before keeps its last good content and analysis, only
** error changes (and mtime becomes 0, so the next run tries it again). A row
** is removed only after a complete walk, when its file is no longer listed,
** it is a file row (mtime set) in the source's scope (the folder, the glob's
** matches, the file) and in the run's shard, and its folder could be read. */
#ifndef NEWS_CORPUS_H
#define NEWS_CORPUS_H
#include <signal.h>
#include <stdint.h>

#include <sqlite3.h>

/* Counters, as the summary and the progress line show them. */
typedef struct nw_corpus_stats {
  int64_t files_total, files_done; /* files seen by the walk / handled so far */
  int64_t bytes_total, bytes_done; /* file bytes, for MB done of total */
  int64_t added, changed, unchanged, removed, failed, analyzed;
  double seconds;
  /* The analysis stage (rows pending after the files are read: JSON Lines
  ** records, a user's rows, rows an interrupted run left): done of total. */
  int64_t pending_total, pending_done;
  /* What the run is doing: 0 reading files, 1 analysing, 2 linking. */
  int stage;
  /* The run stopped early (opts->stop): what it committed stays, nothing
  ** was removed, the next run goes on. */
  int stopped;
  /* CPU seconds: the calling thread (the one writer: walk, stores, link),
  ** the worker threads together, and the link stage alone (part of
  ** cpu_writer). With jobs N the best speedup over one job is about
  ** (cpu_writer + cpu_workers) / max(cpu_writer, cpu_workers / N). */
  double cpu_writer, cpu_workers, cpu_link;
  /* Wall seconds (a monotonic clock) where a run waits or links: the
  ** writer waiting for the workers' next result, the workers waiting for
  ** work or for the writer to take their results (summed over the threads),
  ** and the link stage's reading of the stored rows, resolving and writing
  ** of keys. What the CPU figures cannot show: with two cores, time the
  ** writer or a worker spends idle. */
  double wall_writer_wait, wall_worker_wait, wall_link_read, wall_link_resolve, wall_link_write;
  /* The link stage's CPU seconds by phase (they hold under other load). */
  double cpu_link_read, cpu_link_resolve, cpu_link_write;
} nw_corpus_stats;

typedef struct nw_corpus_opts {
  int jobs;                /* <= 1: all work on the calling thread; N > 1: N threads read and
                              extract while the calling thread stores (results in walk order,
                              so ids do not depend on jobs) */
  int shard_index;         /* --shard I/N: only paths whose hash % N == I (N = 0: all); the hash
                              is FNV-1a of the file's path as the walk gives it (a JSON Lines
                              file's records stay together), the same on every machine */
  int shard_count;
  int batch;               /* articles per transaction (also ~8 MB of text); <= 0: 200 */
  int hint_after;          /* articles a run stores before it resolves their names and writes
                              later articles' entity ids with their rows (ext/corpus/corpus_hints.c);
                              <= 0: never, the default (the link writes every id): on
                              this machine's 100 000-article ingest hints cost wall time */
  /* Called from the writer thread after each committed batch (may be NULL). */
  void (*progress)(const nw_corpus_stats *s, void *ctx);
  void *progress_ctx;
  /* Set (e.g. by a SIGINT handler) to stop after the current batch. */
  volatile sig_atomic_t *stop;
} nw_corpus_opts;

/* Create the tables and indexes when missing. SQLITE_OK or an error code
** with *err a sqlite3_malloc'ed message. */
int nw_corpus_schema(sqlite3 *db, char **err);

/* Files of source (folder, glob or file, as news_articles reads them) into
** articles: new and changed ones read, vanished ones removed with their
** rows (rows without a file, inserted by a user, stay); then
** nw_corpus_analyze. */
int nw_corpus_ingest(sqlite3 *db, const char *source, const nw_corpus_opts *o, nw_corpus_stats *st, char **err);

/* Analyse every articles row not analysed yet or whose body changed, then
** nw_corpus_link. */
int nw_corpus_analyze(sqlite3 *db, const nw_corpus_opts *o, nw_corpus_stats *st, char **err);

/* Recompute the corpus-wide keys (entities, mentions.entity_id, quotes'
** speaker_entity_id and speaker_key, outlets) from the stored rows. */
int nw_corpus_link(sqlite3 *db, char **err);

/* The user's outlet mapping: the table outlet_map(pattern, outlet) filled
** from file (lines "pattern<TAB>outlet"; '#' comment lines), replacing its
** rows. Every later link applies it (ext/identity/outlet_guess.h). */
int nw_corpus_outlet_map(sqlite3 *db, const char *file, char **err);

/* Copy the shard databases into db (ids remapped; a path already in db is
** replaced by the shard's row), then nw_corpus_link. */
int nw_corpus_merge(sqlite3 *db, const char *const *shards, int nshards, nw_corpus_stats *st, char **err);

/* The summary as one JSON object ({"added":..,"changed":..,...,"seconds":..}),
** sqlite3_malloc'ed. */
char *nw_corpus_summary_json(const nw_corpus_stats *st);

#endif
