/* A guard around libxml2's allocations while this library parses a page.
**
** libxml2 2.9's HTML parser does not survive a failed allocation: after one,
** it can crash, loop forever or leak (found by tests/oom/). So while a page
** is parsed on this thread, an allocation that the system refuses is served
** from a fixed reserve instead, and the page is then reported out of memory
** (nw_xml_guard_end): libxml2 never sees NULL before the reserve runs dry,
** and the reserve is freed with the parse's tree. Outside a parse of ours
** (the host's own use of libxml2) nothing changes: the allocator only adds
** the reserve when malloc fails on a guarded thread.
**
** Installed once, only over libxml2's default allocator (a host that set its
** own keeps it); the destructor puts the default back when this library is
** unloaded. */
#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news_articles.h"

/* Enough for libxml2 to finish a parse of a page after a few refusals. */
#define RESERVE_BYTES (1 << 20)

typedef struct reserve_head {
  size_t size;
  size_t pad; /* keeps the block 16-byte aligned */
} reserve_head;

static _Alignas(16) unsigned char reserve[RESERVE_BYTES];
static size_t reserve_used, reserve_live;
static pthread_mutex_t reserve_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local int guarded, used_reserve;
static int installed;

static int in_reserve(const void *p) {
  return (const unsigned char *)p >= reserve && (const unsigned char *)p < reserve + sizeof reserve;
}

static void *reserve_alloc(size_t n) {
  size_t need = (sizeof(reserve_head) + n + 15) & ~(size_t)15;
  void *p = NULL;
  pthread_mutex_lock(&reserve_lock);
  if (n < RESERVE_BYTES && need <= RESERVE_BYTES - reserve_used) {
    reserve_head *h = (reserve_head *)(reserve + reserve_used);
    h->size = n;
    reserve_used += need;
    reserve_live++;
    p = h + 1;
  }
  pthread_mutex_unlock(&reserve_lock);
  if (p) used_reserve = 1;
  return p;
}

/* The reserve is a bump allocator, emptied when its last block is freed. */
static void reserve_free(void) {
  pthread_mutex_lock(&reserve_lock);
  if (--reserve_live == 0) reserve_used = 0;
  pthread_mutex_unlock(&reserve_lock);
}

static size_t block_size(void *p) { return in_reserve(p) ? ((reserve_head *)p - 1)->size : malloc_usable_size(p); }

static void guard_free(void *p) {
  if (!p) return;
  if (in_reserve(p)) reserve_free();
  else free(p);
}

static void *guard_malloc(size_t n) {
  void *p = malloc(n);
  return p || !guarded ? p : reserve_alloc(n);
}

static void *guard_realloc(void *p, size_t n) {
  if (p && !in_reserve(p)) {
    void *q = realloc(p, n);
    if (q || !guarded || !n) return q;
  } else if (!p) return guard_malloc(n);
  /* a reserve block, or the system refused: move to a new block */
  void *q = guard_malloc(n);
  if (!q) return NULL;
  size_t old = block_size(p);
  memcpy(q, p, old < n ? old : n);
  guard_free(p);
  return q;
}

static char *guard_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = guard_malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}

static pthread_once_t install_once = PTHREAD_ONCE_INIT;

static void install(void) {
  xmlFreeFunc f;
  xmlMallocFunc m;
  xmlReallocFunc r;
  xmlStrdupFunc d;
  if (xmlMemGet(&f, &m, &r, &d) == 0 && f == free && m == malloc && r == realloc)
    installed = xmlMemSetup(guard_free, guard_malloc, guard_realloc, guard_strdup) == 0;
}

void nw_xml_guard_begin(void) {
  pthread_once(&install_once, install);
  guarded = 1;
  used_reserve = 0;
}

int nw_xml_guard_end(void) {
  guarded = 0;
  /* The thread's last libxml2 error may hold strings from the reserve: they
  ** must not outlive the parse (nor be freed by plain free after unload). */
  if (used_reserve) xmlResetLastError();
  return used_reserve;
}

__attribute__((destructor)) static void uninstall(void) {
  xmlFreeFunc f;
  xmlMallocFunc m;
  xmlReallocFunc r;
  xmlStrdupFunc d;
  if (installed && xmlMemGet(&f, &m, &r, &d) == 0 && f == guard_free) xmlMemSetup(free, malloc, realloc, (xmlStrdupFunc)xmlStrdup);
}
