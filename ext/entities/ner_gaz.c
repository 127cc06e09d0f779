/* Gazetteer matching: phrases from data/ner/ (countries, demonyms, cities,
** regions, organisations, first names, titles, ...) looked up over tokens,
** longest match per category from each capitalized token. */
#include "hash.h"
#include "ner_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

static nw_strmap phrase_map; /* phrase -> category bit set */
static nw_strmap first_map;  /* first token of a phrase -> most tokens of a phrase starting so */
/* Built on first use under a lock, and built again on the next use when
** memory ran out (a failed build must not leave the tagger without its
** gazetteer until the library is unloaded). */
static pthread_mutex_t gaz_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_int gaz_ok;

static void build_gaz(void) {
  nw_doc d = {0};
  if (nw_strmap_init(&phrase_map, ner_gaz_data_count, 1) || nw_strmap_init(&first_map, ner_gaz_data_count, 1)) goto out;
  for (size_t i = 0; i < ner_gaz_data_count; i++) {
    const char *p = ner_gaz_data[i].phrase;
    size_t n = strlen(p);
    int32_t cats = nw_strmap_get(&phrase_map, p, n, 0) | (int32_t)(1u << ner_gaz_data[i].cat);
    if (nw_strmap_put(&phrase_map, p, n, cats)) goto out;
    if (nw_tokenize(&d, p, n) || d.ntok == 0) continue;
    int32_t ntok = d.ntok > GAZ_MAX_TOKENS ? GAZ_MAX_TOKENS : (int32_t)d.ntok;
    size_t fl = nw_tok_len(&d.tok[0]);
    if (nw_strmap_get(&first_map, p, fl, 0) < ntok && nw_strmap_put(&first_map, p, fl, ntok)) goto out;
  }
  atomic_store_explicit(&gaz_ok, 1, memory_order_release);
out:
  nw_doc_free(&d);
  if (!atomic_load_explicit(&gaz_ok, memory_order_relaxed)) {
    nw_strmap_free(&phrase_map);
    nw_strmap_free(&first_map);
  }
}

static int gaz_ready(void) {
  if (atomic_load_explicit(&gaz_ok, memory_order_acquire)) return 1;
  pthread_mutex_lock(&gaz_lock);
  if (!atomic_load_explicit(&gaz_ok, memory_order_relaxed)) build_gaz();
  pthread_mutex_unlock(&gaz_lock);
  return atomic_load_explicit(&gaz_ok, memory_order_acquire);
}

unsigned ner_gaz_lookup(const char *s, size_t n) {
  if (!gaz_ready()) return 0;
  return (unsigned)nw_strmap_get(&phrase_map, s, n, 0);
}

size_t ner_gaz_entries(void) { return gaz_ready() ? phrase_map.count : 0; }

int ner_is_title(const char *s, size_t n) { return (ner_gaz_lookup(s, n) >> GAZ_TITLE) & 1; }

int ner_is_common(const char *s, size_t n) { return (ner_gaz_lookup(s, n) >> GAZ_COMMON) & 1; }

int ner_is_honorific(const char *s, size_t n) { return (ner_gaz_lookup(s, n) >> GAZ_HONORIFIC) & 1; }

int ner_gaz_tag(const nw_doc *d, ner_gaz_hit *hits) {
  if (!gaz_ready()) return -1;
  memset(hits, 0, d->ntok * sizeof *hits);
  char key[160];
  for (size_t i = 0; i < d->ntok; i++) {
    const nw_token *t = &d->tok[i];
    if (t->cls != NW_TOK_WORD || !(t->flags & NW_TF_UPPER_INITIAL)) continue;
    int32_t maxtok = nw_strmap_get(&first_map, d->text + t->start, nw_tok_len(t), 0);
    if (!maxtok) continue;
    int longest[GAZ_NCAT] = {0};
    size_t kn = 0;
    for (size_t j = i; j < d->ntok && j < i + (size_t)maxtok; j++) {
      const nw_token *u = &d->tok[j];
      if (u->sentence != t->sentence) break;
      size_t ul = nw_tok_len(u);
      if (kn + ul + 1 > sizeof key) break;
      if (j > i && u->ws != NW_WS_NONE) key[kn++] = ' ';
      memcpy(key + kn, d->text + u->start, ul);
      kn += ul;
      unsigned cats = (unsigned)nw_strmap_get(&phrase_map, key, kn, 0);
      for (int c = 0; c < GAZ_NCAT; c++)
        if (cats & (1u << c)) longest[c] = (int)(j - i + 1);
    }
    for (int c = 0; c < GAZ_NCAT; c++) {
      uint16_t bit = (uint16_t)(1u << c);
      if (longest[c] == 1) hits[i].single |= bit;
      else if (longest[c] > 1) {
        hits[i].begin |= bit;
        for (int k = 1; k < longest[c]; k++) hits[i + (size_t)k].inside |= bit;
      }
    }
  }
  return 0;
}

__attribute__((destructor)) static void free_gaz(void) {
  nw_strmap_free(&phrase_map);
  nw_strmap_free(&first_map);
}

/* Category bits of the text of tokens [a, b) as written (spaces kept). */
static unsigned span_cats(const nw_doc *d, size_t a, size_t b) {
  if (a >= b) return 0;
  return ner_gaz_lookup(d->text + d->tok[a].start, d->tok[b - 1].end - d->tok[a].start);
}

#define PLACE_BITS ((1u << GAZ_COUNTRY) | (1u << GAZ_CITY) | (1u << GAZ_REGION))

int ner_gaz_type(const nw_doc *d, size_t a, size_t b) {
  unsigned c = span_cats(d, a, b);
  if (c & (1u << GAZ_NON_ENTITY)) return -1;
  int org = (c & (1u << GAZ_ORG)) != 0, place = (c & PLACE_BITS) != 0, adj = (c & (1u << GAZ_DEMONYM)) != 0;
  if (org + place + adj != 1) return 0;
  return org ? NW_ENT_ORG : place ? NW_ENT_LOC : NW_ENT_MISC;
}

size_t ner_gaz_pair_split(const nw_doc *d, size_t a, size_t b) {
  if (span_cats(d, a, b)) return b; /* listed as a whole: "Asia-Pacific" */
  for (size_t k = a + 1; k + 1 < b; k++) {
    const nw_token *t = &d->tok[k];
    if (t->cls != NW_TOK_PUNCT || nw_tok_len(t) != 1 || d->text[t->start] != '-') continue;
    if ((span_cats(d, a, k) & (PLACE_BITS | (1u << GAZ_DEMONYM))) && (span_cats(d, k + 1, b) & (PLACE_BITS | (1u << GAZ_DEMONYM))))
      return k;
    return b;
  }
  return b;
}
