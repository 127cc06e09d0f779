/* Trains the entity tagger (averaged structured perceptron over the features
** of ext/entities/ner_feat.c) and writes the model blob ner_model.c reads.
**
**   ner_train TRAIN.jsonl [-dev DEV.jsonl] -o MODEL.bin [-e1 N] [-e2 N] [-b1 BITS] [-b2 BITS] [-k FOLDS]
**
** Pass 1 is trained on all training documents. Pass 2 also sees document
** hints (how pass 1 tagged the same word elsewhere); for the training
** documents those come from pass-1 models trained on the other folds
** (jackknifing), so that pass 2 learns how far to trust pass 1 on unseen text.
** Deterministic: fixed shuffles, no threads. DEV only reports scores. */
#include "ner_clusters.h"
#include "ner_internal.h"
#include "ner_json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct tdoc {
  nw_doc d;
  uint8_t *gold;
  uint8_t *p1; /* pass-1 tags (jackknifed for training documents) */
  uint32_t *rows; /* features of the current pass, NER_MAXF per token */
  uint8_t *count;
  float *base; /* pass-1 scores the pass-2 features add to (NULL in pass 1) */
  float *p1em; /* pass-1 scores, kept while tagging with pass 1 */
} tdoc;

typedef struct perceptron {
  unsigned lg;
  size_t n;      /* rows * NER_NTAGS */
  float *w, *u;  /* weights and their time-weighted update sums (for averaging) */
  float t[NER_NTAGS + 1][NER_NTAGS], tu[NER_NTAGS + 1][NER_NTAGS];
  double c;
} perceptron;

static ner_feats scratch;
static ner_clusters clusters;

/* ---- gold tags -------------------------------------------------------- */

/* Majority type of each gold mention text, to type the name part cut from a
** hyphenated compound ("U.S.-led" MISC gives "U.S.", typed as "U.S." usually is). */
static nw_strmap type_votes;

static int vote_type(const char *s, size_t n, int fallback) {
  int32_t v = nw_strmap_get(&type_votes, s, n, 0);
  int best = 0, bc = 0;
  for (int t = 1; t <= 4; t++) {
    int c = (v >> (8 * (t - 1))) & 0xFF;
    if (c > bc) bc = c, best = t;
  }
  if (best) return best;
  unsigned g = ner_gaz_lookup(s, n);
  if (g & ((1u << GAZ_COUNTRY) | (1u << GAZ_CITY) | (1u << GAZ_REGION))) return NW_ENT_LOC;
  if (g & (1u << GAZ_ORG)) return NW_ENT_ORG;
  return fallback;
}

static void count_votes(ner_gold_doc *docs, size_t n) {
  nw_strmap_init(&type_votes, 1 << 15, 0);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < docs[i].nents; j++) {
      ner_gold_ent *e = &docs[i].ents[j];
      if (!e->type || e->end <= e->start) continue;
      const char *s = docs[i].text + e->start;
      size_t len = (size_t)(e->end - e->start);
      int32_t v = nw_strmap_get(&type_votes, s, len, 0);
      int sh = 8 * (e->type - 1);
      if (((v >> sh) & 0xFF) < 0xFF) v += 1 << sh;
      nw_strmap_put(&type_votes, s, len, v);
    }
}

/* Gold BIO tags over our tokens: a gold span covers the tokens starting inside it. */
static void gold_tags(const ner_gold_doc *g, tdoc *t) {
  const nw_doc *d = &t->d;
  memset(t->gold, 0, d->ntok);
  size_t i = 0;
  for (size_t j = 0; j < g->nents; j++) {
    const ner_gold_ent *e = &g->ents[j];
    if (!e->type) continue;
    while (i > 0 && d->tok[i - 1].start >= (uint32_t)e->start) i--;
    while (i < d->ntok && d->tok[i].start < (uint32_t)e->start) i++;
    size_t a = i, b = i;
    while (b < d->ntok && d->tok[b].start < (uint32_t)e->end) b++;
    int type = e->type;
    size_t cut = b > a ? ner_hyphen_cut(d, a, b) : b;
    if (cut < b) {
      type = vote_type(d->text + d->tok[a].start, d->tok[cut - 1].end - d->tok[a].start, type);
      b = cut;
    }
    for (size_t k = a; k < b; k++) t->gold[k] = (uint8_t)(k == a ? ner_tag_begin(type) : ner_tag_inside(type));
  }
}

