#!/bin/sh
# Fixtures of tests/sql/safety*.sql and tests/sql/safety/ (never committed),
# made afresh in folder $1 (by mk/safety.mk, and by tests/run.sh before the
# tests that change them): an allowed folder with links that lead out of it
# and stay in it, a folder outside it, special files (a FIFO, links to
# devices) named like articles, a folder the tests remove, a JSON Lines file
# they make longer, and a file name that is not UTF-8.
set -eu
f=$1
rm -rf "$f"
mkdir -p "$f/allowed/sub" "$f/outside" "$f/special/vanishing" "$f/names"
printf 'Inside Story\n\nA file under the allowed root.\n' > "$f/allowed/ok.txt"
printf 'Nested Story\n\nA file in a folder under the allowed root.\n' > "$f/allowed/sub/inner.txt"
printf 'Secret\n\nA file outside the allowed root.\n' > "$f/outside/secret.txt"
ln -s ok.txt "$f/allowed/in_link.txt"
ln -s ../outside/secret.txt "$f/allowed/out.txt"
ln -s ../outside "$f/allowed/outdir"
printf 'Regular\n\nA plain file next to special ones.\n' > "$f/special/plain.txt"
mkfifo "$f/special/pipe.txt"
ln -s /dev/zero "$f/special/zero.txt"
ln -s /dev/ptmx "$f/special/ptmx.txt"
printf 'Gone\n\nIn a folder removed during the scan.\n' > "$f/special/vanishing/gone.txt"
printf '{"title": "One", "text": "First line."}\n{"title": "Two", "text": "Second line."}\n' > "$f/special/growing.jsonl"
printf 'Latin Name\n\nA file whose name is Latin-1, not UTF-8.\n' > "$f/names/caf$(printf '\351').txt"
# tests/sql/safety/limits.sql runs with NEWS_MAX_FILE_BYTES=2000: a file just
# under it, one over it, and JSON Lines whose second line is over it.
mkdir -p "$f/limits"
{ printf 'Small Story\n\n'; head -c 1900 /dev/zero | tr '\0' 'a'; printf '\n'; } > "$f/limits/small.txt"
{ printf 'Big Story\n\n'; head -c 3000 /dev/zero | tr '\0' 'b'; printf '\n'; } > "$f/limits/big.txt"
{ printf '{"title": "Short", "text": "A line under the limit."}\n{"title": "Long", "text": "'
  head -c 2500 /dev/zero | tr '\0' 'c'; printf '"}\n{"title": "After", "text": "The line after it."}\n'; } > "$f/limits/lines.jsonl"
