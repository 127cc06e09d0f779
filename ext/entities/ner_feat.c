/* Feature extraction for the entity tagger: each token's word, case, shape,
** affixes, neighbours, gazetteer hits, word cluster and document hints are
** hashed into rows of the weight table (feature hashing, no dictionary). */
#include "ner_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define FNV_OFF 1469598103934665603ull
#define FNV_MUL 1099511628211ull

static inline uint64_t fnv_byte(uint64_t h, unsigned char c) { return (h ^ c) * FNV_MUL; }

static inline uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

/* Shape class of one code point: X upper, x lower, d digit, other as itself. */
static unsigned char shape_char(int32_t c) {
  if (c < 128) {
    if (c >= 'A' && c <= 'Z') return 'X';
    if (c >= 'a' && c <= 'z') return 'x';
    if (c >= '0' && c <= '9') return 'd';
    return (unsigned char)c;
  }
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return 'X';
    case UTF8PROC_CATEGORY_LL: return 'x';
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return 'L';
    case UTF8PROC_CATEGORY_ND: return 'd';
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: return 'm';
    default: return '*';
  }
}

/* ASCII stand-in for typographic punctuation, so that text with curly quotes
** and dashes looks like the (ASCII) training text: ’ -> ', “ -> ", — -> --. */
static const char *ascii_standin(int32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB: case 0x2033: return "\"";
    case 0x2014: case 0x2015: return "--";
    case 0x2010: case 0x2011: case 0x2013: case 0x2212: return "-";
    case 0x2026: return "...";
    default: return NULL;
  }
}

static uint64_t fnv(const char *s, size_t n) {
  uint64_t h = FNV_OFF;
  for (size_t i = 0; i < n; i++) h = fnv_byte(h, (unsigned char)s[i]);
  return h;
}

size_t ner_norm_word(const char *w, size_t n, char *norm, size_t *cut) {
  size_t nn = 0;
  *cut = 0;
  for (size_t k = 0; k < n;) {
    size_t k0 = k;
    int32_t cp = (unsigned char)w[k] < 0x80 ? (unsigned char)w[k++] : nw_utf8_next(w, n, &k);
    const char *rep = cp >= 0x80 ? ascii_standin(cp) : NULL;
    size_t sl = rep ? strlen(rep) : k - k0;
    if (nn + sl > NER_WORD_MAX) {
      *cut = n;
      break;
    }
    memcpy(norm + nn, rep ? rep : w + k0, sl);
    nn += sl;
  }
  return nn;
}

size_t ner_cluster_key(const char *w, size_t n, char *key) {
  size_t cut, nn = ner_norm_word(w, n, key, &cut);
  if (cut) return 0;
  for (size_t k = 0; k < nn; k++)
    if (key[k] >= 'A' && key[k] <= 'Z') key[k] = (char)(key[k] + 32);
  return nn;
}

/* The forms of token i all features start from: its normalized text, its
** length when that was cut, and its shape hashes (long and short). */
typedef struct word_forms {
  char norm[NER_WORD_MAX];
  size_t nn, cut;
  uint64_t shape, sshape;
} word_forms;

static void forms_of(const nw_doc *d, size_t i, word_forms *wf) {
  const nw_token *t = &d->tok[i];
  const char *w = d->text + t->start;
  size_t n = nw_tok_len(t);
  wf->nn = ner_norm_word(w, n, wf->norm, &wf->cut);
  uint64_t hs = FNV_OFF, hss = FNV_OFF;
  unsigned char last = 0;
  int run = 0;
  for (size_t k = 0; k < n;) {
    int32_t cp = (unsigned char)w[k] < 0x80 ? (unsigned char)w[k++] : nw_utf8_next(w, n, &k);
    const char *rep = cp >= 0x80 ? ascii_standin(cp) : NULL;
    unsigned char sc = rep ? (unsigned char)rep[0] : shape_char(cp);
    if (sc == last) run++;
    else run = 1;
    if (run <= 4) hs = fnv_byte(hs, sc);
    if (run == 1) hss = fnv_byte(hss, sc);
    last = sc;
  }
  wf->shape = hs;
  wf->sshape = hss;
}

