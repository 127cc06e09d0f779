/* One key per outlet: an article's clues (URL, the reader's source, byline,
** path) to its outlet key and name. Pure C (libpsl, no SQLite);
** ext/corpus/corpus_outlets.c applies it to the corpus.
**
** The key is the registered domain of the outlet's site ("reuters.com", by
** the Public Suffix List through libpsl), else a folded name. Clues, first
** that gives an outlet wins:
**  1. the user's mapping file (see nw_outlet_map_load);
**  2. the article's URL;
**  3. the path: a folder or the start of the file name that names a known
**     outlet (data/outlets/outlets.tsv: "breitbart_2016-09-12_x.txt", "afp/x.txt");
**  4. the reader's source: a host, or a name (cleaned: a tagline after " | "
**     or " - " cut; a place, a common word or a lower-case slug is no name)
**     that the known list gives a domain, else the folded name;
**  5. the byline's credit ("Jane Roe for AFP", "Jane Roe, Reuters") when it
**     names a known outlet;
**  6. a file name of the shape <outlet>_<date>_...: the folded <outlet>. */
#ifndef NW_OUTLET_GUESS_H
#define NW_OUTLET_GUESS_H
#include "news.h"

typedef struct nw_outlet_clues {
  const char *path, *url, *source, *byline; /* NUL-terminated, or NULL */
} nw_outlet_clues;

/* The user's mapping: a text file of lines "pattern <TAB> outlet" ('#'
** starts a comment line). The pattern is a shell glob (fnmatch, case-blind)
** matched against the article's path, its file name and its URL; the outlet
** is a domain ("reuters.com") or a name ("Reuters": a known outlet's domain,
** else the name folded). The first line that matches wins. */
typedef struct nw_outlet_map nw_outlet_map;
nw_outlet_map *nw_outlet_map_new(void); /* empty; NULL when out of memory */
int nw_outlet_map_add(nw_outlet_map *m, const char *pattern, const char *outlet); /* 0 or -1 (OOM) */
size_t nw_outlet_map_size(const nw_outlet_map *m);
/* The pattern and outlet of line i (0-based, in file order). */
void nw_outlet_map_get(const nw_outlet_map *m, size_t i, const char **pattern, const char **outlet);
/* A mapping file read. NULL with *err (malloc'ed) set when the file cannot be
** read or a line is not "pattern<TAB>outlet" (the message names the line). */
nw_outlet_map *nw_outlet_map_load(const char *file, char **err);
void nw_outlet_map_free(nw_outlet_map *m);

typedef struct nw_outlet {
  char *key;  /* malloc'ed; NULL when no clue names an outlet */
  char *name; /* malloc'ed: the known name, the cleaned source, or NULL */
  int has_domain; /* the key is a registered domain */
} nw_outlet;

/* 0, or -1 when out of memory (or the known list cannot be read). */
int nw_outlet_guess(const nw_outlet_clues *c, const nw_outlet_map *m, nw_outlet *out);
void nw_outlet_clear(nw_outlet *o);

/* The registered domain of a URL or host ("https://www.bbc.co.uk/news" ->
** "bbc.co.uk"), malloc'ed, or NULL. */
char *nw_outlet_domain(const char *url_or_host);
/* The same without allocating (so that NULL always means "no domain"): a
** pointer into host, which receives the lower-cased host. */
enum { NW_HOST_MAX = 254 };
const char *nw_outlet_domain_in(const char *url_or_host, char host[NW_HOST_MAX]);
/* An outlet name as a page gives it, cleaned (malloc'ed), or NULL when it is
** no name (a URL or host, a place, a common word, a lower-case slug). */
char *nw_outlet_clean_name(const char *s);
/* The key of an outlet known only by name: the name folded (case, accents,
** periods, "-" and "_" as spaces, a leading "the" dropped); malloc'ed. */
char *nw_outlet_name_key(const char *name);
/* The known outlet (data/outlets/outlets.tsv) with this name or domain: its
** name and domain (static strings), or 0 when none. */
int nw_outlet_known(const char *name_or_domain, size_t n, const char **name, const char **domain);
#endif
