/* Each article's names as the identity resolver takes them, kept between
** links in article_names(article_id, names BLOB): an article analysed since
** the last link has no row there (storing its analysis deletes it), and its
** names are built from its mentions and quotes; every other article's are
** decoded from its row, so a relink reads one row per article instead of
** every mention and quote.
**
** The blob: varints (LEB128; signed ones zigzag) nm, ns, nq; nm mention
** items and ns speaker items, each type (byte), mentions, entity id as
** stored (-1 none), name length and bytes; nq quotes, each start, group
** (byte), member count and members (0 a description, else 1 + the item's
** index in the article: mention items first). */
#include <stdlib.h>
#include <string.h>

#include "corpus_link.h"
#include "news_entities.h"

SQLITE_EXTENSION_INIT3

int lk_items_add(lk_items *l, int64_t article, int type, const char *name, size_t len, int64_t mentions, int64_t cur) {
  if (nw_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v) ||
      nw_grow((void **)&l->name_off, &l->off_cap, l->n + 1, sizeof *l->name_off) ||
      nw_grow((void **)&l->cur_id, &l->cur_cap, l->n + 1, sizeof *l->cur_id))
    return -1;
  l->name_off[l->n] = l->names.len;
  if (nw_buf_append(&l->names, name, len) || nw_buf_putc(&l->names, 0)) return -1;
  l->v[l->n] = (nw_id_item){article, type ? type : NW_ENT_PERSON, NULL, len, mentions};
  l->cur_id[l->n++] = cur;
  return 0;
}

void lk_items_free(lk_items *l) {
  free(l->v);
  free(l->name_off);
  free(l->cur_id);
  nw_buf_free(&l->names);
  memset(l, 0, sizeof *l);
}

int lk_names_prepare(sqlite3 *db, lk_names_io *io, char **err) {
  memset(io, 0, sizeof *io);
  int rc = cp_prepare(db, "SELECT type, canonical, entity_id FROM mentions WHERE article_id = ?1", &io->mentions, err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db,
                    "SELECT rowid, start, speaker, speaker_type, speaker_key IS NOT NULL OR speaker_entity_id IS NOT NULL"
                    " FROM quotes WHERE article_id = ?1 ORDER BY rowid",
                    &io->quotes, err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db, "UPDATE quotes SET speaker_key = NULL, speaker_entity_id = NULL WHERE rowid = ?1",
                    &io->clear_quote, err);
  /* The mentions no item stands for (no known type, no name) keep no entity. */
  if (rc == SQLITE_OK)
    rc = cp_prepare(db,
                    "UPDATE mentions SET entity_id = NULL WHERE article_id = ?1 AND entity_id IS NOT NULL"
                    " AND NOT (type IN (?2, ?3, ?4, ?5) AND coalesce(length(canonical), 0) > 0)",
                    &io->clear_stale, err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db, "INSERT OR REPLACE INTO article_names(article_id, names) VALUES (?1, ?2)", &io->store, err);
  for (int k = NW_ENT_PERSON; rc == SQLITE_OK && k <= NW_ENT_MISC; k++)
    sqlite3_bind_text(io->clear_stale, 2 + k - NW_ENT_PERSON, nw_ent_type_name(k), -1, SQLITE_STATIC);
  if (rc != SQLITE_OK) lk_names_finalize(io);
  return rc;
}

void lk_names_finalize(lk_names_io *io) {
  sqlite3_stmt *all[] = {io->mentions, io->quotes, io->clear_quote, io->clear_stale, io->store};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) sqlite3_finalize(all[i]);
  memset(io, 0, sizeof *io);
}

static int type_code(const char *t) {
  if (!t) return 0;
  for (int k = NW_ENT_PERSON; k <= NW_ENT_MISC; k++)
    if (!strcmp(t, nw_ent_type_name(k))) return k;
  return 0;
}

/* ---- built from the rows -------------------------------------------- */

/* One mention row of the article. */
typedef struct mention_row {
  int type;
  size_t off, len; /* the name in the rows' buffer */
  int64_t entity;  /* -1: NULL */
} mention_row;

static _Thread_local const char *sort_names; /* qsort has no context argument (C11): the buffer being sorted */

