#!/bin/sh
# The sqlite-utils recipe (docs/recipes/sqlite-utils.md), every command run and
# its output compared (check_recipe.py), with Debian's sqlite-utils and the
# Python package installed in a fresh venv that sees the system's packages.
set -u
cd "$(dirname "$0")/../.."
. tests/packages/venv.sh
have_system_python "sqlite-utils recipe" || exit 0
if ! command -v sqlite-utils > /dev/null 2>&1 || ! /usr/bin/python3 -c 'import sqlite_utils' 2>/dev/null; then
  echo "SKIP: sqlite-utils recipe: needs sqlite-utils (apt-get install sqlite-utils)"
  exit 0
fi
find_wheel || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make_venv /usr/bin/python3 "$tmp/venv" --system-site-packages || exit 1
PATH="$tmp/venv/bin:$PATH" python3 tests/packages/check_recipe.py . docs/recipes/sqlite-utils.md
