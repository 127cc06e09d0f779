/* `make bench`: speed, memory and linearity of the extension on one core.
**
**   bench all EXT DATA OUT     measure everything, print a table, write OUT/../bench.json
**   bench scan EXT DIR         (child) read every column of news_articles(DIR)
**   bench pipeline EXT DIR DB  (child) folder -> articles, entities, quotes, dates tables
**   bench mem EXT DATA FN KIND MB  (child) peak RSS of one call of FN on MB of KIND text
**
** DATA is ../shared/bench (PolNeAR train texts for the extractors, the html-dev
** pages for the HTML reader); OUT is a scratch folder under build/. Speeds are
** bytes of UTF-8 input per second of CPU time of this process (user + system),
** so that other load on a shared machine does not count against us; the median
** of several runs is kept. Memory is the peak RSS of a fresh child process. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "news.h"

#define MB (1024.0 * 1024.0)

static void die(const char *what, const char *detail) {
  fprintf(stderr, "bench: %s: %s\n", what, detail ? detail : strerror(errno));
  exit(2);
}

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* BENCH_ONLY=tokenize,dates,... runs only those parts (for profiling):
** tokenize sentences entities quotes dates articles pipeline memory linear
** textmem.
** bench.json is written only by a full run. */
static int want(const char *part) {
  const char *only = getenv("BENCH_ONLY");
  if (!only || !*only) return 1;
  size_t n = strlen(part);
  for (const char *p = only; (p = strstr(p, part)); p += n)
    if ((p == only || p[-1] == ',') && (p[n] == 0 || p[n] == ',')) return 1;
  return 0;
}

/* Words as a reader counts them: runs of bytes other than ASCII white space. */
static size_t count_words(const char *s, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

/* ---- files -------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  nw_buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (nw_buf_append(&b, chunk, n)) die("out of memory", path);
  fclose(f);
  if (nw_buf_append(&b, "", 0)) die("out of memory", path);
  *len = b.len;
  return b.data;
}

static void spit(const char *path, const char *s, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(s, 1, n, f) != n || fclose(f)) die("cannot write", path);
}

static void mkdir_p(const char *path) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s", path);
  for (char *p = tmp + 1; *p; p++)
    if (*p == '/') {
      *p = 0;
      mkdir(tmp, 0755);
      *p = '/';
    }
  if (mkdir(tmp, 0755) && errno != EEXIST) die("mkdir", path);
}

static void rm_rf(const char *path) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
  if (system(cmd) != 0) die("rm -rf", path);
}

/* A document set: texts with a name and a reference date each. */
typedef struct doc {
  char *text, *name, *date;
  size_t len;
} doc;
typedef struct docset {
  doc *v;
  size_t n, cap, bytes, words;
} docset;

static void docset_add(docset *d, char *text, size_t len, const char *name, const char *date) {
  if (nw_grow((void **)&d->v, &d->cap, d->n + 1, sizeof *d->v)) die("out of memory", name);
  d->v[d->n++] = (doc){text, strdup(name), strdup(date ? date : "2016-01-01"), len};
  d->bytes += len;
  d->words += count_words(text, len);
}

static void docset_free(docset *d) {
  for (size_t i = 0; i < d->n; i++) {
    free(d->v[i].text);
    free(d->v[i].name);
    free(d->v[i].date);
  }
  free(d->v);
  memset(d, 0, sizeof *d);
}

/* JSON Lines through SQLite's own JSON functions: id, text, published. */
static void load_jsonl(docset *d, const char *path) {
  size_t len;
  char *all = slurp(path, &len);
  if (!all) die("cannot read", path);
  sqlite3 *db;
  sqlite3_open(":memory:", &db);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db,
                         "SELECT json_extract(?1, '$.id'), json_extract(?1, '$.text'), "
                         "coalesce(json_extract(?1, '$.published'), json_extract(?1, '$.dct'))",
                         -1, &st, NULL))
    die("sqlite", sqlite3_errmsg(db));
  for (char *line = all, *end; *line; line = end + (*end != 0)) {
    end = strchr(line, '\n');
    if (!end) end = line + strlen(line);
    if (end == line) continue;
    sqlite3_bind_text(st, 1, line, (int)(end - line), SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 1) == SQLITE_TEXT) {
      size_t n = (size_t)sqlite3_column_bytes(st, 1);
      char *text = malloc(n + 1);
      memcpy(text, sqlite3_column_text(st, 1), n + 1);
      const char *id = (const char *)sqlite3_column_text(st, 0);
      docset_add(d, text, n, id ? id : "doc", (const char *)sqlite3_column_text(st, 2));
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  free(all);
}

static int by_name(const void *a, const void *b) { return strcmp(((const doc *)a)->name, ((const doc *)b)->name); }

static void load_dir(docset *d, const char *dir, const char *suffix) {
  DIR *dp = opendir(dir);
  if (!dp) die("cannot open", dir);
  struct dirent *e;
  size_t first = d->n;
  while ((e = readdir(dp))) {
    size_t nl = strlen(e->d_name), sl = strlen(suffix);
    if (nl <= sl || strcmp(e->d_name + nl - sl, suffix)) continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t len;
    char *text = slurp(path, &len);
    if (text) docset_add(d, text, len, e->d_name, NULL);
  }
  closedir(dp);
  qsort(d->v + first, d->n - first, sizeof *d->v, by_name);
}

