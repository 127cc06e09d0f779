/* JSON-LD in web pages (json_ld.c): a lenient JSON reader into a small tree,
** and the facts of a page's article object. Pages write JSON-LD by hand or by
** template: trailing commas, raw line breaks in strings and HTML character
** references all occur, so the reader forgives them; what does not parse is
** left to the caller's fallback. */
#ifndef NW_JSON_LD_H
#define NW_JSON_LD_H
#include <stddef.h>

#include "news.h"

typedef enum jl_kind { JL_OTHER, JL_STRING, JL_OBJECT, JL_ARRAY } jl_kind;

typedef struct jl_node {
  jl_kind kind;
  long key;         /* offset of the member's key in the text buffer, or -1 */
  long str;         /* offset of a string value, or -1 */
  long first, next; /* first child and next sibling (node indexes), or -1 */
} jl_node;

typedef struct jl_doc {
  jl_node *nodes;
  size_t len, cap;
  nw_buf text; /* keys and strings, unescaped, each NUL-terminated */
} jl_doc;

/* Parse s[0..n) (one JSON value; what follows it is ignored). 0 with the
** root as node 0, 1 when it is not JSON (or nests deeper than 64), -1 OOM. */
int nw_jl_parse(const char *s, size_t n, jl_doc *d);
void nw_jl_free(jl_doc *d);
/* The member key of object o, or -1. */
long nw_jl_member(const jl_doc *d, long o, const char *key);
/* The string of node i, or NULL. */
const char *nw_jl_str(const jl_doc *d, long i);

/* What a page's JSON-LD says of its article. Names are one per line ('\n');
** headline, published and body hold one string each (empty: none). */
typedef struct nw_jl_article {
  nw_buf headline, published; /* of the first story object ("NewsArticle", "BlogPosting", ...)
                              ** that has one, else of the first other object that has one */
  nw_buf body;                /* its articleBody, so chosen: text with its line breaks, or HTML */
  nw_buf persons;             /* its authors typed Person (a one-word name is a name there) */
  nw_buf authors;             /* its other authors that are no Organization (plain names) */
  nw_buf author_orgs;         /* its Organization authors */
  nw_buf publishers;          /* its publishers */
} nw_jl_article;

/* Reads the article objects of s[0..n) into a (zeroed by the caller): only
** objects at the top, in an "@graph" or as a WebPage's mainEntity count, so
** a ClaimReview's itemReviewed (the claim being checked) or a story an
** article cites never does. 0, 1 when s is not JSON, -1 out of memory. */
int nw_jl_read_article(const char *s, size_t n, nw_jl_article *a);
void nw_jl_article_free(nw_jl_article *a);
#endif
