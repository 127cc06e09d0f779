/* Saved web pages: libxml2's HTML parser (charset from the page; pages that
** declare Latin-1 or nothing and are not UTF-8 are read as Windows-1252),
** metadata from <meta>, JSON-LD, <link rel=canonical>, <time> and <h1>
** (html_meta.c), and the main text found by structure and text, as
** Readability does: paragraphs score their ancestors by length and commas,
** class/id words weigh in, link-heavy blocks count for little; the best
** container and its like siblings are the article, cleaned of link lists,
** furniture blocks and prompts. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <pcre2.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "html_page.h"
#include "html_rules.h"
#include "news_articles.h"
#include "once.h"
#include "text_rules.h"

/* ---- compiled class/id patterns (once per process) ------------------- */

enum { P_UNLIKELY, P_UNLIKELY_WORDS, P_MAYBE, P_POSTS, P_POSITIVE, P_NEGATIVE, P_COMMENTS, P_COUNT };
static pcre2_code *pat[P_COUNT];
static nw_once pat_once = NW_ONCE_INIT;

/* Also libxml2's own set-up, which is not safe to race on when readers in
** several threads meet their first page at once. A failed compile frees
** what it made: the next page compiles again. */
static int compile_patterns(void) {
  xmlInitParser();
  const char *src[P_COUNT] = {nw_html_unlikely, nw_html_unlikely_words, nw_html_maybe, nw_html_posts,
                              nw_html_positive, nw_html_negative,       nw_html_comments};
  int ok = 1;
  for (int i = 0; i < P_COUNT; i++) ok &= (pat[i] = nw_compile_rule(src[i], 0)) != NULL;
  if (ok) return 0;
  for (int i = 0; i < P_COUNT; i++) {
    pcre2_code_free(pat[i]);
    pat[i] = NULL;
  }
  return -1;
}

__attribute__((destructor)) static void free_patterns(void) {
  for (int i = 0; i < P_COUNT; i++) pcre2_code_free(pat[i]);
}

