/* sqlite3_interrupt() stops a long call: each function runs on a long input
** (a few MB of text: news prose, quotation marks, one sentence that never
** ends; 64 MB for the functions that go fast; a folder of many files) while
** another thread calls
** sqlite3_interrupt() once the caller has spent 50 ms of CPU in it (CPU,
** not wall time: on a loaded machine a sleeping interrupter woke so late that
** the call had ended); the statement must end with
** SQLITE_INTERRUPT, and soon. "Soon" is measured as the CPU time the calling
** thread spends between the interrupt and the return (under 100 ms): CPU
** time does not grow when a loaded machine leaves the thread waiting, so the
** bound holds on a busy machine and fails only when the call goes on
** working. The wall time is printed, and bounded loosely (2 s).
**
**   interrupt EXT FOLDER       (FOLDER: an empty scratch folder)
** Prints "interrupt: N passed, M failed". */
#include <pthread.h>
#include <stdatomic.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CPU_BOUND_MS 100.0
#define WALL_BOUND_MS 2000.0

/* Invented paragraphs, repeated with a counter so that names vary. */
static char *long_text(size_t bytes) {
  static const char *para[] = {
    "Mayor Lena Okafor%zu said on Thursday that the ferry line would open in June 2025. \"We have waited ten years "
    "for this,\" she told reporters in Harbor City.\n\n",
    "The Harbor Transit Authority said the boats would leave Pier %zu every 20 minutes from March 3. \"It is a good "
    "start,\" said Tomas Reyes, a spokesman. He added that fares would stay at $2 until 2026.\n\n",
    "Critics called the plan \"a costly detour\" last Friday, three days after a hearing on April %zu, 2024.\n\n"};
  char *s = malloc(bytes + 512);
  if (!s) return NULL;
  size_t n = 0;
  for (size_t i = 0; n < bytes; i++) n += (size_t)sprintf(s + n, para[i % 3], i % 28 + 1);
  return s;
}

/* Text with no paragraph break: pieces over and over (cut at bytes). */
static char *repeated(const char *const *pieces, size_t npieces, size_t bytes) {
  char *s = malloc(bytes + 64);
  if (!s) return NULL;
  size_t n = 0;
  for (size_t i = 0; n < bytes; i++) {
    size_t k = strlen(pieces[i % npieces]);
    memcpy(s + n, pieces[i % npieces], k);
    n += k;
  }
  s[bytes] = 0;
  return s;
}

static double ms(const struct timespec *a, const struct timespec *b) {
  return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

typedef struct interrupter {
  sqlite3 *db;
  struct timespec wall, cpu; /* when it interrupted: wall time, and the caller's CPU time */
  clockid_t caller_cpu;
  atomic_int call_ended; /* set by the caller: the statement ended before any interrupt */
  int fired;
} interrupter;

static double cpu_ms_of(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void *interrupt_later(void *arg) {
  interrupter *it = arg;
  double start = cpu_ms_of(it->caller_cpu);
  struct timespec poll = {0, 1000 * 1000};
  while (!atomic_load(&it->call_ended) && cpu_ms_of(it->caller_cpu) - start < 50.0) nanosleep(&poll, NULL);
  if (atomic_load(&it->call_ended)) return NULL;
  clock_gettime(it->caller_cpu, &it->cpu);
  clock_gettime(CLOCK_MONOTONIC, &it->wall);
  it->fired = 1;
  sqlite3_interrupt(it->db);
  return NULL;
}

static int passed, failed;

static void check(sqlite3 *db, const char *sql, const char *text) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    printf("FAIL: %s: %s\n", sql, sqlite3_errmsg(db));
    failed++;
    return;
  }
  if (text) sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
  interrupter it = {.db = db};
  pthread_getcpuclockid(pthread_self(), &it.caller_cpu);
  pthread_t t;
  pthread_create(&t, NULL, interrupt_later, &it);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {}
  struct timespec wall, cpu;
  clock_gettime(it.caller_cpu, &cpu);
  clock_gettime(CLOCK_MONOTONIC, &wall);
  atomic_store(&it.call_ended, 1);
  pthread_join(t, NULL);
  if (!it.fired) { /* the input was too short to take 50 ms of CPU: a fault of the test, said as such */
    printf("FAIL: %s: ended (%s) before 50 ms of CPU, so before any interrupt\n", sql, sqlite3_errstr(rc));
    failed++;
    sqlite3_finalize(st);
    return;
  }
  double cpu_ms = ms(&it.cpu, &cpu), wall_ms = ms(&it.wall, &wall);
  int ok = rc == SQLITE_INTERRUPT && cpu_ms < CPU_BOUND_MS && wall_ms < WALL_BOUND_MS;
  printf("%s: %s: %s; after the interrupt %.1f ms CPU, %.1f ms wall\n", ok ? "ok" : "FAIL", sql,
         rc == SQLITE_INTERRUPT ? "interrupted" : sqlite3_errstr(rc), cpu_ms, wall_ms);
  ok ? passed++ : failed++;
  sqlite3_finalize(st);
}

