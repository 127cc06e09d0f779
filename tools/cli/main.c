/* sqlite-news: build and update a corpus database from the shell.
**
**   sqlite-news ingest corpus/ corpus.db --jobs 2
**   sqlite-news analyze corpus.db
**   sqlite-news merge corpus.db shard-0.db shard-1.db
**
** The extension is linked in and registered with sqlite3_auto_extension, so
** every connection opened here has the news_* functions and the engine
** (include/news_corpus.h) is called directly, with a progress callback and
** a stop flag for Ctrl-C. The manual is in help.c (`--help`). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cli.h"
#include "news.h"
#include "news_corpus.h"
#include "progress.h"

int sqlite3_news_init(sqlite3 *db, char **err, const sqlite3_api_routines *api);

enum { EXIT_USAGE = 2, EXIT_INTERRUPTED = 130 };

/* How long a second writer waits for the first before saying the database is locked. */
#define DEFAULT_WAIT_SECONDS 5.0

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig) {
  (void)sig;
  stop_requested = 1;
  static const char msg[] = "\nsqlite-news: stopping after the current batch (Ctrl-C again to abort)\n";
  ssize_t ignored = write(2, msg, sizeof msg - 1);
  (void)ignored;
}

/* The first Ctrl-C asks the engine to stop after the batch it is writing;
** the handler then resets, so a second one ends the process at once (the
** database stays consistent: the open transaction is rolled back). */
static void catch_interrupts(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
}

typedef struct cli_args {
  const char *command;
  const char **pos; /* positional arguments after the command */
  int npos;
  int jobs, batch, shard_index, shard_count, json;
  const char *output; /* -o, --output (report) */
  double wait_seconds; /* --wait */
} cli_args;

static int parse_int(const char *s, int min, int *out) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < min || v > 1000000000) return 0;
  *out = (int)v;
  return 1;
}

static int parse_shard(const char *s, int *index, int *count) {
  char extra;
  if (sscanf(s, "%d/%d%c", index, count, &extra) != 2) return 0;
  return *count >= 1 && *index >= 0 && *index < *count;
}

/* Options may come anywhere after the command. 0 on success. */
static int parse_args(int argc, char **argv, cli_args *a) {
  memset(a, 0, sizeof *a);
  a->command = argv[1];
  a->pos = calloc((size_t)argc, sizeof *a->pos);
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  a->jobs = cpus > 0 ? (int)cpus : 1;
  a->wait_seconds = DEFAULT_WAIT_SECONDS;
  for (int i = 2; i < argc; i++) {
    const char *o = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(o, "--json")) a->json = 1;
    else if (!strcmp(o, "-o") || !strcmp(o, "--output")) {
      if (!v) return fprintf(stderr, "sqlite-news: %s needs a file name\n", o), 1;
      a->output = v;
      i++;
    }
    else if (!strcmp(o, "--jobs") || !strcmp(o, "-j")) {
      if (!v || !parse_int(v, 1, &a->jobs)) return fprintf(stderr, "sqlite-news: --jobs needs a number >= 1\n"), 1;
      i++;
    } else if (!strcmp(o, "--batch")) {
      if (!v || !parse_int(v, 1, &a->batch)) return fprintf(stderr, "sqlite-news: --batch needs a number >= 1\n"), 1;
      i++;
    } else if (!strcmp(o, "--wait")) {
      char *end;
      a->wait_seconds = v ? strtod(v, &end) : -1;
      if (!v || end == v || *end || !(a->wait_seconds >= 0 && a->wait_seconds <= 86400))
        return fprintf(stderr, "sqlite-news: --wait needs a number of seconds\n"), 1;
      i++;
    } else if (!strcmp(o, "--shard")) {
      if (!v || !parse_shard(v, &a->shard_index, &a->shard_count))
        return fprintf(stderr, "sqlite-news: --shard needs I/N with 0 <= I < N, e.g. --shard 0/4\n"), 1;
      i++;
    } else if (o[0] == '-' && o[1] == '-') return fprintf(stderr, "sqlite-news: unknown option %s\n", o), 1;
    else a->pos[a->npos++] = o;
  }
  return 0;
}

static int is_glob(const char *s) { return strpbrk(s, "*?[") != NULL; }

static int fail(const char *fmt, const char *a, const char *b) {
  fputs("sqlite-news: ", stderr);
  fprintf(stderr, fmt, a, b ? b : "");
  fputc('\n', stderr);
  return 1;
}