static int matches(int which, const char *s, pcre2_match_data *md) {
  if (!pat[which] || !s || !*s) return 0;
  return pcre2_match(pat[which], (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL) > 0;
}

/* ---- per-element statistics ------------------------------------------ */

typedef struct ninfo {
  double score;
  size_t text, links, commas, paras;
  int weight;
  uint8_t scored;
} ninfo;

enum { MAX_EXPANDERS = 32 };
typedef struct page_ctx {
  pcre2_match_data *md;
  ninfo *info; /* one per element, in document order */
  /* ids that "Read more" buttons (aria-expanded) open (aria-controls) */
  char *expands[MAX_EXPANDERS];
  int n_expands;
} page_ctx;

static int in_list(const char *const *list, const char *name) {
  for (size_t i = 0; list[i]; i++)
    if (strcmp(list[i], name) == 0) return 1;
  return 0;
}

static double link_density(const ninfo *in) { return in->text ? (double)in->links / (double)in->text : 0; }

static const char *tag(const xmlNode *n) { return n->type == XML_ELEMENT_NODE ? (const char *)n->name : ""; }
static ninfo *info_of(const xmlNode *n) { return n->type == XML_ELEMENT_NODE ? (ninfo *)n->_private : NULL; }

/* "class id" of an element (malloc'ed) or NULL. */
static char *class_id(const xmlNode *n) {
  xmlChar *c = xmlGetProp(n, (const xmlChar *)"class"), *i = xmlGetProp(n, (const xmlChar *)"id");
  size_t cl = c ? strlen((char *)c) : 0, il = i ? strlen((char *)i) : 0;
  char *out = NULL;
  if (cl + il) {
    out = malloc(cl + il + 2);
    if (out) {
      memcpy(out, c ? (char *)c : "", cl);
      out[cl] = ' ';
      memcpy(out + cl + 1, i ? (char *)i : "", il);
      out[cl + il + 1] = 0;
    }
  }
  xmlFree(c);
  xmlFree(i);
  return out;
}

static int class_weight(page_ctx *p, const xmlNode *n) {
  char *ci = class_id(n);
  int w = 0;
  if (ci) {
    if (matches(P_NEGATIVE, ci, p->md)) w -= 25;
    if (matches(P_POSITIVE, ci, p->md)) w += 25;
    free(ci);
  }
  xmlChar *ip = xmlGetProp(n, (const xmlChar *)"itemprop");
  if (ip && strstr((char *)ip, "articleBody")) w += 50;
  xmlFree(ip);
  return w;
}

static int is_hidden(const xmlNode *n) {
  if (xmlHasProp(n, (const xmlChar *)"hidden")) return 1;
  xmlChar *a = xmlGetProp(n, (const xmlChar *)"aria-hidden");
  int h = a && strcmp((char *)a, "true") == 0;
  xmlFree(a);
  if (h) return 1;
  xmlChar *st = xmlGetProp(n, (const xmlChar *)"style");
  if (st) {
    char *s = (char *)st;
    for (char *q = s; *q; q++)
      if (*q != ' ') *s++ = (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
    *s = 0;
    h = strstr((char *)st, "display:none") || strstr((char *)st, "visibility:hidden");
    xmlFree(st);
  }
  return h;
}

/* The ids that elements with aria-expanded (a "Read more" button) open
** through aria-controls: the first MAX_EXPANDERS of the page. */
static void find_expanders(page_ctx *p, const xmlNode *n) {
  for (const xmlNode *c = n->children; c && p->n_expands < MAX_EXPANDERS; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (xmlHasProp(c, (const xmlChar *)"aria-expanded")) {
      xmlChar *id = xmlGetProp(c, (const xmlChar *)"aria-controls");
      if (id && *id) p->expands[p->n_expands++] = (char *)id;
      else xmlFree(id);
    }
    find_expanders(p, c);
  }
}

/* A paragraph of 80 characters or more: n or an element within three levels of it. */
static int long_paragraph(const xmlNode *n, int depth) {
  if (!strcmp(tag(n), "p") && info_of(n)->text >= 80) return 1;
  for (const xmlNode *c = n->children; c && depth < 3; c = c->next)
    if (c->type == XML_ELEMENT_NODE && long_paragraph(c, depth + 1)) return 1;
  return 0;
}

/* The hidden rest of a story behind an expander: a box of paragraphs
** without many links that a "Read more" button opens, or that follows a
** paragraph of the story (one of its five previous siblings). A hidden
** pop-up or menu is neither. */
static int continues_story(const page_ctx *p, const xmlNode *n) {
  const ninfo *in = info_of(n);
  if (!in || in->text < 80 || link_density(in) > 0.3) return 0;
  /* paragraphs of sentences, not a gallery's "Caption" and "Close" */
  if (!long_paragraph(n, 0)) return 0;
  xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
  int named = 0;
  for (int i = 0; id && i < p->n_expands && !named; i++) named = !strcmp((char *)id, p->expands[i]);
  xmlFree(id);
  if (named) return 1;
  int seen = 0;
  for (const xmlNode *s = n->prev; s && seen < 5; s = s->prev) {
    if (s->type != XML_ELEMENT_NODE) continue;
    seen++;
    if (!strcmp(tag(s), "p") && info_of(s)->text >= 80) return 1;
  }
  return 0;
}

/* An element on n's subtree that marks the article itself. */
static int holds_article(const xmlNode *n) {
  const char *t = tag(n);
  if (!strcmp(t, "h1") || !strcmp(t, "article")) return 1;
  xmlChar *ip = xmlGetProp(n, (const xmlChar *)"itemprop");
  int body = ip && strstr((char *)ip, "articleBody");
  xmlFree(ip);
  if (body) return 1;
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && holds_article(c)) return 1;
  return 0;
}

/* Reader comments (a comment list, Disqus, schema.org Comment), unless
** the box also holds the article (a page-wide "has-comments" wrapper). */
static int comment_section(page_ctx *p, const xmlNode *n, const char *ci) {
  int hit = ci && matches(P_COMMENTS, ci, p->md);
  if (!hit) {
    xmlChar *it = xmlGetProp(n, (const xmlChar *)"itemtype"), *ip = xmlGetProp(n, (const xmlChar *)"itemprop");
    hit = (it && strstr((char *)it, "Comment")) || (ip && strstr((char *)ip, "comment"));
    xmlFree(it);
    xmlFree(ip);
  }
  return hit && !holds_article(n);
}

/* Drop what never holds article text (but not the rest of a story behind
** an expander, though hidden), and reader comments; with level 1, also
** elements whose class/id say furniture by Readability's list, with level 2
** by the longer list too, unless they hold most of the page's text. */
static void prune(page_ctx *p, xmlNode *n, int level, size_t page_text) {
  for (xmlNode *c = n->children; c;) {
    xmlNode *next = c->next;
    if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
      xmlUnlinkNode(c);
      xmlFreeNode(c);
    } else if (c->type == XML_ELEMENT_NODE) {
      const char *t = tag(c);
      int page = !strcmp(t, "body") || !strcmp(t, "article") || !strcmp(t, "main");
      int drop = in_list(nw_html_drop_tags, t) || (is_hidden(c) && !continues_story(p, c));
      char *ci = drop || page ? NULL : class_id(c);
      if (!drop && !page && comment_section(p, c, ci)) drop = 1;
      if (!drop && level && !page) {
        ninfo *in = info_of(c);
        if (ci && (matches(P_UNLIKELY, ci, p->md) || (level > 1 && matches(P_UNLIKELY_WORDS, ci, p->md))) &&
            !matches(P_MAYBE, ci, p->md) && class_weight(p, c) < 50 &&
            (!in || in->text * 2 < page_text) && !continues_story(p, c))
          drop = 1;
      }
      free(ci);
      if (drop) {
        xmlUnlinkNode(c);
        xmlFreeNode(c);
      } else prune(p, c, level, page_text);
    }
    c = next;
  }
}

