/* The allocator of the allocation-failure test (oom.c): this program's own
** malloc, calloc, realloc, free and the aligned ones replace the C library's
** for the whole process (glibc supports replacing malloc so), so that every
** allocation, by SQLite, the extension, libxml2, PCRE2, utf8proc or the C
** library on their behalf, goes through here and the Nth can be refused.
** The real allocator is the next definition (the C library's, or the
** sanitizer's in an ASan build), found with dlsym; dlsym's own allocations
** while it looks are served from a small static pool. */
#include "oom_alloc.h"

#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);
static void *(*real_memalign)(size_t, size_t);

static _Alignas(16) char boot[1 << 16];
static size_t boot_used;
static int resolving;

static atomic_int armed;
static atomic_long counted, live;
static long fail_at;  /* the allocation (1-based, counted while armed) to refuse; 0 none */
static int fail_after; /* refuse every one from fail_at on */
static atomic_int refused;
static void *refused_caller; /* the code that called malloc when it was refused */
#define REFUSED_FRAMES 48
static void *refused_frames[REFUSED_FRAMES]; /* its call stack */
static atomic_int refused_nframes;

static int in_boot(const void *p) { return (const char *)p >= boot && (const char *)p < boot + sizeof boot; }

static void *boot_alloc(size_t n) {
  size_t at = (boot_used + 15) & ~(size_t)15;
  if (at + n > sizeof boot) return NULL;
  boot_used = at + n;
  return boot + at;
}

static void resolve(void) {
  resolving = 1;
  real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
  real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
  real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
  real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
  real_posix_memalign = (int (*)(void **, size_t, size_t))dlsym(RTLD_NEXT, "posix_memalign");
  real_aligned_alloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "aligned_alloc");
  real_memalign = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "memalign");
  resolving = 0;
}

/* Called at each refusal: a place for a debugger's breakpoint. */
__attribute__((noinline)) void oom_refusing(void) { __asm__ volatile(""); }

void (*oom_on_refusal)(void *caller);

/* Whether to keep the call stack of a refusal: for one in SQLite's code (the
** test tells SQLite's own failures by it), or any with OOM_BT set; never in
** the dynamic loader's or the C library's (called by the loader, it holds
** the loader's state half made: unwinding through it can crash). */
static int stack_wanted(void *caller) {
  Dl_info info;
  if (!dladdr(caller, &info) || !info.dli_fname) return 0;
  if (strstr(info.dli_fname, "libsqlite3")) return 1;
  return getenv("OOM_BT") && !strstr(info.dli_fname, "ld-linux") && !strstr(info.dli_fname, "libc.so");
}

/* 1: refuse this allocation (called by caller). */
#define refuse() refuse_from(__builtin_return_address(0))
static int refuse_from(void *caller) {
  if (!atomic_load(&armed)) return 0;
  long k = atomic_fetch_add(&counted, 1) + 1;
  if (fail_at && (k == fail_at || (fail_after && k > fail_at))) {
    atomic_store(&refused, 1);
    refused_caller = caller;
    oom_refusing();
    if (oom_on_refusal) oom_on_refusal(caller);
    if (!atomic_load(&refused_nframes) && stack_wanted(caller)) { /* backtrace's own allocations uncounted */
      int was = atomic_exchange(&armed, 0);
      int n = backtrace(refused_frames, REFUSED_FRAMES);
      atomic_store(&refused_nframes, n > 0 ? n : 0);
      if (getenv("OOM_BT")) backtrace_symbols_fd(refused_frames, n, 2); /* who asked, on stderr */
      atomic_store(&armed, was);
    }
    return 1;
  }
  return 0;
}

static void *track(void *p) {
  if (p) atomic_fetch_add(&live, 1);
  return p;
}

void *malloc(size_t n) {
  if (!real_malloc) {
    if (resolving) return boot_alloc(n);
    resolve();
  }
  if (refuse()) {
    errno = ENOMEM;
    return NULL;
  }
  return track(real_malloc(n));
}

void *calloc(size_t a, size_t b) {
  if (!real_calloc) {
    if (resolving) return boot_alloc(a * b); /* static: already zero */
    resolve();
  }
  if (refuse()) {
    errno = ENOMEM;
    return NULL;
  }
  return track(real_calloc(a, b));
}

void free(void *p) {
  if (!p || in_boot(p)) return;
  if (!real_free) resolve();
  atomic_fetch_sub(&live, 1);
  real_free(p);
}

void *realloc(void *p, size_t n) {
  if (!real_realloc) resolve();
  if (p && in_boot(p)) { /* never grown in practice; copy out to be safe */
    void *q = malloc(n);
    if (q) memcpy(q, p, n);
    return q;
  }
  if (!p) return malloc(n);
  if (n == 0) {
    free(p);
    return NULL;
  }
  if (refuse()) {
    errno = ENOMEM;
    return NULL;
  }
  return real_realloc(p, n);
}

int posix_memalign(void **out, size_t align, size_t n) {
  if (!real_posix_memalign) resolve();
  if (refuse()) return ENOMEM;
  int rc = real_posix_memalign(out, align, n);
  if (rc == 0) track(*out);
  return rc;
}

void *aligned_alloc(size_t align, size_t n) {
  if (!real_aligned_alloc) resolve();
  if (refuse()) {
    errno = ENOMEM;
    return NULL;
  }
  return track(real_aligned_alloc(align, n));
}

void *memalign(size_t align, size_t n) {
  if (!real_memalign) resolve();
  if (refuse()) {
    errno = ENOMEM;
    return NULL;
  }
  return track(real_memalign(align, n));
}

void oom_arm(long at, int after) {
  fail_at = at;
  fail_after = after;
  atomic_store(&counted, 0);
  atomic_store(&refused, 0);
  atomic_store(&refused_nframes, 0);
  atomic_store(&armed, 1);
}

int oom_pause(void) { return atomic_exchange(&armed, 0); }
void oom_resume(int was) { atomic_store(&armed, was); }
long oom_counted(void) { return atomic_load(&counted); }
int oom_refused(void) { return atomic_load(&refused); }
void *oom_refused_caller(void) { return refused_caller; }
long oom_live(void) { return atomic_load(&live); }

/* 1 when a frame of the refused allocation's call stack is in the function
** named (by_file 0) or in a library whose file name holds the text (by_file 1). */
static int refused_frame(const char *name, int by_file) {
  int n = atomic_load(&refused_nframes);
  for (int i = 0; i < n; i++) {
    Dl_info info;
    if (!dladdr(refused_frames[i], &info)) continue;
    const char *s = by_file ? info.dli_fname : info.dli_sname;
    if (s && (by_file ? strstr(s, name) != NULL : !strcmp(s, name))) return 1;
  }
  return 0;
}

int oom_refused_within(const char *function) { return refused_frame(function, 0); }
int oom_refused_in_file(const char *part) { return refused_frame(part, 1); }
