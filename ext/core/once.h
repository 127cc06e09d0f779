/* One-time setup that a failure does not end: nw_once_try runs setup until
** it succeeds once. A setup that fails (for want of memory) leaves nothing
** behind and is tried again on the next use, instead of leaving a function
** without its tables until the library is unloaded (pthread_once would).
** Thread-safe: a mutex around the setup, an atomic flag for the fast path. */
#ifndef NW_ONCE_H
#define NW_ONCE_H

#include <pthread.h>
#include <stdatomic.h>

typedef struct nw_once {
  atomic_int done;
  pthread_mutex_t lock;
} nw_once;
#define NW_ONCE_INIT {0, PTHREAD_MUTEX_INITIALIZER}

/* 1 when the setup has succeeded (now or before), 0 when this try failed.
** setup returns 0 on success; on failure it must free what it built. */
int nw_once_try(nw_once *once, int (*setup)(void));

/* nw_once_try for a setup that leaves its part-built tables behind when it
** fails: undo frees them before the next use tries again. */
int nw_once_try_undo(nw_once *once, int (*setup)(void), void (*undo)(void));

#endif
