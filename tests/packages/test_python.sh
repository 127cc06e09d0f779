#!/bin/sh
# The Python package as a user gets it: a fresh venv from /usr/bin/python3,
# the wheel pip-installed from build/ with no index (offline), queries through
# sqlite_news.load(). Where the Python on PATH cannot load extensions (pyenv,
# python.org builds), the wheel goes into a venv of that one too and load()
# must say what to do. Prints "ok ..." / "FAIL ..." / "SKIP: ..." lines.
set -u
cd "$(dirname "$0")/../.."
py=/usr/bin/python3
if ! [ -x $py ] || ! $py -c 'import ensurepip, venv, pip' 2>/dev/null; then
  echo "SKIP: Python package: needs /usr/bin/python3 with venv and pip (apt-get install python3-venv python3-pip)"
  exit 0
fi
wheel=$(ls -t build/sqlite_news-*.whl 2>/dev/null | head -n 1)
if [ -z "$wheel" ]; then
  echo "FAIL python package: no wheel in build/ (make python builds it)"
  exit 1
fi
version=$(basename "$wheel" | cut -d- -f2)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# $1: a python3, $2: venv folder, $3: venv options; then the check script's arguments.
install_and_check() {
  python=$1 venv=$2 venv_options=$3
  shift 3
  # Debian's pip installs into the venv (--python): seeding every venv with
  # its own pip would triple the time.
  if ! "$python" -m venv --without-pip $venv_options "$venv" > "$tmp/log" 2>&1 ||
     ! $py -m pip --python "$venv/bin/python" install --quiet --no-index --disable-pip-version-check \
       "$wheel" >> "$tmp/log" 2>&1; then
    echo "FAIL python package: install of $wheel into a venv of $python:"
    sed 's/^/  /' "$tmp/log"
    return 1
  fi
  "$venv/bin/python" tests/packages/check_python.py "$version" "$@"
}

status=0
# System site packages: Debian's python3-apsw, when installed, for the APSW check.
install_and_check $py "$tmp/venv" --system-site-packages || status=1
other=$(command -v python3)
if [ -n "$other" ] && [ "$other" != $py ] &&
   ! "$other" -c 'import sqlite3; sqlite3.Connection.enable_load_extension' 2>/dev/null; then
  install_and_check "$other" "$tmp/venv-no-extensions" "" --cannot-load || status=1
fi
exit $status
