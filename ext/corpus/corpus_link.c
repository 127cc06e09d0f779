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
  size_t first, count; /* member items: member[first .. first+count) (none: the quote links to nothing) */
  int group;           /* more than one member (or a GROUP speaker_type) */
  /* As stored: speaker_key (in link_state.cur_keys; len -1: NULL) and speaker_entity_id (-1: NULL). */
  size_t key_off;
  int64_t key_len, entity;
} speaker_ref;

typedef struct link_state {
  nw_id_item *items;
  size_t n, cap;
  nw_buf names;       /* the items' names, NUL-separated (pointers fixed up before resolving) */
  size_t *name_off;   /* per item */
  size_t name_cap;
  /* Items 0..nmention-1 come from mentions, sorted by (article, type, name):
  ** a name is found there by binary search. Their entity id as stored
  ** (cur_id; -1 when the rows disagree or have none), so that only the
  ** names whose entity changed are written. */
  size_t nmention;
  int64_t *cur_id;
  size_t cur_cap;
  /* Names only a quote gives (speaker items): "article\x1fname" -> item. */
  nw_strmap by_name;
  char **map_keys;    /* that map's key strings (owned) */
  size_t nkeys, kcap;
  nw_id_article *arts;
  size_t na, acap;
  /* Mention groups that are no item (no name or type) but hold an entity id. */
  nw_buf stale;       /* article id, type and canonical of each, as SQL values */
  size_t nstale;
  nw_buf cur_keys;    /* the quotes' stored speaker keys */
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

static int name_cmp(const link_state *s, size_t i, const char *name, size_t len) {
  const char *a = s->names.data + s->name_off[i];
  size_t al = s->items[i].len;
  int c = memcmp(a, name, al < len ? al : len);
  return c ? c : (al > len) - (al < len);
}

/* The mention item of (article, type, name), or -1: binary search over the
** sorted mention items (SQLite's ORDER BY compares text as memcmp does). */
static int64_t find_mention_item(const link_state *s, int64_t article, const char *type, const char *name, size_t len) {
  size_t lo = 0, hi = s->nmention;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const nw_id_item *x = &s->items[mid];
    int c = x->article != article ? (x->article < article ? -1 : 1) : strcmp(nw_ent_type_name(x->type), type);
    if (!c) c = name_cmp(s, mid, name, len);
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < s->nmention && s->items[lo].article == article && !strcmp(nw_ent_type_name(s->items[lo].type), type) &&
                 !name_cmp(s, lo, name, len)
             ? (int64_t)lo
             : -1;
}

/* The item a name of an article answers for: among its mentions' items the
** most mentioned type (the first in type order on a tie), else a name only a
** quote gave; -1 when none; -2 when out of memory. */
static int64_t find_name(link_state *s, int64_t article, const char *name, size_t len) {
  int64_t best = -1;
  for (int k = NW_ENT_PERSON; k <= NW_ENT_MISC; k++) {
    int64_t at = find_mention_item(s, article, nw_ent_type_name(k), name, len);
    if (at < 0) continue;
    /* type order is the names' byte order, as the items were sorted */
    if (best < 0 || s->items[at].mentions > s->items[best].mentions ||
        (s->items[at].mentions == s->items[best].mentions && at < best))
      best = at;
  }
  if (best >= 0 || !s->nkeys) return best;
  char *key = article_name_key(article, name, len);
  if (!key) return -2;
  int32_t at = nw_strmap_get(&s->by_name, key, strlen(key), -1);
  sqlite3_free(key);
  return at;
}

static int add_name(link_state *s, int64_t article, int type, const char *name, size_t len, int64_t mentions) {
  if (nw_grow((void **)&s->items, &s->cap, s->n + 1, sizeof *s->items) ||
      nw_grow((void **)&s->name_off, &s->name_cap, s->n + 1, sizeof *s->name_off))
    return -1;
  s->name_off[s->n] = s->names.len;
  if (nw_buf_append(&s->names, name, len) || nw_buf_putc(&s->names, 0)) return -1;
  s->items[s->n] = (nw_id_item){article, type ? type : NW_ENT_PERSON, NULL, len, mentions};
  return 0;
}

/* A new item for a speaker's name that its article has no item for (type
** 0: of unknown type); its index, or -1 (OOM). */
static int64_t add_speaker_item(link_state *s, int64_t article, int type, const char *name, size_t len) {
  char *key = article_name_key(article, name, len);
  if (!key || nw_grow((void **)&s->map_keys, &s->kcap, s->nkeys + 1, sizeof *s->map_keys)) {
    sqlite3_free(key);
    return -1;
  }
  s->map_keys[s->nkeys++] = key;
  if (add_name(s, article, type, name, len, 0) || nw_strmap_put(&s->by_name, key, strlen(key), (int32_t)s->n)) return -1;
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

/* A mention row that is no item (no name or no known type) but points at an
** entity: its group's entity id is cleared (as the rows of a name no longer
** linked). */
static int add_stale(link_state *s, sqlite3_stmt *st) {
  char head[48];
  int n = snprintf(head, sizeof head, "%lld", (long long)sqlite3_column_int64(st, 0));
  const char *v[2] = {(const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2)};
  if (nw_buf_append(&s->stale, head, (size_t)n + 1)) return -1;
  for (int k = 0; k < 2; k++) {
    /* a tag byte: NULL or text */
    if (nw_buf_putc(&s->stale, v[k] ? 'T' : 'N') ||
        (v[k] && nw_buf_append(&s->stale, v[k], (size_t)sqlite3_column_bytes(st, k + 1))) || nw_buf_putc(&s->stale, 0))
      return -1;
  }
  s->nstale++;
  return 0;
}

/* One mention row of the article being read. */
typedef struct mention_row {
  int type;
  size_t off, len; /* the name in the article's buffer */
  int64_t entity;  /* -1: NULL */
} mention_row;

typedef struct article_rows {
  int64_t article;
  mention_row *v;
  size_t n, cap;
  nw_buf names;
} article_rows;

static const char *sort_names; /* qsort has no context argument (C11): the buffer being sorted */

/* (type, name) in the order SQL's ORDER BY type, canonical gives (bytes). */
static int cmp_row(const void *x, const void *y) {
  const mention_row *a = x, *b = y;
  int c = a->type == b->type ? 0 : strcmp(nw_ent_type_name(a->type), nw_ent_type_name(b->type));
  if (c) return c;
  c = memcmp(sort_names + a->off, sort_names + b->off, a->len < b->len ? a->len : b->len);
  return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* The article's rows as items, one per (type, name): its mentions counted,
** its stored entity id when every row holds the same one. */
static int flush_article(link_state *s, article_rows *r) {
  sort_names = r->names.data;
  qsort(r->v, r->n, sizeof *r->v, cmp_row);
  for (size_t i = 0; i < r->n;) {
    size_t j = i + 1;
    int64_t id = r->v[i].entity;
    while (j < r->n && !cmp_row(&r->v[i], &r->v[j])) {
      if (r->v[j].entity != id) id = -1;
      j++;
    }
    if (add_name(s, r->article, r->v[i].type, r->names.data + r->v[i].off, r->v[i].len, (int64_t)(j - i)) ||
        nw_grow((void **)&s->cur_id, &s->cur_cap, s->n + 1, sizeof *s->cur_id))
      return -1;
    s->cur_id[s->n++] = id;
    i = j;
  }
  r->n = 0;
  r->names.len = 0;
  return 0;
}

/* The items of the mentions, sorted by (article, type, name): read in article
** order through the index and grouped per article in memory (no sort of the
** whole table). */
static int load_mentions(sqlite3 *db, link_state *s, char **err) {
  sqlite3_stmt *st = NULL;
  article_rows r = {0};
  int rc = cp_prepare(db, "SELECT article_id, type, canonical, entity_id FROM mentions ORDER BY article_id", &st, err);
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    int64_t article = sqlite3_column_int64(st, 0);
    int type = type_code((const char *)sqlite3_column_text(st, 1));
    const char *name = (const char *)sqlite3_column_text(st, 2);
    size_t len = (size_t)sqlite3_column_bytes(st, 2);
    int64_t entity = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 3);
    if (!type || !name || !len) {
      if (entity >= 0 && add_stale(s, st)) rc = SQLITE_NOMEM;
      continue;
    }
    if (r.n && article != r.article && flush_article(s, &r)) {
      rc = SQLITE_NOMEM;
      break;
    }
    r.article = article;
    if (nw_grow((void **)&r.v, &r.cap, r.n + 1, sizeof *r.v)) {
      rc = SQLITE_NOMEM;
      break;
    }
    r.v[r.n++] = (mention_row){type, r.names.len, len, entity};
    if (nw_buf_append(&r.names, name, len)) rc = SQLITE_NOMEM;
  }
  rc = cp_finish(db, st, rc, "cannot read mentions", err);
  if (rc == SQLITE_OK && r.n && flush_article(s, &r)) rc = SQLITE_NOMEM;
  free(r.v);
  nw_buf_free(&r.names);
  s->nmention = s->n;
  return rc;
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
  int rc = cp_prepare(db, "SELECT rowid, article_id, speaker, speaker_type, speaker_key, speaker_entity_id FROM quotes",
                      &st, err);
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    int64_t article = sqlite3_column_int64(st, 1);
    const char *name = (const char *)sqlite3_column_text(st, 2);
    size_t len = (size_t)sqlite3_column_bytes(st, 2);
    const char *stype = (const char *)sqlite3_column_text(st, 3);
    const char *cur_key = (const char *)sqlite3_column_text(st, 4);
    int64_t cur_entity = sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 5);
    int linkable = name && !(stype && !strcmp(stype, "DESCRIPTION"));
    if (!linkable && !cur_key && cur_entity < 0) continue; /* nothing to link, nothing to clear */
    if (nw_grow((void **)&s->q, &s->qcap, s->nq + 1, sizeof *s->q)) { rc = SQLITE_NOMEM; break; }
    s->q[s->nq] = (speaker_ref){sqlite3_column_int64(st, 0), s->nmember, 0, 0, s->cur_keys.len,
                                cur_key ? sqlite3_column_bytes(st, 4) : -1, cur_entity};
    if (cur_key && nw_buf_append(&s->cur_keys, cur_key, (size_t)sqlite3_column_bytes(st, 4))) { rc = SQLITE_NOMEM; break; }
    if (!linkable) {
      s->nq++;
      continue;
    }
    int is_group = stype && !strcmp(stype, "GROUP");
    int type = type_code(stype);
    /* A name as a mention of its article gives it stays whole ("Procter and Gamble"). */
    int64_t whole = find_name(s, article, name, len);
    if (whole == -2) { rc = SQLITE_NOMEM; break; }
    int known = whole >= 0;
    size_t from[16], to[16];
    int split = !known && (is_group || ((!stype || type == NW_ENT_PERSON) && !nw_identity_org_name(name, len)));
    size_t nm = split_members(name, len, split, from, to, 16);
    s->q[s->nq].group = is_group || nm > 1;
    for (size_t k = 0; k < nm && rc == SQLITE_OK; k++) {
      const char *m = name + from[k];
      size_t ml = to[k] - from[k];
      int64_t at = find_name(s, article, m, ml);
      if (at == -2) { rc = SQLITE_NOMEM; break; }
      int64_t item = at >= 0 ? at : looks_like_name(m, ml) ? add_speaker_item(s, article, nm > 1 ? 0 : type, m, ml) : -2;
      if (item == -1 || add_member(s, item >= 0 ? item : -1)) rc = SQLITE_NOMEM;
    }
    s->q[s->nq].count = s->nmember - s->q[s->nq].first;
    s->nq++;
  }
  return cp_finish(db, st, rc, "cannot read quotes", err);
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

