/* Page metadata: <meta> names and properties (og:, article:, twitter:,
** Dublin Core, parsely, sailthru), JSON-LD (NewsArticle), canonical links,
** <time datetime>, <h1> and <title>, by a table of names and priorities. */
#include <ctype.h>
#include <stdio.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "html_page.h"

enum { F_TITLE, F_BYLINE, F_PUBLISHED, F_URL, F_PAGE_URL, F_SOURCE, F_COUNT }; /* F_URL: canonical */

/* <meta> name/property/itemprop -> field, with a priority (lower wins). */
typedef struct meta_key {
  const char *name;
  int field, prio;
} meta_key;

static const meta_key meta_keys[] = {
  {"og:title", F_TITLE, 2}, {"twitter:title", F_TITLE, 4}, {"dc.title", F_TITLE, 4}, {"headline", F_TITLE, 2},
  {"author", F_BYLINE, 1}, {"article:author", F_BYLINE, 2}, {"dc.creator", F_BYLINE, 2},
  {"sailthru.author", F_BYLINE, 2}, {"parsely-author", F_BYLINE, 2}, {"byl", F_BYLINE, 1},
  {"article:published_time", F_PUBLISHED, 1}, {"og:article:published_time", F_PUBLISHED, 1},
  {"datepublished", F_PUBLISHED, 1}, {"article.published", F_PUBLISHED, 2}, {"published_time", F_PUBLISHED, 2},
  {"pubdate", F_PUBLISHED, 2}, {"publishdate", F_PUBLISHED, 2}, {"publish-date", F_PUBLISHED, 2},
  {"publish_date", F_PUBLISHED, 2}, {"parsely-pub-date", F_PUBLISHED, 2}, {"sailthru.date", F_PUBLISHED, 3},
  {"dc.date", F_PUBLISHED, 3}, {"dc.date.issued", F_PUBLISHED, 3}, {"dcterms.created", F_PUBLISHED, 3},
  {"date", F_PUBLISHED, 3}, {"og:pubdate", F_PUBLISHED, 2}, {"article:modified_time", F_PUBLISHED, 8},
  {"og:url", F_PAGE_URL, 1}, {"twitter:url", F_PAGE_URL, 4},
  {"og:site_name", F_SOURCE, 1}, {"application-name", F_SOURCE, 5}, {"publisher", F_SOURCE, 3},
};

typedef struct found {
  char *v[F_COUNT];
  int prio[F_COUNT];
} found;

/* Character references left in a value (pages that escape twice write
** "&amp;#8216;" for a quotation mark): decoded in place. */
static void decode_refs(char *s) {
  static const char *const names[][2] = {{"amp;", "&"}, {"quot;", "\""}, {"apos;", "'"}, {"lt;", "<"}, {"gt;", ">"},
                                         {"nbsp;", " "}};
  char *w = s;
  for (const char *r = s; *r;) {
    if (*r == '&') {
      if (r[1] == '#') {
        char *end;
        int hex = r[2] == 'x' || r[2] == 'X';
        unsigned long cp = strtoul(r + 2 + hex, &end, hex ? 16 : 10);
        if (end > r + 2 + hex && *end == ';' && cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
          if (cp < 0x80) *w++ = (char)cp;
          else if (cp < 0x800) *w++ = (char)(0xC0 | cp >> 6), *w++ = (char)(0x80 | (cp & 0x3F));
          else if (cp < 0x10000)
            *w++ = (char)(0xE0 | cp >> 12), *w++ = (char)(0x80 | ((cp >> 6) & 0x3F)), *w++ = (char)(0x80 | (cp & 0x3F));
          else
            *w++ = (char)(0xF0 | cp >> 18), *w++ = (char)(0x80 | ((cp >> 12) & 0x3F)),
            *w++ = (char)(0x80 | ((cp >> 6) & 0x3F)), *w++ = (char)(0x80 | (cp & 0x3F));
          r = end + 1;
          continue;
        }
      } else {
        size_t k = 0;
        for (; k < sizeof names / sizeof names[0]; k++)
          if (!strncmp(r + 1, names[k][0], strlen(names[k][0]))) break;
        if (k < sizeof names / sizeof names[0]) {
          *w++ = names[k][1][0];
          r += 1 + strlen(names[k][0]);
          continue;
        }
      }
    }
    *w++ = *r++;
  }
  *w = 0;
}