/* The engine's error, said in the terms of what the user can do about it. */
static int fail_engine(const char *dbpath, int rc, const char *err) {
  switch (rc & 0xff) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return fail("%s: the database is locked by another process (another ingest?); try again when it has finished",
                dbpath, NULL);
  case SQLITE_READONLY: return fail("%s: the database is read-only (%s)", dbpath, err ? err : "check its permissions");
  case SQLITE_FULL: return fail("%s: the disk is full; nothing of the unfinished batch was kept (%s)", dbpath, err);
  case SQLITE_CANTOPEN: return fail("%s: cannot open the database (%s)", dbpath, err);
  case SQLITE_NOTADB: return fail("%s: not an SQLite database (%s)", dbpath, err);
  default: return fail("%s%s", err ? err : sqlite3_errstr(rc), NULL);
  }
}

/* Opens (creating when allowed) a database the command will write, and
** checks up front that it can: not read-only, not held by another writer. */
static int open_for_writing(const char *path, int create, double wait_seconds, sqlite3 **db) {
  struct stat sb;
  *db = NULL;
  if (!create && stat(path, &sb) != 0) return fail("%s: no such database", path, NULL);
  if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) return fail("%s: is a folder, not a database file", path, NULL);
  int rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0), NULL);
  if (rc != SQLITE_OK) {
    int r = fail_engine(path, rc, *db ? sqlite3_errmsg(*db) : sqlite3_errstr(rc));
    sqlite3_close(*db);
    *db = NULL;
    return r;
  }
  sqlite3_busy_timeout(*db, (int)(wait_seconds * 1000));
  if (sqlite3_db_readonly(*db, "main") == 1) {
    sqlite3_close(*db);
    *db = NULL;
    return fail("%s: the database is read-only (check the file's permissions)", path, NULL);
  }
  /* A write lock taken and released: a locked or unreadable file is said now, not mid-run. */
  char *err = NULL;
  rc = sqlite3_exec(*db, "BEGIN IMMEDIATE; ROLLBACK", NULL, NULL, &err);
  /* WAL: a commit appends to the log and readers do not block the writer;
  ** synchronous=NORMAL syncs at checkpoints, not at every batch's commit. A
  ** kill -9 still loses nothing committed (only a power cut can lose the
  ** last batches, never consistency). */
  if (rc == SQLITE_OK) rc = sqlite3_exec(*db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", NULL, NULL, &err);
  if (rc == SQLITE_OK) rc = nw_corpus_schema(*db, &err);
  if (rc != SQLITE_OK) {
    int r = fail_engine(path, rc, err ? err : sqlite3_errmsg(*db));
    sqlite3_free(err);
    sqlite3_close(*db);
    *db = NULL;
    return r;
  }
  return 0;
}

/* Runs one engine call's ending: the summary, the exit status. */
static int finish(const char *what, const char *dbpath, int rc, char *err, nw_corpus_stats *st, cli_progress *p,
                  int json) {
  cli_progress_done(p);
  if (st->seconds <= 0) st->seconds = cli_now() - p->started;
  int interrupted = stop_requested != 0 || st->stopped;
  int failed = rc != SQLITE_OK && !(interrupted && (rc == SQLITE_INTERRUPT || rc == SQLITE_ABORT));
  /* A run that failed before doing anything has only its error to say. */
  if (json || !failed || st->files_done > 0 || st->analyzed > 0)
    cli_summary(stdout, what, st, interrupted, failed ? (err ? err : sqlite3_errstr(rc)) : NULL, json);
  fflush(stdout);
  int status = failed ? fail_engine(dbpath, rc, err) : interrupted ? EXIT_INTERRUPTED : 0;
  sqlite3_free(err);
  return status;
}

static void engine_opts(const cli_args *a, cli_progress *p, nw_corpus_opts *o) {
  memset(o, 0, sizeof *o);
  o->jobs = a->jobs;
  o->batch = a->batch;
  o->shard_index = a->shard_index;
  o->shard_count = a->shard_count;
  /* No terminal, no line: the engine then also skips counting the files first. */
  o->progress = p->enabled ? cli_progress_draw : NULL;
  o->progress_ctx = p;
  o->stop = &stop_requested;
}

/* One engine call: what each command hands the engine. */
typedef int (*engine_call)(sqlite3 *db, const cli_args *a, const nw_corpus_opts *o, nw_corpus_stats *st, char **err);

