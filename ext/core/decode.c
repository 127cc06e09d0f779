/* Text files that are not UTF-8, made readable: a file with valid multi-byte
** UTF-8 in it is UTF-8 with a few bad bytes (each becomes U+FFFD); one
** without is in a single-byte encoding, read as Windows-1252 (the superset
** of Latin-1 that browsers also assume). */
#include "news.h"

/* Windows-1252 bytes 0x80-0x9F; the five it leaves undefined stay the C1
** controls of the same value, as in the WHATWG encoding standard. */
static const uint16_t cp1252_c1[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
  0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
  0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

const char *nw_decode_text(const char *s, size_t n, nw_buf *out) {
  size_t good = 0, bad = 0;
  for (size_t i = 0; i < n;) {
    if ((unsigned char)s[i] < 0x80) { i++; continue; }
    int invalid;
    nw_utf8_decode(s, n, &i, &invalid);
    if (invalid) bad++;
    else good++;
  }
  if (good && good >= bad)
    return nw_utf8_sanitize(s, n, out) || nw_buf_append(out, "", 0) ? NULL : "not valid UTF-8: bad bytes read as U+FFFD";
  for (size_t i = 0; i < n; i++) {
    unsigned char b = (unsigned char)s[i];
    if (nw_buf_put_cp(out, b < 0x80 ? b : b < 0xA0 ? cp1252_c1[b - 0x80] : b)) return NULL;
  }
  return nw_buf_append(out, "", 0) ? NULL : "not valid UTF-8: read as Windows-1252";
}
