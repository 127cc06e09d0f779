/* Speaker names: a mention resolved to the fullest name the text gives.
** - names: the longest name in the text with the same last word
**   ("Mr. Putin" -> "Vladimir Putin"); an acronym to its expansion given as
**   "Name (ACR)";
** - pronouns: "he"/"she" to the last person speaker of compatible gender,
**   else the nearest person named before; "they"/"we" to the last group;
** - a role description ("the Russian leader") to the nearest person
**   introduced with a title sharing a word with it ("Russian President X");
** - documents to their issuer ("the Kremlin statement" -> "Kremlin");
** - groups joined with "and", each part resolved.
** Anything else keeps the mention ("Western nations"). */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "news_entities.h"
#include "quotes_internal.h"

typedef struct name_run {
  uint32_t first, core, end; /* tokens: [first, end), core skips titles and honorifics */
  uint8_t gender;            /* 0 unknown, 1 male, 2 female */
} name_run;

/* "Xi and Putin": two names joined by "and", for "the two leaders" later. */
typedef struct name_pair {
  uint32_t a, b; /* run indexes */
} name_pair;

typedef struct resolver {
  qx_ctx *c;
  name_run *runs;
  size_t nrun, cap;
  int32_t *run_of;  /* run index of each token, or -1 */
  name_pair *pairs;
  size_t npair, pair_cap;
  uint8_t *ent_type; /* entity type of each token, computed on first need (the tagger is slow) */
  int ent_failed;
  nw_strmap by_last; /* last word -> run index of the fullest name */
  nw_strmap by_first; /* first word of a two-word name -> run index */
  nw_strmap first_seen; /* last word -> the run that introduced the name */
  nw_strmap acronym; /* "MOFA" -> run index */
  nw_strmap gender;  /* last word -> 1 male, 2 female */
} resolver;

enum { G_NONE = 0, G_MALE = 1, G_FEMALE = 2 };

static int name_word(const qx_ctx *c, size_t i) {
  if (!qx_cap(c, i)) return 0;
  return !(qx_class(c, i) & (QW_NOT_NAME | QW_STOP | QW_DET | QW_PRONOUN));
}

static int gender_of_honorific(const qx_ctx *c, size_t i) {
  if (nw_tok_is(c->d, i, "Mr.", 1) || nw_tok_is(c->d, i, "Mr", 1) || nw_tok_is(c->d, i, "Sir", 1)) return G_MALE;
  if (nw_tok_is(c->d, i, "Mrs.", 1) || nw_tok_is(c->d, i, "Ms.", 1) || nw_tok_is(c->d, i, "Mrs", 1) ||
      nw_tok_is(c->d, i, "Ms", 1) || nw_tok_is(c->d, i, "Miss", 1) || nw_tok_is(c->d, i, "Dame", 1))
    return G_FEMALE;
  return G_NONE;
}

/* Runs of capitalized words ("Chinese Ministry of Foreign Affairs", "Mr. Putin"). */
/* Headlines in title case ("Xi Meets Putin") are not names: mark the lines
** where nearly every word is capitalized. Returns the end of the line at i. */
static size_t line_end(const qx_ctx *c, size_t i, int *title_case) {
  size_t j = i, words = 0, caps = 0;
  do {
    if (qx_is_word(c, j)) {
      words++;
      caps += qx_cap(c, j) || (qx_class(c, j) & (QW_STOP | QW_LINK | QW_DET | QW_GROUP));
    }
    j++;
  } while (j < c->d->ntok && c->d->tok[j].ws != NW_WS_NEWLINE && c->d->tok[j].ws != NW_WS_PARAGRAPH);
  *title_case = words >= 3 && caps == words;
  return j;
}

