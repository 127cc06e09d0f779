/* An article's outlet from its clues (rules in outlet_guess.h). Domains come
** from libpsl's built-in Public Suffix List, never from string rules. */
#include "outlet_guess.h"

#include "../entities/ner_internal.h" /* the gazetteers: places and common words are no outlet names */
#include "identity_internal.h"
#include "once.h"
#include "news_articles.h"

#include <ctype.h>
#include <fnmatch.h>
#include <libpsl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the known outlets ------------------------------------------------ */

/* folded name / domain -> row of the outlet list (nw_outlets, data/outlets/outlets.tsv) */
static nw_strmap known_by_name, known_by_domain;
static id_pool known_pool; /* the folded names */
static nw_once known_once = NW_ONCE_INIT;

/* s folded for comparing outlet names: case and accents, periods, "-" and
** "_" as spaces, a leading "the" dropped ("The_Guardian" = "guardian"). */
static int outlet_fold(const char *s, size_t n, nw_buf *out) {
  nw_buf spaced = {0};
  int rc = 0;
  for (size_t i = 0; i < n && !rc; i++) rc = nw_buf_putc(&spaced, s[i] == '-' || s[i] == '_' ? ' ' : s[i]);
  size_t start = out->len;
  if (!rc) rc = id_fold_key(spaced.data ? spaced.data : "", spaced.len, out);
  if (!rc && out->len - start > 4 && memcmp(out->data + start, "the ", 4) == 0) {
    memmove(out->data + start, out->data + start + 4, out->len - start - 4);
    out->len -= 4;
  }
  nw_buf_free(&spaced);
  return rc;
}

char *nw_outlet_name_key(const char *name) {
  nw_buf f = {0};
  if (outlet_fold(name, strlen(name), &f) || nw_buf_putc(&f, 0)) {
    nw_buf_free(&f);
    return NULL;
  }
  return f.data;
}

/* A name of row (folded) into the index; the first row that gives a name keeps it. */
static int add_known_name(const char *s, size_t n, int32_t row) {
  nw_buf f = {0};
  int rc = outlet_fold(s, n, &f);
  const char *k = rc ? NULL : id_pool_add(&known_pool, f.data ? f.data : "", f.len);
  if (!k) rc = -1;
  else if (nw_strmap_get(&known_by_name, k, f.len, -1) < 0) rc = nw_strmap_put(&known_by_name, k, f.len, row);
  nw_buf_free(&f);
  return rc;
}

static int add_known(const nw_outlet_entry *o, int32_t row) {
  size_t dl = strlen(o->domain);
  /* A domain on several rows keeps its first row's name. */
  if (nw_strmap_get(&known_by_domain, o->domain, dl, -1) < 0 && nw_strmap_put(&known_by_domain, o->domain, dl, row))
    return -1;
  if (add_known_name(o->name, strlen(o->name), row)) return -1;
  const char *lists[] = {o->text_names, o->other_names}, *name;
  size_t len;
  for (int l = 0; l < 2; l++)
    while (nw_outlet_next_name(&lists[l], &name, &len))
      if (add_known_name(name, len, row)) return -1;
  return 0;
}

static void free_known_tables(void) {
  nw_strmap_free(&known_by_name);
  nw_strmap_free(&known_by_domain);
  id_pool_free(&known_pool);
}

static int add_all_known(void) {
  for (size_t i = 0; i < nw_outlet_count; i++)
    if (add_known(&nw_outlets[i], (int32_t)i)) return -1;
  return 0;
}

/* A failed load frees what it made: the next use loads again. */
static int load_known(void) {
  if (nw_strmap_init(&known_by_name, 512, 0) == 0 && nw_strmap_init(&known_by_domain, 256, 1) == 0 &&
      add_all_known() == 0)
    return 0;
  free_known_tables();
  return -1;
}

__attribute__((destructor)) static void free_known(void) { free_known_tables(); }

