/* Worker threads between the calling thread, which feeds jobs and stores
** results, and the extractors (see corpus_internal.h). Jobs start in
** submission order and their results are stored in that order: rows get the
** ids a one-thread run gives them, whatever the timing, and a job's results
** wait only behind jobs that started earlier (no deadlock: the oldest job is
** always being read). */
#include <pthread.h>
#include <stdlib.h>

#include "corpus_internal.h"

/* Unread results one job may hold before its worker waits. */
#define RESULTS_PER_JOB 16
/* Jobs in flight per thread: enough that no thread waits for work. */
#define JOBS_PER_THREAD 4

typedef struct cp_result {
  struct cp_result *next;
  void *data;
} cp_result;

struct cp_job {
  cp_job *next; /* submission order */
  void *data;
  size_t bytes;
  cp_result *head, *tail;
  size_t nresults;
  int done;
};

struct cp_pool {
  pthread_mutex_t mu;
  pthread_cond_t work_cv, done_cv, room_cv;
  pthread_t *threads;
  int nthreads;        /* 0: inline */
  cp_job *head, *tail; /* every job in flight, oldest first */
  cp_job *todo;        /* the first job no worker has taken */
  size_t flight_bytes; /* the calling thread's own counters */
  int flight_jobs;
  int stopping, halted;
  int idle_workers, writer_waits; /* signal only a thread that waits: fewer system calls */
  double worker_cpu;              /* CPU seconds of the threads that ended */
  cp_work_fn work;
  cp_sink_fn sink;
  void *sink_ctx;
};

static void *worker(void *arg) {
  cp_pool *p = arg;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->stopping && !p->todo) {
      p->idle_workers++;
      pthread_cond_wait(&p->work_cv, &p->mu);
      p->idle_workers--;
    }
    if (p->stopping) break;
    cp_job *job = p->todo;
    p->todo = job->next;
    void *data = job->data;
    job->data = NULL;
    pthread_mutex_unlock(&p->mu);
    p->work(data, p, job);
    pthread_mutex_lock(&p->mu);
    job->done = 1;
    if (p->writer_waits) pthread_cond_signal(&p->done_cv);
  }
  p->worker_cpu += cp_thread_cpu();
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

int cp_pool_start(cp_pool **out, int threads, cp_work_fn work, cp_sink_fn sink, void *sink_ctx) {
  *out = NULL;
  cp_pool *p = calloc(1, sizeof *p);
  if (!p || (threads > 0 && !(p->threads = calloc((size_t)threads, sizeof *p->threads)))) {
    free(p);
    return -1;
  }
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->work_cv, NULL);
  pthread_cond_init(&p->done_cv, NULL);
  pthread_cond_init(&p->room_cv, NULL);
  p->work = work;
  p->sink = sink;
  p->sink_ctx = sink_ctx;
  for (; p->nthreads < threads; p->nthreads++)
    if (pthread_create(&p->threads[p->nthreads], NULL, worker, p) != 0) break;
  if (threads > 0 && p->nthreads == 0) {
    cp_pool_stop(p, NULL, NULL);
    return -1;
  }
  *out = p;
  return 0;
}

int cp_pool_has_room(const cp_pool *p, size_t bytes) {
  if (p->flight_jobs == 0) return 1; /* one job always fits, however large (inline: always) */
  return p->flight_jobs < p->nthreads * JOBS_PER_THREAD && p->flight_bytes + bytes <= CP_FLIGHT_BYTES;
}

int cp_pool_submit(cp_pool *p, void *data, size_t bytes) {
  if (p->nthreads == 0) {
    p->work(data, p, NULL);
    return 0;
  }
  cp_job *job = calloc(1, sizeof *job);
  if (!job) return -1;
  job->data = data;
  job->bytes = bytes;
  p->flight_bytes += bytes;
  p->flight_jobs++;
  pthread_mutex_lock(&p->mu);
  if (p->tail) p->tail->next = job;
  else p->head = job;
  p->tail = job;
  if (!p->todo) p->todo = job;
  if (p->idle_workers) pthread_cond_signal(&p->work_cv);
  pthread_mutex_unlock(&p->mu);
  return 0;
}