/* Write the set into dir (copy c of c0..c<copies-1> under dir/cN/); the
** first copy is written, the others hard-linked to it (same bytes to read,
** no extra disk). Returns bytes written or linked. */
static size_t write_copies(const docset *d, const char *dir, int copies, const char *ext) {
  size_t total = 0;
  for (int c = 0; c < copies; c++) {
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/c%03d", dir, c);
    mkdir_p(sub);
    for (size_t i = 0; i < d->n; i++) {
      char path[4600], first[4600];
      snprintf(path, sizeof path, "%s/%s%s", sub, d->v[i].name, ext);
      snprintf(first, sizeof first, "%s/c000/%s%s", dir, d->v[i].name, ext);
      if (c == 0 || link(first, path)) spit(path, d->v[i].text, d->v[i].len);
      total += d->v[i].len;
    }
  }
  return total;
}

/* ---- the extension ------------------------------------------------------ */

static sqlite3 *open_db(const char *ext, const char *file) {
  sqlite3 *db;
  if (sqlite3_open(file, &db) != SQLITE_OK) die("sqlite open", file);
  sqlite3_enable_load_extension(db, 1);
  char *err = NULL;
  if (sqlite3_load_extension(db, ext, NULL, &err) != SQLITE_OK) die("cannot load extension", err);
  return db;
}

static int has_module(sqlite3 *db, const char *name) {
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db,
                     "SELECT 1 FROM pragma_module_list WHERE name = ?1 "
                     "UNION ALL SELECT 1 FROM pragma_function_list WHERE name = ?1",
                     -1, &st, NULL);
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  int yes = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return yes;
}

/* Step a statement to the end reading every column as a user would. */
static long drain(sqlite3 *db, sqlite3_stmt *st) {
  long rows = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(st); c++)
      if (sqlite3_column_type(st, c) == SQLITE_TEXT) (void)sqlite3_column_bytes(st, c);
    rows++;
  }
  if (rc != SQLITE_DONE) die("sqlite step", sqlite3_errmsg(db));
  sqlite3_reset(st);
  return rows;
}

static void exec_sql(sqlite3 *db, const char *sql) {
  char *err = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) die(sql, err);
}

/* ---- measurements ------------------------------------------------------- */

typedef struct result {
  const char *name;
  int missing;
  double mb_s, words_s, wall_mb_s, mb;
  int runs;
  int rows, errors; /* readers: rows scanned and rows with error set */
  char note[160];
} result;

/* One run of a measured workload over its whole input; returns CPU seconds. */
typedef double (*run_fn)(void *arg);

/* Runs until the median of `want` runs is known; a run that is short is
** repeated within itself (reps) so that each timed run lasts >= 0.3 s. */
static void measure(result *r, run_fn fn, void *arg, size_t bytes, size_t words) {
  double w0 = wall_now();
  double first = fn(arg); /* warm-up: caches, lazily built tables */
  int reps = first >= 0.3 ? 1 : (int)(0.3 / (first > 1e-4 ? first : 1e-4)) + 1;
  int want = first > 5 ? 3 : 5;
  double t[5], wall = 0;
  for (int i = 0; i < want; i++) {
    double ws = wall_now(), sum = 0;
    for (int k = 0; k < reps; k++) sum += fn(arg);
    wall += wall_now() - ws;
    t[i] = sum / reps;
  }
  (void)w0;
  double med = median(t, want);
  r->mb = (double)bytes / MB;
  r->mb_s = (double)bytes / MB / med;
  r->words_s = (double)words / med;
  r->wall_mb_s = (double)bytes / MB / (wall / (want * reps));
  r->runs = want;
}

static double run_tokenize(void *arg) {
  const docset *d = arg;
  static nw_doc nd;
  double t = cpu_now();
  for (size_t i = 0; i < d->n; i++)
    if (nw_tokenize(&nd, d->v[i].text, d->v[i].len)) die("nw_tokenize", "failed");
  t = cpu_now() - t;
  return t;
}

typedef struct sql_job {
  sqlite3 *db;
  sqlite3_stmt *st;
} sql_job;

static double run_sql(void *arg) {
  sql_job *j = arg;
  double t = cpu_now();
  drain(j->db, j->st);
  return cpu_now() - t;
}

/* The extractors over every document of the docs table. */
static void bench_sql(result *r, sqlite3 *db, const char *fn, const char *sql, size_t bytes, size_t words) {
  r->name = fn;
  if (!want(fn + strlen("news_"))) {
    snprintf(r->note, sizeof r->note, "skipped");
    return;
  }
  if (!has_module(db, fn)) {
    r->missing = 1;
    return;
  }
  sql_job j = {db, NULL};
  if (sqlite3_prepare_v2(db, sql, -1, &j.st, NULL)) die(sql, sqlite3_errmsg(db));
  measure(r, run_sql, &j, bytes, words);
  sqlite3_finalize(j.st);
}

