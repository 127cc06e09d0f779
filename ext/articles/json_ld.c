/* JSON-LD of web pages: a forgiving JSON reader (trailing commas, raw
** control characters in strings, comments of the page around it) into an
** index-linked tree, and the facts of the page's article: its headline and
** publication date, who wrote it (Person authors, directly, in arrays, or by
** "@id" into an "@graph") and which organisations publish it. Recursion is
** bounded (64 levels), so no input exhausts the stack; time is linear in
** the script. */
#include "json_ld.h"

#include "json_escape.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define JL_MAX_DEPTH 64

typedef struct jl_parser {
  const char *s;
  size_t n, i;
  jl_doc *d;
  int oom;
} jl_parser;

static size_t blanks_from(const jl_parser *p, size_t i) {
  while (i < p->n && (p->s[i] == ' ' || p->s[i] == '\t' || p->s[i] == '\n' || p->s[i] == '\r')) i++;
  return i;
}

static void skip_blanks(jl_parser *p) { p->i = blanks_from(p, p->i); }

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

/* Whether the quotation mark at i closes its string: what follows it is
** what can follow a string in JSON (a colon, a bracket, a comma and then
** another member or value, or the end). A template that pastes text into a
** string without escaping writes a quotation mark followed by words
** ("a show called "Night Birds", a new work by ..."): such a mark is part of
** the string.
** Valid JSON never has one, so it reads as before. */
static int closes_string(const jl_parser *p, size_t i) {
  i = blanks_from(p, i + 1);
  if (i >= p->n || strchr(":}]", p->s[i])) return 1;
  if (p->s[i] != ',') return 0;
  i = blanks_from(p, i + 1);
  if (i >= p->n || strchr("\"{[}]-0123456789", p->s[i])) return 1;
  static const char *const literals[] = {"true", "false", "null"};
  for (size_t k = 0; k < 3; k++) {
    size_t l = strlen(literals[k]);
    if (p->n - i >= l && !memcmp(p->s + i, literals[k], l) && (i + l == p->n || !isalnum((unsigned char)p->s[i + l])))
      return 1;
  }
  return 0;
}

/* The string at p->i (its opening quote) into the text buffer: its offset,
** or -1 (malformed: no closing quote). A line break (escaped or raw) stays
** one, for an articleBody's paragraphs; other control characters read as
** spaces. */
static long read_string(jl_parser *p) {
  nw_buf *t = &p->d->text;
  long at = (long)t->len;
  for (p->i++; p->i < p->n; p->i++) {
    unsigned char c = (unsigned char)p->s[p->i];
    if (c == '"' && closes_string(p, p->i)) {
      p->i++;
      if (nw_buf_putc(t, 0)) p->oom = 1;
      return p->oom ? -1 : at;
    }
    if (c == '\\' && p->i + 1 < p->n) {
      char e = p->s[++p->i];
      long cp = -1;
      if (e == 'u' && (cp = nw_json_u_escape(p->s, p->n, p->i, &p->i)) >= 0) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0) cp = 0xFFFD;
        if (nw_buf_put_cp(t, (int32_t)cp)) p->oom = 1;
        continue;
      }
      c = (unsigned char)(e == 'n' ? '\n' : e == 't' || e == 'r' || e == 'b' || e == 'f' ? ' ' : e);
    }
    if (c < 0x20 && c != '\n') c = ' ';
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

/* The type's last part ("http://schema.org/NewsArticle" -> "NewsArticle"). */
static const char *type_name(const char *t) {
  const char *h = strrchr(t, '/');
  return h ? h + 1 : t;
}

/* A story: NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report. */
static int is_story_type(const char *t) {
  t = type_name(t);
  return ends_with(t, "Article") || ends_with(t, "Posting") || !strcmp(t, "Report");
}

/* A story, or the WebPage or MedicalWebPage that holds one (a ClaimReview is
** neither: its author is the fact-checker's organisation). */
static int is_article_type(const char *t) { return is_story_type(t) || ends_with(type_name(t), "WebPage"); }

static int is_person_type(const char *t) { return !strcmp(type_name(t), "Person"); }

