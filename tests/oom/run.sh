#!/bin/sh
# The allocation-failure test (tests/oom/oom.c). `make oom`: every failure
# point of the workload in the release build, fresh and warmed up, then
# every 50th under ASan+UBSan (LeakSanitizer: a leak is a failure). With
# "sample" (make test): every 97th point and every point of two steps,
# release build only.
# OOM_JOBS children at a time (default 2).
set -u
cd "$(dirname "$0")/../.."
jobs=${OOM_JOBS:-2}
export LSAN_OPTIONS=suppressions=tests/oom/lsan.supp:print_suppressions=0
status=0
if [ "${1:-full}" = sample ]; then
  # and every point of the steps where problems were found (a missing root's
  # message, a bad reference date's), whatever the stride
  build/rel/oom dist/news --stride 97 --jobs "$jobs" --every-point-of "/missing')" --every-point-of "'not a date'" ||
    status=1
  exit $status
fi
build/rel/oom dist/news --jobs "$jobs" || status=1
ASAN_OPTIONS=detect_leaks=1 build/asan/oom build/asan/news --stride 50 --jobs "$jobs" || status=1
exit $status
