/* Growable arrays, byte buffers and UTF-8 decoding shared by every module. */
#include "news.h"

#include <stdlib.h>
#include <string.h>

int nw_grow(void **buf, size_t *cap, size_t need, size_t elsz) {
  if (need <= *cap) return 0;
  size_t n = *cap ? *cap : 16;
  while (n < need) {
    if (n > ((size_t)-1) / 2 / elsz) return -1;
    n *= 2;
  }
  void *p = realloc(*buf, n * elsz);
  if (!p) return -1;
  *buf = p;
  *cap = n;
  return 0;
}

int nw_buf_append(nw_buf *b, const char *s, size_t n) {
  /* +1 keeps room for a terminating NUL that callers may add. */
  if (b->len + n + 1 > b->cap && nw_grow((void **)&b->data, &b->cap, b->len + n + 1, 1)) return -1;
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
  return 0;
}

/* Called once per byte by some readers: the common case stays short. */
int nw_buf_putc(nw_buf *b, char c) {
  if (b->len + 2 > b->cap) return nw_buf_append(b, &c, 1);
  b->data[b->len++] = c;
  b->data[b->len] = 0;
  return 0;
}

void nw_buf_free(nw_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

int32_t nw_utf8_next(const char *str, size_t len, size_t *i) {
  const unsigned char *s = (const unsigned char *)str;
  size_t p = *i;
  unsigned c = s[p];
  if (c < 0x80) {
    *i = p + 1;
    return (int32_t)c;
  }
  int n;
  uint32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; min = 0x10000; }
  else { *i = p + 1; return 0xFFFD; }
  if (p + (size_t)n >= len) { *i = p + 1; return 0xFFFD; }
  for (int k = 1; k <= n; k++) {
    unsigned cc = s[p + k];
    if ((cc & 0xC0) != 0x80) { *i = p + 1; return 0xFFFD; }
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { *i = p + 1; return 0xFFFD; }
  *i = p + 1 + (size_t)n;
  return (int32_t)cp;
}

int32_t nw_utf8_decode(const char *s, size_t len, size_t *i, int *bad) {
  size_t from = *i;
  int32_t c = nw_utf8_next(s, len, i);
  *bad = c == 0xFFFD && !(*i - from == 3 && (unsigned char)s[from] == 0xEF);
  return c;
}

int nw_utf8_valid(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    /* ASCII eight bytes at a time */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    int bad;
    nw_utf8_decode(s, n, &i, &bad);
    if (bad) return 0;
  }
  return 1;
}

static int ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

int nw_ascii_ncasecmp(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    int x = ascii_lower((unsigned char)a[i]), y = ascii_lower((unsigned char)b[i]);
    if (x != y || !x) return x - y;
  }
  return 0;
}

int nw_ascii_casecmp(const char *a, const char *b) { return nw_ascii_ncasecmp(a, b, (size_t)-1); }
