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
#include <stdlib.h>
#include <string.h>

#include "../identity/identity.h"
#include "corpus_internal.h"
#include "hash.h"

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

typedef struct speaker_ref {
  int64_t rowid;
  size_t first, count; /* member items: member[first .. first+count) */
  int group;           /* more than one member (or a GROUP speaker_type) */
} speaker_ref;

typedef struct link_state {
  nw_id_item *items;
  size_t n, cap;
  nw_buf names;       /* the items' names, NUL-separated (pointers fixed up before resolving) */
  size_t *name_off;   /* per item */
  size_t name_cap;
  nw_id_article *arts;
  size_t na, acap;
  nw_strmap by_name;  /* "article\x1fname" -> item */
  char **map_keys;    /* the map's key strings (owned) */
  size_t nkeys, kcap;
  speaker_ref *q;
  size_t nq, qcap;
  int64_t *member;    /* item index per speaker member, -1 when a description */
  size_t nmember, mcap;
  nw_id_groups groups;
} link_state;

static int type_code(const char *t) {
  if (!t) return 0;
  for (int k = NW_ENT_PERSON; k <= NW_ENT_MISC; k++)
    if (!strcmp(t, nw_ent_type_name(k))) return k;
  return 0;
}

static char *article_name_key(int64_t article, const char *name, size_t n) {
  return sqlite3_mprintf("%lld\x1f%.*s", (long long)article, (int)n, name);
}

/* The item of (article, type, name), added when new; its index or -1 (OOM).
** A name already there under another type in that article is that item
** when type is 0 (a speaker of unknown type). */
static int64_t add_item(link_state *s, int64_t article, int type, const char *name, size_t len, int64_t mentions) {
  char *key = article_name_key(article, name, len);
  if (!key) return -1;
  int32_t at = nw_strmap_get(&s->by_name, key, strlen(key), -1);
  if (at >= 0 && (type == 0 || s->items[at].type == type)) {
    sqlite3_free(key);
    return at;
  }
  if (nw_grow((void **)&s->items, &s->cap, s->n + 1, sizeof *s->items) ||
      nw_grow((void **)&s->name_off, &s->name_cap, s->n + 1, sizeof *s->name_off) ||
      nw_grow((void **)&s->map_keys, &s->kcap, s->nkeys + 1, sizeof *s->map_keys)) {
    sqlite3_free(key);
    return -1;
  }
  s->map_keys[s->nkeys++] = key;
  s->name_off[s->n] = s->names.len;
  if (nw_buf_append(&s->names, name, len) || nw_buf_putc(&s->names, 0)) return -1;
  s->items[s->n] = (nw_id_item){article, type ? type : NW_ENT_PERSON, NULL, len, mentions};
  /* The most mentioned type answers for the name in its article. */
  if (at < 0 || s->items[at].mentions < mentions)
    if (nw_strmap_put(&s->by_name, key, strlen(key), (int32_t)s->n)) return -1;
  return (int64_t)s->n++;
}

static int load_articles(sqlite3 *db, link_state *s, char **err) {
  sqlite3_stmt *st = NULL;
  int rc = cp_prepare(db, "SELECT id, outlet_id, published FROM articles", &st, err);
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    if (nw_grow((void **)&s->arts, &s->acap, s->na + 1, sizeof *s->arts)) {
      rc = SQLITE_NOMEM;
      break;
    }
    const char *p = (const char *)sqlite3_column_text(st, 2);
    s->arts[s->na++] = (nw_id_article){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                                       nw_identity_day(p, p ? strlen(p) : 0)};
  }
  return cp_finish(db, st, rc, "cannot read articles", err);
}

static int load_mentions(sqlite3 *db, link_state *s, char **err) {
  sqlite3_stmt *st = NULL;
  int rc = cp_prepare(db,
                      "SELECT article_id, type, canonical, count(*) FROM mentions"
                      " WHERE canonical IS NOT NULL AND canonical <> '' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                      &st, err);
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    int type = type_code((const char *)sqlite3_column_text(st, 1));
    const char *name = (const char *)sqlite3_column_text(st, 2);
    if (!type || !name) continue;
    if (add_item(s, sqlite3_column_int64(st, 0), type, name, (size_t)sqlite3_column_bytes(st, 2),
                 sqlite3_column_int64(st, 3)) < 0)
      rc = SQLITE_NOMEM;
  }
  return cp_finish(db, st, rc, "cannot read mentions", err);
}

