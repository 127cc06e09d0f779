#!/usr/bin/env python3
"""Build one corpus database on a Dask cluster: the folder is split into N
shards by path (sqlite-news ingest --shard I/N), each shard is a task that
any worker may run, and the shard databases are merged at the end
(sqlite-news merge: ids remapped, identities relinked over the whole corpus).

On a cluster (a scheduler started with `dask scheduler`, workers with
`dask worker scheduler:8786`; SOURCE, --workdir and the current folder on
a filesystem every worker sees at the same place, sqlite-news installed on
every worker; articles.path keeps SOURCE as given, as a one-process ingest
would):

    from dask.distributed import Client
    client = Client("scheduler:8786")

    python3 examples/dask_ingest.py corpus/ corpus.db --shards 16 \\
        --scheduler scheduler:8786 --workdir /shared/shards

On one machine, with a local cluster of worker processes:

    python3 examples/dask_ingest.py corpus/ corpus.db --shards 4 --local --workers 2

A failed task is retried (a shard's ingest continues where it stopped), and
running the whole script again only redoes what changed: each shard
database is kept in --workdir and ingested incrementally.

Needs Dask distributed (Debian: apt-get install python3-distributed)."""
import argparse
import json
import os
import shutil
import subprocess
import sys

from dask.distributed import Client, LocalCluster


def ingest_shard(command, source, shard_db, index, count, jobs, cwd):
    """One task: ingest shard index/count of source into shard_db; its summary.
    It runs in the client's folder, so that the stored paths are the ones a
    one-process ingest of the same SOURCE would store."""
    run = subprocess.run([command, "ingest", source, shard_db, "--shard", f"{index}/{count}", "--jobs", str(jobs),
                          "--json"], capture_output=True, text=True, cwd=cwd)
    if run.returncode != 0:
        raise RuntimeError(f"shard {index}/{count}: {run.stderr.strip() or run.stdout.strip()}")
    return json.loads(run.stdout)


def default_command():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dist", "sqlite-news")
    return shutil.which("sqlite-news") or os.path.normpath(here)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", help="folder, glob or file of articles (seen by every worker)")
    ap.add_argument("out", help="the merged corpus database")
    ap.add_argument("--shards", type=int, default=4, help="number of shards (tasks)")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. scheduler:8786")
    where.add_argument("--local", action="store_true", help="start a LocalCluster on this machine")
    ap.add_argument("--workers", type=int, default=2, help="workers of the LocalCluster (with --local)")
    ap.add_argument("--jobs", type=int, default=1, help="threads per shard ingest (--jobs of sqlite-news)")
    ap.add_argument("--workdir", help="folder for the shard databases (default: next to OUT)")
    ap.add_argument("--command", default=default_command(), help="the sqlite-news executable on the workers")
    a = ap.parse_args()

    workdir = os.path.abspath(a.workdir or os.path.splitext(a.out)[0] + "-shards")
    os.makedirs(workdir, exist_ok=True)
    command = os.path.abspath(a.command) if os.sep in a.command else a.command
    shards = [os.path.join(workdir, f"shard-{i}-of-{a.shards}.db") for i in range(a.shards)]

    cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, dashboard_address=None) if a.local else None
    with Client(cluster if cluster else a.scheduler) as client:
        futures = [client.submit(ingest_shard, command, a.source, shards[i], i, a.shards, a.jobs, os.getcwd(),
                                 key=f"shard-{i}",
                                 pure=False, retries=2) for i in range(a.shards)]
        for i, summary in enumerate(client.gather(futures)):
            print(f"shard {i}/{a.shards}: {summary}", file=sys.stderr)
    if cluster:
        cluster.close()

    # The merge reads every shard: it runs here, where OUT is written.
    merge = subprocess.run([command, "merge", a.out, *shards, "--json"], capture_output=True, text=True)
    if merge.returncode != 0:
        sys.exit(f"dask_ingest: merge failed: {merge.stderr.strip()}")
    print(merge.stdout.strip())


if __name__ == "__main__":
    main()
