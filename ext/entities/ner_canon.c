/* Canonical forms and clusters: each mention points at the fullest form the
** same text uses for the entity.
**  - a person's partial name ("Putin", "Mr. Marsh") -> the fullest person
**    mention with the same last name ("Vladimir Putin"; "Trump" is not
**    "Maryanne Trump Barry"), middle names and initials skipped ("Donald
**    Trump" -> "Donald J. Trump"); a lone given or family-first name to the
**    name it opens ("Xi" -> "Xi Jinping"); among people sharing a family
**    name the first the text names in full, however long the others' names; a surname with a suffix ("Biden Jr.") to
**    the full name with that suffix. A person's name never starts with a word
**    the text uses as another name ("Republican", "Washington Post"), a title
**    the tagger took in ("Sens."), a sentence-opening common word
**    ("Celebrating Hillary Clinton"), nor in a title-case headline a common
**    word before a surname the text gives in full ("Says Clinton"); a form
**    with a lower-case word not a particle ("Trump v. Trump") or one
**    hyphenated word ("Trump-Clinton race") is no fuller form;
**  - organisations and other names: a mention that ends a longer one of the
**    same type ("Security Council" -> "United Nations Security Council"),
**    unless a person's name or a word the text writes in lower case comes
**    before it there ("Obama White House", "Several Twitter executives");
**    not places, where the longer name is another place ("Korea", "South Korea");
**  - an acronym -> its expansion: the mention right before "(ACRONYM)", or a
**    mention whose capitalized initials spell it ("U.S." -> "United States").
** Hash tables sized to the mentions: linear in the number of mentions. */
#include "person_words.h"
#include "ner_imap.h"

#include <stdlib.h>
#include <string.h>


/* Longer spans are not names that others abbreviate (and comparing against
** them would cost time in proportion to their length). */
#define MAX_NAME_TOKENS 10

static size_t ntoks(const nw_entity *e) { return e->tok_end - e->tok_first; }

/* Is a fuller than b (more tokens, then more bytes)? */
static int fuller(const nw_entity *a, const nw_entity *b) {
  if (ntoks(a) != ntoks(b)) return ntoks(a) > ntoks(b);
  return a->end - a->start > b->end - b->start;
}

/* Do the tokens of m occur contiguously in c (at its end when at_end)? */
static int contained(const nw_doc *d, const nw_entity *m, const nw_entity *c, int at_end) {
  size_t n = ntoks(m), cn = ntoks(c);
  if (n > cn) return 0;
  size_t from = at_end ? cn - n : 0;
  for (size_t off = from; off + n <= cn; off++) {
    size_t k = 0;
    while (k < n && tok_key(d, m->tok_first + k) == tok_key(d, c->tok_first + off + k)) k++;
    if (k == n) return 1;
  }
  return 0;
}

/* Upper-case letters of an acronym token ("U.S." -> "US"), 0 when it is none. */
static size_t acronym_letters(const nw_doc *d, const nw_entity *e, char *out) {
  if (ntoks(e) != 1) return 0;
  const nw_token *t = &d->tok[e->tok_first];
  if (!(t->flags & NW_TF_ALL_UPPER)) return 0;
  size_t n = 0;
  for (uint32_t i = t->start; i < t->end; i++) {
    char c = d->text[i];
    if (c >= 'A' && c <= 'Z') {
      if (n == 8) return 0;
      out[n++] = c;
    } else if (c != '.' && c != '&') return 0;
  }
  return n >= 2 ? n : 0;
}

/* Initials of the capitalized words of e ("United States" -> "US"); all
** words' initials when all_words ("Ministry of Foreign Affairs" -> "MoFA"). */
static size_t initials(const nw_doc *d, const nw_entity *e, char *out, int all_words) {
  size_t n = 0;
  for (uint32_t i = e->tok_first; i < e->tok_end; i++) {
    const nw_token *t = &d->tok[i];
    if (t->cls != NW_TOK_WORD) continue;
    if (!all_words && !(t->flags & NW_TF_UPPER_INITIAL)) continue;
    if (n == 16) return 0;
    char c = d->text[t->start];
    out[n++] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
  }
  return n;
}

