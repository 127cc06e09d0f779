/* The tagger's model: parsing the blob the trainer writes, scoring tokens,
** and Viterbi decoding with valid BIO transitions.
**
** Blob layout (little-endian):
**   "NWNER02\0", u32 rows_log2[2], u32 cluster_words, u32 cluster_bytes,
**   per pass: f32 scale, f32 trans[NER_NTAGS+1][NER_NTAGS], i8 w[rows * NER_NTAGS + NER_ROW_PAD],
**   u32 cluster_ids[cluster_words], NUL-terminated lowercase words (cluster_bytes),
**   then "NWSTAMP\0" and the 16 hex digits of the data stamp (ner_data_stamp). */
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
  size_t end = off + 4 * (size_t)nwords + nbytes;
  if (n - end >= 8 + NW_STAMP_LEN && memcmp(blob + end, NER_STAMP_MAGIC, 8) == 0)
    memcpy(m->data_stamp, blob + end + 8, NW_STAMP_LEN);
  uint32_t *idv = malloc((nwords ? nwords : 1) * sizeof *idv);
  if (!idv) return -1;
  for (uint32_t i = 0; i < nwords; i++) idv[i] = rd32(ids + 4 * (size_t)i);
  int rc = ner_clusters_build(&m->clusters, (const char *)words, nbytes, idv, nwords);
  free(idv);
  return rc;
}

void ner_data_stamp(char out[NW_STAMP_LEN + 1]) {
  const uint64_t data[] = {nw_data_hash_core, nw_data_hash_ner};
  nw_data_stamp(data, sizeof data / sizeof data[0], out);
}

static inline uint64_t key_hash(const char *s, size_t n) { return nw_hash(s, n) | 1; }

int ner_clusters_build(ner_clusters *c, const char *words, size_t nbytes, const uint32_t *ids, size_t n) {
  memset(c, 0, sizeof *c);
  c->cap = 16;
  while (c->cap < 2 * n + 2) c->cap *= 2;
  c->keys = calloc(c->cap, sizeof *c->keys);
  c->ids = calloc(c->cap, sizeof *c->ids);
  if (!c->keys || !c->ids) {
    ner_clusters_free(c);
    return -1;
  }
  size_t k = 0;
  for (size_t i = 0; i < n && k < nbytes; i++) {
    size_t len = strnlen(words + k, nbytes - k);
    uint64_t h = key_hash(words + k, len);
    size_t s = (size_t)(h >> 7) & (c->cap - 1);
    while (c->keys[s] && c->keys[s] != h) s = (s + 1) & (c->cap - 1);
    if (!c->keys[s]) c->count++;
    c->keys[s] = h;
    c->ids[s] = ids[i];
    k += len + 1;
  }
  return 0;
}

uint32_t ner_clusters_get(const ner_clusters *c, const char *s, size_t n) {
  if (!c->keys) return 0;
  uint64_t h = key_hash(s, n);
  size_t i = (size_t)(h >> 7) & (c->cap - 1);
  while (c->keys[i] && c->keys[i] != h) i = (i + 1) & (c->cap - 1);
  return c->keys[i] ? c->ids[i] : 0;
}

void ner_clusters_free(ner_clusters *c) {
  free(c->keys);
  free(c->ids);
  memset(c, 0, sizeof *c);
}

/* 16 int8 weights widened to int16 lanes: one row (NER_NTAGS codes, then
** bytes of the next row, ignored) per add. GCC/Clang vector extensions,
** compiled to SIMD where the target has it. */
typedef int8_t v16i8 __attribute__((vector_size(16)));
typedef int16_t v16i16 __attribute__((vector_size(32)));

static inline void add_row(v16i16 *acc, const ner_weights *w, uint32_t row) {
  v16i8 x;
  memcpy(&x, w->w + (size_t)row * NER_NTAGS, sizeof x);
  *acc += __builtin_convertvector(x, v16i16);
}

/* Integer sums, so the order rows are added in (and caching part of them)
** changes nothing. */
void ner_emissions(const ner_weights *w, const uint32_t *rows, const uint8_t *count, size_t n,
                   const ner_own_sum *base, float *em, int add) {
  for (size_t i = 0; i < n; i++) {
    v16i16 acc = {0};
    const uint32_t *r = rows + i * NER_MAXF;
    if (i + 1 < n) /* the next token's rows are random reads: start them now */
      for (unsigned k = 0; k < count[i + 1]; k++) __builtin_prefetch(w->w + (size_t)r[NER_MAXF + k] * NER_NTAGS);
    if (base) memcpy(&acc, &base[i], sizeof acc);
    for (unsigned k = 0; k < count[i]; k++) add_row(&acc, w, r[k]); /* at most NER_MAXF * 127: no overflow */
    if (add)
      for (int t = 0; t < NER_NTAGS; t++) em[i * NER_NTAGS + t] += (float)acc[t] * w->scale;
    else
      for (int t = 0; t < NER_NTAGS; t++) em[i * NER_NTAGS + t] = (float)acc[t] * w->scale;
  }
}

