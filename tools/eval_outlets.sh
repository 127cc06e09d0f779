#!/bin/sh
# make eval, outlets (issue 17 §4): each article folder ingested as one corpus
# with news_ingest, then the articles' outlet keys checked.
#   html-dev: the key equals the registered domain (news_url_domain, libpsl) of
#             the gold URL, over the pages whose gold record gives one;
#   polnear-dev: every file has an outlet, and the files of one prefix (the
#             file name up to the first '_') share exactly one key.
# Prints one JSON object per set (task "outlets") for eval_summary.py.
#   tools/eval_outlets.sh BENCH OUTDIR
set -eu
B=$1 out=$2
corpus() { # folder db: a fresh corpus of the folder's files
  rm -f "$2"
  sqlite3 -batch "$2" ".load dist/news" ".output /dev/null" "SELECT news_ingest('$1', '{\"jobs\": 2}')"
}
corpus "$B/articles/html-dev" "$out/outlets-html-dev.db"
sqlite3 -batch -noheader -list "$out/outlets-html-dev.db" <<SQL > "$out/outlets-html-dev.score.json"
.load dist/news
WITH gold AS (
  SELECT json_extract(value, '\$.path') AS file, news_url_domain(json_extract(value, '\$.url')) AS domain
  FROM json_each('[' || replace(trim(CAST(readfile('$B/articles/html-dev.jsonl') AS TEXT), char(10)), char(10), ',') || ']')
  WHERE json_extract(value, '\$.url') IS NOT NULL),
got AS (
  SELECT g.file, g.domain, o.key
  FROM gold g LEFT JOIN articles a ON a.path LIKE '%/' || g.file LEFT JOIN outlets o ON o.id = a.outlet_id)
SELECT json_object('task', 'outlets', 'set', 'html-dev',
  'right', (SELECT count(*) FROM got WHERE key = domain), 'pages', (SELECT count(*) FROM got),
  'wrong', (SELECT json_group_array(json_object('file', file, 'domain', domain, 'key', key))
            FROM got WHERE key IS NOT domain));
SQL
corpus "$B/articles/polnear-dev" "$out/outlets-polnear-dev.db"
sqlite3 -batch -noheader -list "$out/outlets-polnear-dev.db" <<SQL > "$out/outlets-polnear-dev.score.json"
.load dist/news
WITH files AS (
  SELECT substr(f, 1, instr(f, '_') - 1) AS prefix, o.key
  FROM (SELECT a.*, replace(a.path, '$B/articles/polnear-dev/', '') AS f FROM articles a) a
  LEFT JOIN outlets o ON o.id = a.outlet_id),
prefixes AS (SELECT prefix, count(DISTINCT key) AS keys, count(*) - count(key) AS missing,
                    group_concat(DISTINCT key) AS key_list FROM files GROUP BY prefix)
SELECT json_object('task', 'outlets', 'set', 'polnear-dev',
  'with_outlet', (SELECT count(key) FROM files), 'files', (SELECT count(*) FROM files),
  'one_key', (SELECT count(*) FROM prefixes WHERE keys = 1 AND missing = 0), 'prefixes', (SELECT count(*) FROM prefixes),
  'keys', (SELECT json_group_object(prefix, key_list) FROM prefixes));
SQL