/* ---- features --------------------------------------------------------- */

static void doc_features(tdoc *t, int pass, unsigned lg) {
  const nw_doc *d = &t->d;
  ner_feats_prepare(&scratch, d, &clusters);
  if (pass == 2) ner_doc_hints(&scratch, d, t->p1);
  free(t->rows);
  free(t->count);
  t->rows = malloc((d->ntok ? d->ntok : 1) * NER_MAXF * sizeof *t->rows);
  t->count = malloc(d->ntok ? d->ntok : 1);
  ner_feats_compute(&scratch, d, pass, lg, 0, d->ntok, 0, t->rows, t->count);
}

/* ---- perceptron ------------------------------------------------------- */

static void pc_init(perceptron *p, unsigned lg) {
  memset(p, 0, sizeof *p);
  p->lg = lg;
  p->n = ((size_t)1 << lg) * NER_NTAGS;
  p->w = calloc(p->n, sizeof *p->w);
  p->u = calloc(p->n, sizeof *p->u);
  p->c = 1;
}

static void pc_free(perceptron *p) {
  free(p->w);
  free(p->u);
}

static void emissions_f(const float *w, const tdoc *t, size_t a, size_t b, float *em) {
  for (size_t i = a; i < b; i++) {
    float acc[NER_NTAGS] = {0};
    if (t->base) memcpy(acc, t->base + i * NER_NTAGS, sizeof acc);
    const uint32_t *rows = t->rows + i * NER_MAXF;
    for (unsigned k = 0; k < t->count[i]; k++) {
      const float *r = w + (size_t)rows[k] * NER_NTAGS;
      for (int g = 0; g < NER_NTAGS; g++) acc[g] += r[g];
    }
    memcpy(em + (i - a) * NER_NTAGS, acc, sizeof acc);
  }
}

static float *em_buf;
static uint8_t *back_buf, *pred_buf;
static size_t buf_cap;

static void ensure_bufs(size_t n) {
  if (n <= buf_cap) return;
  buf_cap = n * 2;
  em_buf = realloc(em_buf, buf_cap * NER_NTAGS * sizeof *em_buf);
  back_buf = realloc(back_buf, buf_cap * NER_NTAGS);
  pred_buf = realloc(pred_buf, buf_cap);
}

static void upd(perceptron *p, const tdoc *t, size_t i, int tag, float v) {
  const uint32_t *rows = t->rows + i * NER_MAXF;
  float cv = (float)p->c * v;
  for (unsigned k = 0; k < t->count[i]; k++) {
    size_t x = (size_t)rows[k] * NER_NTAGS + (size_t)tag;
    p->w[x] += v;
    p->u[x] += cv;
  }
}

static void train_sentence(perceptron *p, const tdoc *t, size_t a, size_t b) {
  ensure_bufs(b - a);
  emissions_f(p->w, t, a, b, em_buf);
  float tr[NER_NTAGS + 1][NER_NTAGS];
  ner_constrain(p->t, tr);
  ner_viterbi(em_buf, 0, b - a, tr, pred_buf, back_buf);
  const uint8_t *gold = t->gold + a;
  int diff = 0;
  for (size_t i = 0; i < b - a; i++) diff |= pred_buf[i] != gold[i];
  if (diff) {
    for (size_t i = 0; i < b - a; i++) {
      int gp = i ? gold[i - 1] : NER_NTAGS, pp = i ? pred_buf[i - 1] : NER_NTAGS;
      if (pred_buf[i] != gold[i]) {
        upd(p, t, a + i, gold[i], 1);
        upd(p, t, a + i, pred_buf[i], -1);
      }
      if (pred_buf[i] != gold[i] || gp != pp) {
        p->t[gp][gold[i]] += 1;
        p->tu[gp][gold[i]] += (float)p->c;
        p->t[pp][pred_buf[i]] -= 1;
        p->tu[pp][pred_buf[i]] -= (float)p->c;
      }
    }
  }
  p->c += 1;
}

