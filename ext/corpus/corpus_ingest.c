/* nw_corpus_ingest: the files of a source into articles, incrementally.
**
** The calling thread walks the source and, for each file of its shard,
** looks up the stored rows: a file whose size and modification time match
** every one of its rows is unchanged and not read. Other files go to the
** worker threads, which read them (nw_file_reader), hash the raw content and,
** for a text or HTML file whose content is new, run the extractors too. The
** calling thread stores the results in walk order in batched transactions
** (an article's row and its mentions, quotes and dates in the same one):
**   - a new path is added (a new id; ids are never reused),
**   - a known path with the same content hash is unchanged (only its size
**     and time are refreshed), with another hash it is changed and
**     re-analysed under the same id,
**   - a file that cannot be read gets an error row; when its path had been
**     read before, the last good content and analysis are KEPT and only
**     error is set (with mtime 0, so the next run tries it again).
** After a complete walk, rows of files the walk no longer lists are deleted
** with their mentions, quotes and dates: only file rows (mtime set) in the
** source's scope and shard; rows a user inserted (mtime NULL) stay, and so do
** the rows under a folder that could not be read this time. A stopped run
** (opts->stop) removes nothing. JSON Lines records are stored unanalysed and
** analysed by the analysis stage (nw_corpus_analyze's), which follows. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_internal.h"
#include "corpus_scope.h"
#include "news_articles.h"

SQLITE_EXTENSION_INIT3

/* sha1 of no bytes: the analysis of a row without a body, done. */
#define EMPTY_SHA1 "da39a3ee5e6b4b0d3255bfef95601890afd80709"

/* A file for a worker. */
typedef struct in_job {
  char *path;
  char *folder_error; /* the walk could not list this folder: no reading */
  int64_t size;
  char stored_sha1[41]; /* the file's own row, when analysed: same content needs no extraction */
} in_job;

/* One record read (or the end of a file: path NULL). */
typedef struct in_rec {
  char *path;
  const char *format;
  int64_t bytes, mtime, file_size;
  char *error;
  int has_body, folder, file_failed;
  int no_memory; /* the end of a file whose reading ran out of memory: the run fails */
  char *title, *byline, *published, *published_at, *url, *source, *body;
  size_t body_len;
  char raw_sha1[41];
  int has_raw, analyzed;
  char body_sha1[41];
  cp_analysis a;
} in_rec;

static void job_free(void *p) {
  in_job *j = p;
  if (!j) return;
  free(j->path);
  free(j->folder_error);
  free(j);
}

static void rec_free(void *p) {
  in_rec *r = p;
  if (!r) return;
  char *fields[] = {r->path, r->error, r->title, r->byline, r->published, r->published_at, r->url, r->source, r->body};
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) free(fields[i]);
  cp_analysis_free(&r->a);
  free(r);
}

static int dup_field(char **out, const char *s) {
  if (!s) return 0;
  return (*out = strdup(s)) ? 0 : -1;
}

/* ---- the workers ------------------------------------------------------ */

static int emit(cp_pool *p, cp_job *job, in_rec *r) {
  if (cp_pool_emit(p, job, r, r->body_len)) {
    rec_free(r);
    return -1;
  }
  return 0;
}

/* An error record for the file itself (it could not be opened or read to the end). */
static int emit_file_error(cp_pool *p, cp_job *job, const char *path, const char *msg, int folder) {
  in_rec *r = calloc(1, sizeof *r);
  if (!r || dup_field(&r->path, path) || dup_field(&r->error, msg ? msg : "out of memory")) {
    rec_free(r);
    return -1;
  }
  r->folder = folder;
  r->file_failed = !folder;
  r->bytes = r->mtime = r->file_size = -1;
  return emit(p, job, r);
}