static int collect_runs(resolver *r) {
  const qx_ctx *c = r->c;
  size_t n = c->d->ntok;
  for (size_t i = 0; i < n; i++) r->run_of[i] = -1;
  size_t line_stop = 0;
  int title_case = 0;
  for (size_t i = 0; i < n;) {
    if (i >= line_stop) line_stop = line_end(c, i, &title_case);
    if (title_case) { i = line_stop; continue; }
    if (!name_word(c, i)) { i++; continue; }
    size_t j = i + 1;
    while (j < n && c->d->tok[j].ws != NW_WS_PARAGRAPH) {
      if (name_word(c, j)) { j++; continue; }
      /* "Ministry of Foreign Affairs", "Charles de Gaulle" */
      if ((qx_class(c, j) & (QW_LINK | QW_NAME_PARTICLE)) && !(qx_class(c, j) & QW_GROUP) && name_word(c, j + 1) &&
          (nw_tok_is(c->d, j, "of", 0) || (qx_class(c, j) & QW_NAME_PARTICLE))) { j += 2; continue; }
      break;
    }
    /* the name starts after the last title: "Russian President Vladimir Putin" */
    size_t core = i;
    int g = G_NONE;
    for (size_t k = i; k + 1 < j; k++)
      if (qx_class(c, k) & (QW_TITLE | QW_HONORIFIC)) {
        if (!g) g = gender_of_honorific(c, k);
        core = k + 1;
      }
    if (nw_grow((void **)&r->runs, &r->cap, r->nrun + 1, sizeof *r->runs)) return -1;
    r->runs[r->nrun] = (name_run){(uint32_t)i, (uint32_t)core, (uint32_t)j, (uint8_t)g};
    for (size_t k = i; k < j; k++) r->run_of[k] = (int32_t)r->nrun;
    size_t last = j - 1;
    int32_t best = nw_strmap_get(&r->by_last, qx_text(c, last), qx_len(c, last), -1);
    if (best < 0 || j - core > r->runs[best].end - r->runs[best].core)
      if (nw_strmap_put(&r->by_last, qx_text(c, last), qx_len(c, last), (int32_t)r->nrun)) return -1;
    if (nw_strmap_get(&r->first_seen, qx_text(c, last), qx_len(c, last), -1) < 0)
      if (nw_strmap_put(&r->first_seen, qx_text(c, last), qx_len(c, last), (int32_t)r->nrun)) return -1;
    /* "Xi" -> "Xi Jinping": names that put the family name first */
    if (j - core == 2 && !(qx_class(c, j - 1) & QW_DOC) && nw_strmap_get(&r->by_first, qx_text(c, core), qx_len(c, core), -1) < 0)
      if (nw_strmap_put(&r->by_first, qx_text(c, core), qx_len(c, core), (int32_t)r->nrun)) return -1;
    if (g && nw_strmap_put(&r->gender, qx_text(c, last), qx_len(c, last), g)) return -1;
    /* "Chinese Ministry of Foreign Affairs (MOFA)" */
    if (j + 2 < n && qx_is_char(c, j, '(') && (c->d->tok[j + 1].flags & NW_TF_ALL_UPPER) && qx_is_char(c, j + 2, ')'))
      if (nw_strmap_put(&r->acronym, qx_text(c, j + 1), qx_len(c, j + 1), (int32_t)r->nrun)) return -1;
    if (r->nrun && r->runs[r->nrun - 1].end + 1 == i && nw_tok_is(c->d, i - 1, "and", 0)) {
      if (nw_grow((void **)&r->pairs, &r->pair_cap, r->npair + 1, sizeof *r->pairs)) return -1;
      r->pairs[r->npair++] = (name_pair){(uint32_t)r->nrun - 1, (uint32_t)r->nrun};
    }
    r->nrun++;
    i = j;
  }
  return 0;
}

static int append_tokens(resolver *r, size_t first, size_t end) {
  const nw_doc *d = r->c->d;
  if (first >= end) return 0;
  return nw_buf_append(&r->c->out->names, d->text + d->tok[first].start, d->tok[end - 1].end - d->tok[first].start);
}

/* The fullest name for the run of tokens [first, end) (a name mention). */
static int append_name(resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  while (first + 1 < end && (qx_class(c, first) & (QW_TITLE | QW_HONORIFIC | QW_DET))) first++;
  size_t last = end - 1;
  int32_t ri = -1;
  if (end - first == 1 && (c->d->tok[last].flags & NW_TF_ALL_UPPER)) ri = nw_strmap_get(&r->acronym, qx_text(c, last), qx_len(c, last), -1);
  if (ri < 0) ri = nw_strmap_get(&r->by_last, qx_text(c, last), qx_len(c, last), -1);
  if ((ri < 0 || r->runs[ri].end - r->runs[ri].core < 2) && end - first == 1) {
    int32_t rf = nw_strmap_get(&r->by_first, qx_text(c, last), qx_len(c, last), -1);
    if (rf >= 0) ri = rf;
  }
  if (ri >= 0 && r->runs[ri].end - r->runs[ri].core > end - first) return append_tokens(r, r->runs[ri].core, r->runs[ri].end);
  return append_tokens(r, first, end);
}

