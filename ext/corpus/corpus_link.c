/* nw_corpus_link: corpus-wide keys recomputed from the stored rows (so a
** merged database relinks the same way), in one transaction:
**   - outlets (corpus_outlets.c);
**   - entities: the distinct (article, type, canonical) names of the
**     mentions, and the quotes' speaker names that no mention of their
**     article carries, grouped by the identity resolver (ext/identity/:
**     aliases, nicknames, surnames and acronyms linked by the nearest
**     evidence); one entities row per group, keyed by its readable key;
**   - mentions.entity_id; quotes.speaker_entity_id (the entity the speaker's
**     name is, in its article) and speaker_key (for a group "X and Y" its
**     members' keys sorted and joined with " and "; NULL for a description);
**   - the view quote_mentions: the entities named inside each quotation.
** A key keeps its entities.id from run to run; keys no row uses any more
** are deleted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_link.h"

SQLITE_EXTENSION_INIT3

int cp_link_outlets(sqlite3 *db, char **err);

/* "About whom": the entities mentioned inside each quotation (the mention's
** span within the quotation's span, marks included). */
static const char quote_mentions_view[] =
  "CREATE VIEW IF NOT EXISTS quote_mentions AS"
  " SELECT q.rowid AS quote_rowid, q.article_id AS article_id, m.entity_id AS entity_id, e.key AS key,"
  "  m.mention AS mention, m.type AS type, m.start AS start, m.length AS length"
  " FROM quotes AS q JOIN mentions AS m ON m.article_id = q.article_id"
  "  AND m.start >= q.start AND m.start + m.length <= q.start + q.length"
  " LEFT JOIN entities AS e ON e.id = m.entity_id;";

/* What the linker keeps beside the corpus tables: a deleted article's names
** go with it (a trigger, so that no link has to sweep article_names; the
** first link that creates it sweeps once), and an index that gives each
** article's outlet and day without reading its row (body and all). */
static int link_schema(sqlite3 *db, char **err) {
  sqlite3_stmt *q = NULL;
  int rc = cp_prepare(db,
                      "SELECT count(*) FROM sqlite_schema WHERE name IN ('article_names_delete', 'articles_link')",
                      &q, err);
  int have = rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
  rc = cp_finish(db, q, rc, "cannot read the schema", err);
  if (rc != SQLITE_OK || have == 2) return rc;
  /* (Ids are never reused: a deleted article's names are only dead weight
  ** until then.) */
  return cp_exec(db,
                 "DELETE FROM article_names WHERE article_id NOT IN (SELECT id FROM articles);"
                 "CREATE TRIGGER IF NOT EXISTS article_names_delete AFTER DELETE ON articles BEGIN"
                 " DELETE FROM article_names WHERE article_id = old.id;"
                 " END;"
                 "CREATE INDEX IF NOT EXISTS articles_link ON articles(id, outlet_id, published);",
                 err);
}

/* Every article (the resolver's view of it: outlet and day) and its names,
** from its stored row or, when it has none, from its mentions and quotes. */
static int load_names(sqlite3 *db, lk_state *s, lk_names_io *io, char **err) {
  int rc = link_schema(db, err);
  sqlite3_stmt *st = NULL;
  if (rc == SQLITE_OK)
    rc = cp_prepare(db,
                    "SELECT a.id, a.outlet_id, a.published, n.names FROM articles AS a"
                    " LEFT JOIN article_names AS n ON n.article_id = a.id ORDER BY a.id",
                    &st, err);
  if (rc == SQLITE_OK) rc = lk_names_prepare(db, io, err);
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    if (nw_grow((void **)&s->arts, &s->acap, s->na + 1, sizeof *s->arts) ||
        nw_grow((void **)&s->id_arts, &s->acap_id, s->na + 1, sizeof *s->id_arts)) {
      rc = SQLITE_NOMEM;
      break;
    }
    const char *p = (const char *)sqlite3_column_text(st, 2);
    lk_article *a = &s->arts[s->na];
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(st, 0);
    s->id_arts[s->na++] = (nw_id_article){a->id, sqlite3_column_int64(st, 1), nw_identity_day(p, p ? strlen(p) : 0)};
    const void *blob = sqlite3_column_type(st, 3) == SQLITE_BLOB ? sqlite3_column_blob(st, 3) : NULL;
    rc = lk_article_names(db, io, s, a, blob, sqlite3_column_bytes(st, 3), err);
  }
  rc = cp_finish(db, st, rc, "cannot read articles", err);
  if (rc == SQLITE_OK && lk_append_speakers(s)) rc = SQLITE_NOMEM;
  return rc;
}

