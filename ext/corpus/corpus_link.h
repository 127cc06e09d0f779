/* The linker's state (corpus_link.c resolves and writes keys; corpus_names.c
** gives each article's names, read from its stored row of article_names or,
** for an article analysed since the last link, built from its mentions and
** quotes).
**
** Items, in the order the resolver takes them: every article's mention
** items (one per distinct type and canonical, sorted so within the article),
** articles in id order; then every article's speaker items (names only a
** quote gives), articles in id order, each article's in the order of its
** quotes. A from-scratch link sees the same order, so an incremental one
** resolves the same input. */
#ifndef NW_CORPUS_LINK_H
#define NW_CORPUS_LINK_H
#include "../identity/identity.h"
#include "corpus_internal.h"

/* A quote with a speaker name to link: its row (article_id, start) and its
** members (items; -1: a description, which links to nothing). */
typedef struct lk_quote {
  int64_t start;
  size_t first, count; /* lk_state.member[first .. first + count) */
  int group;           /* more than one member (or a GROUP speaker_type) */
} lk_quote;

typedef struct lk_article {
  int64_t id;
  size_t m0, m1; /* its mention items */
  size_t s0, s1; /* its speaker items (indexes among the speaker items) */
  size_t q0, q1; /* its quotes */
  uint8_t built;   /* names built from its rows in this run: its quotes are written, its names stored */
  uint8_t changed; /* an item's entity changed: its stored names are rewritten */
} lk_article;

/* A list of items with their names and stored entity ids. */
typedef struct lk_items {
  nw_id_item *v;
  size_t n, cap;
  size_t *name_off; /* into names (the pointers are set once the buffer stops moving) */
  size_t off_cap;
  int64_t *cur_id; /* as stored: -1 none (or the rows disagree) */
  size_t cur_cap;
  nw_buf names;
} lk_items;

/* A member that is a speaker item, before those follow the mention items. */
#define LK_SPEAKER ((int64_t)1 << 62)

typedef struct lk_state {
  lk_items items;    /* the mention items, then (once read) the speaker items */
  lk_items speakers; /* the speaker items while articles are read */
  size_t nmention;
  lk_article *arts;
  size_t na, acap;
  nw_id_article *id_arts; /* the resolver's view of each article */
  size_t acap_id;
  lk_quote *q;
  size_t nq, qcap;
  int64_t *member; /* item index per quote member, -1 a description (LK_SPEAKER | k before the fix-up) */
  size_t nmember, mcap;
  nw_id_groups groups;
} lk_state;

/* The statements corpus_names.c reads and writes with. */
typedef struct lk_names_io {
  sqlite3_stmt *mentions, *quotes, *clear_quote, *clear_stale, *store;
} lk_names_io;
int lk_names_prepare(sqlite3 *db, lk_names_io *io, char **err);
void lk_names_finalize(lk_names_io *io);

/* The article's names (a->id set) appended to s: decoded from blob (n bytes)
** or, when blob is NULL, built from its mentions and quotes (stored entity
** ids that no item carries any more are cleared). SQLITE_OK or an error. */
int lk_article_names(sqlite3 *db, lk_names_io *io, lk_state *s, lk_article *a, const void *blob, int n, char **err);

/* The article's names stored, with the entity ids ids[] of the groups (after
** the speaker items were appended to the items). */
int lk_store_names(sqlite3 *db, lk_names_io *io, const lk_state *s, const lk_article *a, const int64_t *ids,
                   char **err);

/* The article's items and quotes decoded from a blob (a->id set), without
** reading any row: 0, 1 when the blob does not parse (the state then holds
** part of it), -1 out of memory. */
int lk_names_decode(lk_state *s, lk_article *a, const void *blob, int n);
/* The article's names as a blob with the entity ids of items.cur_id
** (speaker items appended). 0 or -1 (OOM). */
int lk_names_encode(const lk_state *s, const lk_article *a, nw_buf *out);

/* A quote's speaker_key and speaker_entity_id as the linker writes them:
** its members' keys (key[group_of[item]]) sorted, each once, joined with
** " and " into joined (empty: NULL), and for a single speaker its entity
** (ids[group_of[item]]; -1: NULL). keys/kcap: scratch. 0 or -1 (OOM). */
typedef struct lk_speaker_buf {
  const char **keys;
  size_t kcap;
  nw_buf joined;
} lk_speaker_buf;
int lk_speaker_of(const lk_state *s, const lk_quote *r, const uint32_t *group_of, const char *const *key,
                  const int64_t *ids, lk_speaker_buf *out, int64_t *entity);
void lk_speaker_buf_free(lk_speaker_buf *b);

/* The speaker items after the mention items, members pointed at them, and
** the items' name pointers set (the buffer no longer moves). */
int lk_append_speakers(lk_state *s);
void lk_state_free(lk_state *s);

/* The names blob of a fresh analysis (as if built from the rows
** cp_store_analysis writes), computed by a worker. 0 or -1 (OOM). */
int lk_names_of_analysis(const char *body, const cp_analysis *an, nw_buf *out);

int lk_items_add(lk_items *l, int64_t article, int type, const char *name, size_t len, int64_t mentions, int64_t cur);
void lk_items_free(lk_items *l);
#endif