static void offer(found *f, int field, int prio, const char *v, size_t n) {
  if (!v || (f->v[field] && f->prio[field] <= prio)) return;
  while (n && isspace((unsigned char)*v)) v++, n--;
  while (n && isspace((unsigned char)v[n - 1])) n--;
  if (!n || n > 1000) return;
  char *c = strndup(v, n);
  if (!c) return;
  decode_refs(c); /* a decoded reference is never longer than its text */
  free(f->v[field]);
  f->v[field] = c;
  f->prio[field] = prio;
}

static char *prop(const xmlNode *n, const char *name) { return (char *)xmlGetProp(n, (const xmlChar *)name); }

/* A JSON string value after "key": in a JSON-LD script (first occurrence
** at or after from), unescaped into a malloc'ed string. Reads only what a
** JSON string can be; anything else gives NULL. */
static char *json_string_after(const char *s, const char *from, const char *key, const char *limit) {
  size_t kl = strlen(key);
  const char *p = strstr(from, key);
  while (p && (p == s || p[-1] != '"' || p[kl] != '"')) p = strstr(p + 1, key);
  if (!p || (limit && p > limit)) return NULL;
  p += kl + 1;
  while (isspace((unsigned char)*p)) p++;
  if (*p != ':') return NULL;
  p++;
  while (isspace((unsigned char)*p)) p++;
  if (*p != '"') return NULL;
  p++;
  nw_buf b = {0};
  for (; *p && *p != '"'; p++) {
    char c = *p;
    if (c == '\\' && p[1]) {
      p++;
      c = *p;
      if (c == 'n' || c == 't' || c == 'r') c = ' ';
      else if (c == 'u' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2]) &&
               isxdigit((unsigned char)p[3]) && isxdigit((unsigned char)p[4])) {
        unsigned cp = (unsigned)strtoul((char[5]){p[1], p[2], p[3], p[4], 0}, NULL, 16);
        p += 4;
        char u[4];
        size_t k = 0;
        if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD; /* surrogate halves: not worth pairing here */
        if (cp < 0x80) u[k++] = (char)cp;
        else if (cp < 0x800) u[k++] = (char)(0xC0 | cp >> 6), u[k++] = (char)(0x80 | (cp & 0x3F));
        else u[k++] = (char)(0xE0 | cp >> 12), u[k++] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[k++] = (char)(0x80 | (cp & 0x3F));
        if (nw_buf_append(&b, u, k)) break;
        continue;
      }
    }
    if (nw_buf_putc(&b, c)) break;
  }
  return b.data;
}

/* "author": {"name": "..."} or "author": "..." or [{"name": ...}] */
static char *json_name_of(const char *s, const char *key) {
  char *direct = json_string_after(s, s, key, NULL);
  if (direct) return direct;
  size_t kl = strlen(key);
  const char *p = strstr(s, key);
  while (p && (p == s || p[-1] != '"' || p[kl] != '"')) p = strstr(p + 1, key);
  if (!p) return NULL;
  return json_string_after(s, p, "name", p + 400);
}

static void read_json_ld(found *f, const char *s) {
  if (!strstr(s, "Article") && !strstr(s, "headline") && !strstr(s, "Posting")) return;
  char *v;
  if ((v = json_string_after(s, s, "headline", NULL))) offer(f, F_TITLE, 1, v, strlen(v)), free(v);
  if ((v = json_string_after(s, s, "datePublished", NULL))) offer(f, F_PUBLISHED, 1, v, strlen(v)), free(v);
  if ((v = json_name_of(s, "author"))) offer(f, F_BYLINE, 2, v, strlen(v)), free(v);
  if ((v = json_name_of(s, "publisher"))) offer(f, F_SOURCE, 2, v, strlen(v)), free(v);
}