/* Is acronym a (upper case) a subsequence of the initials of e? ("Chinese
** Ministry of Foreign Affairs" spells "MOFA".) */
static int spells(const nw_doc *d, const nw_entity *e, const char *a, size_t an) {
  char ini[16];
  size_t n = initials(d, e, ini, 1), k = 0;
  for (size_t i = 0; i < n && k < an; i++)
    if (ini[i] == a[k]) k++;
  return k == an;
}

static int is_tok(const nw_doc *d, size_t i, char c) {
  return i < d->ntok && nw_tok_len(&d->tok[i]) == 1 && d->text[d->tok[i].start] == c;
}

/* A title-case headline ("Xi Meets Putin as Tensions Rise"): most words
** capitalized and no final period (but for the text's first line), so
** a tagged span there may run over several names; it can be a mention but
** not another mention's fuller form. */
static int title_case_sentence(const nw_doc *d, uint32_t s) {
  int words = 0, caps = 0;
  const nw_token *last = &d->tok[d->sent[s].end_tok - 1];
  int own_line = s == 0 && last->end < d->len && (d->text[last->end] == '\n' || d->text[last->end] == '\r');
  if (!own_line && last->cls == NW_TOK_PUNCT && strchr(".!?", d->text[last->start])) return 0;
  for (uint32_t i = d->sent[s].first_tok; i < d->sent[s].end_tok; i++) {
    const nw_token *t = &d->tok[i];
    if (t->cls != NW_TOK_WORD) continue;
    words++;
    caps += (t->flags & NW_TF_UPPER_INITIAL) && !(t->flags & NW_TF_ALL_UPPER);
  }
  return words >= 4 && caps * 4 >= words * 3;
}

/* Hash of the text of tokens [a, b), case-blind. */
static uint64_t span_key(const nw_doc *d, size_t a, size_t b) {
  return nw_hash_lower(d->text + d->tok[a].start, d->tok[b - 1].end - d->tok[a].start);
}

/* Token i opens its sentence (marks and dashes aside: "“Celebrating …"). */
static int opens_sentence(const nw_doc *d, size_t i) {
  size_t k = d->sent[d->tok[i].sentence].first_tok;
  while (k < i && d->tok[k].cls != NW_TOK_WORD && d->tok[k].cls != NW_TOK_NUMBER) k++;
  return k == i;
}

/* Evidence about words in the whole text: those written in lower case, and
** those capitalized inside a sentence (a name's word, not a sentence opener). */
typedef struct word_use {
  imap lower, midcap;
} word_use;

static int word_use_init(word_use *u, const nw_doc *d) {
  if (imap_init(&u->lower, d->ntok) || imap_init(&u->midcap, d->ntok)) return -1;
  for (size_t i = 0; i < d->ntok; i++) {
    const nw_token *t = &d->tok[i];
    if (t->cls != NW_TOK_WORD) continue;
    if (t->flags & NW_TF_LOWER_INITIAL) imap_put(&u->lower, tok_key(d, i), 1);
    else if ((t->flags & NW_TF_UPPER_INITIAL) && !opens_sentence(d, i)) imap_put(&u->midcap, tok_key(d, i), 1);
  }
  return 0;
}

static int ends_with(const nw_doc *d, size_t i, const char *suffix) {
  size_t n = nw_tok_len(&d->tok[i]), k = strlen(suffix);
  return n > k + 2 && memcmp(d->text + d->tok[i].end - k, suffix, k) == 0;
}

/* A middle initial ("J.", "J"): a name proper never starts there. */
static int given_name(const nw_doc *d, size_t i) {
  return (ner_gaz_lookup(d->text + d->tok[i].start, nw_tok_len(&d->tok[i])) >> GAZ_FIRST_NAME) & 1;
}

static int is_initial(const nw_doc *d, size_t i) {
  size_t n = nw_tok_len(&d->tok[i]);
  return (d->tok[i].flags & NW_TF_UPPER_INITIAL) && (n == 1 || (n == 2 && d->text[d->tok[i].start + 1] == '.'));
}

