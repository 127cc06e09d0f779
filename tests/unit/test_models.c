/* The models carry a stamp of the data they were trained with: this test
** fails when a data file changed after training (retrain: data/ner/README.md,
** data/quotes/README.md). Also: a cue is keyed by its word, not its row. */
#include <stdlib.h>

#include "../../ext/quotes/quotes_lexicon.h"
#include "check.h"
#include "data_stamp.h"
#include "hash.h"
#include "news.h"
#include "news_entities.h"
#include "news_quotes.h"

static void check_fresh(const char *model, const char *trained, const char *now, const char *retrain) {
  if (strcmp(trained, now) != 0)
    fprintf(stderr, "%s model is stale: trained with data %s, data now %s: run `%s` (needs the bench files)\n",
            model, *trained ? trained : "unknown", now, retrain);
  CHECK(strlen(now) == NW_STAMP_LEN);
  CHECK(strcmp(trained, now) == 0);
}

static void test_models_fresh(void) {
  nw_entities_info in;
  nw_entities_describe(&in);
  CHECK(in.model_ok);
  check_fresh("entities", in.trained_with, in.data_now, "make ner-model");
  char trained[17], now[17];
  nw_quotes_model_stamp(trained, now);
  check_fresh("quotes", trained, now, "make quotes-model");
}

/* news_debug()'s wording for a fresh and a stale model. */
static void test_stamp_line(void) {
  nw_buf b = {0};
  CHECK_EQ_INT(nw_model_stamp_line(&b, "m", "0123456789abcdef", "0123456789abcdef", "make m"), 0);
  CHECK_EQ_STRN(b.data, b.len, "m model: fresh (data 0123456789abcdef)\n");
  b.len = 0;
  nw_model_stamp_line(&b, "m", "", "0123456789abcdef", "make m");
  CHECK_EQ_STRN(b.data, b.len, "m model: stale: trained with data unknown, data now 0123456789abcdef (retrain: make m)\n");
  nw_buf_free(&b);
  /* the stamp mixes its hashes in order */
  uint64_t h[2] = {1, 2}, g[2] = {2, 1};
  char a[17], c[17];
  nw_data_stamp(h, 2, a);
  nw_data_stamp(g, 2, c);
  CHECK(strcmp(a, c) != 0);
}

/* The chooser knows a cue by its first form, whatever its row. */
static void test_cue_key(void) {
  int said = qx_cue_of("said", 4), say = qx_cue_of("SAY", 3);
  CHECK(said > 0 && said == say);
  CHECK(qx_cue_key(said) == nw_hash_lower("say", 3));
  CHECK(qx_cue_key(0) == 0);
}

int main(void) {
  RUN(test_models_fresh);
  RUN(test_stamp_line);
  RUN(test_cue_key);
  DONE();
}
