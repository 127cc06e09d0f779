/* nw_once_try (ext/core/once.h): a setup that fails is tried again on the
** next use, one that succeeded never runs again, and threads meeting the
** first use run it once between them. */
#include <pthread.h>

#include "check.h"
#include "once.h"

static int tries, fail_first;
static int *built;

/* Fails (building nothing) while fail_first is set: as a setup whose
** allocation was refused. */
static int setup(void) {
  tries++;
  if (fail_first) {
    fail_first--;
    return -1;
  }
  static int table = 42;
  built = &table;
  return 0;
}

static void test_retry_after_failure(void) {
  static nw_once once = NW_ONCE_INIT;
  tries = 0;
  fail_first = 2;
  CHECK_EQ_INT(nw_once_try(&once, setup), 0);
  CHECK(built == NULL);
  CHECK_EQ_INT(nw_once_try(&once, setup), 0);
  CHECK_EQ_INT(nw_once_try(&once, setup), 1); /* the third try succeeds */
  CHECK(built && *built == 42);
  CHECK_EQ_INT(nw_once_try(&once, setup), 1);
  CHECK_EQ_INT(tries, 3); /* never again once done */
}

static nw_once shared = NW_ONCE_INIT;
static int shared_runs;
static int shared_setup(void) {
  shared_runs++; /* under the once's lock */
  return 0;
}

static void *use(void *arg) {
  int *ok = arg;
  for (int i = 0; i < 1000; i++) *ok &= nw_once_try(&shared, shared_setup);
  return NULL;
}

static void test_threads(void) {
  pthread_t t[4];
  int ok[4] = {1, 1, 1, 1};
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, use, &ok[i]);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  CHECK_EQ_INT(shared_runs, 1);
  CHECK(ok[0] && ok[1] && ok[2] && ok[3]);
}

int main(void) {
  RUN(test_retry_after_failure);
  RUN(test_threads);
  DONE();
}
