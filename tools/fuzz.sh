#!/bin/sh
# `make fuzz`: runs each libFuzzer target for FUZZ_SECONDS (default 60):
# the tokenizer, then the SQL target focused on each group of registered
# news_* functions, the JSON Lines record parser, then the article reader
# once per file format (when news_articles exists). Findings (crash-*,
# timeout-*, oom-*, leak-*) are copied to tests/fuzz/regressions/<target>/,
# which `make test` replays; fix them, then commit them. Exit status 1 when
# anything was found.
set -u
cd "$(dirname "$0")/.."
secs=${FUZZ_SECONDS:-60}
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
registered=$(sqlite3 -batch -noheader :memory: ".load dist/news" \
  "SELECT name FROM pragma_function_list WHERE name LIKE 'news\_%' ESCAPE '\' UNION SELECT name FROM pragma_module_list WHERE name LIKE 'news\_%' ESCAPE '\';")
has() { echo "$registered" | grep -qx "$1"; }
found=0 total=0 runs=""
# run NAME TARGET DICT [VAR=VALUE]: one fuzzing session of secs seconds.
run() {
  name=$1 target=$2 dict=$3; shift 3
  work=build/fuzz/corpus/$name art=build/fuzz/artifacts/$name
  mkdir -p "$work" "$art"
  echo "== fuzz $name ($target, ${secs}s)"
  env "$@" build/fuzz/bin/fuzz_$target "$work" tests/fuzz/corpus/$target \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -dict=tests/fuzz/$dict \
    -artifact_prefix="$art/" -print_final_stats=1 > build/fuzz/$name.log 2>&1
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' build/fuzz/$name.log | tr '\n' ' '; echo
  for f in "$art"/*; do
    [ -f "$f" ] || continue
    mkdir -p tests/fuzz/regressions/$target
    cp "$f" tests/fuzz/regressions/$target/"$name-$(basename "$f")"
    echo "FOUND $f (saved to tests/fuzz/regressions/$target/); log: build/fuzz/$name.log"
    grep -m3 -E 'ERROR|runtime error|invariant|fuzz_' build/fuzz/$name.log
    rm -f "$f"
    found=$((found + 1))
  done
  total=$((total + secs)); runs="$runs $name"
}
run tokenize tokenize text.dict
run text sql text.dict NW_FUZZ_ONLY=news_sentences,news_clean,news_fold
for group in news_entities news_quotes news_dates,news_date; do
  first=${group%%,*}
  has "$first" || continue
  run ${first#news_} sql text.dict NW_FUZZ_ONLY=$group
done
run jsonl jsonl json.dict
if has news_articles; then
  for ext in txt html jsonl; do
    run articles_$ext articles html.dict NW_FUZZ_ARTICLES_EXT=.$ext
  done
fi
echo "fuzzed ${total}s in all (runs:$runs); findings: $found"
[ "$found" = 0 ]