static in_rec *rec_of(const nw_record *x, const in_job *j) {
  in_rec *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  const nw_article *a = &x->art;
  r->format = nw_format_name(x->format);
  r->bytes = x->bytes;
  r->mtime = x->mtime_ns;
  r->file_size = j->size;
  r->has_body = !x->error || x->error == a->partial;
  int bad = dup_field(&r->path, x->path) || dup_field(&r->error, x->error);
  if (!bad && r->has_body) {
    bad = dup_field(&r->title, a->title) || dup_field(&r->byline, a->byline) ||
          dup_field(&r->published, a->published) || dup_field(&r->published_at, a->published_at) ||
          dup_field(&r->url, a->url) || dup_field(&r->source, a->source);
    r->body_len = a->body.len;
    if (!bad && !(r->body = malloc(r->body_len + 1))) bad = 1;
    if (!bad) {
      if (r->body_len) memcpy(r->body, a->body.data, r->body_len);
      r->body[r->body_len] = 0;
    }
  }
  if (!bad && x->raw) {
    nw_sha1_hex(x->raw, x->raw_len, r->raw_sha1);
    r->has_raw = 1;
  }
  if (bad) {
    rec_free(r);
    return NULL;
  }
  /* A text or HTML file with new content is analysed here, in parallel; a
  ** JSON Lines record waits for the analysis stage (whether its content is
  ** new is known only to the writer). */
  if (r->has_body && x->format != NW_FMT_JSONL && !(r->has_raw && !strcmp(r->raw_sha1, j->stored_sha1))) {
    nw_sha1_hex(r->body, r->body_len, r->body_sha1);
    cp_analyze_text(r->body, r->body_len, r->published, &r->a);
    r->analyzed = 1;
  }
  return r;
}

static void read_file(void *data, cp_pool *p, cp_job *job) {
  in_job *j = data;
  nw_file_reader *reader = NULL;
  char *err = NULL;
  int ok = 0, no_memory = 0;
  if (j->folder_error) {
    ok = emit_file_error(p, job, j->path, j->folder_error, 1) == 0;
  } else if (nw_file_reader_open(&reader, j->path, 0, &err) != 0) {
    ok = emit_file_error(p, job, j->path, err, 0) == 0;
  } else {
    const nw_record *x;
    int got = 1;
    while (!cp_pool_halted(p) && (got = nw_file_reader_next(reader, &x, &err)) == 1) {
      in_rec *r = rec_of(x, j);
      if (!r) no_memory = 1; /* a record lost: not the file's fault */
      if (!r || emit(p, job, r)) break;
    }
    if (got < 0) ok = emit_file_error(p, job, j->path, err ? err : "out of memory", 0) == 0;
    else ok = got == 0;
    nw_file_reader_close(reader);
  }
  free(err);
  /* The end of the file: its results are complete only when ok. */
  in_rec *end = calloc(1, sizeof *end);
  if (end) {
    end->file_size = j->size;
    end->file_failed = !ok;
    end->no_memory = no_memory;
    if (emit(p, job, end)) end = NULL;
  }
  job_free(j);
}

/* ---- the writer ------------------------------------------------------- */

typedef struct ingest {
  sqlite3 *db;
  const nw_corpus_opts *o;
  nw_corpus_stats *st;
  cp_txn t;
  cp_store store;
  cp_scope scope;
  cp_idset seen;
  sqlite3_stmt *rows_of_file, *lookup, *insert, *update, *touch, *keep;
  int batch_n, batch_limit;
  size_t batch_bytes;
  int stopped;
  int files_failed_to_end; /* a file's results were cut: no removal run */
  int rc;    /* the first error storing a result, with its message */
  char *err;
} ingest;

