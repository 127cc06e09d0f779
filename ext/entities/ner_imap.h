/* A per-call hash map from 64-bit keys (hashes of words or phrases) to
** int32 values, sized for n entries; the entity post-processing uses it to
** stay linear in the number of mentions. */
#ifndef NW_NER_IMAP_H
#define NW_NER_IMAP_H
#include <stdlib.h>

#include "ner_internal.h"

/* uint64 key -> mention index, open addressing, per call. */
typedef struct imap {
  uint64_t *k;
  int32_t *v;
  size_t cap;
} imap;

static inline int imap_init(imap *m, size_t n) {
  m->cap = 16;
  while (m->cap < 2 * n + 2) m->cap *= 2;
  m->k = calloc(m->cap, sizeof *m->k);
  m->v = calloc(m->cap, sizeof *m->v);
  return m->k && m->v ? 0 : -1;
}

static inline void imap_free(imap *m) {
  free(m->k);
  free(m->v);
}

static inline size_t imap_slot(const imap *m, uint64_t key) {
  key |= 1;
  size_t s = (size_t)(key ^ (key >> 29)) & (m->cap - 1);
  while (m->k[s] && m->k[s] != key) s = (s + 1) & (m->cap - 1);
  return s;
}

static inline int32_t imap_get(const imap *m, uint64_t key) {
  size_t s = imap_slot(m, key);
  return m->k[s] ? m->v[s] : -1;
}

static inline void imap_put(imap *m, uint64_t key, int32_t v) {
  size_t s = imap_slot(m, key);
  m->k[s] = key | 1;
  m->v[s] = v;
}

/* Case-insensitive hash of token i's text. */
static inline uint64_t tok_key(const nw_doc *d, size_t i) {
  return nw_hash_lower(d->text + d->tok[i].start, nw_tok_len(&d->tok[i]));
}
#endif
