/* nw_corpus_merge: shard databases (sqlite-news ingest --shard I/N) copied
** into one corpus database.
**
**   sqlite-news merge corpus.db shard-0.db shard-1.db
**
** Articles are matched by path, the stable key: a path already in the
** output keeps its id and takes the shard's row; a new path gets a new id.
** New ids are handed out in path order over all the shards together, so
** the result does not depend on which shard finished first, and merging
** twice gives the same database. Mentions, quotes and dates follow their
** article (article_id remapped); outlets and entities are matched by key
** and the corpus-wide keys are then recomputed (nw_corpus_link) over the
** whole corpus. Columns are copied by name: those the output and the shard
** share, so a shard from an older schema still merges.
**
** Each shard is copied in one transaction: a crash leaves whole shards
** merged, and running the merge again completes it. The shards are only
** read. */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "corpus_internal.h"

#define SHARD "nw_merge_shard" /* the attached shard's schema name */

/* Runs SQL built from fmt (sqlite3_mprintf: %w for identifiers, %Q for strings). */
static int exec_fmt(sqlite3 *db, char **err, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *sql = sqlite3_vmprintf(fmt, ap);
  va_end(ap);
  if (!sql) return SQLITE_NOMEM;
  sqlite3_free(*err);
  *err = NULL;
  int rc = sqlite3_exec(db, sql, NULL, NULL, err);
  sqlite3_free(sql);
  return rc;
}

