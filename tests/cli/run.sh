#!/bin/sh
# Tests of the sqlite-news command (dist/sqlite-news), the shard merge, the Dask
# example and the analysis queries of sql/, over the invented articles of
# tests/fixtures/shards/. Called by tests/run.sh; prints "cli: N passed, M failed".
# UPDATE=1 rewrites the expected rows of the queries (tests/cli/expected/; read
# the diff before committing them).
set -u
cd "$(dirname "$0")/../.."
cmd=dist/sqlite-news
py=/usr/bin/python3
fixture=tests/fixtures/shards
t=build/cli-test
rm -rf "$t" && mkdir -p "$t"
suite=cli
. tests/lib/checks.sh

# --help reads like a manual, --version names the version.
$cmd --help > $t/help.txt; check "--help exits 0" [ $? = 0 ]
for s in "ingest SOURCE DB" "analyze DB" "merge OUT.db SHARD.db" "--shard I/N" "EXIT STATUS" "130"; do
  check "--help documents $s" has $t/help.txt "$s"
done
$cmd --version > $t/version.txt; check "--version" has $t/version.txt "^sqlite-news [0-9]"

# Wrong usage: exit 2 with the usage line.
$cmd ingest only-one 2> $t/usage.txt; check "missing argument exits 2" [ $? = 2 ]
check "usage line" has $t/usage.txt "usage: sqlite-news ingest SOURCE DB"
$cmd ingest $fixture $t/x.db --shard 2/2 2> /dev/null; check "bad --shard exits 2" [ $? = 2 ]
$cmd frobnicate 2> /dev/null; check "unknown command exits 2" [ $? = 2 ]

# A first ingest: everything added, no progress line when stderr is not a terminal.
$cmd ingest $fixture $t/one.db --jobs 2 > $t/one.txt 2> $t/one.err
check "ingest exits 0" [ $? = 0 ]
check "ingest summary" has $t/one.txt "ingest: 6 added, 0 changed"
check "no progress line off a terminal" [ ! -s $t/one.err ]
# The same folder again: nothing to do, and it says so.
$cmd ingest $fixture $t/one.db --json > $t/again.json
check "re-ingest adds nothing" $py -c "import json,sys; s=json.load(open(sys.argv[1])); sys.exit(not (s['added'] == 0 and s['changed'] == 0 and s['unchanged'] == 6 and s['interrupted'] is False))" $t/again.json

# Errors: a clear message and exit 1.
$cmd ingest $t/no-such-folder $t/x.db 2> $t/err.txt; check "missing source exits 1" [ $? = 1 ]
check "missing source message" has $t/err.txt "no-such-folder: no such file or folder"
$cmd analyze $t/no-such.db 2> $t/err.txt; check "analyze of a missing database exits 1" [ $? = 1 ]
check "missing database message" has $t/err.txt "no such database"
cp $t/one.db $t/ro.db && chmod 444 $t/ro.db
if [ "$(id -u)" = 0 ]; then as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"; else as_user=""; fi
$as_user $cmd ingest $fixture $t/ro.db 2> $t/err.txt; check "read-only database exits 1" [ $? = 1 ]
check "read-only message" has $t/err.txt "read-only"
# Permission denied (as an unprivileged user: root reads anything): a changed
# file that cannot be read and an unreadable folder get error rows; the file's
# last content and the folder's stored files stay; readable again, the error
# rows go.
rows() { $py -c "import sqlite3,sys; print(*sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone())" "$@"; }
mkdir -p $t/perm/src/sub $t/perm/db && chmod 777 $t/perm/db
cp tests/fixtures/corpus/articles/wire/harbour.txt $t/perm/src/harbour.txt
cp tests/fixtures/corpus/articles/wire/storm.txt $t/perm/src/sub/storm.txt
cp tests/fixtures/corpus/articles/wire/council.txt $t/perm/src/secret.txt
$as_user $cmd ingest $t/perm/src $t/perm/db/p.db > /dev/null; check "ingest as a user exits 0" [ $? = 0 ]
echo "A later paragraph." >> $t/perm/src/secret.txt # changed (an unchanged file is not opened)
chmod 000 $t/perm/src/secret.txt $t/perm/src/sub
$as_user $cmd ingest $t/perm/src $t/perm/db/p.db --json > $t/perm.json; check "unreadable file and folder: exit 0" [ $? = 0 ]
check "unreadable file and folder: 2 failed" has $t/perm.json '"failed":2'
check "unreadable file: error row, content kept" [ "$(rows $t/perm/db/p.db "SELECT error, body IS NOT NULL FROM articles WHERE path LIKE '%secret.txt'")" = "Permission denied 1" ]
check "unreadable folder: error row" [ "$(rows $t/perm/db/p.db "SELECT error FROM articles WHERE path LIKE '%/sub'")" = "cannot read folder: Permission denied" ]
check "unreadable folder: its files stay" [ "$(rows $t/perm/db/p.db "SELECT count(*) FROM articles WHERE path LIKE '%sub/storm.txt' AND error IS NULL")" = 1 ]
chmod 755 $t/perm/src/sub && chmod 644 $t/perm/src/secret.txt
$as_user $cmd ingest $t/perm/src $t/perm/db/p.db --json > $t/perm.json
check "readable again: no error rows" [ "$(rows $t/perm/db/p.db "SELECT count(*) FROM articles WHERE error IS NOT NULL")" = 0 ]
# Another process holds the write lock: wait (--wait), then say it is locked.
$py -c "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE'); open(sys.argv[2], 'w').close(); time.sleep(5)" $t/one.db $t/locked &
holder=$!
while [ ! -e $t/locked ]; do sleep 0.05; done
$cmd ingest $fixture $t/one.db --wait 0.3 2> $t/err.txt; check "locked database exits 1" [ $? = 1 ]
check "locked message" has $t/err.txt "locked by another process"
kill $holder 2> /dev/null; wait $holder 2> /dev/null
printf 'not a database' > $t/bad.db
$cmd merge $t/m.db $t/bad.db 2> $t/err.txt; check "merging a non-database exits 1" [ $? = 1 ]
$cmd merge $t/m.db $t/none.db 2> $t/err.txt; check "merging a missing shard exits 1" [ $? = 1 ]
check "missing shard message" has $t/err.txt "none.db: no such shard database"