#define NEG_INF (-1e30f) /* an invalid transition: far below any reachable score */

void ner_constrain(const float trans[NER_NTAGS + 1][NER_NTAGS], float tr[NER_NTAGS + 1][NER_NTAGS]) {
  for (int p = 0; p <= NER_NTAGS; p++)
    for (int t = 0; t < NER_NTAGS; t++) tr[p][t] = ner_transition_ok(p == NER_NTAGS ? -1 : p, t) ? trans[p][t] : NEG_INF;
}

void ner_viterbi(const float *em, size_t a, size_t b, const float tr[NER_NTAGS + 1][NER_NTAGS], uint8_t *tags,
                 uint8_t *back) {
  size_t n = b - a;
  if (!n) return;
  float prev[NER_NTAGS], cur[NER_NTAGS];
  for (int t = 0; t < NER_NTAGS; t++) prev[t] = tr[NER_NTAGS][t] + em[t];
  for (size_t i = 1; i < n; i++) {
    uint8_t *bk = back + i * NER_NTAGS;
    for (int t = 0; t < NER_NTAGS; t++) {
      float best;
      int arg;
      if (t && t == ner_tag_inside(ner_tag_type(t))) {
        /* I-X follows only B-X or I-X (the others are NEG_INF): two to compare */
        float vb = prev[t - 1] + tr[t - 1][t], vi = prev[t] + tr[t][t];
        best = vi > vb ? vi : vb;
        arg = vi > vb ? t : t - 1;
      } else {
        best = prev[0] + tr[0][t];
        arg = 0;
        for (int p = 1; p < NER_NTAGS; p++) {
          float v = prev[p] + tr[p][t];
          if (v > best) best = v, arg = p;
        }
      }
      cur[t] = best + em[i * NER_NTAGS + t];
      bk[t] = (uint8_t)arg;
    }
    memcpy(prev, cur, sizeof prev);
  }
  int arg = 0;
  for (int t = 1; t < NER_NTAGS; t++)
    if (prev[t] > prev[arg]) arg = t;
  for (size_t i = n; i-- > 0;) {
    tags[a + i] = (uint8_t)arg;
    if (i) arg = back[i * NER_NTAGS + arg];
  }
}

static int grow_work(ner_work *w, const nw_doc *d) {
  size_t ntok = d->ntok ? d->ntok : 1, longest = 1;
  for (size_t s = 0; s < d->nsent; s++)
    if (d->sent[s].end_tok - d->sent[s].first_tok > longest) longest = d->sent[s].end_tok - d->sent[s].first_tok;
  if (ntok > w->cap) {
    size_t cap = w->cap ? w->cap : 256;
    while (cap < ntok) cap *= 2;
    float *em = realloc(w->em, cap * NER_NTAGS * sizeof *em);
    if (!em) return -1;
    w->em = em;
    uint8_t *tags = realloc(w->tags, cap);
    if (!tags) return -1;
    w->tags = tags;
    w->cap = cap;
  }
  if (d->nsent > w->live_cap) {
    uint8_t *live = realloc(w->live, d->nsent);
    if (!live) return -1;
    w->live = live;
    w->live_cap = d->nsent;
  }
  if (longest > w->back_cap) {
    uint8_t *back = realloc(w->back, longest * NER_NTAGS);
    if (!back) return -1;
    w->back = back;
    w->back_cap = longest;
  }
  return 0;
}

/* Can the sentence [a, b) hold a name? Only when some word is capitalized,
** or written in a script without case. A sentence of quotation marks,
** symbols, lower-case words or broken bytes cannot: it skips the tagger
** (its tags stay O), which keeps pathological text fast. */
static int may_hold_name(const nw_doc *d, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) {
    const nw_token *t = &d->tok[i];
    if (t->cls != NW_TOK_WORD) continue;
    if (t->flags & (NW_TF_UPPER_INITIAL | NW_TF_ALL_UPPER)) return 1;
    if ((t->flags & NW_TF_NON_ASCII) && !(t->flags & NW_TF_LOWER_INITIAL)) return 1;
  }
  return 0;
}

