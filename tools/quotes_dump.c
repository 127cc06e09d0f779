/* Training export for the quotes chooser: reads texts framed as "<bytes>\n<text>"
** on stdin and prints the data stamp (H <stamp>), then, per outermost quotation, its byte span and each candidate
** speaker with its hashed features:
**   Q <doc> <start> <end> <1 where the model chooses, 0 where the rules decide> <path (QP_*)>
**   C <kind> <speaker start|-1> <speaker end|-1> <feature> ...
** Used by tools/quotes_train.py; not part of the library. */
#include <stdio.h>
#include <stdlib.h>

#include "news.h"
#include "quotes_chooser.h"

static long doc_index;

static void dump(void *arg, const qx_ctx *c, const nw_quote *q, const void *info_p, const void *cands_p, int n) {
  FILE *out = arg;
  const qx_quote_info *info = info_p;
  const qx_candidate *cands = cands_p;
  fprintf(out, "Q %ld %u %u %d %d\n", doc_index, q->start, q->end, info->learned, info->path);
  for (int i = 0; i < n; i++) {
    const qx_candidate *k = &cands[i];
    long s = -1, e = -1;
    if (k->first >= 0) {
      s = c->d->tok[k->first].start;
      e = c->d->tok[k->end - 1].end;
    }
    fprintf(out, "C %d %ld %ld", k->kind, s, e);
    uint32_t f[QX_MAX_FEATURES];
    size_t nf = qx_features(c, q, info, k, f);
    for (size_t j = 0; j < nf; j++) fprintf(out, " %u", f[j]);
    fputc('\n', out);
  }
}

int main(void) {
  char stamp[NW_STAMP_LEN + 1];
  qx_data_stamp(stamp);
  printf("H %s\n", stamp); /* the data the features come from: stamped into the weights */
  nw_doc doc = {0};
  nw_quotes qs = {0};
  size_t len;
  while (scanf("%zu", &len) == 1) {
    if (getchar() != '\n') return 1;
    char *text = malloc(len + 1);
    if (!text || fread(text, 1, len, stdin) != len) return 1;
    text[len] = 0;
    if (nw_tokenize(&doc, text, len) || qx_extract(&doc, NULL, &qs, dump, stdout)) return 1;
    free(text);
    doc_index++;
  }
  nw_quotes_free(&qs);
  nw_doc_free(&doc);
  return 0;
}
