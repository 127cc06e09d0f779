#!/bin/sh
# `make demo`: the invented articles of examples/corpus read into a corpus
# database (build/demo.db, made afresh each time), two questions of sql/ asked
# of it, and its report page written (build/demo.html). Its output is
# tests/demo.expected (tests/examples.sh runs `make demo`).
set -eu
cd "$(dirname "$0")/.."
corpus=examples/corpus db=build/demo.db page=build/demo.html
mkdir -p build
rm -f "$db" "$db-wal" "$db-shm" "$db-journal" "$db-ingest.lock"
echo "== $corpus (invented articles) -> $db"
dist/sqlite-news ingest "$corpus" "$db" > /dev/null
sqlite3 "$db" "SELECT (SELECT count(*) FROM articles) || ' articles from ' || (SELECT count(*) FROM outlets)
  || ' outlets; ' || (SELECT count(*) FROM entities) || ' entities named (people, organisations, places), '
  || (SELECT count(*) FROM quotes) || ' quotations, ' || (SELECT count(*) FROM dates) || ' dates'"
for q in most_quoted timeline; do
  echo "== $(sed -n '1{s/^-- *//;s/\.$//;p}' sql/$q.sql) (sql/$q.sql)"
  sqlite3 -box "$db" < sql/$q.sql
done
dist/sqlite-news report "$db" -o "$page"
echo "== The report: $page (open it in a browser)"
echo "More questions: sqlite3 -box $db < sql/co_mentions.sql, and the other files of sql/"