/* A word this text writes in lower case, or a participle ("Celebrating",
** "Endorsed"). */
static int common_word(const nw_doc *d, size_t i, const word_use *u) {
  return imap_get(&u->lower, tok_key(d, i)) >= 0 || ends_with(d, i, "ing") || ends_with(d, i, "ed");
}

/* A title the tagger took into a person's name: a listed title or
** honorific, or a capitalised abbreviation of three letters or more that
** is no given name ("Sens.", "Pres."). */
static int title_tok(const nw_doc *d, size_t i) {
  const nw_token *t = &d->tok[i];
  if (t->cls != NW_TOK_WORD || !(t->flags & NW_TF_UPPER_INITIAL)) return 0;
  size_t n = nw_tok_len(t);
  unsigned g = ner_gaz_lookup(d->text + t->start, n);
  if (((g >> GAZ_TITLE) | (g >> GAZ_HONORIFIC)) & 1) return 1;
  int dotted = d->text[t->end - 1] == '.' || (is_tok(d, i + 1, '.') && d->tok[i + 1].ws == NW_WS_NONE);
  return dotted && n >= 3 && !(t->flags & NW_TF_ALL_UPPER) && !given_name(d, i);
}

/* First token of a person's name proper in mention e: after a prefix the
** text uses as another kind of name ("Republican Donald Trump", "Washington
** Post Trump": a one-word prefix leaves two words at least; never a listed
** given name, nor a cut before a middle initial: "Donald J. Trump" stays
** whole in a text that also names a book "The Art of Being the Donald"), and
** after a sentence-opening word that is a common word here (written in lower case
** elsewhere, or a participle, never capitalized inside a sentence, not a
** listed given name: "Celebrating Hillary Clinton", "Said Dorothy Poynter"). */
static uint32_t name_core(const nw_doc *d, const nw_entity *e, const imap *other, const word_use *u) {
  uint32_t a = e->tok_first, b = e->tok_end;
  for (uint32_t k = a + 1; k < b && k - a <= 4; k++)
    if (b - k >= (k - a == 1 ? 2u : 1u) && d->tok[k].cls == NW_TOK_WORD && d->tok[k].ws != NW_WS_NONE &&
        !is_initial(d, k) && !(k == e->tok_first + 1 && given_name(d, k - 1)) &&
        imap_get(other, span_key(d, e->tok_first, k)) >= 0)
      a = k;
  /* titles the tagger took in ("Sens. Rand Paul", "Mr. Vale") */
  for (uint32_t t = a; t + 1 < b && title_tok(d, t);) {
    t += is_tok(d, t + 1, '.') ? 2 : 1;
    if (t < b && d->tok[t].cls == NW_TOK_WORD) a = t;
  }
  if (a == e->tok_first && b - a >= 2 && d->tok[a].cls == NW_TOK_WORD && opens_sentence(d, a)) {
    uint64_t k = tok_key(d, a);
    if (common_word(d, a, u) && imap_get(&u->midcap, k) < 0 && !given_name(d, a)) a++;
  }
  return a;
}

/* Generational suffixes come after the family name ("Joseph R. Biden Jr."). */
static int is_generation(const nw_doc *d, size_t i) {
  static const char *const sfx[] = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"};
  for (size_t k = 0; k < sizeof sfx / sizeof sfx[0]; k++)
    if (nw_tok_is(d, i, sfx[k], 0)) return 1;
  return 0;
}

/* The family name's token of a person's name [f, e): its last word before a suffix. */
static size_t family_tok(const nw_doc *d, size_t f, size_t e) {
  size_t k = e - 1;
  while (k > f && (is_generation(d, k) || d->tok[k].cls == NW_TOK_PUNCT)) k--;
  return k;
}

/* The person name [f, e) ends in a generational suffix. */
static int has_suffix(const nw_doc *d, size_t f, size_t e) { return family_tok(d, f, e) + 1 < e; }