int nw_outlet_known(const char *s, size_t n, const char **name, const char **domain) {
  if (!nw_once_try(&known_once, load_known)) return 0;
  int32_t e = nw_strmap_get(&known_by_domain, s, n, -1);
  if (e < 0) {
    nw_buf f = {0};
    if (outlet_fold(s, n, &f) == 0 && f.len) e = nw_strmap_get(&known_by_name, f.data, f.len, -1);
    nw_buf_free(&f);
  }
  if (e < 0) return 0;
  *name = nw_outlets[e].name;
  *domain = nw_outlets[e].domain;
  return 1;
}

/* ---- domains ------------------------------------------------------------ */

const char *nw_outlet_domain_in(const char *url, char host[NW_HOST_MAX]) {
  if (!url) return NULL;
  const char *p = strstr(url, "://");
  p = p ? p + 3 : url;
  while (*p == '/') p++;
  const char *end = p + strcspn(p, "/?#");
  const char *at = memchr(p, '@', (size_t)(end - p));
  if (at) p = at + 1;
  const char *colon = memchr(p, ':', (size_t)(end - p));
  if (colon) end = colon;
  while (end > p && end[-1] == '.') end--;
  size_t n = (size_t)(end - p);
  if (!n || n >= NW_HOST_MAX || !memchr(p, '.', n)) return NULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\') return NULL;
    host[i] = (char)tolower(c);
  }
  host[n] = 0;
  return psl_registrable_domain(psl_builtin(), host);
}

char *nw_outlet_domain(const char *url) {
  char host[NW_HOST_MAX];
  const char *reg = nw_outlet_domain_in(url, host);
  return reg ? strdup(reg) : NULL;
}

/* ---- names --------------------------------------------------------------- */

static int looks_like_host(const char *s, size_t n) {
  if (n >= 4 && (memcmp(s, "http", 4) == 0 || memcmp(s, "www.", 4) == 0)) return 1;
  const char *dot = memchr(s, '.', n);
  return dot && !memchr(s, ' ', n) && dot + 1 < s + n && isalpha((unsigned char)dot[1]);
}

char *nw_outlet_clean_name(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s);
  /* The site's name comes first, its tagline after a separator. */
  static const char *const cuts[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " : ", " \xC2\xB7 ", " \xE2\x80\xA2 "};
  for (size_t c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
    const char *hit = strstr(s, cuts[c]);
    if (hit && (size_t)(hit - s) < n) n = (size_t)(hit - s);
  }
  while (n && isspace((unsigned char)*s)) s++, n--;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  if (!n || n > 120 || looks_like_host(s, n)) return NULL;
  /* A lower-case slug ("cleveland"), a place or a common word is no name. */
  if (!memchr(s, ' ', n) && islower((unsigned char)s[0])) return NULL;
  unsigned cats = ner_gaz_lookup(s, n);
  unsigned places = 1u << GAZ_COUNTRY | 1u << GAZ_CITY | 1u << GAZ_REGION | 1u << GAZ_DEMONYM | 1u << GAZ_COMMON;
  if (cats & places) return NULL;
  return strndup(s, n);
}

/* ---- the user's mapping ------------------------------------------------ */

struct nw_outlet_map {
  struct outlet_rule {
    char *pattern, *outlet;
  } *rule; /* one array: a failed grow leaves nothing half-grown */
  size_t n, cap;
};

nw_outlet_map *nw_outlet_map_new(void) { return calloc(1, sizeof(nw_outlet_map)); }

int nw_outlet_map_add(nw_outlet_map *m, const char *pattern, const char *outlet) {
  if (nw_grow((void **)&m->rule, &m->cap, m->n + 1, sizeof *m->rule)) return -1;
  char *p = strdup(pattern), *o = strdup(outlet);
  if (!p || !o) {
    free(p);
    free(o);
    return -1;
  }
  m->rule[m->n++] = (struct outlet_rule){.pattern = p, .outlet = o};
  return 0;
}

size_t nw_outlet_map_size(const nw_outlet_map *m) { return m ? m->n : 0; }

void nw_outlet_map_get(const nw_outlet_map *m, size_t i, const char **pattern, const char **outlet) {
  *pattern = m->rule[i].pattern;
  *outlet = m->rule[i].outlet;
}