/* A speaker name that can be a name: capitalised words (particles and
** small words between), not a pronoun. */
static int looks_like_name(const char *s, size_t n) {
  static const char *const pronouns[] = {"He", "She", "They", "It", "We", "I", "You", "This", "That", "These",
                                         "Those", "Who", "One", "Some", "Many", "Others", "Both"};
  size_t words = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    if (i >= n) break;
    size_t e = i;
    while (e < n && s[e] != ' ') e++;
    unsigned char c = (unsigned char)s[i];
    int small = (e - i <= 4 && c >= 'a' && c <= 'z') || !strncmp(s + i, "al-", 3) || !strncmp(s + i, "el-", 3);
    if (!(c >= 'A' && c <= 'Z') && c < 0x80 && !small) return 0;
    if (words == 0 && small) return 0;
    if (words == 0)
      for (size_t p = 0; p < sizeof pronouns / sizeof pronouns[0]; p++)
        if (strlen(pronouns[p]) == e - i && !memcmp(pronouns[p], s + i, e - i)) return 0;
    words++;
    i = e;
  }
  return words > 0 && words <= 8;
}

/* The members of a speaker: "X and Y", "X, Y and Z", "X & Y"; else one. */
static size_t split_members(const char *s, size_t n, int split, size_t *from, size_t *to, size_t max) {
  size_t k = 0, start = 0;
  for (size_t i = 0; split && i < n && k + 1 < max; i++) {
    size_t sep = 0;
    if (n - i >= 5 && !memcmp(s + i, " and ", 5)) sep = 5;
    else if (n - i >= 3 && !memcmp(s + i, " & ", 3)) sep = 3;
    else if (n - i >= 2 && !memcmp(s + i, ", ", 2)) sep = 2;
    if (!sep) continue;
    if (i > start) from[k] = start, to[k++] = i;
    start = i + sep;
    i += sep - 1;
  }
  if (start < n) from[k] = start, to[k++] = n;
  return k;
}

static int add_member(link_state *s, int64_t item) {
  if (nw_grow((void **)&s->member, &s->mcap, s->nmember + 1, sizeof *s->member)) return -1;
  s->member[s->nmember++] = item;
  return 0;
}

static int load_speakers(sqlite3 *db, link_state *s, char **err) {
  sqlite3_stmt *st = NULL;
  int rc = cp_prepare(db, "SELECT rowid, article_id, speaker, speaker_type FROM quotes WHERE speaker IS NOT NULL",
                      &st, err);
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    int64_t article = sqlite3_column_int64(st, 1);
    const char *name = (const char *)sqlite3_column_text(st, 2);
    size_t len = (size_t)sqlite3_column_bytes(st, 2);
    const char *stype = (const char *)sqlite3_column_text(st, 3);
    if (!name || (stype && !strcmp(stype, "DESCRIPTION"))) continue;
    int is_group = stype && !strcmp(stype, "GROUP");
    int type = type_code(stype);
    /* A name as a mention of its article gives it stays whole ("Procter and Gamble"). */
    char *whole = article_name_key(article, name, len);
    if (!whole) { rc = SQLITE_NOMEM; break; }
    int known = nw_strmap_get(&s->by_name, whole, strlen(whole), -1) >= 0;
    sqlite3_free(whole);
    size_t from[16], to[16];
    int split = !known && (is_group || ((!stype || type == NW_ENT_PERSON) && !nw_identity_org_name(name, len)));
    size_t nm = split_members(name, len, split, from, to, 16);
    if (nw_grow((void **)&s->q, &s->qcap, s->nq + 1, sizeof *s->q)) { rc = SQLITE_NOMEM; break; }
    s->q[s->nq] = (speaker_ref){sqlite3_column_int64(st, 0), s->nmember, 0, is_group || nm > 1};
    for (size_t k = 0; k < nm && rc == SQLITE_OK; k++) {
      const char *m = name + from[k];
      size_t ml = to[k] - from[k];
      char *key = article_name_key(article, m, ml);
      if (!key) { rc = SQLITE_NOMEM; break; }
      int32_t at = nw_strmap_get(&s->by_name, key, strlen(key), -1);
      sqlite3_free(key);
      int64_t item = at >= 0 ? at : looks_like_name(m, ml) ? add_item(s, article, nm > 1 ? 0 : type, m, ml, 0) : -2;
      if (item == -1 || add_member(s, item >= 0 ? item : -1)) rc = SQLITE_NOMEM;
    }
    s->q[s->nq].count = s->nmember - s->q[s->nq].first;
    s->nq++;
  }
  return cp_finish(db, st, rc, "cannot read quotes", err);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* Entities rows (ids kept per key) and mentions.entity_id. */
