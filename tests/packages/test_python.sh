#!/bin/sh
# The Python package as a user gets it: a fresh venv from /usr/bin/python3,
# the wheel pip-installed from build/ with no index (offline), queries through
# sqlite_news.load(). Where the Python on PATH cannot load extensions (pyenv,
# python.org builds), the wheel goes into a venv of that one too and load()
# must say what to do. Prints "ok ..." / "FAIL ..." / "SKIP: ..." lines.
set -u
cd "$(dirname "$0")/../.."
. tests/packages/venv.sh
have_system_python "Python package" || exit 0
find_wheel || exit 1
version=$(basename "$wheel" | cut -d- -f2)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
# System site packages: Debian's python3-apsw, when installed, for the APSW check.
if make_venv /usr/bin/python3 "$tmp/venv" --system-site-packages; then
  "$tmp/venv/bin/python" tests/packages/check_python.py "$version" || status=1
else
  status=1
fi
other=$(command -v python3)
if [ -n "$other" ] && [ "$other" != /usr/bin/python3 ] &&
   ! "$other" -c 'import sqlite3; sqlite3.Connection.enable_load_extension' 2>/dev/null; then
  if make_venv "$other" "$tmp/venv-no-extensions"; then
    "$tmp/venv-no-extensions/bin/python" tests/packages/check_python.py "$version" --cannot-load || status=1
  else
    status=1
  fi
fi
exit $status