void nw_outlet_map_free(nw_outlet_map *m) {
  if (!m) return;
  for (size_t i = 0; i < m->n; i++) free(m->rule[i].pattern), free(m->rule[i].outlet);
  free(m->rule);
  free(m);
}

static char *fail(char **err, const char *file, size_t line, const char *what) {
  size_t n = strlen(file) + strlen(what) + 64;
  if ((*err = malloc(n))) {
    if (line) snprintf(*err, n, "%s, line %zu: %s", file, line, what);
    else snprintf(*err, n, "%s: %s", file, what);
  }
  return NULL;
}

nw_outlet_map *nw_outlet_map_load(const char *file, char **err) {
  *err = NULL;
  const char *why = NULL;
  FILE *f = nw_fopen_confined(file, &why);
  if (!f) {
    char what[96];
    snprintf(what, sizeof what, "cannot read the outlet mapping file (%s)", why);
    return (nw_outlet_map *)fail(err, file, 0, what);
  }
  nw_outlet_map *m = nw_outlet_map_new();
  size_t lineno = 0;
  char line[4096];
  while (m && fgets(line, sizeof line, f)) {
    lineno++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ')) line[--n] = 0;
    if (!n || line[0] == '#') continue;
    char *tab = strchr(line, '\t');
    if (!tab || tab == line || !tab[1]) {
      fail(err, file, lineno, "expected \"pattern<TAB>outlet\"");
      break;
    }
    *tab = 0;
    if (nw_outlet_map_add(m, line, tab + 1)) {
      fail(err, file, lineno, "out of memory");
      break;
    }
  }
  fclose(f);
  if (*err || !m) {
    nw_outlet_map_free(m);
    if (!*err) fail(err, file, 0, "out of memory");
    return NULL;
  }
  return m;
}

static const char *map_lookup(const nw_outlet_map *m, const nw_outlet_clues *c) {
  const char *base = c->path ? strrchr(c->path, '/') : NULL;
  base = base ? base + 1 : c->path;
  for (size_t i = 0; m && i < m->n; i++) {
    const char *subjects[] = {c->path, base, c->url};
    for (int k = 0; k < 3; k++)
      if (subjects[k] && fnmatch(m->rule[i].pattern, subjects[k], FNM_CASEFOLD) == 0) return m->rule[i].outlet;
  }
  return NULL;
}

/* ---- the guess ----------------------------------------------------------- */

static int set(nw_outlet *o, const char *key, const char *name, int has_domain) {
  o->key = strdup(key);
  o->name = name ? strdup(name) : NULL;
  o->has_domain = has_domain;
  return o->key && (!name || o->name) ? 0 : -1;
}

/* A name or a host as the outlet: a domain when it is a host or a known
** outlet, else the folded name (when fold_unknown). 1 when set. */
static int from_text(nw_outlet *o, const char *s, int fold_unknown, int *rc) {
  if (!s || !*s) return 0;
  const char *kname, *kdomain;
  if (looks_like_host(s, strlen(s))) {
    char *d = nw_outlet_domain(s);
    if (!d) return 0;
    int known = nw_outlet_known(d, strlen(d), &kname, &kdomain);
    *rc = set(o, d, known ? kname : NULL, 1);
    free(d);
    return 1;
  }
  char *name = nw_outlet_clean_name(s);
  if (!name) return 0;
  if (nw_outlet_known(name, strlen(name), &kname, &kdomain)) *rc = set(o, kdomain, kname, 1);
  else if (fold_unknown) {
    nw_buf f = {0};
    *rc = outlet_fold(name, strlen(name), &f) || nw_buf_putc(&f, 0) || set(o, f.data, name, 0);
    nw_buf_free(&f);
  }
  free(name);
  return o->key != NULL;
}

static int path_sep(char c) { return c == '_' || c == '-' || c == '.' || c == ' '; }