static void node_text(const xmlNode *n, nw_buf *b) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) nw_buf_append(b, (const char *)c->content, strlen((char *)c->content));
    else if (c->type == XML_ELEMENT_NODE && nw_ascii_casecmp((const char *)c->name, "script") &&
             nw_ascii_casecmp((const char *)c->name, "style"))
      node_text(c, b);
  }
}

static void visit(const xmlNode *n, found *f) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const char *t = (const char *)n->name;
    if (!strcmp(t, "meta")) {
      char *key = prop(n, "property"), *content = prop(n, "content");
      if (!key) key = prop(n, "name");
      if (!key) key = prop(n, "itemprop");
      if (key && content) {
        for (char *q = key; *q; q++) *q = (char)tolower((unsigned char)*q);
        for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++)
          if (!strcmp(key, meta_keys[i].name)) offer(f, meta_keys[i].field, meta_keys[i].prio, content, strlen(content));
      }
      xmlFree(key);
      xmlFree(content);
    } else if (!strcmp(t, "link")) {
      char *rel = prop(n, "rel"), *href = prop(n, "href");
      if (rel && href && !nw_ascii_casecmp(rel, "canonical") && !strncmp(href, "http", 4)) offer(f, F_URL, 1, href, strlen(href));
      xmlFree(rel);
      xmlFree(href);
    } else if (!strcmp(t, "script")) {
      char *type = prop(n, "type");
      if (type && strstr(type, "ld+json")) {
        xmlChar *c = xmlNodeGetContent(n);
        if (c) read_json_ld(f, (const char *)c);
        xmlFree(c);
      }
      xmlFree(type);
      continue;
    } else if (!strcmp(t, "time") || !strcmp(t, "title") || !strcmp(t, "h1")) {
      char *dt = !strcmp(t, "time") ? prop(n, "datetime") : NULL;
      if (dt) offer(f, F_PUBLISHED, 6, dt, strlen(dt));
      xmlFree(dt);
      if (strcmp(t, "time")) {
        nw_buf b = {0};
        node_text(n, &b);
        if (b.data) offer(f, F_TITLE, !strcmp(t, "h1") ? 3 : 5, b.data, b.len);
        nw_buf_free(&b);
      }
    } else {
      char *ip = prop(n, "itemprop");
      if (ip && !strcmp(ip, "datePublished")) {
        char *v = prop(n, "datetime");
        if (!v) v = prop(n, "content");
        if (v) offer(f, F_PUBLISHED, 2, v, strlen(v));
        xmlFree(v);
      }
      xmlFree(ip);
    }
    visit(n->children, f);
  }
}

/* "Headline | Site" -> "Headline" when the tail is the site's name. */
static size_t strip_site_suffix(const char *t, size_t n, const char *site) {
  if (!site) return n;
  size_t sl = strlen(site);
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "};
  for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
    size_t pl = strlen(seps[i]);
    if (n > sl + pl && !nw_ascii_ncasecmp(t + n - sl, site, sl) && !memcmp(t + n - sl - pl, seps[i], pl)) return n - sl - pl;
  }
  return n;
}

/* The site of a URL: its host's last two labels, or three under a
** country's second level ("bbc.co.uk"). Empty when the URL has no host. */
static void site_of(const char *url, char out[256]) {
  out[0] = 0;
  char *host = nw_url_host(url, strlen(url));
  if (!host) return;
  size_t n = strlen(host), dot[3] = {0}, k = 0; /* positions of the last three dots */
  for (size_t i = n; i-- > 0 && k < 3;)
    if (host[i] == '.') dot[k++] = i;
  size_t keep = 2;
  if (k >= 2 && n - dot[0] - 1 == 2 && dot[0] - dot[1] - 1 <= 3) keep = 3;
  size_t start = k >= keep ? dot[keep - 1] + 1 : 0;
  snprintf(out, 256, "%s", host + start);
  free(host);
}

