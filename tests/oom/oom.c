/* The allocation-failure test: runs a fixed workload of every function the
** extension registers, and for every N refuses the Nth allocation of the
** process while it runs (oom_alloc.c replaces malloc), in a child process
** each time. Every call must then give its normal result or an error that
** says memory ran out (for news_articles, also a row whose error says so);
** never a crash, a hang, a leak or another answer. After the refusal the
** same workload runs again with nothing refused and must give the normal
** results exactly (a failure must not break a function for later calls).
**
**   oom EXT [--mode fresh|warm|all] [--after] [--stride K] [--jobs J] [--only N | --from N --to M]
**       [--every-point-of TEXT]...
**
** Modes: fresh = the refusal falls anywhere from loading the extension on
** (its first use, one-time setup included); warm = the extension has run the
** whole workload once before (caches, per-thread memory and models in place).
** --after refuses every allocation from the Nth on instead of the Nth alone.
** --stride K tries every Kth N only (a quick run); --every-point-of TEXT
** also tries every N inside the steps whose SQL holds TEXT (problems found
** there stay checked by a sampled run). OOM_BT=1 prints the call stack of
** each refused allocation. Prints one line per mode
** "oom MODE: P failure points, Q problems" and "oom: N passed, M failed". */
#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oom_alloc.h"

/* ---- the workload ------------------------------------------------------ */

/* An invented article: names, an organisation, places, quotations with
** speakers and pronouns, absolute and relative dates. */
static const char TEXT[] =
  "Harbor City, May 2 (Example Wire) - Mayor Lena Okafor said on Thursday that the new ferry line "
  "would open in June 2025. \"We have waited ten years for this,\" Okafor told reporters at City Hall.\n\n"
  "The Harbor Transit Authority, which runs the buses, said the first boats would leave Pier 9 "
  "every 20 minutes. \"It is a good start,\" said Tomas Reyes, a spokesman for the authority. He added "
  "that fares would stay at $2 until 2026.\n\n"
  "Critics called the plan \"a costly detour\". Last Friday, the council approved the budget, "
  "three days after a public hearing on April 23, 2024.";

