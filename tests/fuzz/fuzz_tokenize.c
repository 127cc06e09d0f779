/* libFuzzer target: the tokenizer and the core text helpers over any bytes.
** Besides "no crash", it checks the invariants every extractor relies on:
** tokens lie inside the text, in order, never empty and never overlapping;
** sentences cover the tokens in order. A violation aborts (a finding). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "news_articles.h"

#define TOK_REQUIRE(cond)                                                     \
  do {                                                                        \
    if (!(cond)) {                                                            \
      fprintf(stderr, "fuzz_tokenize: invariant failed: %s\n", #cond);        \
      abort();                                                                \
    }                                                                         \
  } while (0)

static void tok_check_doc(const nw_doc *d, size_t len) {
  uint32_t prev_end = 0;
  for (size_t i = 0; i < d->ntok; i++) {
    const nw_token *t = &d->tok[i];
    TOK_REQUIRE(t->start < t->end && t->end <= len);
    TOK_REQUIRE(t->start >= prev_end);
    TOK_REQUIRE(t->cls >= NW_TOK_WORD && t->cls <= NW_TOK_SYMBOL);
    TOK_REQUIRE(t->sentence < d->nsent);
    prev_end = t->end;
  }
  TOK_REQUIRE((d->ntok == 0) == (d->nsent == 0));
  uint32_t next_tok = 0;
  for (size_t s = 0; s < d->nsent; s++) {
    const nw_sentence *se = &d->sent[s];
    TOK_REQUIRE(se->first_tok == next_tok && se->first_tok < se->end_tok && se->end_tok <= d->ntok);
    TOK_REQUIRE(se->start == d->tok[se->first_tok].start && se->end == d->tok[se->end_tok - 1].end);
    TOK_REQUIRE(d->tok[se->first_tok].flags & NW_TF_SENT_START);
    next_tok = se->end_tok;
  }
  TOK_REQUIRE(next_tok == d->ntok);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* A copy of exactly size bytes, so that ASan sees any read past the end. */
  char *text = malloc(size ? size : 1);
  if (!text) return 0;
  for (size_t i = 0; i < size; i++) text[i] = (char)data[i];
  nw_doc doc = {0};
  if (nw_tokenize(&doc, text, size) == 0) tok_check_doc(&doc, size);
  nw_doc_free(&doc);
  nw_buf out = {0};
  (void)nw_fold(text, size, &out);
  nw_buf_free(&out);
  (void)nw_normalize(text, size, &out);
  nw_buf_free(&out);
  (void)nw_clean(text, size, &out);
  nw_buf_free(&out);
  free(text);
  return 0;
}