/* The stale groups' entity ids cleared. */
static int clear_stale(sqlite3 *db, const link_state *s, char **err) {
  sqlite3_stmt *up = NULL;
  int rc = s->nstale ? cp_prepare(db,
                                  "UPDATE mentions SET entity_id = NULL WHERE article_id = ?1 AND type IS ?2"
                                  " AND canonical IS ?3",
                                  &up, err)
                     : SQLITE_OK;
  const char *p = s->stale.data;
  for (size_t i = 0; rc == SQLITE_OK && i < s->nstale; i++) {
    sqlite3_bind_int64(up, 1, strtoll(p, NULL, 10));
    p += strlen(p) + 1;
    for (int k = 0; k < 2; k++) {
      if (*p == 'T') sqlite3_bind_text(up, k + 2, p + 1, -1, SQLITE_STATIC);
      else sqlite3_bind_null(up, k + 2);
      p += strlen(p) + 1;
    }
    if (sqlite3_step(up) != SQLITE_DONE) rc = SQLITE_ERROR;
    sqlite3_reset(up);
  }
  return cp_finish(db, up, rc, "cannot link entities", err);
}

/* Above this share of changed names, the entity index is rebuilt once
** rather than updated row by row (a first link changes every row). */
#define REBUILD_SHARE 4