/* The family name and the last suffix of a name that has one, as one key. */
static uint64_t suffixed_key(const nw_doc *d, size_t f, size_t e) {
  return tok_key(d, family_tok(d, f, e)) * 31 + tok_key(d, e - 1);
}

/* Is the person name a ([af, ae)) a shorter form of b ([bf, be))? Its words
** end b's ("Le Pen" of "Marine Le Pen", "Biden" of "Joseph R. Biden Jr."),
** or b has the same first and family names with more between ("Donald
** Trump" in "Donald J. Trump"). A suffix makes another person of a full
** name: "Donald Trump Jr." is not "Donald Trump". */
static int same_person(const nw_doc *d, size_t af, size_t ae, size_t bf, size_t be) {
  size_t al = family_tok(d, af, ae) + 1, bl = family_tok(d, bf, be) + 1;
  if (al - af > bl - bf) return 0;
  /* "Donald Trump" is not "Donald Trump Jr." (a bare family name may be) */
  if (al - af > 1 && (al == ae) != (bl == be)) return 0;
  size_t k = 0;
  while (k < al - af && tok_key(d, al - 1 - k) == tok_key(d, bl - 1 - k)) k++;
  if (k == al - af) return 1;
  if (tok_key(d, al - 1) != tok_key(d, bl - 1) || tok_key(d, af) != tok_key(d, bf)) return 0;
  size_t j = bf;
  for (size_t i = af; i < al; i++) {
    while (j < bl && tok_key(d, j) != tok_key(d, i)) j++;
    if (j == bl) return 0;
    j++;
  }
  return 1;
}

/* A person mention with a lower-case word other than a name particle
** ("Trump v. Trump", a case; not "Osama bin Laden") is no fuller form; nor
** is one hyphenated word ("Trump-Clinton race", "Pro-Clinton"). */
static int person_form_ok(const nw_doc *d, const nw_entity *e, uint32_t core) {
  int hyphen = 0, spaced = 0;
  for (uint32_t k = core + 1; k < e->tok_end; k++) {
    hyphen |= is_tok(d, k, '-') && d->tok[k].ws == NW_WS_NONE;
    spaced |= d->tok[k].ws != NW_WS_NONE;
  }
  if (hyphen && !spaced) return 0;
  static const char *const particles[] = {"de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der",
                                          "den", "ter", "bin", "ibn", "al", "el", "la", "le", "ben", "y", "e"};
  for (uint32_t k = core; k < e->tok_end; k++) {
    if (d->tok[k].cls != NW_TOK_WORD || !(d->tok[k].flags & NW_TF_LOWER_INITIAL) || d->tok[k].ws == NW_WS_NONE) continue;
    size_t i = 0;
    while (i < sizeof particles / sizeof particles[0] && !nw_tok_is(d, k, particles[i], 0)) i++;
    if (i == sizeof particles / sizeof particles[0]) return 0;
  }
  return 1;
}

/* Is person mention i a fuller name than b (more words in the name
** proper)? On a tie the earlier one stays: a news text introduces its main
** subject first ("Clinton" is Hillary Clinton when she comes before Bill). */
static int person_fuller(const nw_doc *d, const nw_entity *v, const uint32_t *core, size_t i, size_t b) {
  return family_tok(d, core[i], v[i].tok_end) - core[i] > family_tok(d, core[b], v[b].tok_end) - core[b];
}

/* Does person mention i rather than b give the name a family name alone
** stands for? The first full name the text gives keeps it against other
** people sharing the family name, however long their names ("Chris Murphy"
** before "Anne Marie Murphy", "Jeb Bush" before "George H.W. Bush"); a
** fuller form of the same person takes it over ("Donald J. Trump" after
** "Donald Trump"), as any full name does from a family name alone. */
static int surname_owner(const nw_doc *d, const nw_entity *v, const uint32_t *core, size_t i, size_t b) {
  if (!person_fuller(d, v, core, i, b)) return 0;
  return family_tok(d, core[b], v[b].tok_end) == core[b] || same_person(d, core[b], v[b].tok_end, core[i], v[i].tok_end);
}

