/* A minimal unit-test harness: CHECK macros count checks; each test file's
** main() calls RUN(test_fn) for each test and ends with DONE(). */
#ifndef NW_CHECK_H
#define NW_CHECK_H
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int nw_checks_passed, nw_checks_failed;

#define CHECK(cond)                                                              \
  do {                                                                           \
    if (cond) nw_checks_passed++;                                                \
    else {                                                                       \
      nw_checks_failed++;                                                        \
      fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);           \
    }                                                                            \
  } while (0)

#define CHECK_EQ_INT(a, b)                                                                         \
  do {                                                                                             \
    long long va_ = (long long)(a), vb_ = (long long)(b);                                          \
    if (va_ == vb_) nw_checks_passed++;                                                            \
    else {                                                                                         \
      nw_checks_failed++;                                                                          \
      fprintf(stderr, "FAIL %s:%d: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, #a, #b, va_, vb_); \
    }                                                                                              \
  } while (0)

#define CHECK_EQ_STRN(s, n, want)                                                                       \
  do {                                                                                                  \
    const char *s_ = (s), *w_ = (want);                                                                 \
    size_t n_ = (size_t)(n);                                                                            \
    if (strlen(w_) == n_ && memcmp(s_, w_, n_) == 0) nw_checks_passed++;                                \
    else {                                                                                              \
      nw_checks_failed++;                                                                               \
      fprintf(stderr, "FAIL %s:%d: got \"%.*s\", want \"%s\"\n", __FILE__, __LINE__, (int)n_, s_, w_); \
    }                                                                                                   \
  } while (0)

/* A random text of count pieces into buf (cap bytes; the pieces must fit):
** its length. *seed moves on, so calls give different texts. */
static inline size_t random_text(char *buf, size_t cap, const char *const *pieces, size_t npieces, int count,
                                 uint32_t *seed) {
  size_t len = 0;
  for (int k = 0; k < count; k++) {
    *seed = *seed * 1103515245u + 12345u;
    const char *p = pieces[(*seed >> 16) % npieces];
    size_t n = strlen(p);
    if (len + n > cap) break;
    memcpy(buf + len, p, n);
    len += n;
  }
  return len;
}

#define RUN(fn) fn()
#define DONE()                                                                     \
  do {                                                                             \
    printf("%s: %d passed, %d failed\n", __FILE__, nw_checks_passed, nw_checks_failed); \
    return nw_checks_failed ? 1 : 0;                                               \
  } while (0)
#endif
