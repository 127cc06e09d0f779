/* nw_identity_resolve: the names of a corpus grouped into entities (rules
** and keys: identity.h). Every step is a pass over the items or the distinct
** names with hash lookups; candidates for a short name come from a map of
** name tails, for an acronym from a map of initials; the evidence within an
** article is read article by article (the items grouped by article), from
** marks per group rather than a map of every (article, group) pair. */
#include "identity_internal.h"
#include "news_entities.h"

#include <stdlib.h>
#include <string.h>

/* A distinct (type, match form): the unit the rules join. */
typedef struct base {
  const char *form; /* match form (words separated by one space) */
  size_t form_len;
  int type;
  int ntok;         /* words in the match form */
  const char *mid, *sfx; /* a person's middle initials and suffixes ("" when none: id_person_marks) */
  int alias;        /* the form came from the alias table */
  int acronym;      /* written as an acronym that no alias explained */
  int short_form;   /* a tail of fuller names of people */
  char initial;     /* a short form written with a given name's initial ("R. Croft"): that letter, else 0 */
  int32_t tails;    /* chain of fuller names (into link[]) this one is the tail of, or -1 */
  const char *initials, *initials_all; /* its initials, for an acronym to find it (NULL when not an expansion) */
} base;

typedef struct link_node {
  uint32_t base;
  int32_t next;
} link_node;

/* A hash map from (a, b) to a sum, for "how often does group b appear in
** outlet a" (and which classes of a name an article writes). */
typedef struct pair_slot {
  int64_t a;
  uint32_t b, used;
  int64_t sum;
} pair_slot;
typedef struct pair_map {
  pair_slot *slot;
  size_t cap, count;
} pair_map;

