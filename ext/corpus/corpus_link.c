/* nw_corpus_link: corpus-wide keys recomputed from the stored rows (so a
** merged database relinks the same way). BASELINE, to be replaced by the
** identity linker (keep the signature):
**   - an entity is a (canonical, type) pair of the mentions; its key is the
**     canonical name, with " (type)" added for the rarer types of a name
**     ("Washington" the place, "Washington (person)");
**   - a quote's speaker is the entity whose canonical name in the same
**     article equals the quote's speaker name;
**   - an outlet is articles.source: a host keeps its name ("www." cut), a
**     name is folded (news_fold), so "Reuters" and "REUTERS" are one.
** Existing keys keep their ids; keys no row uses any more are deleted. */
#include <stdlib.h>
#include <string.h>

#include "corpus_internal.h"

SQLITE_EXTENSION_INIT3

static const char link_entities_sql[] =
  "DROP TABLE IF EXISTS temp.nw_link_groups;"
  "CREATE TEMP TABLE nw_link_groups AS"
  " SELECT canonical, type, count(*) AS n, count(DISTINCT article_id) AS a, NULL AS key, NULL AS entity_id"
  " FROM mentions WHERE canonical IS NOT NULL GROUP BY canonical, type;"
  "CREATE INDEX temp.nw_link_groups_canonical ON nw_link_groups(canonical, n);"
  /* the most mentioned type of a name gets the plain name */
  "UPDATE temp.nw_link_groups AS g SET key = CASE WHEN EXISTS(SELECT 1 FROM temp.nw_link_groups h"
  "  WHERE h.canonical = g.canonical AND (h.n > g.n OR (h.n = g.n AND h.type < g.type)))"
  "  THEN g.canonical || ' (' || lower(g.type) || ')' ELSE g.canonical END;"
  "INSERT INTO entities(key, name, type, mentions, articles)"
  " SELECT key, canonical, type, n, a FROM temp.nw_link_groups WHERE true"
  " ON CONFLICT(key) DO UPDATE SET name = excluded.name, type = excluded.type, mentions = excluded.mentions,"
  "  articles = excluded.articles"
  " WHERE name IS NOT excluded.name OR type IS NOT excluded.type OR mentions IS NOT excluded.mentions"
  "  OR articles IS NOT excluded.articles;"
  "DELETE FROM entities WHERE key NOT IN (SELECT key FROM temp.nw_link_groups);"
  "UPDATE temp.nw_link_groups AS g SET entity_id = (SELECT id FROM entities e WHERE e.key = g.key);"
  "UPDATE mentions SET entity_id = g.entity_id FROM temp.nw_link_groups AS g"
  " WHERE g.canonical = mentions.canonical AND g.type = mentions.type AND mentions.entity_id IS NOT g.entity_id;"
  "UPDATE mentions SET entity_id = NULL WHERE canonical IS NULL AND entity_id IS NOT NULL;"
  "DROP TABLE temp.nw_link_groups;"
  /* speakers: the entity of the same name in the same article */
  "UPDATE quotes SET speaker_entity_id = s.eid FROM"
  " (SELECT q.rowid AS qid, (SELECT min(m.entity_id) FROM mentions m"
  "   WHERE m.article_id = q.article_id AND m.canonical = q.speaker) AS eid FROM quotes q) AS s"
  " WHERE quotes.rowid = s.qid AND quotes.speaker_entity_id IS NOT s.eid;"
  "UPDATE quotes SET speaker_key = e.key FROM entities e"
  " WHERE e.id = quotes.speaker_entity_id AND quotes.speaker_key IS NOT e.key;"
  "UPDATE quotes SET speaker_key = NULL WHERE speaker_entity_id IS NULL AND speaker_key IS NOT NULL;";

/* An outlet's key: a host as is (lower case, "www." cut), a name folded. */
static char *outlet_key(const char *source) {
  size_t n = strlen(source);
  int host = n > 0 && strchr(source, '.') != NULL;
  for (size_t i = 0; i < n && host; i++) {
    unsigned char c = (unsigned char)source[i];
    host = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }
  nw_buf b = {0};
  if (host) {
    if (n > 4 && !nw_ascii_ncasecmp(source, "www.", 4)) source += 4, n -= 4;
    for (size_t i = 0; i < n; i++) {
      char c = source[i];
      if (nw_buf_putc(&b, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c)) break;
    }
  } else if (nw_fold(source, n, &b) == 0) {
    /* folded; white space runs already one */
  }
  if (nw_buf_putc(&b, 0)) {
    nw_buf_free(&b);
    return NULL;
  }
  return b.data;
}