/* The last name run inside [first, end), preferring one after "by"/"from". */
static int issuer_run(const resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  int32_t best = -1;
  for (size_t k = first; k < end; k++) {
    if (r->run_of[k] < 0) continue;
    int32_t ri = r->run_of[k];
    int after_by = k > first && (nw_tok_is(c->d, k - 1, "by", 1) || nw_tok_is(c->d, k - 1, "from", 1) ||
                                 (k > first + 1 && (qx_class(c, k - 1) & QW_DET) &&
                                  (nw_tok_is(c->d, k - 2, "by", 1) || nw_tok_is(c->d, k - 2, "from", 1))));
    if (after_by) return ri;
    if (!(c->d->tok[k].flags & NW_TF_SENT_START) || r->runs[ri].end - r->runs[ri].first > 1) best = ri;
    k = r->runs[ri].end - 1;
  }
  return best;
}

static int has_class(const qx_ctx *c, size_t first, size_t end, uint32_t cls) {
  for (size_t k = first; k < end; k++)
    if (qx_class(c, k) & cls) return 1;
  return 0;
}

/* One mention (no "and"): append its resolved form. */
static int is_plural_description(const qx_ctx *c, size_t first, size_t end);
static int append_pair_before(resolver *r, size_t t, uint32_t want);

static int append_part(resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  if (has_class(c, first, end, QW_DOC)) {
    int ri = issuer_run(r, first, end);
    if (ri >= 0) return append_name(r, r->runs[ri].core, r->runs[ri].end);
    /* "A document agreed by the two countries": the pair they stand for
    ** (the participle phrase may run on past the mention) */
    for (size_t k = first + 1; k < end + 2 && k + 2 < c->d->ntok; k++) {
      if (!nw_tok_is(c->d, k, "by", 1) && !nw_tok_is(c->d, k, "from", 1)) continue;
      for (size_t e = k + 3; e <= k + 5 && e <= c->d->ntok; e++) {
        if (!is_plural_description(c, k + 1, e)) continue;
        int got = append_pair_before(r, first, qx_class(c, e - 1) & (QW_PEOPLE | QW_PLACES));
        if (got) return got < 0 ? -1 : 0;
      }
      break;
    }
  }
  /* "agency spokesman Dan Ortiz similarly": the last name in the mention */
  for (size_t k = end; k-- > first;) {
    if (r->run_of[k] < 0) continue;
    if (qx_class(c, k) & QW_DOC) break;
    const name_run *run = &r->runs[r->run_of[k]];
    size_t s = run->first > first ? run->first : first;
    return append_name(r, s, k + 1);
  }
  return append_tokens(r, first, end);
}

/* Entity types per token, from news_entities, run once per text and only when
** a group description needs them. */
static const uint8_t *entity_types(resolver *r) {
  if (r->ent_type || r->ent_failed) return r->ent_type;
  const nw_doc *d = r->c->d;
  nw_entities ents = {0};
  r->ent_type = calloc(d->ntok ? d->ntok : 1, 1);
  if (!r->ent_type || nw_extract_entities(d, &ents)) {
    r->ent_failed = 1;
    free(r->ent_type);
    r->ent_type = NULL;
  } else {
    for (size_t i = 0; i < ents.n; i++)
      for (uint32_t k = ents.v[i].tok_first; k < ents.v[i].tok_end && k < d->ntok; k++) r->ent_type[k] = ents.v[i].type;
  }
  nw_entities_free(&ents);
  return r->ent_type;
}

/* A pair of people ("Xi and Putin") rather than of places ("China and Russia"). */
static int pair_of_people(resolver *r, const name_pair *p) {
  const uint8_t *t = entity_types(r);
  if (t) return t[r->runs[p->a].end - 1] == NW_ENT_PERSON && t[r->runs[p->b].end - 1] == NW_ENT_PERSON;
  return r->runs[p->a].end - r->runs[p->a].core >= 2 || r->runs[p->b].end - r->runs[p->b].core >= 2 ||
         r->runs[p->a].gender || r->runs[p->b].gender;
}