static int prepare_all(ingest *g, char **err) {
  struct {
    sqlite3_stmt **st;
    const char *sql;
  } q[] = {
    {&g->rows_of_file,
     "SELECT id, path, file_bytes, mtime, sha1, analyzed_sha1 IS NOT NULL FROM articles"
     " WHERE path >= ?1 AND path < ?1 || '$'"},
    {&g->lookup, "SELECT id, sha1, analyzed_sha1 IS NOT NULL, body IS NOT NULL FROM articles WHERE path = ?1"},
    {&g->insert,
     "INSERT INTO articles(path, format, url, title, byline, published, source, body, bytes, sha1, error, mtime,"
     " file_bytes, published_at, analyzed_sha1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
     " ?14, CASE WHEN ?8 IS NULL THEN '" EMPTY_SHA1 "' END)"},
    {&g->update,
     "UPDATE articles SET format = ?2, url = ?3, title = ?4, byline = ?5, published = ?6, source = ?7, body = ?8,"
     " bytes = ?9, sha1 = ?10, error = ?11, mtime = ?12, file_bytes = ?13, published_at = ?14,"
     " analyzed_sha1 = CASE WHEN ?8 IS NULL THEN '" EMPTY_SHA1 "' END WHERE id = ?1"},
    {&g->touch,
     "UPDATE articles SET mtime = ?2, file_bytes = ?3, error = ?4 WHERE id = ?1"
     " AND (mtime IS NOT ?2 OR file_bytes IS NOT ?3 OR error IS NOT ?4)"},
    {&g->keep, "UPDATE articles SET error = ?2, mtime = 0 WHERE id = ?1"},
  };
  for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
    if (cp_prepare(g->db, q[i].sql, q[i].st, err) != SQLITE_OK) return SQLITE_ERROR;
  return SQLITE_OK;
}

static void finalize_all(ingest *g) {
  sqlite3_stmt *all[] = {g->rows_of_file, g->lookup, g->insert, g->update, g->touch, g->keep};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) sqlite3_finalize(all[i]);
}

static int step_done(ingest *g, sqlite3_stmt *st, char **err) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc == SQLITE_DONE) return SQLITE_OK;
  if (!*err) *err = cp_db_error(g->db, "cannot store an article");
  return rc == SQLITE_ROW ? SQLITE_ERROR : rc;
}

static void bind_opt_text(sqlite3_stmt *st, int col, const char *s) {
  if (s) sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
  else sqlite3_bind_null(st, col);
}

static void bind_opt_int(sqlite3_stmt *st, int col, int64_t v) {
  if (v >= 0) sqlite3_bind_int64(st, col, v);
  else sqlite3_bind_null(st, col);
}

/* ?2.. of insert and update (?1 the path or the id). */
static void bind_article(sqlite3_stmt *st, const in_rec *r) {
  bind_opt_text(st, 2, r->format);
  bind_opt_text(st, 3, r->url);
  bind_opt_text(st, 4, r->title);
  bind_opt_text(st, 5, r->byline);
  bind_opt_text(st, 6, r->published);
  bind_opt_text(st, 7, r->source);
  if (r->has_body) sqlite3_bind_text(st, 8, r->body, (int)r->body_len, SQLITE_STATIC);
  else sqlite3_bind_null(st, 8);
  bind_opt_int(st, 9, r->bytes);
  bind_opt_text(st, 10, r->has_raw ? r->raw_sha1 : NULL);
  bind_opt_text(st, 11, r->error);
  /* mtime 0 when unknown: a file row (not a user's), read again next time */
  sqlite3_bind_int64(st, 12, r->mtime >= 0 ? r->mtime : 0);
  bind_opt_int(st, 13, r->file_size);
  bind_opt_text(st, 14, r->published_at);
}

/* Periodic commit, progress and stop check. */
static int batch_tick(ingest *g, size_t bytes, char **err) {
  g->batch_n++;
  g->batch_bytes += bytes;
  if (g->batch_n < g->batch_limit && g->batch_bytes < CP_BATCH_BYTES) return SQLITE_OK;
  int rc = cp_txn_commit(&g->t, err);
  g->batch_n = 0;
  g->batch_bytes = 0;
  if (rc == SQLITE_OK && g->o && g->o->progress) g->o->progress(g->st, g->o->progress_ctx);
  if (g->o && g->o->stop && *g->o->stop) g->stopped = 1;
  return rc;
}

