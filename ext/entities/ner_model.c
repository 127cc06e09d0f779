/* The tagger's model: parsing the blob the trainer writes, scoring tokens,
** and Viterbi decoding with valid BIO transitions.
**
** Blob layout (little-endian):
**   "NWNER02\0", u32 rows_log2[2], u32 cluster_words, u32 cluster_bytes,
**   per pass: f32 scale, f32 trans[NER_NTAGS+1][NER_NTAGS], i8 w[rows * NER_NTAGS + NER_ROW_PAD],
**   u32 cluster_ids[cluster_words], NUL-terminated lowercase words (cluster_bytes). */
#include "ner_internal.h"

#include <stdlib.h>
#include <string.h>

static uint32_t rd32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

int ner_model_parse(ner_model *m, const unsigned char *blob, size_t n) {
  memset(m, 0, sizeof *m);
  if (n < 24 || memcmp(blob, "NWNER02", 8) != 0) return -1;
  size_t off = 24;
  for (int p = 0; p < 2; p++) {
    unsigned lg = rd32(blob + 8 + 4 * p);
    if (lg < 4 || lg > 24) return -1;
    size_t table = ((size_t)1 << lg) * NER_NTAGS + NER_ROW_PAD;
    ner_weights *w = &m->pass[p];
    if (n - off < sizeof w->scale + sizeof w->trans + table) return -1;
    w->rows_log2 = lg;
    memcpy(&w->scale, blob + off, sizeof w->scale);
    off += sizeof w->scale;
    memcpy(w->trans, blob + off, sizeof w->trans);
    off += sizeof w->trans;
    w->w = (const int8_t *)(blob + off);
    off += table;
  }
  uint32_t nwords = rd32(blob + 16), nbytes = rd32(blob + 20);
  if ((n - off) / 4 < nwords || n - off - 4 * (size_t)nwords < nbytes) return -1;
  const unsigned char *ids = blob + off, *words = ids + 4 * (size_t)nwords;
  if (nbytes && words[nbytes - 1] != 0) return -1;
  if (nw_strmap_init(&m->clusters.map, nwords, 0)) return -1;
  size_t k = 0;
  for (uint32_t i = 0; i < nwords; i++) {
    if (k >= nbytes) break;
    size_t len = strlen((const char *)words + k);
    if (nw_strmap_put(&m->clusters.map, (const char *)words + k, len, (int32_t)rd32(ids + 4 * (size_t)i))) {
      nw_strmap_free(&m->clusters.map);
      return -1;
    }
    k += len + 1;
  }
  return 0;
}

uint32_t ner_clusters_get(const ner_clusters *c, const char *s, size_t n) {
  return (uint32_t)nw_strmap_get(&c->map, s, n, 0);
}

/* 16 int8 weights widened to int16 lanes: one row (NER_NTAGS codes, then
** bytes of the next row, ignored) per add. GCC/Clang vector extensions,
** compiled to SIMD where the target has it. */
typedef int8_t v16i8 __attribute__((vector_size(16)));
typedef int16_t v16i16 __attribute__((vector_size(32)));

void ner_emissions(const ner_weights *w, const ner_feats *f, size_t ntok, float *em, int add) {
  for (size_t i = 0; i < ntok; i++) {
    v16i16 acc = {0};
    const uint32_t *rows = f->rows + i * NER_MAXF;
    if (i + 1 < ntok) /* the next token's rows are random reads: start them now */
      for (unsigned k = 0; k < f->count[i + 1]; k++) __builtin_prefetch(w->w + (size_t)rows[NER_MAXF + k] * NER_NTAGS);
    for (unsigned k = 0; k < f->count[i]; k++) {
      v16i8 r;
      memcpy(&r, w->w + (size_t)rows[k] * NER_NTAGS, sizeof r);
      acc += __builtin_convertvector(r, v16i16); /* at most NER_MAXF * 127: no overflow */
    }
    for (int t = 0; t < NER_NTAGS; t++) em[i * NER_NTAGS + t] = (add ? em[i * NER_NTAGS + t] : 0) + (float)acc[t] * w->scale;
  }
}