/* mentions.entity_id of every name whose entity changed (only those rows are
** written: a relink after a small change writes little). */
static int write_mention_links(sqlite3 *db, const link_state *s, const int64_t *ids, char **err) {
  const nw_id_groups *g = &s->groups;
  size_t changed = 0;
  for (size_t i = 0; i < s->nmention; i++) changed += s->cur_id[i] != ids[g->group_of[i]];
  if (!changed) return SQLITE_OK;
  /* (A statement of the caller's that reads may hold the schema: then the
  ** index is kept and updated.) */
  int rebuild = changed > s->nmention / REBUILD_SHARE &&
                sqlite3_exec(db, "DROP INDEX IF EXISTS mentions_entity", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_stmt *up = NULL;
  int rc = cp_prepare(db, "UPDATE mentions SET entity_id = ?1 WHERE article_id = ?2 AND canonical = ?3 AND type = ?4", &up,
                      err);
  for (size_t i = 0; rc == SQLITE_OK && i < s->nmention; i++) {
    int64_t id = ids[g->group_of[i]];
    if (s->cur_id[i] == id) continue;
    sqlite3_bind_int64(up, 1, id);
    sqlite3_bind_int64(up, 2, s->items[i].article);
    sqlite3_bind_text(up, 3, s->items[i].name, (int)s->items[i].len, SQLITE_STATIC);
    sqlite3_bind_text(up, 4, nw_ent_type_name(s->items[i].type), -1, SQLITE_STATIC);
    if (sqlite3_step(up) != SQLITE_DONE) rc = SQLITE_ERROR;
    sqlite3_reset(up);
  }
  rc = cp_finish(db, up, rc, "cannot link entities", err);
  if (rc == SQLITE_OK && rebuild) rc = cp_exec(db, "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id)", err);
  return rc;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* quotes.speaker_key (for a group its members' keys sorted, each once,
** joined with " and ") and speaker_entity_id (one member's entity); only the
** quotes whose values changed are written. ids: each group's entity id. */
static int write_speakers(sqlite3 *db, link_state *s, const int64_t *ids, char **err) {
  const nw_id_groups *g = &s->groups;
  sqlite3_stmt *up = NULL;
  int rc = cp_prepare(db, "UPDATE quotes SET speaker_key = ?2, speaker_entity_id = ?3 WHERE rowid = ?1", &up, err);
  const char **keys = NULL;
  size_t kcap = 0;
  nw_buf joined = {0};
  for (size_t q = 0; rc == SQLITE_OK && q < s->nq; q++) {
    const speaker_ref *r = &s->q[q];
    size_t nk = 0;
    int64_t entity = -1;
    if (nw_grow((void **)&keys, &kcap, r->count + 1, sizeof *keys)) { rc = SQLITE_NOMEM; break; }
    for (size_t k = 0; k < r->count; k++) {
      int64_t item = s->member[r->first + k];
      if (item < 0) continue;
      keys[nk++] = g->key[g->group_of[item]];
      if (!r->group) entity = ids[g->group_of[item]];
    }
    qsort(keys, nk, sizeof *keys, cmp_str);
    joined.len = 0;
    for (size_t k = 0; k < nk && rc == SQLITE_OK; k++) {
      if (k && !strcmp(keys[k], keys[k - 1])) continue;
      if ((joined.len && nw_buf_append(&joined, " and ", 5)) || nw_buf_append(&joined, keys[k], strlen(keys[k])))
        rc = SQLITE_NOMEM;
    }
    if (rc != SQLITE_OK) break;
    int64_t key_len = nk ? (int64_t)joined.len : -1;
    if (key_len == r->key_len && entity == r->entity &&
        (key_len < 0 || !memcmp(joined.data, s->cur_keys.data + r->key_off, (size_t)key_len)))
      continue;
    sqlite3_bind_int64(up, 1, r->rowid);
    if (nk) sqlite3_bind_text(up, 2, joined.data, (int)joined.len, SQLITE_STATIC);
    else sqlite3_bind_null(up, 2);
    if (entity >= 0) sqlite3_bind_int64(up, 3, entity);
    else sqlite3_bind_null(up, 3);
    if (sqlite3_step(up) != SQLITE_DONE) rc = SQLITE_ERROR;
    sqlite3_reset(up);
  }
  free(keys);
  nw_buf_free(&joined);
  if (rc == SQLITE_NOMEM) {
    sqlite3_finalize(up);
    if (!*err) *err = sqlite3_mprintf("out of memory");
    return rc;
  }
  return cp_finish(db, up, rc, "cannot link speakers", err);
}

/* Entities, mentions.entity_id and the quotes' speakers. */
static int write_links(sqlite3 *db, link_state *s, char **err) {
  int64_t *ids = malloc((s->groups.ngroups ? s->groups.ngroups : 1) * sizeof *ids);
  if (!ids) return SQLITE_NOMEM;
  int rc = write_entity_rows(db, &s->groups, ids, err);
  if (rc == SQLITE_OK) rc = clear_stale(db, s, err);
  if (rc == SQLITE_OK) rc = write_mention_links(db, s, ids, err);
  if (rc == SQLITE_OK) rc = write_speakers(db, s, ids, err);
  free(ids);
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
  if (rc == SQLITE_OK) rc = write_links(db, &s, err);
  nw_identity_free(&s.groups);
  nw_strmap_free(&s.by_name);
  for (size_t k = 0; k < s.nkeys; k++) sqlite3_free(s.map_keys[k]);
  free(s.map_keys);
  free(s.cur_id);
  nw_buf_free(&s.stale);
  nw_buf_free(&s.cur_keys);
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
  double cpu0 = cp_thread_cpu();
  int rc = nw_corpus_link(db, err);
  st->cpu_link += cp_thread_cpu() - cpu0;
  return rc;
}