static const char HTML[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Ferry line to open in June</title>"
  "<meta property=\"og:url\" content=\"https://news.example.com/2024/05/02/ferry\">"
  "<meta name=\"author\" content=\"Ana Lima\">"
  "<meta property=\"article:published_time\" content=\"2024-05-02T10:00:00Z\">"
  "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ferry line\","
  "\"datePublished\":\"2024-05-02\"}</script></head><body><nav>Home | World</nav><article>"
  "<h1>Ferry line to open in June</h1><p>Mayor Lena Okafor said on Thursday that the ferry would "
  "open in June.</p><p>\"We have waited ten years,\" she said.</p><figure><figcaption>Photo: "
  "Example</figcaption></figure></article><footer>Subscribe to our newsletter</footer></body></html>";

static const char JSONL[] =
  "{\"title\": \"Council approves budget\", \"date_publish\": \"2024-04-26\", \"url\": "
  "\"https://www.example.org/council\", \"maintext\": \"The council approved the budget on Friday. "
  "\\\"It passed,\\\" said Councillor Ada Brun.\"}\n"
  "{\"headline\": \"Second\", \"text\": \"Tomas Reyes spoke in Harbor City on May 1.\"}\n"
  "not json\n";

/* A step belongs to group 0 (independent) or to a group whose steps depend
** on the earlier ones: after one fails, the rest of its group is skipped. */
enum { MAY_ERROR_ROWS = 1 }; /* a row whose first column says "out of memory" may stand for the normal one */
typedef struct step {
  const char *sql; /* "%s" stands for the fixture folder; ?1 is bound to TEXT */
  int group;
  int flags;
} step;

static const step STEPS[] = {
  {"SELECT news_version()", 0, 0},
  {"SELECT news_debug()", 0, 0},
  {"SELECT news_fold(?1), news_fold('Zelénskyy ÉCOLE')", 0, 0},
  {"SELECT news_clean(?1)", 0, 0},
  {"SELECT * FROM news_sentences(?1)", 0, 0},
  {"SELECT * FROM news_entities(?1)", 0, 0},
  {"SELECT * FROM news_quotes(?1)", 0, 0},
  {"SELECT * FROM news_dates(?1, '2024-05-02')", 0, 0},
  {"SELECT * FROM news_dates(?1)", 0, 0},
  {"SELECT news_date('last Friday', '2024-05-02'), news_date('February 4, 2022'), news_date('in two weeks', "
   "'2024-05-02'), news_date(?1)",
   0, 0},
  {"SELECT news_date('Friday', 'not a date')", 0, 0},
  {"SELECT error, path, source, url, title, byline, published, format, body, bytes, length(raw) "
   "FROM news_articles('%s') ORDER BY path",
   0, MAY_ERROR_ROWS},
  {"SELECT error, path, title, published FROM news_articles('%s/*.txt')", 0, MAY_ERROR_ROWS},
  {"SELECT error, path, title FROM news_articles('%s') WHERE path = '%s/c.jsonl#2'", 0, MAY_ERROR_ROWS},
  {"SELECT * FROM news_articles('%s/missing')", 0, 0},
  {"CREATE VIRTUAL TABLE temp.arts USING news_articles('%s')", 1, 0},
  {"SELECT error, path, title, published FROM temp.arts ORDER BY path", 1, MAY_ERROR_ROWS},
  {"SELECT json_remove(news_ingest('%s'), '$.seconds')", 2, 0},
  {"SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions), (SELECT count(*) FROM quotes), "
   "(SELECT group_concat(path || ':' || coalesce(published, '') || ':' || coalesce(title, '') || ':' || "
   "coalesce(error, ''), '|') FROM (SELECT * FROM articles ORDER BY path)), "
   "(SELECT group_concat(key || ':' || type || ':' || mentions, '|') FROM (SELECT * FROM entities ORDER BY key)), "
   "(SELECT group_concat(coalesce(speaker_key, '') || ':' || quote, '|') FROM (SELECT * FROM quotes ORDER BY "
   "article_id, start)), (SELECT group_concat(key, '|') FROM (SELECT key FROM outlets ORDER BY key))",
   2, 0},
  {"INSERT INTO articles(path, body, published) VALUES ('mine/1', ?1, '2024-05-02')", 2, 0},
  {"SELECT json_remove(news_analyze(), '$.seconds')", 2, 0},
  {"SELECT (SELECT count(*) FROM mentions), (SELECT count(*) FROM quotes), "
   "(SELECT group_concat(key || ':' || mentions || ':' || articles, '|') FROM (SELECT * FROM entities ORDER BY "
   "key)), (SELECT group_concat(coalesce(speaker_key, '') || ':' || coalesce(cue, ''), '|') FROM (SELECT * FROM "
   "quotes ORDER BY article_id, start))",
   2, 0},
  /* Last, so that the sampled failure points of the steps above stay where they were. */
  {"SELECT news_url_domain('https://www.example.co.uk/news'), news_url_domain(?1)", 0, 0},
};
enum { NSTEPS = sizeof STEPS / sizeof STEPS[0], NRESULTS = NSTEPS + 1 /* the load first */ };

static const char *ext_path;
static int trace; /* OOM_TRACE set: where each step starts, in allocations */
static long step_start[NSTEPS + 1]; /* this run's: the allocation count before each step, and at the end */
static char fixture[256];
static char *sql_of[NSTEPS];

/* ---- results ----------------------------------------------------------- */

/* A result as text: rows of "|"-joined columns, "\n" after each; an error
** is "!CODE message"; a skipped step "-". */
typedef struct text {
  char *s;
  size_t n, cap;
} text;

/* The test's own allocations are never refused nor counted. */
static void add(text *t, const char *s, size_t n) {
  int was = oom_pause();
  if (t->n + n + 1 > t->cap) {
    while (t->n + n + 1 > t->cap) t->cap = t->cap ? 2 * t->cap : 256;
    t->s = realloc(t->s, t->cap);
    if (!t->s) abort();
  }
  memcpy(t->s + t->n, s, n);
  t->n += n;
  t->s[t->n] = 0;
  oom_resume(was);
}

static void addf(text *t, const char *fmt, ...) {
  char line[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  add(t, line, n < 0 ? 0 : (size_t)n >= sizeof line ? sizeof line - 1 : (size_t)n);
}

static void set_error(text *t, int rc, const char *msg) {
  t->n = 0;
  addf(t, "!%d %s", rc, msg ? msg : "");
}

/* Runs one statement into t (the test's own work, the rendering, unarmed). */
static void run_sql(sqlite3 *db, const char *sql, text *t) {
  sqlite3_stmt *st = NULL;
  t->n = 0;
  add(t, "", 0);
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK) {
    int was = oom_pause();
    set_error(t, rc, sqlite3_errmsg(db));
    oom_resume(was);
    sqlite3_finalize(st);
    return;
  }
  if (sqlite3_bind_parameter_count(st) >= 1) sqlite3_bind_text(st, 1, TEXT, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int was = oom_pause();
    for (int c = 0; c < sqlite3_column_count(st); c++) {
      if (c) add(t, "|", 1);
      const char *v = (const char *)sqlite3_column_text(st, c);
      if (v) add(t, v, strlen(v));
      else add(t, "NULL", 4);
    }
    add(t, "\n", 1);
    oom_resume(was);
  }
  if (rc != SQLITE_DONE) {
    int was = oom_pause();
    set_error(t, sqlite3_extended_errcode(db), sqlite3_errmsg(db));
    oom_resume(was);
  }
  sqlite3_finalize(st);
}

/* One run of the workload in a connection of its own (the corpus steps
** start from an empty database each time). res[0] is the load. */
static void run_workload(text res[NRESULTS]) {
  sqlite3 *db = NULL;
  int was = oom_pause();
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    fprintf(stderr, "oom: cannot open a database\n");
    exit(2);
  }
  sqlite3_enable_load_extension(db, 1);
  oom_resume(was);
  char *msg = NULL;
  res[0].n = 0;
  add(&res[0], "loaded", 6);
  int rc = sqlite3_load_extension(db, ext_path, NULL, &msg);
  if (rc != SQLITE_OK) {
    was = oom_pause();
    set_error(&res[0], rc, msg);
    oom_resume(was);
  }
  sqlite3_free(msg);
  int failed_group[8] = {0};
  for (int i = 0; i < NSTEPS; i++) {
    text *t = &res[i + 1];
    int g = STEPS[i].group;
    if (rc != SQLITE_OK || failed_group[g]) {
      t->n = 0;
      add(t, "-", 1);
      continue;
    }
    if (trace) fprintf(stderr, "oom: %.3f s, allocation %ld: %.60s\n", (double)clock() / CLOCKS_PER_SEC, oom_counted() + 1, sql_of[i]);
    step_start[i] = oom_counted();
    run_sql(db, sql_of[i], t);
    if (t->s[0] == '!' && g) failed_group[g] = 1;
  }
  step_start[NSTEPS] = oom_counted();
  was = oom_pause();
  sqlite3_close(db);
  oom_resume(was);
}