static size_t collapsed_len(const char *s, size_t *commas) {
  size_t n = 0;
  int sp = 1;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!sp) n++;
      sp = 1;
    } else {
      n++;
      sp = 0;
      if (c == ',') (*commas)++;
    }
  }
  return n;
}

/* Two passes so that info pointers stay valid: number elements, then fill. */
static void number_elements(xmlNode *n, size_t *k) {
  for (xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      (*k)++;
      number_elements(c, k);
    }
}

static void attach(page_ctx *p, xmlNode *n, size_t *k) {
  for (xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      c->_private = &p->info[(*k)++];
      attach(p, c, k);
    }
}

static void count(xmlNode *n, int in_link) {
  ninfo *in = info_of(n);
  int link = in_link || strcmp(tag(n), "a") == 0;
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      size_t commas = 0, len = c->content ? collapsed_len((const char *)c->content, &commas) : 0;
      in->text += len;
      in->commas += commas;
      if (link) in->links += len;
    } else if (c->type == XML_ELEMENT_NODE) {
      count(c, link);
      ninfo *ci = info_of(c);
      in->text += ci->text;
      in->links += ci->links;
      in->commas += ci->commas;
      in->paras += ci->paras + (strcmp(tag(c), "p") == 0);
    }
  }
}

static int has_block_child(const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && in_list(nw_html_block_tags, tag(c))) return 1;
  return 0;
}


