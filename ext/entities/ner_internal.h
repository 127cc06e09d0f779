/* Internals of the named-entity tagger, shared by the extractor (ext/entities)
** and the trainer (tools/ner_train.c): both compute features with this code,
** so a model always sees at run time the features it was trained on. */
#ifndef NW_NER_INTERNAL_H
#define NW_NER_INTERNAL_H
#include <stddef.h>
#include <stdint.h>

#include "data_stamp.h"
#include "hash.h"
#include "news_entities.h"

/* BIO tags over the four CoNLL types: O, then B-/I- pairs in nw_ent_type order. */
enum { NER_O = 0, NER_NTAGS = 9 };
static inline int ner_tag_type(int tag) { return tag ? (tag + 1) / 2 : 0; }  /* nw_ent_type or 0 */
static inline int ner_tag_is_begin(int tag) { return tag && (tag & 1); }
static inline int ner_tag_begin(int type) { return type * 2 - 1; }
static inline int ner_tag_inside(int type) { return type * 2; }
/* May tag b follow tag a? (I-X only continues B-X or I-X.) a < 0: sentence start. */
static inline int ner_transition_ok(int a, int b) {
  if (b == 0 || ner_tag_is_begin(b)) return 1;
  return a > 0 && ner_tag_type(a) == ner_tag_type(b);
}

/* Gazetteer categories (bit numbers), from the lists in data/ner/. */
enum {
  GAZ_COUNTRY, GAZ_DEMONYM, GAZ_CITY, GAZ_REGION, GAZ_ORG, GAZ_FIRST_NAME, GAZ_TITLE,
  GAZ_ORG_SUFFIX, GAZ_COMMON, GAZ_HONORIFIC, GAZ_NON_ENTITY, GAZ_CLUB, GAZ_NCAT
};
/* The lists, generated from the word lists in data/ner/ at build time (tools/gendata.c, mk/data.mk). */
typedef struct ner_gaz_entry {
  const char *phrase;
  uint8_t cat; /* GAZ_* */
} ner_gaz_entry;
extern const ner_gaz_entry ner_gaz_data[];
extern const size_t ner_gaz_data_count;

/* Longest gazetteer entry, in tokens. */
#define GAZ_MAX_TOKENS 6

/* Per-token gazetteer hits: for each category, whether the token starts,
** continues or alone forms a matched entry (longest match from each start). */
typedef struct ner_gaz_hit {
  uint16_t begin, inside, single; /* bit sets over GAZ_* */
} ner_gaz_hit;

/* Fill hits[0..ntok) for the whole document. Returns 0 or -1 (tables failed). */
int ner_gaz_tag(const nw_doc *d, ner_gaz_hit *hits);
/* Category bit set of one phrase (case-insensitive), 0 when not listed. */
unsigned ner_gaz_lookup(const char *s, size_t n);
size_t ner_gaz_entries(void);
/* The gazetteer is built (1), or its build failed for want of memory (0; the next use tries again). */
int ner_gaz_ready(void);

/* What a token's neighbours' features read of it, computed once per document
** (what only its own features read is computed when they are). */
typedef struct ner_tokinfo {
  uint64_t lower, sshape;
  uint32_t cluster_id; /* 0 when unknown */
  uint16_t flags;      /* NW_TF_* of the token, plus NER_TI_* below */
  uint8_t doc_type[2]; /* document-level hints: see ner_doc_hints */
  uint8_t p1tag;       /* first-pass tag (pass 2 only) */
} ner_tokinfo;

enum {
  NER_TI_HEADLINE = 1 << 12, /* in a sentence written in capitals (a headline) */
  NER_TI_LOWER_SEEN = 1 << 13, /* the same word occurs in lower case elsewhere in the text */
  NER_TI_AFTER_QUOTE = 1 << 14, /* right after a quotation mark */
};

/* Word clusters (from unlabeled text): lowercase word -> cluster id, kept
** as a table of 64-bit hashes of the words (collisions are negligible, and
** lookups need no string compares). An id packs a fine cluster (low 16
** bits) and a coarse one (high 16 bits). */
typedef struct ner_clusters {
  uint64_t *keys; /* 0 empty */
  uint32_t *ids;
  size_t cap, count;
} ner_clusters;
/* Build from NUL-terminated words (nbytes in all) and their ids. 0 or -1. */
int ner_clusters_build(ner_clusters *c, const char *words, size_t nbytes, const uint32_t *ids, size_t n);
uint32_t ner_clusters_get(const ner_clusters *c, const char *s, size_t n);
void ner_clusters_free(ner_clusters *c);
/* Longest normalized word kept (bytes). */
#define NER_WORD_MAX 96
/* A word with ASCII stand-ins for typographic marks into norm (NER_WORD_MAX
** bytes); *cut is the word's length when it did not fit, else 0. */
size_t ner_norm_word(const char *w, size_t n, char *norm, size_t *cut);
/* The key a word is looked up by in the clusters (normalized, lower case)
** into key (NER_WORD_MAX bytes); 0 when the word is too long to have one. */
size_t ner_cluster_key(const char *w, size_t n, char *key);

