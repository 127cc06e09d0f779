/* Bylines as people: "By TOM KRISHER, AP Auto Writer" gives "TOM KRISHER",
** "Lia Eustachewich and Yaron Steinbuch" two names, "Rachael Link, MS, RD"
** one. A byline is cut into parts (commas, bars, "and", "&", dashes); a
** part loses its "By"/"Analysis by" lead, what follows " for " or " in " (an
** outlet, a city), a date or "Updated" tail, and a job title ("Senior
** Correspondent", "Staff Writer"); what is left is a person when it reads
** as a name (two to six capitalised words), an organisation when it ends in
** an organisation word or is a known outlet, else nothing. The outlet that
** publishes the page is never an author. Linear in the byline's length. */
#include "news_articles.h"

#include <ctype.h>
#include <string.h>

/* Leads that introduce the names ("Analysis by", "By:"). */
static const char *const leads[] = {"analysis by", "opinion by", "commentary by", "written by", "posted by",
                                    "reported by", "report by", "words by", "story by", "text by", "column by",
                                    "review by", "interview by", "by", NULL};

/* Words of a job title: a part holding one is a title, or a name then a title. */
static const char *const job_words[] = {
  "writer", "writers", "correspondent", "correspondents", "editor", "editors", "reporter", "reporters",
  "columnist", "columnists", "contributor", "contributors", "contributing", "staff", "producer", "producers",
  "analyst", "critic", "photographer", "photojournalist", "intern", "freelance", "freelancer", "bureau", "desk",
  "team", "editorial", "newsroom", "board", "anchor", "journalist", "journalists", "blogger", "commentator",
  "chief", "fellow", "researcher", "director", "manager", "president", "founder", "ceo", "professor", "guest",
  "strategist", "specialist", "expert", "coordinator", "officer", "lecturer", "scientist", "dietitian",
  "nutritionist", "trainer", NULL};

/* Words a job title puts before its job word ("Senior", "National Security"). */
static const char *const title_words[] = {
  "senior", "chief", "staff", "national", "political", "politics", "business", "auto", "security", "sports",
  "special", "contributing", "associate", "assistant", "deputy", "managing", "executive", "investigative",
  "foreign", "science", "health", "technology", "tech", "entertainment", "legal", "economics", "economic",
  "digital", "global", "international", "medical", "climate", "education", "travel", "food", "music", "film",
  "arts", "culture", "energy", "markets", "finance", "financial", "breaking", "news", "video", "opinion",
  "metro", "crime", "courts", "data", "congressional", "diplomatic", "defense", "military",
  "world", "local", "regional", "state", "general", "features", "lifestyle", "fashion", "television", "tv",
  "radio", "web", "social", "media", "copy", "photo", "graphics", "weekend", "night", "lead", "principal",
  "research", "content", "community", "commerce", "shopping", "deals", "review", "reviews", "games", "gaming",
  "space", "environment", "environmental", "wire", "freelance", "independent", "guest", "former", NULL};

/* Letters after a name ("MS, RD", "PhD"): never a person. */
static const char *const credentials[] = {"ms", "ma", "msc", "rd", "rdn", "ld", "phd", "ph.d.", "ph.d", "md",
                                          "m.d.", "mph", "rn", "cpt", "dds", "jd", "mba", "cfa", "cfp", "bsc",
                                          "ba", "bs", "mfa", "lcsw", "np", "pa-c", "facp", "cscs", NULL};

/* A part ending in one of these names an organisation, not a person. */
static const char *const org_words[] = {
  "news", "insider", "times", "post", "press", "media", "journal", "herald", "tribune", "daily", "magazine",
  "network", "agency", "wire", "service", "services", "group", "inc", "inc.", "international", "tv", "radio",
  "online", "business", "digital", "report", "review", "gazette", "chronicle", "observer", "today", "weekly",
  "monthly", "bureau", "staff", "desk", "team", "reports", "newsroom", "editors", "blog", "channel", "broadcasting",
  "corporation", "company", "co.", "ltd", "ltd.", "llc", "foundation", "institute", "university", "associates",
  "partners", "studio", "studios", "publishing", "publications", "newspaper", "newspapers", "dispatch",
  "mail", "express", "mirror", "telegraph", "examiner", "bulletin", "courier",
  "register", "sentinel", "guardian", "independent", "wires", NULL};

/* Words that end the names: an update note, a prompt, a day. */
static const char *const stop_words[] = {
  "updated", "published", "posted", "modified", "follow", "email", "e-mail", "twitter", "facebook", "view",
  "read", "bio", "contact", "share", "comments", "comment", "photos", "video", "monday", "tuesday", "wednesday",
  "thursday", "friday", "saturday", "sunday", "today", "yesterday", NULL};