/* The first words of a file name that name a known outlet, followed by "_",
** a date or number, or nothing else ("usa-today_2016-09-30_x.txt",
** "reuters-20200101.txt"; not "fox-hunting.txt"). */
static int from_file_name(nw_outlet *o, const char *s, size_t n, int *rc) {
  const char *dot = strrchr(s, '.');
  if (dot && dot > s) n = (size_t)(dot - s); /* the extension is not a word */
  size_t ends[6], nw = 0;
  for (size_t i = 0; i < n && nw < 6 && !isdigit((unsigned char)s[i]);) {
    size_t e = i;
    while (e < n && !path_sep(s[e])) e++;
    ends[nw++] = e;
    i = e + 1;
  }
  const char *kname, *kdomain;
  for (size_t k = nw; k-- > 0;) {
    size_t e = ends[k];
    int bounded = e == n || s[e] == '_' || (e + 1 < n && isdigit((unsigned char)s[e + 1]));
    if (bounded && nw_outlet_known(s, e, &kname, &kdomain)) return *rc = set(o, kdomain, kname, 1), 1;
  }
  return 0;
}

static int from_path(nw_outlet *o, const char *path, int *rc) {
  if (!path) return 0;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  if (from_file_name(o, base, strlen(base), rc)) return 1;
  /* Folders, nearest first, each as a whole. */
  for (const char *end = base > path ? base - 1 : path; end > path;) {
    const char *start = end;
    while (start > path && start[-1] != '/') start--;
    const char *kname, *kdomain;
    if (end > start && nw_outlet_known(start, (size_t)(end - start), &kname, &kdomain))
      return *rc = set(o, kdomain, kname, 1), 1;
    end = start > path ? start - 1 : path;
  }
  return 0;
}

/* "<outlet>_<date>..." with an outlet the known list does not have. */
static int from_dated_prefix(nw_outlet *o, const char *path, int *rc) {
  if (!path) return 0;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *us = strchr(base, '_');
  if (!us || us == base || !isdigit((unsigned char)us[1])) return 0;
  size_t digits = 0;
  for (const char *p = us + 1; *p && (isdigit((unsigned char)*p) || *p == '-'); p++) digits += isdigit((unsigned char)*p) != 0;
  if (digits < 6) return 0;
  nw_buf f = {0};
  char *name = strndup(base, (size_t)(us - base));
  *rc = !name || outlet_fold(base, (size_t)(us - base), &f) || nw_buf_putc(&f, 0) || set(o, f.data, name, 0);
  free(name);
  nw_buf_free(&f);
  return 1;
}

/* The credit after " for " or the last ", " of a byline. */
static int from_byline(nw_outlet *o, const char *byline, int *rc) {
  if (!byline) return 0;
  const char *cut = NULL;
  for (const char *p = byline; *p; p++) {
    if (strncmp(p, " for ", 5) == 0) cut = p + 5;
    else if (p[0] == ',' && p[1] == ' ') cut = p + 2;
  }
  if (!cut) return 0;
  size_t n = strlen(cut);
  while (n && (cut[n - 1] == '.' || cut[n - 1] == ' ')) n--;
  const char *kname, *kdomain;
  if (!nw_outlet_known(cut, n, &kname, &kdomain)) return 0;
  *rc = set(o, kdomain, kname, 1);
  return 1;
}

int nw_outlet_guess(const nw_outlet_clues *c, const nw_outlet_map *m, nw_outlet *o) {
  memset(o, 0, sizeof *o);
  int rc = 0;
  const char *mapped = map_lookup(m, c);
  if (mapped && from_text(o, mapped, 1, &rc)) return rc;
  char *d = nw_outlet_domain(c->url);
  if (d) {
    const char *kname, *kdomain;
    char *name = nw_outlet_known(d, strlen(d), &kname, &kdomain) ? strdup(kname) : nw_outlet_clean_name(c->source);
    rc = set(o, d, name, 1);
    free(name);
    free(d);
    return rc;
  }
  if (from_path(o, c->path, &rc) || from_text(o, c->source, 1, &rc) || from_byline(o, c->byline, &rc) ||
      from_dated_prefix(o, c->path, &rc))
    return rc;
  return 0;
}

void nw_outlet_clear(nw_outlet *o) {
  free(o->key);
  free(o->name);
  memset(o, 0, sizeof *o);
}
