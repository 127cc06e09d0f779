/* Cross-article identity: which names of a corpus mean one real-world entity,
** and the readable key each entity gets. Pure C (no SQLite) so that it can be
** unit-tested; ext/corpus/corpus_link.c feeds it the stored names.
**
** Input: one item per distinct (article, type, name) with its mention count,
** plus each article's outlet and date. Output: a group per item and a unique
** key per group. The rules, in order:
**  1. Names are compared in a match form: case- and accent-folded, periods of
**     abbreviations dropped ("U.S." = "US"), a leading "the" dropped; for
**     people also titles, offices and party labels before the name, asides in
**     parentheses, a possessive, middle initials and "Jr."-style suffixes.
**  2. Aliases of general knowledge (data/identity/aliases.tsv) map a name to
**     its entity's key ("Britain" -> "United Kingdom").
**  3. People: full names with the same surname and the same first name, or a
**     short form of it (data/identity/nicknames.tsv: "Bill" = "William"; a
**     short form of several, "Steve", the one the corpus writes with that
**     surname; doubled letters written once, "Hilary" = "Hillary"), are one
**     person, unless other middle initials tell them apart ("George H.W.
**     Bush", "George W. Bush": a name with none then joins neither) or a
**     suffix does where one article names both forms ("Donald Trump",
**     "Donald Trump Jr."); so is a longer name whose last two or more words
**     are a full name of the corpus ("Recep Tayyip Erdogan" = "Tayyip
**     Erdogan").
**  4. A surname alone ("Putin", "de Blasio"; with a suffix, "Trump Jr.",
**     among the names with that suffix) joins the person of a full name
**     ending so; an acronym ("NATO", "U.N.") joins the names whose initials
**     it spells ("North Atlantic Treaty Organization"). One candidate:
**     joined. Several: the evidence decides, nearest first: the mentions in
**     the same article (split evidence there leaves the name apart), then the
**     articles of the same outlet, then the articles within a week, a month,
**     half a year of its date, then all articles, each naming one candidate
**     or one at least twice as often as any other; else the name stays apart.
**  5. Never across types.
** Keys: the alias table's key when the group has an alias; else for people
** a full name (two words or more) before a surname alone, then the most
** mentioned, then the one with more words; for others the most mentioned
** name, then the fullest; ties by byte order. Two groups with one key: the
** less mentioned ones get " (TYPE)" appended (and a number if that is taken
** too).
** Time: O(n log n) in the number of items (hash maps by name, suffix and
** initials; no scan over all pairs). */
#ifndef NW_IDENTITY_H
#define NW_IDENTITY_H
#include "news.h"

#include <stdint.h>

#define NW_ID_NO_DAY INT32_MIN

typedef struct nw_id_item {
  int64_t article;  /* the article's id (see nw_id_article) */
  int type;         /* nw_ent_type: NW_ENT_PERSON, ORG, LOC, MISC */
  const char *name; /* the name within the article (UTF-8, not NUL-terminated) */
  size_t len;
  int64_t mentions; /* mentions of this name in the article (0 for a name only a quote gives) */
} nw_id_item;

typedef struct nw_id_article {
  int64_t id;
  int64_t outlet; /* outlet id, 0 when unknown */
  int32_t day;    /* days since 1970-01-01, NW_ID_NO_DAY when unknown */
} nw_id_article;

typedef struct nw_id_groups {
  uint32_t *group_of; /* per input item: its group, 0..ngroups-1 */
  size_t ngroups;
  /* Per group: its key (NUL-terminated, unique), its name (the key before
  ** it was made unique), type, total mentions and number of distinct
  ** articles. Groups are numbered in key order. */
  const char **key, **name;
  int *type;
  int64_t *mentions, *articles;
  nw_buf arena; /* the keys' and names' bytes */
} nw_id_groups;

/* Group the items (articles: every article an item names; others are
** ignored). 0, or -1 when out of memory or the built-in data cannot be read. */
int nw_identity_resolve(const nw_id_item *items, size_t n, const nw_id_article *arts, size_t narts, nw_id_groups *out);
void nw_identity_free(nw_id_groups *g);

/* The name as a key shows it: surrounding marks, asides in parentheses and a
** possessive dropped; for people (type NW_ENT_PERSON) also what comes before
** the name proper (titles, offices, party labels, descriptions: "MSNBC host
** Chris Matthews" -> "Chris Matthews") and what follows a comma. Appends to
** out (not NUL-terminated). 0 or -1 (OOM). */
int nw_identity_clean(const char *s, size_t n, int type, nw_buf *out);

/* The match form of rule 1 (tokens separated by one space), with aliases
** applied (*alias set to 1 when the name is a known alias, else 0). */
int nw_identity_match_form(const char *s, size_t n, int type, nw_buf *out, int *alias);

/* 1 when the name ends in a word that ends organisations' names
** ("Commission", "Fund", "Party": the entity tagger's list), so that
** "Securities and Exchange Commission" is one name, not two. */
int nw_identity_org_name(const char *s, size_t n);

/* "YYYY-MM-DD" (or a longer ISO 8601 text starting so) as days since
** 1970-01-01; NW_ID_NO_DAY when s does not start with such a date. */
int32_t nw_identity_day(const char *s, size_t n);

/* Built-in data (the .tsv files of data/identity/ and data/outlets/known.tsv,
** embedded by identity_data.c; each followed by a NUL). */
const char *nw_identity_data(int which, size_t *len);
enum { NW_ID_DATA_ALIASES, NW_ID_DATA_NAME_WORDS, NW_ID_DATA_NICKNAMES, NW_ID_DATA_OUTLETS };
#endif