/* Months end the names only before a number ("Nov. 19, 2019"): "Theresa May" is a name. */
static const char *const months[] = {
  "jan", "jan.", "january", "feb", "feb.", "february", "mar", "mar.", "march", "apr", "apr.", "april", "may",
  "jun", "jun.", "june", "jul", "jul.", "july", "aug", "aug.", "august", "sep", "sep.", "sept", "sept.",
  "september", "oct", "oct.", "october", "nov", "nov.", "november", "dec", "dec.", "december", NULL};

/* A job word naming a group: the part is a desk, not a person ("Science X staff"). */
static const char *const desk_words[] = {"staff", "team", "desk", "newsroom", "editors", "board", "bureau",
                                         "editorial", "reports", "wires", NULL};

/* Lower-case words a name may hold ("Vincent van Gogh", "Ibn al-Haytham"). */
static const char *const particles[] = {"de",  "da",  "das", "do", "dos", "di",  "del", "della", "der", "den", "van",
                                        "von", "la",  "le",  "du", "bin", "ibn", "al",  "el",    "y",   "ten", "ter",
                                        "zu",  "bint", "st.", NULL};

static const char *const suffixes[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", NULL};

static int in_words(const char *const *list, const char *w, size_t n) {
  for (size_t i = 0; list[i]; i++)
    if (strlen(list[i]) == n && !nw_ascii_ncasecmp(list[i], w, n)) return 1;
  return 0;
}

/* ---- words of a part -------------------------------------------------- */

enum { MAX_WORDS = 24 };
typedef struct words {
  const char *w[MAX_WORDS];
  size_t len[MAX_WORDS];
  int n;
} words;

/* Split s[0..n) at spaces; more than MAX_WORDS words is no byline part (0). */
static int split_words(const char *s, size_t n, words *out) {
  out->n = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    if (i >= n) break;
    size_t j = i;
    while (j < n && s[j] != ' ') j++;
    if (out->n == MAX_WORDS) return 0;
    out->w[out->n] = s + i;
    out->len[out->n++] = j - i;
    i = j;
  }
  return 1;
}

static int has_digit(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (isdigit((unsigned char)w[i])) return 1;
  return 0;
}

/* A word of a name: capitalised (or a non-ASCII letter first, or a
** particle), letters, dots, hyphens and apostrophes only. */
static int name_word(const char *w, size_t n) {
  unsigned char c = (unsigned char)w[0];
  if (!(isupper(c) || c >= 0x80 || in_words(particles, w, n))) return 0;
  if (n >= 3 && (unsigned char)w[n - 1] == 0x99 && (unsigned char)w[n - 2] == 0x80) return 0; /* "CNN’s" ends in ’ */
  for (size_t i = 0; i < n; i++) {
    unsigned char b = (unsigned char)w[i];
    if (!(isalpha(b) || b >= 0x80 || b == '.' || b == '-' || b == '\'')) return 0;
  }
  /* a web address: "Cleveland.com" */
  const char *dot = memchr(w, '.', n);
  if (dot && dot + 1 < w + n && islower((unsigned char)dot[1])) return 0;
  return 1;
}

/* ASCII letters and digits lower-cased, other bytes kept, without a leading
** "the": "The Detroit News" and "detroitnews" fold alike. */
static size_t fold_key(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    unsigned char c = (unsigned char)s[i];
    if (isalnum(c)) out[k++] = (char)tolower(c);
    else if (c >= 0x80) out[k++] = (char)c;
  }
  out[k] = 0;
  if (k > 3 && !strncmp(out, "the", 3) && nw_ascii_ncasecmp(s, "the", 3) == 0) {
    memmove(out, out + 3, k - 2);
    k -= 3;
  }
  return k;
}

int nw_names_publisher(const char *s, size_t n, const char *const *publishers, int prefix) {
  char a[256], b[256];
  size_t al = fold_key(s, n, a, sizeof a);
  if (!al || !publishers) return 0;
  for (size_t i = 0; publishers[i]; i++) {
    size_t bl = fold_key(publishers[i], strlen(publishers[i]), b, sizeof b);
    if (!bl) continue;
    size_t m = al < bl ? al : bl;
    if (al == bl ? !memcmp(a, b, al) : (prefix && m >= 5 && !memcmp(a, b, m))) return 1;
  }
  return 0;
}

/* ---- one part ------------------------------------------------------- */

