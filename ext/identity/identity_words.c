/* The identity word lists (the .tsv files of data/identity/) parsed into lookup maps, once
** per process. */
#include "identity_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct id_pool_block {
  id_pool_block *next;
  size_t used, cap;
  char data[];
};

const char *id_pool_add(id_pool *p, const char *s, size_t n) {
  id_pool_block *b = p->head;
  if (!b || b->cap - b->used < n + 1) {
    size_t cap = n + 1 > 65536 ? n + 1 : 65536;
    id_pool_block *nb = malloc(sizeof *nb + cap);
    if (!nb) return NULL;
    nb->next = b;
    nb->used = 0;
    nb->cap = cap;
    p->head = b = nb;
  }
  char *out = b->data + b->used;
  if (n) memcpy(out, s, n);
  out[n] = 0;
  b->used += n + 1;
  return out;
}

void id_pool_free(id_pool *p) {
  for (id_pool_block *b = p->head, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  p->head = NULL;
}

int id_fold_key(const char *s, size_t n, nw_buf *out) {
  nw_buf f = {0};
  if (nw_fold(s, n, &f)) {
    nw_buf_free(&f);
    return -1;
  }
  int space = 0, rc = 0;
  size_t start = out->len;
  for (size_t i = 0; i < f.len && !rc; i++) {
    char c = f.data[i];
    if (c == '.') continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = 1;
      continue;
    }
    if (space && out->len > start) rc = nw_buf_putc(out, ' ');
    space = 0;
    if (!rc) rc = nw_buf_putc(out, c);
  }
  nw_buf_free(&f);
  return rc;
}

static id_words words;
static int words_ok;
static size_t alias_cap, given_cap, alt_cap;
static pthread_once_t words_once = PTHREAD_ONCE_INIT;

/* Each data line split on TAB: fn(ctx, field index, field, length) per field
** of every line that is not blank or a comment. */
int id_each_field(int which, int (*fn)(void *ctx, int field, const char *s, size_t n), void *ctx) {
  size_t len;
  const char *d = nw_identity_data(which, &len);
  if (!d) return -1;
  for (size_t i = 0; i < len;) {
    size_t e = i;
    while (e < len && d[e] != '\n') e++;
    if (e > i && d[i] != '#') {
      int field = 0;
      for (size_t f = i; f <= e;) {
        size_t g = f;
        while (g < e && d[g] != '\t') g++;
        size_t fl = g - f;
        while (fl && (d[f + fl - 1] == '\r' || d[f + fl - 1] == ' ')) fl--;
        if (fl && fn(ctx, field, d + f, fl)) return -1;
        field++;
        f = g + 1;
      }
    }
    i = e + 1;
  }
  return 0;
}

/* The folded key of s stored in the pool (NULL when out of memory). */
static const char *pooled_key(const char *s, size_t n, size_t *klen) {
  nw_buf b = {0};
  const char *k = NULL;
  if (id_fold_key(s, n, &b) == 0) k = id_pool_add(&words.pool, b.data ? b.data : "", b.len);
  *klen = b.len;
  nw_buf_free(&b);
  return k;
}

static int add_alias(void *ctx, int field, const char *s, size_t n) {
  (void)ctx;
  if (field == 0) {
    size_t cap = alias_cap;
    if (nw_grow((void **)&words.alias_key, &alias_cap, words.nalias + 1, sizeof *words.alias_key) ||
        nw_grow((void **)&words.alias_form, &cap, words.nalias + 1, sizeof *words.alias_form))
      return -1;
    size_t kl;
    words.alias_key[words.nalias] = id_pool_add(&words.pool, s, n);
    words.alias_form[words.nalias] = pooled_key(s, n, &kl);
    if (!words.alias_key[words.nalias] || !words.alias_form[words.nalias]) return -1;
    words.nalias++;
  }
  size_t kl;
  const char *k = pooled_key(s, n, &kl);
  if (!k) return -1;
  /* "the X" is matched as X (a leading "the" is dropped from every name). */
  if (kl > 4 && memcmp(k, "the ", 4) == 0) k += 4, kl -= 4;
  return nw_strmap_put(&words.alias, k, kl, (int32_t)(words.nalias - 1));
}

static int add_name_word(void *ctx, int field, const char *s, size_t n) {
  int *cls = ctx;
  if (field == 0) {
    *cls = n == 5 && memcmp(s, "title", 5) == 0 ? 1 : n == 6 && memcmp(s, "suffix", 6) == 0 ? 2 : 0;
    return 0;
  }
  if (field != 1 || !*cls) return 0;
  size_t kl;
  const char *k = pooled_key(s, n, &kl);
  if (!k) return -1;
  if (*cls == 1) {
    int w = 1;
    for (size_t i = 0; i < kl; i++) w += k[i] == ' ';
    if (w > words.title_words) words.title_words = w;
  }
  return nw_strmap_put(*cls == 1 ? &words.title : &words.suffix, k, kl, 1);
}

static int add_nickname(void *ctx, int field, const char *s, size_t n) {
  (void)ctx;
  size_t kl;
  const char *k = pooled_key(s, n, &kl);
  if (!k) return -1;
  if (field == 0) {
    if (nw_grow((void **)&words.given, &given_cap, words.ngiven + 1, sizeof *words.given)) return -1;
    words.given[words.ngiven++] = k;
  }
  int32_t idx = (int32_t)(words.ngiven - 1);
  int32_t old = nw_strmap_get(&words.formal, k, kl, -2);
  if (field > 0) { /* every formal name of a short form, for rule 3 to try */
    if (nw_grow((void **)&words.alt, &alt_cap, words.nalt + 1, sizeof *words.alt)) return -1;
    words.alt[words.nalt] = (struct id_alt){idx, nw_strmap_get(&words.alts, k, kl, -1)};
    if (nw_strmap_put(&words.alts, k, kl, (int32_t)words.nalt++)) return -1;
  }
  /* A short form of two formal names ("Pat") has none here (rule 3 tries each of its alts). */
  return nw_strmap_put(&words.formal, k, kl, old == -2 || old == idx ? idx : -1);
}

static void load_words(void) {
  int cls = 0;
  if (nw_strmap_init(&words.alias, 512, 0) || nw_strmap_init(&words.title, 256, 0) ||
      nw_strmap_init(&words.suffix, 16, 0) || nw_strmap_init(&words.formal, 256, 0) || nw_strmap_init(&words.alts, 256, 0))
    return;
  if (id_each_field(NW_ID_DATA_ALIASES, add_alias, NULL) || id_each_field(NW_ID_DATA_NAME_WORDS, add_name_word, &cls) ||
      id_each_field(NW_ID_DATA_NICKNAMES, add_nickname, NULL))
    return;
  words_ok = 1;
}

const id_words *id_words_get(void) {
  pthread_once(&words_once, load_words);
  return words_ok ? &words : NULL;
}

__attribute__((destructor)) static void free_words(void) {
  nw_strmap_free(&words.alias);
  nw_strmap_free(&words.title);
  nw_strmap_free(&words.suffix);
  nw_strmap_free(&words.formal);
  nw_strmap_free(&words.alts);
  free(words.alt);
  free(words.alias_key);
  free(words.alias_form);
  free(words.given);
  id_pool_free(&words.pool);
}
