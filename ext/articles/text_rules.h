/* Line rules of the text reader (data in data/articles/text_rules.tsv,
** compiled by tools/gendata.c). */
#ifndef NW_TEXT_RULES_H
#define NW_TEXT_RULES_H
#include <stddef.h>
#include <stdint.h>

typedef enum nw_line_action {
  LR_NONE = 0,
  LR_KEEP,      /* the article's own credit line: body, never furniture */
  LR_DROP,      /* furniture */
  LR_RULE,      /* a markdown rule or heading underline: not text (a page's "___" is kept) */
  LR_DROP_NEXT, /* furniture, and so is the next line (a gallery caption) */
  LR_EMBED,     /* an embed marker: it and the post up to its signature go */
  LR_TWEET,     /* a social post or its signature line */
  LR_URL,       /* the article URL (group 1, or the next line) */
  LR_DATE,      /* a "Published: ..." header (group 1) */
  LR_BYLINE,    /* "By ..." (group 1) */
  LR_TITLE,     /* "Title: ..." (group 1) */
  LR_SOURCE,    /* "Source: ..." (group 1) */
  LR_COPYRIGHT, /* "© Outlet": furniture naming the source (group 1) */
} nw_line_action;

typedef struct nw_line_rule {
  const char *pattern;
  uint8_t action;
  uint16_t max_len; /* tried only on lines of at most this many bytes */
  const char *need; /* and only on lines containing one of these ('|'-separated, lower case), or NULL */
} nw_line_rule;

extern const nw_line_rule nw_line_rules[];
extern const size_t nw_line_rule_count;

/* A rule's pcre2_code (JIT when available), text rules as UTF with Unicode
** properties, both caseless; NULL when the pattern does not compile. */
void *nw_compile_rule(const char *pattern, int text_rule);

#endif
