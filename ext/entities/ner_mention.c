/* Mention boundaries as the annotation conventions want them: titles and
** honorifics, a possessive 's and the lower-case tail of a hyphenated
** compound ("U.S.-led") stay outside the name. Used on the tagger's output
** and, by the trainer, on gold spans, so both follow one convention. */
#include "ner_internal.h"

#include <string.h>

static int is_hyphen(const nw_doc *d, size_t i) {
  const nw_token *t = &d->tok[i];
  if (t->cls != NW_TOK_PUNCT) return 0;
  size_t n = nw_tok_len(t);
  const char *w = d->text + t->start;
  return (n == 1 && w[0] == '-') || (n == 3 && memcmp(w, "\xE2\x80\x90", 3) == 0); /* - or ‐ */
}

/* A hyphen joining two tokens with no space: "Ben-Ami". */
static int glued_hyphen(const nw_doc *d, size_t i) {
  return is_hyphen(d, i) && d->tok[i].ws == NW_WS_NONE && i + 1 < d->ntok && d->tok[i + 1].ws == NW_WS_NONE;
}

/* Lower-case words of four letters at most that make a compound of the name
** before their hyphen ("Yeltsin-era", "U.S.-led"); a longer word always does
** ("-backed", "-style"). General knowledge. */
static const char *const compound_words[] = {"aged", "born", "bred", "era", "fed", "free", "held", "ish", "led",
                                             "less", "like", "long", "made", "old", "only", "run", "tied", "type",
                                             "wide"};

/* Is the token after the hyphen at h a syllable of the name before it,
** written in lower case as romanized names do ("Kim Jong-un", "Lee
** Teng-hui"): a short word of ASCII letters, glued to a capitalized one,
** that makes no compound? */
static int name_syllable_after(const nw_doc *d, size_t h) {
  if (h == 0 || !glued_hyphen(d, h)) return 0;
  const nw_token *l = &d->tok[h - 1], *r = &d->tok[h + 1];
  size_t n = nw_tok_len(r);
  if (l->cls != NW_TOK_WORD || !(l->flags & NW_TF_UPPER_INITIAL) || r->cls != NW_TOK_WORD || n < 2 || n > 4) return 0;
  const char *w = d->text + r->start;
  for (size_t k = 0; k < n; k++)
    if (w[k] < 'a' || w[k] > 'z') return 0;
  for (size_t k = 0; k < sizeof compound_words / sizeof *compound_words; k++)
    if (strlen(compound_words[k]) == n && memcmp(compound_words[k], w, n) == 0) return 0;
  return 1;
}

size_t ner_name_end(const nw_doc *d, size_t a, size_t b, int type) {
  if (type == NW_ENT_PERSON && b >= a + 3 && name_syllable_after(d, b - 2)) return b;
  return ner_hyphen_cut(d, a, b);
}

size_t ner_hyphen_cut(const nw_doc *d, size_t a, size_t b) {
  /* the lower-case tail: lower-case words and hyphens up to the end */
  size_t tail = b;
  while (tail > a && (is_hyphen(d, tail - 1) ||
                      (d->tok[tail - 1].cls == NW_TOK_WORD && (d->tok[tail - 1].flags & NW_TF_LOWER_INITIAL))))
    tail--;
  /* the first hyphen, glued to both neighbours, from which the rest is that tail */
  for (size_t k = tail > a + 1 ? tail - 1 : a + 1; k + 1 < b; k++)
    if (glued_hyphen(d, k)) return k;
  return b;
}

static int is_edge_junk(const nw_doc *d, size_t i) {
  int c = d->tok[i].cls;
  if (c == NW_TOK_QUOTE || c == NW_TOK_SYMBOL) return 1;
  if (c != NW_TOK_PUNCT) return 0;
  char ch = d->text[d->tok[i].start];
  return ch != '.' || nw_tok_len(&d->tok[i]) > 1;
}

