/* Page metadata: <meta> names and properties (og:, article:, twitter:,
** Dublin Core, parsely, sailthru), JSON-LD (NewsArticle), canonical links,
** <time datetime>, <h1> and <title>, by a table of names and priorities.
** Every candidate is kept by its priority, so that a title that is only the
** site's name gives way to the next one, and a timestamp in UTC to one in
** the outlet's own offset. Bylines come from the first source that names a
** person: JSON-LD authors, <meta> authors, itemprop=author, byline and
** author boxes, rel=author links, a "By ..." line, links to an author's
** page (byline.c cleans them);
** never from inside a claim under review, comments or related-story lists. */
#include <ctype.h>
#include <stdio.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "html_page.h"
#include "json_ld.h"

enum { F_TITLE, F_BYLINE, F_PUBLISHED, F_URL, F_PAGE_URL, F_SOURCE, F_COUNT }; /* F_URL: canonical */
enum { MAX_PRIO = 9 };

/* Byline sources, in the order they are trusted. */
enum { B_LD_PERSON, B_LD, B_META, B_ITEMPROP, B_CLASS, B_REL, B_BY_LINE, B_HREF, B_LD_ORG, B_COUNT };
/* A byline box or line longer than this is a biography or a paragraph;
** a source's candidates stop at BYLINE_SOURCE_MAX bytes. */
enum { BYLINE_MAX = 200, BYLINE_SOURCE_MAX = 2000 };

/* <meta> name/property/itemprop -> field, with a priority (lower wins). */
typedef struct meta_key {
  const char *name;
  int field, prio;
} meta_key;

static const meta_key meta_keys[] = {
  {"og:title", F_TITLE, 2}, {"twitter:title", F_TITLE, 4}, {"dc.title", F_TITLE, 4}, {"headline", F_TITLE, 2},
  {"author", F_BYLINE, 1}, {"article:author", F_BYLINE, 2}, {"dc.creator", F_BYLINE, 2},
  {"sailthru.author", F_BYLINE, 2}, {"parsely-author", F_BYLINE, 2}, {"byl", F_BYLINE, 1},
  {"og:article:author", F_BYLINE, 2}, {"article:author_name", F_BYLINE, 2}, {"author_name", F_BYLINE, 2},
  {"dcterms.creator", F_BYLINE, 2}, {"cxenseparse:author", F_BYLINE, 2},
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
  char *v[F_COUNT][MAX_PRIO + 1]; /* the first value of each priority */
  nw_buf by[B_COUNT];             /* byline candidates of each source, one per line */
  nw_buf publishers;              /* JSON-LD publishers, one per line */
  nw_buf *ld_body;                /* the caller's: the first JSON-LD articleBody */
  char author_data[16];           /* "twitter:dataN" that a "twitter:labelN" says holds the author */
  int oom;
} found;

/* Where an element is: what its byline-looking parts are worth. */
enum {
  S_REVIEWED = 1, /* inside the claim a ClaimReview checks: its author is not the page's */
  S_ASIDE = 2,    /* comments, related stories, navigation, footers: other people's names */
  S_BYLINE = 4,   /* inside a byline box already offered: its parts say the same again */
};

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

/* A trimmed, decoded copy of v[0..n) (NULL when empty, too long or OOM). */
static char *clean_copy(found *f, const char *v, size_t n) {
  while (n && isspace((unsigned char)*v)) v++, n--;
  while (n && isspace((unsigned char)v[n - 1])) n--;
  if (!n || n > 1000) return NULL;
  char *c = strndup(v, n);
  if (!c) f->oom = 1;
  else decode_refs(c); /* a decoded reference is never longer than its text */
  return c;
}

/* A value for a field at a priority: the first one stays, except that a
** timestamp with the outlet's offset replaces one in UTC ("...Z"). */
static void offer(found *f, int field, int prio, const char *v, size_t n) {
  if (!v) return;
  char ts[NW_TIMESTAMP_BUF];
  char **slot = &f->v[field][prio];
  if (*slot && !(field == F_PUBLISHED && nw_timestamp(*slot, strlen(*slot), ts) == 1 && nw_timestamp(v, n, ts) == 2))
    return;
  char *c = clean_copy(f, v, n);
  if (!c) return;
  free(*slot);
  *slot = c;
}

/* The value of the best priority, or NULL. */
static const char *best(const found *f, int field) {
  for (int p = 0; p <= MAX_PRIO; p++)
    if (f->v[field][p]) return f->v[field][p];
  return NULL;
}

