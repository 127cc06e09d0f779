#!/bin/sh
# Installs each package fresh and queries through it (test_*.sh), then prints
# one line "packages: N passed, M failed" counting their "ok"/"FAIL" lines.
# Called by tests/run.sh and `make test-packages`, after `make python npm`.
set -u
cd "$(dirname "$0")/../.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
for t in tests/packages/test_*.sh; do
  "$t" >> "$out" 2>&1 || status=1
done
cat "$out"
passed=$(grep -c '^ok ' "$out")
failed=$(grep -c '^FAIL' "$out")
# A script that failed without saying so still counts as a failure.
[ $status != 0 ] && [ "$failed" = 0 ] && failed=1
echo "packages: $passed passed, $failed failed"
exit $status
