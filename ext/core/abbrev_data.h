/* Abbreviation and sentence-starter tables (data in data/core/abbreviations.tsv and
** sentence_starters.txt, compiled by tools/gendata.c). */
#ifndef NW_ABBREV_DATA_H
#define NW_ABBREV_DATA_H
#include <stddef.h>

typedef struct nw_abbrev {
  const char *word; /* without the final period */
  char kind;        /* 'T' title, 'W' weak, 'M' month */
} nw_abbrev;

extern const nw_abbrev nw_abbrevs[];
extern const size_t nw_abbrevs_count;
extern const char *const nw_sentence_starters[];
extern const size_t nw_sentence_starters_count;

/* Kind of the abbreviation word[0..n) (without its period), or 0. */
char nw_abbrev_kind(const char *word, size_t n);
/* 1 when word[0..n) is a sentence starter. */
int nw_is_sentence_starter(const char *word, size_t n);
#endif
