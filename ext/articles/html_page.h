/* Page-level parts of the HTML reader (html_meta.c). */
#ifndef NW_HTML_PAGE_H
#define NW_HTML_PAGE_H
#include <libxml/HTMLparser.h>

#include "news_articles.h"

/* The encoding to hand libxml2: UTF-8 when the bytes are UTF-8 and hold
** characters beyond ASCII (whatever the page declares: a wrong declaration
** is common, valid UTF-8 by chance is not), else the page's own <meta>
** charset (Latin-1 and ASCII read as their superset Windows-1252, as
** browsers do), else UTF-8 when the bytes are UTF-8, else Windows-1252;
** NULL for a UTF-16 BOM. */
const char *nw_html_charset(const char *s, size_t n);

/* Title, byline, published, url and source from <meta>, JSON-LD,
** <link rel=canonical>, <time>, <h1> and <title>. 0 or -1 (OOM). */
int nw_html_meta(htmlDocPtr doc, nw_article *a);

/* Around a page's parse on this thread (xml_guard.c): libxml2's allocations
** that the system refuses come from a reserve, so that libxml2 never sees a
** failed allocation it would not survive; _end returns 1 when the reserve
** was used (the page must then be reported out of memory). */
void nw_xml_guard_begin(void);
int nw_xml_guard_end(void);
#endif