/* A folder of many small files: a scan long enough to interrupt. */
static int make_folder(const char *dir, int files) {
  char path[4096];
  for (int i = 0; i < files; i++) {
    snprintf(path, sizeof path, "%s/article-%05d.txt", dir, i);
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fprintf(f, "Title %d\n\nMayor Lena Okafor said on Thursday that the ferry line would open in June 2025.\n", i);
    fclose(f);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: interrupt EXT FOLDER\n");
    return 2;
  }
  sqlite3 *db;
  char *msg = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_enable_load_extension(db, 1) != SQLITE_OK ||
      sqlite3_load_extension(db, argv[1], NULL, &msg) != SQLITE_OK) {
    fprintf(stderr, "interrupt: cannot load %s: %s\n", argv[1], msg ? msg : sqlite3_errmsg(db));
    return 2;
  }
  static const char *const marks[] = {"\"a\" ", "\xE2\x80\x9C", "b\xE2\x80\x9D ", "'c' ", "\"\" "};
  static const char *const words[] = {"the ", "council, ", "said ", "Mayor Okafor ", "would ", "not ", "stop, "};
  char *text = long_text((size_t)8 << 20), *big = long_text((size_t)64 << 20);
  char *quote_marks = repeated(marks, 5, (size_t)8 << 20), *sentence = repeated(words, 7, (size_t)8 << 20);
  /* news_sentences goes fast enough to end 8 MB of marks or of one sentence
  ** before the interrupt on an idle machine: it gets 64 MB of each (where
  ** copying its argument once took longer than the bound). */
  char *big_marks = repeated(marks, 5, (size_t)64 << 20), *big_sentence = repeated(words, 7, (size_t)64 << 20);
  if (!text || !big || !quote_marks || !sentence || !big_marks || !big_sentence || make_folder(argv[2], 20000)) {
    fprintf(stderr, "interrupt: cannot make the inputs\n");
    return 2;
  }
  const char *const texts[] = {text, quote_marks, sentence}, *const big_texts[] = {text, big_marks, big_sentence};
  for (int i = 0; i < 3; i++) {
    check(db, "SELECT count(*) FROM news_sentences(?1)", big_texts[i]);
    check(db, "SELECT count(*) FROM news_entities(?1)", texts[i]); /* inside the tagger's windows too */
    /* a sentence without quotation marks is quick for news_quotes (80 ms for 8 MB): 64 MB */
    check(db, "SELECT count(*) FROM news_quotes(?1)", i == 2 ? big_texts[i] : texts[i]);
    check(db, "SELECT count(*) FROM news_dates(?1, '2024-05-02')", texts[i]);
    check(db, "SELECT news_date(?1)", texts[i]); /* a scalar on a long argument */
  }
  check(db, "SELECT length(news_fold(?1))", big);
  check(db, "SELECT length(news_clean(?1))", big);
  char sql[4200];
  snprintf(sql, sizeof sql, "SELECT count(*) FROM news_articles('%s')", argv[2]);
  check(db, sql, NULL);
  free(text);
  free(big);
  free(quote_marks);
  free(sentence);
  free(big_marks);
  free(big_sentence);
  sqlite3_close(db);
  printf("interrupt: %d passed, %d failed\n", passed, failed);
  return failed != 0;
}
