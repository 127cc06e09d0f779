/* A minimal unit-test harness: CHECK macros count checks; each test file's
** main() calls RUN(test_fn) for each test and ends with DONE(). */
#ifndef NW_CHECK_H
#define NW_CHECK_H
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

#define RUN(fn) fn()
#define DONE()                                                                     \
  do {                                                                             \
    printf("%s: %d passed, %d failed\n", __FILE__, nw_checks_passed, nw_checks_failed); \
    return nw_checks_failed ? 1 : 0;                                               \
  } while (0)
#endif