/* Averaged weights into w (and trans). */
static void pc_average(const perceptron *p, float *w, float trans[NER_NTAGS + 1][NER_NTAGS]) {
  for (size_t i = 0; i < p->n; i++) w[i] = p->w[i] - p->u[i] / (float)p->c;
  for (int a = 0; a <= NER_NTAGS; a++)
    for (int b = 0; b < NER_NTAGS; b++) trans[a][b] = p->t[a][b] - p->tu[a][b] / (float)p->c;
}

static uint64_t rng_state = 0x853c49e6748fea9bull;
static uint32_t rng(void) {
  rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
  return (uint32_t)(rng_state >> 33);
}

/* ---- evaluation: exact span + type F1 over tokens ---------------------- */

typedef struct prf {
  long tp, np, ng;
} prf;

static void spans_f1(const uint8_t *gold, const uint8_t *pred, size_t n, prf *r) {
  /* a span is (start, end, type); compare by walking both sequences */
  for (size_t i = 0; i < n; i++) {
    int gs = ner_tag_is_begin(gold[i]), ps = ner_tag_is_begin(pred[i]);
    r->ng += gs;
    r->np += ps;
    if (gs && ps && gold[i] == pred[i]) {
      size_t j = i + 1;
      while (j < n && gold[j] == ner_tag_inside(ner_tag_type(gold[i])) && pred[j] == gold[j]) j++;
      int gend = j >= n || gold[j] != ner_tag_inside(ner_tag_type(gold[i]));
      int pend = j >= n || pred[j] != ner_tag_inside(ner_tag_type(pred[i]));
      if (gend && pend) r->tp++;
    }
  }
}

static double f1(const prf *r) {
  double p = r->np ? (double)r->tp / r->np : 0, q = r->ng ? (double)r->tp / r->ng : 0;
  return p + q ? 2 * p * q / (p + q) : 0;
}

/* Tag documents with averaged float weights; tags into out (per doc) when given. */
static double tag_docs(const float *w, float trans[NER_NTAGS + 1][NER_NTAGS], tdoc *docs, size_t n, int which_out) {
  prf r = {0, 0, 0};
  float tr[NER_NTAGS + 1][NER_NTAGS];
  ner_constrain(trans, tr);
  for (size_t k = 0; k < n; k++) {
    tdoc *t = &docs[k];
    for (size_t s = 0; s < t->d.nsent; s++) {
      size_t a = t->d.sent[s].first_tok, b = t->d.sent[s].end_tok;
      ensure_bufs(b - a);
      emissions_f(w, t, a, b, em_buf);
      ner_viterbi(em_buf, 0, b - a, tr, pred_buf, back_buf);
      spans_f1(t->gold + a, pred_buf, b - a, &r);
      if (which_out) {
        memcpy(t->p1 + a, pred_buf, b - a);
        if (!t->p1em) t->p1em = malloc((t->d.ntok ? t->d.ntok : 1) * NER_NTAGS * sizeof *t->p1em);
        memcpy(t->p1em + a * NER_NTAGS, em_buf, (b - a) * NER_NTAGS * sizeof *em_buf);
      }
    }
  }
  return f1(&r);
}

static void train(perceptron *p, tdoc *docs, size_t n, const int *use, int epochs, tdoc *dev, size_t ndev,
                  const char *label) {
  size_t *order = malloc(n * sizeof *order);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (!use || use[i]) order[m++] = i;
  float *avg = dev ? malloc(p->n * sizeof *avg) : NULL;
  float trans[NER_NTAGS + 1][NER_NTAGS];
  for (int e = 0; e < epochs; e++) {
    for (size_t i = m; i > 1; i--) {
      size_t j = rng() % i, x = order[i - 1];
      order[i - 1] = order[j];
      order[j] = x;
    }
    for (size_t k = 0; k < m; k++) {
      tdoc *t = &docs[order[k]];
      for (size_t s = 0; s < t->d.nsent; s++) train_sentence(p, t, t->d.sent[s].first_tok, t->d.sent[s].end_tok);
    }
    if (dev) {
      pc_average(p, avg, trans);
      fprintf(stderr, "%s epoch %d: dev token-span F1 %.4f\n", label, e + 1, tag_docs(avg, trans, dev, ndev, 0));
    }
  }
  free(avg);
  free(order);
}