# Shards and merge: the merged database equals the one-process ingest, and
# merging again changes nothing.
for i in 0 1 2; do $cmd ingest $fixture $t/shard-$i.db --shard $i/3 > /dev/null || ko "shard $i"; done
$cmd merge $t/merged.db $t/shard-0.db $t/shard-1.db $t/shard-2.db > $t/merge.txt
check "merge exits 0" [ $? = 0 ]
check "merge summary" has $t/merge.txt "merge: 6 added"
check "merged equals one-process" $py tests/cli/same_corpus.py $t/one.db $t/merged.db > $t/same.txt
$cmd merge $t/merged.db $t/shard-2.db $t/shard-0.db $t/shard-1.db > /dev/null
check "merging again, in another order, changes nothing" $py tests/cli/same_corpus.py $t/one.db $t/merged.db > $t/same2.txt

# A row inserted with SQL, no file: analyze finds its quotation.
cp $t/one.db $t/user.db
sqlite3 $t/user.db "INSERT INTO articles(path, body, published) VALUES ('user:1', '“We will reopen the bridge,” said Lena Ortiz.', '2031-06-20')"
$cmd analyze $t/user.db > /dev/null; check "analyze exits 0" [ $? = 0 ]
check "analyze finds the user row's quotation" [ "$(sqlite3 $t/user.db "SELECT q.speaker_key FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.path = 'user:1'")" = "Lena Ortiz" ]

# Ctrl-C: the batch finishes, the summary says interrupted, exit 130; the
# next run continues and the result equals an uninterrupted ingest.
$py tools/cli/gen_corpus.py $t/gen --count 2000 > /dev/null
$cmd ingest $t/gen $t/int.db --jobs 1 --batch 10 > $t/int.txt 2> /dev/null &
pid=$!
n=0
while [ "$(sqlite3 $t/int.db "SELECT count(*) FROM mentions" 2> /dev/null || echo 0)" = 0 ] && [ $n -lt 400 ]; do sleep 0.02; n=$((n + 1)); done
kill -INT $pid; wait $pid; status=$?
check "Ctrl-C exits 130" [ $status = 130 ]
check "Ctrl-C summary says interrupted" has $t/int.txt "interrupted"
$cmd ingest $t/gen $t/int.db > /dev/null; check "the next run completes" [ $? = 0 ]
$cmd ingest $t/gen $t/full.db > /dev/null
check "interrupted + continued equals uninterrupted" $py tests/cli/same_corpus.py $t/full.db $t/int.db > $t/same3.txt

# The Dask example: two workers of a LocalCluster, two shards, then merge.
if $py -c "import distributed" 2> /dev/null; then
  $py examples/dask_ingest.py $fixture $t/dask.db --shards 2 --local --workers 2 --workdir $t/dask-shards \
    > $t/dask.txt 2> $t/dask.err
  check "dask_ingest exits 0" [ $? = 0 ]
  check "dask merge equals one-process" $py tests/cli/same_corpus.py $t/one.db $t/dask.db > $t/same4.txt
else
  ko "python3-distributed is missing (tools/deps.sh installs it)"
fi

# The analysis queries: expected rows on the fixture database, each under a second.
for f in sql/*.sql; do
  name=$(basename $f .sql)
  start=$(date +%s%N)
  sqlite3 -batch $t/one.db < $f > $t/$name.out 2>&1
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  [ "${UPDATE:-}" = 1 ] && cp $t/$name.out tests/cli/expected/$name.out
  if diff -u tests/cli/expected/$name.out $t/$name.out > $t/$name.diff; then ok; else ko "sql/$name.sql rows (see $t/$name.diff)"; fi
  check "sql/$name.sql under a second ($ms ms)" [ $ms -lt 1000 ]
done

echo "cli: $passed passed, $failed failed"
[ $failed = 0 ]
