/* One name to its key form (nw_identity_clean) and its match form
** (nw_identity_match_form): rule 1 of identity.h. */
#include "../entities/ner_internal.h" /* the gazetteers: words that end organisations' names */
#include "identity_internal.h"
#include "news_entities.h"

#include <string.h>
#include <utf8proc.h>

typedef struct word {
  size_t start, len;
} word;
enum { MAX_WORDS = 64 };

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Marks that may surround a name as written ("“Putin,”"). */
static size_t mark_len_at(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c == '"' || c == '\'' || c == ',' || c == ';' || c == ':' || c == '*' || is_space(c)) return 1;
  /* “ ” ‘ ’ (E2 80 9C/9D/98/99) */
  if (c == 0xE2 && i + 2 < n + 0 && (unsigned char)s[i + 1] == 0x80) {
    unsigned char d = (unsigned char)s[i + 2];
    if (d == 0x9C || d == 0x9D || d == 0x98 || d == 0x99) return 3;
  }
  return 0;
}

static int ends_with(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* s without surrounding marks and a possessive ("Putin’s" -> "Putin"). */
static void trim_marks(const char *s, size_t *from, size_t *to) {
  size_t a = *from, b = *to;
  for (int again = 1; again;) {
    again = 0;
    size_t k;
    while (a < b && (k = mark_len_at(s, b, a)) && a + k <= b) a += k;
    while (a < b) {
      size_t k3 = b - a >= 3 ? mark_len_at(s, b, b - 3) : 0;
      if (k3 == 3) b -= 3;
      else if (mark_len_at(s, b, b - 1) == 1) b--;
      else break;
    }
    if (ends_with(s + a, b - a, "'s") || ends_with(s + a, b - a, "'S")) b -= 2, again = 1;
    else if (ends_with(s + a, b - a, "\xE2\x80\x99s")) b -= 4, again = 1;
  }
  *from = a;
  *to = b;
}

/* The words of s[a..b), asides in parentheses left out. */
static size_t split_words(const char *s, size_t a, size_t b, word *w, size_t max) {
  size_t n = 0;
  int depth = 0;
  for (size_t i = a; i < b;) {
    if (s[i] == '(') depth++;
    if (depth || is_space((unsigned char)s[i])) {
      if (s[i] == ')' && depth) depth--;
      i++;
      continue;
    }
    size_t e = i;
    while (e < b && !is_space((unsigned char)s[e]) && s[e] != '(') e++;
    if (n < max) w[n++] = (word){i, e - i};
    i = e;
  }
  return n;
}

/* 1 when the word starts with a lower-case letter. */
static int starts_lower(const char *s, size_t n) {
  size_t i = 0;
  int32_t c = nw_utf8_next(s, n, &i);
  return utf8proc_tolower(c) == c && utf8proc_toupper(c) != c;
}

/* Name particles written in lower case inside a name ("Bill de Blasio",
** "Mohammed bin Salman", "al-Sisi"). */
int id_is_particle(const char *s, size_t n) {
  static const char *const particles[] = {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "bin",
                                          "ibn", "al", "el", "la", "le", "dos", "das", "do", "ter", "zu", "y", "e"};
  const char *dash = memchr(s, '-', n);
  if (dash) n = (size_t)(dash - s); /* "al-Sisi": the part before the hyphen */
  for (size_t i = 0; i < sizeof particles / sizeof particles[0]; i++)
    if (strlen(particles[i]) == n && memcmp(particles[i], s, n) == 0) return 1;
  return 0;
}

/* How many words at w[0..] form a title phrase (0 when none). */
static size_t title_at(const id_words *iw, const char *s, const word *w, size_t nw) {
  nw_buf k = {0};
  size_t found = 0;
  for (size_t take = 1; take <= nw && take <= (size_t)iw->title_words; take++) {
    k.len = 0;
    if (id_fold_key(s + w[0].start, w[take - 1].start + w[take - 1].len - w[0].start, &k)) break;
    if (k.len && nw_strmap_get(&iw->title, k.data, k.len, 0)) found = take;
  }
  nw_buf_free(&k);
  return found;
}

static int word_is(const char *s, const word *w, const char *lit) {
  return w->len == strlen(lit) && memcmp(s + w->start, lit, w->len) == 0;
}

/* A word written as initials: one capital letter, or capitals each followed
** by a period ("J.", "H.W."). */
static int initials_word(const char *s, size_t n) {
  if (n == 1) return s[0] >= 'A' && s[0] <= 'Z';
  if (n % 2 || n > 8) return 0;
  for (size_t i = 0; i < n; i += 2)
    if (!(s[i] >= 'A' && s[i] <= 'Z') || s[i + 1] != '.') return 0;
  return 1;
}

/* The words of a person's name before its suffixes ("Jr.", "III"): their count. */
static size_t before_suffixes(const id_words *iw, const char *s, const word *w, size_t nw) {
  nw_buf k = {0};
  while (nw > 1) {
    k.len = 0;
    if (id_fold_key(s + w[nw - 1].start, w[nw - 1].len, &k) || !k.len || !nw_strmap_get(&iw->suffix, k.data, k.len, 0))
      break;
    nw--;
  }
  nw_buf_free(&k);
  return nw;
}

/* The person's name proper: the words after the last lower-case word that is
** not a particle ("MSNBC host Chris Matthews"), then after the last title
** ("Rep. Jason Chaffetz", "New Jersey Gov. Chris Christie"), keeping at least
** one word that is not a suffix ("Jr."). */
static size_t person_first_word(const id_words *iw, const char *s, const word *w, size_t nw) {
  size_t first = 0, end = before_suffixes(iw, s, w, nw);
  for (size_t i = 0; i + 1 < end; i++)
    if (starts_lower(s + w[i].start, w[i].len) && !id_is_particle(s + w[i].start, w[i].len)) first = i + 1;
  for (size_t i = 0; i + 1 < end; i++) {
    size_t t = title_at(iw, s, w + i, end - i - 1);
    if (t && i + t > first) first = i + t;
    if (t) i += t - 1;
  }
  return first;
}

/* Where a person's name ends before a place or an employer it is "of",
** "from" or "at" ("Elijah Cummings of Maryland"): after two capitalised
** words or more. */
static size_t person_end_word(const char *s, const word *w, size_t nw) {
  for (size_t i = 2; i + 1 < nw; i++)
    if (word_is(s, &w[i], "of") || word_is(s, &w[i], "from") || word_is(s, &w[i], "at")) {
      int names = !starts_lower(s + w[i - 1].start, w[i - 1].len) && !starts_lower(s + w[i - 2].start, w[i - 2].len);
      if (names) return i;
    }
  return nw;
}

int nw_identity_clean(const char *s, size_t n, int type, nw_buf *out) {
  const id_words *iw = id_words_get();
  if (!iw) return -1;
  size_t a = 0, b = n;
  trim_marks(s, &a, &b);
  if (type == NW_ENT_PERSON) {
    const char *comma = memchr(s + a, ',', b - a); /* "Chaffetz, R-Utah" */
    if (comma && comma > s + a) b = (size_t)(comma - s), trim_marks(s, &a, &b);
  }
  word w[MAX_WORDS];
  size_t nw = split_words(s, a, b, w, MAX_WORDS);
  if (type == NW_ENT_PERSON) nw = person_end_word(s, w, nw);
  size_t first = type == NW_ENT_PERSON ? person_first_word(iw, s, w, nw) : 0;
  for (size_t i = first; i < nw; i++) {
    size_t ws = w[i].start, we = w[i].start + w[i].len;
    if (i == nw - 1) trim_marks(s, &ws, &we);
    if (i > first && nw_buf_putc(out, ' ')) return -1;
    /* brackets of an editor's insertion ("[Hillary] Clinton") are no part of the name */
    for (size_t j = ws; j < we; j++)
      if (s[j] != '[' && s[j] != ']' && nw_buf_putc(out, s[j])) return -1;
  }
  return 0;
}

int id_person_marks(const char *s, size_t n, nw_buf *mid, nw_buf *sfx) {
  const id_words *iw = id_words_get();
  if (!iw) return -1;
  word w[MAX_WORDS];
  size_t nw = split_words(s, 0, n, w, MAX_WORDS), end = before_suffixes(iw, s, w, nw);
  for (size_t i = 1; i + 1 < end; i++)
    if (initials_word(s + w[i].start, w[i].len))
      for (size_t j = 0; j < w[i].len; j++)
        if (s[w[i].start + j] != '.' && nw_buf_putc(mid, s[w[i].start + j])) return -1;
  for (size_t i = end; i < nw; i++)
    if ((sfx->len && nw_buf_putc(sfx, ' ')) || id_fold_key(s + w[i].start, w[i].len, sfx)) return -1;
  return 0;
}

/* Drops a person's middle initials, "Jr."-style suffixes and a quoted
** nickname from the folded words in k (in place). */
static void person_match_words(const id_words *iw, nw_buf *k) {
  word w[MAX_WORDS];
  size_t nw = split_words(k->data, 0, k->len, w, MAX_WORDS);
  while (nw > 1 && nw_strmap_get(&iw->suffix, k->data + w[nw - 1].start, w[nw - 1].len, 0)) nw--;
  size_t out = 0;
  for (size_t i = 0; i < nw; i++) {
    const char *t = k->data + w[i].start;
    size_t tl = w[i].len;
    int middle = i > 0 && i + 1 < nw;
    if (middle && (tl == 1 || t[0] == '"' || t[0] == '\'')) continue;
    if (out) k->data[out++] = ' ';
    memmove(k->data + out, t, tl);
    out += tl;
  }
  k->len = out;
}

/* Drops the middle words written as initials ("George H.W. Bush": folded,
** "hw" would look like a name) from a person's cleaned name, in place. */
static void drop_middle_initials(nw_buf *b) {
  word w[MAX_WORDS];
  size_t nw = split_words(b->data ? b->data : "", 0, b->len, w, MAX_WORDS), out = 0;
  for (size_t i = 0; i < nw; i++) {
    if (i > 0 && i + 1 < nw && initials_word(b->data + w[i].start, w[i].len)) continue;
    if (out) b->data[out++] = ' ';
    memmove(b->data + out, b->data + w[i].start, w[i].len);
    out += w[i].len;
  }
  b->len = out;
}

/* Text that was UTF-8, read as Latin-1 and written again as UTF-8
** ("FranÃ§ois" for "François"), undone up to twice (text mangled twice):
** while every code point is below U+0100, one at least above U+007F, and
** those as bytes are valid UTF-8. Latin-1 text as such is almost never valid
** UTF-8 that way ("Gómez" as bytes is not). Writes the repair to out; 1 when
** there was one, 0 when none, -1 (OOM). */
static int undo_mojibake(const char *s, size_t n, nw_buf *out) {
  nw_buf cur = {0}, next = {0};
  int fixed = 0, rc = nw_buf_append(&cur, s, n);
  for (int round = 0; !rc && round < 2; round++) {
    int high = 0, latin1 = 1;
    next.len = 0;
    for (size_t i = 0; !rc && latin1 && i < cur.len;) {
      int32_t c = nw_utf8_next(cur.data, cur.len, &i);
      latin1 = c >= 0 && c < 0x100;
      high |= c >= 0x80;
      if (latin1) rc = nw_buf_putc(&next, (char)c);
    }
    if (rc || !latin1 || !high || !nw_utf8_valid(next.data, next.len)) break;
    nw_buf swap = cur;
    cur = next, next = swap, fixed = 1;
  }
  if (!rc && fixed) rc = nw_buf_append(out, cur.data, cur.len);
  nw_buf_free(&cur);
  nw_buf_free(&next);
  return rc ? -1 : fixed;
}

int nw_identity_match_form(const char *s, size_t n, int type, nw_buf *out, int *alias) {
  const id_words *iw = id_words_get();
  if (!iw) return -1;
  *alias = 0;
  nw_buf clean = {0}, k = {0}, repaired = {0};
  int fixed = undo_mojibake(s, n, &repaired);
  if (fixed < 0) return -1;
  if (fixed) s = repaired.data, n = repaired.len;
  int rc = nw_identity_clean(s, n, type, &clean);
  if (!rc && type == NW_ENT_PERSON) drop_middle_initials(&clean);
  if (!rc) rc = id_fold_key(clean.data ? clean.data : "", clean.len, &k);
  if (!rc && type == NW_ENT_PERSON) person_match_words(iw, &k);
  const char *m = k.data ? k.data : "";
  size_t ml = k.len;
  if (!rc && type != NW_ENT_PERSON) {
    if (ml > 4 && memcmp(m, "the ", 4) == 0) m += 4, ml -= 4;
    int32_t a = nw_strmap_get(&iw->alias, m, ml, -1);
    if (a >= 0) {
      *alias = 1;
      m = iw->alias_form[a];
      ml = strlen(m);
    }
  }
  if (!rc) rc = nw_buf_append(out, m, ml);
  nw_buf_free(&clean);
  nw_buf_free(&k);
  nw_buf_free(&repaired);
  return rc ? -1 : 0;
}

int32_t nw_identity_day(const char *s, size_t n) {
  if (!s || n < 10 || s[4] != '-' || s[7] != '-') return NW_ID_NO_DAY;
  int v[3] = {0, 0, 0};
  static const int at[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int f = 0; f < 3; f++)
    for (int i = 0; i < len[f]; i++) {
      char c = s[at[f] + i];
      if (c < '0' || c > '9') return NW_ID_NO_DAY;
      v[f] = v[f] * 10 + (c - '0');
    }
  int y = v[0], m = v[1], d = v[2];
  if (m < 1 || m > 12 || d < 1 || d > 31) return NW_ID_NO_DAY;
  return (int32_t)nw_days_from_civil(y, m, d); /* the core's calendar */
}

int nw_identity_org_name(const char *s, size_t n) {
  while (n && is_space((unsigned char)s[n - 1])) n--;
  size_t i = n;
  while (i && !is_space((unsigned char)s[i - 1])) i--;
  return i < n && ((ner_gaz_lookup(s + i, n - i) >> GAZ_ORG_SUFFIX) & 1);
}