enum { PART_NONE, PART_PERSON, PART_ORG, PART_SUFFIX };

size_t nw_byline_lead(const char *s, size_t n) {
  for (size_t i = 0; leads[i]; i++) {
    size_t l = strlen(leads[i]);
    if (n > l && !nw_ascii_ncasecmp(s, leads[i], l) && (s[l] == ' ' || s[l] == ':')) {
      l++;
      while (l < n && (s[l] == ' ' || s[l] == ':')) l++;
      return l;
    }
  }
  return 0;
}

/* The words that are left of a part once its lead, its " for ..." or
** " in ..." tail, its date tail and its job title are cut. */
static void cut_part(words *w) {
  int keep = w->n;
  for (int i = 0; i < w->n; i++) {
    const char *x = w->w[i];
    size_t l = w->len[i];
    if (i > 0 && ((l == 3 && !memcmp(x, "for", 3)) || (l == 2 && !memcmp(x, "in", 2)))) { keep = i; break; }
    int on_at = (l == 2 && (!memcmp(x, "on", 2) || !memcmp(x, "at", 2)));
    int month = in_words(months, x, l) && i + 1 < w->n && has_digit(w->w[i + 1], w->len[i + 1]);
    if (has_digit(x, l) || on_at || month || in_words(stop_words, x, l) || x[0] == '@' || !strncmp(x, "http", 4)) {
      keep = i;
      break;
    }
  }
  w->n = keep;
  for (int i = 0; i < w->n; i++) {
    size_t l = w->len[i];
    while (l && (w->w[i][l - 1] == ',' || w->w[i][l - 1] == ':')) l--;
    if (in_words(job_words, w->w[i], l)) { /* drop the title and the words that lead into it */
      if (in_words(desk_words, w->w[i], l)) {
        w->n = 0;
        break;
      }
      int j = i;
      while (j > 0 && (in_words(title_words, w->w[j - 1], w->len[j - 1]) || nw_outlet_named_in(w->w[j - 1], w->len[j - 1])))
        j--;
      w->n = j;
      break;
    }
  }
}

static int classify(const char *s, size_t n, const char *const *publishers, const char **start, size_t *len) {
  size_t lead = nw_byline_lead(s, n);
  s += lead, n -= lead;
  words w;
  if (!split_words(s, n, &w) || !w.n) return PART_NONE;
  if (w.n == 1 && in_words(suffixes, w.w[0], w.len[0])) {
    *start = w.w[0], *len = w.len[0];
    return PART_SUFFIX;
  }
  int all_credentials = 1;
  for (int i = 0; i < w.n; i++) all_credentials &= in_words(credentials, w.w[i], w.len[i]);
  if (all_credentials) return PART_NONE;
  cut_part(&w);
  while (w.n && (w.len[w.n - 1] == 0 || !strcmp(w.w[w.n - 1], "-"))) w.n--;
  if (!w.n) return PART_NONE;
  *start = w.w[0];
  *len = (size_t)(w.w[w.n - 1] + w.len[w.n - 1] - w.w[0]);
  while (*len && ((*start)[*len - 1] == '.' || (*start)[*len - 1] == ',') && w.len[w.n - 1] > 2) (*len)--;
  if (nw_names_publisher(*start, *len, publishers, 1)) return PART_NONE;
  const char *outlet = nw_outlet_named_in(*start, *len);
  if (outlet && nw_ascii_ncasecmp(outlet, *start, *len) == 0 && strlen(outlet) == *len) return PART_ORG;
  if (outlet && w.n <= 2 && nw_names_publisher(outlet, strlen(outlet), publishers, 1)) return PART_NONE;
  size_t last = w.len[w.n - 1];
  while (last && w.w[w.n - 1][last - 1] == '.') last--;
  if (in_words(org_words, w.w[w.n - 1], w.len[w.n - 1]) || in_words(org_words, w.w[w.n - 1], last)) return PART_ORG;
  if (outlet && w.n == 1) return PART_ORG;
  if (w.n < 2 || w.n > 6) return PART_NONE;
  for (int i = 0; i < w.n; i++)
    if (!name_word(w.w[i], w.len[i])) return PART_NONE;
  if (islower((unsigned char)w.w[0][0])) return PART_NONE; /* a particle never starts a name */
  return PART_PERSON;
}

/* ---- the byline ------------------------------------------------------- */

/* Whether names (lines) already hold s[0..n), case-insensitively. */
static int has_line(const nw_buf *names, const char *s, size_t n) {
  for (size_t i = 0; i < names->len;) {
    const char *nl = memchr(names->data + i, '\n', names->len - i);
    size_t l = nl ? (size_t)(nl - names->data) - i : names->len - i;
    if (l == n && !nw_ascii_ncasecmp(names->data + i, s, n)) return 1;
    i += l + 1;
  }
  return 0;
}