/* How many pairs back a description may reach. */
enum { PAIR_LOOKBACK = 64 };

/* "the two leaders", "they": the last pair of names before token t that fits. */
static int append_pair_before(resolver *r, size_t t, uint32_t want) {
  /* pairs are in text order: start at the last one before t, and look back
  ** a bounded way (a long text must not make each description scan them all) */
  size_t lo = 0, hi = r->npair;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r->runs[r->pairs[mid].b].end <= t) lo = mid + 1;
    else hi = mid;
  }
  for (size_t k = lo; k-- > 0 && lo - k <= PAIR_LOOKBACK;) {
    const name_pair *p = &r->pairs[k];
    int people = pair_of_people(r, p);
    if ((want & QW_PEOPLE) && !people) continue;
    if ((want & QW_PLACES) && people) continue;
    /* in the order the text introduced them */
    const name_run *x = &r->runs[p->a], *y = &r->runs[p->b];
    const qx_ctx *c = r->c;
    int32_t fx = nw_strmap_get(&r->first_seen, qx_text(c, x->end - 1), qx_len(c, x->end - 1), (int32_t)p->a);
    int32_t fy = nw_strmap_get(&r->first_seen, qx_text(c, y->end - 1), qx_len(c, y->end - 1), (int32_t)p->b);
    if (fy < fx) {
      const name_run *t = x;
      x = y;
      y = t;
    }
    if (append_name(r, x->core, x->end) || nw_buf_append(&r->c->out->names, " and ", 5)) return -1;
    return append_name(r, y->core, y->end) ? -1 : 1;
  }
  return 0;
}

static int gender_of_mention(const resolver *r, const nw_quote *q) {
  const qx_ctx *c = r->c;
  if (q->speaker_tok_end == 0) return G_NONE;
  size_t last = q->speaker_tok_end - 1;
  for (size_t k = q->speaker_tok_first; k < q->speaker_tok_end; k++) {
    uint32_t w = qx_class(c, k);
    if (w & QW_MALE) return G_MALE;
    if (w & QW_FEMALE) return G_FEMALE;
    int g = gender_of_honorific(c, k);
    if (g) return g;
  }
  return nw_strmap_get(&r->gender, qx_text(c, last), qx_len(c, last), G_NONE);
}

static int is_group(const qx_ctx *c, const nw_quote *q) {
  return has_class(c, q->speaker_tok_first, q->speaker_tok_end, QW_GROUP | QW_PLURAL);
}

/* The name runs before token t, nearest first, within `reach` tokens: call
** with *k = t; each call gives the next run, or -1 at the end. */
static int32_t run_before(const resolver *r, size_t t, size_t reach, size_t *k) {
  while (*k > 0 && t - *k < reach) {
    int32_t ri = r->run_of[--*k];
    if (ri < 0) continue;
    *k = r->runs[ri].first;
    return ri;
  }
  return -1;
}

/* The nearest person named before token t, compatible with gender g. */
static int32_t person_before(const resolver *r, size_t t, int g) {
  int32_t ri;
  for (size_t k = t; (ri = run_before(r, t, 400, &k)) >= 0;) {
    const name_run *run = &r->runs[ri];
    if (run->end - run->core < 2 && !run->gender) continue; /* a person: a full name or "Mr. X" */
    if (has_class(r->c, run->core, run->end, QW_LINK)) continue;
    int rg = nw_strmap_get(&r->gender, qx_text(r->c, run->end - 1), qx_len(r->c, run->end - 1), G_NONE);
    if (g && rg && rg != g) continue;
    return ri;
  }
  return -1;
}

/* The run that opens sentence s (its first word, or the word after an
** article or a title), outside quotations, or -1. */
static int32_t opening_run(const resolver *r, uint32_t s) {
  const qx_ctx *c = r->c;
  size_t k = c->d->sent[s].first_tok, e = c->d->sent[s].end_tok, first = k;
  while (k < e && k - first < 8 && !qx_is_word(c, k)) k++; /* marks and dashes before the first word */
  if (k < e && (qx_class(c, k) & QW_DET) && !(qx_class(c, k) & QW_PRONOUN)) k++;
  return k < e && c->owner[k] < 0 ? r->run_of[k] : -1;
}