/* ---- quantization and output ------------------------------------------ */

static int cmp_float(const void *a, const void *b) {
  float x = *(const float *)a, y = *(const float *)b;
  return x < y ? -1 : x > y;
}

/* Linear 8-bit codes (weight = code * scale): the decoder sums them as
** integers. The scale clips the rare largest weights (quantile q of the
** non-zero magnitudes) so that the common ones keep more resolution. */
static float quantize(const float *w, size_t n, int8_t *codes, double q) {
  size_t nz = 0;
  for (size_t i = 0; i < n; i++) nz += w[i] != 0;
  float *mag = malloc((nz ? nz : 1) * sizeof *mag);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (w[i] != 0) mag[k++] = fabsf(w[i]);
  float top = 1;
  if (nz) {
    qsort(mag, nz, sizeof *mag, cmp_float);
    size_t at = (size_t)(q * (double)(nz - 1));
    top = mag[at] > 0 ? mag[at] : 1;
  }
  free(mag);
  float scale = top / 127.0f;
  for (size_t i = 0; i < n; i++) {
    long c = lrintf(w[i] / scale);
    codes[i] = (int8_t)(c > 127 ? 127 : c < -127 ? -127 : c);
  }
  return scale;
}

/* Dev score of weights after quantization (for choosing the clipping quantile). */
static double quantized_f1(const float *w, size_t n, float trans[NER_NTAGS + 1][NER_NTAGS], tdoc *dv, size_t ndev, double q) {
  int8_t *codes = malloc(n);
  float *deq = malloc(n * sizeof *deq);
  float scale = quantize(w, n, codes, q);
  for (size_t i = 0; i < n; i++) deq[i] = codes[i] * scale;
  double f = tag_docs(deq, trans, dv, ndev, 0);
  free(codes);
  free(deq);
  return f;
}

/* No clipping: the largest weights (gazetteer and word features) decide
** many tokens; clipping the top 0.01 % cost 0.6 point of pass-1 F1 on a
** held-out fold, keeping them all 0.1. */
#define NER_CLIP_QUANTILE 1.0

/* The weights as the library will read them (quantized, then scaled back):
** pass 2 learns on the pass-1 scores the library computes, not on finer ones. */
static void as_quantized(float *w, size_t n) {
  int8_t *codes = malloc(n);
  float scale = quantize(w, n, codes, NER_CLIP_QUANTILE);
  for (size_t i = 0; i < n; i++) w[i] = codes[i] * scale;
  free(codes);
}

static void put32(FILE *f, uint32_t v) { fwrite(&v, 4, 1, f); }

