/* news_fold and news_clean's Unicode part: folding keys and NFC + white space. */
#include "news.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int nw_buf_put_cp(nw_buf *out, int32_t cp) {
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
  for (size_t count = 1; i < n; count++) {
    /* a long text (news_fold on megabytes) stops when its caller asks */
    if ((count & 0xFFFF) == 0 && nw_stop_requested()) return NW_STOPPED;
    int32_t c = unify_mark(nw_utf8_next(s, n, &i));
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(c, dec, 32, opt, &last);
    if (k < 0 || k > 32) {
      if (nw_buf_put_cp(out, c)) return -1;
      continue;
    }
    for (utf8proc_ssize_t j = 0; j < k; j++)
      if (nw_buf_put_cp(out, unify_mark(dec[j]))) return -1;
  }
  return 0;
}

/* Offset of the first byte that is not valid UTF-8 (read as nw_utf8_next
** reads it: a U+FFFD that was written as such is valid), or n. */
static size_t first_invalid(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    size_t from = i;
    int bad;
    nw_utf8_decode(s, n, &i, &bad);
    if (bad) return from;
  }
  return n;
}

/* Copy s to a valid UTF-8 buffer (invalid bytes become U+FFFD), valid runs
** in one piece. */
static int sanitize(const char *s, size_t n, size_t bad, nw_buf *out) {
  size_t run = 0, i = bad;
  while (i < n) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    size_t from = i;
    int bad;
    nw_utf8_decode(s, n, &i, &bad);
    if (bad) {
      if (nw_buf_append(out, s + run, from - run) || nw_buf_put_cp(out, 0xFFFD)) return -1;
      run = i;
    }
  }
  return nw_buf_append(out, s + run, n - run);
}

int nw_utf8_sanitize(const char *s, size_t n, nw_buf *out) { return sanitize(s, n, first_invalid(s, n), out); }

/* NFC of valid UTF-8 s, appended to out. ASCII characters are their own NFC
** and a boundary before one is safe (canonical class 0, never the second of
** a composition), so only the stretches around non-ASCII characters go
** through utf8proc: from the ASCII character before them (it may compose
** with a following mark) to the next ASCII character. */
static int nfc(const char *s, size_t n, nw_buf *out) {
  size_t done = 0, i = 0, next_check = 0;
  while (i < n) {
    if (nw_stop_at(i, &next_check)) return NW_STOPPED;
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    size_t from = i > done ? i - 1 : i, to = i;
    while (to < n && (unsigned char)s[to] >= 0x80) to++;
    if (nw_buf_append(out, s + done, from - done)) return -1;
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s + from, (utf8proc_ssize_t)(to - from), &m,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    int rc = k >= 0 ? nw_buf_append(out, (const char *)m, (size_t)k) : nw_buf_append(out, s + from, to - from);
    free(m);
    if (rc) return -1;
    done = i = to;
  }
  return nw_buf_append_stoppable(out, s + done, n - done);
}

/* What white space tidying sees in a character. */
enum { WS_ORDINARY, WS_CR, WS_NEWLINE, WS_BLANK };
static int ws_class(int32_t c) {
  if (c == '\r') return WS_CR;
  if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0) return WS_NEWLINE;
  if (c == ' ' || c == '\t' || c == 0xA0 || c == '\f' || c == '\v' || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
      c == 0x205F || c == 0x3000)
    return WS_BLANK;
  return WS_ORDINARY;
}

int nw_normalize(const char *s, size_t n, nw_buf *out) {
  nw_buf clean = {0}, composed = {0};
  size_t bad = first_invalid(s, n);
  if (bad < n && sanitize(s, n, bad, &clean)) goto oom;
  const char *valid = bad < n ? clean.data : s;
  size_t vn = bad < n ? clean.len : n;
  if (nfc(valid, vn, &composed)) goto oom;
  const char *src = composed.data ? composed.data : "";
  size_t sn = composed.len;
  nw_buf_free(&clean);
  /* White space: runs of blanks become one space, lines lose trailing blanks,
  ** at most one blank line between paragraphs, none at either end. Runs of
  ** other characters are copied in one piece. */
  if (nw_grow((void **)&out->data, &out->cap, out->len + sn + 1, 1)) goto oom;
  int rc = 0;
  size_t newlines = 0, spaces = 0, run = 0, next_check = 0;
  int started = 0, in_run = 0;
  for (size_t i = 0; i < sn && rc == 0;) {
    if (nw_stop_at(i, &next_check)) { /* the caller was interrupted (news_clean) */
      rc = -1;
      break;
    }
    size_t from = i;
    unsigned char b = (unsigned char)src[i];
    /* ASCII needs no decoding: most text is, and this loop sees every byte */
    int k = b >= 0x80 ? ws_class(nw_utf8_next(src, sn, &i)) : (i++, b > ' ' ? WS_ORDINARY : ws_class(b));
    if (k == WS_ORDINARY) {
      if (!in_run) {
        if (started) {
          if (newlines) rc |= nw_buf_append(out, newlines >= 2 ? "\n\n" : "\n", newlines >= 2 ? 2 : 1);
          else if (spaces) rc |= nw_buf_putc(out, ' ');
        }
        started = in_run = 1;
        newlines = spaces = 0;
        run = from;
      }
      while (i < sn && (unsigned char)src[i] > ' ' && (unsigned char)src[i] < 0x80) i++;
      continue;
    }
    if (in_run) rc |= nw_buf_append(out, src + run, from - run);
    in_run = 0;
    if (k == WS_NEWLINE) newlines++, spaces = 0;
    else if (k == WS_BLANK) spaces++;
  }
  if (in_run) rc |= nw_buf_append(out, src + run, sn - run);
  nw_buf_free(&composed);
  return rc ? -1 : 0;
oom:
  nw_buf_free(&clean);
  nw_buf_free(&composed);
  return -1;
}
