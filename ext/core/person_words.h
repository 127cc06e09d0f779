/* Words about people shared by the entities' canonical names and the
** quotes' speaker names: the gender a given name or an honorific says
** ("Mrs. Clinton" is never the text's "Bill Clinton", nor "she" a man), and
** the nouns that describe one person by office or role ("the senator", "the
** businessman") or one organisation ("the company", "the ministry"): a
** description that names one the text introduced. Data in
** data/core/given_names.tsv and role_nouns.tsv, compiled by tools/gendata.c. */
#ifndef NW_PERSON_WORDS_H
#define NW_PERSON_WORDS_H
#include <stddef.h>
#include <stdint.h>

enum { NW_GENDER_NONE = 0, NW_GENDER_MALE = 1, NW_GENDER_FEMALE = 2 };

typedef struct nw_given_name {
  const char *name;
  uint8_t gender; /* NW_GENDER_MALE or NW_GENDER_FEMALE */
} nw_given_name;

enum { NW_NOUN_ROLE = 0, NW_NOUN_OFFICE = 1, NW_NOUN_ORG = 2 };

typedef struct nw_role_noun {
  const char *noun;    /* lower case */
  uint8_t kind;        /* NW_NOUN_OFFICE a person holds ("senator"), NW_NOUN_ROLE of a person
                       ** ("businessman"), NW_NOUN_ORG an organisation ("company") */
  uint8_t gender;      /* NW_GENDER_* the noun says ("spokeswoman": female) */
  const char *written; /* forms written before a name, space-separated ("Sen. Sen"), or "" */
} nw_role_noun;

extern const nw_given_name nw_given_names[];
extern const size_t nw_given_names_count;
extern const nw_role_noun nw_role_nouns[];
extern const size_t nw_role_nouns_count;

/* The maps are built (1), or their build failed for want of memory (0; the
** next call tries again): a caller that must not answer without them checks. */
int nw_person_words_ready(void);

/* The gender a given name says ("Hillary": female), matched with case;
** NW_GENDER_NONE when unknown or used for both. */
int nw_given_name_gender(const char *w, size_t n);

/* The gender an honorific says ("Mrs." or "Mrs": female, "Mr.": male; "Dr."
** none), matched with case. */
int nw_honorific_gender(const char *w, size_t n);

/* The noun w names, case aside: its index + 1 into nw_role_nouns (one for
** a noun and the forms written for it before a name: "senator", "Sen."
** and "Sen" give one), or 0 when w is none. *gender (may be NULL) gets the
** gender the noun says. */
int nw_role_noun_index(const char *w, size_t n, int *gender);
#endif