static int word_gender(const nw_doc *d, size_t k, int (*lookup)(const char *, size_t)) {
  return d->tok[k].cls == NW_TOK_WORD ? lookup(d->text + d->tok[k].start, nw_tok_len(&d->tok[k])) : NW_GENDER_NONE;
}

/* The gender an honorific gives person mention e: one the tagger took in
** ("Mrs. Clinton") or the word right before it ("Mrs." or "Mrs" "."). */
static int honorific_gender(const nw_doc *d, const nw_entity *e, uint32_t core) {
  for (uint32_t k = e->tok_first; k < core; k++) {
    int g = word_gender(d, k, nw_honorific_gender);
    if (g) return g;
  }
  size_t k = e->tok_first;
  if (k >= 2 && is_tok(d, k - 1, '.') && d->tok[k - 1].ws == NW_WS_NONE) k--;
  return k >= 1 ? word_gender(d, k - 1, nw_honorific_gender) : NW_GENDER_NONE;
}

/* The gender person mention e's given name says (a full name only). */
static int given_gender(const nw_doc *d, const nw_entity *e, uint32_t core) {
  return e->tok_end - core >= 2 ? word_gender(d, core, nw_given_name_gender) : NW_GENDER_NONE;
}

/* The words of the longer name before the shorter one it ends with,
** [e->tok_first, at), make one name with it: not a person's name ("Obama
** White House", "Chelsea Clinton Foundation": the White House, the Clinton
** Foundation) nor a word the text writes in lower case ("Several Twitter
** executives"). */
static int plain_prefix(const nw_doc *d, const nw_entity *e, uint32_t at, const imap *person, const word_use *u) {
  for (uint32_t k = e->tok_first; k < at; k++) {
    if (d->tok[k].cls != NW_TOK_WORD) continue;
    if (imap_get(person, tok_key(d, k)) >= 0 || given_name(d, k) || imap_get(&u->lower, tok_key(d, k)) >= 0) return 0;
  }
  return 1;
}

/* The end of a person's name with the lower-case part of a hyphenated word
** the tagger left out ("Ban Ki" of "Ban Ki-moon", "Kim Jong" of "Kim Jong-un"). */
static size_t hyphen_tail_end(const nw_doc *d, const nw_entity *e) {
  size_t h = e->tok_end;
  if (h + 1 < d->ntok && is_tok(d, h, '-') && d->tok[h].ws == NW_WS_NONE && d->tok[h + 1].ws == NW_WS_NONE &&
      d->tok[h + 1].cls == NW_TOK_WORD && (d->tok[h + 1].flags & NW_TF_LOWER_INITIAL))
    return d->tok[h + 1].end;
  return e->end;
}