/* (type, name) in the order SQL's ORDER BY type, canonical gives (bytes). */
static int cmp_row(const void *x, const void *y) {
  const mention_row *a = x, *b = y;
  int c = a->type == b->type ? 0 : strcmp(nw_ent_type_name(a->type), nw_ent_type_name(b->type));
  if (c) return c;
  c = memcmp(sort_names + a->off, sort_names + b->off, a->len < b->len ? a->len : b->len);
  return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* The article's mention rows (names in the buffer names) as items, one per
** (type, name): its mentions counted, its stored entity id when every row
** holds the same one. Sorts v. */
static int add_mention_items(lk_state *s, const lk_article *a, mention_row *v, size_t n, const char *names) {
  sort_names = names;
  if (n) qsort(v, n, sizeof *v, cmp_row);
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    int64_t id = v[i].entity;
    while (j < n && !cmp_row(&v[i], &v[j])) {
      if (v[j].entity != id) id = -1;
      j++;
    }
    if (lk_items_add(&s->items, a->id, v[i].type, names + v[i].off, v[i].len, (int64_t)(j - i), id)) return -1;
    i = j;
  }
  return 0;
}

/* The article's mentions as stored, as items; rows that are no item but
** hold an entity id lose it. */
static int build_mentions(sqlite3 *db, lk_names_io *io, lk_state *s, lk_article *a, char **err) {
  mention_row *v = NULL;
  size_t n = 0, cap = 0;
  nw_buf names = {0};
  int stale = 0;
  sqlite3_bind_int64(io->mentions, 1, a->id);
  int rc = SQLITE_OK;
  while (rc == SQLITE_OK && sqlite3_step(io->mentions) == SQLITE_ROW) {
    int type = type_code((const char *)sqlite3_column_text(io->mentions, 0));
    const char *name = (const char *)sqlite3_column_text(io->mentions, 1);
    size_t len = (size_t)sqlite3_column_bytes(io->mentions, 1);
    int64_t entity = sqlite3_column_type(io->mentions, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64(io->mentions, 2);
    if (!type || !name || !len) {
      stale |= entity >= 0;
      continue;
    }
    if (nw_grow((void **)&v, &cap, n + 1, sizeof *v) || nw_buf_append(&names, name, len)) {
      rc = SQLITE_NOMEM;
      break;
    }
    v[n++] = (mention_row){type, names.len - len, len, entity};
  }
  int step = sqlite3_reset(io->mentions); /* a failed step ends the loop as the last row does */
  if (rc == SQLITE_OK && step != SQLITE_OK) rc = step, *err = cp_db_error(db, "cannot read mentions");
  if (rc == SQLITE_OK && add_mention_items(s, a, v, n, names.data)) rc = SQLITE_NOMEM;
  free(v);
  nw_buf_free(&names);
  if (rc == SQLITE_OK && stale) {
    sqlite3_bind_int64(io->clear_stale, 1, a->id);
    if (sqlite3_step(io->clear_stale) != SQLITE_DONE) rc = SQLITE_ERROR, *err = cp_db_error(db, "cannot link entities");
    sqlite3_reset(io->clear_stale);
  }
  return rc;
}

static int name_cmp(const lk_items *l, size_t i, const char *name, size_t len) {
  const char *a = l->names.data + l->name_off[i];
  size_t al = l->v[i].len;
  int c = memcmp(a, name, al < len ? al : len);
  return c ? c : (al > len) - (al < len);
}

/* The article's mention item of (type, name), or -1: binary search over its
** sorted items. */
static int64_t find_mention_item(const lk_state *s, const lk_article *a, int type, const char *name, size_t len) {
  const lk_items *l = &s->items;
  const char *tn = nw_ent_type_name(type);
  size_t lo = a->m0, hi = a->m1;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(nw_ent_type_name(l->v[mid].type), tn);
    if (!c) c = name_cmp(l, mid, name, len);
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < a->m1 && l->v[lo].type == type && !name_cmp(l, lo, name, len) ? (int64_t)lo : -1;
}

/* The item a name of the article answers for: among its mention items the
** most mentioned type (the first in type order on a tie), else a name only
** a quote gave (LK_SPEAKER | its index); -1 when none. */
static int64_t find_name(const lk_state *s, const lk_article *a, const char *name, size_t len) {
  int64_t best = -1;
  for (int k = NW_ENT_PERSON; k <= NW_ENT_MISC; k++) {
    int64_t at = find_mention_item(s, a, k, name, len);
    if (at < 0) continue;
    /* type order is the names' byte order, as the items were sorted */
    if (best < 0 || s->items.v[at].mentions > s->items.v[best].mentions ||
        (s->items.v[at].mentions == s->items.v[best].mentions && at < best))
      best = at;
  }
  if (best >= 0) return best;
  for (size_t k = a->s0; k < s->speakers.n; k++)
    if (!name_cmp(&s->speakers, k, name, len)) return LK_SPEAKER | (int64_t)k;
  return -1;
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

static int add_member(lk_state *s, int64_t item) {
  if (nw_grow((void **)&s->member, &s->mcap, s->nmember + 1, sizeof *s->member)) return -1;
  s->member[s->nmember++] = item;
  return 0;
}

static int add_quote(lk_state *s, int64_t start, int group, size_t first) {
  if (nw_grow((void **)&s->q, &s->qcap, s->nq + 1, sizeof *s->q)) return -1;
  s->q[s->nq++] = (lk_quote){start, first, s->nmember - first, group};
  return 0;
}

/* One quote's speaker as members: the whole name when a mention of the
** article gives it ("Procter and Gamble"), else its parts ("X and Y"). */
static int speaker_members(lk_state *s, const lk_article *a, int64_t start, const char *name, size_t len,
                           const char *stype) {
  int is_group = stype && !strcmp(stype, "GROUP");
  int type = type_code(stype);
  int known = find_name(s, a, name, len) >= 0;
  size_t from[16], to[16];
  int split = !known && (is_group || ((!stype || type == NW_ENT_PERSON) && !nw_identity_org_name(name, len)));
  size_t nm = split_members(name, len, split, from, to, 16), first = s->nmember;
  for (size_t k = 0; k < nm; k++) {
    const char *m = name + from[k];
    size_t ml = to[k] - from[k];
    int64_t item = find_name(s, a, m, ml);
    if (item < 0 && looks_like_name(m, ml)) {
      if (lk_items_add(&s->speakers, a->id, nm > 1 ? 0 : type, m, ml, 0, -1)) return -1;
      item = LK_SPEAKER | (int64_t)(s->speakers.n - 1);
    }
    if (add_member(s, item)) return -1;
  }
  return add_quote(s, start, is_group || nm > 1, first);
}

/* The article's quotes: the speakers to link as members (new names as
** speaker items); a quote with nothing to link loses a key it still holds. */
static int build_quotes(sqlite3 *db, lk_names_io *io, lk_state *s, lk_article *a, char **err) {
  int64_t *clear = NULL;
  size_t nclear = 0, ccap = 0;
  int rc = SQLITE_OK;
  sqlite3_bind_int64(io->quotes, 1, a->id);
  while (rc == SQLITE_OK && sqlite3_step(io->quotes) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(io->quotes, 2);
    size_t len = (size_t)sqlite3_column_bytes(io->quotes, 2);
    const char *stype = (const char *)sqlite3_column_text(io->quotes, 3);
    int linkable = name && !(stype && !strcmp(stype, "DESCRIPTION")) && sqlite3_column_type(io->quotes, 1) != SQLITE_NULL;
    if (linkable) {
      if (speaker_members(s, a, sqlite3_column_int64(io->quotes, 1), name, len, stype)) rc = SQLITE_NOMEM;
    } else if (sqlite3_column_int(io->quotes, 4)) {
      if (nw_grow((void **)&clear, &ccap, nclear + 1, sizeof *clear)) rc = SQLITE_NOMEM;
      else clear[nclear++] = sqlite3_column_int64(io->quotes, 0);
    }
  }
  int step = sqlite3_reset(io->quotes);
  if (rc == SQLITE_OK && step != SQLITE_OK) rc = step, *err = cp_db_error(db, "cannot read quotes");
  for (size_t k = 0; rc == SQLITE_OK && k < nclear; k++) {
    sqlite3_bind_int64(io->clear_quote, 1, clear[k]);
    if (sqlite3_step(io->clear_quote) != SQLITE_DONE) rc = SQLITE_ERROR, *err = cp_db_error(db, "cannot link speakers");
    sqlite3_reset(io->clear_quote);
  }
  free(clear);
  return rc;
}

/* ---- the stored blob ------------------------------------------------ */

static int put_varint(nw_buf *b, uint64_t v) {
  do {
    unsigned char c = (unsigned char)(v & 0x7f);
    v >>= 7;
    if (nw_buf_putc(b, (char)(v ? c | 0x80 : c))) return -1;
  } while (v);
  return 0;
}

static int put_signed(nw_buf *b, int64_t v) { return put_varint(b, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63)); }

typedef struct reader {
  const unsigned char *p, *end;
  int bad;
} reader;

static uint64_t get_varint(reader *r) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (r->p >= r->end) break;
    unsigned char c = *r->p++;
    v |= (uint64_t)(c & 0x7f) << shift;
    if (!(c & 0x80)) return v;
  }
  r->bad = 1;
  return 0;
}

