/* Word clusters from unlabeled text for the tagger's features: every
** frequent word is described by the words seen left and right of it, and
** spherical k-means groups words with alike neighbours ("Tuesday" with
** "Friday", "Reuters" with "Interfax"). Two granularities: a fine cluster
** and a coarse one. Deterministic: fixed initialization, fixed order. */
#include "ner_clusters.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

#define CONTEXT_WORDS 800 /* the most frequent words serve as context dimensions */
#define MIN_COUNT 4
#define MAX_VOCAB 40000
#define ITERATIONS 12

typedef struct vocab {
  nw_buf arena;   /* keys, NUL-terminated */
  size_t *off;    /* key offset of word k */
  long *count;
  size_t n, cap;
  nw_strmap map;  /* key -> k (keys point into arena: rebuilt after arena growth) */
} vocab;

typedef struct sparse {
  uint32_t *idx;
  float *val;
  size_t n;
} sparse;

static int word_id(vocab *v, const char *key, size_t n) {
  int32_t k = nw_strmap_get(&v->map, key, n, -1);
  if (k >= 0) return k;
  if (nw_grow((void **)&v->off, &v->cap, v->n + 1, sizeof *v->off)) return -1;
  long *c = realloc(v->count, v->cap * sizeof *c);
  if (!c) return -1;
  v->count = c;
  size_t at = v->arena.len;
  char *old = v->arena.data;
  nw_buf_append(&v->arena, key, n);
  nw_buf_putc(&v->arena, 0);
  if (v->arena.data != old) { /* keys moved: re-point the map */
    nw_strmap_free(&v->map);
    nw_strmap_init(&v->map, v->n + 1, 0);
    for (size_t i = 0; i < v->n; i++)
      nw_strmap_put(&v->map, v->arena.data + v->off[i], strlen(v->arena.data + v->off[i]), (int32_t)i);
  }
  v->off[v->n] = at;
  v->count[v->n] = 0;
  nw_strmap_put(&v->map, v->arena.data + at, n, (int32_t)v->n);
  return (int)v->n++;
}

/* Word ids of a document's word tokens (-1 for other tokens), in order. */
static size_t doc_ids(vocab *v, const nw_doc *d, int *ids) {
  char key[NER_WORD_MAX];
  for (size_t i = 0; i < d->ntok; i++) {
    ids[i] = -1;
    const nw_token *t = &d->tok[i];
    size_t kn = ner_cluster_key(d->text + t->start, nw_tok_len(t), key);
    if (kn) ids[i] = word_id(v, key, kn);
  }
  return d->ntok;
}

static int by_count_desc(const void *a, const void *b, void *ctx) {
  const long *c = ctx;
  long x = c[*(const int *)a], y = c[*(const int *)b];
  if (x != y) return x > y ? -1 : 1;
  return *(const int *)a - *(const int *)b;
}

static void normalize(sparse *s) {
  double norm = 0;
  for (size_t j = 0; j < s->n; j++) {
    s->val[j] = sqrtf(s->val[j]);
    norm += (double)s->val[j] * s->val[j];
  }
  norm = sqrt(norm);
  for (size_t j = 0; j < s->n; j++) s->val[j] = (float)(s->val[j] / (norm > 0 ? norm : 1));
}

/* Spherical k-means over the word vectors; assign[w] in 0..k-1. */
static void kmeans(const sparse *vec, size_t nw, size_t dims, size_t k, int *assign) {
  float *cent = calloc(k * dims, sizeof *cent);
  for (size_t c = 0; c < k; c++) { /* initial centres: words spread over the frequency ranks */
    const sparse *s = &vec[c * nw / k];
    for (size_t j = 0; j < s->n; j++) cent[c * dims + s->idx[j]] = s->val[j];
  }
  for (int it = 0; it < ITERATIONS; it++) {
    for (size_t w = 0; w < nw; w++) {
      const sparse *s = &vec[w];
      float best = -1;
      int arg = 0;
      for (size_t c = 0; c < k; c++) {
        const float *cc = cent + c * dims;
        float dot = 0;
        for (size_t j = 0; j < s->n; j++) dot += s->val[j] * cc[s->idx[j]];
        if (dot > best) best = dot, arg = (int)c;
      }
      assign[w] = arg;
    }
    memset(cent, 0, k * dims * sizeof *cent);
    for (size_t w = 0; w < nw; w++)
      for (size_t j = 0; j < vec[w].n; j++) cent[(size_t)assign[w] * dims + vec[w].idx[j]] += vec[w].val[j];
    for (size_t c = 0; c < k; c++) {
      double norm = 0;
      for (size_t j = 0; j < dims; j++) norm += (double)cent[c * dims + j] * cent[c * dims + j];
      norm = sqrt(norm);
      if (norm > 0)
        for (size_t j = 0; j < dims; j++) cent[c * dims + j] = (float)(cent[c * dims + j] / norm);
    }
  }
  free(cent);
}