static int add_name(nw_buf *names, const char *s, size_t n) {
  if (has_line(names, s, n)) return 0;
  return nw_buf_append(names, s, n) || nw_buf_putc(names, '\n');
}

/* A separator between parts at s[i]: its length, or 0. */
static size_t separator_at(const char *s, size_t n, size_t i) {
  static const char *const seps[] = {" and ", " And ", " AND ", " & ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                     "\xC2\xB7", "\xE2\x80\xA2", NULL};
  char c = s[i];
  if (c == ',' || c == ';' || c == '|' || c == '/' || c == '\n') return 1;
  for (size_t k = 0; seps[k]; k++) {
    size_t l = strlen(seps[k]);
    if (i + l <= n && !memcmp(s + i, seps[k], l)) return l;
  }
  /* "Finian Cunningham. Sputnik International": a full stop after a word
  ** longer than an initial or "Jr." ends a part */
  if (c == '.' && i + 2 < n && s[i + 1] == ' ' && isupper((unsigned char)s[i + 2])) {
    size_t b = i;
    while (b > 0 && s[b - 1] != ' ') b--;
    static const char *const abbrevs[] = {"mrs", "mme", "sen", "rep", "gov", "gen", "col", "capt", "prof", "rev", "sgt", NULL};
    if (i - b >= 3 && !in_words(suffixes, s + b, i - b) && !in_words(abbrevs, s + b, i - b)) return 1;
  }
  return 0;
}

int nw_byline_people(const char *s, size_t n, const char *const *publishers, nw_buf *persons, nw_buf *orgs) {
  if (n > 5000) return 0; /* pages of text, not bylines */
  size_t lead = nw_byline_lead(s, n);
  size_t i = lead, start = lead;
  size_t last_person = (size_t)-1; /* where the last name added to persons starts */
  while (i <= n) {
    size_t sep = i < n ? separator_at(s, n, i) : 1;
    if (!sep) {
      i++;
      continue;
    }
    const char *p;
    size_t pl;
    int kind = classify(s + start, i - start, publishers, &p, &pl);
    int rc = 0;
    if (kind == PART_PERSON) {
      if (!has_line(persons, p, pl)) {
        last_person = persons->len;
        rc = add_name(persons, p, pl);
      }
    } else if (kind == PART_ORG) rc = add_name(orgs, p, pl);
    else if (kind == PART_SUFFIX && last_person != (size_t)-1 && last_person < persons->len) {
      /* "Martin Luther King, Jr.": the suffix joins the name before it */
      persons->len--; /* its '\n' */
      rc = nw_buf_append(persons, ", ", 2) || nw_buf_append(persons, p, pl) || nw_buf_putc(persons, '\n');
      last_person = (size_t)-1;
    }
    if (rc) return -1;
    i += sep;
    start = i;
  }
  return 0;
}

int nw_byline_join(const nw_buf *names, nw_buf *out) {
  size_t count = 0;
  for (size_t i = 0; i < names->len; i++) count += names->data[i] == '\n';
  size_t k = 0;
  for (size_t i = 0; i < names->len; k++) {
    const char *nl = memchr(names->data + i, '\n', names->len - i);
    size_t l = nl ? (size_t)(nl - names->data) - i : names->len - i;
    const char *sep = k == 0 ? "" : k + 1 == count ? " and " : ", ";
    if (nw_buf_append(out, sep, strlen(sep)) || nw_buf_append(out, names->data + i, l)) return -1;
    i += l + 1;
  }
  return 0;
}

int nw_is_byline_line(const char *s, size_t n) {
  static const char *const small[] = {"and", "for", "in", "of", "the", "at", "on", "with", "staff", "de", "da",
                                      "van", "von", "la", "le", "del", "der", "du", "bin", "al", NULL};
  size_t lead = nw_byline_lead(s, n);
  if (!lead || n > 150 || lead >= n || !(isupper((unsigned char)s[lead]) || (unsigned char)s[lead] >= 0x80)) return 0;
  /* "By Tuesday, the river had risen" is a sentence: its lower-case words say so */
  for (size_t i = lead; i < n;) {
    while (i < n && (s[i] == ' ' || s[i] == ',')) i++;
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != ',') j++;
    if (j > i && islower((unsigned char)s[i]) && !in_words(small, s + i, j - i)) return 0;
    i = j;
  }
  return 1;
}

