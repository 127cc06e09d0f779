#!/bin/sh
# Installs the Debian packages the build and the tests need, when missing.
# As root it runs apt-get; otherwise it prints the one command to run.
set -e
# python3-*: `make python` builds the wheel offline; the test installs it into a
# venv and loads it through sqlite3 and APSW; sqlite-utils runs docs/recipes/sqlite-utils.md;
# python3-distributed: the Dask example (examples/dask_ingest.py) and its test;
# chromium: tests/report renders `sqlite-news report` headless, `make readme-images`;
# python3-pandas, python3-matplotlib: examples/pandas_example.py (a DataFrame and its chart).
PKGS="build-essential pkg-config sqlite3 libsqlite3-dev libpcre2-dev libutf8proc-dev libxml2-dev libpsl-dev
  python3-pip python3-setuptools python3-wheel python3-venv python3-apsw sqlite-utils python3-distributed chromium python3-pandas python3-matplotlib"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq $missing >/dev/null
else
  echo "missing packages:$missing"
  echo "run: sudo apt-get install -y$missing"
  exit 1
fi