int main(int argc, char **argv) {
  const char *train_path = NULL, *dev_path = NULL, *out_path = NULL, *unlabeled[8];
  int nunlabeled = 0, fine = 256, coarse = 32;
  int e1 = 8, e2 = 8, folds = 4;
  unsigned b1 = 18, b2 = 18;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-dev") && i + 1 < argc) dev_path = argv[++i];
    else if (!strcmp(argv[i], "-o") && i + 1 < argc) out_path = argv[++i];
    else if (!strcmp(argv[i], "-e1") && i + 1 < argc) e1 = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-e2") && i + 1 < argc) e2 = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-b1") && i + 1 < argc) b1 = (unsigned)atoi(argv[++i]);
    else if (!strcmp(argv[i], "-b2") && i + 1 < argc) b2 = (unsigned)atoi(argv[++i]);
    else if (!strcmp(argv[i], "-k") && i + 1 < argc) folds = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-unlabeled") && i + 1 < argc && nunlabeled < 8) unlabeled[nunlabeled++] = argv[++i];
    else if (!strcmp(argv[i], "-clusters") && i + 2 < argc) fine = atoi(argv[++i]), coarse = atoi(argv[++i]);
    else train_path = argv[i];
  }
  if (!train_path || !out_path) {
    fprintf(stderr, "usage: ner_train TRAIN.jsonl [-dev DEV.jsonl] [-unlabeled TEXTS.jsonl]... -o MODEL.bin\n"
                    "       [-e1 N] [-e2 N] [-b1 BITS] [-b2 BITS] [-k FOLDS] [-clusters FINE COARSE]\n");
    return 2;
  }
  clock_t t0 = clock();
  size_t ntrain = 0, ndev = 0;
  ner_gold_doc *gtrain = NULL, *gdev = NULL;
  if (ner_read_gold(train_path, &gtrain, &ntrain) || !ntrain) { fprintf(stderr, "cannot read %s\n", train_path); return 1; }
  if (dev_path && ner_read_gold(dev_path, &gdev, &ndev)) { fprintf(stderr, "cannot read %s\n", dev_path); return 1; }
  count_votes(gtrain, ntrain);

  /* word clusters from the texts of the training documents and of the unlabeled files */
  nw_buf cwords = {0};
  uint32_t *cids = NULL;
  size_t ncw = 0;
  {
    size_t nt = ntrain, cap = 0;
    const char **texts = NULL;
    size_t *lens = NULL;
    ner_gold_doc *extra[8] = {0};
    size_t nextra[8] = {0};
    for (int u = 0; u < nunlabeled; u++)
      if (ner_read_gold(unlabeled[u], &extra[u], &nextra[u])) { fprintf(stderr, "cannot read %s\n", unlabeled[u]); return 1; }
    for (int u = 0; u < nunlabeled; u++) nt += nextra[u];
    nw_grow((void **)&texts, &cap, nt, sizeof *texts);
    lens = malloc(nt * sizeof *lens);
    size_t k = 0;
    for (size_t i = 0; i < ntrain; i++) texts[k] = gtrain[i].text, lens[k++] = gtrain[i].len;
    for (int u = 0; u < nunlabeled; u++)
      for (size_t i = 0; i < nextra[u]; i++) texts[k] = extra[u][i].text, lens[k++] = extra[u][i].len;
    if (fine > 0) ner_build_clusters(texts, lens, nt, (size_t)fine, (size_t)coarse, &cwords, &cids, &ncw);
    for (int u = 0; u < nunlabeled; u++) ner_gold_free(extra[u], nextra[u]);
    free(texts);
    free(lens);
    ner_clusters_build(&clusters, cwords.data, cwords.len, cids, ncw);
    fprintf(stderr, "%zu cluster words from %zu texts (%.0f s)\n", ncw, nt, (double)(clock() - t0) / CLOCKS_PER_SEC);
  }
  tdoc *tr = calloc(ntrain, sizeof *tr), *dv = calloc(ndev ? ndev : 1, sizeof *dv);
  for (int set = 0; set < 2; set++) {
    ner_gold_doc *g = set ? gdev : gtrain;
    tdoc *t = set ? dv : tr;
    size_t n = set ? ndev : ntrain;
    for (size_t i = 0; i < n; i++) {
      nw_tokenize(&t[i].d, g[i].text, g[i].len);
      size_t nt = t[i].d.ntok ? t[i].d.ntok : 1;
      t[i].gold = calloc(nt, 1);
      t[i].p1 = calloc(nt, 1);
      gold_tags(&g[i], &t[i]);
      doc_features(&t[i], 1, b1);
    }
  }
  fprintf(stderr, "read %zu train, %zu dev documents\n", ntrain, ndev);

  /* pass 1 on everything */
  perceptron p1;
  pc_init(&p1, b1);
  train(&p1, tr, ntrain, NULL, e1, ndev ? dv : NULL, ndev, "pass1");
  float *w1 = malloc(p1.n * sizeof *w1), t1[NER_NTAGS + 1][NER_NTAGS];
  pc_average(&p1, w1, t1);
  as_quantized(w1, p1.n);
  pc_free(&p1);
  /* pass-1 tags of the dev documents from the full model, of the training
  ** documents from models that did not see them */
  if (ndev) tag_docs(w1, t1, dv, ndev, 1);
  int *use = malloc(ntrain * sizeof *use);
  for (int k = 0; k < folds; k++) {
    for (size_t i = 0; i < ntrain; i++) use[i] = (int)(i % (size_t)folds) != k;
    perceptron pk;
    pc_init(&pk, b1);
    train(&pk, tr, ntrain, use, e1, NULL, 0, "fold");
    float *wk = malloc(pk.n * sizeof *wk), tk[NER_NTAGS + 1][NER_NTAGS];
    pc_average(&pk, wk, tk);
    as_quantized(wk, pk.n);
    pc_free(&pk);
    for (size_t i = 0; i < ntrain; i++)
      if (!use[i]) tag_docs(wk, tk, &tr[i], 1, 1);
    free(wk);
    fprintf(stderr, "fold %d done\n", k + 1);
  }
  free(use);

  /* pass 2 with document hints */
  for (size_t i = 0; i < ntrain; i++) doc_features(&tr[i], 2, b2), tr[i].base = tr[i].p1em;
  for (size_t i = 0; i < ndev; i++) doc_features(&dv[i], 2, b2), dv[i].base = dv[i].p1em;
  perceptron p2;
  pc_init(&p2, b2);
  train(&p2, tr, ntrain, NULL, e2, ndev ? dv : NULL, ndev, "pass2");
  size_t p2n = p2.n;
  float *w2 = malloc(p2.n * sizeof *w2), t2[NER_NTAGS + 1][NER_NTAGS];
  pc_average(&p2, w2, t2);
  pc_free(&p2);

  if (ndev)
    for (int qi = 0; qi < 4; qi++) {
      static const double qs[] = {1.0, 0.9999, 0.999, 0.99};
      fprintf(stderr, "pass2 quantized (clip at quantile %.4f): dev F1 %.4f\n", qs[qi],
              quantized_f1(w2, p2n, t2, dv, ndev, qs[qi]));
    }
  FILE *f = fopen(out_path, "wb");
  if (!f) { fprintf(stderr, "cannot write %s\n", out_path); return 1; }
  fwrite("NWNER02", 8, 1, f);
  put32(f, b1);
  put32(f, b2);
  put32(f, (uint32_t)ncw);
  put32(f, (uint32_t)cwords.len);
  for (int p = 0; p < 2; p++) {
    const float *w = p ? w2 : w1;
    size_t n = ((size_t)1 << (p ? b2 : b1)) * NER_NTAGS;
    int8_t *codes = calloc(n + NER_ROW_PAD, 1);
    float scale = quantize(w, n, codes, NER_CLIP_QUANTILE);
    fwrite(&scale, sizeof scale, 1, f);
    fwrite(p ? t2 : t1, sizeof t1, 1, f);
    fwrite(codes, 1, n + NER_ROW_PAD, f);
    free(codes);
  }
  fwrite(cids, sizeof *cids, ncw, f);
  fwrite(cwords.data, 1, cwords.len, f);
  /* the data the features came from: news_debug() and make test tell a stale model */
  char stamp[NW_STAMP_LEN + 1];
  ner_data_stamp(stamp);
  fwrite(NER_STAMP_MAGIC, 8, 1, f);
  fwrite(stamp, 1, NW_STAMP_LEN, f);
  fclose(f);
  fprintf(stderr, "wrote %s in %.0f s\n", out_path, (double)(clock() - t0) / CLOCKS_PER_SEC);

  for (int set = 0; set < 2; set++) {
    tdoc *t = set ? dv : tr;
    size_t n = set ? ndev : ntrain;
    for (size_t i = 0; i < n; i++) {
      nw_doc_free(&t[i].d);
      free(t[i].gold);
      free(t[i].p1);
      free(t[i].rows);
      free(t[i].count);
      free(t[i].p1em);
    }
  }
  free(tr);
  free(dv);
  free(w1);
  free(w2);
  free(em_buf);
  free(back_buf);
  free(pred_buf);
  ner_feats_free(&scratch);
  nw_strmap_free(&type_votes);
  ner_clusters_free(&clusters);
  nw_buf_free(&cwords);
  free(cids);
  ner_gold_free(gtrain, ntrain);
  if (gdev) ner_gold_free(gdev, ndev);
  return 0;
}