/* The person of gender g a pronoun at token t most likely stands for, by
** the subjects of t's sentence (before t) and of the sentence before: a
** name opening the sentence ("Mr. Obama dismissed …") if its gender is g;
** none if its gender is unknown ("Hillary Clinton is describing …": the
** speaker chain decides); otherwise the first name of gender g in it,
** outside quotations; none if a pronoun of gender g comes first. -1 when
** neither sentence settles it. */
enum { SALIENCE_REACH = 400 };

static int32_t salient_person(const resolver *r, size_t t, int g) {
  const qx_ctx *c = r->c;
  uint32_t sent = c->d->tok[t].sentence;
  /* a bounded look back (as person_before's): a sentence of thousands of
  ** tokens must not make each pronoun in it rescan them */
  size_t reach = t > SALIENCE_REACH ? t - SALIENCE_REACH : 0;
  for (uint32_t s = sent + 1; s-- > 0 && sent - s < 2;) {
    size_t lo = c->d->sent[s].first_tok, hi = s == sent ? t : c->d->sent[s].end_tok;
    if (hi <= reach) break;
    int32_t open = lo >= reach ? opening_run(r, s) : -1;
    if (lo < reach) lo = reach;
    for (size_t k = lo; k < hi; k++) {
      int32_t ri = r->run_of[k];
      /* "he told me" before any name: the sentence goes on about someone named earlier */
      uint32_t w = qx_class(c, k);
      if (c->owner[k] < 0 && (w & QW_PRONOUN) && (w & (g == G_MALE ? QW_MALE : QW_FEMALE))) return -1;
      if (ri < 0 || c->owner[k] >= 0) continue;
      const name_run *run = &r->runs[ri];
      k = run->end - 1;
      if (has_class(c, run->core, run->end, QW_LINK | QW_DOC | QW_TITLE)) continue;
      int rg = nw_strmap_get(&r->gender, qx_text(c, run->end - 1), qx_len(c, run->end - 1), G_NONE);
      if (ri == open && !rg) return -1;
      if (rg == g) return ri;
    }
  }
  return -1;
}

/* "the two leaders", "both countries": a plural description of named ones. */
static int is_plural_description(const qx_ctx *c, size_t first, size_t end) {
  if (end - first < 2 || !(qx_class(c, first) & QW_DET) || nw_tok_is(c->d, first, "a", 1)) return 0;
  for (size_t k = first; k < end; k++)
    if (qx_cap(c, k) && k > first) return 0;
  return (qx_class(c, end - 1) & (QW_PEOPLE | QW_PLACES)) != 0;
}

/* "the Russian leader", "the mayor": a definite description headed by a
** title, with no name in it. */
static int is_role_description(const resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  if (end - first < 2 || end - first > 5 || !nw_tok_is(c->d, first, "the", 1)) return 0;
  if (!(qx_class(c, end - 1) & QW_TITLE) || (qx_class(c, end - 1) & (QW_PLURAL | QW_PEOPLE))) return 0;
  for (size_t k = first + 1; k < end; k++)
    if (!qx_is_word(c, k)) return 0;
  return 1;
}

/* The word at token k names the same thing as the word at token t, case aside. */
static int same_word(const qx_ctx *c, size_t k, size_t t) {
  return qx_len(c, k) == qx_len(c, t) && nw_ascii_ncasecmp(qx_text(c, k), qx_text(c, t), qx_len(c, k)) == 0;
}

/* Words that make a different office of a title: "the president" is not
** "Vice President X", nor "the former mayor" "Mayor Y". */
static const char *const title_qualifiers[] = {"vice", "deputy", "former", "acting", "assistant", "ex", "interim"};

/* Token k is qualifier q, alone or as the first part of a hyphenated word. */
static int is_qualifier(const qx_ctx *c, size_t k, const char *q) {
  size_t n = strlen(q), len = qx_len(c, k);
  return len >= n && nw_ascii_ncasecmp(qx_text(c, k), q, n) == 0 && (len == n || qx_text(c, k)[n] == '-');
}