/* What neighbours' features read of a token, computed once per document. */
static void token_info(const nw_doc *d, size_t i, ner_tokinfo *ti, const ner_clusters *cl) {
  word_forms wf;
  forms_of(d, i, &wf);
  char low[NER_WORD_MAX]; /* lower case; then digits as 0 */
  for (size_t k = 0; k < wf.nn; k++) {
    unsigned char b = (unsigned char)wf.norm[k];
    low[k] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
  }
  ti->cluster_id = cl && !wf.cut ? ner_clusters_get(cl, low, wf.nn) : 0;
  for (size_t k = 0; k < wf.nn; k++)
    if (low[k] >= '0' && low[k] <= '9') low[k] = '0';
  ti->lower = fnv(low, wf.nn) ^ wf.cut;
  ti->sshape = wf.sshape;
  ti->flags = d->tok[i].flags & 0x0FFF;
  ti->doc_type[0] = ti->doc_type[1] = 0;
  ti->p1tag = 0;
}

/* What only the token's own features read: exact word, long shape, affixes. */
typedef struct self_info {
  uint64_t word, shape, pre[4], suf[4];
} self_info;

static void self_of(const nw_doc *d, size_t i, self_info *si) {
  word_forms wf;
  forms_of(d, i, &wf);
  si->word = fnv(wf.norm, wf.nn) ^ wf.cut;
  si->shape = wf.shape;
  /* affixes over bytes: cheap, and the bytes of one character only ever
  ** combine into the same features */
  for (int k = 0; k < 4; k++) {
    size_t m = (size_t)k + 1;
    if (m > wf.nn) m = wf.nn;
    si->pre[k] = fnv(wf.norm, m) + (uint64_t)k;
    si->suf[k] = fnv(wf.norm + wf.nn - m, m) + (uint64_t)k * 7;
  }
}

/* A sentence written in capitals (Reuters-style headline): no word has lower case letters. */
static int is_headline(const nw_doc *d, size_t a, size_t b) {
  int upper_words = 0;
  for (size_t i = a; i < b; i++) {
    const nw_token *t = &d->tok[i];
    if (t->cls != NW_TOK_WORD) continue;
    if (t->flags & NW_TF_ALL_UPPER) upper_words++;
    else if (t->flags & (NW_TF_LOWER_INITIAL | NW_TF_UPPER_INITIAL)) return 0;
  }
  return upper_words >= 2;
}

static int grow_feats(ner_feats *f, size_t ntok) {
  if (ntok <= f->cap) return 0;
  size_t cap = f->cap ? f->cap : 256;
  while (cap < ntok) cap *= 2;
  ner_tokinfo *info = realloc(f->info, cap * sizeof *info);
  if (!info) return -1;
  f->info = info;
  ner_gaz_hit *gaz = realloc(f->gaz, cap * sizeof *gaz);
  if (!gaz) return -1;
  f->gaz = gaz;
  f->cap = cap;
  return 0;
}

/* The per-document word table (lower-case word -> counts), sized to the
** distinct words seen, not to the text. */
static size_t wslot(const ner_feats *f, uint64_t key) {
  size_t mask = f->wcap - 1;
  size_t s = (size_t)mix64(key) & mask;
  while (f->wkeys[s] && f->wkeys[s] != key) s = (s + 1) & mask;
  return s;
}

static int wtab_reset(ner_feats *f) {
  if (!f->wkeys) {
    f->wcap = 1024;
    f->wkeys = calloc(f->wcap, sizeof *f->wkeys);
    f->wcounts = calloc(f->wcap * NER_HCOUNTS, sizeof *f->wcounts);
    if (!f->wkeys || !f->wcounts) {
      /* both or neither: a table left half made would be cleared through NULL next call */
      free(f->wkeys);
      free(f->wcounts);
      f->wkeys = NULL;
      f->wcounts = NULL;
      return -1;
    }
  } else {
    memset(f->wkeys, 0, f->wcap * sizeof *f->wkeys);
    memset(f->wcounts, 0, f->wcap * NER_HCOUNTS * sizeof *f->wcounts);
  }
  f->wn = 0;
  return 0;
}