static void halt_locked(cp_pool *p) {
  p->halted = 1;
  pthread_cond_broadcast(&p->room_cv);
}

int cp_pool_halted(cp_pool *p) {
  pthread_mutex_lock(&p->mu);
  int h = p->halted;
  pthread_mutex_unlock(&p->mu);
  return h;
}

int cp_pool_emit(cp_pool *p, cp_job *job, void *data, size_t bytes) {
  (void)bytes;
  if (p->nthreads == 0) { /* inline: store it now (the sink takes it, even when it halts) */
    if (p->halted) return -1;
    if (p->sink(data, p->sink_ctx)) p->halted = 1;
    return 0;
  }
  cp_result *r = malloc(sizeof *r);
  pthread_mutex_lock(&p->mu);
  if (!r) halt_locked(p); /* a lost result: the run must not look complete */
  while (!p->halted && !p->stopping && job->nresults >= RESULTS_PER_JOB) pthread_cond_wait(&p->room_cv, &p->mu);
  int refused = !r || p->halted || p->stopping;
  if (!refused) {
    r->next = NULL;
    r->data = data;
    if (job->tail) job->tail->next = r;
    else job->head = r;
    job->tail = r;
    job->nresults++;
    if (p->writer_waits) pthread_cond_signal(&p->done_cv);
  }
  pthread_mutex_unlock(&p->mu);
  if (refused) free(r);
  return refused ? -1 : 0;
}

int cp_pool_drain(cp_pool *p) {
  if (p->nthreads == 0) return 0;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    cp_job *job = p->head;
    if (!job || p->halted) break;
    cp_result *r = job->head;
    if (r) {
      job->head = r->next;
      if (!job->head) job->tail = NULL;
      if (job->nresults-- == RESULTS_PER_JOB) pthread_cond_broadcast(&p->room_cv); /* its worker may wait */
      pthread_mutex_unlock(&p->mu);
      void *data = r->data;
      free(r);
      if (p->sink(data, p->sink_ctx)) {
        pthread_mutex_lock(&p->mu);
        halt_locked(p);
        pthread_mutex_unlock(&p->mu);
      }
      return 1;
    }
    if (!job->done) {
      p->writer_waits = 1;
      pthread_cond_wait(&p->done_cv, &p->mu);
      p->writer_waits = 0;
      continue;
    }
    p->head = job->next;
    if (!p->head) p->tail = NULL;
    p->flight_bytes -= job->bytes;
    p->flight_jobs--;
    free(job);
  }
  pthread_mutex_unlock(&p->mu);
  return 0;
}

double cp_pool_stop(cp_pool *p, void (*drop_job)(void *), void (*drop_result)(void *)) {
  if (!p) return 0;
  pthread_mutex_lock(&p->mu);
  p->stopping = 1;
  pthread_cond_broadcast(&p->work_cv);
  pthread_cond_broadcast(&p->room_cv);
  pthread_mutex_unlock(&p->mu);
  for (int i = 0; i < p->nthreads; i++) pthread_join(p->threads[i], NULL);
  double cpu = p->worker_cpu;
  while (p->head) {
    cp_job *job = p->head;
    p->head = job->next;
    if (job->data && drop_job) drop_job(job->data);
    for (cp_result *r = job->head, *nx; r; r = nx) {
      nx = r->next;
      if (drop_result) drop_result(r->data);
      free(r);
    }
    free(job);
  }
  pthread_mutex_destroy(&p->mu);
  pthread_cond_destroy(&p->work_cv);
  pthread_cond_destroy(&p->done_cv);
  pthread_cond_destroy(&p->room_cv);
  free(p->threads);
  free(p);
  return cpu;
}
