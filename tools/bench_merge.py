#!/usr/bin/env python3
"""Adds rows to build/bench.json, keeping the rows already there: those of a
partial bench run (build/bench-textmem.json, written by `make bench-mem`), or,
imported, those tools/cli/bench_corpus.py measures.

    tools/bench_merge.py build/bench-textmem.json
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_JSON = os.path.join(ROOT, "build", "bench.json")


def merge_into_bench(rows):
    """rows (a dict of rows) into build/bench.json; returns its path."""
    try:
        with open(BENCH_JSON) as f:
            bench = json.load(f)
    except (OSError, ValueError):
        bench = {}
    bench.update(rows)
    with open(BENCH_JSON, "w") as f:
        json.dump(bench, f, indent=2)
        f.write("\n")
    return BENCH_JSON


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: tools/bench_merge.py PARTIAL.json")
    with open(argv[1]) as f:
        rows = json.load(f)
    print("added %s to %s" % (", ".join(rows), merge_into_bench(rows)))


if __name__ == "__main__":
    main(sys.argv)