/* A byline candidate: a line of its source (white space made single
** spaces), or with lines, the lines a byline box breaks into. */
static void offer_byline_lines(found *f, int source, const char *v, size_t n, int lines) {
  char *c = v ? clean_copy(f, v, n) : NULL;
  if (!c) return;
  for (char *q = c; *q; q++)
    if (isspace((unsigned char)*q) && !(lines && *q == '\n')) *q = ' ';
  size_t l = strlen(c);
  nw_buf *b = &f->by[source];
  /* a byline is named a few times at most: a page that repeats a box
  ** thousands of times (a list of stories) adds nothing after the first */
  if (l <= BYLINE_MAX && b->len < BYLINE_SOURCE_MAX && (nw_buf_append(b, c, l) || nw_buf_putc(b, '\n'))) f->oom = 1;
  free(c);
}

static void offer_byline(found *f, int source, const char *v, size_t n) { offer_byline_lines(f, source, v, n, 0); }

static char *prop(const xmlNode *n, const char *name) { return (char *)xmlGetProp(n, (const xmlChar *)name); }

/* Twitter's label/data pairs (SEO plug-ins write the author so):
** twitter:label1 "Written by", then twitter:data1 "Ana Ruiz". key is lower case. */
static void twitter_author(found *f, const char *key, const char *content) {
  if (!strncmp(key, "twitter:label", 13) && strlen(key) < 16 &&
      (!nw_ascii_casecmp(content, "written by") || !nw_ascii_casecmp(content, "author") ||
       !nw_ascii_casecmp(content, "by")))
    snprintf(f->author_data, sizeof f->author_data, "twitter:data%s", key + 13);
  else if (f->author_data[0] && !strcmp(key, f->author_data))
    offer_byline(f, B_META, content, strlen(content));
}

/* Each line of lines[0..n) offered as a byline candidate of source. */
static void offer_byline_each(found *f, int source, const nw_buf *lines) {
  for (size_t i = 0; i < lines->len;) { /* each name decoded like any value */
    const char *nl = memchr(lines->data + i, '\n', lines->len - i);
    size_t l = nl ? (size_t)(nl - lines->data) - i : lines->len - i;
    offer_byline(f, source, lines->data + i, l);
    i += l + 1;
  }
}

/* A JSON-LD script: the article's headline, publication time, publisher
** (the site's name when <meta> gives none) and authors, from the tree. */
static void read_json_ld(found *f, const char *s) {
  nw_jl_article ja = {0};
  if (nw_jl_read_article(s, strlen(s), &ja) < 0) f->oom = 1;
  if (ja.headline.len) offer(f, F_TITLE, 1, ja.headline.data, ja.headline.len);
  if (ja.published.len) offer(f, F_PUBLISHED, 1, ja.published.data, ja.published.len);
  if (ja.body.len && !f->ld_body->len && nw_buf_append(f->ld_body, ja.body.data, ja.body.len)) f->oom = 1;
  if (ja.publishers.len) offer(f, F_SOURCE, 2, ja.publishers.data, strcspn(ja.publishers.data, "\n"));
  if (ja.publishers.len && nw_buf_append(&f->publishers, ja.publishers.data, ja.publishers.len)) f->oom = 1;
  offer_byline_each(f, B_LD_PERSON, &ja.persons);
  offer_byline_each(f, B_LD, &ja.authors);
  offer_byline_each(f, B_LD_ORG, &ja.author_orgs);
  nw_jl_article_free(&ja);
}

static void node_text(const xmlNode *n, nw_buf *b) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) nw_buf_append(b, (const char *)c->content, strlen((char *)c->content));
    else if (c->type == XML_ELEMENT_NODE && nw_ascii_casecmp((const char *)c->name, "script") &&
             nw_ascii_casecmp((const char *)c->name, "style"))
      node_text(c, b);
  }
}

/* Elements that end a line of a byline box ("By Ann Lee" <div> "Staff Writer"). */
static int breaks_line(const char *t) {
  static const char *const tags[] = {"div", "p", "li", "br", "ul", "ol", "section", "address", "h2", "h3", "h4",
                                     "h5", "h6", "dd", "dt", "tr", "td", NULL};
  for (size_t i = 0; tags[i]; i++)
    if (!strcmp(t, tags[i])) return 1;
  return 0;
}