/* Counters of key, inserted when new; NULL when out of memory. */
static uint16_t *wtab_add(ner_feats *f, uint64_t key) {
  if ((f->wn + 1) * 2 > f->wcap) {
    ner_feats big = {.wcap = f->wcap * 2};
    big.wkeys = calloc(big.wcap, sizeof *big.wkeys);
    big.wcounts = calloc(big.wcap * NER_HCOUNTS, sizeof *big.wcounts);
    if (!big.wkeys || !big.wcounts) {
      free(big.wkeys);
      free(big.wcounts);
      return NULL;
    }
    for (size_t s = 0; s < f->wcap; s++)
      if (f->wkeys[s]) {
        size_t t = wslot(&big, f->wkeys[s]);
        big.wkeys[t] = f->wkeys[s];
        memcpy(&big.wcounts[t * NER_HCOUNTS], &f->wcounts[s * NER_HCOUNTS], NER_HCOUNTS * sizeof *f->wcounts);
      }
    free(f->wkeys);
    free(f->wcounts);
    f->wkeys = big.wkeys;
    f->wcounts = big.wcounts;
    f->wcap = big.wcap;
  }
  size_t s = wslot(f, key);
  if (!f->wkeys[s]) f->wkeys[s] = key, f->wn++;
  return &f->wcounts[s * NER_HCOUNTS];
}

static const uint16_t *wtab_get(const ner_feats *f, uint64_t key) {
  size_t s = wslot(f, key);
  return f->wkeys[s] ? &f->wcounts[s * NER_HCOUNTS] : NULL;
}

static uint64_t word_key(const ner_tokinfo *ti) { return ti->lower | 1; }

int ner_feats_prepare(ner_feats *f, const nw_doc *d, const ner_clusters *cl) {
  if (grow_feats(f, d->ntok ? d->ntok : 1)) return -1;
  for (size_t i = 0; i < d->ntok; i++) token_info(d, i, &f->info[i], cl);
  for (size_t s = 0; s < d->nsent; s++) {
    size_t a = d->sent[s].first_tok, b = d->sent[s].end_tok;
    if (is_headline(d, a, b))
      for (size_t i = a; i < b; i++) f->info[i].flags |= NER_TI_HEADLINE;
  }
  for (size_t i = 1; i < d->ntok; i++)
    if (d->tok[i - 1].cls == NW_TOK_QUOTE) f->info[i].flags |= NER_TI_AFTER_QUOTE;
  /* words also written in lower case elsewhere are likely common words */
  if (wtab_reset(f)) return -1;
  for (size_t i = 0; i < d->ntok; i++)
    if (d->tok[i].cls == NW_TOK_WORD && (d->tok[i].flags & NW_TF_LOWER_INITIAL) && !wtab_add(f, word_key(&f->info[i])))
      return -1;
  for (size_t i = 0; i < d->ntok; i++)
    if (d->tok[i].cls == NW_TOK_WORD && !(d->tok[i].flags & NW_TF_LOWER_INITIAL) && wtab_get(f, word_key(&f->info[i])))
      f->info[i].flags |= NER_TI_LOWER_SEEN;
  return ner_gaz_tag(d, f->gaz);
}