/* The article URL: the canonical link, unless it names another site than
** the page's own og:url (a syndicated copy names its source there). */
static const char *page_url(const found *f) {
  const char *canon = f->v[F_URL], *own = f->v[F_PAGE_URL];
  if (!canon || !own) return canon ? canon : own;
  char a[256], b[256];
  site_of(canon, a);
  site_of(own, b);
  return a[0] && b[0] && strcmp(a, b) ? own : canon;
}

int nw_html_meta(htmlDocPtr doc, nw_article *a) {
  found f = {0};
  visit(xmlDocGetRootElement(doc), &f);
  int rc = 0;
  if (f.v[F_TITLE]) rc |= nw_article_set(&a->title, f.v[F_TITLE], strip_site_suffix(f.v[F_TITLE], strlen(f.v[F_TITLE]), f.v[F_SOURCE]));
  if (f.v[F_BYLINE] && strncmp(f.v[F_BYLINE], "http", 4)) {
    const char *b = f.v[F_BYLINE];
    if (!nw_ascii_ncasecmp(b, "by ", 3)) b += 3;
    rc |= nw_article_set(&a->byline, b, strlen(b));
  }
  char d[NW_DATE_BUF];
  int dated = f.v[F_PUBLISHED] ? nw_full_date(f.v[F_PUBLISHED], strlen(f.v[F_PUBLISHED]), d) : 0;
  if (dated < 0) rc = -1;
  else if (dated) rc |= nw_article_set(&a->published, d, NW_YMD_LEN);
  const char *url = page_url(&f);
  if (url) rc |= nw_article_set(&a->url, url, strlen(url));
  if (f.v[F_SOURCE]) rc |= nw_article_set(&a->source, f.v[F_SOURCE], strlen(f.v[F_SOURCE]));
  for (int i = 0; i < F_COUNT; i++) free(f.v[i]);
  return rc ? -1 : 0;
}

/* ---- charset ------------------------------------------------------------ */

static const char *known_charset(const char *name, size_t n) {
  static const char *const latin1[] = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252", "cp1252"};
  for (size_t i = 0; i < sizeof latin1 / sizeof latin1[0]; i++)
    if (strlen(latin1[i]) == n && !nw_ascii_ncasecmp(name, latin1[i], n)) return "windows-1252";
  if ((n == 5 && !nw_ascii_ncasecmp(name, "utf-8", 5)) || (n == 4 && !nw_ascii_ncasecmp(name, "utf8", 4))) return "UTF-8";
  static const char *const other[] = {"iso-8859-2", "iso-8859-15", "windows-1250", "windows-1251", "koi8-r", "shift_jis", "euc-jp", "gb2312", "gbk", "big5", "euc-kr"};
  for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
    if (strlen(other[i]) == n && !nw_ascii_ncasecmp(name, other[i], n)) return other[i];
  return NULL;
}

const char *nw_html_charset(const char *s, size_t n) {
  if (n >= 2 && ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'))) return NULL;
  size_t lim = n < 16384 ? n : 16384;
  for (size_t i = 0; i + 5 < lim; i++) {
    if (s[i] != '<' || nw_ascii_ncasecmp(s + i + 1, "meta", 4)) continue;
    const char *end = memchr(s + i, '>', lim - i);
    if (!end) break;
    const char *p = s + i;
    while (p + 8 < end && nw_ascii_ncasecmp(p, "charset=", 8)) p++;
    if (p + 8 >= end) continue;
    p += 8;
    while (p < end && (*p == '"' || *p == '\'' || *p == ' ')) p++;
    const char *q = p;
    while (q < end && (isalnum((unsigned char)*q) || *q == '-' || *q == '_')) q++;
    const char *cs = known_charset(p, (size_t)(q - p));
    if (cs) return strcmp(cs, "UTF-8") || nw_utf8_valid(s, n) ? cs : "windows-1252";
    break;
  }
  return nw_utf8_valid(s, n) ? "UTF-8" : "windows-1252";
}