/* ---- checks ------------------------------------------------------------ */

/* SQLite's, the extension's, PCRE2's ("failed to allocate heap memory") and
** the C library's words for it. */
static int says_no_memory(const char *s) {
  return strstr(s, "out of memory") || strstr(s, "Cannot allocate memory") || strstr(s, "allocate heap memory");
}

/* 1 when got may stand for want after a refused allocation. */
static int acceptable(const char *got, const char *want, int flags) {
  if (!strcmp(got, want)) return 1;
  if (got[0] == '!') return atoi(got + 1) % 256 == SQLITE_NOMEM || says_no_memory(got);
  if (got[0] == '-') return 1; /* skipped: an earlier step of its group failed */
  if (!(flags & MAY_ERROR_ROWS)) return 0;
  /* Row by row: the same rows, each as normal or with an error saying why. */
  while (*got && *want) {
    size_t gl = strcspn(got, "\n"), wl = strcspn(want, "\n");
    int same = gl == wl && !memcmp(got, want, gl);
    if (!same) {
      char row[4096];
      snprintf(row, sizeof row, "%.*s", (int)gl, got);
      if (!says_no_memory(row) || !strncmp(row, "NULL|", 5)) return 0;
    }
    got += gl + (got[gl] == '\n');
    want += wl + (want[wl] == '\n');
  }
  return !*got && !*want;
}