/* Document hints: how the first pass tagged the same (capitalized) word elsewhere. */
int ner_doc_hints(ner_feats *f, const nw_doc *d, const uint8_t *tags) {
  if (wtab_reset(f)) return -1;
  for (size_t i = 0; i < d->ntok; i++) {
    const nw_token *t = &d->tok[i];
    if (t->cls != NW_TOK_WORD || !(t->flags & NW_TF_UPPER_INITIAL)) continue;
    uint16_t *c = wtab_add(f, word_key(&f->info[i]));
    if (!c) return -1;
    int ty = ner_tag_type(tags[i]);
    if (c[ty] < 0xFFFF) c[ty]++;
  }
  for (size_t i = 0; i < d->ntok; i++) {
    ner_tokinfo *ti = &f->info[i];
    ti->p1tag = tags[i];
    ti->doc_type[0] = ti->doc_type[1] = 0;
    if (d->tok[i].cls != NW_TOK_WORD) continue;
    const uint16_t *found = wtab_get(f, word_key(ti));
    if (!found) continue;
    uint16_t c[NER_HCOUNTS];
    memcpy(c, found, sizeof c);
    if (d->tok[i].flags & NW_TF_UPPER_INITIAL) c[ner_tag_type(tags[i])]--; /* not its own vote */
    int best = 1, ent = 0, total = c[0];
    for (int ty = 1; ty < NER_HCOUNTS; ty++) {
      ent += c[ty];
      total += c[ty];
      if (c[ty] > c[best]) best = ty;
    }
    if (!total) continue;
    ti->doc_type[0] = (uint8_t)(ent ? best : 5);
    ti->doc_type[1] = (uint8_t)(ent == 0 ? 0 : ent == total ? 3 : 2 * ent > total ? 2 : 1);
  }
  return 0;
}

/* Feature templates (the numbers are part of the model: append, never renumber). */
enum {
  F_BIAS = 1, F_WORD, F_LOWER, F_SHAPE, F_SSHAPE, F_PRE, F_SUF = F_PRE + 4, F_LOWER_AT = F_SUF + 4,
  F_SSHAPE_AT = F_LOWER_AT + 5, F_BIGRAM_L = F_SSHAPE_AT + 5, F_BIGRAM_R, F_SHAPE3, F_START_SSHAPE,
  F_START_LOWER, F_CLUSTER_AT, F_GAZ = F_CLUSTER_AT + 5, F_GAZ_PREV, F_GAZ_NEXT, F_HEADLINE_LOWER,
  F_HEADLINE_SHAPE, F_LOWER_SEEN, F_AFTER_QUOTE, F_DOC, F_DOC_SHAPE, F_DOC_START, F_P1_AT,
  F_P1_TRIGRAM = F_P1_AT + 5, F_WORD_NEXT_SSHAPE, F_PREV_SSHAPE_WORD, F_P1_LOWER, F_COARSE_AT,
  F_CLUSTER_SHAPE = F_COARSE_AT + 5, F_CLUSTER_BIGRAM, F_P1_SHAPE, F_DOC_P1, F_DOC_PREV, F_DOC_NEXT,
};

#define BOUND_L 0x9e3779b97f4a7c15ull /* value of a position before the sentence */
#define BOUND_R 0x7f4a7c159e3779b9ull

#define NER_OWN_FEATS 13 /* the token's own rows, first in pass 1: bias, word, case, shapes, affixes */

/* pos counts the features as if none were left out (rows cached as word
** sums), so that NER_MAXF cuts off the same ones either way. */
typedef struct fsink {
  uint32_t *rows;
  unsigned n, pos;
  uint32_t mask;
} fsink;

static inline void add(fsink *s, unsigned tmpl, uint64_t v) {
  if (s->pos >= NER_MAXF) return;
  s->pos++;
  s->rows[s->n++] = (uint32_t)(mix64(v * 0x100000001b3ull + tmpl * 0x9e3779b97f4a7c15ull) & s->mask);
}

/* add, or only count it when left out (its weights are in a word sum). */
static inline void add_or_skip(fsink *s, int skip, unsigned tmpl, uint64_t v) {
  if (!skip) add(s, tmpl, v);
  else if (s->pos < NER_MAXF) s->pos++;
}

static void gaz_features(fsink *s, unsigned tmpl, const ner_gaz_hit *g, int with_kind) {
  if (!(g->single | g->begin | g->inside)) return;
  for (int c = 0; c < GAZ_NCAT; c++) {
    unsigned bit = 1u << c;
    int kind = (g->single & bit) ? 1 : (g->begin & bit) ? 2 : (g->inside & bit) ? 3 : 0;
    if (!kind) continue;
    add(s, tmpl, (uint64_t)(c * 4 + (with_kind ? kind : 0)));
  }
}

