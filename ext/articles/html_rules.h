/* Web-page rules of the HTML reader (data in data/articles/html_tags.tsv
** and html_class_words.tsv, compiled by tools/gendata.c). */
#ifndef NW_HTML_RULES_H
#define NW_HTML_RULES_H
#include <stddef.h>

extern const char *const nw_html_drop_tags[];
extern const char *const nw_html_block_tags[];
extern const char *const nw_html_unlikely;
extern const char *const nw_html_unlikely_words;
extern const char *const nw_html_maybe;
extern const char *const nw_html_posts;
extern const char *const nw_html_positive;
extern const char *const nw_html_negative;
extern const char *const nw_html_comments;

/* 1 when one trimmed line of text is site furniture by the text reader's
** line rules ("Advertisement", "Read more: ...", newsletter prompts);
** keep_posts keeps quoted social posts (a page shows them as part of the
** story, while a text file's embed lines are page residue). */
int nw_line_is_furniture(const char *s, size_t n, int keep_posts);

#endif