static int link_outlets(sqlite3 *db, char **err) {
  sqlite3_stmt *list = NULL, *ins = NULL, *upd = NULL;
  int rc = cp_prepare(db, "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL", &list, err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db, "INSERT INTO outlets(key, name) VALUES (?1, ?2) ON CONFLICT(key) DO NOTHING", &ins, err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db,
                    "UPDATE articles SET outlet_id = (SELECT id FROM outlets WHERE key = ?1)"
                    " WHERE source = ?2 AND outlet_id IS NOT (SELECT id FROM outlets WHERE key = ?1)",
                    &upd, err);
  /* The sources first (few), then the updates: no write under an open scan. */
  char **sources = NULL;
  size_t n = 0, cap = 0;
  while (rc == SQLITE_OK && (rc = sqlite3_step(list)) == SQLITE_ROW) {
    const char *s = (const char *)sqlite3_column_text(list, 0);
    char *copy = s ? strdup(s) : NULL;
    if (!copy || nw_grow((void **)&sources, &cap, n + 1, sizeof *sources)) {
      free(copy);
      rc = SQLITE_NOMEM;
      break;
    }
    sources[n++] = copy;
    rc = SQLITE_OK;
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
    char *key = outlet_key(sources[i]);
    if (!key) {
      rc = SQLITE_NOMEM;
      break;
    }
    if (!*key) { /* nothing left to key on */
      free(key);
      continue;
    }
    sqlite3_bind_text(ins, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 2, sources[i], -1, SQLITE_STATIC);
    sqlite3_bind_text(upd, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(upd, 2, sources[i], -1, SQLITE_STATIC);
    free(key);
    if (sqlite3_step(ins) != SQLITE_DONE || sqlite3_step(upd) != SQLITE_DONE) rc = SQLITE_ERROR;
    sqlite3_reset(ins);
    sqlite3_reset(upd);
  }
  for (size_t i = 0; i < n; i++) free(sources[i]);
  free(sources);
  if (rc != SQLITE_OK && !*err)
    *err = rc == SQLITE_NOMEM ? sqlite3_mprintf("out of memory") : cp_db_error(db, "cannot link outlets");
  sqlite3_finalize(list);
  sqlite3_finalize(ins);
  sqlite3_finalize(upd);
  if (rc == SQLITE_OK)
    rc = cp_exec(db,
                 "UPDATE articles SET outlet_id = NULL WHERE source IS NULL AND outlet_id IS NOT NULL;"
                 "DELETE FROM outlets WHERE id NOT IN (SELECT outlet_id FROM articles WHERE outlet_id IS NOT NULL);",
                 err);
  return rc;
}

int nw_corpus_link(sqlite3 *db, char **err) {
  cp_txn t;
  int rc = cp_txn_init(&t, db, "news_link", err);
  if (rc == SQLITE_OK) rc = nw_corpus_schema(db, err);
  if (rc == SQLITE_OK) rc = cp_txn_begin(&t, err);
  if (rc == SQLITE_OK) rc = link_outlets(db, err);
  if (rc == SQLITE_OK) rc = cp_exec(db, link_entities_sql, err);
  if (rc == SQLITE_OK) rc = cp_txn_commit(&t, err);
  else cp_txn_rollback(&t);
  cp_txn_done(&t);
  return rc;
}

int cp_link_if_needed(sqlite3 *db, nw_corpus_stats *st, char **err) {
  if (!(st->analyzed || st->removed || st->added || st->changed)) {
    /* nothing changed in this run: link only what an earlier one left */
    sqlite3_stmt *q = NULL;
    int rc = cp_prepare(db,
                        "SELECT EXISTS(SELECT 1 FROM mentions WHERE entity_id IS NULL AND canonical IS NOT NULL)"
                        " OR EXISTS(SELECT 1 FROM articles WHERE outlet_id IS NULL AND source IS NOT NULL)",
                        &q, err);
    int needed = rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    if (rc != SQLITE_OK || !needed) return rc;
  }
  st->stage = 2;
  return nw_corpus_link(db, err);
}