#define NEG_INF (-1e30f) /* an invalid transition: far below any reachable score */

void ner_viterbi(const float *em, size_t a, size_t b, const float trans[NER_NTAGS + 1][NER_NTAGS], uint8_t *tags,
                 float *score, uint8_t *back) {
  size_t n = b - a;
  if (!n) return;
  /* transitions with the BIO constraints folded in, so the loops do not branch */
  float tr[NER_NTAGS + 1][NER_NTAGS];
  for (int p = 0; p <= NER_NTAGS; p++)
    for (int t = 0; t < NER_NTAGS; t++) tr[p][t] = ner_transition_ok(p == NER_NTAGS ? -1 : p, t) ? trans[p][t] : NEG_INF;
  for (int t = 0; t < NER_NTAGS; t++) score[t] = tr[NER_NTAGS][t] + em[t];
  for (size_t i = 1; i < n; i++) {
    const float *prev = score + (i - 1) * NER_NTAGS;
    float *cur = score + i * NER_NTAGS;
    uint8_t *bk = back + i * NER_NTAGS;
    for (int t = 0; t < NER_NTAGS; t++) {
      float best = prev[0] + tr[0][t];
      int arg = 0;
      for (int p = 1; p < NER_NTAGS; p++) {
        float v = prev[p] + tr[p][t];
        if (v > best) best = v, arg = p;
      }
      cur[t] = best + em[i * NER_NTAGS + t];
      bk[t] = (uint8_t)arg;
    }
  }
  const float *last = score + (n - 1) * NER_NTAGS;
  int arg = 0;
  for (int t = 1; t < NER_NTAGS; t++)
    if (last[t] > last[arg]) arg = t;
  for (size_t i = n; i-- > 0;) {
    tags[a + i] = (uint8_t)arg;
    if (i) arg = back[i * NER_NTAGS + arg];
  }
}

static int grow_work(ner_work *w, size_t ntok) {
  if (ntok <= w->cap) return 0;
  size_t cap = w->cap ? w->cap : 256;
  while (cap < ntok) cap *= 2;
  float *em = realloc(w->em, cap * NER_NTAGS * sizeof *em);
  if (!em) return -1;
  w->em = em;
  float *score = realloc(w->score, cap * NER_NTAGS * sizeof *score);
  if (!score) return -1;
  w->score = score;
  uint8_t *back = realloc(w->back, cap * NER_NTAGS);
  if (!back) return -1;
  w->back = back;
  uint8_t *tags = realloc(w->tags, cap);
  if (!tags) return -1;
  w->tags = tags;
  w->cap = cap;
  return 0;
}

static void decode_doc(const ner_weights *wt, const nw_doc *d, ner_work *w, int add) {
  ner_emissions(wt, &w->f, d->ntok, w->em, add);
  for (size_t s = 0; s < d->nsent; s++) {
    size_t a = d->sent[s].first_tok, b = d->sent[s].end_tok;
    ner_viterbi(w->em + a * NER_NTAGS, a, b, wt->trans, w->tags, w->score, w->back);
  }
}

int ner_tag_doc(const ner_model *m, const nw_doc *d, ner_work *w) {
  if (grow_work(w, d->ntok ? d->ntok : 1) || ner_feats_prepare(&w->f, d, &m->clusters)) return -1;
  ner_feats_compute(&w->f, d, 1, m->pass[0].rows_log2);
  decode_doc(&m->pass[0], d, w, 0);
  ner_doc_hints(&w->f, d, w->tags);
  ner_feats_compute(&w->f, d, 2, m->pass[1].rows_log2);
  decode_doc(&m->pass[1], d, w, 1); /* first-pass scores plus the hints' */
  return 0;
}

void ner_work_free(ner_work *w) {
  ner_feats_free(&w->f);
  free(w->em);
  free(w->score);
  free(w->back);
  free(w->tags);
  memset(w, 0, sizeof *w);
}