/* Word j's sums per offset (ner_word_rows): from the cache, else computed
** (and kept when the word is short enough). */
static const ner_own_sum *word_sums(ner_work *w, const ner_weights *wt, const nw_doc *d, size_t j,
                                    ner_own_slot *scratch) {
  const nw_token *t = &d->tok[j];
  const char *text = d->text + t->start;
  size_t n = nw_tok_len(t);
  ner_own_slot *s = scratch;
  if (n && n <= NER_OWN_MAXLEN) {
    s = &w->own_cache[nw_hash(text, n) & (NER_OWN_SLOTS - 1)];
    if (s->len == n && memcmp(s->text, text, n) == 0) return s->sum;
  }
  uint32_t rows[5][NER_WORD_ROWS];
  unsigned count[5];
  ner_word_rows(&w->f, d, j, wt->rows_log2, rows, count);
  for (int k = 0; k < 5; k++) {
    v16i16 acc = {0};
    for (unsigned r = 0; r < count[k]; r++) add_row(&acc, wt, rows[k][r]);
    memcpy(&s->sum[k], &acc, sizeof acc);
  }
  if (s != scratch) {
    s->len = (uint8_t)n;
    memcpy(s->text, text, n);
  }
  return s->sum;
}

/* base[i - from] for tokens [from, to) of the sentence [a, b): the sums of
** the words within two tokens of each (the features ner_feats_compute leaves out). */
static void word_bases(ner_work *w, const ner_weights *wt, const nw_doc *d, size_t a, size_t b, size_t from,
                       size_t to) {
  memset(w->base, 0, (to - from) * sizeof *w->base);
  size_t j0 = from >= a + 2 ? from - 2 : a, j1 = to + 2 < b ? to + 2 : b;
  ner_own_slot scratch;
  for (size_t j = j0; j < j1; j++) {
    const ner_own_sum *sums = word_sums(w, wt, d, j, &scratch);
    for (int k = 0; k < 5; k++) { /* word j is at offset k - 2 from token j - (k - 2) */
      size_t i = j + 2 - (size_t)k;
      if (j + 2 < (size_t)k || i < from || i >= to) continue;
      v16i16 acc, add;
      memcpy(&acc, &w->base[i - from], sizeof acc);
      memcpy(&add, &sums[k], sizeof add);
      acc += add;
      memcpy(&w->base[i - from], &acc, sizeof acc);
    }
  }
}

/* One pass over the sentences that may hold a name: features chunk by chunk,
** scores added to w->em, then Viterbi per sentence. */
static void decode_pass(const ner_weights *wt, int pass, const nw_doc *d, ner_work *w) {
  float tr[NER_NTAGS + 1][NER_NTAGS];
  ner_constrain(wt->trans, tr);
  for (size_t s = 0; s < d->nsent; s++) {
    if (!w->live[s]) continue;
    size_t a = d->sent[s].first_tok, b = d->sent[s].end_tok;
    for (size_t from = a; from < b; from += NER_CHUNK) {
      if (nw_stop_requested()) return; /* the caller was interrupted: ner_tag_doc fails */
      size_t to = from + NER_CHUNK < b ? from + NER_CHUNK : b;
      int cached = pass == 1 && w->own_cache;
      if (cached) word_bases(w, wt, d, a, b, from, to);
      ner_feats_compute(&w->f, d, pass, wt->rows_log2, from, to, cached, w->rows, w->count);
      ner_emissions(wt, w->rows, w->count, to - from, cached ? w->base : NULL, w->em + from * NER_NTAGS, pass == 2);
    }
    ner_viterbi(w->em + a * NER_NTAGS, a, b, tr, w->tags, w->back);
  }
}

int ner_tag_doc(const ner_model *m, const nw_doc *d, ner_work *w) {
  if (grow_work(w, d) || ner_feats_prepare(&w->f, d, &m->clusters)) return -1;
  if (!w->own_cache) w->own_cache = malloc(NER_OWN_SLOTS * sizeof *w->own_cache);
  if (w->own_cache && w->own_of != &m->pass[0]) { /* sums of another model's weights */
    memset(w->own_cache, 0, NER_OWN_SLOTS * sizeof *w->own_cache);
    w->own_of = &m->pass[0];
  }
  int any = 0;
  for (size_t s = 0; s < d->nsent; s++) any |= w->live[s] = (uint8_t)may_hold_name(d, d->sent[s].first_tok, d->sent[s].end_tok);
  memset(w->tags, NER_O, d->ntok);
  if (!any) return 0;
  decode_pass(&m->pass[0], 1, d, w); /* writes the emissions of every sentence it tags */
  if (nw_stopped() || ner_doc_hints(&w->f, d, w->tags)) return -1;
  decode_pass(&m->pass[1], 2, d, w); /* adds the hints' scores to the first pass's */
  return nw_stopped() ? -1 : 0;
}

void ner_work_free(ner_work *w) {
  ner_feats_free(&w->f);
  free(w->em);
  free(w->back);
  free(w->tags);
  free(w->live);
  free(w->own_cache);
  memset(w, 0, sizeof *w);
}