static int call_ingest(sqlite3 *db, const cli_args *a, const nw_corpus_opts *o, nw_corpus_stats *st, char **err) {
  return nw_corpus_ingest(db, a->pos[0], o, st, err);
}

static int call_analyze(sqlite3 *db, const cli_args *a, const nw_corpus_opts *o, nw_corpus_stats *st, char **err) {
  return nw_corpus_analyze(db, o, st, err);
}

static int call_merge(sqlite3 *db, const cli_args *a, const nw_corpus_opts *o, nw_corpus_stats *st, char **err) {
  return nw_corpus_merge(db, a->pos + 1, a->npos - 1, st, err);
}

/* Opens dbpath, runs the call with the progress line and the stop flag, and
** ends with the summary; the exit status. */
static int run_engine(const char *what, const char *dbpath, int create, const cli_args *a, engine_call call) {
  sqlite3 *db;
  if (open_for_writing(dbpath, create, a->wait_seconds, &db)) return 1;
  cli_progress p;
  cli_progress_init(&p);
  nw_corpus_opts o;
  engine_opts(a, &p, &o);
  nw_corpus_stats st = {0};
  char *err = NULL;
  int rc = call(db, a, &o, &st, &err);
  int status = finish(what, dbpath, rc, err, &st, &p, a->json);
  sqlite3_close(db);
  return status;
}

static int cmd_ingest(const cli_args *a) {
  if (a->npos != 2) return cli_usage("ingest"), EXIT_USAGE;
  const char *source = a->pos[0];
  struct stat sb;
  if (!is_glob(source) && stat(source, &sb) != 0) return fail("%s: no such file or folder", source, NULL);
  return run_engine("ingest", a->pos[1], 1, a, call_ingest);
}

static int cmd_analyze(const cli_args *a) {
  if (a->npos != 1 || a->shard_count) return cli_usage("analyze"), EXIT_USAGE;
  return run_engine("analyze", a->pos[0], 0, a, call_analyze);
}

static int cmd_merge(const cli_args *a) {
  if (a->npos < 2 || a->shard_count) return cli_usage("merge"), EXIT_USAGE;
  const char *out = a->pos[0];
  struct stat sb, ob;
  int have_out = stat(out, &ob) == 0;
  for (int i = 1; i < a->npos; i++) {
    if (stat(a->pos[i], &sb) != 0) return fail("%s: no such shard database", a->pos[i], NULL);
    if (have_out && sb.st_dev == ob.st_dev && sb.st_ino == ob.st_ino)
      return fail("%s: is the output database itself; give the shards only", a->pos[i], NULL);
  }
  return run_engine("merge", out, 1, a, call_merge);
}

static int cmd_report(const cli_args *a) {
  if (a->npos != 1 || a->shard_count) return cli_usage("report"), EXIT_USAGE;
  struct stat sb;
  if (stat(a->pos[0], &sb) != 0) return fail("%s: no such database", a->pos[0], NULL);
  return cli_report(a->pos[0], a->output);
}

int main(int argc, char **argv) {
  if (argc < 2) return cli_usage(NULL), EXIT_USAGE;
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) return cli_help(stdout), 0;
  if (!strcmp(cmd, "--version")) {
    printf("sqlite-news %s (SQLite %s)\n", NEWS_VERSION, sqlite3_libversion());
    return 0;
  }
  int (*run)(const cli_args *) = !strcmp(cmd, "ingest")    ? cmd_ingest
                                 : !strcmp(cmd, "analyze") ? cmd_analyze
                                 : !strcmp(cmd, "merge")   ? cmd_merge
                                 : !strcmp(cmd, "report")  ? cmd_report
                                                           : NULL;
  if (!run) {
    fprintf(stderr, "sqlite-news: unknown command %s\n", cmd);
    return cli_usage(NULL), EXIT_USAGE;
  }
  for (int i = 2; i < argc; i++)
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return cli_help(stdout), 0;
  cli_args a;
  if (parse_args(argc, argv, &a)) {
    free(a.pos);
    return cli_usage(cmd), EXIT_USAGE;
  }
  /* Every connection gets the extension: this also sets the sqlite3_api the
  ** linked-in engine calls through. */
  sqlite3_auto_extension((void (*)(void))sqlite3_news_init);
  catch_interrupts();
  int status = run(&a);
  free(a.pos);
  return status;
}
