/* Gold entity documents for the trainer (bench JSON Lines, FORMAT.md). */
#ifndef NER_JSON_H
#define NER_JSON_H
#include "news.h"

typedef struct ner_gold_ent {
  long start, end; /* byte offsets once read */
  int type;        /* nw_ent_type, 0 unknown */
} ner_gold_ent;

typedef struct ner_gold_doc {
  char *text;
  size_t len;
  ner_gold_ent *ents;
  size_t nents, ents_cap;
} ner_gold_doc;

int ner_read_gold(const char *path, ner_gold_doc **docs, size_t *ndocs);
void ner_gold_free(ner_gold_doc *docs, size_t n);
#endif