/* A child process: `self args...`, killed after timeout seconds. Returns
** its stdout (first line) in out, CPU seconds and peak RSS in MB. */
static int run_child(char *const argv[], int timeout, char *out, size_t outsz, double *cpu, double *rss_mb) {
  int fd[2];
  if (pipe(fd)) die("pipe", NULL);
  pid_t pid = fork();
  if (pid < 0) die("fork", NULL);
  if (pid == 0) {
    dup2(fd[1], 1);
    close(fd[0]);
    close(fd[1]);
    alarm((unsigned)timeout); /* survives exec: a hang ends as SIGALRM */
    execv("/proc/self/exe", argv);
    _exit(127);
  }
  close(fd[1]);
  size_t n = 0;
  ssize_t k;
  while (n + 1 < outsz && (k = read(fd[0], out + n, outsz - 1 - n)) > 0) n += (size_t)k;
  out[n] = 0;
  close(fd[0]);
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) < 0) die("wait4", NULL);
  *cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  /* Not ru_maxrss: Linux carries the forked copy of this (large) process's
  ** peak over exec into it. The child reports its own VmHWM instead. */
  const char *hwm = strstr(out, "VmHWM:");
  *rss_mb = hwm ? strtod(hwm + 6, NULL) / 1024.0 : -1;
  if (WIFSIGNALED(status)) return WTERMSIG(status) == SIGALRM ? -2 : -1;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* ---- linearity ---------------------------------------------------------- */

typedef struct lin_job {
  const char *ext, *fn, *sql; /* sql NULL: nw_tokenize */
  const char *text;
  size_t len1, len16;
} lin_job;

static double time_text(sqlite3 *db, sqlite3_stmt *st, const char *text, size_t len) {
  double t = cpu_now();
  if (!st) {
    nw_doc nd = {0};
    if (nw_tokenize(&nd, text, len)) die("nw_tokenize", "failed");
    nw_doc_free(&nd);
  } else {
    sqlite3_bind_text(st, 1, text, (int)len, SQLITE_STATIC);
    drain(db, st);
  }
  return cpu_now() - t;
}

/* Time at 16x over time at 1x, in a forked child so that a quadratic
** function ends in a timeout instead of a stuck benchmark. */
static double linear_ratio(const lin_job *j, char *note, size_t notesz) {
  int fd[2];
  if (pipe(fd)) die("pipe", NULL);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    alarm(120);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    if (j->sql) {
      db = open_db(j->ext, ":memory:");
      if (sqlite3_prepare_v2(db, j->sql, -1, &st, NULL)) die(j->sql, sqlite3_errmsg(db));
    }
    /* Rounds of (1x, 16x), each timed over repeats of >= 0.25 s and 0.5 s, so
    ** that both sizes see the same load; the median round ratio is kept (the
    ** 1x run takes milliseconds: a shared machine's noise needs many rounds). */
    enum { MAX_ROUNDS = 9 };
    double t1[MAX_ROUNDS], t16[MAX_ROUNDS], ratio[MAX_ROUNDS];
    time_text(db, st, j->text, j->len1);
    int rounds = 0;
    for (double spent = 0; rounds < MAX_ROUNDS && (rounds < 3 || spent < 30); rounds++) {
      int reps = 0;
      double sum = 0;
      while (sum < 0.25) sum += time_text(db, st, j->text, j->len1), reps++;
      t1[rounds] = sum / reps;
      if (rounds == 0 && write(fd[1], &t1[0], sizeof t1[0]) != sizeof t1[0]) _exit(1);
      double sum16 = 0;
      reps = 0;
      while (sum16 < 0.5) sum16 += time_text(db, st, j->text, j->len16), reps++;
      t16[rounds] = sum16 / reps;
      ratio[rounds] = t16[rounds] / t1[rounds];
      spent += sum + sum16;
    }
    double r[3] = {median(t1, rounds), median(t16, rounds), median(ratio, rounds)};
    if (write(fd[1], r, sizeof r) != sizeof r) _exit(1);
    _exit(0);
  }
  close(fd[1]);
  double r[4] = {0, 0, 0, 0}; /* first 1x time, then 1x, 16x, ratio */
  ssize_t got = 0, k;
  while (got < (ssize_t)sizeof r && (k = read(fd[0], (char *)r + got, sizeof r - (size_t)got)) > 0) got += k;
  close(fd[0]);
  int status;
  waitpid(pid, &status, 0);
  if (got == sizeof r) {
    snprintf(note, notesz, "1x %.4f s, 16x %.4f s", r[1], r[2]);
    return r[3];
  }
  if (got >= (ssize_t)sizeof r[0] && r[0] > 0) {
    snprintf(note, notesz, "16x did not finish within 120 s");
    return 120 / r[0];
  }
  snprintf(note, notesz, "failed");
  return -1;
}

/* ---- children ----------------------------------------------------------- */

/* The peak resident memory of this process, "VmHWM: N kB", for the parent. */
static void print_peak_rss(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, "VmHWM:", 6)) fputs(line, stdout);
  if (f) fclose(f);
}

static int child_scan(const char *ext, const char *dir) {
  sqlite3 *db = open_db(ext, ":memory:");
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "SELECT * FROM news_articles(?1)", -1, &st, NULL)) die("scan", sqlite3_errmsg(db));
  sqlite3_bind_text(st, 1, dir, -1, SQLITE_STATIC);
  long rows = drain(db, st);
  sqlite3_finalize(st);
  sqlite3_close(db);
  printf("%ld rows\n", rows);
  print_peak_rss();
  return 0;
}

static const char *const pipeline_steps[][2] = {
  {"news_entities", "CREATE TABLE entities AS SELECT a.rowid AS article, e.* FROM articles a, news_entities(a.body) e"},
  {"news_quotes", "CREATE TABLE quotes AS SELECT a.rowid AS article, q.* FROM articles a, news_quotes(a.body) q"},
  {"news_dates", "CREATE TABLE dates AS SELECT a.rowid AS article, d.* FROM articles a, news_dates(a.body, a.published) d"},
};

