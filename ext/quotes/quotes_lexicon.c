/* Hash maps over the quotes tables (data/quotes/cues.tsv, words.tsv), built once per process. */
#include "quotes_lexicon.h"

#include <string.h>

#include "hash.h"
#include "news.h"
#include "once.h"

static nw_strmap word_map, cue_map;
static nw_once once = NW_ONCE_INIT;

/* Calls fn for each space-separated item of list. */
static int each_item(const char *list, int (*fn)(const char *, size_t, int32_t), int32_t v) {
  const char *p = list;
  while (*p) {
    while (*p == ' ') p++;
    const char *q = p;
    while (*q && *q != ' ') q++;
    if (q > p && fn(p, (size_t)(q - p), v)) return -1;
    p = q;
  }
  return 0;
}

static int put_word(const char *w, size_t n, int32_t cls) {
  int32_t old = nw_strmap_get(&word_map, w, n, 0);
  return nw_strmap_put(&word_map, w, n, old | cls);
}

static int put_cue(const char *w, size_t n, int32_t idx) { return nw_strmap_put(&cue_map, w, n, idx); }

static int build_or_fail(void) {
  if (nw_strmap_init(&word_map, 512, 1) || nw_strmap_init(&cue_map, 512, 1)) return -1;
  for (size_t i = 0; i < qx_words_count; i++)
    if (each_item(qx_words[i].words, put_word, (int32_t)qx_words[i].cls)) return -1;
  for (size_t i = 0; i < qx_cues_count; i++)
    if (each_item(qx_cues[i].forms, put_cue, (int32_t)i + 1)) return -1;
  return 0;
}

static void free_maps(void);
static int ok(void) { return nw_once_try_undo(&once, build_or_fail, free_maps); }

int qx_lexicon_ready(void) { return ok(); }

uint32_t qx_word_class(const char *w, size_t n) { return ok() ? (uint32_t)nw_strmap_get(&word_map, w, n, 0) : 0; }

int qx_cue_of(const char *w, size_t n) { return ok() ? nw_strmap_get(&cue_map, w, n, 0) : 0; }

uint64_t qx_cue_key(int cue) {
  if (cue <= 0 || (size_t)cue > qx_cues_count) return 0;
  const char *forms = qx_cues[cue - 1].forms;
  return nw_hash_lower(forms, strcspn(forms, " "));
}

int qx_cue_particle(int cue, const char *p, size_t n) {
  if (cue <= 0 || (size_t)cue > qx_cues_count) return 0;
  const char *s = qx_cues[cue - 1].particles;
  while (*s) {
    while (*s == ' ') s++;
    const char *e = s;
    while (*e && *e != ' ') e++;
    if ((size_t)(e - s) == n && nw_ascii_ncasecmp(s, p, n) == 0) return 1;
    s = e;
  }
  return 0;
}

size_t qx_cue_form_count(void) { return ok() ? cue_map.count : 0; }
size_t qx_word_entry_count(void) { return ok() ? word_map.count : 0; }

/* At unload, and after a failed build (before the next use builds again). */
__attribute__((destructor)) static void free_maps(void) {
  nw_strmap_free(&word_map);
  nw_strmap_free(&cue_map);
}
