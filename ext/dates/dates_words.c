/* Lookups in the date words and phrases (data/dates/words.tsv, phrases.tsv,
** compiled into dt_words and dt_phrases by tools/gendata.c): a word may have
** several senses (rows); a hash map built once per process finds a word's
** first row. Keys are lower case; a final period of an abbreviation is dropped
** before lookup. */
#include <stdlib.h>
#include <string.h>

#include "dates_internal.h"
#include "hash.h"
#include "once.h"

/* One map for both tables: a word's value is its first row in dt_words (low 16
** bits, NO_SENSE for none) and the kinds of phrase it starts (bits 16 up). */
#define NO_SENSE 0xFFFF
static nw_strmap word_map;
static int16_t *next_sense;
static size_t words_with_sense;
static nw_once words_once = NW_ONCE_INIT;

static int build_words_or_fail(void);
static void free_words(void);
int dt_words_ready(void) { return nw_once_try_undo(&words_once, build_words_or_fail, free_words); }

static int build_words_or_fail(void) {
  words_with_sense = 0;
  next_sense = malloc(dt_words_count * sizeof *next_sense);
  if (!next_sense || nw_strmap_init(&word_map, dt_words_count + dt_phrases_count, 1)) return -1;
  /* Walk backwards so the map ends at each word's first row; chain the rest. */
  for (size_t k = dt_words_count; k-- > 0;) {
    const char *w = dt_words[k].word;
    int32_t v = nw_strmap_get(&word_map, w, strlen(w), -1);
    next_sense[k] = (int16_t)(v < 0 ? -1 : v);
    if (v < 0) words_with_sense++;
    if (nw_strmap_put(&word_map, w, strlen(w), (int32_t)k)) return -1;
  }
  for (size_t k = 0; k < dt_phrases_count; k++) {
    const char *w = dt_phrases[k].words;
    size_t n = strcspn(w, " ");
    int32_t v = nw_strmap_get(&word_map, w, n, NO_SENSE);
    if (nw_strmap_put(&word_map, w, n, v | (int32_t)(1u << (16 + dt_phrases[k].kind)))) return -1;
  }
  return 0;
}

int dt_word_find(const char *w, size_t n, uint32_t *phrases) {
  *phrases = 0;
  if (!dt_words_ready()) return -1;
  int32_t v = nw_strmap_get(&word_map, w, n, -1);
  if (v < 0) return -1;
  *phrases = (uint32_t)v >> 16;
  return (v & 0xFFFF) == NO_SENSE ? -1 : (v & 0xFFFF);
}

int dt_word_next(int idx) { return next_sense[idx]; }

size_t dt_words_map_size(void) {
  return dt_words_ready() ? words_with_sense : 0;
}

/* At unload, and after a failed build (before the next use builds again). */
__attribute__((destructor)) static void free_words(void) {
  nw_strmap_free(&word_map);
  free(next_sense);
  next_sense = NULL;
}