static int child_pipeline(const char *ext, const char *dir, const char *dbfile) {
  unlink(dbfile);
  sqlite3 *db = open_db(ext, dbfile);
  exec_sql(db, "BEGIN");
  char *sql = sqlite3_mprintf("CREATE TABLE articles AS SELECT * FROM news_articles(%Q)", dir);
  exec_sql(db, sql);
  sqlite3_free(sql);
  for (size_t i = 0; i < sizeof pipeline_steps / sizeof pipeline_steps[0]; i++)
    if (has_module(db, pipeline_steps[i][0])) exec_sql(db, pipeline_steps[i][1]);
  exec_sql(db, "COMMIT");
  sqlite3_close(db);
  unlink(dbfile);
  printf("ok\n");
  print_peak_rss();
  return 0;
}

static char self_path[4096];

/* ---- memory per input byte --------------------------------------------- */

/* Peak memory of each text function against its input (the bar: at most
** 4x the input + 64 MB), in a fresh child per call: the text is made, bound
** (SQLITE_STATIC: SQLite copies nothing), then the peak is reset
** (/proc/self/clear_refs, Linux 4.0+) and the call runs to its last row.
** Kinds of text: news prose (the train texts over and over), quotation marks
** (straight and curly, most with a word between), one sentence that never
** ends (lowercase words and commas), and a date expression repeated. */
static const char *const mem_kinds[] = {"prose", "marks", "sentence", "dates"};
static const struct {
  const char *fn, *sql;
} mem_fns[] = {
  {"news_sentences", "SELECT count(*), sum(length) FROM news_sentences(?1)"},
  {"news_entities", "SELECT count(*), sum(length) FROM news_entities(?1)"},
  {"news_quotes", "SELECT count(*), sum(length) FROM news_quotes(?1)"},
  {"news_dates", "SELECT count(*), sum(length) FROM news_dates(?1, '2024-05-02')"},
  {"news_date", "SELECT 1, length(news_date(?1))"},
  {"news_clean", "SELECT 1, length(news_clean(?1))"},
  {"news_fold", "SELECT 1, length(news_fold(?1))"},
};

static long proc_status_kb(const char *field) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = -1;
  size_t n = strlen(field);
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, field, n)) kb = strtol(line + n, NULL, 10);
  if (f) fclose(f);
  return kb;
}

/* mb MB of text of the kind (NUL-terminated, cut at a character boundary). */
static char *make_text(const char *kind, const char *data, size_t bytes) {
  nw_buf b = {0};
  docset train = {0};
  if (!strcmp(kind, "prose")) {
    char path[4096];
    snprintf(path, sizeof path, "%s/quotes/polnear-train.jsonl", data);
    load_jsonl(&train, path);
    if (!train.n) die("no texts in", path);
  }
  static const char *const marks[] = {"\"", "\"a\" ", "\xE2\x80\x9C", "b\xE2\x80\x9D ", "'c' ", "\"\" ", "\xC2\xAB" "d" "\xC2\xBB "};
  static const char *const words[] = {"the ", "council, ", "said ", "and ", "officials ", "would ", "not ", "stop, "};
  static const char *const dates[] = {"on March 5, 2024 ", "last Friday ", "two years ago ", "in the spring of 1999 "};
  for (size_t i = 0; b.len < bytes; i++) {
    const char *s;
    size_t n;
    if (train.n) {
      const doc *d = &train.v[i % train.n];
      if (nw_buf_append(&b, d->text, d->len) || nw_buf_append(&b, "\n\n", 2)) die("out of memory", kind);
      continue;
    }
    if (!strcmp(kind, "marks")) s = marks[i % 7];
    else if (!strcmp(kind, "sentence")) s = words[i % 8];
    else if (!strcmp(kind, "dates")) s = dates[i % 4];
    else die("unknown kind of text", kind);
    n = strlen(s);
    if (nw_buf_append(&b, s, n)) die("out of memory", kind);
  }
  size_t len = bytes;
  while (len > 0 && ((unsigned char)b.data[len] & 0xC0) == 0x80) len--;
  b.data[len] = 0;
  docset_free(&train);
  return b.data;
}

/* Child: one call; prints "PEAK_KB ROWS". */
static int child_mem(const char *ext, const char *data, const char *fn, const char *kind, const char *mb) {
  size_t bytes = (size_t)(atof(mb) * MB);
  const char *sql = NULL;
  for (size_t i = 0; i < sizeof mem_fns / sizeof mem_fns[0]; i++)
    if (!strcmp(mem_fns[i].fn, fn)) sql = mem_fns[i].sql;
  if (!sql) die("unknown function", fn);
  char *text = make_text(kind, data, bytes);
  sqlite3 *db = open_db(ext, ":memory:");
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 0x7fffffff);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL)) die(sql, sqlite3_errmsg(db));
  sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
  long base = proc_status_kb("VmRSS:");
  FILE *f = fopen("/proc/self/clear_refs", "w");
  if (!f || fputs("5", f) < 0 || fclose(f)) die("cannot reset the peak RSS", "/proc/self/clear_refs");
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) die(fn, sqlite3_errmsg(db));
  long long rows = sqlite3_column_int64(st, 0);
  long peak = proc_status_kb("VmHWM:");
  sqlite3_finalize(st);
  printf("%ld %lld\n", peak - base, rows);
  sqlite3_close(db);
  free(text);
  return 0;
}

