#!/bin/sh
# The data generator (tools/gendata.c) on broken copies of data files: each
# must fail and name the file and line; an intact copy must give the same
# tables as the build. Prints "gendata: N passed, N failed" (tests/run.sh).
set -u
cd "$(dirname "$0")/../.."
gen=build/tools/gendata
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: gendata: $1"; }

# expect_error NAME MESSAGE FILE...: the generator fails and prints MESSAGE.
expect_error() {
  name=$1 msg=$2
  shift 2
  if "$gen" "$tmp/out.c" "$@" 2> "$tmp/err"; then bad "$name: accepted"; return; fi
  if grep -qF -- "$msg" "$tmp/err"; then ok; else bad "$name: said '$(cat "$tmp/err")', not '$msg'"; fi
  [ -e "$tmp/out.c" ] && bad "$name: wrote an output"
}

# A copy of module $1's files under $tmp/data/$1/.
copy() { rm -rf "$tmp/data/$1" && mkdir -p "$tmp/data/$1" && cp data/"$1"/*.t* "$tmp/data/$1/"; }

# The intact copy compiles to the build's own tables.
copy quotes
if "$gen" "$tmp/out.c" "$tmp"/data/quotes/*.tsv && cmp -s "$tmp/out.c" build/gen/quotes_data.c; then ok
else bad "intact quotes data does not reproduce build/gen/quotes_data.c"; fi
rm -f "$tmp/out.c"

# A cue with a column missing (line 12 of the copy).
copy quotes
f=$tmp/data/quotes/cues.tsv
awk 'NR == 12 { print "utter utters uttered\tsay"; next } { print }' data/quotes/cues.tsv > "$f"
expect_error "column count" "$f:12: 2 columns where 4 (forms, particles, kind, particle) are expected" "$tmp"/data/quotes/*.tsv

# A word class that does not exist.
copy quotes
f=$tmp/data/quotes/words.tsv
printf 'gadfly\tpronoun speakerish\n' >> "$f"
line=$(wc -l < "$f")
expect_error "class name" "$f:$line: unknown classes \"speakerish\"" "$tmp"/data/quotes/*.tsv

# A date word of an unknown kind, and a value out of range.
copy dates
f=$tmp/data/dates/words.tsv
printf 'fortnight\tunits\t14\n' >> "$f"
expect_error "date kind" "$f:$(wc -l < "$f"): unknown kind \"units\"" "$tmp"/data/dates/*.tsv
copy dates
printf 'fortnight\tnum\t99999\n' >> "$f"
expect_error "date value" "$f:$(wc -l < "$f"): value 99999 is outside -32768..32767" "$tmp"/data/dates/*.tsv

# A line rule whose pattern PCRE2 rejects.
copy articles
f=$tmp/data/articles/text_rules.tsv
printf 'drop\t60\t-\t^(?:unclosed group$\n' >> "$f"
expect_error "bad pattern" "$f:$(wc -l < "$f"): bad pattern at offset" "$tmp"/data/articles/*.tsv

# An outlet without its names (the columns of the one outlet list).
copy outlets
f=$tmp/data/outlets/outlets.tsv
printf 'The Daily Planet\tdailyplanet.com\n' >> "$f"
expect_error "outlet columns" "$f:$(wc -l < "$f"): 2 columns where 4 (name, domain, text names, other names)" "$tmp"/data/outlets/*.tsv
# An empty name between bars.
copy outlets
printf 'The Daily Planet\tdailyplanet.com\tDaily Planet||DP\t-\n' >> "$f"
expect_error "outlet names" "$f:$(wc -l < "$f"): text names \"Daily Planet||DP\": an empty name between '|'" "$tmp"/data/outlets/*.tsv

# A cue form that another cue has (the later row would silently win).
copy quotes
f=$tmp/data/quotes/cues.tsv
printf 'Said\t-\tsay\toptional\n' >> "$f"
expect_error "duplicate form" "$f:$(wc -l < "$f"): \"Said\" is already on line" "$tmp"/data/quotes/*.tsv

# An outlet name that is not UTF-8 (Latin-1 "é").
copy outlets
f=$tmp/data/outlets/outlets.tsv
printf 'Le Monde Diplomatique \351dition\tmonde-diplomatique.fr\t-\tLe Diplo\n' >> "$f"
expect_error "utf-8" "$f:$(wc -l < "$f"): the line is not valid UTF-8" "$tmp"/data/outlets/*.tsv

# A file the generator does not know, and a module missing one of its files.
copy quotes
printf '# a list nobody reads\nword\n' > "$tmp/data/quotes/extra.tsv"
expect_error "unknown file" "$tmp/data/quotes/extra.tsv: unknown data file" "$tmp"/data/quotes/*.tsv
copy quotes
expect_error "missing file" "data/quotes/words.tsv is missing" "$tmp/data/quotes/cues.tsv"

# A file without its header comment.
copy core
f=$tmp/data/core/sentence_starters.txt
grep -v '^#' data/core/sentence_starters.txt > "$f"
expect_error "header" "$f:1: the file must start with a comment" "$tmp"/data/core/*

echo "gendata: $pass passed, $fail failed"
[ "$fail" = 0 ]
