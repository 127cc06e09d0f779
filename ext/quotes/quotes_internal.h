/* Shared state of the quotes passes: marks -> speakers -> names. */
#ifndef NW_QUOTES_INTERNAL_H
#define NW_QUOTES_INTERNAL_H
#include "news_quotes.h"
#include "quotes_lexicon.h"

struct qx_ctx;
/* Training export hook: info and cands are a qx_quote_info and qx_candidate[n] (quotes_chooser.h). */
typedef void (*qx_dump_hook)(void *arg, const struct qx_ctx *c, const nw_quote *q, const void *info, const void *cands, int n);

typedef struct qx_ctx {
  const nw_doc *d;
  nw_quotes *out;
  uint32_t *para;  /* paragraph index of each token */
  int32_t *owner;  /* index of the innermost quotation holding each token (marks included), or -1 */
  qx_dump_hook dump;
  void *dump_arg; /* training export (tools/quotes_dump.c); NULL otherwise */
  uint32_t *wcls; /* word class of each token (QW_*), looked up once: the passes ask often */
  const nw_entities *ents; /* the text's entities when the caller has them, else NULL */
} qx_ctx;

/* nw_extract_quotes with the text's entities (NULL: found here) and a
** training export hook (NULL for none). */
int qx_extract(const nw_doc *doc, const nw_entities *ents, nw_quotes *out, qx_dump_hook dump, void *dump_arg);
/* quotes_marks.c: paragraphs, mark pairing, quotation spans (sorted, with depth). */
int qx_find_quotes(qx_ctx *c);
/* quotes_speaker.c: cue and speaker mention of each quotation, kind. */
int qx_attribute(qx_ctx *c);
/* quotes_resolve.c: resolved speaker names into out->names. */
int qx_resolve(qx_ctx *c);

/* quotes_given_names.c: 1 for a man's given name, 2 for a woman's, 0 when it does not say. */
int qx_given_name_gender(const char *w, size_t n);
/* The given names' map is built (1), or its build failed for want of memory (0). */
int qx_given_names_ready(void);

/* Token helpers. */
static inline const char *qx_text(const qx_ctx *c, size_t i) { return c->d->text + c->d->tok[i].start; }
static inline size_t qx_len(const qx_ctx *c, size_t i) { return nw_tok_len(&c->d->tok[i]); }
static inline int qx_is_word(const qx_ctx *c, size_t i) { return i < c->d->ntok && c->d->tok[i].cls == NW_TOK_WORD; }
static inline uint32_t qx_class(const qx_ctx *c, size_t i) { return i < c->d->ntok ? c->wcls[i] : 0; }
static inline int qx_is_char(const qx_ctx *c, size_t i, char ch) {
  return i < c->d->ntok && qx_len(c, i) == 1 && qx_text(c, i)[0] == ch;
}
static inline int qx_cap(const qx_ctx *c, size_t i) {
  return qx_is_word(c, i) && (c->d->tok[i].flags & NW_TF_UPPER_INITIAL);
}
#endif
