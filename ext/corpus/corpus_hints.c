/* Entity ids written with an analysis' rows, so that the link after a large
** ingest has little left to write.
**
** The link gives every mention its entity and every quote its speaker key
** only once the whole corpus is resolved; written afterwards, row by row,
** that was most of a first link (10.4 of 17.4 s at 100 000 articles) and it
** ran alone on the one writer after the extraction. Instead (when asked: option
** "hint_after", off by default), once that many
** articles of a run are stored, their names are resolved (the identity
** resolver over those articles alone) and every later article's mentions,
** quotes and stored names are written with the entity ids this gives their
** names (for a name the resolve gave several entities, the one most of its
** articles got). The link still resolves the whole corpus and writes every
** row whose entity differs from the one stored (the stored names say which),
** so keys and rows end exactly as without hints; it only finds less to
** write: 98.8 % of the hinted names were right on the generated corpus.
**
** An entity given as a hint has its counts (mentions, articles) set to NULL
** until a link writes them: a run stopped before its link leaves that
** mark, and the next run links (cp_link_if_needed). */
#include <stdlib.h>
#include <string.h>

#include "corpus_link.h"
#include "hash.h"

SQLITE_EXTENSION_INIT3

enum { N_TYPES = NW_ENT_MISC - NW_ENT_PERSON + 1 };

struct cp_hints {
  lk_state seen;        /* the names of the articles stored so far (until ready) */
  nw_id_article *arts;  /* the resolver's view of them */
  size_t na, acap;
  int ready;
  nw_id_groups groups;  /* their resolve: the keys */
  int64_t *ids;         /* entities.id per group */
  nw_strmap by_name[N_TYPES]; /* a name (keys in seen's buffer) -> its group */
  lk_state one;         /* one article's names being hinted */
  uint32_t *group_of;   /* its items' groups */
  size_t gcap;
  lk_speaker_buf speaker;
};

static int type_slot(int type) { return type >= NW_ENT_PERSON && type <= NW_ENT_MISC ? type - NW_ENT_PERSON : -1; }

static int32_t group_of_name(const cp_hints *h, int type, const char *name, size_t len) {
  int t = type_slot(type);
  return t < 0 || !len ? -1 : nw_strmap_get(&h->by_name[t], name, len, -1);
}

static void state_reset(lk_state *s) {
  lk_state_free(s);
  memset(s, 0, sizeof *s);
}

void cp_hints_free(cp_hints *h) {
  if (!h) return;
  lk_state_free(&h->seen);
  free(h->arts);
  nw_identity_free(&h->groups);
  free(h->ids);
  for (int t = 0; t < N_TYPES; t++) nw_strmap_free(&h->by_name[t]);
  lk_state_free(&h->one);
  free(h->group_of);
  lk_speaker_buf_free(&h->speaker);
  free(h);
}

/* Entity rows for the groups' keys (an existing key keeps its id), marked
** uncounted until the next link; h->ids filled. */
static int write_hinted_entities(sqlite3 *db, cp_hints *h, char **err) {
  const nw_id_groups *g = &h->groups;
  if (!(h->ids = malloc((g->ngroups ? g->ngroups : 1) * sizeof *h->ids))) return SQLITE_NOMEM;
  sqlite3_stmt *up = NULL, *get = NULL;
  int rc = cp_prepare(db,
                      "INSERT INTO entities(key, name, type) VALUES (?1, ?2, ?3)"
                      " ON CONFLICT(key) DO UPDATE SET mentions = NULL, articles = NULL",
                      &up, err);
  if (rc == SQLITE_OK) rc = cp_prepare(db, "SELECT id FROM entities WHERE key = ?1", &get, err);
  for (size_t k = 0; rc == SQLITE_OK && k < g->ngroups; k++) {
    sqlite3_bind_text(up, 1, g->key[k], -1, SQLITE_STATIC);
    sqlite3_bind_text(up, 2, g->name[k], -1, SQLITE_STATIC);
    sqlite3_bind_text(up, 3, nw_ent_type_name(g->type[k]), -1, SQLITE_STATIC);
    if (sqlite3_step(up) != SQLITE_DONE) rc = SQLITE_ERROR;
    sqlite3_reset(up);
    sqlite3_bind_text(get, 1, g->key[k], -1, SQLITE_STATIC);
    if (rc == SQLITE_OK && sqlite3_step(get) == SQLITE_ROW) h->ids[k] = sqlite3_column_int64(get, 0);
    else rc = SQLITE_ERROR;
    sqlite3_reset(get);
  }
  sqlite3_finalize(up);
  if (rc != SQLITE_OK && !*err) *err = cp_db_error(db, "cannot link entities");
  return cp_finish(db, get, rc, "cannot link entities", err);
}

