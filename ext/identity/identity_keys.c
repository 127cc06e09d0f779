/* The key of each identity group (the rule is in identity.h): chosen from
** the names its items show, made unique, groups numbered in key order. */
#include "identity_internal.h"
#include "news_entities.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct group {
  const char *best;    /* the name chosen for the key */
  int64_t best_weight; /* its mentions */
  int best_ntok;
  const char *alias;   /* the alias table's key, when any item has one */
  int64_t alias_weight;
  int type;
  int64_t mentions, articles;
  char *key;           /* the final key (malloc'ed) */
} group;

/* Rule of identity.h: is name (weight w, ntok words) a better key than the
** group's current one? */
static int better_name(const group *g, const char *name, int64_t w, int ntok) {
  if (!g->best) return 1;
  if (g->type == NW_ENT_PERSON) {
    if ((ntok > 1) != (g->best_ntok > 1)) return ntok > 1; /* a full name before a surname alone */
    if (w != g->best_weight) return w > g->best_weight;
    if (ntok != g->best_ntok) return ntok > g->best_ntok;
  } else {
    if (w != g->best_weight) return w > g->best_weight;
    if (ntok != g->best_ntok) return ntok > g->best_ntok;
  }
  return strcmp(name, g->best) < 0;
}

static _Thread_local group *sorted_groups;

/* Groups by proposed key, the most mentioned first. */
static int cmp_group_key(const void *x, const void *y) {
  const group *a = &sorted_groups[*(const uint32_t *)x], *b = &sorted_groups[*(const uint32_t *)y];
  int c = strcmp(a->key, b->key);
  if (c) return c;
  if (a->mentions != b->mentions) return a->mentions > b->mentions ? -1 : 1;
  if (a->type != b->type) return a->type < b->type ? -1 : 1;
  return (*(const uint32_t *)x > *(const uint32_t *)y) - (*(const uint32_t *)x < *(const uint32_t *)y);
}

/* Each colliding key but the first gets " (TYPE)", then a number. */
static int make_unique(group *g, size_t ng) {
  uint32_t *ord = malloc((ng ? ng : 1) * sizeof *ord);
  nw_strmap used;
  if (!ord || nw_strmap_init(&used, ng * 2, 0)) {
    free(ord);
    return -1;
  }
  for (size_t i = 0; i < ng; i++) ord[i] = (uint32_t)i;
  sorted_groups = g;
  qsort(ord, ng, sizeof *ord, cmp_group_key);
  int rc = 0;
  for (size_t i = 0; i < ng && !rc; i++)
    if (nw_strmap_get(&used, g[ord[i]].key, strlen(g[ord[i]].key), -1) < 0)
      rc = nw_strmap_put(&used, g[ord[i]].key, strlen(g[ord[i]].key), 1);
  const char *prev = ng ? g[ord[0]].key : NULL; /* the proposed key of the group before (renamed ones keep it here) */
  char *prev_copy = NULL;
  for (size_t i = 1; i < ng && !rc; i++) {
    group *x = &g[ord[i]];
    if (strcmp(x->key, prev) != 0) {
      prev = x->key;
      continue;
    }
    size_t kl = strlen(x->key) + 32;
    char *k = malloc(kl);
    if (!k) { rc = -1; break; }
    snprintf(k, kl, "%s (%s)", x->key, nw_ent_type_name(x->type));
    for (int num = 2; nw_strmap_get(&used, k, strlen(k), -1) >= 0; num++)
      snprintf(k, kl, "%s (%s %d)", x->key, nw_ent_type_name(x->type), num);
    free(prev_copy);
    prev_copy = x->key; /* kept for the comparison with the next group */
    prev = prev_copy;
    x->key = k;
    rc = nw_strmap_put(&used, k, strlen(k), 1);
  }
  free(prev_copy);
  nw_strmap_free(&used);
  free(ord);
  return rc;
}

static int cmp_final(const void *x, const void *y) {
  const group *a = &sorted_groups[*(const uint32_t *)x], *b = &sorted_groups[*(const uint32_t *)y];
  return strcmp(a->key, b->key);
}

/* Per group: its type, mentions, best name (and alias key) from the items
** sorted by group and name; gid[item] = its group. Returns the group count. */
static size_t collect_groups(const nw_id_item *items, size_t n, const uint32_t *ord, const uint32_t *root,
                             const char *const *shown, const uint32_t *shown_rank, const int *ntok,
                             const char *const *alias_key, group *g, uint32_t *gid) {
  size_t ng = 0;
  for (size_t i = 0; i < n;) {
    group *x = &g[ng];
    x->type = items[ord[i]].type;
    size_t j = i;
    while (j < n && root[ord[j]] == root[ord[i]]) {
      size_t from = j;
      int64_t w = 0;
      for (; j < n && root[ord[j]] == root[ord[i]] && shown_rank[ord[j]] == shown_rank[ord[from]]; j++) {
        const nw_id_item *it = &items[ord[j]];
        int64_t m = it->mentions > 0 ? it->mentions : 0;
        w += m ? m : 1; /* a name only a quote gives still counts once */
        x->mentions += m;
        if (alias_key[ord[j]] && (!x->alias || m > x->alias_weight)) x->alias = alias_key[ord[j]], x->alias_weight = m;
        gid[ord[j]] = (uint32_t)ng;
      }
      if (shown[ord[from]][0] && better_name(x, shown[ord[from]], w, ntok[ord[from]]))
        x->best = shown[ord[from]], x->best_weight = w, x->best_ntok = ntok[ord[from]];
    }
    ng++;
    i = j;
  }
  return ng;
}

