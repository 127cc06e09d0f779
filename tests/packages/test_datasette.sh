#!/bin/sh
# The Datasette recipe (docs/recipes/datasette.md), every block run but the
# datasette command (Datasette is not in Debian, pip has no network here) and
# its output compared (check_recipe.py): its last block does with Python's
# sqlite3 module what Datasette does with the recipe's files, and shows the
# text-only entry point registering no file function.
set -u
cd "$(dirname "$0")/../.."
if [ ! -x /usr/bin/python3 ]; then echo "SKIP: Datasette recipe: needs /usr/bin/python3"; exit 0; fi
PATH="/usr/bin:$PATH" python3 tests/packages/check_recipe.py . docs/recipes/datasette.md
