/* JSON Lines records: one JSON object per line, its fields found by the
** names news datasets use. The JSON is strict RFC 8259 and each value reads
** as SQLite's JSON functions (which read it before) give it as text: a
** string unescaped, a number as SQLite prints it, true 1, false 0, a list
** of authors joined with ", ", an object by its "name". Linear time; the
** nesting depth is bounded as SQLite bounds it (2000), without recursion. */
#include "news_articles.h"

#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSON_MAX_DEPTH 2000

enum { JF_BODY, JF_TITLE, JF_PUBLISHED, JF_URL, JF_BYLINE, JF_SOURCE, JF_COUNT };

/* Field -> the names datasets give it, in order of preference. */
static const char *const field_names[JF_COUNT] = {
  [JF_BODY] = "text maintext body content article article_text full_text fulltext story",
  [JF_TITLE] = "title headline heading",
  [JF_PUBLISHED] = "date_publish published date published_at publish_date publishedAt datePublished date_published pubDate pub_date publication_date time",
  [JF_URL] = "url link source_url canonical_url article_url",
  [JF_BYLINE] = "byline authors author creator writer",
  [JF_SOURCE] = "source_domain source publisher publication newspaper outlet site_name source_name domain",
};

/* ---- syntax ---------------------------------------------------------- */

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static size_t skip_blanks(const char *s, size_t n, size_t i) {
  while (i < n && is_blank(s[i])) i++;
  return i;
}

