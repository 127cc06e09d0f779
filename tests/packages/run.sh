#!/bin/sh
# Installs each package fresh and queries through it (test_*.sh, run side by
# side: they mostly wait on interpreters starting), then prints one line
# "packages: N passed, M failed" counting their "ok"/"FAIL" lines.
# Called by tests/run.sh and `make test-packages`, after `make python npm`.
set -u
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for t in tests/packages/test_*.sh; do
  name=$(basename "$t" .sh)
  { "$t" > "$out/$name.log" 2>&1 || touch "$out/$name.failed"; } &
done
wait
cat "$out"/*.log
passed=$(cat "$out"/*.log | grep -c '^ok ')
failed=$(cat "$out"/*.log | grep -c '^FAIL')
status=0
if ls "$out"/*.failed > /dev/null 2>&1; then
  status=1
  # A script that failed without saying so still counts as a failure.
  [ "$failed" = 0 ] && failed=1
fi
echo "packages: $passed passed, $failed failed"
exit $status
