/* Features and scoring of the learned speaker chooser (see quotes_chooser.h). */
#include "quotes_chooser.h"

#include "hash.h"

void qx_data_stamp(char out[NW_STAMP_LEN + 1]) {
  const uint64_t data[] = {nw_data_hash_core, nw_data_hash_ner, nw_data_hash_ner_model, nw_data_hash_quotes};
  nw_data_stamp(data, sizeof data / sizeof data[0], out);
}

static uint32_t bucket(uint32_t v, const uint32_t *edges, uint32_t n) {
  uint32_t b = 0;
  while (b < n && v > edges[b]) b++;
  return b;
}

/* One feature: a template id and a value, conjoined with the candidate kind. */
static uint32_t feat(uint32_t kind, uint32_t tmpl, uint64_t value) {
  uint64_t key[3] = {kind, tmpl, value};
  return (uint32_t)(nw_hash(key, sizeof key) & ((1u << QX_WEIGHT_BITS) - 1));
}

static uint32_t mention_type(const qx_ctx *c, const qx_candidate *k) {
  if (k->first < 0) return 0;
  uint32_t w = qx_class(c, (size_t)k->first);
  if (w & QW_PRONOUN) return 1;
  if (qx_cap(c, (size_t)k->first) && !(w & QW_DET)) return 2;
  if (w & QW_DET) return 3;
  return 4;
}

size_t qx_features(const qx_ctx *c, const nw_quote *q, const qx_quote_info *info, const qx_candidate *k,
                   uint32_t *f) {
  static const uint32_t word_edges[] = {1, 2, 4, 8, 16};
  static const uint32_t dist_edges[] = {0, 3, 10, 30, 100};
  size_t n = 0;
  uint32_t kind = k->kind;
  f[n++] = feat(kind, 0, 0); /* bias */
  f[n++] = feat(kind, 1, info->path);
  f[n++] = feat(kind, 2, qx_cue_key(info->cue)); /* by its word: row numbers move when the data grows */
  f[n++] = feat(kind, 3, info->hands_over);
  f[n++] = feat(kind, 4, info->ends_period);
  f[n++] = feat(kind, 5, bucket(info->words, word_edges, 5));
  f[n++] = feat(kind, 6, info->before_empty * 2u + info->after_empty);
  f[n++] = feat(kind, 7, info->para_start);
  f[n++] = feat(kind, 8, info->prev_distance);
  f[n++] = feat(kind, 9, info->path * 8u + info->prev_distance);
  f[n++] = feat(kind, 10, info->path * 8u + bucket(info->words, word_edges, 5));
  if (k->first >= 0) {
    uint32_t mt = mention_type(c, k);
    f[n++] = feat(kind, 11, mt);
    f[n++] = feat(kind, 12, mt * 16u + info->path);
    size_t first = (size_t)k->first, end = (size_t)k->end;
    uint32_t dist = first >= q->tok_close ? (uint32_t)(first - q->tok_close) : end <= q->tok_open ? (uint32_t)(q->tok_open - end) : 0;
    f[n++] = feat(kind, 13, bucket(dist, dist_edges, 5));
    f[n++] = feat(kind, 14, first >= q->tok_close ? 1 : end <= q->tok_open ? 2 : 3);
    f[n++] = feat(kind, 15, (c->d->tok[first].flags & NW_TF_SENT_START) != 0);
    if (end < c->d->ntok && qx_is_word(c, end)) {
      /* the word after the mention: the verb when it is a subject ("Trump likened") */
      f[n++] = feat(kind, 16, nw_hash_lower(qx_text(c, end), qx_len(c, end)));
    }
    f[n++] = feat(kind, 17, nw_hash_lower(qx_text(c, end - 1), qx_len(c, end - 1)) & 0xFFF);
  }
  return n;
}

static int32_t score(const qx_ctx *c, const nw_quote *q, const qx_quote_info *info, const qx_candidate *k) {
  uint32_t f[QX_MAX_FEATURES];
  size_t n = qx_features(c, q, info, k, f);
  int32_t s = 0;
  for (size_t i = 0; i < n; i++) s += qx_weights[f[i]];
  return s;
}

int qx_choose(const qx_ctx *c, const nw_quote *q, const qx_quote_info *info, const qx_candidate *cands, int n) {
  int best = 0;
  int32_t best_score = n ? score(c, q, info, &cands[0]) : 0;
  for (int i = 1; i < n; i++) {
    int32_t s = score(c, q, info, &cands[i]);
    if (s > best_score) {
      best = i;
      best_score = s;
    }
  }
  return best;
}