/* The four hex digits at s[i], or -1. */
static long hex4(const char *s, size_t n, size_t i) {
  if (n < 4 || i > n - 4) return -1;
  long v = 0;
  for (size_t k = i; k < i + 4; k++) {
    char c = s[k];
    int d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/* The end of the string that opens at s[i] (just after its closing quote),
** or 0 when it is malformed (a control character, a bad escape, no end). */
static size_t scan_string(const char *s, size_t n, size_t i) {
  for (i++; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20) return 0;
    if (c == '"') return i + 1;
    if (c != '\\') continue;
    if (++i >= n) return 0;
    c = (unsigned char)s[i];
    if (c == 'u') {
      if (hex4(s, n, i + 1) < 0) return 0;
      i += 4;
    } else if (!c || !strchr("\"\\/bfnrt", c)) return 0;
  }
  return 0;
}

/* The end of the number at s[i], or 0; *real: it has a fraction or exponent. */
static size_t scan_number(const char *s, size_t n, size_t i, int *real) {
  *real = 0;
  if (i < n && s[i] == '-') i++;
  if (i >= n || !is_digit(s[i])) return 0;
  if (s[i] == '0') i++; /* no leading zeros: "01" ends after the 0 and fails after */
  else
    while (i < n && is_digit(s[i])) i++;
  if (i < n && s[i] == '.') {
    *real = 1;
    if (++i >= n || !is_digit(s[i])) return 0;
    while (i < n && is_digit(s[i])) i++;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    *real = 1;
    if (++i < n && (s[i] == '+' || s[i] == '-')) i++;
    if (i >= n || !is_digit(s[i])) return 0;
    while (i < n && is_digit(s[i])) i++;
  }
  return i;
}

/* The length of the literal true, false or null at s[i], or 0. */
static size_t literal_len(const char *s, size_t n, size_t i) {
  static const char *const words[] = {"true", "false", "null"};
  for (size_t w = 0; w < 3; w++) {
    size_t l = strlen(words[w]);
    if (n - i >= l && !memcmp(s + i, words[w], l)) return l;
  }
  return 0;
}

/* A member's key and colon (blanks first): the index after the colon, or 0. */
static size_t scan_key(const char *s, size_t n, size_t i) {
  i = skip_blanks(s, n, i);
  if (i >= n || s[i] != '"' || !(i = scan_string(s, n, i))) return 0;
  i = skip_blanks(s, n, i);
  return i < n && s[i] == ':' ? i + 1 : 0;
}

/* The end of the JSON value at s[i] (blanks first), or 0 when it is
** malformed or nested deeper than JSON_MAX_DEPTH. A stack of the open
** brackets replaces recursion, so no input can exhaust the C stack. */
static size_t scan_value(const char *s, size_t n, size_t i) {
  char open[JSON_MAX_DEPTH];
  size_t depth = 0;
  for (;;) {
    /* a value */
    i = skip_blanks(s, n, i);
    if (i >= n) return 0;
    char c = s[i];
    int real;
    if (c == '{' || c == '[') {
      if (depth == JSON_MAX_DEPTH) return 0;
      open[depth++] = c;
      i = skip_blanks(s, n, i + 1);
      if (i < n && s[i] == (c == '{' ? '}' : ']')) {
        depth--; /* empty */
        i++;
      } else if (c == '[') continue;
      else if (!(i = scan_key(s, n, i))) return 0;
      else continue;
    } else if (c == '"') {
      if (!(i = scan_string(s, n, i))) return 0;
    } else if (c == '-' || is_digit(c)) {
      if (!(i = scan_number(s, n, i, &real))) return 0;
    } else {
      size_t l = literal_len(s, n, i);
      if (!l) return 0;
      i += l;
    }
    /* after it: close brackets until a comma opens the next item */
    for (;;) {
      if (depth == 0) return i;
      i = skip_blanks(s, n, i);
      if (i >= n) return 0;
      char o = open[depth - 1];
      if (s[i] == ',') {
        i++;
        if (o == '{' && !(i = scan_key(s, n, i))) return 0;
        break;
      }
      if (s[i] != (o == '{' ? '}' : ']')) return 0;
      depth--;
      i++;
    }
  }
}

/* ---- the items of a valid object or array ---------------------------- */

typedef struct span {
  size_t start, end;
} span;

typedef struct items {
  const char *s;
  size_t n, i;
  char close; /* '}' or ']' */
  int done;
} items;

/* Items of the (valid) object or array at s[at]. */
static void items_open(items *it, const char *s, size_t n, size_t at) {
  *it = (items){.s = s, .n = n, .i = at + 1, .close = s[at] == '{' ? '}' : ']'};
}

/* The next member (key span with its quotes, value span) or element (value
** only): 1, or 0 at the end. */
static int items_next(items *it, span *key, span *val) {
  const char *s = it->s;
  size_t n = it->n, i = skip_blanks(s, n, it->i);
  if (it->done || i >= n || s[i] == it->close) return it->done = 1, 0;
  if (it->close == '}') {
    key->start = i;
    key->end = scan_string(s, n, i);
    i = skip_blanks(s, n, key->end) + 1; /* the colon */
  }
  val->start = skip_blanks(s, n, i);
  val->end = scan_value(s, n, val->start);
  if (!val->end) return it->done = 1, 0; /* cannot happen on a valid line */
  i = skip_blanks(s, n, val->end);
  if (i < n && s[i] == ',') i++;
  else it->done = 1;
  it->i = i;
  return 1;
}

/* ---- values as text -------------------------------------------------- */

/* A string's text (v spans its quotes), cut at an escaped NUL as SQLite cuts
** it; a lone surrogate becomes U+FFFD (the text stays valid UTF-8). */
static int string_text(const char *s, span v, nw_buf *out) {
  size_t end = v.end - 1;
  for (size_t i = v.start + 1; i < end; i++) {
    char c = s[i];
    if (c != '\\') {
      size_t run = i;
      while (run < end && s[run] != '\\') run++;
      if (nw_buf_append(out, s + i, run - i)) return -1;
      i = run - 1;
      continue;
    }
    c = s[++i];
    if (c != 'u') {
      const char *from = "bfnrt", *to = "\b\f\n\r\t", *p = strchr(from, c);
      if (nw_buf_putc(out, p ? to[p - from] : c)) return -1;
      continue;
    }
    long cp = hex4(s, end, i + 1);
    i += 4;
    if (cp == 0) break;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < end && s[i + 1] == '\\' && s[i + 2] == 'u') {
      long lo = hex4(s, end, i + 3);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 6;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    if (nw_buf_put_cp(out, (int32_t)cp)) return -1;
  }
  return 0;
}

/* The C locale for numbers, whatever locale the host program set. */
static locale_t c_numeric;
static pthread_once_t c_numeric_once = PTHREAD_ONCE_INIT;
static void make_c_numeric(void) { c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0); }

