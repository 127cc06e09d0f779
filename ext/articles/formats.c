/* The file formats: by extension, or for a file without one by its first
** bytes. Each row says how the bytes are decoded and which reader makes
** records of them. */
#include "reader.h"

#include <string.h>

static int read_text(const char *path, const char *s, size_t n, nw_article *out, const char **err) {
  *err = NULL;
  return nw_read_text(path, s, n, out);
}

/* Bytes no web page holds: more than one, and more than one in a hundred,
** NUL or control characters (other than tab, line ends, form feed and the
** ESC of ISO-2022 encodings); UTF-16, which starts with its BOM, aside. A
** stray NUL at the end of a page is tolerated, as the HTML parser does. */
static const char *binary_problem(const char *s, size_t n) {
  if (n >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'))) return NULL;
  size_t controls = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    controls += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F;
  }
  return controls > 1 && controls * 100 > n ? "binary file (control or NUL bytes)" : NULL;
}

static int read_html(const char *path, const char *s, size_t n, nw_article *out, const char **err) {
  if ((*err = binary_problem(s, n))) return 0;
  /* -1 with a message is a page that cannot be read; without one, no memory */
  return nw_read_html(path, s, n, out, err) && !*err ? -1 : 0;
}

static int read_jsonl(const char *path, const char *s, size_t n, nw_article *out, const char **err) {
  (void)path;
  return nw_read_jsonl(s, n, out, err);
}

/* Sniffing tries the rows in order; the first row is the default. */
static const nw_format_row formats[] = {
  {.id = NW_FMT_TEXT, .name = "text", .extensions = "txt md text", .decode = NW_DECODE_TEXT, .read = read_text},
  {.id = NW_FMT_HTML, .name = "html", .extensions = "html htm", .first_byte = '<', .decode = NW_DECODE_NONE, .read = read_html},
  {.id = NW_FMT_JSONL, .name = "jsonl", .extensions = "jsonl ndjson", .first_byte = '{', .decode = NW_DECODE_UTF8,
   .per_line = 1, .read = read_jsonl},
};
enum { NFORMATS = sizeof formats / sizeof formats[0] };

const nw_format_row *nw_format_row_of(nw_format f) {
  for (size_t i = 0; i < NFORMATS; i++)
    if (formats[i].id == f) return &formats[i];
  return NULL;
}

const nw_format_row *nw_format_default(void) { return &formats[0]; }

const char *nw_format_name(nw_format f) {
  const nw_format_row *row = nw_format_row_of(f);
  return row ? row->name : NULL;
}

/* ext is one of the space-separated words of list (ASCII case-insensitive). */
static int in_list(const char *list, const char *ext) {
  size_t n = strlen(ext);
  for (const char *p = list; *p;) {
    size_t w = strcspn(p, " ");
    if (w == n && nw_ascii_ncasecmp(p, ext, n) == 0) return 1;
    p += w;
    while (*p == ' ') p++;
  }
  return 0;
}

nw_format nw_format_of_path(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  if (!dot || dot == base) return NW_FMT_NONE;
  for (size_t i = 0; i < NFORMATS; i++)
    if (in_list(formats[i].extensions, dot + 1)) return formats[i].id;
  return NW_FMT_NONE;
}

const nw_format_row *nw_format_sniff(const char *s, size_t n) {
  size_t i = 0;
  if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) i++;
  for (size_t f = 0; i < n && f < NFORMATS; f++)
    if (formats[f].first_byte && s[i] == formats[f].first_byte) return &formats[f];
  return nw_format_default();
}

const char *nw_text_problem(const char *s, size_t n) {
  if (memchr(s, 0, n)) return "binary file (NUL bytes)"; /* a NUL says binary */
  return nw_utf8_valid(s, n) ? NULL : "not valid UTF-8";
}
