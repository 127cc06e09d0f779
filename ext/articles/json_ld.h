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

/* Who an article object of a page's JSON-LD names (each name followed by
** '\n'): its Person authors (or plain names) to authors, its Organization
** authors to author_orgs, its publishers to publishers. Only article objects
** at the top, in an "@graph" or as a WebPage's mainEntity are read: a
** ClaimReview's itemReviewed (the claim being checked) never is. 0, 1 when s
** is not JSON, -1 out of memory. */
int nw_jl_article_people(const char *s, size_t n, nw_buf *authors, nw_buf *author_orgs, nw_buf *publishers);
#endif
