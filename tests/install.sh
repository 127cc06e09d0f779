#!/bin/sh
# `make install` into a scratch DESTDIR: the library, the programs of
# INSTALL_BIN, the documents and the analysis SQL land where README says, the
# installed library loads and gives the VERSION file's version, and
# `make uninstall` leaves nothing behind. Prints "install: N passed, M failed".
set -u
cd "$(dirname "$0")/.."
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
passed=0 failed=0
check() { # name, then a command that must succeed
  name=$1; shift
  if "$@" > /dev/null 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL install: $name"; fi
}
# A make of its own (not the caller's jobserver); the build is already done.
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s "$@" PREFIX=/opt/news DESTDIR="$dest"; }
root=$dest/opt/news
check "make install" mk install
check "library" test -f "$root/lib/sqlite-news/news.so"
check "documents" test -f "$root/share/doc/sqlite-news/README.md"
check "recipes" test -f "$root/share/doc/sqlite-news/docs/recipes/datasette.md"
check "README's picture" test -f "$root/share/doc/sqlite-news/docs/images/report.png"
check "analysis SQL" test -f "$root/share/sqlite-news/sql/who_said_what.sql"
for prog in $(mk -pn install 2>/dev/null | sed -n 's/^INSTALL_BIN := //p'); do
  check "program $prog" test -x "$root/bin/$(basename "$prog")"
done
printf 'SELECT news_version() = rtrim(CAST(readfile(%s) AS TEXT), char(10, 13, 32));\n--> 1\n' "'VERSION'" > "$dest/version.sql"
check "the installed library loads" build/rel/sqltest "$root/lib/sqlite-news/news" "$dest/version.sql"
check "make uninstall" mk uninstall
check "nothing left" test -z "$(find "$root" -type f)"
echo "install: $passed passed, $failed failed"
[ "$failed" = 0 ]
