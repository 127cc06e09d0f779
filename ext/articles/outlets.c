/* Outlets named in a line: each text name of the outlet list is indexed once
** by its first word, so a line costs one lookup per word instead of a search
** for every name (footer sweeps call this on every short line of a file). */
#include "hash.h"
#include "once.h"
#include "news_articles.h"
#include "text_rules.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct alias_entry {
  const char *text; /* inside nw_outlets[].text_names, not NUL-terminated */
  size_t len;
  size_t outlet;
  int32_t next; /* the next alias with the same first word, or -1 */
} alias_entry;

static nw_once index_once = NW_ONCE_INIT;
static nw_strmap by_first_word;
static alias_entry *entries;

static int word_char(unsigned char c) { return isalnum(c) || c >= 0x80; }

static size_t word_end(const char *s, size_t i, size_t n) {
  while (i < n && word_char((unsigned char)s[i])) i++;
  return i;
}

int nw_outlet_next_name(const char **cursor, const char **name, size_t *len) {
  const char *p = *cursor;
  if (!*p) return 0;
  *name = p;
  *len = strcspn(p, "|");
  *cursor = p[*len] ? p + *len + 1 : p + *len;
  return 1;
}

static size_t count_names(const char *list) {
  const char *name;
  size_t len, k = 0;
  while (nw_outlet_next_name(&list, &name, &len)) k++;
  return k;
}

static int build_index_or_fail(void) {
  size_t count = 0;
  for (size_t i = 0; i < nw_outlet_count; i++) count += count_names(nw_outlets[i].text_names);
  entries = calloc(count ? count : 1, sizeof *entries);
  if (!entries || nw_strmap_init(&by_first_word, count, 0)) return -1;
  /* Filled from the last outlet up, so each chain runs in table order. */
  size_t k = count;
  for (size_t i = nw_outlet_count; i-- > 0;) {
    const char *list = nw_outlets[i].text_names, *name;
    size_t first = k - count_names(list), e = first, len;
    while (nw_outlet_next_name(&list, &name, &len)) entries[e++] = (alias_entry){name, len, i, -1};
    for (size_t j = k; j-- > first;) {
      size_t fw = word_end(entries[j].text, 0, entries[j].len);
      entries[j].next = nw_strmap_get(&by_first_word, entries[j].text, fw, -1);
      if (nw_strmap_put(&by_first_word, entries[j].text, fw, (int32_t)j)) return -1;
    }
    k = first;
  }
  return 0;
}

__attribute__((destructor)) static void free_index(void) {
  nw_strmap_free(&by_first_word);
  free(entries);
  entries = NULL;
}

/* The first outlet in table order with an alias in s[0..n) as whole words
** (case as written). */
const char *nw_outlet_named_in(const char *s, size_t n) {
  if (!nw_once_try_undo(&index_once, build_index_or_fail, free_index)) return NULL;
  size_t best = nw_outlet_count;
  for (size_t i = 0; i < n;) {
    if (!word_char((unsigned char)s[i])) {
      i++;
      continue;
    }
    size_t end = word_end(s, i, n);
    for (int32_t e = nw_strmap_get(&by_first_word, s + i, end - i, -1); e >= 0; e = entries[e].next) {
      const alias_entry *a = &entries[e];
      if (a->outlet >= best || a->len > n - i || memcmp(s + i, a->text, a->len)) continue;
      if (i + a->len == n || !word_char((unsigned char)s[i + a->len])) best = a->outlet;
    }
    if (best == 0) break;
    i = end;
  }
  return best < nw_outlet_count ? nw_outlets[best].name : NULL;
}

/* The words after the last ", " or " for " (a byline's credit). */
const char *nw_outlet_of_byline(const char *s, size_t n) {
  size_t cut = 0;
  for (size_t i = 0; i + 1 < n; i++) {
    if (s[i] == ',' && s[i + 1] == ' ') cut = i + 2;
    if (i + 5 <= n && memcmp(s + i, " for ", 5) == 0) cut = i + 5;
  }
  if (!cut) return NULL;
  const char *t = s + cut;
  size_t tl = n - cut;
  while (tl && (t[tl - 1] == '.' || t[tl - 1] == ' ')) tl--;
  for (size_t i = 0; i < nw_outlet_count; i++) {
    const char *list = nw_outlets[i].text_names, *name;
    size_t len;
    while (nw_outlet_next_name(&list, &name, &len))
      if (len == tl && memcmp(name, t, len) == 0) return nw_outlets[i].name;
  }
  return NULL;
}