/* The text of n while it stays within BYLINE_MAX bytes (1 when it does):
** white space as single spaces, a line break where a block ends. */
static int short_text(const xmlNode *n, nw_buf *b) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (b->len > BYLINE_MAX) return 0;
    if (c->type == XML_TEXT_NODE && c->content) {
      const char *t = (const char *)c->content;
      size_t l = strlen(t);
      if (l > BYLINE_MAX) return 0;
      for (size_t i = 0; i < l; i++)
        if (nw_buf_putc(b, isspace((unsigned char)t[i]) ? ' ' : t[i])) return 0;
    } else if (c->type == XML_ELEMENT_NODE && nw_ascii_casecmp((const char *)c->name, "script") &&
               nw_ascii_casecmp((const char *)c->name, "style")) {
      if (!short_text(c, b)) return 0;
      if (breaks_line((const char *)c->name) && nw_buf_putc(b, '\n')) return 0;
    }
  }
  return b->len <= BYLINE_MAX;
}

/* Whether the attribute's value holds word (case-insensitive) as one of
** its space-separated tokens. */
static int attr_has_token(const xmlNode *n, const char *attr, const char *word) {
  char *v = prop(n, attr);
  int hit = 0;
  size_t wl = strlen(word);
  for (char *t = v; t && *t && !hit;) {
    while (*t == ' ') t++;
    size_t l = strcspn(t, " ");
    hit = l == wl && !nw_ascii_ncasecmp(t, word, wl);
    t += l;
  }
  xmlFree(v);
  return hit;
}

/* A class or id token of a byline box: "byline", "byline__author",
** "article-author", "ArticlePage-authorName", "author-name"; not an
** author's picture or biography ("article-author-image", "author-bio"). */
static int byline_token(const char *t, size_t l) {
  char low[64];
  if (l >= sizeof low) return 0;
  for (size_t i = 0; i < l; i++) low[i] = (char)tolower((unsigned char)t[i]);
  low[l] = 0;
  if (strstr(low, "comment")) return 0;
  if (strstr(low, "byline")) return 1;
  const char *last = low + l; /* the last part of a dashed or underscored name */
  while (last > low && last[-1] != '-' && last[-1] != '_') last--;
  static const char *const finals[] = {"author", "authors", "authorname", "authornames", NULL};
  for (size_t i = 0; finals[i]; i++)
    if (!strcmp(last, finals[i])) return 1;
  return (!strcmp(last, "name") || !strcmp(last, "names") || !strcmp(last, "link")) && strstr(low, "author") != NULL;
}

static int class_has(const xmlNode *n, int (*test)(const char *, size_t)) {
  int hit = 0;
  for (int k = 0; k < 2 && !hit; k++) {
    char *v = prop(n, k ? "id" : "class");
    for (char *t = v; t && *t && !hit;) {
      while (*t == ' ') t++;
      size_t l = strcspn(t, " ");
      hit = l && test(t, l);
      t += l;
    }
    xmlFree(v);
  }
  return hit;
}

/* A link to an author's page ("/author/ana-ruiz/", "/authors/..."): its
** text names the author when nothing else on the page does. */
static int author_page_link(const xmlNode *n) {
  char *href = prop(n, "href");
  int hit = href && (strstr(href, "/author/") || strstr(href, "/authors/"));
  xmlFree(href);
  return hit;
}

/* Boxes whose names are not the article's authors: comments, related and
** recommended stories, navigation, sidebars. */
static int aside_token(const char *t, size_t l) {
  static const char *const words[] = {"comment", "related", "recommend", "sidebar", "more-stories", "footer",
                                      "popular", "trending", "disqus", "widget", NULL};
  char low[64];
  if (l >= sizeof low) return 0;
  for (size_t i = 0; i < l; i++) low[i] = (char)tolower((unsigned char)t[i]);
  low[l] = 0;
  for (size_t i = 0; words[i]; i++)
    if (strstr(low, words[i])) return 1;
  return 0;
}

static int scope_of(const xmlNode *n, int scope) {
  const char *t = (const char *)n->name;
  if (attr_has_token(n, "itemprop", "itemReviewed")) scope |= S_REVIEWED;
  /* the page's own classes describe its layout ("one-sidebar"), not an aside */
  int page = !strcmp(t, "html") || !strcmp(t, "body") || !strcmp(t, "main") || !strcmp(t, "article");
  /* a figure's caption credits its picture ("By Lars Holm" under a photo), not the article */
  if (!strcmp(t, "aside") || !strcmp(t, "nav") || !strcmp(t, "footer") || !strcmp(t, "figure") ||
      (!page && class_has(n, aside_token)))
    scope |= S_ASIDE;
  return scope;
}

