# Counters and checks shared by the shell test suites (tests/cli, tests/report).
# Source it after setting `suite` (the name FAIL lines and the summary carry).
passed=0 failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $suite: $*"; }
# check NAME CONDITION...: the condition is a command.
check() { name=$1; shift; if "$@"; then ok; else ko "$name"; fi; }
has() { grep -q -- "$2" "$1"; }
hasnt() { ! grep -qi -- "$2" "$1"; }