static void init_score(page_ctx *p, xmlNode *n) {
  ninfo *in = info_of(n);
  if (in->scored) return;
  in->scored = 1;
  const char *t = tag(n);
  double s = 0;
  if (!strcmp(t, "div") || !strcmp(t, "article") || !strcmp(t, "section") || !strcmp(t, "main")) s = 5;
  else if (!strcmp(t, "pre") || !strcmp(t, "td") || !strcmp(t, "blockquote")) s = 3;
  else if (!strcmp(t, "address") || !strcmp(t, "ol") || !strcmp(t, "ul") || !strcmp(t, "dl") || !strcmp(t, "dd") ||
           !strcmp(t, "dt") || !strcmp(t, "li") || !strcmp(t, "form"))
    s = -3;
  else if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2]) s = -5;
  if (!strcmp(t, "article")) s += 10;
  in->weight = class_weight(p, n);
  in->score = s + in->weight;
}

/* Paragraphs give points to their ancestors. */
static void score_tree(page_ctx *p, xmlNode *n) {
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const char *t = tag(c);
    int para = !strcmp(t, "p") || !strcmp(t, "pre") || !strcmp(t, "td") ||
               ((!strcmp(t, "div") || !strcmp(t, "section")) && !has_block_child(c));
    ninfo *in = info_of(c);
    if (para && in->text >= 25) {
      double cs = 1 + (double)in->commas + (double)(in->text / 100 > 3 ? 3 : in->text / 100);
      xmlNode *a = c->parent;
      for (int level = 0; a && a->type == XML_ELEMENT_NODE && level < 5; level++, a = a->parent) {
        init_score(p, a);
        info_of(a)->score += level == 0 ? cs : level == 1 ? cs / 2 : cs / (level * 3);
      }
    }
    score_tree(p, c);
  }
}

/* Readability's score, times a factor for boxes with little text (a short
** box with a lucky class name is not the article). */
static double candidate_score(const ninfo *in) {
  double small = in->text < 500 ? (double)in->text / 500 : 1;
  return in->score * (1 - link_density(in)) * small;
}

static xmlNode *best_candidate(xmlNode *n, xmlNode *best, double *best_score) {
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    ninfo *in = info_of(c);
    if (in->scored) {
      double s = candidate_score(in);
      if (!best || s > *best_score) {
        best = c;
        *best_score = s;
      }
    }
    best = best_candidate(c, best, best_score);
  }
  return best;
}

/* ---- text of the chosen containers ------------------------------------ */

typedef struct emitter {
  page_ctx *p;
  nw_buf out, cur;
  size_t cur_links, cur_time; /* letters of the block inside links, inside <time> */
  int in_link, in_time, heading, pre;
  const char *title, *byline; /* the page's: a block that only repeats one is not text */
} emitter;

/* The bytes of s[0..n) that are not blanks. */
static size_t letters(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r';
  return k;
}

/* A block that is a linked headline and a sentence of its own after it (a
** digest's "<a>Title</a>. One sentence more."): text, not a link list. */
static int linked_lead(const char *s, size_t n, size_t links) {
  while (n && (s[n - 1] == '"' || s[n - 1] == ')' || (unsigned char)s[n - 1] >= 0x80)) n--; /* closing marks */
  return n && s[n - 1] == '.' && letters(s, n) >= links + 40;
}

static int flush(emitter *e) {
  nw_buf *c = &e->cur;
  size_t a = 0, b = c->len;
  while (a < b && (c->data[a] == ' ' || c->data[a] == '\n')) a++;
  while (b > a && (c->data[b - 1] == ' ' || c->data[b - 1] == '\n')) b--;
  int rc = 0;
  if (b > a) {
    const char *s = c->data + a;
    size_t n = b - a;
    int keep = 1;
    if (n < 200 && e->cur_links * 2 > n && !linked_lead(s, n, e->cur_links)) keep = 0; /* mostly links: navigation, related lists */
    else if (e->cur_time && e->cur_time == letters(s, n)) keep = 0; /* only a <time>: a post's stamp */
    else if (n < 300 && nw_line_is_furniture(s, n, 1)) keep = 0; /* prompts, "Advertisement" */
    else if (nw_is_byline_line(s, n)) keep = 0;                  /* the byline column has it */
    else if (e->title && strlen(e->title) == n && !memcmp(e->title, s, n)) keep = 0;
    else if (e->byline && strlen(e->byline) == n && !nw_ascii_ncasecmp(e->byline, s, n)) keep = 0; /* an author box */
    if (keep) {
      if (e->out.len) rc = nw_buf_append(&e->out, "\n\n", 2);
      if (!rc) rc = nw_buf_append(&e->out, s, n);
    }
  }
  c->len = 0;
  e->cur_links = e->cur_time = 0;
  return rc;
}