static int store_rec(ingest *g, in_rec *r, char **err) {
  nw_corpus_stats *st = g->st;
  /* Memory ran out reading or analysing it: the run fails, the file is not
  ** stored as unreadable. */
  if ((r->error && (!strcmp(r->error, "out of memory") || strstr(r->error, strerror(ENOMEM)))) ||
      (r->analyzed && r->a.failed == CP_NO_MEMORY))
    return SQLITE_NOMEM;
  if (!r->path && r->no_memory) return SQLITE_NOMEM;
  if (!r->path) { /* the end of a file */
    st->files_done++;
    if (r->file_size > 0) st->bytes_done += r->file_size;
    if (r->file_failed) g->files_failed_to_end = 1;
    return SQLITE_OK;
  }
  /* A file that could not be read (or only in part) keeps the rows it had:
  ** a JSON Lines file's records are not removed for want of reading them. */
  if ((r->file_failed || !r->has_body) && cp_scope_skip(&g->scope, r->path, 0)) return SQLITE_NOMEM;
  if (r->folder && cp_scope_skip(&g->scope, r->path, 1)) return SQLITE_NOMEM;
  int rc = cp_txn_begin(&g->t, err);
  if (rc != SQLITE_OK) return rc;
  sqlite3_bind_text(g->lookup, 1, r->path, -1, SQLITE_STATIC);
  int step = sqlite3_step(g->lookup);
  if (step != SQLITE_ROW && step != SQLITE_DONE) {
    *err = cp_db_error(g->db, "cannot look up a stored file");
    sqlite3_reset(g->lookup);
    return step;
  }
  int found = step == SQLITE_ROW;
  int64_t id = found ? sqlite3_column_int64(g->lookup, 0) : 0;
  const char *sha1 = found ? (const char *)sqlite3_column_text(g->lookup, 1) : NULL;
  int same = found && r->has_raw && sha1 && !strcmp(sha1, r->raw_sha1);
  int was_analyzed = found && sqlite3_column_int(g->lookup, 2);
  int had_body = found && sqlite3_column_int(g->lookup, 3);
  sqlite3_reset(g->lookup);
  int store_analysis = r->analyzed, fresh = 0;
  if (!r->has_body) {
    st->failed++;
    store_analysis = 0;
    if (had_body) { /* keep the last good content; say why it was not read */
      sqlite3_bind_int64(g->keep, 1, id);
      sqlite3_bind_text(g->keep, 2, r->error, -1, SQLITE_STATIC);
      rc = step_done(g, g->keep, err);
    } else {
      sqlite3_stmt *s = found ? g->update : g->insert;
      if (found) sqlite3_bind_int64(s, 1, id);
      else sqlite3_bind_text(s, 1, r->path, -1, SQLITE_STATIC);
      bind_article(s, r);
      rc = step_done(g, s, err);
      if (!found) id = sqlite3_last_insert_rowid(g->db);
    }
  } else if (!found) {
    sqlite3_bind_text(g->insert, 1, r->path, -1, SQLITE_STATIC);
    bind_article(g->insert, r);
    rc = step_done(g, g->insert, err);
    id = sqlite3_last_insert_rowid(g->db);
    fresh = 1;
    st->added++;
  } else if (same) {
    st->unchanged++;
    sqlite3_bind_int64(g->touch, 1, id);
    sqlite3_bind_int64(g->touch, 2, r->mtime >= 0 ? r->mtime : 0);
    bind_opt_int(g->touch, 3, r->file_size);
    bind_opt_text(g->touch, 4, r->error);
    rc = step_done(g, g->touch, err);
    store_analysis = r->analyzed && !was_analyzed;
  } else {
    sqlite3_bind_int64(g->update, 1, id);
    bind_article(g->update, r);
    rc = step_done(g, g->update, err);
    st->changed++;
  }
  sqlite3_clear_bindings(g->insert);
  sqlite3_clear_bindings(g->update);
  if (rc == SQLITE_OK && store_analysis) {
    rc = cp_store_analysis(g->db, &g->store, id, fresh, r->body, &r->a, r->body_sha1, err);
    if (rc == SQLITE_OK) {
      st->analyzed++;
      if (r->a.failed) st->failed++;
    }
  }
  if (rc == SQLITE_OK && cp_idset_add(&g->seen, id)) rc = SQLITE_NOMEM;
  if (rc == SQLITE_OK) rc = batch_tick(g, r->body_len, err);
  return rc;
}

