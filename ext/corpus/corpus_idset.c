/* A sparse bitmap of article ids (see corpus_scope.h). AUTOINCREMENT ids
** come in runs, so a page of 32768 bits usually holds many of them. */
#include <stdlib.h>
#include <string.h>

#include "corpus_scope.h"

#define PAGE_BITS 15
#define PAGE_WORDS ((1u << PAGE_BITS) / 64)

static size_t slot_of(const cp_idset *s, uint64_t key) {
  size_t i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (s->cap - 1);
  while (s->pages[i] && s->keys[i] != key) i = (i + 1) & (s->cap - 1);
  return i;
}

static int grow(cp_idset *s) {
  cp_idset bigger = {0};
  bigger.cap = s->cap ? s->cap * 2 : 16;
  bigger.keys = calloc(bigger.cap, sizeof *bigger.keys);
  bigger.pages = calloc(bigger.cap, sizeof *bigger.pages);
  if (!bigger.keys || !bigger.pages) {
    free(bigger.keys);
    free(bigger.pages);
    return -1;
  }
  for (size_t i = 0; i < s->cap; i++) {
    if (!s->pages[i]) continue;
    size_t j = slot_of(&bigger, s->keys[i]);
    bigger.keys[j] = s->keys[i];
    bigger.pages[j] = s->pages[i];
  }
  bigger.n = s->n;
  free(s->keys);
  free(s->pages);
  *s = bigger;
  return 0;
}

int cp_idset_add(cp_idset *s, int64_t id) {
  uint64_t u = (uint64_t)id, key = u >> PAGE_BITS;
  if ((s->n + 1) * 2 > s->cap && grow(s)) return -1;
  size_t i = slot_of(s, key);
  if (!s->pages[i]) {
    if (!(s->pages[i] = calloc(PAGE_WORDS, sizeof **s->pages))) return -1;
    s->keys[i] = key;
    s->n++;
  }
  uint32_t bit = (uint32_t)(u & ((1u << PAGE_BITS) - 1));
  s->pages[i][bit / 64] |= 1ull << (bit % 64);
  return 0;
}

int cp_idset_has(const cp_idset *s, int64_t id) {
  if (!s->cap) return 0;
  uint64_t u = (uint64_t)id;
  size_t i = slot_of(s, u >> PAGE_BITS);
  if (!s->pages[i]) return 0;
  uint32_t bit = (uint32_t)(u & ((1u << PAGE_BITS) - 1));
  return (s->pages[i][bit / 64] >> (bit % 64)) & 1;
}

void cp_idset_free(cp_idset *s) {
  for (size_t i = 0; i < s->cap; i++) free(s->pages[i]);
  free(s->keys);
  free(s->pages);
  memset(s, 0, sizeof *s);
}
