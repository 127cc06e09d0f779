/* Shared by the identity files: the parsed word lists and a string pool. */
#ifndef NW_IDENTITY_INTERNAL_H
#define NW_IDENTITY_INTERNAL_H
#include "hash.h"
#include "identity.h"

/* Strings that never move once stored (maps point into them): a list of
** blocks, each filled before the next is allocated. */
typedef struct id_pool_block id_pool_block;
typedef struct id_pool {
  id_pool_block *head;
} id_pool;
/* A copy of s[0..n) followed by NUL, or NULL when out of memory. */
const char *id_pool_add(id_pool *p, const char *s, size_t n);
void id_pool_free(id_pool *p);

typedef struct id_words {
  nw_strmap alias;     /* match form of an alias -> index into alias_key */
  const char **alias_key, **alias_form; /* the key the table gives, and its match form */
  size_t nalias;
  nw_strmap title;     /* folded phrase before a person's name -> 1 */
  int title_words;     /* the most words of one title phrase */
  nw_strmap suffix;    /* folded suffix after a name -> 1 */
  nw_strmap formal;    /* folded given name -> its formal form's index in given[] (-1: ambiguous) */
  const char **given;  /* folded formal given names */
  size_t ngiven;
  nw_strmap alts;      /* folded short form of several formal names ("steve") -> its first in alt[] */
  struct id_alt {
    int32_t given, next; /* index into given[]; the next of the chain or -1 */
  } *alt;
  size_t nalt;
  id_pool pool;
} id_words;

/* Each line of a built-in data file (NW_ID_DATA_*) split on TAB: fn(ctx,
** field index, field, length) per non-empty field of every line that is not
** blank or a comment. 0, or -1 when fn fails. */
int id_each_field(int which, int (*fn)(void *ctx, int field, const char *s, size_t n), void *ctx);

/* The lists, parsed once per process; NULL when out of memory. */
const id_words *id_words_get(void);

/* s folded (nw_fold), periods dropped, white space collapsed to one space and
** trimmed: the form names are compared in. Appends to out. */
int id_fold_key(const char *s, size_t n, nw_buf *out);

/* What tells two people of one match form apart, from a person's cleaned
** name (nw_identity_clean): its middle initials ("H.W." -> "HW") appended to
** mid, its generational suffixes folded ("jr") to sfx. 0 or -1 (OOM). */
int id_person_marks(const char *s, size_t n, nw_buf *mid, nw_buf *sfx);

/* A name particle written in lower case ("de", "van", "bin", "al-Sisi"). */
int id_is_particle(const char *s, size_t n);

/* The items grouped by article: by_art[start[g] .. start[g + 1]) are
** article g's, for g < n. */
typedef struct id_art_groups {
  const uint32_t *by_art;
  const size_t *start;
  size_t n;
} id_art_groups;

/* The groups and their keys (identity_keys.c): item i is in the group of
** root[i] (any numbering); shown[i] is its name as a key shows it and
** shown_rank[i] that name's rank in byte order, ntok[i] the words of its
** match form, alias_key[i] the alias table's key or NULL. */
int id_key_groups(const nw_id_item *items, size_t n, const uint32_t *root, const char *const *shown,
                  const uint32_t *shown_rank, const int *ntok, const char *const *alias_key,
                  const id_art_groups *arts, nw_id_groups *out);
#endif