/* A real as SQLite's "%!.15g" prints it: 1000.0, 1.5e-07, 1.0e+20, Inf. */
static int real_text(double r, nw_buf *out) {
  char t[48];
  if (isinf(r)) return nw_buf_append(out, r > 0 ? "Inf" : "-Inf", r > 0 ? 3 : 4);
  if (r == 0) r = 0; /* -0.0 prints as 0.0 */
  pthread_once(&c_numeric_once, make_c_numeric);
  locale_t old = c_numeric ? uselocale(c_numeric) : (locale_t)0;
  int len = snprintf(t, sizeof t, "%.15g", r);
  if (old) uselocale(old);
  if (len <= 0 || (size_t)len >= sizeof t) return -1;
  const char *e = strchr(t, 'e');
  if (strchr(t, '.')) return nw_buf_append(out, t, (size_t)len);
  size_t mant = e ? (size_t)(e - t) : (size_t)len;
  return nw_buf_append(out, t, mant) || nw_buf_append(out, ".0", 2) || nw_buf_append(out, t + mant, (size_t)len - mant)
           ? -1
           : 0;
}

/* A number as SQLite gives it: an integer that fits in 64 bits as itself
** ("-0" as 0), any other as a real. */
static int number_text(const char *s, span v, nw_buf *out) {
  int real;
  scan_number(s, v.end, v.start, &real);
  size_t i = v.start + (s[v.start] == '-');
  uint64_t mag = 0;
  for (; !real && i < v.end; i++) {
    uint64_t d = (uint64_t)(s[i] - '0');
    if (mag > (UINT64_MAX - d) / 10) real = 1;
    else mag = mag * 10 + d;
  }
  int neg = s[v.start] == '-';
  if (!real && (mag <= (uint64_t)INT64_MAX || (neg && mag == (uint64_t)INT64_MAX + 1))) {
    char t[24];
    int len = neg && mag ? snprintf(t, sizeof t, "-%llu", (unsigned long long)mag)
                         : snprintf(t, sizeof t, "%llu", (unsigned long long)mag);
    return nw_buf_append(out, t, (size_t)len);
  }
  char *lit = strndup(s + v.start, v.end - v.start);
  if (!lit) return -1;
  pthread_once(&c_numeric_once, make_c_numeric);
  double r = c_numeric ? strtod_l(lit, NULL, c_numeric) : strtod(lit, NULL);
  free(lit);
  return real_text(r, out);
}

/* An array or object as JSON without the blanks between its tokens. */
static int compact_text(const char *s, span v, nw_buf *out) {
  for (size_t i = v.start; i < v.end;) {
    if (s[i] == '"') {
      size_t e = scan_string(s, v.end, i);
      if (nw_buf_append(out, s + i, e - i)) return -1;
      i = e;
    } else {
      if (!is_blank(s[i]) && nw_buf_putc(out, s[i])) return -1;
      i++;
    }
  }
  return 0;
}

/* Appends a value's text: 1, 0 for null (no text), -1 out of memory. */
static int value_text(const char *s, span v, nw_buf *out) {
  char c = s[v.start];
  int rc = c == '"'                        ? string_text(s, v, out)
           : c == '-' || is_digit(c)       ? number_text(s, v, out)
           : c == 't' || c == 'f'          ? nw_buf_putc(out, c == 't' ? '1' : '0')
           : c == 'n'                      ? 1
                                           : compact_text(s, v, out);
  return rc < 0 ? -1 : rc == 1 ? 0 : 1;
}

/* An object's "name" (the first member whose key is written so), or 0. */
static int object_name(const char *s, size_t n, span v, nw_buf *out) {
  items it;
  span key, val;
  items_open(&it, s, n, v.start);
  while (items_next(&it, &key, &val))
    if (key.end - key.start == 6 && !memcmp(s + key.start, "\"name\"", 6)) return value_text(s, val, out);
  return 0;
}

