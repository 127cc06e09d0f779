/* JSON-LD of web pages: a forgiving JSON reader (trailing commas, raw
** control characters in strings, comments of the page around it) into an
** index-linked tree, and the article facts a byline needs: who wrote it
** (Person authors, directly, in arrays, or by "@id" into an "@graph") and
** which organisations publish it. Recursion is bounded (64 levels), so no
** input exhausts the stack; time is linear in the script. */
#include "json_ld.h"

#include <stdlib.h>
#include <string.h>

#define JL_MAX_DEPTH 64

typedef struct jl_parser {
  const char *s;
  size_t n, i;
  jl_doc *d;
  int oom;
} jl_parser;

static void skip_blanks(jl_parser *p) {
  while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))
    p->i++;
}

static long new_node(jl_parser *p, jl_kind kind) {
  jl_doc *d = p->d;
  if (d->len == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 32;
    jl_node *nn = realloc(d->nodes, cap * sizeof *nn);
    if (!nn) {
      p->oom = 1;
      return -1;
    }
    d->nodes = nn;
    d->cap = cap;
  }
  d->nodes[d->len] = (jl_node){kind, -1, -1, -1, -1};
  return (long)d->len++;
}

static int hex_digit(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static long hex4_at(const jl_parser *p, size_t i) {
  if (i + 4 > p->n) return -1;
  long v = 0;
  for (size_t k = i; k < i + 4; k++) {
    int h = hex_digit(p->s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

/* The string at p->i (its opening quote) into the text buffer: its offset,
** or -1 (malformed: no closing quote). Control characters read as spaces. */
static long read_string(jl_parser *p) {
  nw_buf *t = &p->d->text;
  long at = (long)t->len;
  for (p->i++; p->i < p->n; p->i++) {
    unsigned char c = (unsigned char)p->s[p->i];
    if (c == '"') {
      p->i++;
      if (nw_buf_putc(t, 0)) p->oom = 1;
      return p->oom ? -1 : at;
    }
    if (c == '\\' && p->i + 1 < p->n) {
      char e = p->s[++p->i];
      long cp = -1;
      if (e == 'u' && (cp = hex4_at(p, p->i + 1)) >= 0) {
        p->i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && p->i + 6 < p->n && p->s[p->i + 1] == '\\' && p->s[p->i + 2] == 'u') {
          long lo = hex4_at(p, p->i + 3);
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            p->i += 6;
          }
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) cp = 0xFFFD;
        if (nw_buf_put_cp(t, (int32_t)cp)) p->oom = 1;
        continue;
      }
      c = (unsigned char)(e == 'n' || e == 't' || e == 'r' || e == 'b' || e == 'f' ? ' ' : e);
    }
    if (c < 0x20) c = ' ';
    if (nw_buf_putc(t, (char)c)) p->oom = 1;
  }
  return -1;
}

static long parse_value(jl_parser *p, int depth);

/* Members or elements up to the closing bracket; a trailing comma is forgiven. */
static int parse_children(jl_parser *p, long parent, char close, int depth) {
  long last = -1;
  p->i++;
  for (;;) {
    skip_blanks(p);
    if (p->i >= p->n) return -1;
    if (p->s[p->i] == close) {
      p->i++;
      return 0;
    }
    long key = -1;
    if (close == '}') {
      if (p->s[p->i] != '"' || (key = read_string(p)) < 0) return -1;
      skip_blanks(p);
      if (p->i >= p->n || p->s[p->i] != ':') return -1;
      p->i++;
    }
    long child = parse_value(p, depth + 1);
    if (child < 0) return -1;
    p->d->nodes[child].key = key;
    if (last < 0) p->d->nodes[parent].first = child;
    else p->d->nodes[last].next = child;
    last = child;
    skip_blanks(p);
    if (p->i < p->n && p->s[p->i] == ',') p->i++;
    else if (p->i >= p->n || p->s[p->i] != close) return -1;
  }
}

static long parse_value(jl_parser *p, int depth) {
  skip_blanks(p);
  if (p->i >= p->n || depth > JL_MAX_DEPTH) return -1;
  char c = p->s[p->i];
  if (c == '{' || c == '[') {
    long node = new_node(p, c == '{' ? JL_OBJECT : JL_ARRAY);
    if (node < 0 || parse_children(p, node, c == '{' ? '}' : ']', depth)) return -1;
    return node;
  }
  if (c == '"') {
    long node = new_node(p, JL_STRING);
    if (node < 0) return -1;
    long str = read_string(p);
    if (str < 0) return -1;
    p->d->nodes[node].str = str;
    return node;
  }
  /* numbers, true, false, null: read over, not kept */
  size_t start = p->i;
  while (p->i < p->n && !strchr(",]} \t\r\n", p->s[p->i])) p->i++;
  return p->i > start ? new_node(p, JL_OTHER) : -1;
}

int nw_jl_parse(const char *s, size_t n, jl_doc *d) {
  memset(d, 0, sizeof *d);
  jl_parser p = {s, n, 0, d, 0};
  /* a script may wrap its JSON in an HTML comment or CDATA marker */
  while (p.i < n && s[p.i] != '{' && s[p.i] != '[') p.i++;
  long root = parse_value(&p, 0);
  if (p.oom) return -1;
  return root == 0 ? 0 : 1;
}

void nw_jl_free(jl_doc *d) {
  free(d->nodes);
  nw_buf_free(&d->text);
  memset(d, 0, sizeof *d);
}

const char *nw_jl_str(const jl_doc *d, long i) {
  return i >= 0 && d->nodes[i].kind == JL_STRING ? d->text.data + d->nodes[i].str : NULL;
}

long nw_jl_member(const jl_doc *d, long o, const char *key) {
  if (o < 0 || d->nodes[o].kind != JL_OBJECT) return -1;
  for (long c = d->nodes[o].first; c >= 0; c = d->nodes[c].next)
    if (d->nodes[c].key >= 0 && !strcmp(d->text.data + d->nodes[c].key, key)) return c;
  return -1;
}

/* ---- the article's people ------------------------------------------- */

static int ends_with(const char *s, const char *tail) {
  size_t a = strlen(s), b = strlen(tail);
  return a >= b && !strcmp(s + a - b, tail);
}

/* Whether the object's @type (a string or a list of them) passes test. */
static int type_is(const jl_doc *d, long o, int (*test)(const char *)) {
  long t = nw_jl_member(d, o, "@type");
  if (t < 0) return 0;
  if (d->nodes[t].kind == JL_STRING) return test(nw_jl_str(d, t));
  if (d->nodes[t].kind == JL_ARRAY)
    for (long c = d->nodes[t].first; c >= 0; c = d->nodes[c].next)
      if (nw_jl_str(d, c) && test(nw_jl_str(d, c))) return 1;
  return 0;
}

/* NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report,
** a WebPage or MedicalWebPage (a ClaimReview is none: its author is the
** fact-checker's organisation). */
static int is_article_type(const char *t) {
  const char *h = strrchr(t, '/'); /* "http://schema.org/NewsArticle" */
  if (h) t = h + 1;
  return ends_with(t, "Article") || ends_with(t, "Posting") || ends_with(t, "WebPage") || !strcmp(t, "Report");
}

static int is_org_type(const char *t) {
  const char *h = strrchr(t, '/');
  if (h) t = h + 1;
  return strstr(t, "Organization") || strstr(t, "Organisation") || !strcmp(t, "Corporation") ||
         !strcmp(t, "NGO") || !strcmp(t, "GovernmentOrganization");
}

/* Each reference is looked up by a scan of the nodes: a page has a few, and
** a page that has thousands gets the first ones resolved (linear time). */
enum { JL_MAX_LOOKUPS = 16 };

/* The object an {"@id": ...} reference names, in the same document. */
static long resolve(const jl_doc *d, long o, int *lookups) {
  long id = nw_jl_member(d, o, "@id");
  const char *want = nw_jl_str(d, id);
  if (!want || nw_jl_member(d, o, "name") >= 0 || ++*lookups > JL_MAX_LOOKUPS) return o;
  for (size_t i = 0; i < d->len; i++) {
    if (d->nodes[i].kind != JL_OBJECT || (long)i == o) continue;
    const char *got = nw_jl_str(d, nw_jl_member(d, (long)i, "@id"));
    if (got && !strcmp(got, want) && nw_jl_member(d, (long)i, "name") >= 0) return (long)i;
  }
  return o;
}

static int add_line(nw_buf *b, const char *s) {
  size_t n = strlen(s);
  return n ? nw_buf_append(b, s, n) || nw_buf_putc(b, '\n') : 0;
}

typedef struct people {
  const jl_doc *d;
  nw_buf *authors, *author_orgs, *publishers;
  int lookups;
} people;

/* Names of one author value: a string, a Person, a list of them. */
static int add_people(people *pp, long v, int depth) {
  const jl_doc *d = pp->d;
  if (v < 0 || depth > 2) return 0;
  const jl_node *nd = &d->nodes[v];
  if (nd->kind == JL_STRING) {
    const char *s = nw_jl_str(d, v);
    return strncmp(s, "http", 4) ? add_line(pp->authors, s) : 0; /* a profile URL names no one */
  }
  if (nd->kind == JL_ARRAY) {
    for (long c = nd->first; c >= 0; c = d->nodes[c].next)
      if (add_people(pp, c, depth + 1)) return -1;
    return 0;
  }
  if (nd->kind != JL_OBJECT) return 0;
  long o = resolve(d, v, &pp->lookups);
  long name = nw_jl_member(d, o, "name");
  if (name >= 0 && d->nodes[name].kind == JL_ARRAY) return add_people(pp, name, depth + 1);
  const char *s = nw_jl_str(d, name);
  if (!s) return 0;
  return add_line(type_is(d, o, is_org_type) ? pp->author_orgs : pp->authors, s);
}

static int add_orgs(people *pp, long v, int depth) {
  const jl_doc *d = pp->d;
  if (v < 0 || depth > 2) return 0;
  if (d->nodes[v].kind == JL_ARRAY) {
    for (long c = d->nodes[v].first; c >= 0; c = d->nodes[c].next)
      if (add_orgs(pp, c, depth + 1)) return -1;
    return 0;
  }
  const char *s = d->nodes[v].kind == JL_OBJECT ? nw_jl_str(d, nw_jl_member(d, resolve(d, v, &pp->lookups), "name"))
                                                 : nw_jl_str(d, v);
  return s ? add_line(pp->publishers, s) : 0;
}

static int article_people(people *pp, long o) {
  if (!type_is(pp->d, o, is_article_type)) return 0;
  return add_people(pp, nw_jl_member(pp->d, o, "author"), 0) || add_orgs(pp, nw_jl_member(pp->d, o, "publisher"), 0);
}

/* The top-level objects: the root, a list's items, an "@graph"'s items, and
** what a WebPage names as its mainEntity. Never deeper: nested objects are
** what an article cites or reviews. */
static int visit_top(people *pp, long v, int depth) {
  const jl_doc *d = pp->d;
  if (v < 0 || depth > 3) return 0;
  if (d->nodes[v].kind == JL_ARRAY) {
    for (long c = d->nodes[v].first; c >= 0; c = d->nodes[c].next)
      if (visit_top(pp, c, depth + 1)) return -1;
    return 0;
  }
  if (d->nodes[v].kind != JL_OBJECT) return 0;
  if (article_people(pp, v)) return -1;
  return visit_top(pp, nw_jl_member(d, v, "@graph"), depth + 1) || visit_top(pp, nw_jl_member(d, v, "mainEntity"), depth + 1);
}

int nw_jl_article_people(const char *s, size_t n, nw_buf *authors, nw_buf *author_orgs, nw_buf *publishers) {
  jl_doc d;
  int rc = nw_jl_parse(s, n, &d);
  people pp = {&d, authors, author_orgs, publishers, 0};
  if (!rc) rc = visit_top(&pp, 0, 0);
  nw_jl_free(&d);
  return rc;
}