enum { NMEMFN = sizeof mem_fns / sizeof mem_fns[0] };
typedef struct mem_result {
  double worst;          /* worst peak / input at 100 MB or more */
  char worst_fn[96];     /* "news_quotes (marks)" */
  int over;              /* calls over 4x input + 64 MB */
  char lines[8192];      /* the table */
  char json[16384];      /* the calls, as JSON objects */
  /* per function: the worst peak / input at its largest input, and on which text */
  double fn_mb[NMEMFN], fn_worst[NMEMFN];
  const char *fn_kind[NMEMFN];
} mem_result;

/* Every function on every kind at each size; BENCH_MEM_MB="1,16,200". */
static void measure_memory(const char *ext, const char *data, sqlite3 *db, mem_result *m) {
  const char *sizes = getenv("BENCH_MEM_MB");
  if (!sizes || !*sizes) sizes = "1,16,200";
  memset(m, 0, sizeof *m);
  for (size_t i = 0; i < sizeof mem_fns / sizeof mem_fns[0]; i++) {
    if (strstr(mem_fns[i].sql, "FROM news_") && !has_module(db, mem_fns[i].fn)) continue; /* scalars are always there */
    for (size_t k = 0; k < sizeof mem_kinds / sizeof mem_kinds[0]; k++) {
      /* the date kind is for news_date and news_dates; the rest see it as prose does */
      if (!strcmp(mem_kinds[k], "dates") && strcmp(mem_fns[i].fn, "news_date") && strcmp(mem_fns[i].fn, "news_dates"))
        continue;
      for (const char *p = sizes; *p;) {
        char mb[16];
        size_t n = strcspn(p, ",");
        snprintf(mb, sizeof mb, "%.*s", (int)(n < 15 ? n : 15), p);
        p += n + (p[n] == ',');
        char out[256];
        double cpu, rss_unused;
        char *argv[] = {self_path, "mem", (char *)ext, (char *)data, (char *)mem_fns[i].fn, (char *)mem_kinds[k], mb, NULL};
        int rc = run_child(argv, 900, out, sizeof out, &cpu, &rss_unused);
        double in_mb = atof(mb), peak_mb = rc == 0 ? strtod(out, NULL) / 1024.0 : -1;
        double per_byte = peak_mb / in_mb;
        int ok = rc == 0 && peak_mb <= 4 * in_mb + 64;
        if (!ok) m->over++;
        if (rc == 0 && (in_mb > m->fn_mb[i] || (in_mb == m->fn_mb[i] && per_byte > m->fn_worst[i]))) {
          m->fn_mb[i] = in_mb;
          m->fn_worst[i] = per_byte;
          m->fn_kind[i] = mem_kinds[k];
        }
        if (rc == 0 && in_mb >= 100 && per_byte > m->worst) {
          m->worst = per_byte;
          snprintf(m->worst_fn, sizeof m->worst_fn, "%s (%s)", mem_fns[i].fn, mem_kinds[k]);
        }
        size_t l = strlen(m->lines);
        snprintf(m->lines + l, sizeof m->lines - l, "  %-15s %-9s %6s MB  peak %8.1f MB  %6.2f x  %5.1f s CPU  %s\n",
                 mem_fns[i].fn, mem_kinds[k], mb, peak_mb, per_byte, cpu,
                 rc == -2 ? "TIMEOUT" : rc ? "FAILED" : ok ? "ok" : "OVER");
        l = strlen(m->json);
        snprintf(m->json + l, sizeof m->json - l,
                 "%s\n    {\"function\": \"%s\", \"text\": \"%s\", \"input_mb\": %s, \"peak_mb\": %.1f, "
                 "\"per_input_byte\": %.3f, \"cpu_s\": %.1f, \"ok\": %s}",
                 m->json[0] ? "," : "", mem_fns[i].fn, mem_kinds[k], mb, peak_mb, per_byte, cpu, ok ? "true" : "false");
      }
    }
  }
}

/* The mem_per_input_byte row of bench.json (without its key). */
static void mem_json(FILE *f, const mem_result *m) {
  fprintf(f, "{\"worst\": %.3f, \"worst_function\": \"%s\", \"over_bar\": %d, \"bar\": \"peak <= 4 x input + 64 MB\", "
          "\"per_function\": {", m->worst, m->worst_fn, m->over);
  int first = 1;
  for (int i = 0; i < NMEMFN; i++) {
    if (!m->fn_kind[i]) continue;
    fprintf(f, "%s\n    \"%s\": {\"per_input_byte\": %.3f, \"text\": \"%s\", \"input_mb\": %g}", first ? "" : ",",
            mem_fns[i].fn, m->fn_worst[i], m->fn_kind[i], m->fn_mb[i]);
    first = 0;
  }
  fprintf(f, "\n  }, \"calls\": [%s\n  ]}", m->json);
}

/* ---- report ------------------------------------------------------------- */

typedef struct target {
  const char *name;
  double min_mb_s;
} target;