/* The name an itemprop=author element gives: its itemprop=name (content or
** text), else its own text. */
static const xmlNode *itemprop_name(const xmlNode *n, int depth) {
  for (const xmlNode *c = n->children; c && depth < 8; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (attr_has_token(c, "itemprop", "name")) return c;
    const xmlNode *in = itemprop_name(c, depth + 1);
    if (in) return in;
  }
  return NULL;
}

static void offer_text(found *f, int source, const xmlNode *n) {
  nw_buf b = {0};
  if (short_text(n, &b) && b.data) offer_byline_lines(f, source, b.data, b.len, 1);
  nw_buf_free(&b);
}

static void offer_author_element(found *f, const xmlNode *n) {
  char *type = prop(n, "itemtype");
  int org = type && strstr(type, "Organization");
  xmlFree(type);
  if (org) return;
  const xmlNode *name = itemprop_name(n, 0);
  char *content = name ? prop(name, "content") : NULL;
  if (content) offer_byline(f, B_ITEMPROP, content, strlen(content));
  else offer_text(f, B_ITEMPROP, name ? name : n);
  xmlFree(content);
}

/* A "By Jane Doe" line: short, a lead ("By", "Written by") then a capital. */
static void offer_by_line(found *f, const xmlNode *n) {
  static const char *const tags[] = {"p", "div", "span", "address", "li", "h2", "h3", "h4", "h5", "h6", "em", "strong",
                                     "b", "small", NULL};
  const char *t = (const char *)n->name;
  size_t i = 0;
  while (tags[i] && strcmp(tags[i], t)) i++;
  if (!tags[i] || f->by[B_BY_LINE].len) return;
  nw_buf b = {0};
  if (short_text(n, &b) && b.data) {
    const char *s = b.data;
    while (isspace((unsigned char)*s)) s++;
    size_t lead = nw_byline_lead(s, strlen(s));
    if (lead && isupper((unsigned char)s[0]) && isupper((unsigned char)s[lead])) offer_byline_lines(f, B_BY_LINE, s, strlen(s), 1);
  }
  nw_buf_free(&b);
}

static void visit(const xmlNode *n, found *f, int scope) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const char *t = (const char *)n->name;
    int inner = scope_of(n, scope);
    if (!strcmp(t, "meta")) {
      char *key = prop(n, "property"), *content = prop(n, "content");
      if (!key) key = prop(n, "name");
      if (!key) key = prop(n, "itemprop");
      if (key && content && !(inner & S_REVIEWED)) {
        for (char *q = key; *q; q++) *q = (char)tolower((unsigned char)*q);
        for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++) {
          if (strcmp(key, meta_keys[i].name)) continue;
          if (meta_keys[i].field == F_BYLINE) offer_byline(f, B_META, content, strlen(content));
          else offer(f, meta_keys[i].field, meta_keys[i].prio, content, strlen(content));
        }
        twitter_author(f, key, content);
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
    if (!(inner & S_REVIEWED) && strcmp(t, "meta")) {
      if (attr_has_token(n, "itemprop", "author") || attr_has_token(n, "itemprop", "creator")) offer_author_element(f, n);
      if (!(inner & S_ASIDE)) {
        if (!strcmp(t, "a") && attr_has_token(n, "rel", "author")) offer_text(f, B_REL, n);
        else if (!strcmp(t, "a") && author_page_link(n)) offer_text(f, B_HREF, n);
        if (!(inner & S_BYLINE) && class_has(n, byline_token)) {
          nw_buf b = {0};
          if (short_text(n, &b) && b.data) {
            offer_byline_lines(f, B_CLASS, b.data, b.len, 1);
            inner |= S_BYLINE;
          }
          nw_buf_free(&b);
        }
        offer_by_line(f, n);
      }
    }
    visit(n->children, f, inner);
  }
}

/* "Headline | Site" -> "Headline" when the part after the last separator
** names the page's publisher: its site name, its JSON-LD publisher, or its
** host ("Valley Times" on valleytimes.example); *site is where that name starts. */
static size_t strip_site_suffix(const char *t, size_t n, const char *const *publishers, size_t *site) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "};
  for (size_t i = n; i-- > 1;)
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
      size_t pl = strlen(seps[k]);
      if (i + pl >= n || memcmp(t + i, seps[k], pl)) continue;
      /* the last separator decides: the rest of a headline is no site name */
      *site = i + pl;
      return nw_names_publisher(t + i + pl, n - i - pl, publishers, 0) ? i : n;
    }
  return n;
}