static int sink(void *data, void *ctx) {
  ingest *g = ctx;
  if (g->rc == SQLITE_OK) g->rc = store_rec(g, data, &g->err);
  rec_free(data);
  return g->rc != SQLITE_OK || g->stopped;
}

/* The stored rows of a file: all unchanged by size and time (then they are
** marked seen and 1 is returned), else 0 with the file's own analysed
** content hash in j->stored_sha1. -1 on error. */
static int unchanged_by_stat(ingest *g, in_job *j, int64_t size, int64_t mtime, char **err) {
  sqlite3_stmt *q = g->rows_of_file;
  size_t n = strlen(j->path);
  int64_t *ids = NULL;
  size_t nids = 0, cap = 0;
  int all_match = 1, rc;
  sqlite3_bind_text(q, 1, j->path, (int)n, SQLITE_STATIC);
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    const char *p = (const char *)sqlite3_column_text(q, 1);
    if (!p || strncmp(p, j->path, n) != 0 || (p[n] && cp_file_part(p) != n)) continue; /* not this file's */
    if (sqlite3_column_type(q, 2) == SQLITE_NULL || sqlite3_column_int64(q, 2) != size ||
        sqlite3_column_type(q, 3) == SQLITE_NULL || sqlite3_column_int64(q, 3) != mtime)
      all_match = 0;
    if (!p[n] && sqlite3_column_int(q, 5) && sqlite3_column_text(q, 4))
      snprintf(j->stored_sha1, sizeof j->stored_sha1, "%s", (const char *)sqlite3_column_text(q, 4));
    if (nw_grow((void **)&ids, &cap, nids + 1, sizeof *ids)) {
      rc = SQLITE_NOMEM;
      break;
    }
    ids[nids++] = sqlite3_column_int64(q, 0);
  }
  sqlite3_reset(q);
  int out = rc == SQLITE_DONE && nids && all_match;
  for (size_t i = 0; out && i < nids; i++)
    if (cp_idset_add(&g->seen, ids[i])) rc = SQLITE_NOMEM, out = 0;
  free(ids);
  if (rc == SQLITE_NOMEM) return -1;
  if (rc != SQLITE_DONE) {
    *err = cp_db_error(g->db, "cannot read articles");
    return -1;
  }
  if (out) g->st->unchanged += (int64_t)nids;
  return out;
}

/* Rows of files the walk no longer lists, in scope and shard: deleted (the
** trigger takes their mentions, quotes and dates). */
static int remove_vanished(ingest *g, char **err) {
  sqlite3_stmt *q = NULL, *del = NULL;
  int64_t *doomed = NULL;
  size_t n = 0, cap = 0;
  const char *prefix = g->scope.prefix;
  size_t pl = strlen(prefix);
  int rc = cp_prepare(g->db,
                      pl ? "SELECT id, path FROM articles WHERE mtime IS NOT NULL AND path >= ?1 AND path < ?2"
                         : "SELECT id, path FROM articles WHERE mtime IS NOT NULL",
                      &q, err);
  char *end = pl ? strdup(prefix) : NULL;
  if (rc == SQLITE_OK && pl) {
    if (!end) rc = SQLITE_NOMEM;
    else {
      end[pl - 1] = (char)(end[pl - 1] + 1); /* the first string after every one with the prefix */
      sqlite3_bind_text(q, 1, prefix, -1, SQLITE_STATIC);
      sqlite3_bind_text(q, 2, end, -1, SQLITE_STATIC);
    }
  }
  while (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(q, 0);
    const char *path = (const char *)sqlite3_column_text(q, 1);
    if (!path || cp_idset_has(&g->seen, id)) continue;
    size_t fl = cp_file_part(path);
    if (!cp_scope_has(&g->scope, path, fl) || !cp_in_shard(path, fl, g->o ? g->o->shard_index : 0, g->o ? g->o->shard_count : 0))
      continue;
    if (nw_grow((void **)&doomed, &cap, n + 1, sizeof *doomed)) rc = SQLITE_NOMEM;
    else doomed[n++] = id;
  }
  rc = cp_finish(g->db, q, rc, "cannot list the source's stored files", err);
  free(end);
  if (rc == SQLITE_OK) rc = cp_prepare(g->db, "DELETE FROM articles WHERE id = ?1", &del, err);
  for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
    rc = cp_txn_begin(&g->t, err);
    if (rc != SQLITE_OK) break;
    sqlite3_bind_int64(del, 1, doomed[i]);
    rc = step_done(g, del, err);
    if (rc == SQLITE_OK) {
      g->st->removed++;
      rc = batch_tick(g, 0, err);
    }
  }
  sqlite3_finalize(del);
  free(doomed);
  if (rc == SQLITE_NOMEM && !*err) *err = sqlite3_mprintf("out of memory");
  return rc;
}

