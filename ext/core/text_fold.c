/* news_fold and news_clean's Unicode part: folding keys and NFC + white space. */
#include "news.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int put_cp(nw_buf *out, int32_t cp) {
  utf8proc_uint8_t tmp[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
  return nw_buf_append(out, (const char *)tmp, (size_t)n);
}

/* Apostrophes and quotation marks written many ways fold to one ASCII form. */
static int32_t unify_mark(int32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060: case 0x02BC:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
      return '-';
    default:
      return c;
  }
}

int nw_fold(const char *s, size_t n, nw_buf *out) {
  utf8proc_int32_t dec[32];
  size_t i = 0;
  const utf8proc_option_t opt = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;
  while (i < n) {
    int32_t c = unify_mark(nw_utf8_next(s, n, &i));
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(c, dec, 32, opt, &last);
    if (k < 0 || k > 32) {
      if (put_cp(out, c)) return -1;
      continue;
    }
    for (utf8proc_ssize_t j = 0; j < k; j++)
      if (put_cp(out, unify_mark(dec[j]))) return -1;
  }
  return 0;
}

/* Copy s to a valid UTF-8 buffer (invalid bytes become U+FFFD). */
static int sanitize(const char *s, size_t n, nw_buf *out) {
  size_t i = 0;
  while (i < n) {
    size_t from = i;
    int32_t c = nw_utf8_next(s, n, &i);
    if (c == 0xFFFD && !(i - from == 3 && (unsigned char)s[from] == 0xEF)) {
      if (put_cp(out, 0xFFFD)) return -1;
    } else if (nw_buf_append(out, s + from, i - from)) return -1;
  }
  return 0;
}

int nw_normalize(const char *s, size_t n, nw_buf *out) {
  nw_buf clean = {0};
  if (sanitize(s, n, &clean)) { nw_buf_free(&clean); return -1; }
  utf8proc_uint8_t *nfc = NULL;
  utf8proc_ssize_t m = clean.len ? utf8proc_map((const utf8proc_uint8_t *)clean.data, (utf8proc_ssize_t)clean.len, &nfc,
                                                UTF8PROC_STABLE | UTF8PROC_COMPOSE)
                                 : 0;
  const char *src = clean.len ? (m >= 0 ? (const char *)nfc : clean.data) : "";
  size_t sn = clean.len ? (m >= 0 ? (size_t)m : clean.len) : 0;
  /* White space: runs of blanks become one space, lines lose trailing blanks,
  ** at most one blank line between paragraphs, none at either end. */
  int rc = 0;
  size_t newlines = 0, spaces = 0;
  int started = 0;
  for (size_t i = 0; i < sn && rc == 0;) {
    size_t from = i;
    int32_t c = nw_utf8_next(src, sn, &i);
    if (c == '\r') continue;
    if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0) { newlines++; spaces = 0; continue; }
    if (c == ' ' || c == '\t' || c == 0xA0 || c == '\f' || c == '\v' || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
        c == 0x205F || c == 0x3000) {
      spaces++;
      continue;
    }
    if (started) {
      if (newlines) rc |= nw_buf_append(out, newlines >= 2 ? "\n\n" : "\n", newlines >= 2 ? 2 : 1);
      else if (spaces) rc |= nw_buf_putc(out, ' ');
    }
    started = 1;
    newlines = spaces = 0;
    rc |= nw_buf_append(out, src + from, i - from);
  }
  free(nfc);
  nw_buf_free(&clean);
  return rc ? -1 : 0;
}