/* The site of a URL: its host's last two labels, or three under a
** country's second level ("bbc.co.uk"). Empty when the URL has no host. */
static void site_of(const char *url, char out[256]) {
  char host[NW_HOST_BUF];
  size_t n = nw_url_host(url, strlen(url), host), dot[3] = {0}, k = 0; /* positions of the last three dots */
  for (size_t i = n; i-- > 0 && k < 3;)
    if (host[i] == '.') dot[k++] = i;
  size_t keep = 2;
  if (k >= 2 && n - dot[0] - 1 == 2 && dot[0] - dot[1] - 1 <= 3) keep = 3;
  size_t start = k >= keep ? dot[keep - 1] + 1 : 0;
  snprintf(out, 256, "%s", host + start);
}

/* The article URL: the canonical link, unless it names another site than
** the page's own og:url (a syndicated copy names its source there). */
static const char *page_url(const found *f) {
  const char *canon = best(f, F_URL), *own = best(f, F_PAGE_URL);
  if (!canon || !own) return canon ? canon : own;
  char a[256], b[256];
  site_of(canon, a);
  site_of(own, b);
  return a[0] && b[0] && strcmp(a, b) ? own : canon;
}

/* The page's own names: its site name (and the part before a " | "), its
** JSON-LD publishers, the first label of its host ("detroitnews"). */
enum { MAX_PUBLISHERS = 16 };
/* -1 when out of memory. */
static int publisher_names(found *f, const char *url, const char *names[MAX_PUBLISHERS + 1], char *spare[3]) {
  size_t k = 0;
  const char *site = best(f, F_SOURCE);
  if (site) {
    names[k++] = site;
    if (!(spare[0] = strdup(site))) return -1; /* names unused: the caller fails */
    spare[0][strcspn(spare[0], "|")] = 0;
    names[k++] = spare[0];
  }
  if (f->v[F_SOURCE][3]) names[k++] = f->v[F_SOURCE][3]; /* <meta name=publisher> */
  char host[256];
  if (url) site_of(url, host);
  if (url && host[0]) {
    if (!(spare[1] = strdup(host))) return -1;
    spare[1][strcspn(spare[1], ".")] = 0;
    names[k++] = spare[1];
  }
  for (size_t i = 0; i < f->publishers.len && k < MAX_PUBLISHERS; k++) {
    char *nl = memchr(f->publishers.data + i, '\n', f->publishers.len - i);
    if (!nl) break;
    *nl = 0; /* the buffer is used as lines no more */
    names[k] = f->publishers.data + i;
    i = (size_t)(nl - f->publishers.data) + 1;
  }
  names[k] = NULL;
  return 0;
}

/* The byline: the people of the first source that names any, else the
** organisation (an agency) the first source names; never the publisher. */
static int choose_byline(found *f, const char *const *publishers, nw_article *a) {
  static const int order[] = {B_LD_PERSON, B_LD, B_META, B_ITEMPROP, B_CLASS, B_REL, B_BY_LINE, B_HREF, B_LD_ORG};
  nw_buf persons = {0}, orgs = {0}, first_org = {0}, out = {0};
  int rc = 0;
  for (size_t i = 0; i < sizeof order / sizeof order[0] && !rc && !persons.len; i++) {
    const nw_buf *b = &f->by[order[i]];
    if (!b->len) continue;
    orgs.len = 0;
    /* a JSON-LD Person's one-word name ("Regan") is a name; elsewhere one word is a user name */
    rc = nw_byline_people(b->data, b->len, publishers, order[i] == B_LD_PERSON, &persons, &orgs);
    if (!rc && orgs.len && !first_org.len) rc = nw_buf_append(&first_org, orgs.data, strcspn(orgs.data, "\n") + 1);
  }
  if (!rc && (persons.len || first_org.len)) rc = nw_byline_join(persons.len ? &persons : &first_org, &out);
  if (!rc && out.len) rc = nw_article_set(&a->byline, out.data, out.len);
  nw_buf_free(&persons);
  nw_buf_free(&orgs);
  nw_buf_free(&first_org);
  nw_buf_free(&out);
  return rc;
}

