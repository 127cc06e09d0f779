#!/usr/bin/env python3
"""Compares two corpus databases by content, not by id: articles by path (with
their outlet's key), mentions, quotes and dates by their article's path (with
the entity keys they link to), entities and outlets by key. Ids may differ.

  python3 tests/cli/same_corpus.py one.db other.db    # exit 0 when the same

Prints the first differences of each table otherwise."""
import sqlite3
import sys

# Ids are per database; what they point to is compared instead.
ID_COLUMNS = {"id", "article_id", "outlet_id", "entity_id", "speaker_entity_id"}


def columns(db, table):
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] not in ID_COLUMNS]


def rows(db, table):
    cols = ", ".join(f"x.{c}" for c in columns(db, table))
    if table == "articles":
        sql = f"SELECT {cols}, o.key FROM articles x LEFT JOIN outlets o ON o.id = x.outlet_id"
    elif table == "mentions":
        sql = (f"SELECT a.path, {cols}, e.key FROM mentions x JOIN articles a ON a.id = x.article_id "
               "LEFT JOIN entities e ON e.id = x.entity_id")
    elif table == "quotes":
        sql = (f"SELECT a.path, {cols}, e.key FROM quotes x JOIN articles a ON a.id = x.article_id "
               "LEFT JOIN entities e ON e.id = x.speaker_entity_id")
    elif table == "dates":
        sql = f"SELECT a.path, {cols} FROM dates x JOIN articles a ON a.id = x.article_id"
    else:
        sql = f"SELECT {cols} FROM {table} x"
    return sorted(db.execute(sql).fetchall(), key=repr)


def main():
    a, b = (sqlite3.connect(f"file:{p}?mode=ro", uri=True) for p in sys.argv[1:3])
    same = True
    for table in ("articles", "outlets", "entities", "mentions", "quotes", "dates"):
        if columns(a, table) != columns(b, table):
            print(f"{table}: different columns: {columns(a, table)} / {columns(b, table)}")
            same = False
            continue
        ra, rb = rows(a, table), rows(b, table)
        if ra != rb:
            same = False
            sa, sb = set(ra), set(rb)
            only_a = [r for r in ra if r not in sb][:3]
            only_b = [r for r in rb if r not in sa][:3]
            print(f"{table}: {len(ra)} rows / {len(rb)} rows")
            for side, only in (("first", only_a), ("second", only_b)):
                for r in only:
                    print(f"  only in the {side}: {repr(r)[:200]}")
        elif not ra and table in ("articles", "mentions"):
            print(f"{table}: empty in both (nothing compared)")
            same = False
    print("same corpus" if same else "different")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