int ner_build_clusters(const char *const *texts, const size_t *lens, size_t ntexts, size_t fine, size_t coarse,
                       nw_buf *words, uint32_t **ids_out, size_t *nwords) {
  vocab v = {0};
  nw_strmap_init(&v.map, 1 << 16, 0);
  nw_doc d = {0};
  int **doc_tok_ids = calloc(ntexts, sizeof *doc_tok_ids);
  size_t *doc_ntok = calloc(ntexts, sizeof *doc_ntok);
  for (size_t i = 0; i < ntexts; i++) {
    nw_tokenize(&d, texts[i], lens[i]);
    doc_tok_ids[i] = malloc((d.ntok ? d.ntok : 1) * sizeof(int));
    doc_ntok[i] = doc_ids(&v, &d, doc_tok_ids[i]);
    for (size_t t = 0; t < doc_ntok[i]; t++)
      if (doc_tok_ids[i][t] >= 0) v.count[doc_tok_ids[i][t]]++;
  }
  nw_doc_free(&d);
  /* rank words by frequency */
  int *order = malloc((v.n ? v.n : 1) * sizeof *order), *rank = malloc((v.n ? v.n : 1) * sizeof *rank);
  for (size_t i = 0; i < v.n; i++) order[i] = (int)i;
  qsort_r(order, v.n, sizeof *order, by_count_desc, v.count);
  size_t nw = 0;
  for (size_t r = 0; r < v.n; r++) {
    rank[order[r]] = (int)r;
    if (v.count[order[r]] >= MIN_COUNT && nw < MAX_VOCAB) nw++;
  }
  size_t dims = 2 * (CONTEXT_WORDS + 1);
  /* context counts: dense per word would be nw * dims; a hash of (word, dim) instead */
  size_t total = 0, hcap = 1;
  for (size_t i = 0; i < ntexts; i++) total += doc_ntok[i];
  while (hcap < 4 * total + 16) hcap <<= 1; /* at most two contexts per token: load <= 1/2 */
  uint64_t *hk = calloc(hcap, sizeof *hk);
  float *hv = calloc(hcap, sizeof *hv);
  for (size_t i = 0; i < ntexts; i++) {
    int *ids = doc_tok_ids[i];
    for (size_t t = 0; t < doc_ntok[i]; t++) {
      if (ids[t] < 0 || rank[ids[t]] >= (int)nw) continue;
      for (int side = 0; side < 2; side++) {
        long j = side ? (long)t + 1 : (long)t - 1;
        int ctx = j >= 0 && (size_t)j < doc_ntok[i] && ids[j] >= 0 ? rank[ids[j]] : -1;
        size_t dim = (size_t)side * (CONTEXT_WORDS + 1) + (ctx >= 0 && ctx < CONTEXT_WORDS ? (size_t)ctx : CONTEXT_WORDS);
        uint64_t key = ((uint64_t)rank[ids[t]] << 20 | dim) + 1;
        size_t s = (size_t)(key * 0x9e3779b97f4a7c15ull >> 20) & (hcap - 1);
        while (hk[s] && hk[s] != key) s = (s + 1) & (hcap - 1);
        hk[s] = key;
        hv[s] += 1;
      }
    }
  }
  sparse *vec = calloc(nw ? nw : 1, sizeof *vec);
  size_t *fill = calloc(nw ? nw : 1, sizeof *fill);
  for (size_t s = 0; s < hcap; s++)
    if (hk[s]) fill[(hk[s] - 1) >> 20]++;
  for (size_t w = 0; w < nw; w++) {
    vec[w].idx = malloc((fill[w] ? fill[w] : 1) * sizeof *vec[w].idx);
    vec[w].val = malloc((fill[w] ? fill[w] : 1) * sizeof *vec[w].val);
  }
  for (size_t s = 0; s < hcap; s++)
    if (hk[s]) {
      size_t w = (hk[s] - 1) >> 20;
      vec[w].idx[vec[w].n] = (uint32_t)((hk[s] - 1) & 0xFFFFF);
      vec[w].val[vec[w].n++] = hv[s];
    }
  for (size_t w = 0; w < nw; w++) normalize(&vec[w]);
  int *fa = malloc((nw ? nw : 1) * sizeof *fa), *ca = malloc((nw ? nw : 1) * sizeof *ca);
  if (nw >= fine) kmeans(vec, nw, dims, fine, fa);
  if (nw >= coarse) kmeans(vec, nw, dims, coarse, ca);
  *ids_out = malloc((nw ? nw : 1) * sizeof **ids_out);
  for (size_t r = 0; r < nw; r++) {
    const char *key = v.arena.data + v.off[order[r]];
    nw_buf_append(words, key, strlen(key) + 1);
    (*ids_out)[r] = (uint32_t)(fa[r] + 1) | (uint32_t)(ca[r] + 1) << 16;
  }
  *nwords = nw;
  for (size_t w = 0; w < nw; w++) {
    free(vec[w].idx);
    free(vec[w].val);
  }
  for (size_t i = 0; i < ntexts; i++) free(doc_tok_ids[i]);
  free(doc_tok_ids);
  free(doc_ntok);
  free(vec);
  free(fill);
  free(fa);
  free(ca);
  free(hk);
  free(hv);
  free(order);
  free(rank);
  free(v.off);
  free(v.count);
  nw_buf_free(&v.arena);
  nw_strmap_free(&v.map);
  return 0;
}