/* Conditional cleaning inside the article: lists, tables and boxes that are
** mostly links or marked as furniture go. */
static int unwanted_box(page_ctx *p, xmlNode *n) {
  const char *t = tag(n);
  if (strcmp(t, "div") && strcmp(t, "section") && strcmp(t, "ul") && strcmp(t, "ol") && strcmp(t, "table") &&
      strcmp(t, "dl") && strcmp(t, "header") && strcmp(t, "footer"))
    return 0;
  ninfo *in = info_of(n);
  double ld = link_density(in);
  char *ci = class_id(n);
  int post = ci && matches(P_POSTS, ci, p->md);
  free(ci);
  if (post) return 0;
  int r = 0;
  if (!strcmp(t, "header") || !strcmp(t, "footer")) r = in->paras < 2 || ld > 0.3;
  else if (in->weight < 0 && in->paras < 3) r = 2;
  /* Readability's conditional cleaning: boxes with few commas and many links */
  else if (in->commas < 10 && ((in->weight < 25 && ld > 0.2) || ld > 0.5)) r = 3;
  return r;
}

static int emit_node(emitter *e, xmlNode *n) {
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      const char *s = (const char *)c->content;
      if (!s) continue;
      for (; *s; s++) {
        char ch = *s;
        int ws = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
        if (ws && !e->pre) {
          if (e->cur.len && e->cur.data[e->cur.len - 1] != ' ' && e->cur.data[e->cur.len - 1] != '\n' &&
              nw_buf_putc(&e->cur, ' '))
            return -1;
          continue;
        }
        if (nw_buf_putc(&e->cur, ch)) return -1;
        if (e->in_link && !ws) e->cur_links++;
        if (e->in_time && !ws) e->cur_time++;
      }
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    const char *t = tag(c);
    if (!strcmp(t, "br")) {
      if (nw_buf_putc(&e->cur, '\n')) return -1;
      continue;
    }
    if (!strcmp(t, "h1") || unwanted_box(e->p, c)) continue;
    int block = in_list(nw_html_block_tags, t);
    if (block && flush(e)) return -1;
    int was_link = e->in_link, was_time = e->in_time, was_pre = e->pre;
    if (!strcmp(t, "a")) e->in_link = 1;
    if (!strcmp(t, "time")) e->in_time = 1;
    if (!strcmp(t, "pre")) e->pre = 1;
    if (emit_node(e, c)) return -1;
    e->in_link = was_link;
    e->in_time = was_time;
    e->pre = was_pre;
    if (block && flush(e)) return -1;
  }
  return 0;
}

/* The top candidate and the siblings that read like more of it. */
static int emit_article(emitter *e, xmlNode *top) {
  ninfo *ti = info_of(top);
  double top_score = candidate_score(ti);
  double threshold = top_score * 0.2 > 10 ? top_score * 0.2 : 10;
  xmlNode *parent = top->parent;
  if (!parent || parent->type != XML_ELEMENT_NODE) return emit_node(e, top);
  char *top_class = class_id(top);
  int rc = 0;
  for (xmlNode *s = parent->children; s && !rc; s = s->next) {
    if (s->type != XML_ELEMENT_NODE) continue;
    ninfo *in = info_of(s);
    int take = s == top;
    if (!take) {
      double bonus = 0;
      char *ci = class_id(s);
      if (ci && top_class && !strcmp(ci, top_class)) bonus = top_score * 0.2;
      free(ci);
      double ld = link_density(in);
      if (in->scored && candidate_score(in) + bonus >= threshold) take = 1;
      else if (!strcmp(tag(s), "p")) {
        if (in->text > 80 && ld < 0.25) take = 1;
        else if (in->text > 0 && in->text <= 80 && ld == 0) { /* a short sentence without links */
          xmlChar *txt = xmlNodeGetContent(s);
          size_t tl = txt ? strlen((char *)txt) : 0;
          if (tl && (strstr((char *)txt, ". ") || ((char *)txt)[tl - 1] == '.')) take = 1;
          xmlFree(txt);
        }
      }
    }
    if (take) {
      if (flush(e)) rc = -1;
      else if (s == top || !unwanted_box(e->p, s)) {
        rc = emit_node(e, s);
        if (!rc) rc = flush(e);
      }
    }
  }
  free(top_class);
  return rc;
}