static int64_t get_signed(reader *r) {
  uint64_t v = get_varint(r);
  return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static int put_item(nw_buf *b, const lk_items *l, size_t i, int64_t id) {
  const nw_id_item *it = &l->v[i];
  return nw_buf_putc(b, (char)it->type) || put_varint(b, (uint64_t)it->mentions) || put_signed(b, id) ||
         put_varint(b, it->len) || nw_buf_append(b, l->names.data + l->name_off[i], it->len);
}

/* The article's names as a blob: entity ids those of their groups (ids
** per group), or as stored (ids NULL). Speaker items already appended. */
static int encode(const lk_state *s, const lk_article *a, const int64_t *ids, nw_buf *b) {
  const lk_items *l = &s->items;
  const uint32_t *group_of = s->groups.group_of;
  size_t nm = a->m1 - a->m0, ns = a->s1 - a->s0;
  b->len = 0;
  int bad = put_varint(b, nm) || put_varint(b, ns) || put_varint(b, a->q1 - a->q0);
  for (size_t i = a->m0; !bad && i < a->m1; i++) bad = put_item(b, l, i, ids ? ids[group_of[i]] : l->cur_id[i]);
  for (size_t k = a->s0; !bad && k < a->s1; k++) {
    size_t i = s->nmention + k;
    bad = put_item(b, l, i, ids ? ids[group_of[i]] : l->cur_id[i]);
  }
  for (size_t q = a->q0; !bad && q < a->q1; q++) {
    const lk_quote *x = &s->q[q];
    bad = put_varint(b, (uint64_t)x->start) || nw_buf_putc(b, (char)x->group) || put_varint(b, x->count);
    for (size_t k = 0; !bad && k < x->count; k++) {
      int64_t m = s->member[x->first + k];
      uint64_t local = m < 0 ? 0 : (size_t)m < s->nmention ? (uint64_t)((size_t)m - a->m0) + 1
                                                         : (uint64_t)(nm + (size_t)m - s->nmention - a->s0) + 1;
      bad = put_varint(b, local);
    }
  }
  return bad ? -1 : 0;
}

int lk_store_names(sqlite3 *db, lk_names_io *io, const lk_state *s, const lk_article *a, const int64_t *ids,
                   char **err) {
  nw_buf b = {0};
  int rc = encode(s, a, ids, &b) ? SQLITE_NOMEM : SQLITE_OK;
  if (rc == SQLITE_OK) {
    sqlite3_bind_int64(io->store, 1, a->id);
    sqlite3_bind_blob(io->store, 2, b.data, (int)b.len, SQLITE_STATIC);
    if (sqlite3_step(io->store) != SQLITE_DONE) rc = SQLITE_ERROR, *err = cp_db_error(db, "cannot store article names");
    sqlite3_reset(io->store);
  }
  nw_buf_free(&b);
  return rc;
}

/* The items and quotes of a stored blob; 1 when it does not parse (the
** article's names are then built from its rows again), -1 out of memory. */
static int decode(lk_state *s, lk_article *a, const void *blob, int n) {
  reader r = {blob, (const unsigned char *)blob + n, 0};
  uint64_t nm = get_varint(&r), ns = get_varint(&r), nq = get_varint(&r);
  for (uint64_t i = 0; !r.bad && i < nm + ns; i++) {
    if (r.p >= r.end) return 1;
    int type = *r.p++;
    int64_t mentions = (int64_t)get_varint(&r), id = get_signed(&r);
    uint64_t len = get_varint(&r);
    if (r.bad || type < NW_ENT_PERSON || type > NW_ENT_MISC || len > (uint64_t)(r.end - r.p)) return 1;
    if (lk_items_add(i < nm ? &s->items : &s->speakers, a->id, type, (const char *)r.p, len, mentions, id)) return -1;
    r.p += len;
  }
  a->m1 = s->items.n;
  a->s1 = s->speakers.n;
  for (uint64_t q = 0; !r.bad && q < nq; q++) {
    int64_t start = (int64_t)get_varint(&r);
    if (r.p >= r.end) return 1;
    int group = *r.p++;
    uint64_t count = get_varint(&r);
    size_t first = s->nmember;
    for (uint64_t k = 0; !r.bad && k < count; k++) {
      uint64_t local = get_varint(&r);
      if (local > nm + ns) return 1;
      int64_t item = !local ? -1 : local <= nm ? (int64_t)(a->m0 + local - 1) : LK_SPEAKER | (int64_t)(a->s0 + local - 1 - nm);
      if (add_member(s, item)) return -1;
    }
    if (!r.bad && add_quote(s, start, group, first)) return -1;
  }
  return r.bad || r.p != r.end;
}

int lk_article_names(sqlite3 *db, lk_names_io *io, lk_state *s, lk_article *a, const void *blob, int n, char **err) {
  a->m0 = a->m1 = s->items.n;
  a->s0 = a->s1 = s->speakers.n;
  a->q0 = s->nq;
  size_t member0 = s->nmember;
  if (blob) {
    int bad = decode(s, a, blob, n);
    if (bad < 0) return SQLITE_NOMEM;
    if (!bad) {
      a->q1 = s->nq;
      return SQLITE_OK;
    }
    /* Not a blob this code wrote: drop what was decoded, read the rows. */
    s->items.n = a->m0;
    s->speakers.n = a->s0;
    s->nq = a->q0;
    s->nmember = member0;
  }
  a->built = 1;
  int rc = build_mentions(db, io, s, a, err);
  a->m1 = s->items.n;
  if (rc == SQLITE_OK) rc = build_quotes(db, io, s, a, err);
  a->s1 = s->speakers.n;
  a->q1 = s->nq;
  return rc;
}

int lk_names_decode(lk_state *s, lk_article *a, const void *blob, int n) {
  a->m0 = a->m1 = s->items.n;
  a->s0 = a->s1 = s->speakers.n;
  a->q0 = s->nq;
  int bad = decode(s, a, blob, n);
  a->q1 = s->nq;
  return bad;
}

int lk_names_encode(const lk_state *s, const lk_article *a, nw_buf *out) { return encode(s, a, NULL, out); }

int lk_append_speakers(lk_state *s) {
  lk_items *l = &s->items, *sp = &s->speakers;
  s->nmention = l->n;
  for (size_t k = 0; k < sp->n; k++)
    if (lk_items_add(l, sp->v[k].article, sp->v[k].type, sp->names.data + sp->name_off[k], sp->v[k].len,
                     sp->v[k].mentions, sp->cur_id[k]))
      return -1;
  lk_items_free(sp);
  for (size_t m = 0; m < s->nmember; m++)
    if (s->member[m] >= 0 && (s->member[m] & LK_SPEAKER)) s->member[m] = (int64_t)s->nmention + (s->member[m] & ~LK_SPEAKER);
  for (size_t i = 0; i < l->n; i++) l->v[i].name = l->names.data + l->name_off[i];
  return 0;
}

void lk_state_free(lk_state *s) {
  lk_items_free(&s->items);
  lk_items_free(&s->speakers);
  free(s->arts);
  free(s->id_arts);
  free(s->q);
  free(s->member);
  nw_identity_free(&s->groups);
}

/* What build_mentions and build_quotes would read back from the rows
** cp_store_analysis writes (fresh rows: no entity ids, no keys). */
int lk_names_of_analysis(const char *body, const cp_analysis *an, nw_buf *out) {
  lk_state s;
  memset(&s, 0, sizeof s);
  lk_article a = {0};
  mention_row *v = malloc((an->nm ? an->nm : 1) * sizeof *v);
  size_t n = 0;
  int rc = v ? 0 : -1;
  for (size_t i = 0; !rc && i < an->nm; i++) {
    const cp_mention *m = &an->m[i];
    int type = type_code(nw_ent_type_name(m->type));
    if (type && m->c1 > m->c0) v[n++] = (mention_row){type, m->c0, m->c1 - m->c0, -1};
  }
  if (!rc) rc = add_mention_items(&s, &a, v, n, body);
  free(v);
  a.m1 = s.items.n;
  for (size_t i = 0; !rc && i < an->nq; i++) {
    const cp_quote *q = &an->q[i];
    const char *name = q->spk_start && q->name_len ? an->names.data + q->name_off : NULL;
    const char *stype = q->spk_start ? nw_speaker_type_name(q->spk_type) : NULL;
    if (name && !(stype && !strcmp(stype, "DESCRIPTION"))) rc = speaker_members(&s, &a, q->start, name, q->name_len, stype);
  }
  a.s1 = s.speakers.n;
  a.q1 = s.nq;
  if (!rc) rc = lk_append_speakers(&s);
  if (!rc) rc = encode(&s, &a, NULL, out);
  lk_state_free(&s);
  return rc;
}