static _Thread_local const lk_items *sort_items; /* qsort has no context argument (C11) */
static _Thread_local const uint32_t *sort_groups;

/* Items by type and name. */
static int cmp_name(size_t x, size_t y) {
  const nw_id_item *a = &sort_items->v[x], *b = &sort_items->v[y];
  if (a->type != b->type) return a->type < b->type ? -1 : 1;
  int c = memcmp(a->name, b->name, a->len < b->len ? a->len : b->len);
  return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* Items by type, name, then group. */
static int cmp_item(const void *x, const void *y) {
  size_t a = *(const size_t *)x, b = *(const size_t *)y;
  int c = cmp_name(a, b);
  return c ? c : (sort_groups[a] > sort_groups[b]) - (sort_groups[a] < sort_groups[b]);
}

/* Each name's group: the one most of its items got (ties: the lowest). */
static int map_names(cp_hints *h) {
  const lk_items *l = &h->seen.items;
  const uint32_t *group_of = h->groups.group_of;
  size_t *order = malloc((l->n ? l->n : 1) * sizeof *order);
  if (!order) return -1;
  for (size_t i = 0; i < l->n; i++) order[i] = i;
  sort_items = l;
  sort_groups = group_of;
  qsort(order, l->n, sizeof *order, cmp_item);
  int rc = 0;
  for (int t = 0; t < N_TYPES && !rc; t++) rc = nw_strmap_init(&h->by_name[t], l->n / N_TYPES + 16, 0);
  for (size_t i = 0; !rc && i < l->n;) {
    uint32_t best = group_of[order[i]];
    size_t best_n = 0, j = i;
    while (j < l->n && !cmp_name(order[i], order[j])) { /* one name: its runs of one group */
      size_t k = j;
      while (k < l->n && group_of[order[k]] == group_of[order[j]] && !cmp_name(order[i], order[k])) k++;
      if (k - j > best_n) best = group_of[order[j]], best_n = k - j;
      j = k;
    }
    const nw_id_item *it = &l->v[order[i]];
    int slot = type_slot(it->type);
    if (slot >= 0) rc = nw_strmap_put(&h->by_name[slot], it->name, it->len, (int32_t)best);
    i = j;
  }
  free(order);
  return rc;
}

/* The names seen so far resolved: entity ids for their groups, the map by name. */
static int resolve_seen(sqlite3 *db, cp_hints *h, char **err) {
  if (lk_append_speakers(&h->seen) || nw_identity_resolve(h->seen.items.v, h->seen.items.n, h->arts, h->na, &h->groups))
    return SQLITE_NOMEM;
  int rc = write_hinted_entities(db, h, err);
  if (rc == SQLITE_OK && map_names(h)) rc = SQLITE_NOMEM;
  if (rc == SQLITE_OK) h->ready = 1;
  return rc;
}

/* The article's names kept for the resolve (0, 1 when its blob does not
** parse, -1 out of memory). */
static int keep_names(cp_hints *h, int64_t id, int32_t day, const nw_buf *blob) {
  if (nw_grow((void **)&h->arts, &h->acap, h->na + 1, sizeof *h->arts)) return -1;
  lk_article a = {.id = id};
  int bad = lk_names_decode(&h->seen, &a, blob->data, (int)blob->len);
  h->arts[h->na++] = (nw_id_article){id, 0, day}; /* (outlets are linked later) */
  return bad;
}

/* out: the analysis' rows with the ids of their names' groups. */
static int hint_rows(cp_hints *h, int64_t id, const cp_analysis *an, const char *body, cp_hinted *out) {
  lk_state *s = &h->one;
  state_reset(s);
  lk_article a = {.id = id};
  int bad = lk_names_decode(s, &a, an->link_names.data, (int)an->link_names.len);
  if (bad) return bad;
  if (lk_append_speakers(s) || nw_grow((void **)&h->group_of, &h->gcap, s->items.n, sizeof *h->group_of)) return -1;
  for (size_t i = 0; i < s->items.n; i++) {
    const nw_id_item *it = &s->items.v[i];
    int32_t g = group_of_name(h, it->type, it->name, it->len);
    h->group_of[i] = g < 0 ? UINT32_MAX : (uint32_t)g;
    s->items.cur_id[i] = g < 0 ? -1 : h->ids[g];
  }
  if (lk_names_encode(s, &a, &out->blob)) return -1;
  if (nw_grow((void **)&out->mention_id, &out->mcap, an->nm, sizeof *out->mention_id) ||
      nw_grow((void **)&out->quote_id, &out->qcap, an->nq, sizeof *out->quote_id) ||
      nw_grow((void **)&out->key_span, &out->kcap, an->nq, sizeof *out->key_span))
    return -1;
  for (size_t i = 0; i < an->nm; i++) {
    const cp_mention *m = &an->m[i];
    int32_t g = group_of_name(h, m->type, body + m->c0, m->c1 - m->c0);
    out->mention_id[i] = g < 0 ? -1 : h->ids[g];
  }
  /* The quotes with a speaker to link are the analysis' in order, by start. */
  out->keys.len = 0;
  size_t k = 0;
  for (size_t i = 0; i < an->nq; i++) {
    out->quote_id[i] = -1;
    out->key_span[i][0] = out->key_span[i][1] = 0;
    if (k >= s->nq || s->q[k].start != an->q[i].start) continue;
    const lk_quote *r = &s->q[k++];
    int known = 1; /* else the link writes it: a member's entity changes */
    for (size_t m = 0; m < r->count; m++)
      if (s->member[r->first + m] >= 0 && h->group_of[s->member[r->first + m]] == UINT32_MAX) known = 0;
    if (!known) continue;
    int64_t entity;
    if (lk_speaker_of(s, r, h->group_of, (const char *const *)h->groups.key, h->ids, &h->speaker, &entity)) return -1;
    out->quote_id[i] = entity;
    out->key_span[i][0] = (uint32_t)out->keys.len;
    if (nw_buf_append(&out->keys, h->speaker.joined.data ? h->speaker.joined.data : "", h->speaker.joined.len)) return -1;
    out->key_span[i][1] = (uint32_t)h->speaker.joined.len;
  }
  return 0;
}

static int no_memory(char **err) {
  if (!*err) *err = sqlite3_mprintf("out of memory");
  return SQLITE_NOMEM;
}

int cp_hints_apply(sqlite3 *db, cp_hints **hp, int after, int64_t id, const char *body, const cp_analysis *an,
                   cp_hinted *out, char **err) {
  out->ready = 0;
  if (!an->link_names.len || after <= 0) return SQLITE_OK; /* off unless asked for */
  if (!*hp && !(*hp = calloc(1, sizeof **hp))) return no_memory(err);
  cp_hints *h = *hp;
  if (!h->ready) {
    int bad = keep_names(h, id, an->day, &an->link_names);
    if (bad < 0) return no_memory(err);
    if (bad) { /* not a blob this code wrote: no hints this run */
      h->ready = -1;
      return SQLITE_OK;
    }
    if (h->na < (size_t)after) return SQLITE_OK;
    int rc = resolve_seen(db, h, err);
    return rc == SQLITE_NOMEM ? no_memory(err) : rc;
  }
  if (h->ready < 0) return SQLITE_OK;
  int bad = hint_rows(h, id, an, body, out);
  if (bad < 0) return no_memory(err);
  out->ready = !bad;
  return SQLITE_OK;
}

void cp_hinted_free(cp_hinted *out) {
  free(out->mention_id);
  free(out->quote_id);
  free(out->key_span);
  nw_buf_free(&out->blob);
  nw_buf_free(&out->keys);
  memset(out, 0, sizeof *out);
}