/* The title: the best candidate that is more than the site's name (a page
** whose og:title is "Example News" has its headline in <h1>). The site's
** name cut from its end is the source when nothing else names one (the
** host alone said "valleytimes", the title says "Valley Times"). */
static int choose_title(const found *f, const char *const *publishers, nw_article *a) {
  for (int p = 0; p <= MAX_PRIO; p++) {
    const char *t = f->v[F_TITLE][p];
    if (!t) continue;
    size_t len = strlen(t), site = len, n = strip_site_suffix(t, len, publishers, &site);
    if (nw_names_publisher(t, n, publishers, 0)) continue;
    if (n < len && !best(f, F_SOURCE) && nw_article_set(&a->source, t + site, len - site)) return -1;
    return nw_article_set(&a->title, t, n);
  }
  return 0;
}

/* published and published_at: the best candidate's date, as the outlet
** wrote it (its offset kept, never turned into UTC). A timestamp in UTC
** gives way to one of the same rank or near it that carries the outlet's
** offset; a bare date takes its time from a timestamp of the same day. */
static int choose_published(const found *f, nw_article *a) {
  enum { NEAR = 3, LAST = 6 }; /* ranks of the page's own publication time (8: modified) */
  const char *chosen = NULL;
  int chosen_p = 0;
  char ts[NW_TIMESTAMP_BUF], d[NW_DATE_BUF];
  for (int p = 0; p <= MAX_PRIO && !chosen; p++) {
    const char *v = f->v[F_PUBLISHED][p];
    int dated = v ? nw_full_date(v, strlen(v), d) : 0;
    if (dated < 0) return -1; /* out of memory */
    if (dated) chosen = v, chosen_p = p;
  }
  if (!chosen) return 0;
  if (nw_timestamp(chosen, strlen(chosen), ts) != 2 && chosen_p <= NEAR)
    for (int p = 0; p <= NEAR; p++) {
      const char *v = f->v[F_PUBLISHED][p];
      if (v && v != chosen && nw_timestamp(v, strlen(v), ts) == 2 && nw_full_date(v, strlen(v), d) == 1) {
        chosen = v;
        break;
      }
    }
  if (nw_full_date(chosen, strlen(chosen), d) != 1 || nw_article_set(&a->published, d, NW_YMD_LEN)) return -1;
  for (int p = 0; p <= LAST; p++) { /* the chosen one first, then any of its day */
    const char *v = p == 0 ? chosen : f->v[F_PUBLISHED][p];
    if (v && nw_timestamp(v, strlen(v), ts) && !memcmp(ts, d, NW_YMD_LEN))
      return nw_article_set(&a->published_at, ts, strlen(ts));
  }
  return 0;
}

int nw_html_meta(htmlDocPtr doc, nw_article *a, nw_buf *ld_body) {
  found f = {.ld_body = ld_body};
  visit(xmlDocGetRootElement(doc), &f, 0);
  const char *url = page_url(&f);
  const char *publishers[MAX_PUBLISHERS + 1];
  char *spare[3] = {0};
  int rc = f.oom || publisher_names(&f, url, publishers, spare) || choose_title(&f, publishers, a) || choose_byline(&f, publishers, a) || choose_published(&f, a);
  if (!rc && url) rc = nw_article_set(&a->url, url, strlen(url));
  const char *source = best(&f, F_SOURCE);
  if (!rc && source) rc = nw_article_set(&a->source, source, strlen(source));
  for (int i = 0; i < F_COUNT; i++)
    for (int p = 0; p <= MAX_PRIO; p++) free(f.v[i][p]);
  for (int i = 0; i < B_COUNT; i++) nw_buf_free(&f.by[i]);
  nw_buf_free(&f.publishers);
  for (int i = 0; i < 3; i++) free(spare[i]);
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

static int has_multibyte(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) return 1;
  return 0;
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
    if (cs && !strcmp(cs, "UTF-8")) return nw_utf8_valid(s, n) ? cs : "windows-1252";
    /* a page saved as UTF-8 under a template's old declaration: bytes
    ** above ASCII that all form UTF-8 sequences are almost never Latin-1
    ** or another legacy charset, so the bytes win over the label */
    if (cs && !(has_multibyte(s, n) && nw_utf8_valid(s, n))) return cs;
    break;
  }
  return nw_utf8_valid(s, n) ? "UTF-8" : "windows-1252";
}