/* Tokens of the longest title phrase ("Prime Minister", "Mr.") starting at a, within [a, b). */
static size_t title_at(const nw_doc *d, size_t a, size_t b) {
  char key[96];
  size_t kn = 0, best = 0;
  for (size_t j = a; j < b && j < a + 3; j++) {
    const nw_token *t = &d->tok[j];
    size_t l = nw_tok_len(t);
    if (kn + l + 1 > sizeof key) break;
    if (j > a && t->ws != NW_WS_NONE) key[kn++] = ' ';
    memcpy(key + kn, d->text + t->start, l);
    kn += l;
    if (ner_is_title(key, kn)) best = j - a + 1;
  }
  return best;
}

int ner_trim_mention(const nw_doc *d, size_t *pa, size_t *pb, int *type) {
  size_t a = *pa, b = *pb;
  while (a < b && is_edge_junk(d, a)) a++;
  while (b > a && (is_edge_junk(d, b - 1) || nw_tok_possessive(d, b - 1))) b--;
  if (b > a) b = ner_name_end(d, a, b, *type);
  /* a lower-case word does not end a name: "Cold War era", "Xi also" (but a
  ** person's name may end in a syllable, "Kim Jong-un") */
  while (b - a > 1 && d->tok[b - 1].cls == NW_TOK_WORD && (d->tok[b - 1].flags & NW_TF_LOWER_INITIAL) &&
         !(*type == NW_ENT_PERSON && b >= a + 3 && name_syllable_after(d, b - 2)))
    b--;
  /* "The Pacific Rail Consortium": the article is not part of the name; nor
  ** is a common word a headline writes in capitals ("IN NORWAY") */
  while (b - a > 1 && (nw_tok_is(d, a, "the", 1) || ((d->tok[a].flags & NW_TF_ALL_UPPER) &&
                                                      ner_is_common(d->text + d->tok[a].start, nw_tok_len(&d->tok[a])))))
    a++;
  /* titles before a name: "President Vladimir Putin", "Mr. Putin" */
  if (b - a > 1 && ner_is_honorific(d->text + d->tok[a].start, nw_tok_len(&d->tok[a]))) *type = NW_ENT_PERSON;
  if (*type == NW_ENT_PERSON)
    for (size_t k; b - a > 1 && (k = title_at(d, a, b - 1)) > 0;) a += k;
  while (b > a && (is_edge_junk(d, b - 1) || nw_tok_possessive(d, b - 1))) b--;
  *pa = a;
  *pb = b;
  return b > a;
}

/* An honorific ("Mr.") or an abbreviated title ("Sen.", "Gen."): what follows
** in capitals is a person's name (a title written out, "President", may also
** head an organisation's name: "President Hotel"). */
static int person_marker(const nw_doc *d, size_t i) {
  const nw_token *t = &d->tok[i];
  const char *w = d->text + t->start;
  size_t n = nw_tok_len(t);
  return ner_is_honorific(w, n) || (n > 1 && w[n - 1] == '.' && ner_is_title(w, n));
}

void ner_honorific_names(const nw_doc *d, uint8_t *tags) {
  for (size_t i = 0; i + 1 < d->ntok; i++) {
    /* honorifics are capitalized (or not in Latin script): look up no other word */
    if (d->tok[i].cls != NW_TOK_WORD || !(d->tok[i].flags & (NW_TF_UPPER_INITIAL | NW_TF_NON_ASCII)) ||
        !person_marker(d, i))
      continue;
    size_t j = i + 1, words = 0;
    while (j < d->ntok && words < 4 && d->tok[j].sentence == d->tok[i].sentence) {
      if (d->tok[j].cls == NW_TOK_WORD && (d->tok[j].flags & NW_TF_UPPER_INITIAL) && !person_marker(d, j)) {
        j++, words++;
      } else if (j > i + 1 && j + 1 < d->ntok && glued_hyphen(d, j) && d->tok[j + 1].cls == NW_TOK_WORD) {
        j += 2; /* "Ben-Ami", "Jong-un": one name */
      } else {
        break;
      }
    }
    if (j == i + 1) continue;
    tags[i] = NER_O;
    for (size_t k = i + 1; k < j; k++) tags[k] = (uint8_t)(k == i + 1 ? ner_tag_begin(NW_ENT_PERSON) : ner_tag_inside(NW_ENT_PERSON));
    if (j < d->ntok && tags[j] && !ner_tag_is_begin(tags[j])) tags[j] = (uint8_t)ner_tag_begin(ner_tag_type(tags[j]));
    i = j - 1;
  }
}

