/* nw_once_try (once.h): setup under a lock until it succeeds once. */
#include "once.h"

int nw_once_try_undo(nw_once *once, int (*setup)(void), void (*undo)(void)) {
  if (atomic_load_explicit(&once->done, memory_order_acquire)) return 1;
  pthread_mutex_lock(&once->lock);
  if (!atomic_load_explicit(&once->done, memory_order_relaxed)) {
    if (setup() == 0) atomic_store_explicit(&once->done, 1, memory_order_release);
    else if (undo) undo();
  }
  pthread_mutex_unlock(&once->lock);
  return atomic_load_explicit(&once->done, memory_order_acquire);
}

int nw_once_try(nw_once *once, int (*setup)(void)) { return nw_once_try_undo(once, setup, NULL); }
