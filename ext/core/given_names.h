/* The gender a person's name or honorific says, shared by the entities'
** canonical names, the quotes' speaker names and cross-article identity, so
** that "Mrs. Clinton" is never the "Bill Clinton" of the text, nor "she" a
** man (data in data/core/given_names.tsv, compiled by tools/gendata.c). */
#ifndef NW_GIVEN_NAMES_H
#define NW_GIVEN_NAMES_H
#include <stddef.h>
#include <stdint.h>

enum { NW_GENDER_NONE = 0, NW_GENDER_MALE = 1, NW_GENDER_FEMALE = 2 };

typedef struct nw_given_name {
  const char *name;
  uint8_t gender; /* NW_GENDER_MALE or NW_GENDER_FEMALE */
} nw_given_name;

extern const nw_given_name nw_given_names[];
extern const size_t nw_given_names_count;

/* The gender a given name says ("Hillary": female), matched with case;
** NW_GENDER_NONE when unknown or used for both. */
int nw_given_name_gender(const char *w, size_t n);

/* The gender an honorific says ("Mrs." or "Mrs": female, "Mr.": male; "Dr."
** none), matched with case. */
int nw_honorific_gender(const char *w, size_t n);
#endif
