#!/bin/sh
# make eval: accuracy of every capability on the gold sets in ../shared/bench
# (predict.sh runs the extension, score.py scores). One block per gold set.
set -u
cd "$(dirname "$0")/.."
B=${BENCH:-../shared/bench}
[ -d "$B" ] || { echo "eval: no bench folder at $B (set BENCH=...)"; exit 1; }
mkdir -p build/eval
rm -f build/eval/*.score.json
has() { sqlite3 :memory: ".load dist/news" "SELECT 1 FROM pragma_module_list WHERE name='$1'" 2>/dev/null | grep -q 1; }
run() { # task gold name
  task=$1 gold=$2 name=$3
  sh "$B/predict.sh" "$task" "$gold" dist/news > "build/eval/$name.jsonl" 2> "build/eval/$name.err" || { echo "$name: predict failed"; cat "build/eval/$name.err"; return; }
  echo "== $name"
  python3 "$B/score.py" "$task" "$gold" "build/eval/$name.jsonl"
  python3 "$B/score.py" "$task" "$gold" "build/eval/$name.jsonl" --json > "build/eval/$name.score.json" 2>/dev/null
}
if has news_entities; then
  run ner "$B/ner/conll2003-dev.jsonl" ner-conll-dev
  run ner "$B/seeds/entities.jsonl" ner-seeds
else echo "entities: missing"; fi
if has news_quotes; then
  run quotes "$B/quotes/polnear-dev.jsonl" quotes-polnear-dev
  run quotes "$B/seeds/quotes.jsonl" quotes-seeds
else echo "quotes: missing"; fi
if has news_dates; then
  run dates "$B/dates/timebank.jsonl" dates-timebank
  run dates "$B/seeds/dates.jsonl" dates-seeds
else echo "dates: missing"; fi
if has news_articles; then
  for a in seeds:seeds/files:seeds/articles.jsonl polnear-dev:articles/polnear-dev:articles/polnear-dev.jsonl html-dev:articles/html-dev:articles/html-dev.jsonl; do
    name=${a%%:*} rest=${a#*:} folder=${rest%%:*} gold=${rest#*:}
    sh "$B/predict.sh" articles "$B/$folder" dist/news > "build/eval/articles-$name.jsonl" 2> "build/eval/articles-$name.err" || { echo "articles-$name: predict failed"; continue; }
    echo "== articles-$name"
    python3 "$B/score.py" articles "$B/$gold" "build/eval/articles-$name.jsonl"
    python3 "$B/score.py" articles "$B/$gold" "build/eval/articles-$name.jsonl" --json > "build/eval/articles-$name.score.json" 2>/dev/null
  done
else echo "articles: missing"; fi
# Corpus-wide keys: each gold file's texts as one corpus through news_analyze().
if sqlite3 :memory: ".load dist/news" "SELECT 1 FROM pragma_function_list WHERE name='news_analyze'" 2>/dev/null | grep -q 1; then
  for g in seeds/entities.jsonl:identity-seeds-entities seeds/quotes.jsonl:identity-seeds-quotes quotes/polnear-dev.jsonl:identity-polnear-dev; do
    gold=$B/${g%%:*} name=${g#*:}
    sh "$B/predict.sh" corpus "$gold" dist/news > "build/eval/$name.jsonl" 2> "build/eval/$name.err" || { echo "$name: predict failed"; cat "build/eval/$name.err"; continue; }
    echo "== $name"
    python3 "$B/score.py" identity "$gold" "build/eval/$name.jsonl"
    python3 "$B/score.py" identity "$gold" "build/eval/$name.jsonl" --json > "build/eval/$name.score.json" 2>/dev/null
  done
else echo "corpus: missing"; fi
# Outlet keys of whole folders ingested as corpora (issue 17 §4).
if sqlite3 :memory: ".load dist/news" "SELECT 1 FROM pragma_function_list WHERE name='news_url_domain'" 2>/dev/null | grep -q 1; then
  if sh tools/eval_outlets.sh "$B" build/eval 2> build/eval/outlets.err; then
    echo "== outlets"
    python3 tools/eval_summary.py build/eval/outlets-*.score.json
  else echo "outlets: failed"; cat build/eval/outlets.err; fi
else echo "outlets: missing"; fi
echo
echo "== summary (one line per gold set)"
ls build/eval/*.score.json >/dev/null 2>&1 && python3 tools/eval_summary.py build/eval/*.score.json || echo "(no capability to score yet)"