static void print_row(const result *r, double target_mb_s) {
  if (r->missing) {
    printf("%-15s %10s\n", r->name, "missing");
    return;
  }
  if (r->runs == 0) {
    printf("%-15s %10s\n", r->name, "skipped");
    return;
  }
  if (target_mb_s <= 0) { /* informational: no target of its own */
    printf("%-15s %10.1f %12.0f %8s  %-4s %s\n", r->name, r->mb_s, r->words_s, "-", "", r->note);
    return;
  }
  printf("%-15s %10.1f %12.0f %8.0f  %-4s %s\n", r->name, r->mb_s, r->words_s, target_mb_s,
         r->errors && r->errors == r->rows ? "ERR" : r->mb_s >= target_mb_s ? "ok" : "LOW", r->note);
}

/* One entry of bench.json; extra is appended inside the object. */
static void json_result(FILE *f, const result *r, const char *extra) {
  if (r->missing) {
    fprintf(f, "  \"%s\": \"missing\",\n", r->name);
    return;
  }
  fprintf(f,
          "  \"%s\": {\"mb_per_s\": %.2f, \"words_per_s\": %.0f, \"wall_mb_per_s\": %.2f, \"input_mb\": %.2f, "
          "\"runs\": %d",
          r->name, r->mb_s, r->words_s, r->wall_mb_s, r->mb, r->runs);
  if (r->rows) fprintf(f, ", \"rows\": %d, \"errors\": %d", r->rows, r->errors);
  if (r->note[0]) fprintf(f, ", \"note\": \"%s\"", r->note);
  fprintf(f, "%s},\n", extra);
}


/* Peak RSS of a child scanning or running the pipeline over dir. */
static void child_measure(result *r, const char *mode, const char *ext, const char *dir, const char *db, size_t bytes,
                          size_t words, double *rss) {
  char out[256];
  double cpu;
  char *argv[] = {self_path, (char *)mode, (char *)ext, (char *)dir, (char *)db, NULL};
  int rc = run_child(argv, 600, out, sizeof out, &cpu, rss);
  r->mb = (double)bytes / MB;
  r->mb_s = rc == 0 && cpu > 0 ? (double)bytes / MB / cpu : 0;
  r->words_s = rc == 0 && cpu > 0 ? (double)words / cpu : 0;
  r->wall_mb_s = r->mb_s;
  r->runs = 1;
  if (rc) snprintf(r->note, sizeof r->note, "%s", rc == -2 ? "timeout" : "failed");
}