int ner_resolve_canonical(const nw_doc *d, nw_entities *out) {
  size_t n = out->n;
  if (!n) return 0;
  imap person = {0}, surname = {0}, surname_sfx = {0}, surname_gender = {0}, given = {0}, other = {0}, tail = {0}, acro = {0},
       paren = {0}, clusters = {0};
  word_use use = {{0}, {0}};
  int rc = -1;
  int32_t *canon = malloc(n * sizeof *canon);
  uint32_t *core = malloc(n * sizeof *core);
  uint8_t *in_headline = malloc(n); /* the mention is in a title-case sentence */
  if (!canon || !core || !in_headline || imap_init(&person, n * 4) || imap_init(&surname, n) ||
      imap_init(&surname_sfx, n) || imap_init(&surname_gender, n) || imap_init(&given, n) ||
      imap_init(&other, n) || imap_init(&tail, n) || imap_init(&acro, n) || imap_init(&paren, n) ||
      imap_init(&clusters, n) || word_use_init(&use, d))
    goto done;
  nw_entity *v = out->v;
  for (size_t i = 0; i < n; i++)
    if (v[i].type != NW_ENT_PERSON) imap_put(&other, nw_hash_lower(d->text + v[i].start, v[i].end - v[i].start), (int32_t)i);
  /* each person's name proper */
  for (size_t i = 0; i < n; i++) core[i] = v[i].type == NW_ENT_PERSON ? name_core(d, &v[i], &other, &use) : v[i].tok_first;
  int64_t title_sent = -1; /* mentions come in text order: judge each sentence once */
  int title_case = 0;
  for (size_t i = 0; i < n; i++) {
    canon[i] = (int32_t)i;
    nw_entity *e = &v[i];
    if (e->sentence != title_sent) title_sent = e->sentence, title_case = title_case_sentence(d, e->sentence);
    in_headline[i] = (uint8_t)title_case;
    /* in a headline only a given name and a surname ("Hillary Clinton") is a full name */
    int headline_name = e->type == NW_ENT_PERSON && e->tok_end - core[i] == 2 && given_name(d, core[i]);
    if ((ntoks(e) > 1 && title_case && !headline_name) || ntoks(e) > MAX_NAME_TOKENS) continue;
    if (e->type == NW_ENT_PERSON && !person_form_ok(d, e, core[i])) continue;
    if (e->type == NW_ENT_PERSON) {
      for (uint32_t t = core[i]; t < e->tok_end; t++) {
        if (d->tok[t].cls != NW_TOK_WORD) continue;
        int32_t b = imap_get(&person, tok_key(d, t));
        if (b < 0 || person_fuller(d, v, core, i, (size_t)b)) imap_put(&person, tok_key(d, t), (int32_t)i);
      }
      uint64_t last = tok_key(d, family_tok(d, core[i], e->tok_end));
      int32_t b = imap_get(&surname, last);
      if (b < 0 || surname_owner(d, v, core, i, (size_t)b)) imap_put(&surname, last, (int32_t)i);
      /* per gender too: "Mrs. Clinton" finds "Hillary Clinton" where "Bill Clinton" comes first */
      int g = given_gender(d, e, core[i]);
      if (g) {
        b = imap_get(&surname_gender, last * 3 + (uint64_t)g);
        if (b < 0 || surname_owner(d, v, core, i, (size_t)b)) imap_put(&surname_gender, last * 3 + (uint64_t)g, (int32_t)i);
      }
      if (has_suffix(d, core[i], e->tok_end)) {
        uint64_t ks = suffixed_key(d, core[i], e->tok_end);
        b = imap_get(&surname_sfx, ks);
        if (b < 0 || person_fuller(d, v, core, i, (size_t)b)) imap_put(&surname_sfx, ks, (int32_t)i);
      }
      if (e->tok_end - core[i] >= 2) {
        uint64_t first = tok_key(d, core[i]);
        b = imap_get(&given, first);
        if (b < 0 || person_fuller(d, v, core, i, (size_t)b)) imap_put(&given, first, (int32_t)i);
      }
    } else {
      uint64_t k = tok_key(d, e->tok_end - 1) * 7 + e->type;
      int32_t b = imap_get(&tail, k);
      if (b < 0 || fuller(e, &v[b])) imap_put(&tail, k, (int32_t)i);
    }
    char ini[16];
    size_t ni;
    if (ntoks(e) >= 2 && (ni = initials(d, e, ini, 0)) >= 2 && ni <= 8) {
      uint64_t k = nw_hash(ini, ni);
      if (imap_get(&acro, k) < 0) imap_put(&acro, k, (int32_t)i);
    }
    /* "Expansion (ACR)" */
    char al[8];
    size_t an;
    if (i > 0 && (an = acronym_letters(d, e, al)) && e->tok_first >= 1 && is_tok(d, e->tok_first - 1, '(') &&
        is_tok(d, e->tok_end, ')') && v[i - 1].tok_end == e->tok_first - 1 && spells(d, &v[i - 1], al, an)) {
      uint64_t k = nw_hash(al, an);
      if (imap_get(&paren, k) < 0) imap_put(&paren, k, (int32_t)(i - 1));
    }
  }
  for (size_t i = 0; i < n; i++) {
    nw_entity *e = &v[i];
    int32_t c = -1;
    char al[8];
    size_t an = acronym_letters(d, e, al);
    if (an) {
      c = imap_get(&paren, nw_hash(al, an));
      if (c < 0) c = imap_get(&acro, nw_hash(al, an));
    }
    if (c < 0 && e->type == NW_ENT_PERSON) {
      /* by family name, then a lone word as the name it opens ("Xi"), then
      ** as a word inside a fuller name ("Acosta" of "Melba Acosta Febo") */
      uint32_t len = e->tok_end - core[i];
      /* "Brevik Jr." is the "Tomas Brevik Jr." of the text, not "Tomas Brevik" */
      uint64_t last = tok_key(d, family_tok(d, core[i], e->tok_end));
      c = has_suffix(d, core[i], e->tok_end) ? imap_get(&surname_sfx, suffixed_key(d, core[i], e->tok_end))
                                            : imap_get(&surname, last);
      int g = honorific_gender(d, e, core[i]);
      if (!g) g = given_gender(d, e, core[i]);
      int clash = c >= 0 && g && given_gender(d, &v[c], core[c]) && given_gender(d, &v[c], core[c]) != g;
      if (clash) c = imap_get(&surname_gender, last * 3 + (uint64_t)g);
      if (c >= 0 && (v[c].tok_end - core[c] <= len || !same_person(d, core[i], e->tok_end, core[c], v[c].tok_end))) c = -1;
      /* a headline's capitalised common word (no listed given name) before a family name the text gives in
      ** full ("Trump Says Clinton Is Wrong": "Says Clinton") */
      if (c < 0 && len >= 2 && in_headline[i] && common_word(d, core[i], &use) && !given_name(d, core[i])) {
        c = imap_get(&surname, tok_key(d, family_tok(d, core[i], e->tok_end)));
        if (c >= 0 && (v[c].tok_end - core[c] < 2 || !given_name(d, core[c]))) c = -1;
        if (c >= 0) canon[i] = c;
        continue;
      }
      if (c < 0 && len == 1 && !clash) c = imap_get(&given, tok_key(d, core[i]));
      if (c < 0 && len == 1 && !clash) c = imap_get(&person, tok_key(d, core[i]));
      if (c >= 0 && v[c].tok_end - core[c] > len) canon[i] = c;
      continue;
    } else if (c < 0 && e->type != NW_ENT_LOC) {
      c = imap_get(&tail, tok_key(d, e->tok_end - 1) * 7 + e->type);
      if (c >= 0 && (!contained(d, e, &v[c], 1) || !plain_prefix(d, &v[c], v[c].tok_end - ntoks(e), &person, &use))) c = -1;
    }
    if (c >= 0 && c != (int32_t)i && fuller(&v[c], e)) canon[i] = c;
  }
  /* one step further: the expansion of an acronym may itself have a fuller form */
  for (size_t i = 0; i < n; i++) canon[i] = canon[canon[i]];
  uint32_t next = 0;
  for (size_t i = 0; i < n; i++) {
    nw_entity *e = &v[i], *c = &v[canon[i]];
    e->canon_start = c->type == NW_ENT_PERSON ? d->tok[core[canon[i]]].start : c->start;
    e->canon_end = c->type == NW_ENT_PERSON ? hyphen_tail_end(d, c) : c->end;
    uint64_t k = nw_hash_lower(d->text + e->canon_start, e->canon_end - e->canon_start) * 5 + e->type;
    int32_t cl = imap_get(&clusters, k);
    if (cl < 0) imap_put(&clusters, k, cl = (int32_t)next++);
    e->cluster = (uint32_t)cl;
  }
  rc = 0;
done:
  free(canon);
  free(core);
  free(in_headline);
  imap_free(&person);
  imap_free(&surname);
  imap_free(&surname_sfx);
  imap_free(&surname_gender);
  imap_free(&given);
  imap_free(&other);
  imap_free(&use.lower);
  imap_free(&use.midcap);
  imap_free(&tail);
  imap_free(&acro);
  imap_free(&paren);
  imap_free(&clusters);
  return rc;
}