static int is_person_tag(uint8_t tag) { return tag && ner_tag_type(tag) == NW_ENT_PERSON; }

void ner_hyphenated_persons(const nw_doc *d, uint8_t *tags) {
  for (size_t i = 1; i + 1 < d->ntok; i++) {
    const nw_token *l = &d->tok[i - 1], *r = &d->tok[i + 1];
    if (!glued_hyphen(d, i) || l->cls != NW_TOK_WORD || r->cls != NW_TOK_WORD || l->sentence != r->sentence) continue;
    int person = ner_tag_inside(NW_ENT_PERSON);
    if (is_person_tag(tags[i - 1]) && is_person_tag(tags[i + 1])) {
      /* "Smith-Jones": one name, not two */
      tags[i] = (uint8_t)person;
      if (ner_tag_is_begin(tags[i + 1])) tags[i + 1] = (uint8_t)person;
    } else if (is_person_tag(tags[i + 1]) && (l->flags & NW_TF_UPPER_INITIAL)) {
      /* "Eva-Marie Lund": the name begins before the hyphen */
      tags[i - 1] = (uint8_t)ner_tag_begin(NW_ENT_PERSON);
      tags[i] = tags[i + 1] = (uint8_t)person;
    } else if (is_person_tag(tags[i - 1])) {
      /* "Jean-Luc Ortiz-Vega", and a lower-case syllable, "Kim Jong-un" (not "-led", "-era") */
      if (!(r->flags & NW_TF_UPPER_INITIAL) && !name_syllable_after(d, i)) continue;
      tags[i] = tags[i + 1] = (uint8_t)person;
      if (i + 2 < d->ntok && tags[i + 2] && !ner_tag_is_begin(tags[i + 2]))
        tags[i + 2] = (uint8_t)ner_tag_begin(ner_tag_type(tags[i + 2]));
    }
  }
}

/* Does the mention starting at token a (tag B-) end in an organisation's
** suffix word ("Fund", "Institute")? Its end in *end. */
static int ends_in_org_suffix(const nw_doc *d, const uint8_t *tags, size_t a, size_t *end) {
  size_t b = a + 1;
  while (b < d->ntok && tags[b] == ner_tag_inside(ner_tag_type(tags[a]))) b++;
  *end = b;
  const nw_token *t = &d->tok[b - 1];
  return t->cls == NW_TOK_WORD && (ner_gaz_lookup(d->text + t->start, nw_tok_len(t)) & (1u << GAZ_ORG_SUFFIX));
}

void ner_demonym_orgs(const nw_doc *d, uint8_t *tags) {
  for (size_t i = 0; i + 1 < d->ntok; i++) {
    const nw_token *t = &d->tok[i];
    if (tags[i] != ner_tag_begin(NW_ENT_MISC) || tags[i + 1] != ner_tag_begin(NW_ENT_PERSON) || t->cls != NW_TOK_WORD ||
        d->tok[i + 1].sentence != t->sentence || !(ner_gaz_lookup(d->text + t->start, nw_tok_len(t)) & (1u << GAZ_DEMONYM)))
      continue;
    size_t end;
    if (!ends_in_org_suffix(d, tags, i + 1, &end)) continue;
    tags[i] = (uint8_t)ner_tag_begin(NW_ENT_ORG);
    for (size_t k = i + 1; k < end; k++) tags[k] = (uint8_t)ner_tag_inside(NW_ENT_ORG);
    i = end - 1;
  }
}