static const char *step_name(int i) { return i == 0 ? "load" : sql_of[i - 1]; }

/* The line where got and want first differ, both ways. */
static void show_diff(const char *want, const char *got) {
  size_t i = 0;
  while (want[i] && want[i] == got[i]) i++;
  size_t from = i;
  while (from && want[from - 1] != '\n') from--;
  size_t wl = strcspn(want + from, "\n"), gl = strcspn(got + from, "\n");
  fprintf(stderr, "    want: %.*s\n    got:  %.*s\n", wl > 700 ? 700 : (int)wl, want + from, gl > 700 ? 700 : (int)gl,
          got + from);
}

/* ---- the sweep --------------------------------------------------------- */

/* What the normal run gives, shared with the children. */
typedef struct shared {
  long total;      /* allocations in one run of the workload */
  long step_start[NSTEPS + 1]; /* where each step's allocations start (from 0), and end */
  long loader_refused[1024]; /* a child whose refusal was the dynamic loader's writes its N at N % 1024 */
  long leak_slack; /* blocks a normal run leaves (caches): a child may leave as many */
  size_t len[NRESULTS];
  char data[1 << 22];
} shared;
static shared *normal;

static const char *normal_result(int i) {
  size_t off = 0;
  for (int k = 0; k < i; k++) off += normal->len[k] + 1;
  return normal->data + off;
}

static void kept(text res[NRESULTS]) {
  size_t off = 0;
  for (int i = 0; i < NRESULTS; i++) {
    if (off + res[i].n + 1 > sizeof normal->data) {
      fprintf(stderr, "oom: results too long\n");
      exit(2);
    }
    memcpy(normal->data + off, res[i].s, res[i].n + 1);
    normal->len[i] = res[i].n;
    off += res[i].n + 1;
  }
}

/* The refused allocation was the dynamic loader's own (dlopen loading the
** extension and its libraries): glibc leaves a few blocks behind when one
** fails, which is no leak of ours. */
/* The dynamic loader's code, found at start: glibc ends the process ("out
** of memory", exit status 127, or an abort) when some of its allocations fail
** (a unique symbol of libstdc++ bound while loading ICU for libxml2, a
** thread's data); the child says so before, for the parent to tell. */
static uintptr_t ld_lo, ld_hi;
static long child_at;

static int find_loader(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size;
  (void)arg;
  if (!info->dlpi_name || !strstr(info->dlpi_name, "ld-linux")) return 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_LOAD) continue;
    uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
    if (!ld_lo || lo < ld_lo) ld_lo = lo;
    if (hi > ld_hi) ld_hi = hi;
  }
  return 1;
}

static void note_loader_refusal(void *caller) {
  if ((uintptr_t)caller >= ld_lo && (uintptr_t)caller < ld_hi) normal->loader_refused[child_at % 1024] = child_at;
}

static int refused_in_loader(void) {
  Dl_info info;
  void *caller = oom_refused_caller();
  return caller && dladdr(caller, &info) && info.dli_fname && strstr(info.dli_fname, "ld-linux");
}

/* SQLite's own allocations whose failure no extension can see or undo (the
** refused allocation's call stack names them, where the host's libsqlite3
** exports its internal symbols, as Debian's does):
** - copying a statement's error message for sqlite3_errmsg
**   (sqlite3VdbeTransferError, a "benign" allocation): the error stays, its
**   message becomes the code's ("SQL logic error");
** - sqlite3_load_extension's own, after the extension's init has run: the
**   load fails, but SQLite keeps the library loaded (no dlclose), with what
**   its init set up (no frame of the extension on the stack: a refusal in
**   its own init is its own). */
static int lost_message_in_sqlite(const char *got) {
  char plain[64];
  snprintf(plain, sizeof plain, "!%d %s", SQLITE_ERROR, sqlite3_errstr(SQLITE_ERROR));
  return !strcmp(got, plain) && oom_refused_within("sqlite3VdbeTransferError");
}

