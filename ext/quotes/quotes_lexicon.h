/* Internal tables of the quotes extractor: reporting cues and word classes
** (data in data/quotes/cues.tsv and words.tsv, compiled by tools/gendata.c;
** looked up through hash maps built once). */
#ifndef NW_QUOTES_LEXICON_H
#define NW_QUOTES_LEXICON_H
#include <stddef.h>
#include <stdint.h>

/* How a cue finds its source. */
enum {
  CUE_SAY = 1,   /* "X said" or, after a quotation, "said X" */
  CUE_STANCE,    /* "X called it ...": subject on the left only */
  CUE_SOURCE,    /* "according to X": the source follows */
  CUE_QUOTED,    /* "Y quoted X as saying": X follows */
};

typedef struct qx_cue {
  const char *forms;     /* space-separated word forms */
  const char *particles; /* space-separated particles that belong to the cue, or "" */
  uint8_t type;          /* CUE_* */
  uint8_t need_particle; /* the forms are a cue only with a particle ("according to") */
} qx_cue;

extern const qx_cue qx_cues[];
extern const size_t qx_cues_count;

/* Word classes (bit set). */
enum {
  QW_PRONOUN = 1 << 0,  /* a pronoun that can be a speaker */
  QW_MALE = 1 << 1,
  QW_FEMALE = 1 << 2,
  QW_PLURAL = 1 << 3,
  QW_DET = 1 << 4,      /* determiner: an NP starts here */
  QW_SKIP = 1 << 5,     /* adverb or auxiliary between a subject and its cue */
  QW_STOP = 1 << 6,     /* function word that ends a noun phrase */
  QW_LINK = 1 << 7,     /* preposition inside a noun phrase: "head of X" */
  QW_TITLE = 1 << 8,    /* role title before a name: "President", "Sen." */
  QW_HONORIFIC = 1 << 9, /* "Mr.", "Mrs.", "Dr.": kept in the mention */
  QW_DOC = 1 << 10,     /* a document noun: the source is its issuer */
  QW_NAME_PARTICLE = 1 << 11, /* lower-case word inside a name: "de", "van" */
  QW_NOT_NAME = 1 << 12, /* capitalized at sentence start but not a name: "The", "But" */
  QW_RELATIVE = 1 << 13, /* "who", "which": the subject is before it */
  QW_GROUP = 1 << 14,   /* "and": joins speakers into a group */
  QW_OPENER = 1 << 15,  /* a clause starts after it: "that", "but", "when" */
  QW_PEOPLE = 1 << 16,  /* plural head for named people: "the two leaders" */
  QW_PLACES = 1 << 17,  /* plural head for named countries: "the two countries" */
  QW_TITLED = 1 << 18,  /* a work's title follows: "titled", "the show" */
  QW_NOT_SPEAKER = 1 << 19, /* never starts a speaker: days, months, linking adverbs */
  QW_INTRO = 1 << 20,   /* opens an introductory clause: "When X noted …, Y said" */
  QW_GENERIC_HEAD = 1 << 21, /* a role that names no office: "the Russian leader" */
};

typedef struct qx_word {
  const char *words; /* space-separated */
  uint32_t cls;
} qx_word;

extern const qx_word qx_words[];
extern const size_t qx_words_count;

/* Lookups (ASCII case-insensitive). Return 0 when unknown. */
/* The maps are built (1), or their build failed for want of memory (0; the
** next use tries again): an extraction without them would answer otherwise. */
int qx_lexicon_ready(void);
uint32_t qx_word_class(const char *w, size_t n);
/* Cue index + 1 for a word form, or 0. */
int qx_cue_of(const char *w, size_t n);
/* A stable key of cue c (the hash of its first form, lower case; 0 for none):
** what a model knows a cue by, so that adding a row to the data moves nothing. */
uint64_t qx_cue_key(int cue);
/* 1 when p is one of cue c's particles. */
int qx_cue_particle(int cue, const char *p, size_t n);
size_t qx_cue_form_count(void);
size_t qx_word_entry_count(void);
#endif
