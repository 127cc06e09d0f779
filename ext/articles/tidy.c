/* The body's last step: the same result as nw_normalize (NFC, blanks
** collapsed, at most one blank line between paragraphs, none at the ends),
** in one pass and without its per-character cost: white space is tidied
** in runs, and only the stretches NFC may change go through utf8proc. */
#include <string.h>
#include <utf8proc.h>

#include "news_articles.h"

/* Code points NFC may change even without a combining mark before them:
** singletons, composition exclusions, Hangul jamo, compatibility ideographs. */
static int nfc_suspect(int32_t c) {
  static const int32_t ranges[][2] = {
    {0x0340, 0x0344}, {0x0374, 0x0374}, {0x037E, 0x037E}, {0x0387, 0x0387}, {0x0958, 0x095F},
    {0x09DC, 0x09DF}, {0x0A33, 0x0A5E}, {0x0B5C, 0x0B5D}, {0x0F43, 0x0FB9}, {0x1100, 0x11FF},
    {0x1F70, 0x1FFD}, {0x2000, 0x2001}, {0x2126, 0x212B}, {0x2329, 0x232A}, {0x2ADC, 0x2ADC},
    {0xA960, 0xA97F}, {0xD7B0, 0xD7FF}, {0xF900, 0xFAFF}, {0xFB1D, 0xFB4E}, {0x1D15E, 0x1D1C0},
    {0x2F800, 0x2FA1F},
  };
  for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
    if (c >= ranges[i][0] && c <= ranges[i][1]) return 1;
  return 0;
}

/* The character at s[*i] (not ASCII) is valid UTF-8 and one NFC leaves
** alone in any context; advances *i. */
static int stable_char(const char *s, size_t n, size_t *i) {
  int bad;
  int32_t c = nw_utf8_decode(s, n, i, &bad);
  if (bad) return 0;
  if (c < 0x300) return 1; /* Latin-1 and Latin Extended: precomposed, stable */
  /* marks, and letters that compose with a mark (utf8proc does not say
  ** which side of a pair a letter is on: all go the careful way) */
  const utf8proc_property_t *p = utf8proc_get_property(c);
  return !(p->combining_class || p->comb_index != UINT16_MAX || nfc_suspect(c));
}

/* Blank code points (besides ASCII ones) at s[i]: their byte length, or 0. */
static size_t blank_at(const char *s, size_t n, size_t i, int *newline) {
  const unsigned char *u = (const unsigned char *)s + i;
  *newline = 0;
  if (u[0] == 0xC2 && i + 1 < n && u[1] == 0xA0) return 2;
  if (u[0] == 0xE2 && i + 2 < n && u[1] == 0x80 && ((u[2] >= 0x80 && u[2] <= 0x8A) || u[2] == 0xAF || u[2] == 0xA8 || u[2] == 0xA9)) {
    *newline = u[2] == 0xA8 || u[2] == 0xA9;
    return 3;
  }
  if (u[0] == 0xE2 && i + 2 < n && u[1] == 0x81 && u[2] == 0x9F) return 3;
  if (u[0] == 0xE3 && i + 2 < n && u[1] == 0x80 && u[2] == 0x80) return 3;
  return 0;
}

static int tidy(const char *s, size_t n, nw_buf *out);

int nw_body_finish(const char *s, size_t n, nw_buf *out) {
  size_t mark = out->len;
  int rc = tidy(s, n, out);
  if (rc <= 0) return rc;
  out->len = mark; /* invalid UTF-8 or NUL: the careful way */
  return nw_normalize(s, n, out);
}

/* NFC of the valid UTF-8 stretch s[a..b), appended to out. */
static int append_nfc(const char *s, size_t a, size_t b, nw_buf *out) {
  utf8proc_uint8_t *m = NULL;
  utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s + a, (utf8proc_ssize_t)(b - a), &m,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  int rc = k >= 0 ? nw_buf_append(out, (const char *)m, (size_t)k) : nw_buf_append(out, s + a, b - a);
  free(m);
  return rc;
}

