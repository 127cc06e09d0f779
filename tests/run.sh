#!/bin/sh
# Runs every test in the release build and then in the ASan+UBSan build, and
# prints one closing line "N passed, N failed". Called by `make test`.
set -u
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
log=build/test.log
: > "$log"
status=0
for build in rel asan; do
  ext=dist/news
  [ $build = asan ] && ext=build/asan/news
  for t in build/$build/unit/test_*; do
    [ -x "$t" ] || continue
    "$t" >> "$log" 2>&1 || { status=1; echo "FAILED: $t ($build)"; }
  done
  build/$build/sqltest "$ext" tests/sql/*.sql >> "$log" 2>&1 || { status=1; echo "FAILED: SQL tests ($build)"; }
done
# The data generator fails on a malformed data line, naming file and line.
tests/data/gendata.sh >> "$log" 2>&1 || { status=1; echo "FAILED: data generator"; }
# The Python binding, where a Python that can load extensions exists.
if [ -x /usr/bin/python3 ]; then
  /usr/bin/python3 tests/python/test_binding.py dist/news >> "$log" 2>&1 || { status=1; echo "FAILED: Python binding"; }
fi
# The corpus database: kill -9 in the middle of an ingest, read-only and locked
# databases (Python drives child processes), and its worker threads under
# ThreadSanitizer (build/tsan/corpus_tsan, built by make test).
if [ -x /usr/bin/python3 ]; then
  /usr/bin/python3 tests/corpus/test_corpus.py dist/news build/corpus/kill >> "$log" 2>&1 || { status=1; echo "FAILED: corpus kill -9 and locking"; }
fi
if [ -x build/tsan/corpus_tsan ]; then
  if TSAN_OPTIONS=halt_on_error=1:exitcode=66 build/tsan/corpus_tsan > build/tsan/corpus_tsan.log 2>&1; then
    echo "tsan: 1 passed, 0 failed" >> "$log"
  else
    status=1; echo "FAILED: ThreadSanitizer (build/tsan/corpus_tsan.log)"
  fi
fi
# The examples and analysis SQL a user is shown, against their expected output;
# and `make install` into a scratch folder.
tests/examples.sh >> "$log" 2>&1 || { status=1; echo "FAILED: examples"; }
tests/install.sh >> "$log" 2>&1 || { status=1; echo "FAILED: make install"; }
# The Python and npm packages, each installed fresh (tests/packages/), once:
# they carry the release build. A missing tool gives a SKIP line, not a failure.
tests/packages/run.sh >> "$log" 2>&1 || { status=1; echo "FAILED: packages"; }
# Serving safely (docs/serving.md), in both builds: file reads confined to
# NEWS_ALLOWED_ROOTS (links followed inside it; then with NEWS_NO_LINKS=1 not
# at all), and the text-only entry point registering no file function.
for build in rel asan; do
  ext=dist/news
  [ $build = asan ] && ext=build/asan/news
  roots=build/safety-fixtures/allowed
  NEWS_ALLOWED_ROOTS=$roots build/$build/sqltest "$ext" tests/sql/safety/confined.sql >> "$log" 2>&1 ||
    { status=1; echo "FAILED: confined SQL tests ($build)"; }
  NEWS_ALLOWED_ROOTS=$roots NEWS_NO_LINKS=1 build/$build/sqltest "$ext" tests/sql/safety/no_links.sql >> "$log" 2>&1 ||
    { status=1; echo "FAILED: no-links SQL tests ($build)"; }
  build/$build/sqltest "$ext:sqlite3_news_text_init" tests/sql/safety/text_only.sql >> "$log" 2>&1 ||
    { status=1; echo "FAILED: text-only entry point SQL tests ($build)"; }
  NEWS_MAX_TEXT_BYTES=1000 build/$build/sqltest "$ext" tests/sql/safety/limits.sql >> "$log" 2>&1 ||
    { status=1; echo "FAILED: input limit SQL tests ($build)"; }
  tests/safety_fixtures.sh build/safety-fixtures &&
    build/$build/sqltest "$ext" tests/sql/safety/changing.sql >> "$log" 2>&1 ||
    { status=1; echo "FAILED: files changing during a scan SQL tests ($build)"; }
done
# sqlite3_interrupt() stops each long call soon (tests/interrupt/).
rm -rf build/interrupt-files && mkdir -p build/interrupt-files &&
  build/rel/interrupt dist/news build/interrupt-files >> "$log" 2>&1 || { status=1; echo "FAILED: interrupt"; }
rm -rf build/interrupt-files
# Allocation failures (tests/oom/): every 97th failure point, fresh and warm
# (make oom, run by .ci/run, tries them all).
tests/oom/run.sh sample >> "$log" 2>&1 || { status=1; echo "FAILED: allocation failures (tests/oom)"; }
grep '^SKIP: ' "$log"
# The sqlite-news command, shard merge, Dask example and sql/ queries (release build).
tests/cli/run.sh >> "$log" 2>&1 || { status=1; echo "FAILED: sqlite-news command (tests/cli)"; }
# `sqlite-news report`: the HTML page, its escaping, and its rendering in headless Chromium when installed.
tests/report/run.sh >> "$log" 2>&1 || { status=1; echo "FAILED: sqlite-news report (tests/report)"; }
grep -E '^FAIL|ERROR|runtime error' "$log" | head -n 40
awk '/: [0-9]+ passed, [0-9]+ failed$/ { p += $(NF-3); f += $(NF-1) } END { printf "%d passed, %d failed\n", p, f; exit (f > 0) }' "$log" || status=1
exit $status
