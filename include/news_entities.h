/* Named-entity extractor API (implemented in ext/entities/). Quotes use it
** to resolve speakers, so this interface is shared: extend, do not rename. */
#ifndef NEWS_ENTITIES_H
#define NEWS_ENTITIES_H
#include "news.h"

typedef enum nw_ent_type { NW_ENT_PERSON = 1, NW_ENT_ORG, NW_ENT_LOC, NW_ENT_MISC } nw_ent_type;

typedef struct nw_entity {
  uint32_t start, end;             /* byte span of the mention (titles, possessive 's outside) */
  uint32_t tok_first, tok_end;     /* token index range of the mention in the nw_doc */
  uint32_t sentence;               /* 0-based sentence index */
  uint32_t canon_start, canon_end; /* byte span in the same text of the fullest form of this entity */
  uint32_t cluster;                /* mentions of one entity share a cluster number */
  uint8_t type;                    /* nw_ent_type */
} nw_entity;

typedef struct nw_entities {
  nw_entity *v;
  size_t n, cap;
} nw_entities;

/* Entities of a tokenized document, in text order (out is reset first).
** Returns 0, or -1 when out of memory or the model cannot be loaded. */
int nw_extract_entities(const nw_doc *doc, nw_entities *out);
void nw_entities_free(nw_entities *e);
const char *nw_ent_type_name(int type); /* "PERSON", "ORG", "LOC", "MISC" */

/* What the built-in tagger is made of (for news_debug). */
typedef struct nw_entities_info {
  int model_ok;              /* 0 when the embedded model cannot be read */
  size_t model_bytes;        /* size of the embedded model */
  unsigned rows_log2[2];     /* weight rows of the two passes, as powers of two */
  unsigned tags;             /* tags scored per row */
  size_t cluster_words;      /* words with a cluster */
  size_t gazetteer_phrases;  /* phrases in the gazetteers */
  /* Data stamps (16 hex digits): of the data the model was trained with ("" when
  ** unknown) and of the data the library holds; they differ when it is stale. */
  char trained_with[17], data_now[17];
} nw_entities_info;
void nw_entities_describe(nw_entities_info *info);
#endif
