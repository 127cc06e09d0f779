#!/bin/sh
# Runs every example a user is shown and compares its output with the file
# beside it (X.sql -> X.expected, X.py -> X.expected):
#   examples/*.sql   sqlite3 -box :memory: < FILE (each loads dist/news itself)
#   sql/*.sql        the analysis SQL, over a corpus database of examples/corpus
#   docs/*.md        the query-and-rows pairs of the manual pages (tests/docs_examples.py)
#   README.md        its tour is examples/tour.sql's output (tools/readme_tour.py)
#   examples/*.py    /usr/bin/python3 FILE, where that Python exists; a Python
#                    example without .expected is another test's (it may need
#                    a cluster or arguments)
#                    (examples/pandas_example.py needs pandas and matplotlib:
#                    a SKIP line without them)
#   examples/*.js    run by tests/packages/test_npm.sh, with the npm package
#   make demo        its output against tests/demo.expected
# An SQL example without its .expected fails. UPDATE=1 rewrites the .expected files
# (read the diff before committing them). Prints "examples: N passed, M failed".
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
check() { # file, then the command whose output is compared with file's .expected
  file=$1; shift
  check_against "$file" "${file%.*}.expected" "$@"
}
check_against() { # name, expected output file, then the command
  file=$1 want=$2; shift 2
  if ! "$@" > "$out" 2>&1; then
    failed=$((failed + 1)); echo "FAIL examples: $file exited with an error:"; head -n 5 "$out"; return
  fi
  if [ "${UPDATE:-}" = 1 ]; then cp "$out" "$want"; fi
  if [ ! -f "$want" ]; then
    failed=$((failed + 1)); echo "FAIL examples: $file has no $want"
  elif cmp -s "$out" "$want"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL examples: $file differs from $want:"; diff "$want" "$out" | head -n 20
  fi
}
if ! command -v sqlite3 > /dev/null; then
  echo "FAIL examples: no sqlite3 command (run tools/deps.sh)"; echo "examples: 0 passed, 1 failed"; exit 1
fi
for f in examples/*.sql; do
  check "$f" sh -c 'sqlite3 -batch -box :memory: < "$1"' sh "$f"
done
# The analysis SQL reads a corpus database: the one sqlite-news builds from examples/corpus.
corpus_db=$(mktemp -d)/corpus.db
trap 'rm -f "$out"; rm -rf "$(dirname "$corpus_db")"' EXIT
dist/sqlite-news ingest examples/corpus "$corpus_db" > /dev/null || { failed=$((failed + 1)); echo "FAIL examples: sqlite-news ingest examples/corpus"; }
for f in sql/*.sql; do
  check "$f" sh -c 'sqlite3 -batch -box "$2" < "$1"' sh "$f" "$corpus_db"
done
if [ -x /usr/bin/python3 ]; then
  for f in examples/*.py; do
    [ -f "${f%.py}.expected" ] || [ "${UPDATE:-}" = 1 ] || continue
    if [ "$f" = examples/pandas_example.py ] && ! /usr/bin/python3 -c 'import pandas, matplotlib' 2> /dev/null; then
      echo "SKIP: $f: needs python3-pandas and python3-matplotlib (tools/deps.sh)"; continue
    fi
    check "$f" /usr/bin/python3 "$f"
    # The pandas example's chart is a PNG file, not only a line saying so.
    if [ "$f" = examples/pandas_example.py ] && [ "$(head -c 4 build/examples/timeline.png | tail -c 3)" != PNG ]; then
      failed=$((failed + 1)); echo "FAIL examples: $f wrote no PNG at build/examples/timeline.png"
    fi
  done
fi
# `make demo`, as README tells a new user to run it (the flags of a calling make
# not passed on). What it needs is brought up to date first, quietly, so that
# only the demo's own output is compared (under make test nothing is rebuilt).
demo_make() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s "$@"; }
demo_make dist/news.so dist/sqlite-news > /dev/null
check_against "make demo" tests/demo.expected demo_make demo
# The examples of the manual pages (docs/*.md), each with the rows it shows.
if python3 tests/docs_examples.py; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL examples: docs/*.md"; fi
# README's tour is examples/tour.sql with its output (tools/readme_tour.py).
if python3 tools/readme_tour.py --check; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL examples: README.md"; fi
echo "examples: $passed passed, $failed failed"
[ "$failed" = 0 ]
