/* The learned chooser: among the candidate speakers of a quotation (the rules'
** choice, none, the clause subject, the previous speaker, the attribution of
** the sentence before), the one a linear model over hashed features scores
** highest. Weights: quotes_weights_data.c, trained on PolNeAR train by
** tools/quotes_train.py (averaged perceptron). */
#ifndef NW_QUOTES_CHOOSER_H
#define NW_QUOTES_CHOOSER_H
#include "data_stamp.h"
#include "quotes_internal.h"

enum { QC_RULE, QC_NONE, QC_SUBJECT, QC_PREVIOUS, QC_SENTENCE, QC_KINDS };
/* How the rules found their answer. */
enum { QP_NONE, QP_TRANSCRIPT, QP_AFTER, QP_BEFORE, QP_AFTER_LOOSE, QP_SENTENCE, QP_CONTINUATION };

typedef struct qx_quote_info {
  uint8_t path, hands_over, ends_period, words, before_empty, after_empty, para_start, prev_distance;
  int cue; /* cue index + 1 of the rules' cue, or 0 */
  uint8_t learned; /* 1 where the model chooses (the rules found no cue of the quotation's own) */
} qx_quote_info;

typedef struct qx_candidate {
  int32_t first, end; /* speaker tokens; first = -1 for none */
  uint8_t kind;       /* QC_* */
} qx_candidate;

enum { QX_MAX_FEATURES = 24, QX_WEIGHT_BITS = 13, QX_MAX_CANDIDATES = 5 };

extern const int16_t qx_weights[1 << QX_WEIGHT_BITS];
/* The data stamp the weights were trained with (written by tools/quotes_train.py). */
extern const char qx_weights_stamp[];
/* The stamp of the data the features read now: data/core, data/ner (lists and
** model: entity types are features' input) and data/quotes. */
void qx_data_stamp(char out[NW_STAMP_LEN + 1]);

/* Hashed features of one candidate (indexes into qx_weights). Returns how many. */
size_t qx_features(const qx_ctx *c, const nw_quote *q, const qx_quote_info *info, const qx_candidate *k,
                   uint32_t *f);
/* Index of the best candidate (the first on ties, which is the rules' choice). */
int qx_choose(const qx_ctx *c, const nw_quote *q, const qx_quote_info *info, const qx_candidate *cands, int n);

#endif