/* Per-document state of the features: token information and gazetteer
** hits (per token), and a table of the distinct words (for document hints). */
#define NER_MAXF 64       /* features of one token, at most */
#define NER_HCOUNTS 5     /* O and the four types */
#define NER_CHUNK 1024    /* tokens whose feature rows are held at once */
typedef struct ner_feats {
  ner_tokinfo *info;
  ner_gaz_hit *gaz;
  size_t cap;
  uint64_t *wkeys;   /* word table: keys, 0 empty */
  uint16_t *wcounts; /* NER_HCOUNTS counters per slot */
  size_t wcap, wn;
} ner_feats;

/* Pass 1 features that read one word of the sentence only (the token's own
** word, case, shapes, affixes, cluster; a neighbour's case, short shape and
** cluster at its offset) depend on that word's text alone, so their summed
** weights can be cached per word (see ner_model.c). Rows of the features
** word j gives to token j + k - 2 (k = 0..4) into rows[k], their number
** into count[k]. */
#define NER_WORD_ROWS 20
void ner_word_rows(const ner_feats *f, const nw_doc *d, size_t j, unsigned rows_log2,
                   uint32_t rows[5][NER_WORD_ROWS], unsigned count[5]);

/* Per-token information (hashes, flags, gazetteer, clusters) of a document. */
int ner_feats_prepare(ner_feats *f, const nw_doc *d, const ner_clusters *cl);
/* Document hints from a first pass: tags[i] is the first-pass tag of token i.
** Sets info[i].doc_type to the entity types the same word got elsewhere. 0 or -1 (OOM). */
int ner_doc_hints(ner_feats *f, const nw_doc *d, const uint8_t *tags);
/* Row indices of the features of tokens [from, to): token i's go to
** rows[(i - from) * NER_MAXF ...], their number to count[i - from]. Pass 1:
** the token's own and its neighbours'; pass 2: only the document hints (its
** scores add to pass 1's). Pass 1 with word_sums: the rows ner_word_rows
** gives (for neighbours inside the sentence) are left out. */
void ner_feats_compute(ner_feats *f, const nw_doc *d, int pass, unsigned rows_log2, size_t from, size_t to,
                       int word_sums, uint32_t *rows, uint8_t *count);
void ner_feats_free(ner_feats *f);

/* A linear model: weights[row * NER_NTAGS + tag] and tag transitions. Rows
** are read 16 bytes at a time: the table is followed by this much padding. */
#define NER_ROW_PAD 16
typedef struct ner_weights {
  unsigned rows_log2;
  const int8_t *w;      /* quantized weights: weight = code * scale */
  float scale;
  float trans[NER_NTAGS + 1][NER_NTAGS]; /* [prev tag, or NER_NTAGS at start][tag] */
} ner_weights;

typedef struct ner_model {
  ner_weights pass[2];
  ner_clusters clusters;
  char data_stamp[NW_STAMP_LEN + 1]; /* the data it was trained with ("" when unstamped) */
} ner_model;

/* The stamp after the model's last table: magic, then NW_STAMP_LEN hex digits. */
#define NER_STAMP_MAGIC "NWSTAMP"
/* The stamp of the data the features read now: data/core and data/ner lists. */
void ner_data_stamp(char out[NW_STAMP_LEN + 1]);

/* Parse a model blob (format written by the trainer; see ner_model.c). */
int ner_model_parse(ner_model *m, const unsigned char *blob, size_t n);
/* The model compiled into the library (NULL when it cannot be read). */
const ner_model *ner_model_builtin(void);
size_t ner_model_builtin_size(void); /* bytes */

/* Transition scores with the BIO constraints folded in (invalid: -1e30), so
** that decoding does not branch on them. */
void ner_constrain(const float trans[NER_NTAGS + 1][NER_NTAGS], float tr[NER_NTAGS + 1][NER_NTAGS]);
/* Best tag sequence for tokens [a, b) given emission scores em[i * NER_NTAGS + t]
** (i counted from a) and constrained transitions tr; writes tags[a..b). back
** holds (b - a) * NER_NTAGS entries. */
void ner_viterbi(const float *em, size_t a, size_t b, const float tr[NER_NTAGS + 1][NER_NTAGS], uint8_t *tags,
                 uint8_t *back);