/* The NER_OWN_FEATS rows read from token i's text alone. */
static void own_features(fsink *s, const nw_doc *d, size_t i, const ner_tokinfo *ti) {
  self_info self;
  self_of(d, i, &self);
  add(s, F_BIAS, 0);
  add(s, F_WORD, self.word);
  add(s, F_LOWER, ti->lower);
  add(s, F_SHAPE, self.shape);
  add(s, F_SSHAPE, ti->sshape);
  for (int k = 0; k < 4; k++) {
    add(s, F_PRE + (unsigned)k, self.pre[k]);
    add(s, F_SUF + (unsigned)k, self.suf[k]);
  }
}

static void token_features(ner_feats *f, const nw_doc *d, size_t i, size_t a, size_t b, int pass, uint32_t mask,
                           int word_sums, uint32_t *rows, uint8_t *count) {
  fsink s = {.rows = rows, .mask = mask};
  const ner_tokinfo *ti = &f->info[i];
  uint64_t lw[5], ss[5], cl[5];
  uint8_t p1[5];
  int cached[5]; /* the feature reads a word in the sentence whose sums the caller has */
  for (int k = -2; k <= 2; k++) {
    size_t j = i + (size_t)(ptrdiff_t)k;
    int in = (k < 0 && i >= a + (size_t)-k) || (k >= 0 && i + (size_t)k < b);
    cached[k + 2] = word_sums && in;
    if (in) {
      lw[k + 2] = f->info[j].lower;
      ss[k + 2] = f->info[j].sshape;
      cl[k + 2] = f->info[j].cluster_id;
      p1[k + 2] = f->info[j].p1tag;
    } else {
      lw[k + 2] = ss[k + 2] = k < 0 ? BOUND_L : BOUND_R;
      cl[k + 2] = 0xFFFFFFFFu;
      p1[k + 2] = k < 0 ? 10 : 11;
    }
  }
  int start = (ti->flags & NW_TF_SENT_START) || i == a;
  if (pass == 2) { /* the second pass adds to the first one's scores: document hints only */
    uint64_t dt = (uint64_t)ti->doc_type[0] * 8 + ti->doc_type[1];
    add(&s, F_BIAS, 1);
    add(&s, F_DOC, dt);
    add(&s, F_DOC_SHAPE, dt * 0x100000001b3ull + ti->sshape);
    add(&s, F_DOC_START, dt * 2 + (uint64_t)start + ((ti->flags & NER_TI_HEADLINE) ? 4096 : 0));
    for (int k = 0; k < 5; k++) add(&s, F_P1_AT + (unsigned)k, p1[k]);
    add(&s, F_P1_TRIGRAM, ((uint64_t)p1[1] * 16 + p1[2]) * 16 + p1[3]);
    add(&s, F_P1_LOWER, ti->lower * 16 + p1[2]);
    add(&s, F_P1_SHAPE, ti->sshape * 16 + p1[2]);
    add(&s, F_DOC_P1, dt * 16 + p1[2]);
    if (i > a) add(&s, F_DOC_PREV, (uint64_t)f->info[i - 1].doc_type[0] * 8 + f->info[i - 1].doc_type[1]);
    if (i + 1 < b) add(&s, F_DOC_NEXT, (uint64_t)f->info[i + 1].doc_type[0] * 8 + f->info[i + 1].doc_type[1]);
    *count = (uint8_t)s.n;
    return;
  }
  if (word_sums) s.pos = NER_OWN_FEATS; /* the caller has their sum */
  else own_features(&s, d, i, ti);
  for (int k = 0; k < 5; k++) {
    if (k == 2) continue;
    add_or_skip(&s, cached[k], F_LOWER_AT + (unsigned)k, lw[k]);
    add_or_skip(&s, cached[k], F_SSHAPE_AT + (unsigned)k, ss[k]);
  }
  add(&s, F_BIGRAM_L, lw[1] * 31 + lw[2]);
  add(&s, F_BIGRAM_R, lw[2] * 31 + lw[3]);
  add(&s, F_SHAPE3, (ss[1] * 31 + ss[2]) * 31 + ss[3]);
  add(&s, F_WORD_NEXT_SSHAPE, lw[2] * 31 + ss[3]);
  add(&s, F_PREV_SSHAPE_WORD, ss[1] * 31 + lw[2]);
  if (start) {
    add(&s, F_START_SSHAPE, ti->sshape);
    add(&s, F_START_LOWER, ti->lower);
  }
  for (int k = 0; k < 5; k++) {
    uint64_t fine = cl[k] & 0xFFFF, coarse = cl[k] >> 16;
    if (!cl[k]) continue;
    if (k >= 1 && k <= 3) add_or_skip(&s, cached[k], F_CLUSTER_AT + (unsigned)k, fine);
    add_or_skip(&s, cached[k], F_COARSE_AT + (unsigned)k, coarse);
  }
  if (cl[2]) add_or_skip(&s, cached[2], F_CLUSTER_SHAPE, (cl[2] & 0xFFFF) * 0x100000001b3ull + ti->sshape);
  add(&s, F_CLUSTER_BIGRAM, (cl[1] & 0xFFFF) * 65537 + (cl[2] & 0xFFFF));
  gaz_features(&s, F_GAZ, &f->gaz[i], 1);
  if (i > a) gaz_features(&s, F_GAZ_PREV, &f->gaz[i - 1], 0);
  if (i + 1 < b) gaz_features(&s, F_GAZ_NEXT, &f->gaz[i + 1], 0);
  if (ti->flags & NER_TI_HEADLINE) {
    add(&s, F_HEADLINE_LOWER, ti->lower);
    add(&s, F_HEADLINE_SHAPE, ti->sshape);
  }
  if (ti->flags & NER_TI_LOWER_SEEN) add(&s, F_LOWER_SEEN, ti->sshape + (uint64_t)start);
  if (ti->flags & NER_TI_AFTER_QUOTE) add(&s, F_AFTER_QUOTE, ti->sshape);
  *count = (uint8_t)s.n;
}

