#include "hash.h"

#include <stdlib.h>
#include <string.h>

uint64_t nw_hash(const void *p, size_t n) {
  const unsigned char *s = p;
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 1099511628211ull;
  return h;
}

static inline unsigned char ascii_lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

uint64_t nw_hash_lower(const void *p, size_t n) {
  const unsigned char *s = p;
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ ascii_lower(s[i])) * 1099511628211ull;
  return h;
}

static int key_eq(const nw_strmap *m, const nw_strmap_entry *e, const char *k, size_t n) {
  if (e->klen != n) return 0;
  if (!m->nocase) return memcmp(e->key, k, n) == 0;
  for (size_t i = 0; i < n; i++)
    if (ascii_lower((unsigned char)e->key[i]) != ascii_lower((unsigned char)k[i])) return 0;
  return 1;
}

int nw_strmap_init(nw_strmap *m, size_t expected, int nocase) {
  size_t cap = 16;
  while (cap < expected * 2 + 2) cap *= 2;
  m->slots = calloc(cap, sizeof *m->slots);
  if (!m->slots) return -1;
  m->cap = cap;
  m->count = 0;
  m->nocase = nocase;
  return 0;
}

static size_t find_slot(const nw_strmap *m, const char *k, size_t n) {
  uint64_t h = m->nocase ? nw_hash_lower(k, n) : nw_hash(k, n);
  size_t i = (size_t)h & (m->cap - 1);
  while (m->slots[i].key && !key_eq(m, &m->slots[i], k, n)) i = (i + 1) & (m->cap - 1);
  return i;
}

int nw_strmap_put(nw_strmap *m, const char *key, size_t klen, int32_t value) {
  if ((m->count + 1) * 2 > m->cap) {
    nw_strmap bigger;
    if (nw_strmap_init(&bigger, m->cap, m->nocase)) return -1;
    for (size_t i = 0; i < m->cap; i++)
      if (m->slots[i].key) bigger.slots[find_slot(&bigger, m->slots[i].key, m->slots[i].klen)] = m->slots[i];
    bigger.count = m->count;
    free(m->slots);
    *m = bigger;
  }
  size_t i = find_slot(m, key, klen);
  if (!m->slots[i].key) m->count++;
  m->slots[i].key = key;
  m->slots[i].klen = (uint32_t)klen;
  m->slots[i].value = value;
  return 0;
}

int32_t nw_strmap_get(const nw_strmap *m, const char *key, size_t klen, int32_t dflt) {
  if (!m->slots) return dflt;
  size_t i = find_slot(m, key, klen);
  return m->slots[i].key ? m->slots[i].value : dflt;
}

void nw_strmap_free(nw_strmap *m) {
  free(m->slots);
  m->slots = NULL;
  m->cap = m->count = 0;
}
