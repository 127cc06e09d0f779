#!/usr/bin/env python3
"""The corpus rows of `make bench`: dist/sqlite-news over generated articles
(tools/cli/gen_corpus.py), figures added to build/bench.json.

  ingest_1, ingest_2  MB/s of article text (articles.body) ingested with --jobs 1
                      and --jobs 2 into a fresh database (wall time, best of RUNS);
                      target: ingest_2 >= 1.7 x ingest_1
  ingest_100k         100 000 articles with --jobs 2: seconds, MB/s, peak RSS, database size
  reingest_1pct       re-ingest after 1 % of the files changed, as a share of the
                      full ingest's time (target <= 5 %)
  sql_10k             each sql/*.sql over the 10 000-article database: CPU and wall
                      seconds of the sqlite3 shell (target < 1 s)

  /usr/bin/python3 tools/cli/bench_corpus.py [--small N] [--large N] [--runs R]

Wall time, not CPU time: the point is what two workers buy. On a shared
machine other load slows both; the best of several runs is kept. Each row
also keeps the command's CPU seconds per thread ("cpu": writer, workers,
link), which other load changes far less, and the speedup they imply on two
cores: (writer + workers) / ((writer - link + workers) / 2 + link)."""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CMD = os.path.join(ROOT, "dist", "sqlite-news")
GEN = os.path.join(ROOT, "tools", "cli", "gen_corpus.py")
OUT = os.path.join(ROOT, "build", "bench", "corpus")
MB = 1024 * 1024


def run(args, stdin=None, usage_out=None):
    """Runs the command; its wall seconds, peak RSS (MB) and output (wait4 on
    this one child; the output goes to a file, so a large one cannot block it)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        p = subprocess.Popen(args, stdin=stdin, stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        seconds = time.monotonic() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, error = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if usage_out is not None:
        usage_out.append(usage)
    if p.returncode != 0:
        sys.exit(f"bench_corpus: {' '.join(args)} failed: {error.strip() or text.strip()[:500]}")
    return seconds, usage.ru_maxrss / 1024, text


def remove_db(db):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)


def text_mb(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT total(length(CAST(body AS BLOB))) FROM articles").fetchone()[0] / MB


def generate(folder, count, change=0):
    args = [sys.executable, GEN, folder, "--count", str(count)] + (["--change", str(change)] if change else [])
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def ingest(folder, db, jobs, fresh=True):
    if fresh:
        remove_db(db)
    seconds, rss, out = run([CMD, "ingest", folder, db, "--jobs", str(jobs), "--json"])
    return seconds, rss, json.loads(out)


def time_queries(db, articles):
    """Each sql/*.sql over the database: CPU seconds (user + system) and wall seconds."""
    rows = {}
    for name in sorted(os.listdir(os.path.join(ROOT, "sql"))):
        if not name.endswith(".sql"):
            continue
        usage = []
        with open(os.path.join(ROOT, "sql", name)) as f:
            wall, _, _ = run(["sqlite3", "-batch", db], stdin=f, usage_out=usage)
        cpu = usage[0].ru_utime + usage[0].ru_stime
        rows[name] = {"cpu_s": round(cpu, 3), "wall_s": round(wall, 3)}
        print(f"sql/{name:22s} {cpu:6.3f} s CPU  {wall:6.3f} s wall  ({articles} articles; target < 1 s)")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=10000, help="articles for ingest_1 / ingest_2 and the sql/ timings")
    ap.add_argument("--large", type=int, default=100000, help="articles for ingest_100k")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    res = {}

    small, db = os.path.join(OUT, "small"), os.path.join(OUT, "small.db")
    shutil.rmtree(small, ignore_errors=True)
    generate(small, a.small)
    best, cpu = {}, {}
    for jobs in (1, 2):
        runs = [ingest(small, db, jobs) for _ in range(a.runs)]
        seconds, _, summary = min(runs, key=lambda r: r[0])
        best[jobs], cpu[jobs] = seconds, summary.get("cpu")
    mb = text_mb(db)
    for jobs in (1, 2):
        res[f"ingest_{jobs}"] = {"mb_per_s": round(mb / best[jobs], 2), "seconds": round(best[jobs], 2),
                                 "text_mb": round(mb, 2), "articles": a.small, "runs": a.runs, "cpu": cpu[jobs]}
    res["ingest_2"]["speedup"] = round(best[1] / best[2], 2)
    c = cpu[2]
    if c:
        bound = (c["writer"] + c["workers"]) / ((c["writer"] - c["link"] + c["workers"]) / 2 + c["link"])
        res["ingest_2"]["speedup_from_cpu"] = round(bound, 2)
        print(f"ingest_2 CPU   writer {c['writer']:.2f} s (link {c['link']:.2f}), workers {c['workers']:.2f} s:"
              f" {bound:.2f}x on two cores")
    print(f"ingest_1       {mb / best[1]:6.2f} MB/s  ({mb:.1f} MB of text, {a.small} articles, {best[1]:.2f} s)")
    print(f"ingest_2       {mb / best[2]:6.2f} MB/s  ({best[2]:.2f} s; {best[1] / best[2]:.2f}x ingest_1, target >= 1.7)")
    res["sql_10k"] = time_queries(db, a.small)
    remove_db(db)
    shutil.rmtree(small)

    large, db = os.path.join(OUT, "large"), os.path.join(OUT, "large.db")
    shutil.rmtree(large, ignore_errors=True)
    generate(large, a.large)
    seconds, rss, summary = ingest(large, db, 2)
    mb, size = text_mb(db), os.path.getsize(db) / MB
    res["ingest_100k"] = {"articles": a.large, "seconds": round(seconds, 1), "mb_per_s": round(mb / seconds, 2),
                          "text_mb": round(mb, 1), "peak_rss_mb": round(rss, 1), "db_mb": round(size, 1),
                          "added": summary.get("added"), "cpu": summary.get("cpu")}
    print(f"ingest_100k    {seconds:6.1f} s  {mb / seconds:.2f} MB/s  peak RSS {rss:.0f} MB  database {size:.0f} MB "
          f"({a.large} articles, {mb:.0f} MB of text)")

    generate(large, a.large, change=1)
    again, _, summary = ingest(large, db, 2, fresh=False)
    share = 100 * again / seconds
    res["reingest_1pct"] = {"seconds": round(again, 2), "pct_of_full": round(share, 2), "changed": summary.get("changed"),
                            "unchanged": summary.get("unchanged"), "cpu": summary.get("cpu")}
    print(f"reingest_1pct  {again:6.2f} s  {share:.1f} % of the full ingest (target <= 5 %; "
          f"{summary.get('changed')} changed, {summary.get('unchanged')} unchanged)")
    remove_db(db)
    shutil.rmtree(large)

    # Wall times on a shared machine say little without the load they ran under.
    res["corpus_load_average"] = [round(x, 1) for x in os.getloadavg()]
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    from bench_merge import merge_into_bench
    print(f"wrote {merge_into_bench(res)} (corpus rows)")


if __name__ == "__main__":
    main()