static int is_org_type(const char *t) {
  t = type_name(t);
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

/* s appended on one line: its line breaks as spaces. */
static int append_flat(nw_buf *b, const char *s) {
  for (; *s; s++)
    if (nw_buf_putc(b, *s == '\n' ? ' ' : *s)) return -1;
  return 0;
}

static int add_line(nw_buf *b, const char *s) { return *s ? append_flat(b, s) || nw_buf_putc(b, '\n') : 0; }

/* Where the headline and the publication date come from: the first story
** object that has one, else the first other object at the top (a WebPage,
** a ClaimReview, a VideoObject: the page's own). */
enum { RANK_STORY, RANK_OTHER, RANK_COUNT };

typedef struct people {
  const jl_doc *d;
  nw_jl_article *out;
  int lookups;
  long headline[RANK_COUNT], published[RANK_COUNT], body[RANK_COUNT]; /* string nodes, or -1 */
} people;

/* Names of one author value: a string, a Person, a list of them. */
static int add_people(people *pp, long v, int depth) {
  const jl_doc *d = pp->d;
  if (v < 0 || depth > 2) return 0;
  const jl_node *nd = &d->nodes[v];
  if (nd->kind == JL_STRING) {
    const char *s = nw_jl_str(d, v);
    return strncmp(s, "http", 4) ? add_line(&pp->out->authors, s) : 0; /* a profile URL names no one */
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
  nw_buf *b = type_is(d, o, is_org_type)      ? &pp->out->author_orgs
              : type_is(d, o, is_person_type) ? &pp->out->persons
                                              : &pp->out->authors;
  if (!s) { /* a Person given by parts: {"givenName": "Ana", "familyName": "Ruiz"} */
    const char *given = nw_jl_str(d, nw_jl_member(d, o, "givenName"));
    const char *family = nw_jl_str(d, nw_jl_member(d, o, "familyName"));
    if (!given || !family) return 0;
    return append_flat(b, given) || nw_buf_putc(b, ' ') || add_line(b, family);
  }
  return add_line(b, s);
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
  return s ? add_line(&pp->out->publishers, s) : 0;
}

/* The first string member key of each rank. */
static void note_fact(people *pp, long o, int rank, const char *key, long *first) {
  long v = nw_jl_member(pp->d, o, key);
  if (first[rank] < 0 && nw_jl_str(pp->d, v)) first[rank] = v;
}

static int article_facts(people *pp, long o) {
  const jl_doc *d = pp->d;
  int rank = type_is(d, o, is_story_type) ? RANK_STORY : RANK_OTHER;
  note_fact(pp, o, rank, "headline", pp->headline);
  note_fact(pp, o, rank, "datePublished", pp->published);
  note_fact(pp, o, rank, "articleBody", pp->body);
  if (!type_is(d, o, is_article_type)) return 0;
  return add_people(pp, nw_jl_member(d, o, "author"), 0) || add_orgs(pp, nw_jl_member(d, o, "publisher"), 0);
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
  if (article_facts(pp, v)) return -1;
  return visit_top(pp, nw_jl_member(d, v, "@graph"), depth + 1) || visit_top(pp, nw_jl_member(d, v, "mainEntity"), depth + 1);
}

/* The string of the best-ranked node of first[] into out, on one line when flat. */
static int set_fact(const jl_doc *d, const long first[RANK_COUNT], int flat, nw_buf *out) {
  for (int r = 0; r < RANK_COUNT; r++) {
    const char *v = nw_jl_str(d, first[r]);
    if (v) return flat ? append_flat(out, v) : nw_buf_append(out, v, strlen(v));
  }
  return 0;
}

int nw_jl_read_article(const char *s, size_t n, nw_jl_article *a) {
  jl_doc d;
  int rc = nw_jl_parse(s, n, &d);
  people pp = {.d = &d, .out = a, .headline = {-1, -1}, .published = {-1, -1}, .body = {-1, -1}};
  if (!rc) rc = visit_top(&pp, 0, 0);
  if (!rc && (set_fact(&d, pp.headline, 1, &a->headline) || set_fact(&d, pp.published, 1, &a->published) ||
              set_fact(&d, pp.body, 0, &a->body)))
    rc = -1;
  nw_jl_free(&d);
  return rc;
}

void nw_jl_article_free(nw_jl_article *a) {
  nw_buf_free(&a->headline);
  nw_buf_free(&a->published);
  nw_buf_free(&a->body);
  nw_buf_free(&a->persons);
  nw_buf_free(&a->authors);
  nw_buf_free(&a->author_orgs);
  nw_buf_free(&a->publishers);
}