/* The same features as token_features gives (pass 1), by the word they read. */
void ner_word_rows(const ner_feats *f, const nw_doc *d, size_t j, unsigned rows_log2,
                   uint32_t rows[5][NER_WORD_ROWS], unsigned count[5]) {
  uint32_t mask = (uint32_t)((1u << rows_log2) - 1);
  const ner_tokinfo *ti = &f->info[j];
  uint64_t fine = ti->cluster_id & 0xFFFF, coarse = ti->cluster_id >> 16;
  for (int k = 0; k < 5; k++) {
    fsink s = {.rows = rows[k], .mask = mask};
    if (k == 2) {
      own_features(&s, d, j, ti);
    } else {
      add(&s, F_LOWER_AT + (unsigned)k, ti->lower);
      add(&s, F_SSHAPE_AT + (unsigned)k, ti->sshape);
    }
    if (ti->cluster_id) {
      if (k >= 1 && k <= 3) add(&s, F_CLUSTER_AT + (unsigned)k, fine);
      add(&s, F_COARSE_AT + (unsigned)k, coarse);
      if (k == 2) add(&s, F_CLUSTER_SHAPE, fine * 0x100000001b3ull + ti->sshape);
    }
    count[k] = s.n;
  }
}

void ner_feats_compute(ner_feats *f, const nw_doc *d, int pass, unsigned rows_log2, size_t from, size_t to,
                       int word_sums, uint32_t *rows, uint8_t *count) {
  uint32_t mask = (uint32_t)((1u << rows_log2) - 1);
  for (size_t i = from; i < to; i++) {
    const nw_sentence *st = &d->sent[d->tok[i].sentence];
    token_features(f, d, i, st->first_tok, st->end_tok, pass, mask, word_sums,
                   rows + (i - from) * NER_MAXF, count + (i - from));
  }
}

void ner_feats_free(ner_feats *f) {
  free(f->info);
  free(f->gaz);
  free(f->wkeys);
  free(f->wcounts);
  memset(f, 0, sizeof *f);
}
