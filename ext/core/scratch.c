/* Memory kept per thread between calls. A long text needs arrays of tens of
** megabytes (tokens, per-token flags); allocating and freeing them on every
** call makes the kernel map and zero fresh pages each time, which costs as
** much as the work itself. Up to a cap, the arrays stay for the next call. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "once.h"

/* Beyond this many bytes a buffer is freed after use (one huge text must not
** pin its memory for the life of the thread). */
#define KEEP_MAX ((size_t)64 << 20)

typedef struct scratch {
  nw_doc doc;
  int doc_busy;
  void *buf[NW_SCRATCH_SLOTS];
  size_t cap[NW_SCRATCH_SLOTS];
  void *obj[NW_OBJECT_SLOTS];
  void (*clear[NW_OBJECT_SLOTS])(void *);
  struct scratch *prev, *next; /* every thread's, for the unload */
} scratch;

static pthread_key_t key;
static nw_once once = NW_ONCE_INIT;
static atomic_int key_ok;
/* All threads' scratch: a thread that ends frees its own, and unloading the
** library frees what is left (deleting the key runs no destructor). */
static pthread_mutex_t all_lock = PTHREAD_MUTEX_INITIALIZER;
static scratch *all;

static void free_scratch(scratch *s) {
  nw_doc_free(&s->doc);
  for (int i = 0; i < NW_SCRATCH_SLOTS; i++) free(s->buf[i]);
  for (int i = 0; i < NW_OBJECT_SLOTS; i++)
    if (s->obj[i]) {
      s->clear[i](s->obj[i]);
      free(s->obj[i]);
    }
  free(s);
}

/* The key's destructor: the thread ends. */
static void thread_ends(void *p) {
  scratch *s = p;
  pthread_mutex_lock(&all_lock);
  if (s->prev) s->prev->next = s->next;
  else all = s->next;
  if (s->next) s->next->prev = s->prev;
  pthread_mutex_unlock(&all_lock);
  free_scratch(s);
}

static int make_key(void) {
  if (pthread_key_create(&key, thread_ends)) return -1;
  key_ok = 1;
  return 0;
}

static scratch *mine(void) {
  if (!nw_once_try(&once, make_key)) return NULL;
  scratch *s = pthread_getspecific(key);
  if (s) return s;
  if (!(s = calloc(1, sizeof *s))) return NULL;
  if (pthread_setspecific(key, s)) {
    free(s);
    return NULL;
  }
  pthread_mutex_lock(&all_lock);
  s->next = all;
  if (all) all->prev = s;
  all = s;
  pthread_mutex_unlock(&all_lock);
  return s;
}

/* Unload: no thread runs library code any more, so every scratch can go. */
__attribute__((destructor)) static void free_all_threads(void) {
  if (!key_ok) return;
  pthread_setspecific(key, NULL);
  pthread_key_delete(key);
  pthread_mutex_lock(&all_lock);
  while (all) {
    scratch *s = all;
    all = s->next;
    free_scratch(s);
  }
  pthread_mutex_unlock(&all_lock);
}

nw_doc *nw_doc_acquire(void) {
  scratch *s = mine();
  if (s && !s->doc_busy) {
    s->doc_busy = 1;
    return &s->doc;
  }
  return calloc(1, sizeof(nw_doc)); /* in use already (a nested call): a fresh one */
}

void nw_doc_release(nw_doc *d) {
  if (!d) return;
  scratch *s = mine();
  if (s && d == &s->doc) {
    if (d->tok_cap * sizeof *d->tok + d->sent_cap * sizeof *d->sent > KEEP_MAX) nw_doc_free(d);
    s->doc_busy = 0;
    return;
  }
  nw_doc_free(d);
  free(d);
}

void *nw_scratch(int slot, size_t bytes) {
  scratch *s = mine();
  if (!s || slot < 0 || slot >= NW_SCRATCH_SLOTS) return NULL;
  if (bytes > s->cap[slot]) {
    free(s->buf[slot]);
    s->cap[slot] = 0;
    if (!(s->buf[slot] = malloc(bytes ? bytes : 1))) return NULL;
    s->cap[slot] = bytes;
  }
  return s->buf[slot];
}

void nw_scratch_done(int slot) {
  scratch *s = mine();
  if (!s || slot < 0 || slot >= NW_SCRATCH_SLOTS || s->cap[slot] <= KEEP_MAX) return;
  free(s->buf[slot]);
  s->buf[slot] = NULL;
  s->cap[slot] = 0;
}

void *nw_thread_object(int slot, size_t size, void (*clear)(void *)) {
  scratch *s = mine();
  if (!s || slot < 0 || slot >= NW_OBJECT_SLOTS) return NULL;
  if (!s->obj[slot] && (s->obj[slot] = calloc(1, size))) s->clear[slot] = clear;
  return s->obj[slot];
}