static int refused_in_load_extension(void) {
  return oom_refused_within("sqlite3_load_extension") && !refused_in_loader() && !oom_refused_in_file(ext_path);
}

/* In a child: refuse allocation `at` (0: none, the normal run that
** measures) during one run, then run again with nothing refused. Returns the
** exit status: 0 when all is well, 1 with a report on stderr. */
static int run_child(const char *mode, long at, int after, int measure) {
  alarm(30); /* a hang ends as SIGALRM (a normal run takes well under a second) */
  text res[NRESULTS] = {0}, again[NRESULTS] = {0};
  long live0 = oom_live();
  oom_arm(at, after);
  run_workload(res);
  long total = oom_counted();
  if (measure) memcpy(normal->step_start, step_start, sizeof step_start);
  oom_pause();
  run_workload(again);
  int bad = 0;
  for (int i = 0; i < NRESULTS; i++) {
    if (measure) {
      if (strcmp(res[i].s, again[i].s)) {
        fprintf(stderr, "oom %s: two normal runs differ at %s\n", mode, step_name(i));
        show_diff(res[i].s, again[i].s);
        bad = 1;
      }
      continue;
    }
    const char *want = normal_result(i);
    if (i == 0 && res[0].s[0] == '!' && refused_in_loader()) {
      /* glibc's dlopen says what it was doing, not why ("cannot create
      ** shared object descriptor", "libicudata.so.72: failed to map
      ** segment"): the refusal was the loader's own, loading the extension
      ** or a library it needs (libxml2 pulls in ICU), before any code of
      ** ours ran. The load failed, as it should; its message is glibc's. */
      fprintf(stderr, "oom %s N=%ld%s: the dynamic loader's allocation refused, the load fails with its message "
              "(%s): not the extension's\n", mode, at, after ? " and after" : "", res[0].s + 1);
    } else if (res[i].s[0] == '!' && want[0] == '!' && lost_message_in_sqlite(res[i].s)) {
      fprintf(stderr, "oom %s N=%ld%s: SQLite's copy of the error message refused (sqlite3VdbeTransferError), "
              "the error stays with its code's message at %s: not the extension's\n", mode, at, after ? " and after" : "",
              step_name(i));
    } else if (!acceptable(res[i].s, want, i ? STEPS[i - 1].flags : 0)) {
      fprintf(stderr, "oom %s N=%ld%s: another answer at %s\n", mode, at, after ? " and after" : "", step_name(i));
      show_diff(want, res[i].s);
      bad = 1;
    }
    if (strcmp(again[i].s, want)) {
      fprintf(stderr, "oom %s N=%ld%s: the next run gives another answer at %s\n", mode, at,
              after ? " and after" : "", step_name(i));
      show_diff(want, again[i].s);
      bad = 1;
    }
  }
  if (measure) {
    kept(res);
    normal->total = total;
  }
  for (int i = 0; i < NRESULTS; i++) {
    free(res[i].s);
    free(again[i].s);
  }
  /* What two runs leave behind (caches, what loading leaves): a run with a
  ** refusal may leave as much, no more. */
  long left = oom_live() - live0;
#ifdef __SANITIZE_ADDRESS__
  left = 0; /* ASan allocates strdup's and others' blocks itself, uncounted: LeakSanitizer checks instead */
#endif
  if (measure) normal->leak_slack = left;
  else if (left > normal->leak_slack && refused_in_loader())
    fprintf(stderr, "oom %s N=%ld%s: %ld blocks left by the dynamic loader (glibc's dlopen fails without freeing "
            "them): not counted\n", mode, at, after ? " and after" : "", left - normal->leak_slack);
  else if (left > normal->leak_slack && refused_in_load_extension())
    fprintf(stderr, "oom %s N=%ld%s: %ld blocks left by sqlite3_load_extension's own failure (SQLite's code; "
            "after the init ran it keeps the library loaded): not counted\n", mode, at, after ? " and after" : "",
            left - normal->leak_slack);
  else if (left > normal->leak_slack) {
    fprintf(stderr, "oom %s N=%ld%s: %ld blocks leaked\n", mode, at, after ? " and after" : "",
            left - normal->leak_slack);
    bad = 1;
  }
  return bad;
}