static int64_t query_int(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st;
  int64_t v = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

static int fail(char **err, int rc, const char *fmt, const char *arg) {
  sqlite3_free(*err);
  *err = sqlite3_mprintf(fmt, arg);
  return rc;
}

static void detach(sqlite3 *db) { sqlite3_exec(db, "DETACH " SHARD, NULL, NULL, NULL); }

static int attach(sqlite3 *db, const char *path, char **err) {
  struct stat sb;
  if (stat(path, &sb) != 0) return fail(err, SQLITE_CANTOPEN, "merge: no such shard database: %s", path);
  if (exec_fmt(db, err, "ATTACH %Q AS " SHARD, path) != SQLITE_OK) return SQLITE_CANTOPEN;
  /* A file that is not a database fails on its first read, here. */
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, "SELECT 1 FROM " SHARD ".sqlite_master WHERE type = 'table' AND name = 'articles'", -1,
                              &st, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  sqlite3_finalize(st);
  if (rc == SQLITE_ROW) return SQLITE_OK;
  detach(db);
  if (rc == SQLITE_DONE) return fail(err, SQLITE_ERROR, "merge: not a corpus database (no articles table): %s", path);
  return fail(err, rc, "merge: cannot read the shard (not an SQLite database?): %s", path);
}

static int table_in_shard(sqlite3 *db, const char *table) {
  char *sql = sqlite3_mprintf("SELECT count(*) FROM " SHARD ".sqlite_master WHERE type = 'table' AND name = %Q", table);
  int64_t n = sql ? query_int(db, sql) : 0;
  sqlite3_free(sql);
  return n > 0;
}

/* What a column of the output takes from row x of the shard: ids remapped
** through the temp maps, the rest as is. NULL: leave the column out. */
static char *column_source(const char *table, const char *col) {
  int is_articles = !strcmp(table, "articles");
  if (!strcmp(col, "id")) return is_articles ? sqlite3_mprintf("m.new_id") : NULL;
  if (!strcmp(col, "article_id") && !is_articles) return sqlite3_mprintf("m.new_id");
  if (!strcmp(col, "outlet_id"))
    return sqlite3_mprintf("(SELECT new_id FROM temp.nw_merge_outlets WHERE old_id = x.outlet_id)");
  if (!strcmp(col, "entity_id") || !strcmp(col, "speaker_entity_id"))
    return sqlite3_mprintf("(SELECT new_id FROM temp.nw_merge_entities WHERE old_id = x.\"%w\")", col);
  return sqlite3_mprintf("x.\"%w\"", col);
}

/* "INSERT [OR ...] INTO main.T (cols) SELECT exprs FROM shard.T x <tail>"
** over the columns both databases have. */
static int copy_rows(sqlite3 *db, const char *verb, const char *table, const char *tail, char **err) {
  char *sql = sqlite3_mprintf("SELECT m.name FROM pragma_table_info(%Q, 'main') m "
                              "WHERE m.name IN (SELECT name FROM pragma_table_info(%Q, '" SHARD "')) ORDER BY m.cid",
                              table, table);
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  sqlite3_free(sql);
  if (rc != SQLITE_OK) return fail(err, rc, "merge: %s", sqlite3_errmsg(db));
  char *cols = sqlite3_mprintf(""), *exprs = sqlite3_mprintf("");
  while (cols && exprs && sqlite3_step(st) == SQLITE_ROW) {
    const char *col = (const char *)sqlite3_column_text(st, 0);
    char *src = column_source(table, col);
    if (!src) continue;
    char *c2 = sqlite3_mprintf("%s%s\"%w\"", cols, *cols ? ", " : "", col);
    char *e2 = sqlite3_mprintf("%s%s%s", exprs, *exprs ? ", " : "", src);
    sqlite3_free(src);
    sqlite3_free(cols);
    sqlite3_free(exprs);
    cols = c2;
    exprs = e2;
  }
  rc = cp_finish(db, st, rc, "merge: cannot read the shard's columns", err);
  if (rc == SQLITE_OK && (!cols || !exprs)) rc = SQLITE_NOMEM;
  else if (*cols)
    rc = exec_fmt(db, err, "%s INTO main.\"%w\" (%s) SELECT %s FROM " SHARD ".\"%w\" x %s", verb, table, cols, exprs,
                  table, tail);
  sqlite3_free(cols);
  sqlite3_free(exprs);
  return rc;
}

/* Pass 1: every shard's paths, the last shard naming a path winning, and
** the id each path will have in the output. */
static int plan_ids(sqlite3 *db, const char *const *shards, int nshards, nw_corpus_stats *st, char **err) {
  int rc = exec_fmt(db, err,
                    "DROP TABLE IF EXISTS temp.nw_merge_src;"
                    "CREATE TABLE temp.nw_merge_src(path TEXT PRIMARY KEY, shard INTEGER, old_id INTEGER, new_id INTEGER)");
  for (int k = 0; rc == SQLITE_OK && k < nshards; k++) {
    rc = attach(db, shards[k], err);
    if (rc != SQLITE_OK) return rc;
    rc = exec_fmt(db, err,
                  "INSERT OR REPLACE INTO temp.nw_merge_src(path, shard, old_id) SELECT path, %d, id FROM " SHARD
                  ".articles",
                  k);
    detach(db);
  }
  if (rc != SQLITE_OK) return rc;
  /* A path the output has keeps its id; new paths follow the highest id
  ** ever given (AUTOINCREMENT's counter), in path order. */
  rc = exec_fmt(db, err,
                "UPDATE temp.nw_merge_src SET new_id = (SELECT id FROM main.articles a WHERE a.path = nw_merge_src.path);"
                "UPDATE temp.nw_merge_src SET new_id = n.base + n.r FROM ("
                "  SELECT path, row_number() OVER (ORDER BY path) AS r,"
                "    max(coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = 'articles'), 0),"
                "        coalesce((SELECT max(id) FROM main.articles), 0)) AS base"
                "  FROM temp.nw_merge_src WHERE new_id IS NULL) AS n"
                " WHERE n.path = nw_merge_src.path");
  if (rc != SQLITE_OK) return rc;
  int64_t total = query_int(db, "SELECT count(*) FROM temp.nw_merge_src");
  st->changed = query_int(db, "SELECT count(*) FROM temp.nw_merge_src s JOIN main.articles a ON a.id = s.new_id");
  st->added = total - st->changed;
  st->files_total = total;
  return SQLITE_OK;
}

/* Maps old -> new ids of outlets or entities, matched by key (added to the
** output when missing). */
static int map_by_key(sqlite3 *db, const char *table, const char *map, char **err) {
  int rc = exec_fmt(db, err, "DELETE FROM temp.%w", map);
  if (rc == SQLITE_OK && table_in_shard(db, table)) {
    rc = copy_rows(db, "INSERT OR IGNORE", table, "WHERE x.key IS NOT NULL ORDER BY x.key", err);
    if (rc == SQLITE_OK)
      rc = exec_fmt(db, err,
                    "INSERT INTO temp.%w(old_id, new_id) SELECT s.id, o.id FROM " SHARD ".\"%w\" s JOIN main.\"%w\" o "
                    "ON o.key = s.key",
                    map, table, table);
  }
  return rc;
}

/* Pass 2 for shard k: its articles and their rows, in one transaction. */
static int copy_shard(sqlite3 *db, int k, nw_corpus_stats *st, char **err) {
  static const char *const children[] = {"mentions", "quotes", "dates"};
  int rc = exec_fmt(db, err,
                    "BEGIN IMMEDIATE;"
                    "DELETE FROM temp.nw_merge_ids;"
                    "INSERT INTO temp.nw_merge_ids(old_id, new_id) SELECT old_id, new_id FROM temp.nw_merge_src WHERE shard = %d",
                    k);
  if (rc == SQLITE_OK) rc = map_by_key(db, "outlets", "nw_merge_outlets", err);
  if (rc == SQLITE_OK) rc = map_by_key(db, "entities", "nw_merge_entities", err);
  /* The rows of an article being replaced go; the shard's take their place. */
  for (int i = 0; rc == SQLITE_OK && i < 3; i++)
    rc = exec_fmt(db, err, "DELETE FROM main.%w WHERE article_id IN (SELECT new_id FROM temp.nw_merge_ids)", children[i]);
  /* (and the linker's names of them: it reads the new rows) */
  if (rc == SQLITE_OK)
    rc = exec_fmt(db, err, "DELETE FROM main.article_names WHERE article_id IN (SELECT new_id FROM temp.nw_merge_ids)");
  if (rc == SQLITE_OK)
    rc = copy_rows(db, "INSERT OR REPLACE", "articles", "JOIN temp.nw_merge_ids m ON m.old_id = x.id ORDER BY m.new_id", err);
  for (int i = 0; rc == SQLITE_OK && i < 3; i++)
    if (table_in_shard(db, children[i]))
      rc = copy_rows(db, "INSERT", children[i], "JOIN temp.nw_merge_ids m ON m.old_id = x.article_id ORDER BY m.new_id, x.rowid",
                     err);
  if (rc == SQLITE_OK) rc = exec_fmt(db, err, "COMMIT");
  if (rc != SQLITE_OK) {
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
  }
  st->files_done += query_int(db, "SELECT count(*) FROM temp.nw_merge_ids");
  return SQLITE_OK;
}

int nw_corpus_merge(sqlite3 *db, const char *const *shards, int nshards, nw_corpus_stats *st, char **err) {
  double start = cp_now();
  nw_corpus_stats local = {0};
  if (!st) st = &local;
  *err = NULL;
  if (!sqlite3_get_autocommit(db)) return fail(err, SQLITE_MISUSE, "merge: %s", "cannot merge inside a transaction");
  int rc = nw_corpus_schema(db, err);
  if (rc == SQLITE_OK) rc = plan_ids(db, shards, nshards, st, err);
  if (rc == SQLITE_OK)
    rc = exec_fmt(db, err,
                  "CREATE TEMP TABLE IF NOT EXISTS nw_merge_ids(old_id INTEGER PRIMARY KEY, new_id INTEGER);"
                  "CREATE TEMP TABLE IF NOT EXISTS nw_merge_outlets(old_id INTEGER PRIMARY KEY, new_id INTEGER);"
                  "CREATE TEMP TABLE IF NOT EXISTS nw_merge_entities(old_id INTEGER PRIMARY KEY, new_id INTEGER)");
  for (int k = 0; rc == SQLITE_OK && k < nshards; k++) {
    rc = attach(db, shards[k], err);
    if (rc != SQLITE_OK) break;
    rc = copy_shard(db, k, st, err);
    detach(db);
  }
  if (rc == SQLITE_OK) rc = nw_corpus_link(db, err);
  sqlite3_exec(db,
               "DROP TABLE IF EXISTS temp.nw_merge_src; DROP TABLE IF EXISTS temp.nw_merge_ids;"
               "DROP TABLE IF EXISTS temp.nw_merge_outlets; DROP TABLE IF EXISTS temp.nw_merge_entities",
               NULL, NULL, NULL);
  st->seconds = cp_now() - start;
  if (rc != SQLITE_OK && !*err) *err = sqlite3_mprintf("merge: %s", sqlite3_errmsg(db));
  return rc;
}
