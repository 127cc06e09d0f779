/* nw_once_try (once.h): setup under a lock until it succeeds once. */
#include "once.h"

int nw_once_try(nw_once *once, int (*setup)(void)) {
  if (atomic_load_explicit(&once->done, memory_order_acquire)) return 1;
  pthread_mutex_lock(&once->lock);
  if (!atomic_load_explicit(&once->done, memory_order_relaxed) && setup() == 0)
    atomic_store_explicit(&once->done, 1, memory_order_release);
  pthread_mutex_unlock(&once->lock);
  return atomic_load_explicit(&once->done, memory_order_acquire);
}