/* Entities rows (ids kept per key); ids[k] gets group k's id. */
static int write_entity_rows(sqlite3 *db, const nw_id_groups *g, int64_t *ids, char **err) {
  int rc = cp_exec(db,
                   "DROP TABLE IF EXISTS temp.nw_link_entities;"
                   "CREATE TEMP TABLE nw_link_entities(key TEXT PRIMARY KEY, name, type, mentions, articles);",
                   err);
  sqlite3_stmt *ins = NULL;
  if (rc == SQLITE_OK) rc = cp_prepare(db, "INSERT INTO temp.nw_link_entities VALUES (?1, ?2, ?3, ?4, ?5)", &ins, err);
  for (size_t k = 0; rc == SQLITE_OK && k < g->ngroups; k++) {
    sqlite3_bind_text(ins, 1, g->key[k], -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, g->name[k], -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, nw_ent_type_name(g->type[k]), -1, SQLITE_STATIC);
    sqlite3_bind_int64(ins, 4, g->mentions[k]);
    sqlite3_bind_int64(ins, 5, g->articles[k]);
    if (sqlite3_step(ins) != SQLITE_DONE) rc = SQLITE_ERROR;
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  if (rc != SQLITE_OK && !*err) *err = cp_db_error(db, "cannot link entities");
  if (rc == SQLITE_OK)
    rc = cp_exec(db,
                 "INSERT INTO entities(key, name, type, mentions, articles)"
                 " SELECT key, name, type, mentions, articles FROM temp.nw_link_entities WHERE true"
                 " ON CONFLICT(key) DO UPDATE SET name = excluded.name, type = excluded.type,"
                 "  mentions = excluded.mentions, articles = excluded.articles"
                 " WHERE name IS NOT excluded.name OR type IS NOT excluded.type OR mentions IS NOT excluded.mentions"
                 "  OR articles IS NOT excluded.articles;"
                 "DELETE FROM entities WHERE key NOT IN (SELECT key FROM temp.nw_link_entities);"
                 "DROP TABLE temp.nw_link_entities;",
                 err);
  sqlite3_stmt *q = NULL;
  if (rc == SQLITE_OK) rc = cp_prepare(db, "SELECT id FROM entities WHERE key = ?1", &q, err);
  for (size_t k = 0; rc == SQLITE_OK && k < g->ngroups; k++) {
    sqlite3_bind_text(q, 1, g->key[k], -1, SQLITE_STATIC);
    if (sqlite3_step(q) == SQLITE_ROW) ids[k] = sqlite3_column_int64(q, 0);
    else rc = SQLITE_ERROR;
    sqlite3_reset(q);
  }
  return cp_finish(db, q, rc, "cannot link entities", err);
}

/* Above this share of changed names, the entity index is rebuilt once
** rather than updated row by row (a first link changes every row). */
#define REBUILD_SHARE 4

static int item_changed(const lk_state *s, const int64_t *ids, size_t i) {
  return s->items.cur_id[i] != ids[s->groups.group_of[i]];
}

/* mentions.entity_id of every name whose entity changed (only those rows are
** written: a relink after a small change writes little). */
static int write_mention_links(sqlite3 *db, const lk_state *s, const int64_t *ids, char **err) {
  size_t changed = 0;
  for (size_t i = 0; i < s->nmention; i++) changed += item_changed(s, ids, i);
  if (!changed) return SQLITE_OK;
  /* (A statement of the caller's that reads may hold the schema: then the
  ** index is kept and updated.) */
  int rebuild = changed > s->nmention / REBUILD_SHARE &&
                sqlite3_exec(db, "DROP INDEX IF EXISTS mentions_entity", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_stmt *up = NULL;
  int rc = cp_prepare(db, "UPDATE mentions SET entity_id = ?1 WHERE article_id = ?2 AND canonical = ?3 AND type = ?4", &up,
                      err);
  for (size_t i = 0; rc == SQLITE_OK && i < s->nmention; i++) {
    if (!item_changed(s, ids, i)) continue;
    const nw_id_item *it = &s->items.v[i];
    sqlite3_bind_int64(up, 1, ids[s->groups.group_of[i]]);
    sqlite3_bind_int64(up, 2, it->article);
    sqlite3_bind_text(up, 3, it->name, (int)it->len, SQLITE_STATIC);
    sqlite3_bind_text(up, 4, nw_ent_type_name(it->type), -1, SQLITE_STATIC);
    if (sqlite3_step(up) != SQLITE_DONE) rc = SQLITE_ERROR;
    sqlite3_reset(up);
  }
  rc = cp_finish(db, up, rc, "cannot link entities", err);
  if (rc == SQLITE_OK && rebuild) rc = cp_exec(db, "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id)", err);
  return rc;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* A quote needs writing when its article's names were just built (its row
** holds whatever an earlier analysis left) or a member's entity changed. */
static int quote_changed(const lk_state *s, const lk_article *a, const lk_quote *x, const int64_t *ids) {
  if (a->built) return 1;
  for (size_t k = 0; k < x->count; k++)
    if (s->member[x->first + k] >= 0 && item_changed(s, ids, (size_t)s->member[x->first + k])) return 1;
  return 0;
}

int lk_speaker_of(const lk_state *s, const lk_quote *r, const uint32_t *group_of, const char *const *key,
                  const int64_t *ids, lk_speaker_buf *out, int64_t *entity) {
  size_t nk = 0;
  *entity = -1;
  out->joined.len = 0;
  if (nw_grow((void **)&out->keys, &out->kcap, r->count + 1, sizeof *out->keys)) return -1;
  for (size_t k = 0; k < r->count; k++) {
    int64_t item = s->member[r->first + k];
    if (item < 0) continue;
    out->keys[nk++] = key[group_of[item]];
    if (!r->group) *entity = ids[group_of[item]];
  }
  qsort(out->keys, nk, sizeof *out->keys, cmp_str);
  for (size_t k = 0; k < nk; k++) {
    if (k && !strcmp(out->keys[k], out->keys[k - 1])) continue;
    if ((out->joined.len && nw_buf_append(&out->joined, " and ", 5)) ||
        nw_buf_append(&out->joined, out->keys[k], strlen(out->keys[k])))
      return -1;
  }
  return 0;
}

void lk_speaker_buf_free(lk_speaker_buf *b) {
  free(b->keys);
  nw_buf_free(&b->joined);
  memset(b, 0, sizeof *b);
}

/* quotes.speaker_key and speaker_entity_id (lk_speaker_of) for the quotes
** that may have changed. ids: each group's entity id. */
static int write_speakers(sqlite3 *db, const lk_state *s, const int64_t *ids, char **err) {
  const nw_id_groups *g = &s->groups;
  sqlite3_stmt *up = NULL;
  int rc = cp_prepare(db, "UPDATE quotes SET speaker_key = ?3, speaker_entity_id = ?4 WHERE article_id = ?1 AND start = ?2",
                      &up, err);
  lk_speaker_buf sb = {0};
  for (size_t ai = 0; rc == SQLITE_OK && ai < s->na; ai++) {
    const lk_article *a = &s->arts[ai];
    for (size_t q = a->q0; rc == SQLITE_OK && q < a->q1; q++) {
      const lk_quote *r = &s->q[q];
      if (!quote_changed(s, a, r, ids)) continue;
      int64_t entity;
      if (lk_speaker_of(s, r, g->group_of, (const char *const *)g->key, ids, &sb, &entity)) {
        rc = SQLITE_NOMEM;
        break;
      }
      sqlite3_bind_int64(up, 1, a->id);
      sqlite3_bind_int64(up, 2, r->start);
      if (sb.joined.len) sqlite3_bind_text(up, 3, sb.joined.data, (int)sb.joined.len, SQLITE_STATIC);
      else sqlite3_bind_null(up, 3);
      if (entity >= 0) sqlite3_bind_int64(up, 4, entity);
      else sqlite3_bind_null(up, 4);
      if (sqlite3_step(up) != SQLITE_DONE) rc = SQLITE_ERROR;
      sqlite3_reset(up);
    }
  }
  lk_speaker_buf_free(&sb);
  if (rc == SQLITE_NOMEM) {
    sqlite3_finalize(up);
    if (!*err) *err = sqlite3_mprintf("out of memory");
    return rc;
  }
  return cp_finish(db, up, rc, "cannot link speakers", err);
}

/* The names of the articles built in this run or whose entities changed,
** stored for the next link. */
static int store_names(sqlite3 *db, lk_names_io *io, lk_state *s, const int64_t *ids, char **err) {
  int rc = SQLITE_OK;
  for (size_t ai = 0; rc == SQLITE_OK && ai < s->na; ai++) {
    lk_article *a = &s->arts[ai];
    for (size_t i = a->m0; !a->changed && i < a->m1; i++) a->changed = (uint8_t)item_changed(s, ids, i);
    for (size_t k = a->s0; !a->changed && k < a->s1; k++) a->changed = (uint8_t)item_changed(s, ids, s->nmention + k);
    if (a->built || a->changed) rc = lk_store_names(db, io, s, a, ids, err);
  }
  return rc;
}

/* Entities, mentions.entity_id, the quotes' speakers, the stored names. */
static int write_links(sqlite3 *db, lk_state *s, lk_names_io *io, char **err) {
  int64_t *ids = malloc((s->groups.ngroups ? s->groups.ngroups : 1) * sizeof *ids);
  if (!ids) return SQLITE_NOMEM;
  int rc = write_entity_rows(db, &s->groups, ids, err);
  if (rc == SQLITE_OK) rc = write_mention_links(db, s, ids, err);
  if (rc == SQLITE_OK) rc = write_speakers(db, s, ids, err);
  if (rc == SQLITE_OK) rc = store_names(db, io, s, ids, err);
  free(ids);
  return rc;
}

static int link_entities(sqlite3 *db, nw_corpus_stats *st, char **err) {
  lk_state s;
  lk_names_io io = {0};
  memset(&s, 0, sizeof s);
  double t0 = cp_now(), c0 = cp_thread_cpu();
  int rc = load_names(db, &s, &io, err);
  double t1 = cp_now(), c1 = cp_thread_cpu();
  if (rc == SQLITE_OK && nw_identity_resolve(s.items.v, s.items.n, s.id_arts, s.na, &s.groups)) rc = SQLITE_NOMEM;
  double t2 = cp_now(), c2 = cp_thread_cpu();
  if (rc == SQLITE_OK) rc = write_links(db, &s, &io, err);
  if (rc == SQLITE_NOMEM && !*err) *err = sqlite3_mprintf("out of memory");
  st->wall_link_read += t1 - t0;
  st->wall_link_resolve += t2 - t1;
  st->wall_link_write += cp_now() - t2;
  st->cpu_link_read += c1 - c0;
  st->cpu_link_resolve += c2 - c1;
  st->cpu_link_write += cp_thread_cpu() - c2;
  lk_names_finalize(&io);
  lk_state_free(&s);
  return rc;
}

int cp_link(sqlite3 *db, nw_corpus_stats *st, char **err) {
  nw_corpus_stats local;
  if (!st) st = &local;
  cp_txn t;
  int rc = cp_txn_init(&t, db, "news_link", err);
  if (rc == SQLITE_OK) rc = nw_corpus_schema(db, err);
  if (rc == SQLITE_OK) rc = cp_txn_begin(&t, err);
  if (rc == SQLITE_OK) rc = cp_exec(db, quote_mentions_view, err);
  double t0 = cp_now();
  if (rc == SQLITE_OK) rc = cp_link_outlets(db, err);
  st->wall_link_write += cp_now() - t0;
  if (rc == SQLITE_OK) rc = link_entities(db, st, err);
  t0 = cp_now();
  if (rc == SQLITE_OK) rc = cp_txn_commit(&t, err);
  else cp_txn_rollback(&t);
  st->wall_link_write += cp_now() - t0;
  cp_txn_done(&t);
  return rc;
}

int nw_corpus_link(sqlite3 *db, char **err) { return cp_link(db, NULL, err); }

int cp_link_if_needed(sqlite3 *db, nw_corpus_stats *st, char **err) {
  if (!(st->analyzed || st->removed || st->added || st->changed)) {
    /* nothing changed in this run: link only what an earlier one left */
    sqlite3_stmt *q = NULL;
    int rc = cp_prepare(db,
                        "SELECT EXISTS(SELECT 1 FROM mentions WHERE entity_id IS NULL AND canonical IS NOT NULL)"
                        " OR EXISTS(SELECT 1 FROM articles WHERE outlet_id IS NULL AND source IS NOT NULL)"
                        /* entities given as hints, not counted yet (corpus_hints.c) */
                        " OR EXISTS(SELECT 1 FROM entities WHERE mentions IS NULL)",
                        &q, err);
    int needed = rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0);
    rc = cp_finish(db, q, rc, "cannot check what is left to link", err);
    if (rc != SQLITE_OK || !needed) return rc;
  }
  st->stage = 2;
  double cpu0 = cp_thread_cpu();
  int rc = cp_link(db, st, err);
  st->cpu_link += cp_thread_cpu() - cpu0;
  return rc;
}