/* Summed weight codes of rows, per tag (lanes past NER_NTAGS unused). */
typedef struct ner_own_sum {
  int16_t code[16];
} ner_own_sum;
/* Scores of tokens [from, to) (rows/count as ner_feats_compute fills them)
** under quantized weights, added to em[i * NER_NTAGS ...] (i counted from from)
** when add, else written there. base (or NULL): sums of rows left out, added too. */
void ner_emissions(const ner_weights *w, const uint32_t *rows, const uint8_t *count, size_t n,
                   const ner_own_sum *base, float *em, int add);

/* A word's sums per offset (ner_word_rows), kept across documents:
** direct-mapped on a hash of the word's bytes, which are kept to compare
** (no false hits). */
#define NER_OWN_SLOTS 4096
#define NER_OWN_MAXLEN 23
typedef struct ner_own_slot {
  uint8_t len; /* 0: empty */
  char text[NER_OWN_MAXLEN];
  ner_own_sum sum[5];
} ner_own_slot;

/* Reusable buffers for tagging documents (memory in proportion to the
** tokens, about 80 bytes each, plus a fixed 260 KB of feature rows and
** 740 KB of cached word sums). */
typedef struct ner_work {
  ner_feats f;
  float *em;
  uint8_t *tags;
  size_t cap;
  uint8_t *back; /* per sentence */
  size_t back_cap;
  uint8_t *live; /* per sentence: may it hold a name (else it is not tagged) */
  size_t live_cap;
  uint32_t rows[NER_CHUNK * NER_MAXF];
  uint8_t count[NER_CHUNK];
  ner_own_sum base[NER_CHUNK];
  ner_own_slot *own_cache;   /* NER_OWN_SLOTS, allocated on first use */
  const ner_weights *own_of; /* the weights the cached sums are of */
} ner_work;
/* Tag a document: a first pass, then a second one that also sees how the
** first tagged the same words elsewhere in the text. Tags in w->tags. */
int ner_tag_doc(const ner_model *m, const nw_doc *d, ner_work *w);
void ner_work_free(ner_work *w);

/* Title and honorific words that stay outside a person's name ("Mr.", "President"). */
int ner_is_title(const char *s, size_t n);
/* Common capitalized words that are not names ("The", "In", "Monday"). */
int ner_is_common(const char *s, size_t n);
/* Honorifics ("Mr.", "Ms.", "Dr."): the name after one is a person's. */
int ner_is_honorific(const char *s, size_t n);

/* End of the name part of a hyphenated compound in tokens [a, b): "U.S.-led"
** gives the end of "U.S."; b when the mention is no such compound. */
size_t ner_hyphen_cut(const nw_doc *d, size_t a, size_t b);
/* The same for a mention of type (nw_ent_type): a person's name keeps a
** lower-case syllable after its hyphen ("Kim Jong-un"; not "-led", "-era"). */
size_t ner_name_end(const nw_doc *d, size_t a, size_t b, int type);
/* Narrow a mention [*a, *b) to the name proper; an honorific before a name
** makes it a person's (*type). 0 when nothing is left. */
int ner_trim_mention(const nw_doc *d, size_t *a, size_t *b, int *type);
/* Names after an honorific ("Ms. Holloway") or an abbreviated title ("Sen.")
** are persons: fix tags[] so. */
void ner_honorific_names(const nw_doc *d, uint8_t *tags);
/* A person's name runs over the hyphens between its capitalized parts
** ("Eva-Marie Lund", "Jean-Luc Ortiz-Vega"): fix tags[] so. */
void ner_hyphenated_persons(const nw_doc *d, uint8_t *tags);
/* A demonym the tagger took for a name of its own before a "person" whose
** name ends in an organisation's suffix word begins that organisation's name
** ("German" + "Marshall Fund": one ORG, "German Marshall Fund"); a body the
** tagger typed ORG keeps the demonym apart, as CoNLL does ("French" +
** "Interior Ministry"). Fix tags[] so. */
void ner_demonym_orgs(const nw_doc *d, uint8_t *tags);

/* The type a gazetteer gives the phrase [a, b) without doubt (listed as
** organisations only, or as places only), else 0; -1 for a listed non-entity. */
int ner_gaz_type(const nw_doc *d, size_t a, size_t b);
/* Split "China-Russia" (two listed names joined by a hyphen) into its names:
** the end of the first part, or b when the mention is no such pair. */
size_t ner_gaz_pair_split(const nw_doc *d, size_t a, size_t b);

/* Give mentions of one name one type (see ner_consistency.c). */
int ner_unify_types(const nw_doc *d, nw_entities *out);

/* Canonical spans and clusters of the mentions in out (see ner_canon.c). */
int ner_resolve_canonical(const nw_doc *d, nw_entities *out);

#endif
