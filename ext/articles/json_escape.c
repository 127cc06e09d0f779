/* The \uXXXX escape of JSON strings (see json_escape.h). */
#include "json_escape.h"

static int hex_digit(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

long nw_json_hex4(const char *s, size_t n, size_t i) {
  if (n < 4 || i > n - 4) return -1;
  long v = 0;
  for (size_t k = i; k < i + 4; k++) {
    int h = hex_digit(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

long nw_json_u_escape(const char *s, size_t n, size_t u, size_t *last) {
  long cp = nw_json_hex4(s, n, u + 1);
  if (cp < 0) return -1;
  *last = u + 4;
  /* a high surrogate followed by "\u" and a low one */
  if (cp >= 0xD800 && cp <= 0xDBFF && *last + 6 < n && s[*last + 1] == '\\' && s[*last + 2] == 'u') {
    long lo = nw_json_hex4(s, n, *last + 3);
    if (lo >= 0xDC00 && lo <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      *last += 6;
    }
  }
  return cp;
}
