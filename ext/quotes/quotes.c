/* nw_extract_quotes: the passes in order (marks, speakers, names). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "person_words.h"
#include "quotes_chooser.h"
#include "quotes_internal.h"

static int by_position(const void *a, const void *b) {
  const nw_quote *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1; /* the enclosing one first */
  return 0;
}

/* Nesting depth and the innermost quotation of each token. Spans nest by
** construction (pairs from one stack), so a stack of open ends suffices. */
static int nest(qx_ctx *c) {
  nw_quotes *q = c->out;
  if (q->n > 1) qsort(q->v, q->n, sizeof *q->v, by_position);
  for (size_t k = 0; k < c->d->ntok; k++) c->owner[k] = -1;
  size_t *stack = malloc((q->n + 1) * sizeof *stack), top = 0;
  if (!stack) return -1;
  for (size_t i = 0; i < q->n; i++) {
    while (top && q->v[stack[top - 1]].end <= q->v[i].start) top--;
    q->v[i].depth = (uint8_t)(top > 255 ? 255 : top);
    stack[top++] = i;
  }
  /* innermost first; a token already owned by a nested span is skipped with
  ** that whole span, so each token is visited once */
  for (size_t i = q->n; i-- > 0;) {
    uint32_t last = q->v[i].closed ? q->v[i].tok_close : q->v[i].tok_close - 1;
    for (uint32_t k = q->v[i].tok_open; k <= last && k < c->d->ntok;) {
      int32_t o = c->owner[k];
      if (o < 0) {
        c->owner[k++] = (int32_t)i;
        continue;
      }
      const nw_quote *in = &q->v[o];
      k = (in->closed ? in->tok_close : in->tok_close - 1) + 1;
    }
  }
  free(stack);
  return 0;
}

/* "“We need more time,” He Wei, a former official, said.": a capitalized
** "He" or "She" right before a capitalized word that is no function word,
** cue or pronoun is a family name, not a pronoun ("He told", "He Said" stay). */
static void surname_pronouns(qx_ctx *c) {
  const nw_doc *d = c->d;
  for (size_t i = 0; i + 1 < d->ntok; i++) {
    if (!(c->wcls[i] & QW_PRONOUN) || (c->wcls[i] & QW_PLURAL) || !qx_cap(c, i) || qx_len(c, i) < 2 || qx_len(c, i) > 3) continue;
    size_t j = i + 1;
    if (!qx_cap(c, j) || d->tok[j].ws != NW_WS_SPACE || d->tok[j].sentence != d->tok[i].sentence || c->wcls[j] ||
        qx_cue_of(qx_text(c, j), qx_len(c, j)))
      continue;
    c->wcls[i] = 0;
  }
}

const char *nw_speaker_type_name(int type) {
  static const char *const names[] = {NULL, "PERSON", "ORG", "LOC", "GROUP", "DESCRIPTION"};
  return type > 0 && type <= NW_SPEAKER_DESCRIPTION ? names[type] : NULL;
}

int nw_extract_quotes(const nw_doc *doc, nw_quotes *out) { return qx_extract(doc, NULL, out, NULL, NULL); }

int nw_extract_quotes_given(const nw_doc *doc, const nw_entities *ents, nw_quotes *out) {
  return qx_extract(doc, ents, out, NULL, NULL);
}

int qx_extract(const nw_doc *doc, const nw_entities *ents, nw_quotes *out, qx_dump_hook dump, void *dump_arg) {
  out->n = 0;
  out->names.len = 0;
  if (!doc->ntok) return 0;
  if (!qx_lexicon_ready() || !nw_person_words_ready()) return -1; /* out of memory building them: an error, not other quotes */
  /* per-token arrays from the thread's scratch memory (kept between calls) */
  qx_ctx c = {doc, out, nw_scratch(NW_SCRATCH_QUOTE_PARA, doc->ntok * sizeof(uint32_t)),
              nw_scratch(NW_SCRATCH_QUOTE_OWNER, doc->ntok * sizeof(int32_t)), dump, dump_arg,
              nw_scratch(NW_SCRATCH_QUOTE_CLASS, doc->ntok * sizeof(uint32_t)), ents};
  int rc = -1;
  if (c.wcls)
    for (size_t i = 0; i < doc->ntok; i++)
      c.wcls[i] = doc->tok[i].cls == NW_TOK_WORD ? qx_word_class(doc->text + doc->tok[i].start, nw_tok_len(&doc->tok[i])) : 0;
  if (c.wcls) surname_pronouns(&c);
  /* between the passes, a long text stops when its caller asks */
  if (c.para && c.owner && c.wcls && !qx_find_quotes(&c) && !nw_stop_requested() && !nest(&c) && !nw_stop_requested() &&
      !qx_attribute(&c) && !nw_stop_requested() && !qx_resolve(&c))
    rc = 0;
  nw_scratch_done(NW_SCRATCH_QUOTE_PARA);
  nw_scratch_done(NW_SCRATCH_QUOTE_OWNER);
  nw_scratch_done(NW_SCRATCH_QUOTE_CLASS);
  return rc;
}

void nw_quotes_free(nw_quotes *q) {
  free(q->v);
  nw_buf_free(&q->names);
  memset(q, 0, sizeof *q);
}

size_t nw_quotes_cue_count(void) { return qx_cue_form_count(); }
size_t nw_quotes_word_count(void) { return qx_word_entry_count(); }

void nw_quotes_model_stamp(char trained_with[17], char data_now[17]) {
  snprintf(trained_with, NW_STAMP_LEN + 1, "%s", qx_weights_stamp);
  qx_data_stamp(data_now);
}

size_t nw_quotes_weight_count(void) {
  size_t n = 0;
  for (size_t i = 0; i < (size_t)1 << QX_WEIGHT_BITS; i++) n += qx_weights[i] != 0;
  return n;
}