/* Articles split over several boxes with the class of the best one (a body
** interrupted by ads or pull-outs at another level): every such box that
** reads like text, in page order. Returns how many it found (0 or 1: none
** besides top) without emitting, or emits them when emit is set. */
static int same_class_boxes(emitter *e, xmlNode *n, const char *cls, xmlNode *top, int emit, int *count) {
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    char *ci = class_id(c);
    int same = ci && !strcmp(ci, cls);
    free(ci);
    ninfo *in = info_of(c);
    if (same && (c == top || (in->text >= 200 && link_density(in) < 0.25 && in->paras >= 1))) {
      (*count)++;
      if (emit && (emit_node(e, c) || flush(e))) return -1;
      continue;
    }
    if (same_class_boxes(e, c, cls, top, emit, count)) return -1;
  }
  return 0;
}

/* Extract the article text from a parsed page (one attempt). */
static int extract(htmlDocPtr doc, int level, const nw_article *a, nw_buf *out) {
  page_ctx p = {0};
  emitter e = {0};
  int rc = -1;
  xmlNode *root = xmlDocGetRootElement(doc);
  if (!root) return 0;
  p.md = pcre2_match_data_create(2, NULL);
  if (!p.md) return -1;
  /* measure (for pruning by share of text), prune, measure again */
  for (int pass = 0; pass < 2; pass++) {
    size_t k = 1;
    number_elements(root, &k);
    free(p.info);
    p.info = calloc(k, sizeof *p.info);
    if (!p.info) goto done;
    root->_private = &p.info[0];
    k = 1;
    attach(&p, root, &k);
    count(root, 0);
    if (pass == 0) {
      find_expanders(&p, root);
      prune(&p, root, level, info_of(root)->text);
    }
  }
  score_tree(&p, root);
  double best = 0;
  xmlNode *top = best_candidate(root, NULL, &best);
  if (!top) {
    for (top = root->children; top && strcmp(tag(top), "body"); top = top->next) {}
    if (!top) top = root;
  }
  e.p = &p;
  e.title = a->title;
  e.byline = a->byline;
  char *cls = class_id(top);
  int boxes = 0;
  if (cls) same_class_boxes(&e, root, cls, top, 0, &boxes);
  if (boxes > 1) rc = same_class_boxes(&e, root, cls, top, 1, &boxes);
  else rc = emit_article(&e, top);
  free(cls);
  if (!rc) rc = flush(&e);
  if (!rc) rc = nw_buf_append(out, e.out.data ? e.out.data : "", e.out.len);
done:
  for (int i = 0; i < p.n_expands; i++) xmlFree(p.expands[i]);
  nw_buf_free(&e.out);
  nw_buf_free(&e.cur);
  free(p.info);
  pcre2_match_data_free(p.md);
  return rc;
}