/* Steps over the character beyond ASCII at s[*j]. When NFC may change it,
** the stretch NFC has to see (from the ASCII character before it to the
** next ASCII character or blank, as nw_normalize's nfc takes it) goes out
** composed, after the run's text before it; *copied says how much of the
** run is out. 0, -1 (OOM), or 1 on invalid UTF-8. */
static int step_beyond_ascii(const char *s, size_t n, size_t *j, size_t *copied, nw_buf *out) {
  size_t k = *j;
  if (stable_char(s, n, j)) return 0;
  size_t a = k, b = k;
  while (a > *copied && (unsigned char)s[a - 1] >= 0x80) a--;
  if (a > *copied) a--; /* an ASCII letter may compose with the mark after it */
  int newline;
  while (b < n && (unsigned char)s[b] >= 0x80 && !blank_at(s, n, b, &newline)) {
    int bad;
    nw_utf8_decode(s, n, &b, &bad);
    if (bad) return 1;
  }
  if (nw_buf_append(out, s + *copied, a - *copied) || append_nfc(s, a, b, out)) return -1;
  *copied = *j = b;
  return 0;
}

/* Tidy s into out: 0, -1 (OOM), or 1 on invalid UTF-8 or NUL (out unusable). */
static int tidy(const char *s, size_t n, nw_buf *out) {
  if (nw_grow((void **)&out->data, &out->cap, out->len + n + 1, 1)) return -1;
  size_t newlines = 0, spaces = 0, i = 0, next_check = 0;
  int started = 0;
  while (i < n) {
    if (nw_stop_at(i, &next_check)) return NW_STOPPED; /* news_clean's caller was interrupted */
    unsigned char b = (unsigned char)s[i];
    int nl = 0;
    size_t bl = 0;
    if (b == '\n') nl = 1, bl = 1;
    else if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v') bl = 1;
    else if (b >= 0xC2) bl = blank_at(s, n, i, &nl);
    if (bl) {
      if (nl) newlines++, spaces = 0;
      else if (b != '\r') spaces++;
      i += bl;
      continue;
    }
    if (!b) return 1;
    int rc = 0;
    if (started) {
      if (newlines) rc = nw_buf_append(out, newlines >= 2 ? "\n\n" : "\n", newlines >= 2 ? 2 : 1);
      else if (spaces) rc = nw_buf_putc(out, ' ');
    }
    if (rc) return -1;
    started = 1;
    newlines = spaces = 0;
    /* a run of text, single spaces between words included, up to a blank
    ** that needs tidying */
    size_t j = i, copied = i;
    if (b >= 0x80) {
      if ((rc = step_beyond_ascii(s, n, &j, &copied, out))) return rc;
    } else j++;
    int dummy;
    while (j < n) {
      if (nw_stop_at(j, &next_check)) return NW_STOPPED; /* a run may be the whole text */
      /* printable ASCII other than the space: nothing to decide */
      while (j < n && (unsigned char)(s[j] - 0x21) < 0x5F) j++;
      if (j >= n) break;
      unsigned char c = (unsigned char)s[j];
      if (c == ' ') {
        unsigned char d = j + 1 < n ? (unsigned char)s[j + 1] : 0;
        if (d > ' ' && !(d >= 0xC2 && blank_at(s, n, j + 1, &dummy))) {
          j++; /* one space inside the run; the next character is looked at next */
          continue;
        }
        break;
      }
      if (c < ' ' || ((c == 0xC2 || c == 0xE2 || c == 0xE3) && blank_at(s, n, j, &dummy))) break;
      if (c >= 0x80) {
        if ((rc = step_beyond_ascii(s, n, &j, &copied, out))) return rc;
        continue;
      }
      j++;
    }
    if ((rc = nw_buf_append_stoppable(out, s + copied, j - copied))) return rc;
    i = j;
  }
  return nw_buf_append(out, "", 0) ? -1 : 0;
}
