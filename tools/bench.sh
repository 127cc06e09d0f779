#!/bin/sh
# `make bench`: speed, memory and linearity on one core of the release build
# (tests/bench/bench.c does the measuring). Never part of `make test`.
#   BENCH_DATA  the shared bench folder (default ../shared/bench)
#   BENCH_CPU   the core to pin to (default 0)
# Prints a table and writes build/bench.json (then tools/cli/bench_corpus.py
# adds the corpus rows: ingest_1, ingest_2, ingest_100k, reingest_1pct). Scratch files go to build/bench/
# and the large generated folders (100 MB, 1 GB) are removed after use.
set -eu
cd "$(dirname "$0")/.."
data=${BENCH_DATA:-../shared/bench}
[ -f "$data/quotes/polnear-train.jsonl" ] || { echo "bench: no bench data in $data (set BENCH_DATA)" >&2; exit 2; }
[ -x build/rel/bench ] || { echo "bench: build/rel/bench missing (run make bench)" >&2; exit 2; }
pin=""
command -v taskset >/dev/null && pin="taskset -c ${BENCH_CPU:-0}"
start=$(date +%s)
$pin build/rel/bench all dist/news "$data" build/bench
# The corpus rows (sqlite-news over generated articles; not pinned: --jobs 2
# needs both cores). They are added to build/bench.json.
echo
/usr/bin/python3 tools/cli/bench_corpus.py
echo "make bench took $(( $(date +%s) - start )) s"