static int bench_all(const char *ext, const char *data, const char *out) {
  char path[4096], outdir[4096];
  snprintf(outdir, sizeof outdir, "%s", out);
  mkdir_p(outdir);
  docset train = {0}, html = {0};
  snprintf(path, sizeof path, "%s/quotes/polnear-train.jsonl", data);
  load_jsonl(&train, path);
  snprintf(path, sizeof path, "%s/articles/html-dev", data);
  load_dir(&html, path, ".html");
  if (!train.n || !html.n) die("no bench data under", data);
  printf("input: %zu PolNeAR train texts (%.1f MB, %zu words), %zu html-dev pages (%.1f MB)\n", train.n,
         train.bytes / MB, train.words, html.n, html.bytes / MB);

  sqlite3 *db = open_db(ext, ":memory:");
  exec_sql(db, "CREATE TABLE docs(text TEXT, published TEXT)");
  sqlite3_stmt *ins;
  sqlite3_prepare_v2(db, "INSERT INTO docs VALUES(?1, ?2)", -1, &ins, NULL);
  for (size_t i = 0; i < train.n; i++) {
    sqlite3_bind_text(ins, 1, train.v[i].text, (int)train.v[i].len, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, train.v[i].date, -1, SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);

  enum { TOK, SENT, ENT, QUO, DAT, ART_T, ART_H, PIPE, NRES };
  result res[NRES] = {{0}};
  /* the targets; news_sentences is the tokenizer through SQL, shown for comparison */
  static const double targets[NRES] = {100, 0, 5, 10, 20, 50, 10, 3};

  res[TOK].name = "tokenize";
  if (want("tokenize")) measure(&res[TOK], run_tokenize, &train, train.bytes, train.words);
  bench_sql(&res[SENT], db, "news_sentences", "SELECT s.* FROM docs, news_sentences(docs.text) s", train.bytes, train.words);
  res[SENT].name = "sentences_sql";
  bench_sql(&res[ENT], db, "news_entities", "SELECT e.* FROM docs, news_entities(docs.text) e", train.bytes, train.words);
  res[ENT].name = "entities";
  bench_sql(&res[QUO], db, "news_quotes", "SELECT q.* FROM docs, news_quotes(docs.text) q", train.bytes, train.words);
  res[QUO].name = "quotes";
  bench_sql(&res[DAT], db, "news_dates", "SELECT d.* FROM docs, news_dates(docs.text, docs.published) d", train.bytes,
            train.words);
  res[DAT].name = "dates";

  /* Readers: the train texts written as .txt files (10 copies), the pages as they are. */
  char txtdir[4096], onedir[4096], htmldir[4096];
  snprintf(txtdir, sizeof txtdir, "%s/articles_text", outdir);
  snprintf(onedir, sizeof onedir, "%s/articles_text/c000", outdir);
  snprintf(htmldir, sizeof htmldir, "%s/articles/html-dev", data);
  int have_articles = has_module(db, "news_articles") && want("articles");
  char *scan_sql = "SELECT * FROM news_articles(?1)";
  size_t txt_bytes = 0;
  if (have_articles) {
    rm_rf(txtdir);
    txt_bytes = write_copies(&train, txtdir, 10, ".txt");
  }
  const struct {
    int idx;
    const char *dir;
    size_t bytes, words;
  } readers[] = {{ART_T, txtdir, txt_bytes, train.words * 10}, {ART_H, htmldir, html.bytes, html.words}};
  for (size_t i = 0; i < 2; i++) {
    result *r = &res[readers[i].idx];
    r->name = i == 0 ? "articles_text" : "articles_html";
    if (!have_articles) {
      r->missing = 1;
      continue;
    }
    sql_job j = {db, NULL};
    sqlite3_prepare_v2(db, scan_sql, -1, &j.st, NULL);
    sqlite3_bind_text(j.st, 1, readers[i].dir, -1, SQLITE_STATIC);
    measure(r, run_sql, &j, readers[i].bytes, readers[i].words);
    sqlite3_finalize(j.st);
    /* what the scan gave: a reader that fails fast must not look fast */
    sqlite3_stmt *q;
    sqlite3_prepare_v2(db, "SELECT count(*), count(error), sum(length(body)) FROM news_articles(?1)", -1, &q, NULL);
    sqlite3_bind_text(q, 1, readers[i].dir, -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) {
      r->rows = sqlite3_column_int(q, 0);
      r->errors = sqlite3_column_int(q, 1);
      snprintf(r->note, sizeof r->note, "%d rows, %d errors, %.1f MB of body", sqlite3_column_int(q, 0),
               sqlite3_column_int(q, 1), sqlite3_column_double(q, 2) / MB);
    }
    sqlite3_finalize(q);
  }

  /* Pipeline: speed over the train texts once, memory over 100 MB of them. */
  result *pipe = &res[PIPE];
  pipe->name = "pipeline";
  double rss_pipe = 0, rss_gb = 0, rss_unused;
  result pipe100 = {.name = "pipeline_100mb"}, gb = {.name = "scan_1gb"};
  char dbfile[4096], p100[4096], gbdir[4096];
  snprintf(dbfile, sizeof dbfile, "%s/pipeline.db", outdir);
  snprintf(p100, sizeof p100, "%s/pipeline_100mb", outdir);
  snprintf(gbdir, sizeof gbdir, "%s/articles_1gb", outdir);
  if (!have_articles) pipe->missing = 1;
  else if (want("pipeline")) {
    double t[3];
    for (int i = 0; i < 3; i++) {
      result one = {0};
      child_measure(&one, "pipeline", ext, onedir, dbfile, train.bytes, train.words, &rss_unused);
      t[i] = one.mb_s;
      snprintf(pipe->note, sizeof pipe->note, "%s", one.note);
    }
    pipe->mb_s = median(t, 3);
    pipe->words_s = pipe->mb_s * MB * ((double)train.words / (double)train.bytes);
    pipe->wall_mb_s = pipe->mb_s;
    pipe->mb = train.bytes / MB;
    pipe->runs = 3;
    char missing[160] = "";
    for (size_t i = 0; i < sizeof pipeline_steps / sizeof pipeline_steps[0]; i++)
      if (!has_module(db, pipeline_steps[i][0]))
        snprintf(missing + strlen(missing), sizeof missing - strlen(missing), " %s", pipeline_steps[i][0]);
    if (missing[0]) snprintf(pipe->note, sizeof pipe->note, "without%s", missing);

  }
  if (have_articles && want("memory")) {
    rm_rf(p100);
    int copies = (int)(100 * MB / train.bytes) + 1;
    size_t b100 = write_copies(&train, p100, copies, ".txt");
    child_measure(&pipe100, "pipeline", ext, p100, dbfile, b100, train.words * (size_t)copies, &rss_pipe);
    rm_rf(p100);

    /* 1 GB: text copies and page copies, about 3 to 1 in bytes. */
    rm_rf(gbdir);
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/text", gbdir);
    size_t gbytes = write_copies(&train, sub, (int)(750 * MB / train.bytes) + 1, ".txt");
    snprintf(sub, sizeof sub, "%s/html", gbdir);
    gbytes += write_copies(&html, sub, (int)(274 * MB / html.bytes) + 1, "");
    child_measure(&gb, "scan", ext, gbdir, NULL, gbytes, 0, &rss_gb);
    rm_rf(gbdir);
  }
  rm_rf(txtdir);

  /* Linearity: one long text (PolNeAR texts joined) at 1x = 200 KB and 16x. */
  nw_buf longtext = {0};
  size_t len1 = 200 * 1024;
  for (size_t i = 0; i < train.n && longtext.len < len1 * 16 + 64; i++) {
    nw_buf_append(&longtext, train.v[i].text, train.v[i].len);
    nw_buf_append(&longtext, "\n\n", 2);
  }
  /* cut both sizes at a character boundary */
  while (len1 < longtext.len && ((unsigned char)longtext.data[len1] & 0xC0) == 0x80) len1++;
  if (longtext.len < len1 * 16 + 4) die("linear", "not enough text");
  size_t len16 = len1 * 16;
  while (((unsigned char)longtext.data[len16] & 0xC0) == 0x80) len16++;
  const lin_job lin[] = {
    {ext, "tokenize", NULL, longtext.data, len1, len16},
    {ext, "news_sentences", "SELECT * FROM news_sentences(?1)", longtext.data, len1, len16},
    {ext, "news_entities", "SELECT * FROM news_entities(?1)", longtext.data, len1, len16},
    {ext, "news_quotes", "SELECT * FROM news_quotes(?1)", longtext.data, len1, len16},
    {ext, "news_dates", "SELECT * FROM news_dates(?1, '2016-06-01')", longtext.data, len1, len16},
    {ext, "news_clean", "SELECT news_clean(?1)", longtext.data, len1, len16},
  };
  double worst = 0;
  char lin_lines[4096] = "";
  for (size_t i = 0; i < sizeof lin / sizeof lin[0]; i++) {
    if ((lin[i].sql && !has_module(db, lin[i].fn)) || !want("linear")) continue;
    char note[128];
    double ratio = linear_ratio(&lin[i], note, sizeof note);
    if (ratio > worst) worst = ratio;
    snprintf(lin_lines + strlen(lin_lines), sizeof lin_lines - strlen(lin_lines), "  %-15s %6.1f  (%s)\n", lin[i].fn,
             ratio, note);
  }
  nw_buf_free(&longtext);

  /* Peak memory of each text function against its input. */
  static mem_result mem;
  int have_mem = want("textmem");
  if (have_mem) measure_memory(ext, data, db, &mem);

  printf("\n%-15s %10s %12s %8s\n", "benchmark", "MB/s", "words/s", "target");
  for (int i = 0; i < NRES; i++) print_row(&res[i], targets[i]);
  if (!have_articles) printf("%-15s %10s\n", "rss_articles_1gb_mb", "missing");
  else {
    printf("%-22s %6.1f MB  (target <= 64; %.0f MB scanned at %.1f MB/s%s%s)\n", "rss_articles_1gb_mb", rss_gb, gb.mb,
           gb.mb_s, gb.note[0] ? ", " : "", gb.note);
    printf("%-22s %6.1f MB  (%.0f MB through the pipeline at %.1f MB/s%s%s)\n", "rss_pipeline_100mb_mb", rss_pipe,
           pipe100.mb, pipe100.mb_s, pipe100.note[0] ? ", " : "", pipe100.note);
  }
  printf("%-22s %6.1f     (target <= 20; worst of:)\n%s", "linear_16x", worst, lin_lines);
  if (have_mem)
    printf("%-22s %6.2f     (peak RSS / input at 200 MB, target <= 4; worst: %s; %d calls over 4x input + 64 MB)\n%s",
           "mem_per_input_byte", mem.worst, mem.worst_fn[0] ? mem.worst_fn : "-", mem.over, mem.lines);

  char jpath[4200];
  if (have_mem) { /* the memory row on its own too: `make bench-mem` adds it to bench.json */
    snprintf(jpath, sizeof jpath, "%s/../bench-textmem.json", outdir);
    FILE *f = fopen(jpath, "w");
    if (!f) die("cannot write", jpath);
    fprintf(f, "{\n  \"mem_per_input_byte\": ");
    mem_json(f, &mem);
    fprintf(f, "\n}\n");
    fclose(f);
  }
  if (getenv("BENCH_ONLY") && *getenv("BENCH_ONLY")) return 0;
  snprintf(jpath, sizeof jpath, "%s/../bench.json", outdir);
  FILE *f = fopen(jpath, "w");
  if (!f) die("cannot write", jpath);
  fprintf(f, "{\n");
  char extra[128] = "";
  if (!res[SENT].missing) snprintf(extra, sizeof extra, ", \"news_sentences_mb_per_s\": %.2f", res[SENT].mb_s);
  json_result(f, &res[TOK], extra);
  const int order[] = {ENT, QUO, DAT, ART_T, ART_H};
  for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) json_result(f, &res[order[i]], "");
  snprintf(extra, sizeof extra, ", \"rss_100mb_mb\": %.1f", rss_pipe);
  json_result(f, &res[PIPE], extra);
  if (have_articles) fprintf(f, "  \"rss_articles_1gb_mb\": %.1f,\n", rss_gb);
  else fprintf(f, "  \"rss_articles_1gb_mb\": \"missing\",\n");
  fprintf(f, "  \"mem_per_input_byte\": ");
  mem_json(f, &mem);
  fprintf(f, ",\n");
  fprintf(f, "  \"linear_16x\": %.2f\n}\n", worst);
  fclose(f);
  printf("\nwrote %s\n", jpath);
  sqlite3_close(db);
  docset_free(&train);
  docset_free(&html);
  return 0;
}

int main(int argc, char **argv) {
  ssize_t n = readlink("/proc/self/exe", self_path, sizeof self_path - 1);
  if (n > 0) self_path[n] = 0;
  if (argc == 5 && !strcmp(argv[1], "all")) return bench_all(argv[2], argv[3], argv[4]);
  if (argc == 4 && !strcmp(argv[1], "scan")) return child_scan(argv[2], argv[3]);
  if (argc == 5 && !strcmp(argv[1], "pipeline")) return child_pipeline(argv[2], argv[3], argv[4]);
  if (argc == 7 && !strcmp(argv[1], "mem")) return child_mem(argv[2], argv[3], argv[4], argv[5], argv[6]);
  fprintf(stderr, "usage: bench all EXT DATA OUT | scan EXT DIR | pipeline EXT DIR DB | mem EXT DATA FN KIND MB\n");
  return 2;
}