static const char *status_text(int status, char *buf, size_t n) {
  if (WIFSIGNALED(status))
    snprintf(buf, n, "%s", WTERMSIG(status) == SIGALRM ? "hang (over 30 s)" : strsignal(WTERMSIG(status)));
  else snprintf(buf, n, "exit status %d", WEXITSTATUS(status));
  return buf;
}

static sqlite3 *holder; /* warm mode: keeps the extension loaded, warmed up */

static void warm_up(void) {
  if (sqlite3_open(":memory:", &holder) != SQLITE_OK) exit(2);
  sqlite3_enable_load_extension(holder, 1);
  char *msg = NULL;
  if (sqlite3_load_extension(holder, ext_path, NULL, &msg) != SQLITE_OK) {
    fprintf(stderr, "oom: cannot load %s: %s\n", ext_path, msg ? msg : "");
    exit(2);
  }
  text res[NRESULTS] = {0};
  run_workload(res);
  for (int i = 0; i < NRESULTS; i++) free(res[i].s);
}

/* Steps whose every failure point is tried whatever the stride (--every-point-of:
** where a problem was found, so that a sampled run keeps checking it). */
static const char *every_point_of[8];
static int n_every;

static int in_every_step(long at) {
  for (int i = 0; i < NSTEPS; i++)
    for (int k = 0; k < n_every; k++)
      if (strstr(STEPS[i].sql, every_point_of[k]) && at > normal->step_start[i] && at <= normal->step_start[i + 1])
        return 1;
  return 0;
}

/* The failure point after at: the next of the stride's, or of a step tried in full. */
static long next_point(long at, long from, long stride, long to) {
  long n = at + 1;
  while (n <= to && (n - from) % stride && !in_every_step(n)) n++;
  return n;
}

/* Sweeps one mode; returns the number of problems. */
static int sweep(const char *mode, int after, long stride, int jobs, long from, long to) {
  pid_t pid = fork();
  if (pid == 0) {
    exit(run_child(mode, 0, 0, 1));
  }
  int status;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status)) {
    char b[64];
    fprintf(stderr, "oom %s: the normal run failed (%s)\n", mode, status_text(status, b, sizeof b));
    return 1;
  }
  long total = normal->total, tried = 0;
  int problems = 0, running = 0;
  enum { MAX_JOBS = 64 };
  pid_t pids[MAX_JOBS];
  long ats[MAX_JOBS];
  if (jobs > MAX_JOBS) jobs = MAX_JOBS;
  if (!to || to > total) to = total;
  for (long at = from; at <= to || running;) {
    if (at <= to && running < jobs) {
      if (getenv("OOM_INLINE")) exit(run_child(mode, at, after, 0)); /* under a debugger */
      normal->loader_refused[at % 1024] = 0;
      pid_t c = fork();
      if (c == 0) {
        child_at = at;
        exit(run_child(mode, at, after, 0));
      }
      pids[running] = c;
      ats[running] = at;
      running++;
      tried++;
      at = next_point(at, from, stride, to);
      continue;
    }
    pid_t done = wait(&status);
    if (done < 0) break;
    long done_at = 0;
    for (int k = 0; k < running; k++)
      if (pids[k] == done) {
        done_at = ats[k];
        pids[k] = pids[running - 1];
        ats[k] = ats[running - 1];
      }
    running--;
    if (!WIFEXITED(status) || WEXITSTATUS(status)) {
      char b[64];
      int glibc_ends = (WIFEXITED(status) && WEXITSTATUS(status) == 127) || (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
      if (normal->loader_refused[done_at % 1024] == done_at && glibc_ends) {
        fprintf(stderr, "oom %s N=%ld%s: the dynamic loader's allocation refused, glibc ends the process (%s): not "
                "the extension's\n", mode, done_at, after ? " and after" : "", status_text(status, b, sizeof b));
        continue;
      }
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 1) /* a crash, or an exit not the test's own */
        fprintf(stderr, "oom %s N=%ld%s: %s\n", mode, done_at, after ? " and after" : "", status_text(status, b, sizeof b));
      problems++;
    }
  }
  printf("oom %s%s: %ld failure points (%ld tried), %d problems\n", mode, after ? " (every one from N on)" : "", total,
         tried, problems);
  fflush(stdout);
  return problems;
}