static size_t pair_hash(int64_t a, uint32_t b, size_t cap) {
  uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15ull ^ ((uint64_t)b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
  return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

static int pair_add(pair_map *m, int64_t a, uint32_t b, int64_t v) {
  if ((m->count + 1) * 2 > m->cap) {
    pair_map bigger = {calloc(m->cap ? m->cap * 2 : 64, sizeof(pair_slot)), m->cap ? m->cap * 2 : 64, 0};
    if (!bigger.slot) return -1;
    for (size_t i = 0; i < m->cap; i++)
      if (m->slot[i].used) pair_add(&bigger, m->slot[i].a, m->slot[i].b, m->slot[i].sum);
    free(m->slot);
    *m = bigger;
  }
  size_t i = pair_hash(a, b, m->cap);
  while (m->slot[i].used && (m->slot[i].a != a || m->slot[i].b != b)) i = (i + 1) & (m->cap - 1);
  if (!m->slot[i].used) m->slot[i] = (pair_slot){a, b, 1, 0}, m->count++;
  m->slot[i].sum += v;
  return 0;
}

/* The sum for (a, b), or -1 when the pair was never added. */
static int64_t pair_get(const pair_map *m, int64_t a, uint32_t b) {
  if (!m->cap) return -1;
  size_t i = pair_hash(a, b, m->cap);
  while (m->slot[i].used) {
    if (m->slot[i].a == a && m->slot[i].b == b) return m->slot[i].sum;
    i = (i + 1) & (m->cap - 1);
  }
  return -1;
}

/* Rule 4's decisions past the evidence of the article itself depend only on
** the name (its base and shown name) and the article's outlet and day: each
** such (name, outlet, day) is decided once. */
typedef struct memo_slot {
  uint64_t name; /* base << 32 | shown rank */
  int64_t outlet;
  int32_t day;
  uint32_t used;
  int64_t pick;
} memo_slot;
typedef struct memo_map {
  memo_slot *slot;
  size_t cap, count;
} memo_map;

static size_t memo_hash(uint64_t name, int64_t outlet, int32_t day, size_t cap) {
  uint64_t h = name * 0x9E3779B97F4A7C15ull ^ (uint64_t)outlet * 0xC2B2AE3D27D4EB4Full ^
               ((uint64_t)(uint32_t)day + 0x632BE59BD9B4E019ull) * 0x165667B19E3779F9ull;
  return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

static memo_slot *memo_find(const memo_map *m, uint64_t name, int64_t outlet, int32_t day) {
  if (!m->cap) return NULL;
  size_t i = memo_hash(name, outlet, day, m->cap);
  while (m->slot[i].used) {
    const memo_slot *s = &m->slot[i];
    if (s->name == name && s->outlet == outlet && s->day == day) return &m->slot[i];
    i = (i + 1) & (m->cap - 1);
  }
  return NULL;
}

static int memo_put(memo_map *m, uint64_t name, int64_t outlet, int32_t day, int64_t pick) {
  if ((m->count + 1) * 2 > m->cap) {
    memo_map bigger = {calloc(m->cap ? m->cap * 2 : 64, sizeof(memo_slot)), m->cap ? m->cap * 2 : 64, 0};
    if (!bigger.slot) return -1;
    for (size_t i = 0; i < m->cap; i++)
      if (m->slot[i].used) memo_put(&bigger, m->slot[i].name, m->slot[i].outlet, m->slot[i].day, m->slot[i].pick);
    free(m->slot);
    *m = bigger;
  }
  size_t i = memo_hash(name, outlet, day, m->cap);
  while (m->slot[i].used) i = (i + 1) & (m->cap - 1);
  m->slot[i] = (memo_slot){name, outlet, day, 1, pick};
  m->count++;
  return 0;
}

typedef struct resolver {
  const nw_id_item *items;
  size_t n;
  nw_id_article *arts; /* sorted by id */
  size_t narts;
  uint32_t *base_of;   /* per item */
  int32_t *art_of;     /* per item: index into arts, or -1 */
  const char **shown;  /* per item: the name as a key would show it */
  uint32_t *shown_rank; /* per item: its shown name's rank in byte order (equal names, equal ranks) */
  uint32_t *by_art;     /* the items grouped by article (id order), each article's in input order */
  size_t *art_start;    /* article g's items: by_art[art_start[g] .. art_start[g + 1]) */
  size_t nart_groups;
  base *bases;
  size_t nbases, bases_cap;
  uint32_t *parent;    /* union-find over bases */
  link_node *links;
  size_t nlinks, links_cap;
  nw_strmap by_form;         /* type digit + match form -> base */
  nw_strmap tails, initials; /* name tail / initials -> first link */
  uint64_t *mark, stamp;  /* per root: the load_article stamp when the loaded article names it */
  int64_t *in_art;        /* per root marked: its mentions in the loaded article */
  uint32_t *aroots;       /* the roots the loaded article names */
  size_t naroots;
  pair_map in_outlet;     /* (outlet, root) -> articles */
  memo_map beyond;        /* rule 4's decisions past the article's own evidence */
  int32_t *day_from, *day_to;     /* per root base: range in days[] */
  int32_t *days;                  /* the days of the articles naming each root, sorted */
  int64_t *root_articles;         /* per root base: articles naming it */
  uint32_t *final_root; /* per item */
  id_pool pool;
} resolver;

static uint32_t find_root(resolver *r, uint32_t b) {
  while (r->parent[b] != b) b = r->parent[b] = r->parent[r->parent[b]];
  return b;
}

/* Joined under the smaller index, so the result does not depend on the order
** of the unions. */
static void join(resolver *r, uint32_t a, uint32_t b) {
  a = find_root(r, a);
  b = find_root(r, b);
  if (a < b) r->parent[b] = a;
  else if (b < a) r->parent[a] = b;
}

static int cmp_art(const void *x, const void *y) {
  int64_t a = ((const nw_id_article *)x)->id, b = ((const nw_id_article *)y)->id;
  return (a > b) - (a < b);
}

static int32_t find_article(const resolver *r, int64_t id) {
  size_t lo = 0, hi = r->narts;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (r->arts[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < r->narts && r->arts[lo].id == id ? (int32_t)lo : -1;
}

static int push_link(resolver *r, nw_strmap *m, const char *key, size_t klen, uint32_t b) {
  int32_t head = nw_strmap_get(m, key, klen, -1);
  if (head >= 0 && r->links[head].base == b) return 0; /* a name lists itself once */
  if (nw_grow((void **)&r->links, &r->links_cap, r->nlinks + 1, sizeof *r->links)) return -1;
  r->links[r->nlinks] = (link_node){b, head};
  return nw_strmap_put(m, key, klen, (int32_t)r->nlinks++);
}

/* Written as an acronym: 2 to 10 capital letters or digits (a letter first),
** periods allowed ("NATO", "U.N.", "G7"). */
static int acronym_like(const char *s) {
  size_t letters = 0;
  if (!(s[0] >= 'A' && s[0] <= 'Z')) return 0;
  for (const char *p = s; *p; p++) {
    if ((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) letters++;
    else if (*p != '.') return 0;
  }
  return letters >= 2 && letters <= 10;
}

/* The initials of a name of two or more words, capitalised words only
** ("North Atlantic Treaty Organization" -> "NATO") or also the small words
** but "the" ("Ministry of Foreign Affairs" -> "MOFA"); NULL when it has fewer
** than two capitalised words. */
static const char *initials_of(resolver *r, const char *s, int with_small) {
  char buf[32];
  size_t k = 0, caps = 0;
  for (const char *p = s; *p && k < sizeof buf - 1;) {
    while (*p == ' ' || *p == '-') p++;
    if (!*p) break;
    const char *w = p;
    while (*p && *p != ' ' && *p != '-') p++;
    if (*w >= 'A' && *w <= 'Z') buf[k++] = *w, caps++;
    else if (with_small && *w >= 'a' && *w <= 'z' && !(p - w == 3 && memcmp(w, "the", 3) == 0))
      buf[k++] = (char)(*w - 'a' + 'A');
  }
  if (caps < 2) return NULL;
  return id_pool_add(&r->pool, buf, k);
}

/* A distinct (type, name) among the items: its base and shown name, computed
** once (a corpus repeats each name in many articles). */
typedef struct name_seen {
  uint32_t base;
  int type;
  int32_t next; /* the same name of another type, or -1 */
  const char *shown;
} name_seen;

/* The base and shown name of item it (one not seen before); -1 on OOM. */
static int new_name(resolver *r, const nw_id_item *it, nw_buf *form, nw_buf *shown, nw_buf *mid, nw_buf *sfx,
                    name_seen *out) {
  int alias = 0;
  form->len = shown->len = mid->len = sfx->len = 0;
  if (nw_buf_putc(form, (char)('0' + it->type)) || nw_identity_match_form(it->name, it->len, it->type, form, &alias) ||
      nw_identity_clean(it->name, it->len, it->type, shown))
    return -1;
  /* A name that cleaning empties ("'s") shows as written. */
  const char *sh = shown->len ? id_pool_add(&r->pool, shown->data, shown->len) : id_pool_add(&r->pool, it->name, it->len);
  if (!sh) return -1;
  /* People of one match form with other middle initials or suffixes are
  ** distinct bases (join_full_names decides whether they are one person). */
  size_t form_len = form->len;
  if (it->type == NW_ENT_PERSON && id_person_marks(sh, strlen(sh), mid, sfx)) return -1;
  if ((mid->len || sfx->len) && (nw_buf_putc(form, '\x1f') || nw_buf_append(form, mid->data, mid->len) ||
                                 nw_buf_putc(form, '\x1f') || nw_buf_append(form, sfx->data, sfx->len)))
    return -1;
  int32_t b = nw_strmap_get(&r->by_form, form->data, form->len, -1);
  if (b < 0) {
    const char *f = id_pool_add(&r->pool, form->data, form->len);
    if (!f || nw_grow((void **)&r->bases, &r->bases_cap, r->nbases + 1, sizeof *r->bases) ||
        nw_strmap_put(&r->by_form, f, form->len, (int32_t)r->nbases))
      return -1;
    base *nb = &r->bases[r->nbases];
    const char *m = id_pool_add(&r->pool, mid->data, mid->len), *x = id_pool_add(&r->pool, sfx->data, sfx->len);
    if (!m || !x) return -1;
    *nb = (base){f + 1, form_len - 1, it->type, form_len > 1, m, x, alias, 0, 0, 0, -1, NULL, NULL};
    for (size_t j = 1; j < form_len; j++) nb->ntok += f[j] == ' ';
    if (it->type != NW_ENT_PERSON && !alias) {
      nb->acronym = acronym_like(sh);
      if (!nb->acronym) nb->initials = initials_of(r, sh, 0), nb->initials_all = initials_of(r, sh, 1);
    }
    b = (int32_t)r->nbases++;
  }
  *out = (name_seen){(uint32_t)b, it->type, -1, sh};
  return 0;
}

typedef struct shown_at {
  const char *shown;
  uint32_t seen;
} shown_at;

static int cmp_shown_at(const void *x, const void *y) {
  const shown_at *a = x, *b = y;
  int c = strcmp(a->shown, b->shown);
  return c ? c : (a->seen > b->seen) - (a->seen < b->seen);
}

/* Each item's shown name as its rank among the distinct ones in byte order,
** so that the keys' sort compares numbers, not strings (shown_rank holds
** each item's index into seen on entry). */
static int rank_shown(resolver *r, const name_seen *seen, size_t nseen) {
  shown_at *v = malloc((nseen ? nseen : 1) * sizeof *v);
  uint32_t *rank = malloc((nseen ? nseen : 1) * sizeof *rank);
  if (!v || !rank) {
    free(v);
    free(rank);
    return -1;
  }
  for (size_t k = 0; k < nseen; k++) v[k] = (shown_at){seen[k].shown, (uint32_t)k};
  qsort(v, nseen, sizeof *v, cmp_shown_at);
  uint32_t next = 0;
  for (size_t k = 0; k < nseen; k++) {
    if (k && strcmp(v[k].shown, v[k - 1].shown) != 0) next++;
    rank[v[k].seen] = next;
  }
  for (size_t i = 0; i < r->n; i++) r->shown_rank[i] = rank[r->shown_rank[i]];
  free(v);
  free(rank);
  return 0;
}

/* Items to distinct bases (rule 1 and 2), each distinct (type, name) cleaned
** and matched once. */
static int make_bases(resolver *r) {
  nw_buf form = {0}, shown = {0}, mid = {0}, sfx = {0};
  nw_strmap by_name = {0}; /* name as written -> its first name_seen */
  name_seen *seen = NULL;
  size_t nseen = 0, seen_cap = 0;
  /* Both maps start small and grow with the distinct names, not the items. */
  int rc = nw_strmap_init(&r->by_form, 1024, 0) || nw_strmap_init(&by_name, 1024, 0) ? -1 : 0;
  for (size_t i = 0; !rc && i < r->n; i++) {
    const nw_id_item *it = &r->items[i];
    const char *name = it->name ? it->name : ""; /* the map takes a NULL key for an empty slot */
    int32_t head = nw_strmap_get(&by_name, name, it->len, -1), at = head;
    while (at >= 0 && seen[at].type != it->type) at = seen[at].next;
    if (at < 0) {
      if (nw_grow((void **)&seen, &seen_cap, nseen + 1, sizeof *seen) ||
          new_name(r, it, &form, &shown, &mid, &sfx, &seen[nseen]) ||
          nw_strmap_put(&by_name, name, it->len, (int32_t)nseen)) {
        rc = -1;
        break;
      }
      seen[nseen].next = head;
      at = (int32_t)nseen++;
    }
    r->base_of[i] = seen[at].base;
    r->shown[i] = seen[at].shown;
    r->shown_rank[i] = (uint32_t)at; /* a name's index for now: ranked below */
    /* (the items of an article come together: one search per article) */
    r->art_of[i] = i && it->article == r->items[i - 1].article ? r->art_of[i - 1] : find_article(r, it->article);
  }
  if (!rc) rc = rank_shown(r, seen, nseen);
  nw_buf_free(&form);
  nw_buf_free(&shown);
  nw_buf_free(&mid);
  nw_buf_free(&sfx);
  nw_strmap_free(&by_name);
  free(seen);
  if (rc) return -1;
  r->parent = malloc((r->nbases ? r->nbases : 1) * sizeof *r->parent);
  if (!r->parent) return -1;
  for (size_t b = 0; b < r->nbases; b++) r->parent[b] = (uint32_t)b;
  return 0;
}

/* Rule 3: the full names of one surname and one first name, in classes by
** their suffixes ("Jr."). */
typedef struct name_class {
  uint32_t first;   /* its first base */
  const char *mid;  /* the middle initials its names write ("" none) */
  int mixed;        /* its names write different middle initials */
  int32_t bucket;
} name_class;
typedef struct name_bucket {
  int32_t first_class, nclass;
  const char *mid;
  int mixed;
  int clash; /* an article names two of its classes: two people ("Donald Trump", "Donald Trump Jr.") */
} name_bucket;

/* The middle initials m join the ones seen so far (*seen), or make them mixed. */
static void note_mid(const char *m, const char **seen, int *mixed) {
  if (!*m) return;
  if (!**seen) *seen = m;
  else if (strcmp(*seen, m) != 0) *mixed = 1;
}

/* k = the surname, "|" and a first name with doubled letters written once
** ("Hilary" = "Hillary"). */
static int name_key(const char *last, size_t ll, const char *first, size_t fl, nw_buf *k) {
  k->len = 0;
  if (nw_buf_append(k, last, ll) || nw_buf_putc(k, '|')) return -1;
  for (size_t i = 0; i < fl; i++)
    if ((i == 0 || first[i] != first[i - 1]) && nw_buf_putc(k, first[i])) return -1;
  return 0;
}

/* The name key of a full name, its first name in its formal form ("Bill"
** -> "william"); *alts is the chain of formal names (iw->alt) when the first
** name is a short form of several ("Steve"), else -1. */
static int full_name_key(const base *x, const id_words *iw, nw_buf *k, int32_t *alts) {
  const char *sp = memchr(x->form, ' ', x->form_len), *last = x->form + x->form_len;
  while (last > x->form && last[-1] != ' ') last--;
  size_t fl = (size_t)(sp - x->form);
  int32_t g = nw_strmap_get(&iw->formal, x->form, fl, -2);
  *alts = g == -1 ? nw_strmap_get(&iw->alts, x->form, fl, -1) : -1;
  const char *first = g >= 0 ? iw->given[g] : x->form;
  if (g >= 0) fl = strlen(first);
  return name_key(last, (size_t)(x->form + x->form_len - last), first, fl, k);
}

/* A full name whose first name is a short form of several ("Steve"): the
** bucket of the one formal name the corpus writes with its surname
** ("Stephen"), or -1 when none or several. */
static int32_t alt_bucket(const base *x, const id_words *iw, int32_t alts, const nw_strmap *buckets, nw_buf *k) {
  const char *last = x->form + x->form_len;
  while (last > x->form && last[-1] != ' ') last--;
  int32_t found = -1;
  for (int32_t a = alts; a >= 0; a = iw->alt[a].next) {
    const char *g = iw->given[iw->alt[a].given];
    if (name_key(last, (size_t)(x->form + x->form_len - last), g, strlen(g), k)) return -1;
    int32_t bi = nw_strmap_get(buckets, k->data, k->len, -1);
    if (bi < 0 || bi == found) continue;
    if (found >= 0) return -1;
    found = bi;
  }
  return found;
}

/* The index of key k in m, adding it as *n (then n+1) when new; -1 on OOM. */
static int32_t intern(resolver *r, nw_strmap *m, const nw_buf *k, size_t *n, int *added) {
  int32_t at = nw_strmap_get(m, k->data, k->len, -1);
  *added = at < 0;
  if (at >= 0) return at;
  const char *key = id_pool_add(&r->pool, k->data, k->len);
  if (!key || nw_strmap_put(m, key, k->len, (int32_t)*n)) return -1;
  return (int32_t)(*n)++;
}

/* Rule 3: full names with one surname and one first name (or a short form
** of it) are one person, unless what else they write tells two people
** apart: other middle initials ("George H.W. Bush", "George W. Bush": a name
** without any then joins neither), or a suffix when one article names both
** forms ("Donald Trump", "Donald Trump Jr."; elsewhere "Joseph R. Biden Jr."
** is "Joe Biden"). */
static int join_full_names(resolver *r, const id_words *iw) {
  nw_strmap exact = {0}, classes = {0}, buckets = {0};
  name_class *cls = NULL;
  name_bucket *bk = NULL;
  size_t ncls = 0, ccap = 0, nbk = 0, bcap = 0;
  int32_t *cls_of = malloc((r->nbases ? r->nbases : 1) * sizeof *cls_of);
  int32_t *alts = malloc((r->nbases ? r->nbases : 1) * sizeof *alts);
  pair_map seen = {0};
  nw_buf k = {0};
  int rc = cls_of && alts && !nw_strmap_init(&exact, r->nbases, 0) && !nw_strmap_init(&classes, r->nbases, 0) &&
                   !nw_strmap_init(&buckets, r->nbases, 0)
             ? 0
             : -1;
  for (size_t b = 0; !rc && b < r->nbases; b++) {
    const base *x = &r->bases[b];
    cls_of[b] = -1;
    if (x->type != NW_ENT_PERSON || x->ntok < 2) continue;
    int added;
    int32_t bi, ci;
    if (full_name_key(x, iw, &k, &alts[b]) || (bi = intern(r, &buckets, &k, &nbk, &added)) < 0 ||
        (added && nw_grow((void **)&bk, &bcap, nbk, sizeof *bk))) {
      rc = -1;
      break;
    }
    if (added) bk[bi] = (name_bucket){-1, 0, "", 0, 0};
    if (nw_buf_putc(&k, '\x1f') || nw_buf_append(&k, x->sfx, strlen(x->sfx)) ||
        (ci = intern(r, &classes, &k, &ncls, &added)) < 0 || (added && nw_grow((void **)&cls, &ccap, ncls, sizeof *cls))) {
      rc = -1;
      break;
    }
    if (added) {
      cls[ci] = (name_class){(uint32_t)b, "", 0, bi};
      if (bk[bi].first_class < 0) bk[bi].first_class = ci;
      bk[bi].nclass++;
    }
    if (nw_buf_putc(&k, '\x1f') || nw_buf_append(&k, x->mid, strlen(x->mid))) {
      rc = -1;
      break;
    }
    int32_t same = nw_strmap_get(&exact, k.data, k.len, -1);
    if (same >= 0) join(r, (uint32_t)same, (uint32_t)b);
    else {
      const char *key = id_pool_add(&r->pool, k.data, k.len);
      if (!key || nw_strmap_put(&exact, key, k.len, (int32_t)b)) rc = -1;
    }
    note_mid(x->mid, &cls[ci].mid, &cls[ci].mixed);
    note_mid(x->mid, &bk[bi].mid, &bk[bi].mixed);
    cls_of[b] = ci;
  }
  for (size_t b = 0; !rc && b < r->nbases; b++)
    if (cls_of[b] >= 0 && !cls[cls_of[b]].mixed) join(r, cls[cls_of[b]].first, (uint32_t)b);
  for (size_t b = 0; !rc && b < r->nbases; b++) {
    if (cls_of[b] < 0 || alts[b] < 0) continue;
    int32_t to = alt_bucket(&r->bases[b], iw, alts[b], &buckets, &k);
    if (to >= 0 && bk[to].nclass == 1 && !bk[to].mixed) join(r, cls[bk[to].first_class].first, (uint32_t)b);
  }
  for (size_t i = 0; !rc && i < r->n; i++) {
    int32_t c = cls_of[r->base_of[i]];
    if (c < 0 || bk[cls[c].bucket].nclass < 2) continue;
    int64_t v = pair_get(&seen, r->items[i].article, (uint32_t)cls[c].bucket);
    if (v < 0) rc = pair_add(&seen, r->items[i].article, (uint32_t)cls[c].bucket, c + 1);
    else if (v != c + 1) bk[cls[c].bucket].clash = 1;
  }
  for (size_t c = 0; !rc && c < ncls; c++) {
    const name_bucket *B = &bk[cls[c].bucket];
    if (B->nclass > 1 && !B->clash && !B->mixed && !cls[c].mixed) join(r, cls[B->first_class].first, cls[c].first);
  }
  free(cls_of);
  free(alts);
  free(cls);
  free(bk);
  free(seen.slot);
  nw_strmap_free(&exact);
  nw_strmap_free(&classes);
  nw_strmap_free(&buckets);
  nw_buf_free(&k);
  return rc ? -1 : 0;
}

/* Rule 3: a longer name whose last words are a full name of the corpus is
** that person ("Recep Tayyip Erdogan" -> "Tayyip Erdogan"; "Crooked Hillary
** Clinton", a nickname taken for a name, -> "Hillary Clinton"): the longest
** such tail of two or more words. */
static int join_extended_names(resolver *r) {
  nw_buf k = {0};
  for (size_t b = 0; b < r->nbases; b++) {
    const base *x = &r->bases[b];
    if (x->type != NW_ENT_PERSON || x->ntok < 3) continue;
    for (size_t j = 0, words = (size_t)x->ntok; j < x->form_len && words > 2; j++) {
      if (x->form[j] != ' ') continue;
      words--;
      k.len = 0;
      if (nw_buf_putc(&k, (char)('0' + x->type)) || nw_buf_append(&k, x->form + j + 1, x->form_len - j - 1)) {
        nw_buf_free(&k);
        return -1;
      }
      int32_t other = nw_strmap_get(&r->by_form, k.data, k.len, -1);
      if (other >= 0) {
        join(r, (uint32_t)other, (uint32_t)b);
        break;
      }
    }
  }
  nw_buf_free(&k);
  return 0;
}

/* A surname alone: one word, or words before it that are all particles
** ("de blasio"). */
static int bare_surname(const base *x) {
  for (size_t i = 0; i < x->form_len;) {
    size_t e = i;
    while (e < x->form_len && x->form[e] != ' ') e++;
    if (e == x->form_len) return 1;
    if (!id_is_particle(x->form + i, e - i)) return 0;
    i = e + 1;
  }
  return 1;
}

/* The maps rule 4 looks candidates up in: each person's name by its tails
** ("vladimir putin" under "putin"), each expansion by its initials. */
static int index_candidates(resolver *r) {
  if (nw_strmap_init(&r->tails, r->nbases, 0) || nw_strmap_init(&r->initials, r->nbases, 0)) return -1;
  for (size_t b = 0; b < r->nbases; b++) {
    const base *x = &r->bases[b];
    if (x->type == NW_ENT_PERSON) {
      for (size_t j = 0; j < x->form_len; j++)
        if (x->form[j] == ' ' && push_link(r, &r->tails, x->form + j + 1, x->form_len - j - 1, (uint32_t)b)) return -1;
    } else {
      if (x->initials && push_link(r, &r->initials, x->initials, strlen(x->initials), (uint32_t)b)) return -1;
      if (x->initials_all && strcmp(x->initials_all, x->initials) != 0 &&
          push_link(r, &r->initials, x->initials_all, strlen(x->initials_all), (uint32_t)b))
        return -1;
    }
  }
  for (size_t b = 0; b < r->nbases; b++) {
    base *x = &r->bases[b];
    if (x->type == NW_ENT_PERSON) {
      x->tails = bare_surname(x) ? nw_strmap_get(&r->tails, x->form, x->form_len, -1) : -1;
      /* "R. Croft" (folded "r croft"): the full names ending "croft" whose given name starts so */
      if (x->tails < 0 && x->ntok == 2 && x->form_len > 2 && x->form[1] == ' ') {
        x->tails = nw_strmap_get(&r->tails, x->form + 2, x->form_len - 2, -1);
        x->initial = x->tails >= 0 ? x->form[0] : 0;
      }
      x->short_form = x->tails >= 0;
    }
  }
  return 0;
}

static int cmp_i32(const void *x, const void *y) {
  int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
  return (a > b) - (a < b);
}

typedef struct art_item {
  int64_t article;
  uint32_t item;
} art_item;

static int cmp_art_item(const void *x, const void *y) {
  const art_item *a = x, *b = y;
  if (a->article != b->article) return a->article < b->article ? -1 : 1;
  return (a->item > b->item) - (a->item < b->item);
}

/* The items grouped by article (by_art, art_start) in (article id, input)
** order: a counting sort by the article's index, merged with the items of
** articles not in arts sorted by id. */
static int group_by_article(resolver *r) {
  size_t nn = r->n ? r->n : 1, unknown = 0;
  size_t *count = calloc(r->narts + 1, sizeof *count);
  r->by_art = malloc(nn * sizeof *r->by_art);
  r->art_start = malloc((nn + 1) * sizeof *r->art_start);
  if (!count || !r->by_art || !r->art_start) return free(count), -1;
  for (size_t i = 0; i < r->n; i++) {
    if (r->art_of[i] >= 0) count[r->art_of[i] + 1]++;
    else unknown++;
  }
  for (size_t a = 0; a < r->narts; a++) count[a + 1] += count[a];
  for (size_t i = 0; i < r->n; i++)
    if (r->art_of[i] >= 0) r->by_art[count[r->art_of[i]]++] = (uint32_t)i;
  size_t known = r->n - unknown;
  free(count);
  if (unknown) {
    art_item *v = malloc(unknown * sizeof *v);
    if (!v) return -1;
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++)
      if (r->art_of[i] < 0) v[k++] = (art_item){r->items[i].article, (uint32_t)i};
    qsort(v, unknown, sizeof *v, cmp_art_item);
    uint32_t *merged = malloc(nn * sizeof *merged);
    if (!merged) return free(v), -1;
    size_t a = 0, b = 0;
    for (k = 0; k < r->n; k++) {
      if (b == unknown || (a < known && r->items[r->by_art[a]].article < v[b].article)) merged[k] = r->by_art[a++];
      else merged[k] = v[b++].item;
    }
    free(v);
    free(r->by_art);
    r->by_art = merged;
  }
  r->nart_groups = 0;
  for (size_t k = 0; k < r->n; k++)
    if (!k || r->items[r->by_art[k]].article != r->items[r->by_art[k - 1]].article) r->art_start[r->nart_groups++] = k;
  r->art_start[r->nart_groups] = r->n;
  r->mark = calloc(r->nbases + 1, sizeof *r->mark);
  r->in_art = malloc((r->nbases + 1) * sizeof *r->in_art);
  r->aroots = malloc((r->nbases + 1) * sizeof *r->aroots);
  return r->mark && r->in_art && r->aroots ? 0 : -1;
}

/* Article g's evidence loaded: the settled groups it names (through the
** items rule 4 does not have to place) in aroots, each marked with a new
** stamp and its mentions there in in_art. */
static void load_article(resolver *r, size_t g) {
  r->stamp++;
  r->naroots = 0;
  for (size_t k = r->art_start[g]; k < r->art_start[g + 1]; k++) {
    uint32_t i = r->by_art[k];
    const base *x = &r->bases[r->base_of[i]];
    if (x->short_form || x->acronym) continue;
    uint32_t root = find_root(r, r->base_of[i]);
    int64_t w = r->items[i].mentions > 0 ? r->items[i].mentions : 1;
    if (r->mark[root] != r->stamp) {
      r->mark[root] = r->stamp;
      r->in_art[root] = w;
      r->aroots[r->naroots++] = root;
    } else r->in_art[root] += w;
  }
}

/* The mentions of root in the loaded article, or -1 when it names none. */
static int64_t in_article(const resolver *r, uint32_t root) { return r->mark[root] == r->stamp ? r->in_art[root] : -1; }

/* The loaded article g's entry in arts, or NULL when it has none. */
static const nw_id_article *article_of_group(const resolver *r, size_t g) {
  int32_t a = r->art_of[r->by_art[r->art_start[g]]];
  return a >= 0 ? &r->arts[a] : NULL;
}

/* Where each settled group is named: per (outlet, group) and per group the
** articles naming it, and their days. Only the items whose names rule 4
** does not have to place count (the mentions within an article are read
** when its short names are placed: load_article). */
static int index_evidence(resolver *r) {
  r->day_from = calloc(r->nbases + 1, sizeof *r->day_from);
  r->day_to = calloc(r->nbases + 1, sizeof *r->day_to);
  r->root_articles = calloc(r->nbases + 1, sizeof *r->root_articles);
  r->days = malloc((r->n ? r->n : 1) * sizeof *r->days);
  if (!r->day_from || !r->day_to || !r->root_articles || !r->days) return -1;
  for (size_t g = 0; g < r->nart_groups; g++) {
    load_article(r, g);
    const nw_id_article *a = article_of_group(r, g);
    for (size_t k = 0; k < r->naroots; k++) {
      uint32_t root = r->aroots[k];
      r->root_articles[root]++;
      if (!a) continue;
      if (a->outlet && pair_add(&r->in_outlet, a->outlet, root, 1)) return -1;
      if (a->day != NW_ID_NO_DAY) r->day_to[root + 1]++;
    }
  }
  /* Counting sort of the days by group, then each group's run sorted. */
  for (size_t b = 0; b < r->nbases; b++) r->day_to[b + 1] += r->day_to[b];
  for (size_t b = 0; b < r->nbases; b++) r->day_from[b] = r->day_to[b];
  for (size_t g = 0; g < r->nart_groups; g++) {
    const nw_id_article *a = article_of_group(r, g);
    if (!a || a->day == NW_ID_NO_DAY) continue;
    load_article(r, g);
    for (size_t k = 0; k < r->naroots; k++) r->days[r->day_to[r->aroots[k]]++] = a->day;
  }
  for (size_t b = 0; b < r->nbases; b++)
    if (r->day_to[b] - r->day_from[b] > 1)
      qsort(r->days + r->day_from[b], (size_t)(r->day_to[b] - r->day_from[b]), sizeof *r->days, cmp_i32);
  return 0;
}

/* Articles naming root within `window` days of day. */
static int64_t articles_near(const resolver *r, uint32_t root, int32_t day, int32_t window) {
  const int32_t *d = r->days + r->day_from[root];
  size_t n = (size_t)(r->day_to[root] - r->day_from[root]);
  int64_t lo_day = (int64_t)day - window, hi_day = (int64_t)day + window;
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (d[mid] < lo_day) lo = mid + 1;
    else hi = mid;
  }
  size_t a = lo;
  hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (d[mid] <= hi_day) lo = mid + 1;
    else hi = mid;
  }
  return (int64_t)(lo - a);
}

/* The candidate the scores single out: the only one above 0, or one with at
** least twice the next; -1 when none, -2 when the evidence is split. */
static int64_t dominant(const uint32_t *cand, const int64_t *score, size_t nc) {
  int64_t best = 0, second = 0, at = -1;
  for (size_t c = 0; c < nc; c++) {
    if (score[c] > best) second = best, best = score[c], at = cand[c];
    else if (score[c] > second) second = score[c];
  }
  if (best <= 0) return -1;
  return best >= 2 * second ? at : -2;
}

/* The same over counts of articles near the name (its outlet, its time),
** each plus the candidate's share of all the articles naming any candidate:
** one article of a rare name in the outlet does not outweigh a name the
** whole corpus uses ("Obama" in an outlet that writes "Michelle Obama" once
** and never "Barack Obama"). -1 when no article is near. */
static int64_t dominant_near(const resolver *r, const uint32_t *cand, const int64_t *count, size_t nc) {
  double total = 0, best = 0, second = 0;
  int64_t at = -1, any = 0;
  for (size_t c = 0; c < nc; c++) total += (double)r->root_articles[cand[c]], any |= count[c] > 0;
  if (!any) return -1;
  for (size_t c = 0; c < nc; c++) {
    double score = (double)(count[c] > 0 ? count[c] : 0) + (total > 0 ? r->root_articles[cand[c]] / total : 0);
    if (score > best) second = best, best = score, at = cand[c];
    else if (score > second) second = score;
  }
  return best >= 2 * second ? at : -2;
}

/* A name only a quote gives (no mention), that its article also names as
** an organisation, place or other name: the speaker is that ("Hill" of
** "The Hill"), no person of the corpus named so. */
static int named_otherwise(const resolver *r, size_t i) {
  const base *x = &r->bases[r->base_of[i]];
  if (r->items[i].mentions > 0 || x->type != NW_ENT_PERSON) return 0;
  nw_buf k = {0};
  int found = 0;
  for (int t = NW_ENT_PERSON + 1; !found && t <= NW_ENT_MISC; t++) {
    k.len = 0;
    if (nw_buf_putc(&k, (char)('0' + t)) || nw_buf_append(&k, x->form, x->form_len)) break;
    int32_t b = nw_strmap_get(&r->by_form, k.data, k.len, -1);
    if (b < 0) continue;
    while (r->parent[b] != (uint32_t)b) b = (int32_t)r->parent[b];
    found = in_article(r, (uint32_t)b) >= 0;
  }
  nw_buf_free(&k);
  return found;
}

/* Rule 4 past the article's own evidence, for an article of outlet and day
** (0 and NW_ID_NO_DAY when unknown). */
static int64_t choose_beyond(const resolver *r, int64_t outlet, int32_t day, const uint32_t *cand, int64_t *score,
                             size_t nc) {
  int64_t pick;
  if (outlet) {
    for (size_t c = 0; c < nc; c++) score[c] = pair_get(&r->in_outlet, outlet, cand[c]);
    if ((pick = dominant_near(r, cand, score, nc)) >= 0) return pick;
  }
  static const int32_t windows[] = {7, 31, 183};
  for (size_t w = 0; day != NW_ID_NO_DAY && w < sizeof windows / sizeof windows[0]; w++) {
    for (size_t c = 0; c < nc; c++) score[c] = articles_near(r, cand[c], day, windows[w]);
    if ((pick = dominant_near(r, cand, score, nc)) >= 0) return pick;
  }
  for (size_t c = 0; c < nc; c++) score[c] = r->root_articles[cand[c]];
  pick = dominant(cand, score, nc);
  return pick < 0 ? -1 : pick;
}

/* Rule 4 for item i, given its candidate groups: the group it joins, -1
** when it stays apart, -2 when out of memory. Evidence from the nearest to
** the widest: the same article (mentions; a split there leaves the name
** apart), the same outlet, articles within a week, a month, half a year of
** its date, then the whole corpus (articles naming each candidate). */
static int64_t choose(resolver *r, size_t i, const uint32_t *cand, int64_t *score, size_t nc) {
  if (named_otherwise(r, i)) return -1;
  if (nc == 1) return cand[0];
  for (size_t c = 0; c < nc; c++) score[c] = in_article(r, cand[c]);
  int64_t pick = dominant(cand, score, nc);
  if (pick != -1) return pick < 0 ? -1 : pick;
  const nw_id_article *a = r->art_of[i] >= 0 ? &r->arts[r->art_of[i]] : NULL;
  int64_t outlet = a ? a->outlet : 0;
  int32_t day = a ? a->day : NW_ID_NO_DAY;
  uint64_t name = (uint64_t)r->base_of[i] << 32 | r->shown_rank[i];
  const memo_slot *known = memo_find(&r->beyond, name, outlet, day);
  if (known) return known->pick;
  pick = choose_beyond(r, outlet, day, cand, score, nc);
  return memo_put(&r->beyond, name, outlet, day, pick) ? -2 : pick;
}

static int cmp_u32(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* Rule 4 over every item of a short name or an acronym, article by
** article (the evidence within its article loaded). */
static int place_short_names(resolver *r) {
  uint32_t *cand = NULL;
  int64_t *score = NULL;
  size_t cap = 0, scap = 0;
  int rc = 0;
  for (size_t at = 0, g = 0; at < r->n && !rc; at++) {
    if (at == r->art_start[g + 1]) g++;
    if (at == r->art_start[g]) load_article(r, g);
    size_t i = r->by_art[at];
    uint32_t b = r->base_of[i];
    const base *x = &r->bases[b];
    r->final_root[i] = find_root(r, b);
    int32_t chain = -1;
    if (x->short_form) chain = x->tails;
    else if (x->acronym) {
      char buf[16];
      size_t k = 0;
      for (const char *p = r->shown[i]; *p && k < sizeof buf; p++)
        if (*p != '.') buf[k++] = *p;
      chain = nw_strmap_get(&r->initials, buf, k, -1);
    }
    size_t nc = 0;
    for (int32_t l = chain; l >= 0; l = r->links[l].next) {
      const base *y = &r->bases[r->links[l].base];
      if (y->type != x->type || y->short_form || y->acronym) continue;
      if (x->initial && (y->form[0] != x->initial || y->form[1] == ' ')) continue; /* "R. Croft" is no "Ian Croft" */
      if (*x->sfx && strcmp(x->sfx, y->sfx) != 0) continue; /* "Trump Jr." is a "Jr." */
      uint32_t root = find_root(r, r->links[l].base);
      if (root == r->final_root[i]) continue;
      if (nw_grow((void **)&cand, &cap, nc + 1, sizeof *cand)) { rc = -1; break; }
      cand[nc++] = root;
    }
    if (!nc || rc) continue;
    qsort(cand, nc, sizeof *cand, cmp_u32);
    size_t u = 0;
    for (size_t c = 0; c < nc; c++)
      if (!u || cand[u - 1] != cand[c]) cand[u++] = cand[c];
    if (nw_grow((void **)&score, &scap, u, sizeof *score)) { rc = -1; break; }
    int64_t to = choose(r, i, cand, score, u);
    if (to == -2) rc = -1;
    else if (to >= 0) r->final_root[i] = (uint32_t)to;
  }
  free(cand);
  free(score);
  return rc;
}

int nw_identity_resolve(const nw_id_item *items, size_t n, const nw_id_article *arts, size_t narts, nw_id_groups *out) {
  memset(out, 0, sizeof *out);
  const id_words *iw = id_words_get();
  if (!iw) return -1;
  resolver r = {.items = items, .n = n, .narts = narts};
  size_t nn = n ? n : 1;
  r.arts = malloc((narts ? narts : 1) * sizeof *r.arts);
  r.base_of = malloc(nn * sizeof *r.base_of);
  r.art_of = malloc(nn * sizeof *r.art_of);
  r.shown = malloc(nn * sizeof *r.shown);
  r.shown_rank = malloc(nn * sizeof *r.shown_rank);
  r.final_root = malloc(nn * sizeof *r.final_root);
  int *ntok = malloc(nn * sizeof *ntok);
  const char **alias_key = malloc(nn * sizeof *alias_key);
  int rc = -1;
  if (r.arts && r.base_of && r.art_of && r.shown && r.shown_rank && r.final_root && ntok && alias_key) {
    if (narts) memcpy(r.arts, arts, narts * sizeof *arts);
    qsort(r.arts, narts, sizeof *r.arts, cmp_art);
    rc = make_bases(&r) || join_full_names(&r, iw) || join_extended_names(&r) || index_candidates(&r) || group_by_article(&r) ||
         index_evidence(&r) ||
         place_short_names(&r);
  }
  if (!rc) {
    for (size_t i = 0; i < n; i++) {
      const base *x = &r.bases[r.base_of[i]];
      ntok[i] = x->initial ? 1 : x->ntok; /* "R. Croft" keys its person no better than "Croft" */
      alias_key[i] = NULL;
      if (x->alias) {
        int32_t a = nw_strmap_get(&iw->alias, x->form, x->form_len, -1);
        alias_key[i] = a >= 0 ? iw->alias_key[a] : NULL;
      }
    }
    id_art_groups by_article = {r.by_art, r.art_start, r.nart_groups};
    rc = id_key_groups(items, n, r.final_root, r.shown, r.shown_rank, ntok, alias_key, &by_article, out);
  }
  free(ntok);
  free(alias_key);
  free(r.arts);
  free(r.base_of);
  free(r.art_of);
  free(r.shown);
  free(r.shown_rank);
  free(r.by_art);
  free(r.art_start);
  free(r.mark);
  free(r.in_art);
  free(r.aroots);
  free(r.final_root);
  free(r.bases);
  free(r.parent);
  free(r.links);
  nw_strmap_free(&r.by_form);
  nw_strmap_free(&r.tails);
  nw_strmap_free(&r.initials);
  free(r.in_outlet.slot);
  free(r.beyond.slot);
  free(r.day_from);
  free(r.day_to);
  free(r.days);
  free(r.root_articles);
  id_pool_free(&r.pool);
  if (rc) nw_identity_free(out);
  return rc ? -1 : 0;
}