static int write_entities(sqlite3 *db, link_state *s, char **err) {
  const nw_id_groups *g = &s->groups;
  int rc = cp_exec(db,
                   "DROP TABLE IF EXISTS temp.nw_link_entities; DROP TABLE IF EXISTS temp.nw_link_names;"
                   "CREATE TEMP TABLE nw_link_entities(key TEXT PRIMARY KEY, name, type, mentions, articles);"
                   "CREATE TEMP TABLE nw_link_names(article_id INTEGER, type TEXT, canonical TEXT, key TEXT,"
                   " PRIMARY KEY(article_id, type, canonical)) WITHOUT ROWID;",
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
  ins = NULL;
  if (rc == SQLITE_OK) rc = cp_prepare(db, "INSERT OR IGNORE INTO temp.nw_link_names VALUES (?1, ?2, ?3, ?4)", &ins, err);
  for (size_t i = 0; rc == SQLITE_OK && i < s->n; i++) {
    if (s->items[i].mentions <= 0) continue; /* a speaker-only name has no mention rows */
    sqlite3_bind_int64(ins, 1, s->items[i].article);
    sqlite3_bind_text(ins, 2, nw_ent_type_name(s->items[i].type), -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, s->items[i].name, (int)s->items[i].len, SQLITE_STATIC);
    sqlite3_bind_text(ins, 4, g->key[g->group_of[i]], -1, SQLITE_STATIC);
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
                 "UPDATE mentions SET entity_id = e.id FROM temp.nw_link_names AS n JOIN entities AS e ON e.key = n.key"
                 " WHERE n.article_id = mentions.article_id AND n.type = mentions.type"
                 "  AND n.canonical = mentions.canonical AND mentions.entity_id IS NOT e.id;"
                 "UPDATE mentions SET entity_id = NULL WHERE entity_id IS NOT NULL AND NOT EXISTS"
                 " (SELECT 1 FROM temp.nw_link_names AS n WHERE n.article_id = mentions.article_id"
                 "  AND n.type = mentions.type AND n.canonical = mentions.canonical);"
                 "DROP TABLE temp.nw_link_entities; DROP TABLE temp.nw_link_names;",
                 err);
  return rc;
}

/* quotes.speaker_entity_id and speaker_key. */
static int write_speakers(sqlite3 *db, link_state *s, char **err) {
  const nw_id_groups *g = &s->groups;
  int rc = cp_exec(db,
                   "DROP TABLE IF EXISTS temp.nw_link_speakers;"
                   "CREATE TEMP TABLE nw_link_speakers(qid INTEGER PRIMARY KEY, key TEXT, entity_key TEXT);",
                   err);
  sqlite3_stmt *ins = NULL;
  if (rc == SQLITE_OK) rc = cp_prepare(db, "INSERT INTO temp.nw_link_speakers VALUES (?1, ?2, ?3)", &ins, err);
  const char **keys = NULL;
  size_t kcap = 0;
  nw_buf joined = {0};
  for (size_t q = 0; rc == SQLITE_OK && q < s->nq; q++) {
    const speaker_ref *r = &s->q[q];
    size_t nk = 0;
    if (nw_grow((void **)&keys, &kcap, r->count + 1, sizeof *keys)) { rc = SQLITE_NOMEM; break; }
    for (size_t k = 0; k < r->count; k++)
      if (s->member[r->first + k] >= 0) keys[nk++] = g->key[g->group_of[s->member[r->first + k]]];
    if (!nk) continue;
    /* A group's keys sorted, each once. */
    qsort(keys, nk, sizeof *keys, cmp_str);
    joined.len = 0;
    for (size_t k = 0; k < nk && rc == SQLITE_OK; k++) {
      if (k && !strcmp(keys[k], keys[k - 1])) continue;
      if ((joined.len && nw_buf_append(&joined, " and ", 5)) || nw_buf_append(&joined, keys[k], strlen(keys[k])))
        rc = SQLITE_NOMEM;
    }
    if (rc != SQLITE_OK) break;
    sqlite3_bind_int64(ins, 1, r->rowid);
    sqlite3_bind_text(ins, 2, joined.data, (int)joined.len, SQLITE_STATIC);
    if (r->group) sqlite3_bind_null(ins, 3);
    else sqlite3_bind_text(ins, 3, keys[0], -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) rc = SQLITE_ERROR;
    sqlite3_reset(ins);
  }
  free(keys);
  nw_buf_free(&joined);
  sqlite3_finalize(ins);
  if (rc != SQLITE_OK && !*err) *err = rc == SQLITE_NOMEM ? sqlite3_mprintf("out of memory") : cp_db_error(db, "cannot link speakers");
  if (rc == SQLITE_OK)
    rc = cp_exec(db,
                 "UPDATE quotes SET speaker_key = t.key,"
                 " speaker_entity_id = (SELECT id FROM entities AS e WHERE e.key = t.entity_key)"
                 " FROM temp.nw_link_speakers AS t WHERE t.qid = quotes.rowid"
                 " AND (quotes.speaker_key IS NOT t.key OR quotes.speaker_entity_id IS NOT"
                 "  (SELECT id FROM entities AS e WHERE e.key = t.entity_key));"
                 "UPDATE quotes SET speaker_key = NULL, speaker_entity_id = NULL"
                 " WHERE (speaker_key IS NOT NULL OR speaker_entity_id IS NOT NULL)"
                 " AND rowid NOT IN (SELECT qid FROM temp.nw_link_speakers);"
                 "DROP TABLE temp.nw_link_speakers;",
                 err);
  return rc;
}

static int link_entities(sqlite3 *db, char **err) {
  link_state s;
  memset(&s, 0, sizeof s);
  int rc = nw_strmap_init(&s.by_name, 1024, 0) ? SQLITE_NOMEM : SQLITE_OK;
  if (rc == SQLITE_OK) rc = load_articles(db, &s, err);
  if (rc == SQLITE_OK) rc = load_mentions(db, &s, err);
  if (rc == SQLITE_OK) rc = load_speakers(db, &s, err);
  if (rc == SQLITE_OK) {
    for (size_t i = 0; i < s.n; i++) s.items[i].name = s.names.data + s.name_off[i];
    if (nw_identity_resolve(s.items, s.n, s.arts, s.na, &s.groups)) rc = SQLITE_NOMEM;
  }
  if (rc == SQLITE_NOMEM && !*err) *err = sqlite3_mprintf("out of memory");
  if (rc == SQLITE_OK) rc = write_entities(db, &s, err);
  if (rc == SQLITE_OK) rc = write_speakers(db, &s, err);
  nw_identity_free(&s.groups);
  nw_strmap_free(&s.by_name);
  for (size_t k = 0; k < s.nkeys; k++) sqlite3_free(s.map_keys[k]);
  free(s.map_keys);
  free(s.items);
  free(s.name_off);
  nw_buf_free(&s.names);
  free(s.arts);
  free(s.q);
  free(s.member);
  return rc;
}

int nw_corpus_link(sqlite3 *db, char **err) {
  cp_txn t;
  int rc = cp_txn_init(&t, db, "news_link", err);
  if (rc == SQLITE_OK) rc = nw_corpus_schema(db, err);
  if (rc == SQLITE_OK) rc = cp_txn_begin(&t, err);
  if (rc == SQLITE_OK) rc = cp_exec(db, quote_mentions_view, err);
  if (rc == SQLITE_OK) rc = cp_link_outlets(db, err);
  if (rc == SQLITE_OK) rc = link_entities(db, err);
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
    rc = cp_finish(db, q, rc, "cannot check what is left to link", err);
    if (rc != SQLITE_OK || !needed) return rc;
  }
  st->stage = 2;
  return nw_corpus_link(db, err);
}