/* A walk error message without the table function's prefix. */
static char *walk_error(char *msg) {
  const char *m = msg ? msg : "out of memory";
  if (!strncmp(m, "news_articles: ", 15)) m += 15;
  char *out = sqlite3_mprintf("%s", m);
  free(msg);
  return out;
}

/* Files and bytes of the shard, for the progress line's totals. */
static int count_files(const char *source, const nw_corpus_opts *o, nw_corpus_stats *st) {
  nw_walk *w = NULL;
  char *msg = NULL;
  if (nw_walk_open(&w, source, &msg)) {
    free(msg);
    return -1;
  }
  const char *path, *error;
  while (nw_walk_next(w, &path, &error) == 1) {
    if (error || !cp_in_shard(path, strlen(path), o->shard_index, o->shard_count)) continue;
    int64_t size, mtime;
    const char *why;
    st->files_total++;
    if (nw_file_stat(path, &size, &mtime, &why) == 0 && size > 0) st->bytes_total += size;
  }
  nw_walk_close(w);
  return 0;
}

/* Walk, skip the unchanged, read and store the rest. */
static int read_source(ingest *g, const char *source, char **err) {
  const nw_corpus_opts *o = g->o;
  nw_walk *w = NULL;
  char *msg = NULL;
  if (nw_walk_open(&w, source, &msg)) {
    *err = walk_error(msg);
    return SQLITE_ERROR;
  }
  cp_pool *pool = NULL;
  if (cp_pool_start(&pool, cp_threads(o), read_file, sink, g)) {
    nw_walk_close(w);
    *err = sqlite3_mprintf("cannot start the worker threads");
    return SQLITE_NOMEM;
  }
  int rc = SQLITE_OK, walked = 0;
  in_job *next = NULL; /* read from the walk, waiting for room */
  while (rc == SQLITE_OK && g->rc == SQLITE_OK && !g->stopped) {
    /* Keep the workers fed (inline: each file is stored as it is submitted), then store the oldest result. */
    while (rc == SQLITE_OK && g->rc == SQLITE_OK && !walked && !g->stopped) {
      if (!next) {
        const char *path, *error;
        int got = nw_walk_next(w, &path, &error);
        if (got < 0) rc = SQLITE_NOMEM;
        if (got <= 0) {
          walked = got == 0;
          break;
        }
        if (!cp_in_shard(path, strlen(path), o ? o->shard_index : 0, o ? o->shard_count : 0)) continue;
        if (!(next = calloc(1, sizeof *next)) || !(next->path = strdup(path)) ||
            (error && !(next->folder_error = strdup(error)))) {
          rc = SQLITE_NOMEM;
          break;
        }
        int64_t size = -1, mtime = -1;
        const char *why = NULL;
        if (!error && nw_file_stat(path, &size, &mtime, &why) == 0) {
          next->size = size;
          /* inside the batch's transaction: no lock taken and dropped per lookup */
          rc = cp_txn_begin(&g->t, err);
          int skip = rc == SQLITE_OK ? unchanged_by_stat(g, next, size, mtime, err) : 0;
          if (skip < 0) rc = *err ? SQLITE_ERROR : SQLITE_NOMEM;
          if (skip) {
            g->st->files_done++;
            g->st->bytes_done += size;
            job_free(next);
            next = NULL;
            if (rc == SQLITE_OK) rc = batch_tick(g, 0, err);
            continue;
          }
        }
      }
      size_t bytes = (size_t)(next->size > 0 ? next->size : 0);
      if (!cp_pool_has_room(pool, bytes)) break;
      if (cp_pool_submit(pool, next, bytes)) rc = SQLITE_NOMEM;
      else next = NULL;
    }
    if (rc != SQLITE_OK || (!cp_pool_drain(pool) && walked)) break;
  }
  if (rc == SQLITE_OK && g->rc == SQLITE_OK && !g->stopped && cp_pool_halted(pool)) rc = SQLITE_NOMEM;
  if (rc == SQLITE_OK && g->rc != SQLITE_OK) {
    rc = g->rc;
    *err = g->err;
    g->err = NULL;
  }
  job_free(next);
  cp_pool_stop(pool, job_free, rec_free, g->st);
  nw_walk_close(w);
  if (rc == SQLITE_NOMEM && !*err) *err = sqlite3_mprintf("out of memory");
  if (rc == SQLITE_OK && !walked) g->stopped = 1;
  return rc;
}