static int has_qualifier(const qx_ctx *c, size_t first, size_t end, const char *q) {
  for (size_t k = first; k < end; k++)
    if (is_qualifier(c, k, q)) return 1;
  return 0;
}

/* The words that introduced a person run as a title: those before its core
** ("Russian President"), and titles or capitalized words just before it
** ("Kremlin spokesman", "the Russian leader Vladimir Putin"). One of them
** matches the head of the description [first, end) (any word but the article
** when the head is generic: "the Russian leader"), and both name the same
** office (the same qualifiers). */
static int title_matches(const resolver *r, const name_run *run, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  size_t lo = run->first;
  uint32_t sent = c->d->tok[run->first].sentence;
  while (lo > 0 && run->first - lo < 3 && c->d->tok[lo - 1].sentence == sent && qx_is_word(c, lo - 1) &&
         ((qx_class(c, lo - 1) & QW_TITLE) || qx_cap(c, lo - 1)) && !(qx_class(c, lo - 1) & QW_DET))
    lo--;
  /* qualifiers are looked for a little further back, across hyphens ("vice-presidential nominee") */
  size_t qlo = lo;
  while (qlo > 0 && lo - qlo < 3 && c->d->tok[qlo - 1].sentence == sent && !(qx_class(c, qlo - 1) & QW_DET)) qlo--;
  for (size_t i = 0; i < sizeof title_qualifiers / sizeof title_qualifiers[0]; i++)
    if (has_qualifier(c, qlo, run->core, title_qualifiers[i]) != has_qualifier(c, first + 1, end, title_qualifiers[i]))
      return 0;
  /* the office itself must match ("the nominee" is not "Gov. X"), unless
  ** the description's head says only that the person leads something */
  int generic_head = (qx_class(c, end - 1) & QW_GENERIC_HEAD) != 0;
  for (size_t k = lo; k < run->core; k++)
    for (size_t t = generic_head ? first + 1 : end - 1; t < end; t++)
      if (same_word(c, k, t)) return 1;
  return 0;
}

/* The person a role description stands for: the nearest one before it whose
** title shares a word with it, or -1. */
static int32_t person_with_title(const resolver *r, size_t first, size_t end) {
  int32_t ri;
  for (size_t k = first; (ri = run_before(r, first, 2000, &k)) >= 0;) {
    const name_run *run = &r->runs[ri];
    /* a person: a full name, "Mr. X" or "President X" */
    if (run->end - run->core < 2 && !run->gender && run->core == run->first) continue;
    if (title_matches(r, run, first, end)) return ri;
  }
  return -1;
}