/* A field's text: a list joined with ", " (an object in it by its name),
** an object by its name, any other value as itself. 1, 0 none, -1 OOM. */
static int field_text(const char *s, size_t n, span v, nw_buf *out) {
  if (s[v.start] == '{') return object_name(s, n, v, out);
  if (s[v.start] != '[') return value_text(s, v, out);
  items it;
  span key, val;
  items_open(&it, s, n, v.start);
  int any = 0;
  while (items_next(&it, &key, &val)) {
    size_t before = out->len;
    if (any && nw_buf_append(out, ", ", 2)) return -1;
    int rc = s[val.start] == '{' ? object_name(s, n, val, out) : value_text(s, val, out);
    if (rc < 0) return -1;
    if (rc == 0) out->len = before; /* nothing to join */
    any |= rc;
  }
  return any;
}

/* ---- the record ------------------------------------------------------ */

/* Which field a key names and how preferred that name is (lower is better). */
static int field_of(const char *key, size_t kl, int *rank) {
  for (int f = 0; f < JF_COUNT; f++) {
    const char *p = field_names[f];
    for (int r = 0; *p; r++) {
      size_t n = strcspn(p, " ");
      if (n == kl && !memcmp(p, key, n)) {
        *rank = r;
        return f;
      }
      p += n;
      while (*p == ' ') p++;
    }
  }
  return -1;
}

static int only_blanks(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n') return 0;
  return 1;
}

/* The fields of the object at s[0..n) (valid), each the best-named one with
** some text. 0 or -1 OOM. */
static int find_fields(const char *s, size_t n, size_t at, nw_buf v[JF_COUNT]) {
  int best[JF_COUNT];
  for (int f = 0; f < JF_COUNT; f++) best[f] = 1 << 30;
  nw_buf key = {0}, text = {0};
  items it;
  span k, val;
  int rc = 0;
  items_open(&it, s, n, at);
  while (!rc && items_next(&it, &k, &val)) {
    key.len = 0;
    int rank, f;
    if (string_text(s, k, &key)) rc = -1;
    else if ((f = field_of(key.data ? key.data : "", key.len, &rank)) < 0 || rank >= best[f]) continue;
    else {
      text.len = 0;
      int got = field_text(s, n, val, &text);
      if (got < 0 || nw_buf_putc(&text, 0)) rc = -1; /* NUL-terminated for the date and host helpers */
      else if (got && !only_blanks(text.data, text.len - 1)) {
        text.len--;
        nw_buf t = v[f];
        v[f] = text;
        text = t;
        best[f] = rank;
      }
    }
  }
  nw_buf_free(&key);
  nw_buf_free(&text);
  return rc;
}

/* Replace one article field with a found value. 0 or -1. */
static int set_field(char **field, const nw_buf *v) { return v->len ? nw_article_set(field, v->data, v->len) : 0; }

int nw_read_jsonl(const char *s, size_t n, nw_article *a, const char **err) {
  *err = NULL;
  size_t at = skip_blanks(s, n, 0);
  size_t end = at < n && s[at] == '{' ? scan_value(s, n, at) : 0;
  if (!end || skip_blanks(s, n, end) != n) {
    *err = "not a JSON object";
    return 0;
  }
  nw_buf v[JF_COUNT] = {{0}};
  int bad = find_fields(s, n, at, v);
  if (!bad) {
    bad = set_field(&a->title, &v[JF_TITLE]) || set_field(&a->url, &v[JF_URL]) || set_field(&a->byline, &v[JF_BYLINE]) ||
          set_field(&a->source, &v[JF_SOURCE]);
    char d[NW_DATE_BUF], ts[NW_TIMESTAMP_BUF];
    const nw_buf *pub = &v[JF_PUBLISHED];
    int dated = !bad && pub->len ? nw_full_date(pub->data, pub->len, d) : 0;
    if (dated < 0) bad = 1;
    else if (dated) {
      bad = nw_article_set(&a->published, d, NW_YMD_LEN);
      /* with a time of day, that too (its offset as written) */
      if (!bad && nw_timestamp(pub->data, pub->len, ts) && !memcmp(ts, d, NW_YMD_LEN))
        bad = nw_article_set(&a->published_at, ts, strlen(ts));
    }
    if (!bad) bad = nw_article_from_url(a, NULL);
    if (!bad && v[JF_BODY].len) bad = nw_clean(v[JF_BODY].data, v[JF_BODY].len, &a->body);
  }
  for (int f = 0; f < JF_COUNT; f++) nw_buf_free(&v[f]);
  return bad ? -1 : 0;
}