/* ---- fixtures ---------------------------------------------------------- */

static void write_file(const char *name, const char *s) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", fixture, name);
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(s, 1, strlen(s), f) != strlen(s) || fclose(f)) {
    fprintf(stderr, "oom: cannot write %s\n", path);
    exit(2);
  }
}

static void make_fixtures(void) {
  const char *tmp = getenv("TMPDIR");
  snprintf(fixture, sizeof fixture, "%s/news-oom-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(fixture)) {
    fprintf(stderr, "oom: cannot make a folder: %s\n", strerror(errno));
    exit(2);
  }
  write_file("a.txt", TEXT);
  write_file("b.html", HTML);
  write_file("c.jsonl", JSONL);
  for (int i = 0; i < NSTEPS; i++) {
    size_t n = strlen(STEPS[i].sql) + 4 * strlen(fixture) + 1;
    sql_of[i] = malloc(n);
    snprintf(sql_of[i], n, STEPS[i].sql, fixture, fixture);
  }
}

static void remove_fixtures(void) {
  const char *names[] = {"a.txt", "b.html", "c.jsonl"};
  char path[512];
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    snprintf(path, sizeof path, "%s/%s", fixture, names[i]);
    unlink(path);
  }
  rmdir(fixture);
}

int main(int argc, char **argv) {
  const char *mode = "all";
  int after = 0, jobs = 1;
  long stride = 1, from = 1, to = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--mode") && i + 1 < argc) mode = argv[++i];
    else if (!strcmp(argv[i], "--after")) after = 1;
    else if (!strcmp(argv[i], "--stride") && i + 1 < argc) stride = atol(argv[++i]);
    else if (!strcmp(argv[i], "--jobs") && i + 1 < argc) jobs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--only") && i + 1 < argc) from = to = atol(argv[++i]);
    else if (!strcmp(argv[i], "--from") && i + 1 < argc) from = atol(argv[++i]);
    else if (!strcmp(argv[i], "--to") && i + 1 < argc) to = atol(argv[++i]);
    else if (!strcmp(argv[i], "--every-point-of") && i + 1 < argc && n_every < 8) every_point_of[n_every++] = argv[++i];
    else if (argv[i][0] != '-' && !ext_path) ext_path = argv[i];
    else {
      fprintf(stderr, "usage: oom EXT [--mode fresh|warm|all] [--after] [--stride K] [--jobs J] [--only N | --from N --to M] "
              "[--every-point-of TEXT]...\n");
      return 2;
    }
  }
  if (!ext_path || stride < 1 || jobs < 1) return 2;
  trace = getenv("OOM_TRACE") != NULL;
  normal = mmap(NULL, sizeof *normal, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (normal == MAP_FAILED) return 2;
  make_fixtures();
  dl_iterate_phdr(find_loader, NULL);
  oom_on_refusal = note_loader_refusal;
  sqlite3_initialize();
  int problems = 0, modes = 0;
  if (!strcmp(mode, "fresh") || !strcmp(mode, "all")) {
    problems += sweep("fresh", after, stride, jobs, from, to);
    modes++;
  }
  if (!strcmp(mode, "warm") || !strcmp(mode, "all")) {
    warm_up();
    problems += sweep("warm", after, stride, jobs, from, to);
    sqlite3_close(holder);
    modes++;
  }
  remove_fixtures();
  printf("oom: %d passed, %d failed\n", problems ? 0 : modes, problems ? 1 : 0);
  return problems != 0;
}