int nw_corpus_ingest(sqlite3 *db, const char *source, const nw_corpus_opts *o, nw_corpus_stats *st, char **err) {
  double t0 = cp_now(), cpu0 = cp_thread_cpu();
  /* Paths are keys as the walk spells them: "./corpus" and "corpus" are one source. */
  while (source[0] == '.' && source[1] == '/' && source[2]) {
    source += 2;
    while (*source == '/' && source[1]) source++;
  }
  nw_corpus_stats local;
  if (!st) st = &local;
  memset(st, 0, sizeof *st);
  ingest g;
  memset(&g, 0, sizeof g);
  g.db = db;
  g.o = o;
  g.st = st;
  g.batch_limit = o && o->batch > 0 ? o->batch : CP_BATCH_ARTICLES;
  int lock_fd = -1;
  int rc = cp_txn_init(&g.t, db, "news_ingest", err);
  int have_txn = rc == SQLITE_OK, have_store = 0;
  if (rc == SQLITE_OK) rc = cp_ingest_lock(db, &lock_fd, err);
  if (rc == SQLITE_OK) rc = nw_corpus_schema(db, err);
  if (rc == SQLITE_OK && cp_scope_init(&g.scope, source)) rc = SQLITE_NOMEM;
  if (rc == SQLITE_OK) rc = prepare_all(&g, err);
  if (rc == SQLITE_OK) rc = cp_store_prepare(db, &g.store, err);
  if (rc == SQLITE_OK) g.store.hint_after = o ? o->hint_after : 0;
  have_store = rc == SQLITE_OK;
  if (rc == SQLITE_OK && o && o->progress) count_files(source, o, st);
  if (rc == SQLITE_OK) rc = read_source(&g, source, err);
  /* Removal needs every file's rows accounted for: a complete walk, every file read to its end. */
  if (rc == SQLITE_OK && !g.stopped && !g.files_failed_to_end) rc = remove_vanished(&g, err);
  if (rc == SQLITE_OK) rc = cp_txn_commit(&g.t, err);
  if (rc == SQLITE_OK && o && o->progress) o->progress(st, o->progress_ctx);
  if (have_store) cp_store_finalize(&g.store);
  finalize_all(&g);
  if (rc == SQLITE_OK && !g.stopped) rc = cp_analyze_pending(db, &g.t, o, st, err);
  if (rc == SQLITE_OK && !g.stopped && !(o && o->stop && *o->stop)) rc = cp_link_if_needed(db, st, err);
  if (rc != SQLITE_OK && have_txn) cp_txn_rollback(&g.t);
  if (have_txn) cp_txn_done(&g.t);
  cp_ingest_unlock(lock_fd);
  cp_scope_free(&g.scope);
  cp_idset_free(&g.seen);
  sqlite3_free(g.err);
  if (rc == SQLITE_NOMEM && !*err) *err = sqlite3_mprintf("out of memory");
  st->stopped = g.stopped || (o && o->stop && *o->stop);
  st->seconds = cp_now() - t0;
  st->cpu_writer = cp_thread_cpu() - cpu0;
  return rc;
}
