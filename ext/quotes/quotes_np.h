/* Noun-phrase spans next to a cue (token ranges). */
#ifndef NW_QUOTES_NP_H
#define NW_QUOTES_NP_H
#include "quotes_internal.h"

typedef struct qx_span {
  int32_t first, end; /* token range [first, end), first = -1 when none */
} qx_span;

/* The noun phrase ending at token e (or before the adverbs that end at e),
** not reaching before lo. With appositive, "X, the Y of Z," gives X. */
qx_span qx_np_left(const qx_ctx *c, size_t e, size_t lo, int appositive);
/* The noun phrase starting at token s, before hi. */
qx_span qx_np_right(const qx_ctx *c, size_t s, size_t hi);
/* s without a verb or adverb it ran into: "The board cleared the deal" ->
** "The board", "Politifact then ruled" -> "Politifact". */
qx_span qx_np_trim(const qx_ctx *c, qx_span s);
/* "state" modifying the noun after it ("Chinese state media"): no cue. */
int qx_state_modifier(const qx_ctx *c, size_t i);
/* An adverb or auxiliary between a subject and its cue ("also", "has", "forcefully"). */
int qx_skippable(const qx_ctx *c, size_t i);
#endif