/* ord: the items by group, then name shown (its rank: byte order), then
** article, then input order; two stable counting sorts (by shown name, then
** by group) of the items in (article, input) order. */
static int sort_items(size_t n, const uint32_t *root, const uint32_t *shown_rank, const id_art_groups *arts,
                      uint32_t *ord) {
  size_t range = 1;
  for (size_t i = 0; i < n; i++) {
    if (root[i] >= range) range = (size_t)root[i] + 1;
    if (shown_rank[i] >= range) range = (size_t)shown_rank[i] + 1;
  }
  size_t *count = malloc((range + 1) * sizeof *count);
  uint32_t *by_shown = malloc((n ? n : 1) * sizeof *by_shown);
  if (!count || !by_shown) {
    free(count);
    free(by_shown);
    return -1;
  }
  memset(count, 0, (range + 1) * sizeof *count);
  for (size_t k = 0; k < n; k++) count[shown_rank[k] + 1]++;
  for (size_t v = 0; v < range; v++) count[v + 1] += count[v];
  for (size_t k = 0; k < n; k++) by_shown[count[shown_rank[arts->by_art[k]]]++] = arts->by_art[k];
  memset(count, 0, (range + 1) * sizeof *count);
  for (size_t k = 0; k < n; k++) count[root[k] + 1]++;
  for (size_t v = 0; v < range; v++) count[v + 1] += count[v];
  for (size_t k = 0; k < n; k++) ord[count[root[by_shown[k]]]++] = by_shown[k];
  free(count);
  free(by_shown);
  return 0;
}

/* Distinct articles per group: an article's items marked per group. */
static int count_articles(const uint32_t *gid, const id_art_groups *arts, group *g, size_t ng) {
  size_t *seen = calloc(ng ? ng : 1, sizeof *seen); /* per group: 1 + the last article counted */
  if (!seen) return -1;
  for (size_t a = 0; a < arts->n; a++)
    for (size_t k = arts->start[a]; k < arts->start[a + 1]; k++) {
      uint32_t x = gid[arts->by_art[k]];
      if (seen[x] != a + 1) seen[x] = a + 1, g[x].articles++;
    }
  free(seen);
  return 0;
}

int id_key_groups(const nw_id_item *items, size_t n, const uint32_t *root, const char *const *shown,
                  const uint32_t *shown_rank, const int *ntok, const char *const *alias_key,
                  const id_art_groups *arts, nw_id_groups *out) {
  size_t nn = n ? n : 1, ng = 0;
  uint32_t *ord = malloc(nn * sizeof *ord), *gid = malloc(nn * sizeof *gid), *num = NULL;
  group *g = calloc(nn, sizeof *g);
  int rc = ord && gid && g ? 0 : -1;
  if (!rc) {
    rc = sort_items(n, root, shown_rank, arts, ord);
    if (!rc) ng = collect_groups(items, n, ord, root, shown, shown_rank, ntok, alias_key, g, gid);
    if (!rc) rc = count_articles(gid, arts, g, ng);
  }
  for (size_t k = 0; !rc && k < ng; k++) {
    const char *name = g[k].alias ? g[k].alias : g[k].best ? g[k].best : "?";
    if (!(g[k].key = strdup(name))) rc = -1;
  }
  if (!rc) rc = make_unique(g, ng);
  /* Groups numbered in key order; keys copied into the result's arena. */
  num = malloc((ng ? ng : 1) * sizeof *num);
  out->ngroups = ng;
  out->group_of = malloc(nn * sizeof *out->group_of);
  out->key = malloc((ng ? ng : 1) * sizeof *out->key);
  out->name = malloc((ng ? ng : 1) * sizeof *out->name);
  out->type = malloc((ng ? ng : 1) * sizeof *out->type);
  out->mentions = malloc((ng ? ng : 1) * sizeof *out->mentions);
  out->articles = malloc((ng ? ng : 1) * sizeof *out->articles);
  if (!num || !out->group_of || !out->key || !out->name || !out->type || !out->mentions || !out->articles) rc = -1;
  if (!rc) {
    for (size_t k = 0; k < ng; k++) num[k] = (uint32_t)k;
    sorted_groups = g;
    qsort(num, ng, sizeof *num, cmp_final);
    size_t *off = malloc((ng ? ng : 1) * 2 * sizeof *off);
    uint32_t *rank = malloc((ng ? ng : 1) * sizeof *rank);
    if (!off || !rank) rc = -1;
    for (size_t k = 0; !rc && k < ng; k++) {
      const group *x = &g[num[k]];
      rank[num[k]] = (uint32_t)k;
      const char *name = x->alias ? x->alias : x->best ? x->best : x->key;
      off[2 * k] = out->arena.len;
      rc = nw_buf_append(&out->arena, x->key, strlen(x->key) + 1);
      off[2 * k + 1] = out->arena.len;
      if (!rc) rc = nw_buf_append(&out->arena, name, strlen(name) + 1);
      out->type[k] = x->type;
      out->mentions[k] = x->mentions;
      out->articles[k] = x->articles;
    }
    for (size_t k = 0; !rc && k < ng; k++)
      out->key[k] = out->arena.data + off[2 * k], out->name[k] = out->arena.data + off[2 * k + 1];
    for (size_t i = 0; !rc && i < n; i++) out->group_of[i] = rank[gid[i]];
    free(off);
    free(rank);
  }
  for (size_t k = 0; g && k < ng; k++) free(g[k].key);
  free(g);
  free(ord);
  free(gid);
  free(num);
  return rc;
}

void nw_identity_free(nw_id_groups *g) {
  free(g->group_of);
  free(g->key);
  free(g->name);
  free(g->type);
  free(g->mentions);
  free(g->articles);
  nw_buf_free(&g->arena);
  memset(g, 0, sizeof *g);
}