static int resolve_one(resolver *r, nw_quote *q, const nw_quote *last_person, const nw_quote *last_group) {
  const qx_ctx *c = r->c;
  nw_buf *names = &c->out->names;
  size_t first = q->speaker_tok_first, end = q->speaker_tok_end;
  size_t off = names->len;
  int rc = 0, person = 0;
  int32_t role;
  uint32_t w = end - first == 1 ? qx_class(c, first) : 0;
  if (w & QW_PRONOUN) {
    int g = w & QW_MALE ? G_MALE : w & QW_FEMALE ? G_FEMALE : G_NONE;
    const nw_quote *src = NULL;
    int32_t salient = g ? salient_person(r, first, g) : -1;
    if (w & QW_PLURAL) src = last_group;
    else if (g && last_person && last_person->paragraph + 3 >= q->paragraph) {
      int lg = gender_of_mention(r, last_person);
      if (!lg || lg == g) src = last_person;
    }
    /* a person of that gender who is the subject of the sentence before is
    ** more salient than an earlier speaker: "Mr. Obama dismissed the criticism
    ** as the voice of X's client. “…,” he said." */
    if (salient >= 0 && (!src || r->runs[salient].first > src->speaker_tok_end)) {
      src = NULL;
      if (append_name(r, r->runs[salient].core, r->runs[salient].end)) return -1;
      q->name_off = (uint32_t)off;
      q->name_len = (uint32_t)(names->len - off);
      return 1;
    }
    if (!src && (w & QW_PLURAL)) {
      int got = append_pair_before(r, first, 0);
      if (got < 0) return -1;
      if (got) {
        q->name_off = (uint32_t)off;
        q->name_len = (uint32_t)(names->len - off);
        return 0;
      }
    }
    if (src && src->name_len) {
      /* copying from the arena into itself: make room first, the data may move */
      rc = nw_grow((void **)&names->data, &names->cap, names->len + src->name_len + 1, 1);
      if (!rc) rc = nw_buf_append(names, names->data + src->name_off, src->name_len);
    } else if (g) {
      int32_t ri = person_before(r, first, g);
      rc = ri >= 0 ? append_name(r, r->runs[ri].core, r->runs[ri].end) : append_tokens(r, first, end);
      if (ri >= 0 && !rc) nw_strmap_put(&r->gender, qx_text(c, r->runs[ri].end - 1), qx_len(c, r->runs[ri].end - 1), g);
    } else {
      rc = append_tokens(r, first, end);
    }
  } else if (is_role_description(r, first, end) && (role = person_with_title(r, first, end)) >= 0) {
    /* "President Obama" stays as written: the fullest name ending in "Obama"
    ** may be another member of the family */
    const name_run *run = &r->runs[role];
    rc = run->end - run->core >= 2 ? append_name(r, run->core, run->end) : append_tokens(r, run->core, run->end);
    person = 1;
  } else if (is_plural_description(c, first, end)) {
    int got = append_pair_before(r, first, qx_class(c, end - 1) & (QW_PEOPLE | QW_PLACES));
    if (got < 0) return -1;
    if (!got) rc = append_tokens(r, first, end);
  } else {
    /* "Xi and Putin": each part resolved, joined with " and " */
    size_t s = first;
    for (size_t k = first; k <= end && !rc; k++) {
      if (k < end && !(qx_class(c, k) & QW_GROUP)) continue;
      if (k > s) {
        if (s > first) rc = nw_buf_append(names, " and ", 5);
        if (!rc) rc = append_part(r, s, k);
      }
      s = k + 1;
    }
  }
  if (rc) return -1;
  q->name_off = (uint32_t)off;
  q->name_len = (uint32_t)(names->len - off);
  return person;
}

int qx_resolve(qx_ctx *c) {
  resolver r = {c, NULL, 0, 0, nw_scratch(NW_SCRATCH_QUOTE_RUNS, c->d->ntok * sizeof(int32_t)), NULL, 0, 0, NULL, 0,
                {0}, {0}, {0}, {0}, {0}};
  int rc = -1;
  if (!r.run_of || nw_strmap_init(&r.by_last, 64, 1) || nw_strmap_init(&r.by_first, 16, 1) || nw_strmap_init(&r.first_seen, 64, 1) || nw_strmap_init(&r.acronym, 16, 0) ||
      nw_strmap_init(&r.gender, 16, 1) || collect_runs(&r))
    goto done;
  const nw_quote *last_person = NULL, *last_group = NULL;
  for (size_t i = 0; i < c->out->n; i++) {
    nw_quote *q = &c->out->v[i];
    if (q->speaker_start == NW_QUOTE_NONE) continue;
    int by_role = resolve_one(&r, q, last_person, last_group);
    if (by_role < 0) goto done;
    /* a person: a resolved name of two words or more ("Chinese" is not one),
    ** "Mr. X", or the one a role description stands for */
    int full_name = q->name_len && memchr(c->out->names.data + q->name_off, ' ', q->name_len) != NULL;
    if (is_group(c, q)) last_group = q;
    else if (by_role || has_class(c, q->speaker_tok_first, q->speaker_tok_end, QW_HONORIFIC)) last_person = q;
    else if (full_name && !has_class(c, q->speaker_tok_first, q->speaker_tok_end, QW_DOC | QW_LINK)) last_person = q;
  }
  rc = 0;
done:
  free(r.runs);
  nw_scratch_done(NW_SCRATCH_QUOTE_RUNS);
  free(r.pairs);
  free(r.ent_type);
  nw_strmap_free(&r.by_last);
  nw_strmap_free(&r.by_first);
  nw_strmap_free(&r.first_seen);
  nw_strmap_free(&r.acronym);
  nw_strmap_free(&r.gender);
  return rc;
}