/* libxml2 reports charset conversion problems through its generic error
** handler, not the parser's options: keep them off the caller's stderr. */
static void quiet(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

/* libxml2 goes on quietly when an allocation fails: the tree stops short, a
** property reads as absent. Its error report is the only sign: the page is
** then out of memory, not a page without a title. */
static void note_no_memory(void *ran_out, xmlErrorPtr e) {
  if (e && e->code == XML_ERR_NO_MEMORY) *(int *)ran_out = 1;
}

static int read_page(const char *path, const char *s, size_t n, nw_article *a, const char **err);

int nw_read_html(const char *path, const char *s, size_t n, nw_article *a, const char **err) {
  if (!nw_once_try(&pat_once, compile_patterns)) {
    *err = NULL; /* -1 without a message: out of memory */
    return -1;
  }
  xmlGenericErrorFunc old = xmlGenericError;
  void *old_ctx = xmlGenericErrorContext;
  xmlStructuredErrorFunc old_structured = xmlStructuredError;
  void *old_structured_ctx = xmlStructuredErrorContext;
  int ran_out = 0;
  xmlSetGenericErrorFunc(NULL, quiet);
  xmlSetStructuredErrorFunc(&ran_out, note_no_memory);
  nw_xml_guard_begin();
  int rc = read_page(path, s, n, a, err);
  if (nw_xml_guard_end()) ran_out = 1;
  xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
  xmlSetGenericErrorFunc(old_ctx, old);
  if (ran_out) {
    *err = NULL; /* -1 without a message: out of memory */
    return -1;
  }
  return rc;
}

/* libxml2 stops building the tree at 256 levels (XML_PARSE_HUGE lifts the limit,
** but the walkers here recurse): the parse ends there, so the row must say the
** page was read only in part. The context's error number tells. */
/* s[i..] starts with the tag name t ("script", "/script"), any case, ended
** by a blank, ">" or "/". */
static int tag_at(const char *s, size_t n, size_t i, const char *t) {
  size_t k = strlen(t);
  if (i + k >= n || nw_ascii_ncasecmp(s + i, t, k)) return 0;
  char c = s[i + k];
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* "<![CDATA[" in an HTML page is no CDATA section: browsers read it as a
** bogus comment up to the next ">", and libxml2 would keep it as text. A
** copy of the page with each such run blanked out (outside comments,
** scripts and styles, whose text is theirs), or NULL (none, or OOM). One pass. */
static int blank_cdata(const char *s, size_t n, char **out) {
  static const char open[] = "<![CDATA[";
  if (!memmem(s, n, open, sizeof open - 1)) return 0;
  char *copy = *out = malloc(n ? n : 1);
  if (!copy) return -1;
  memcpy(copy, s, n);
  const char *raw = NULL; /* inside <script> or <style>: the closing tag name */
  for (size_t i = 0; i < n; i++) {
    if (copy[i] != '<' || i + 1 >= n) continue;
    if (raw) {
      if (copy[i + 1] == '/' && tag_at(copy, n, i + 2, raw)) raw = NULL;
    } else if (n - i >= 4 && !memcmp(copy + i, "<!--", 4)) {
      /* a comment is the parser's to skip, whatever it holds */
      const char *close = memmem(copy + i + 4, n - i - 4, "-->", 3);
      if (!close) break;
      i = (size_t)(close - copy) + 2;
    } else if (tag_at(copy, n, i + 1, "script")) raw = "script";
    else if (tag_at(copy, n, i + 1, "style")) raw = "style";
    else if (n - i >= sizeof open - 1 && !memcmp(copy + i, open, sizeof open - 1)) {
      char *gt = memchr(copy + i + 2, '>', n - i - 2);
      size_t end = gt ? (size_t)(gt - copy) + 1 : n;
      memset(copy + i, ' ', end - i);
      i = end - 1;
    }
  }
  return 0;
}

/* The tree, or NULL with *oom set when memory ran out. */
static htmlDocPtr parse_page(const char *s, size_t n, const char *enc, int opts, nw_article *a, int *oom) {
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  char *clean = NULL;
  if (!ctxt || blank_cdata(s, n, &clean)) {
    if (ctxt) htmlFreeParserCtxt(ctxt);
    *oom = 1;
    return NULL;
  }
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, clean ? clean : s, (int)n, NULL, enc, opts);
  free(clean);
  if (ctxt->errNo == XML_ERR_NO_MEMORY) {
    xmlFreeDoc(doc);
    doc = NULL;
    *oom = 1;
  }
  if (doc && ctxt->errNo == XML_ERR_INTERNAL_ERROR)
    a->partial = "page nested deeper than 256 elements: read up to that depth";
  htmlFreeParserCtxt(ctxt);
  return doc;
}

/* Whether a JSON-LD articleBody is HTML ("<p>...", "<body><p>...") rather than text. */
static int is_markup(const nw_buf *t) {
  for (size_t i = 0; i + 1 < t->len; i++)
    if (t->data[i] == '<' && (isalpha((unsigned char)t->data[i + 1]) || t->data[i + 1] == '/')) return 1;
  return 0;
}

/* The article text of a JSON-LD articleBody: its HTML read as a page is,
** or its text with each run of line breaks a paragraph break. */
static int ld_body_text(const nw_buf *ld, nw_article *a, nw_buf *out) {
  if (is_markup(ld)) {
    int oom = 0;
    htmlDocPtr doc = parse_page(ld->data, ld->len, "UTF-8",
                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET, a, &oom);
    if (!doc) return oom ? -1 : 0;
    int rc = extract(doc, 0, a, out);
    xmlFreeDoc(doc);
    return rc;
  }
  for (size_t i = 0; i < ld->len; i++) {
    if (ld->data[i] != '\n') {
      if (nw_buf_putc(out, ld->data[i])) return -1;
      continue;
    }
    while (i + 1 < ld->len && (ld->data[i + 1] == '\n' || ld->data[i + 1] == ' ')) i++;
    if (nw_buf_append(out, "\n\n", 2)) return -1;
  }
  return 0;
}

static int read_page(const char *path, const char *s, size_t n, nw_article *a, const char **err) {
  *err = NULL;
  if (n > (size_t)0x7FFFFFFF) {
    *err = "page too large";
    return 0;
  }
  const char *enc = nw_html_charset(s, n);
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  int oom = 0;
  htmlDocPtr doc = parse_page(s, n, enc, opts, a, &oom);
  if (!doc) {
    *err = oom ? NULL : "cannot parse the page";
    return oom ? -1 : 0;
  }
  nw_buf ld_body = {0};
  int rc = nw_html_meta(doc, a, &ld_body);
  if (!rc) rc = nw_article_from_url(a, path);
  /* Readability's retries: furniture words can sit on the article's own
  ** boxes, so a short result is tried again with fewer of them. */
  nw_buf body = {0};
  for (int level = 2; !rc && level >= 0; level--) {
    if (!doc) doc = parse_page(s, n, enc, opts, a, &oom);
    if (!doc) {
      rc = oom ? -1 : rc;
      break;
    }
    nw_buf got = {0};
    rc = extract(doc, level, a, &got);
    xmlFreeDoc(doc);
    doc = NULL;
    if (!rc && got.len > body.len) {
      nw_buf_free(&body);
      body = got;
    } else nw_buf_free(&got);
    if (body.len >= 500) break;
  }
  if (doc) xmlFreeDoc(doc);
  /* A page that shows its story only through a script (an app's empty
  ** shell) or cut short gives it whole in its JSON-LD articleBody: that
  ** text, when the page's own is less than half of it. */
  nw_buf ld_text = {0};
  if (!rc && ld_body.len) rc = ld_body_text(&ld_body, a, &ld_text);
  if (!rc && ld_text.len > 2 * body.len) {
    nw_buf_free(&body);
    body = ld_text;
    ld_text = (nw_buf){0};
  }
  nw_buf_free(&ld_text);
  nw_buf_free(&ld_body);
  if (!rc) rc = nw_body_finish(body.data ? body.data : "", body.len, &a->body);
  nw_buf_free(&body);
  return rc;
}
