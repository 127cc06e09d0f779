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

#include "person_words.h"
#include "hash.h"
#include "news_entities.h"
#include "quotes_internal.h"
#include "quotes_np.h"

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
  const nw_entities *ents; /* news_entities' mentions: a name's canonical form is theirs */
  nw_entities own_ents;    /* them, when the caller did not give them */
  int32_t *ent_of;   /* entity index of each token, or -1 */
  nw_strmap by_last; /* last word -> run index of the fullest name */
  nw_strmap by_last_of[2]; /* the same per gender of the name (men, women) */
  nw_strmap by_first; /* first word of a two-word name -> run index */
  nw_strmap first_seen; /* last word -> the run that introduced the name */
  nw_strmap acronym; /* "MOFA" -> run index */
  nw_strmap gender;  /* last word -> 1 male, 2 female */
  int type;          /* nw_speaker_type of the name appended last */
  int want_gender;   /* the gender a pronoun or description being resolved says (G_NONE: any) */
} resolver;

enum { G_NONE = 0, G_MALE = 1, G_FEMALE = 2, G_MIXED = 3 };

static int name_word(const qx_ctx *c, size_t i) {
  if (!qx_cap(c, i)) return 0;
  return !(qx_class(c, i) & (QW_NOT_NAME | QW_STOP | QW_DET | QW_PRONOUN));
}

static int gender_of_honorific(const qx_ctx *c, size_t i) {
  return qx_is_word(c, i) ? nw_honorific_gender(qx_text(c, i), qx_len(c, i)) : G_NONE;
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

/* Run ri is a later member of a list: a comma (and maybe an article) right
** before it follows a name. */
static int in_list(const resolver *r, size_t ri) {
  const qx_ctx *c = r->c;
  size_t k = r->runs[ri].first;
  if (k > 0 && (qx_class(c, k - 1) & QW_DET) && !(qx_class(c, k - 1) & QW_PRONOUN)) k--;
  return k >= 2 && qx_is_char(c, k - 1, ',') && r->run_of[k - 2] >= 0;
}

/* A person the tagger found ends right before token j. */
static int ends_person(const resolver *r, size_t j) {
  int32_t e = j ? r->ent_of[j - 1] : -1;
  return e >= 0 && r->ents->v[e].type == NW_ENT_PERSON && r->ents->v[e].tok_end == j;
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
      /* "Asab Al-Tabchi": a hyphenated word inside a person the tagger found is
      ** one word of the name ("Trump-Clinton race" stays two) */
      if (j + 1 < n && qx_is_char(c, j, '-') && r->ent_of[j] >= 0 && r->ent_of[j + 1] == r->ent_of[j] &&
          r->ent_of[j - 1] == r->ent_of[j] && r->ents->v[r->ent_of[j]].type == NW_ENT_PERSON) { j += 2; continue; }
      /* "Ministry of Foreign Affairs", "Charles de Gaulle" */
      /* (not after a person: "Sen. Walter Venn of Vermont" is a name and a place) */
      if ((qx_class(c, j) & (QW_LINK | QW_NAME_PARTICLE)) && !(qx_class(c, j) & QW_GROUP) && name_word(c, j + 1) &&
          (nw_tok_is(c->d, j, "of", 0) || (qx_class(c, j) & QW_NAME_PARTICLE)) && !ends_person(r, j)) { j += 2; continue; }
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
    /* "RNC Chief of Staff Katie Walsh": the person the tagger finds at the end */
    int32_t pe = r->ent_of[j - 1];
    if (pe >= 0 && r->ents->v[pe].type == NW_ENT_PERSON && r->ents->v[pe].tok_end == j && r->ents->v[pe].tok_first > core) {
      core = r->ents->v[pe].tok_first;
      /* a given name the tagger left out is the name's ("Ted Cruz" tagged "Cruz" opening a sentence) */
      if (nw_given_name_gender(qx_text(c, core - 1), qx_len(c, core - 1)) &&
          !(qx_class(c, core - 1) & (QW_TITLE | QW_HONORIFIC | QW_NOT_SPEAKER))) /* not "in June Trump said" */
        core--;
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
    /* a given name says the gender of a full name ("Josh Hendler"); an
    ** honorific of a family name alone ("Mrs. Clinton"); a family name two
    ** people of different genders share says none */
    if (!g && j - core >= 2 && !qx_is_char(c, core + 1, '-')) /* "Mark-Viverito" has no given name */
      g = nw_given_name_gender(qx_text(c, core), qx_len(c, core));
    r->runs[r->nrun].gender = (uint8_t)g;
    if (g == G_MALE || g == G_FEMALE) {
      nw_strmap *m = &r->by_last_of[g - 1];
      int32_t b = nw_strmap_get(m, qx_text(c, last), qx_len(c, last), -1);
      if ((b < 0 || j - core > r->runs[b].end - r->runs[b].core) && nw_strmap_put(m, qx_text(c, last), qx_len(c, last), (int32_t)r->nrun))
        return -1;
    }
    if (g) {
      int old = nw_strmap_get(&r->gender, qx_text(c, last), qx_len(c, last), G_NONE);
      if (old != g && nw_strmap_put(&r->gender, qx_text(c, last), qx_len(c, last), old ? G_MIXED : g)) return -1;
    }
    /* "Chinese Ministry of Foreign Affairs (MOFA)" */
    if (j + 2 < n && qx_is_char(c, j, '(') && (c->d->tok[j + 1].flags & NW_TF_ALL_UPPER) && qx_is_char(c, j + 2, ')'))
      if (nw_strmap_put(&r->acronym, qx_text(c, j + 1), qx_len(c, j + 1), (int32_t)r->nrun)) return -1;
    /* "Xi and Putin" is a pair; "Canada, the United States and Britain" a
    ** list, none of whose two last members is "the two countries" */
    if (r->nrun && r->runs[r->nrun - 1].end + 1 == i && nw_tok_is(c->d, i - 1, "and", 0) && !in_list(r, r->nrun - 1)) {
      if (nw_grow((void **)&r->pairs, &r->pair_cap, r->npair + 1, sizeof *r->pairs)) return -1;
      r->pairs[r->npair++] = (name_pair){(uint32_t)r->nrun - 1, (uint32_t)r->nrun};
    }
    r->nrun++;
    i = j;
  }
  return 0;
}

static int has_class(const qx_ctx *c, size_t first, size_t end, uint32_t cls) {
  for (size_t k = first; k < end; k++)
    if (qx_class(c, k) & cls) return 1;
  return 0;
}

static int append_tokens(resolver *r, size_t first, size_t end) {
  const nw_doc *d = r->c->d;
  if (first >= end) return 0;
  return nw_buf_append(&r->c->out->names, d->text + d->tok[first].start, d->tok[end - 1].end - d->tok[first].start);
}

/* The mentions news_entities finds, once per text: speaker names take their
** canonical forms, so that quotes and entities name a person alike. A
** failure (out of memory) fails the call: without the names the speakers
** would come out different, not absent. */
static int find_entities(resolver *r) {
  const nw_doc *d = r->c->d;
  for (size_t k = 0; k < d->ntok; k++) r->ent_of[k] = -1;
  if (r->c->ents) {
    r->ents = r->c->ents; /* the caller tagged this text already: the tagger is the slow pass */
  } else {
    r->ents = &r->own_ents;
    if (nw_extract_entities(d, &r->own_ents)) {
      r->own_ents.n = 0;
      return -1;
    }
  }
  for (size_t i = 0; i < r->ents->n; i++)
    for (uint32_t k = r->ents->v[i].tok_first; k < r->ents->v[i].tok_end && k < d->ntok; k++) r->ent_of[k] = (int32_t)i;
  return 0;
}

static int entity_type_at(const resolver *r, size_t k) {
  int32_t e = k < r->c->d->ntok ? r->ent_of[k] : -1;
  return e < 0 ? 0 : r->ents->v[e].type;
}

static int speaker_type_of(int ent_type) {
  return ent_type == NW_ENT_PERSON ? NW_SPEAKER_PERSON
         : ent_type == NW_ENT_ORG  ? NW_SPEAKER_ORG
         : ent_type == NW_ENT_LOC  ? NW_SPEAKER_LOC
                                   : NW_SPEAKER_DESCRIPTION;
}

static int append_entity(resolver *r, int32_t e) {
  const nw_entity *x = &r->ents->v[e];
  r->type = speaker_type_of(x->type);
  return nw_buf_append(&r->c->out->names, r->c->d->text + x->canon_start, x->canon_end - x->canon_start);
}

/* The entity a name mention [first, end) names: the one that ends with it
** (its last word) and starts inside it (not "Said Ortiz" for "Said Ortiz:
** …", where the cue opens the sentence), of a kind that speaks (not
** "Chinese", "Democratic"). */
static int32_t entity_of_name(const resolver *r, size_t first, size_t end) {
  int32_t e = end ? r->ent_of[end - 1] : -1;
  if (e < 0 || r->ents->v[e].tok_end != end || r->ents->v[e].tok_first < first || r->ents->v[e].type == NW_ENT_MISC) return -1;
  return e;
}

/* What a name the tagger did not type names: a person when it has a gender
** (an honorific, a given name) or the tagger typed its last word so, an
** organisation when it has "of" or the tagger says so, else a person when
** it has two words or more ("He Wei"), an organisation when one ("Politifact")
** unless it only opens a sentence. */
static int run_type(const resolver *r, int32_t ri) {
  const name_run *run = &r->runs[ri];
  int t = entity_type_at(r, run->end - 1);
  if (run->gender || t == NW_ENT_PERSON) return NW_SPEAKER_PERSON;
  if (t == NW_ENT_ORG || has_class(r->c, run->core, run->end, QW_LINK)) return NW_SPEAKER_ORG;
  if (t == NW_ENT_LOC) return NW_SPEAKER_LOC;
  if (t == NW_ENT_MISC) return NW_SPEAKER_DESCRIPTION;
  if (run->end - run->core >= 2) return NW_SPEAKER_PERSON;
  /* one word the tagger left untyped opening a sentence: "Critics" */
  return r->ents->n && (r->c->d->tok[run->core].flags & NW_TF_SENT_START) ? NW_SPEAKER_DESCRIPTION : NW_SPEAKER_ORG;
}

/* Token k is a pronoun's form used as a family name ("He" of "He Wei", see quotes.c). */
static int surname_pronoun(const qx_ctx *c, size_t k) {
  return qx_cap(c, k) && !(qx_class(c, k) & QW_PRONOUN) && (qx_word_class(qx_text(c, k), qx_len(c, k)) & QW_PRONOUN);
}

/* The fullest name for the run of tokens [first, end) (a name mention). */
/* The fullest name run ending in token last's word, of gender g when the
** fullest says the other ("Mrs. Clinton" is not the text's "Bill Clinton";
** -1 then when no name of hers is given). */
static int32_t fullest_by_last(const resolver *r, size_t last, int g) {
  const qx_ctx *c = r->c;
  int32_t ri = nw_strmap_get(&r->by_last, qx_text(c, last), qx_len(c, last), -1);
  if (ri < 0 || !g || !r->runs[ri].gender || r->runs[ri].gender == g) return ri;
  return nw_strmap_get(&r->by_last_of[g - 1], qx_text(c, last), qx_len(c, last), -1);
}

static int append_name(resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  int g = G_NONE;
  for (; first + 1 < end && (qx_class(c, first) & (QW_TITLE | QW_HONORIFIC | QW_DET)); first++)
    if (!g) g = gender_of_honorific(c, first);
  /* an honorific the mention leaves out ("Mrs." before a tagged "Clinton"), else
  ** the pronoun's ("he" of "Murphy" is not the text's "Anne Marie Murphy") */
  if (!g && first > 0) g = gender_of_honorific(c, first - 1);
  if (!g) g = r->want_gender;
  int32_t e = entity_of_name(r, first, end);
  size_t last = end - 1;
  if (e >= 0) {
    /* the tagger may miss the full name ("Uzi Arad" untagged, "Arad" tagged):
    ** the runs' fullest name then, when the entity's canonical is one word */
    const nw_entity *x = &r->ents->v[e];
    /* "He Wei" tagged "Wei": a family name the tagger took for a pronoun */
    size_t k = first;
    while (k < x->tok_first && r->ent_of[k] < 0 && surname_pronoun(c, k)) k++;
    if (k == x->tok_first && k > first) {
      r->type = speaker_type_of(x->type);
      return append_tokens(r, first, end);
    }
    int32_t ri = fullest_by_last(r, last, g);
    int one_word = memchr(c->d->text + x->canon_start, ' ', x->canon_end - x->canon_start) == NULL;
    /* the entity's canonical name is of the other gender: the fullest of this one, else as written */
    const char *canon = c->d->text + x->canon_start;
    const char *sp = memchr(canon, ' ', x->canon_end - x->canon_start);
    int cg = sp && x->type == NW_ENT_PERSON ? nw_given_name_gender(canon, (size_t)(sp - canon)) : G_NONE;
    if (g && cg && cg != g) {
      r->type = NW_SPEAKER_PERSON;
      return ri >= 0 && r->runs[ri].gender == g ? append_tokens(r, r->runs[ri].core, r->runs[ri].end) : append_tokens(r, first, end);
    }
    if (!(one_word && x->type == NW_ENT_PERSON && ri >= 0 && r->runs[ri].end - r->runs[ri].core >= 2)) return append_entity(r, e);
  }
  int32_t ri = -1;
  if (end - first == 1 && (c->d->tok[last].flags & NW_TF_ALL_UPPER)) ri = nw_strmap_get(&r->acronym, qx_text(c, last), qx_len(c, last), -1);
  if (ri < 0) ri = fullest_by_last(r, last, g);
  if ((ri < 0 || r->runs[ri].end - r->runs[ri].core < 2) && end - first == 1) {
    int32_t rf = nw_strmap_get(&r->by_first, qx_text(c, last), qx_len(c, last), -1);
    if (rf >= 0) ri = rf;
  }
  if (ri >= 0 && r->runs[ri].end - r->runs[ri].core > end - first) {
    /* the fuller name's canonical form when the tagger found all of it ("Ban"
    ** typed otherwise, "Ban Ki" -> "Ban Ki-moon") */
    int32_t fe = entity_of_name(r, r->runs[ri].core, r->runs[ri].end);
    if (fe >= 0 && r->ents->v[fe].type == NW_ENT_PERSON && r->ents->v[fe].tok_first == r->runs[ri].core) return append_entity(r, fe);
    r->type = run_type(r, ri);
    return append_tokens(r, r->runs[ri].core, r->runs[ri].end);
  }
  r->type = r->run_of[last] >= 0 ? run_type(r, r->run_of[last]) : NW_SPEAKER_DESCRIPTION;
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


/* A name (a run or a non-MISC entity) in [first, k). */
static int name_token_before(const resolver *r, size_t first, size_t k) {
  for (size_t j = first; j < k; j++) {
    if (r->ent_of[j] >= 0) {
      if (r->ents->v[r->ent_of[j]].type != NW_ENT_MISC) return 1;
    } else if (r->run_of[j] >= 0 && !(qx_class(r->c, j) & (QW_TITLE | QW_HONORIFIC))) {
      /* a capitalized word that opens a sentence ("Officials at …") is no name alone */
      const name_run *run = &r->runs[r->run_of[j]];
      if (run->end - run->first > 1 || !(r->c->d->tok[run->first].flags & NW_TF_SENT_START)) return 1;
    }
  }
  return 0;
}

static int is_possessive_tok(const qx_ctx *c, size_t i) { return nw_tok_possessive(c->d, i); }

/* A person named in apposition to the description [first, end): right
** before it ("Sam Lau, the communications director for …") or right after
** it (", Xi Jinping," or ", Xi Jinping said"). */
static int32_t apposition(const resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  /* the aside closes with a comma: "Hillary Clinton, the attendees said" is no apposition */
  if (first >= 2 && qx_is_char(c, first - 1, ',') && c->owner[first - 2] < 0 && qx_is_char(c, end, ',')) {
    int32_t e = r->ent_of[first - 2];
    if (e >= 0 && r->ents->v[e].tok_end == first - 1 && r->ents->v[e].type == NW_ENT_PERSON) return e;
  }
  if (end + 1 >= c->d->ntok || !qx_is_char(c, end, ',') || c->owner[end + 1] >= 0) return -1;
  int32_t e = r->ent_of[end + 1];
  if (e < 0 || r->ents->v[e].tok_first != end + 1 || r->ents->v[e].type != NW_ENT_PERSON) return -1;
  size_t after = r->ents->v[e].tok_end;
  if (after >= c->d->ntok || qx_is_char(c, after, '.') || qx_is_char(c, after, ',') || qx_cue_of(qx_text(c, after), qx_len(c, after)))
    return e;
  return -1;
}

/* Token k opens an indefinite noun phrase ("a", "an", "one", "another"):
** someone introduced, not one named before. */
static int indefinite(const qx_ctx *c, size_t k) {
  static const char *const words[] = {"a", "an", "one", "another"};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (nw_tok_is(c->d, k, words[i], 1)) return 1;
  return 0;
}

/* A description the text never ties to a name, as written but without its
** article ("the announcer" -> "announcer"; "his operatives" stays). */
static int append_description(resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  r->type = NW_SPEAKER_DESCRIPTION;
  if (end - first > 1 && (nw_tok_is(c->d, first, "the", 1) || nw_tok_is(c->d, first, "a", 1) || nw_tok_is(c->d, first, "an", 1)))
    first++;
  return append_tokens(r, first, end);
}

/* One mention (no "and"): append its resolved form. */
static int is_plural_description(const qx_ctx *c, size_t first, size_t end);
static int append_pair_before(resolver *r, size_t t, uint32_t want);

/* A name run that may author a document: a person or an organisation,
** outside quotations, not a place, a day, nor a word modifying a noun. */
static int may_author(const resolver *r, int32_t ri) {
  const name_run *run = &r->runs[ri];
  const qx_ctx *c = r->c;
  if (c->owner[run->first] >= 0 || (qx_class(c, run->core) & QW_NOT_SPEAKER)) return 0; /* "On Saturday" */
  /* a name that only modifies a noun ("the Sanders campaign", "a Clinton campaign memo") */
  if (qx_is_word(c, run->end) && !qx_cap(c, run->end) &&
      ((qx_class(c, run->end) & QW_DOC) || nw_tok_is(c->d, run->end, "campaign", 1) ||
       nw_role_noun_index(qx_text(c, run->end), qx_len(c, run->end), NULL)))
    return 0;
  int t = run_type(r, ri);
  return t == NW_SPEAKER_PERSON || t == NW_SPEAKER_ORG;
}

/* How far back "the statement" looks for the sentence that introduced it
** (sentences, and tokens at most: a long sentence must not make it rescan). */
enum { DOC_SENTENCES = 3, DOC_REACH = 400 };

static int same_word(const qx_ctx *c, size_t k, size_t t);

/* Token k (a document noun) is introduced as a new one: "a", "an" a few
** words before it ("a written statement", "a new 30-second ad", "a framed,
** handwritten note"). */
static int introduced_document(const qx_ctx *c, size_t k) {
  for (size_t j = k; j-- > 0 && k - j <= 6 && (qx_is_word(c, j) || qx_is_char(c, j, ',') || qx_is_char(c, j, '-'));)
    if (nw_tok_is(c->d, j, "a", 1) || nw_tok_is(c->d, j, "an", 1)) return 1;
  return 0;
}

/* The source named after "by"/"from" at token j (within the sentence ending
** at se): a name right there, else a person a few words on ("from the
** club's director, Jane Roe"); -1 when none. */
static int32_t source_after(const resolver *r, size_t j, size_t se) {
  for (size_t a = j + 1; a < se && a <= j + 7; a++) {
    int32_t ri = r->run_of[a];
    if (ri >= 0 && may_author(r, ri) && (a <= j + 2 || entity_type_at(r, r->runs[ri].end - 1) == NW_ENT_PERSON)) return ri;
    if (ri >= 0) a = r->runs[ri].end - 1;
  }
  return -1;
}

/* "Walter Venn released a statement … “…,” the statement said": the author
** of a definite document [first, end) (its head a document noun) is the one
** the sentence that introduced it ("a statement", "an ad", a few sentences
** before, outside quotations) names as its source: after "by"/"from" right
** after the noun, else after an opening "In a statement," the name that
** follows, else the subject before the noun ("X released a statement").
** -1 when none (then the description stays). */
static int32_t document_author(const resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  const nw_doc *d = c->d;
  if (!nw_tok_is(d, first, "the", 1) || !(qx_class(c, end - 1) & QW_DOC)) return -1;
  uint32_t s = d->tok[first].sentence;
  size_t lo = d->sent[s >= DOC_SENTENCES ? s - DOC_SENTENCES : 0].first_tok;
  if (first > lo + DOC_REACH) lo = first - DOC_REACH;
  for (size_t k = first; k-- > lo;) {
    if (c->owner[k] >= 0 || !same_word(c, k, end - 1) || !introduced_document(c, k)) continue;
    size_t sf = d->sent[d->tok[k].sentence].first_tok, se = d->sent[d->tok[k].sentence].end_tok;
    /* "a statement from the ministry", "an ad paid for by Walter Venn" */
    for (size_t j = k + 1; j < se && j <= k + 4; j++)
      if (nw_tok_is(d, j, "by", 1) || nw_tok_is(d, j, "from", 1)) return source_after(r, j, se);
    /* "In a statement, Walter Venn said": the name after the opening phrase */
    if (k <= sf + 4 && nw_tok_is(d, sf, "in", 1)) {
      size_t j = k + 1;
      while (j < se && j <= k + 4 && !qx_is_char(c, j, ',')) j++;
      int32_t ri = j + 1 < se && qx_is_char(c, j, ',') ? r->run_of[j + 1] : -1;
      return ri >= 0 && may_author(r, ri) ? ri : -1;
    }
    /* "Walter Venn released a statement": the nearest name before it in its sentence */
    for (size_t j = k; j-- > sf;) {
      int32_t ri = r->run_of[j];
      if (ri < 0 || c->owner[j] >= 0) continue;
      return may_author(r, ri) ? ri : -1;
    }
    return -1;
  }
  return -1;
}

/* A reflexive pronoun after a name ("Sanders himself"): no part of it. */
static int reflexive(const qx_ctx *c, size_t k) {
  size_t n = qx_len(c, k);
  const char *t = qx_text(c, k);
  return qx_is_word(c, k) && !qx_cap(c, k) &&
         ((n > 4 && nw_ascii_ncasecmp(t + n - 4, "self", 4) == 0) || (n > 6 && nw_ascii_ncasecmp(t + n - 6, "selves", 6) == 0));
}

static int append_part(resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  if (end - first > 1 && reflexive(c, end - 1)) end--;
  if (has_class(c, first, end, QW_DOC)) {
    int ri = issuer_run(r, first, end);
    if (ri < 0) ri = document_author(r, first, end);
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
  /* the head: a name before "of", a comma, a bracket or "who" is the speaker
  ** ("Ross Eisenbrey of the Economic Policy Institute", "Sen. Chris Murphy
  ** (D-Conn.)": never the place of a party label) */
  size_t head_end = end;
  for (size_t k = first + 1; k < end; k++) {
    if (r->ent_of[k] >= 0) continue; /* "Ministry of Foreign Affairs" */
    if (!(qx_class(c, k) & (QW_LINK | QW_RELATIVE)) && !qx_is_char(c, k, ',') && !qx_is_char(c, k, '(')) continue;
    if (name_token_before(r, first, k)) {
      head_end = k;
    } else {
      /* "Chairman of the Joint Chiefs Gen. Joseph Dunford": a person ends the
      ** mention; "the president of China": a description, whatever it names */
      int32_t e = r->ent_of[end - 1];
      if (e >= 0 && r->ents->v[e].type == NW_ENT_PERSON && r->ents->v[e].tok_end == end && r->ents->v[e].tok_first > k &&
          !(qx_class(c, r->ents->v[e].tok_first - 1) & (QW_LINK | QW_DET))) /* not "the president of Judicial Watch" */
        return append_name(r, r->ents->v[e].tok_first, end);
      head_end = k;
      if (qx_is_char(c, k, ',') || qx_is_char(c, k, '(')) break;
      int32_t app = apposition(r, first, end);
      if (app >= 0) return append_entity(r, app);
      return append_description(r, first, end);
    }
    break;
  }
  /* "agency spokesman Dan Ortiz similarly": the name that ends the head. A
  ** name before a common noun only modifies it ("Chinese state media", "the
  ** LinkedIn chief executive"): the mention is a description. */
  size_t k = head_end;
  while (k > first + 1 && (qx_skippable(c, k - 1) || c->d->tok[k - 1].cls == NW_TOK_PUNCT || is_possessive_tok(c, k - 1))) k--;
  /* "a Nevada Democrat" introduces someone unnamed: never the text's "New
  ** Hampshire Democrat" by its last word ("an angry Hollande" still names
  ** him, "a House committee" its organisation) */
  if (k > first && indefinite(c, first) && entity_type_at(r, k - 1) != NW_ENT_PERSON && entity_type_at(r, k - 1) != NW_ENT_ORG) {
    int32_t app = apposition(r, first, end);
    return app >= 0 ? append_entity(r, app) : append_description(r, first, end);
  }
  if (k > first && !(qx_class(c, k - 1) & QW_DOC) && (r->run_of[k - 1] >= 0 || r->ent_of[k - 1] >= 0)) {
    size_t s = k - 1;
    int32_t e = r->ent_of[k - 1];
    if (e >= 0 && r->ents->v[e].tok_end == k) {
      s = r->ents->v[e].tok_first > first ? r->ents->v[e].tok_first : first;
      /* a family name the tagger took for a pronoun ("He" of "He Wei") */
      while (s > first && r->ent_of[s - 1] < 0 && surname_pronoun(c, s - 1)) s--;
    } else
      while (s > first && r->run_of[s - 1] >= 0 && r->run_of[s - 1] == r->run_of[k - 1] && r->ent_of[s - 1] < 0) s--;
    return append_name(r, s, k);
  }
  /* "the president of China, Xi Jinping, said": the name in apposition */
  int32_t app = apposition(r, first, end);
  if (app >= 0) return append_entity(r, app);
  return append_description(r, first, end);
}


/* A pair of people ("Xi and Putin") rather than of places ("China and Russia"). */
static int pair_of_people(resolver *r, const name_pair *p) {
  if (r->ents->n)
    return entity_type_at(r, r->runs[p->a].end - 1) == NW_ENT_PERSON && entity_type_at(r, r->runs[p->b].end - 1) == NW_ENT_PERSON;
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
    if (append_name(r, y->core, y->end)) return -1;
    r->type = NW_SPEAKER_GROUP;
    return 1;
  }
  return 0;
}

/* The gender of the person run ri names: its own (an honorific, a given
** name), else what the text says of its family name. */
static int run_gender(const resolver *r, int32_t ri) {
  const name_run *run = &r->runs[ri];
  if (run->gender) return run->gender;
  int g = nw_strmap_get(&r->gender, qx_text(r->c, run->end - 1), qx_len(r->c, run->end - 1), G_NONE);
  if (g != G_MIXED) return g;
  /* "Trump" where the text names Donald and Melania Trump: the one a family
  ** name alone names (the fullest name ending so, as append_name gives) */
  int32_t full = run->end - run->core == 1 ? nw_strmap_get(&r->by_last, qx_text(r->c, run->end - 1), qx_len(r->c, run->end - 1), -1) : -1;
  return full >= 0 && full != ri ? r->runs[full].gender : G_NONE;
}

/* A run a pronoun may stand for: outside quotations (words quoted are not
** the reporter's references), and a person unless the tagger says otherwise
** ("the Democratic Party" is not "he"). */
/* Run ri names a person by what the text says: the tagger's type, or "who"
** after it, said of people ("Sandy Phillips, who lost her daughter", typed
** an organisation). */
static int said_person(const resolver *r, int32_t ri) {
  const name_run *run = &r->runs[ri];
  int t = entity_type_at(r, run->end - 1);
  return t == NW_ENT_PERSON || (t == NW_ENT_ORG && run->end - run->core >= 2 && qx_is_char(r->c, run->end, ',') &&
                                nw_tok_is(r->c->d, run->end + 1, "who", 1));
}

static int may_be_person(const resolver *r, int32_t ri) {
  const name_run *run = &r->runs[ri];
  if (r->c->owner[run->first] >= 0) return 0;
  return said_person(r, ri) || (!entity_type_at(r, run->end - 1) && (!r->ents->n || run_gender(r, ri)));
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
  if (r->run_of[last] >= 0) return run_gender(r, r->run_of[last]);
  int g = nw_strmap_get(&r->gender, qx_text(c, last), qx_len(c, last), G_NONE);
  return g == G_MIXED ? G_NONE : g;
}

/* The gender the given name of quote q's resolved speaker name says. */
static int resolved_gender(const resolver *r, const nw_quote *q) {
  const char *name = r->c->out->names.data + q->name_off;
  const char *sp = q->name_len ? memchr(name, ' ', q->name_len) : NULL;
  return sp ? nw_given_name_gender(name, (size_t)(sp - name)) : G_NONE;
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
    if (has_class(r->c, run->core, run->end, QW_LINK) || !may_be_person(r, ri)) continue;
    int rg = run_gender(r, ri);
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
  /* "Former federal prosecutor Glen Kopp said": a person after the words of a role */
  for (size_t j = k, stop = k + 4; j < e && j < stop && c->owner[j] < 0 && qx_is_word(c, j); j++) {
    int32_t ri = r->run_of[j];
    if (ri >= 0 && entity_type_at(r, r->runs[ri].end - 1) == NW_ENT_PERSON) return ri;
    if (ri >= 0) j = r->runs[ri].end - 1;
  }
  if (k >= e || c->owner[k] >= 0 || r->run_of[k] < 0) return -1;
  /* "Lind's chief rival, Walter Venn, was …": a possessive only modifies the subject */
  return is_possessive_tok(c, r->runs[r->run_of[k]].end) ? -1 : r->run_of[k];
}

/* The person of gender g a pronoun at token t most likely stands for, by
** the subjects of t's sentence (before t) and of the sentence before: a
** name opening the sentence ("Mr. Obama dismissed …") if its gender is g;
** a person of unknown gender opening it; otherwise the first name of
** gender g in it, outside quotations (these two set *unsure: a speaker of
** the same paragraph goes on rather). A sentence where a pronoun of gender g comes
** first talks of someone named before: the look goes one sentence further
** back (four at most). -1 when no sentence settles it. */
enum { SALIENCE_REACH = 400 };

static int32_t salient_person(const resolver *r, size_t t, int g, int *unsure) {
  const qx_ctx *c = r->c;
  uint32_t sent = c->d->tok[t].sentence;
  /* a bounded look back (as person_before's): a sentence of thousands of
  ** tokens must not make each pronoun in it rescan them */
  size_t reach = t > SALIENCE_REACH ? t - SALIENCE_REACH : 0;
  uint32_t window = 2;
  for (uint32_t s = sent + 1; s-- > 0 && sent - s < window;) {
    size_t lo = c->d->sent[s].first_tok, hi = s == sent ? t : c->d->sent[s].end_tok;
    if (hi <= reach) break;
    int32_t open = lo >= reach ? opening_run(r, s) : -1, unknown = -1;
    if (lo < reach) lo = reach;
    for (size_t k = lo; k < hi; k++) {
      int32_t ri = r->run_of[k];
      /* "But he recognizes …" before any name: the sentence goes on about
      ** someone named earlier; the sentence before may name him (a few back at most) */
      uint32_t w = qx_class(c, k);
      if (c->owner[k] < 0 && (w & QW_PRONOUN) && (w & (g == G_MALE ? QW_MALE : g == G_FEMALE ? QW_FEMALE : QW_MALE | QW_FEMALE))) {
        /* "Representative Brooks … says where he stands": the pronoun takes
        ** up the person of unknown gender the sentence named before it */
        if (unknown >= 0) {
          *unsure = 1;
          return unknown;
        }
        if (window >= 4) return -1;
        window++;
        break;
      }
      if (ri < 0 || c->owner[k] >= 0) continue;
      const name_run *run = &r->runs[ri];
      k = run->end - 1;
      if (has_class(c, run->core, run->end, QW_LINK | QW_DOC | QW_TITLE) || !may_be_person(r, ri)) continue;
      int rg = run_gender(r, ri);
      if (ri == open && !rg) {
        *unsure = 1; /* a person of unknown gender opens the sentence */
        return said_person(r, ri) ? ri : -1;
      }
      if (g ? rg == g : rg || entity_type_at(r, run->end - 1) == NW_ENT_PERSON) {
        if (ri != open) *unsure = 1; /* named inside the sentence, not its subject */
        return ri;
      }
      if (!rg && unknown < 0 && said_person(r, ri)) unknown = ri;
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

/* The office or role noun at token k ("senator", "Sen.", "businessman",
** "46-year-old"): its index + 1 (person_words.h; the same for a noun and
** its abbreviations), -1 for an age, 0 when none; *g the gender it says. */
static int person_noun_at(const qx_ctx *c, size_t k, int *g) {
  *g = G_NONE;
  if (!qx_is_word(c, k)) return 0;
  size_t n = qx_len(c, k);
  if (n > 9 && nw_ascii_ncasecmp(qx_text(c, k) + n - 9, "-year-old", 9) == 0) return -1;
  int i = nw_role_noun_index(qx_text(c, k), n, g);
  return i && nw_role_nouns[i - 1].kind != NW_NOUN_ORG ? i : 0;
}

/* "the company", "the foreign ministry": a definite description of one
** organisation (a noun for one at its head), with no person in it. */
static int is_org_description(const resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  if (end - first < 2 || end - first > 4 || !nw_tok_is(c->d, first, "the", 1) || !qx_is_word(c, end - 1)) return 0;
  int i = nw_role_noun_index(qx_text(c, end - 1), qx_len(c, end - 1), NULL);
  if (!i || nw_role_nouns[i - 1].kind != NW_NOUN_ORG) return 0;
  for (size_t k = first + 1; k < end; k++)
    if (!qx_is_word(c, k) || qx_cap(c, k)) return 0; /* "the State Department" is a name */
  return 1;
}

/* "the Russian leader", "the mayor", "the billionaire businessman": a
** definite description headed by a title or a noun for one person's office
** or role, with no name in it. */
static int is_role_description(const resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  if (end - first < 2 || !nw_tok_is(c->d, first, "the", 1)) return 0;
  int g;
  if (!(qx_class(c, end - 1) & QW_TITLE) && !person_noun_at(c, end - 1, &g)) return 0;
  if (qx_class(c, end - 1) & (QW_PLURAL | QW_PEOPLE)) return 0;
  /* words, five at most; a hyphen joins two into one ("the vice-presidential nominee") */
  size_t words = 0;
  for (size_t k = first; k < end; k++) {
    if (qx_is_char(c, k, '-') && k > first + 1 && k + 1 < end && c->d->tok[k].ws == NW_WS_NONE) { words--; continue; }
    if (!qx_is_word(c, k)) return 0;
    words++;
  }
  return words <= 5;
}

/* "the senator from Vermont", "the governor of Ohio", "the secretary of
** state": a role with the place it serves after it is that role; the end of
** the role's words (before "of"/"from"), else end. An organisation after
** it ("the president of Judicial Watch") makes another office: end. */
static size_t role_end(const resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  /* "the Vermont senator and Democratic presidential candidate": one person's
  ** two roles, the first one names them (no article, pronoun or person after "and") */
  for (size_t k = first + 2; k + 1 < end; k++) {
    if (!nw_tok_is(c->d, k, "and", 1)) continue;
    int g, role = (qx_class(c, k - 1) & QW_TITLE) || person_noun_at(c, k - 1, &g) > 0;
    for (size_t j = k + 1; role && j < end; j++)
      role = qx_is_word(c, j) && !(qx_class(c, j) & (QW_DET | QW_PRONOUN)) && entity_type_at(r, j) != NW_ENT_PERSON;
    if (role) return k;
    break;
  }
  for (size_t k = first + 2; k + 1 < end; k++) {
    if (!nw_tok_is(c->d, k, "of", 1) && !nw_tok_is(c->d, k, "from", 1)) continue;
    int g;
    if (!(qx_class(c, k - 1) & QW_TITLE) && person_noun_at(c, k - 1, &g) <= 0) return end;
    int32_t e = r->ent_of[k + 1];
    int place = e >= 0 && r->ents->v[e].type == NW_ENT_LOC && r->ents->v[e].tok_first == k + 1 && r->ents->v[e].tok_end == end;
    return place || (k + 2 == end && nw_tok_is(c->d, k + 1, "state", 1)) ? k : end;
  }
  return end;
}

/* The word at token k names the same thing as the word at token t, case aside. */
static int same_word(const qx_ctx *c, size_t k, size_t t) {
  return qx_len(c, k) == qx_len(c, t) && nw_ascii_ncasecmp(qx_text(c, k), qx_text(c, t), qx_len(c, k)) == 0;
}

/* The same, or the same office written out and abbreviated ("Sen." and "senator"). */
static int same_office(const qx_ctx *c, size_t k, size_t t) {
  int g, a = person_noun_at(c, k, &g);
  return same_word(c, k, t) || (a > 0 && a == person_noun_at(c, t, &g));
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

/* "World Bank President Walter Venn": the title at token k heads the
** organisation named right before it, so "the president" (a head of state)
** is someone else; "the World Bank president" names the organisation too. */
static int organisation_president(const resolver *r, size_t k, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  if (!k || !nw_tok_is(c->d, end - 1, "president", 1) || entity_type_at(r, k - 1) != NW_ENT_ORG) return 0;
  for (size_t t = first + 1; t + 1 < end; t++)
    if (qx_cap(c, t)) return 0;
  return 1;
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
      if (same_office(c, k, t) && !organisation_president(r, k, first, end)) return 1;
  return 0;
}

static int fits_description(const resolver *r, int32_t ri, size_t first, size_t end, int g);

/* The person a role description stands for: the nearest one before it whose
** title shares a word with it (and whose gender and party fit), or -1. */
static int32_t person_with_title(const resolver *r, size_t first, size_t end) {
  int32_t ri;
  for (size_t k = first; (ri = run_before(r, first, 2000, &k)) >= 0;) {
    const name_run *run = &r->runs[ri];
    /* a person: a full name, "Mr. X" or "President X" */
    if (run->end - run->core < 2 && !run->gender && run->core == run->first) continue;
    int g;
    person_noun_at(r->c, end - 1, &g);
    if (title_matches(r, run, first, end) && fits_description(r, ri, first, end, g)) return ri;
  }
  return -1;
}

/* The party a run of words says: 'D', 'R', or 0. */
static int party_in(const qx_ctx *c, size_t first, size_t end) {
  for (size_t k = first; k < end; k++) {
    if (nw_tok_is(c->d, k, "Democratic", 0) || nw_tok_is(c->d, k, "Democrat", 0)) return 'D';
    if (nw_tok_is(c->d, k, "Republican", 0) || nw_tok_is(c->d, k, "GOP", 0)) return 'R';
  }
  return 0;
}

/* The party the text gives the person of run ri where it introduced them:
** in the words before the name ("Republican candidate Donald Trump") or a
** label after it ("(D-Vt.)"). */
static const name_run *introduction(const resolver *r, int32_t ri, size_t *lo);

static int party_of_run(const resolver *r, int32_t ri) {
  const qx_ctx *c = r->c;
  size_t lo;
  const name_run *run = introduction(r, ri, &lo);
  int p = party_in(c, lo, run->core);
  if (!p && qx_is_char(c, run->end, '(') && qx_is_word(c, run->end + 1)) {
    const char *t = qx_text(c, run->end + 1);
    size_t n = qx_len(c, run->end + 1);
    int dash = (n > 1 && t[1] == '-') || (n == 1 && qx_is_char(c, run->end + 2, '-'));
    if (dash && (t[0] == 'D' || t[0] == 'R')) p = t[0];
  }
  return p;
}

/* The words before the run that introduced the person of run ri, in its
** sentence (three at most: "Republican presidential candidate"), and the
** run itself: [*lo, intro core). */
static const name_run *introduction(const resolver *r, int32_t ri, size_t *lo) {
  const qx_ctx *c = r->c;
  const name_run *run = &r->runs[ri];
  run = &r->runs[nw_strmap_get(&r->first_seen, qx_text(c, run->end - 1), qx_len(c, run->end - 1), ri)];
  *lo = run->first > 3 ? run->first - 3 : 0;
  while (*lo < run->first && c->d->tok[*lo].sentence != c->d->tok[run->first].sentence) ++*lo;
  return run;
}

/* The person of run ri was introduced with an office ("Gov. Chris
** Christie") other than office noun `office` (index + 1): not "the senator". */
static int other_office(const resolver *r, int32_t ri, int office) {
  size_t lo;
  const name_run *run = introduction(r, ri, &lo);
  int other = 0, g;
  for (size_t k = lo; k < run->core; k++) {
    int o = person_noun_at(r->c, k, &g);
    if (o == office) return 0;
    other |= o > 0 && nw_role_nouns[o - 1].kind == NW_NOUN_OFFICE;
  }
  return other;
}

/* Person run ri may be the one description [first, end) of gender g stands
** for: no other gender, no other party, no other office. */
static int fits_description(const resolver *r, int32_t ri, size_t first, size_t end, int g) {
  if (ri < 0 || !may_be_person(r, ri)) return 0;
  int rg = run_gender(r, ri), p = party_in(r->c, first, end), rp = p ? party_of_run(r, ri) : 0, hg;
  int head = person_noun_at(r->c, end - 1, &hg);
  if (head > 0 && nw_role_nouns[head - 1].kind == NW_NOUN_OFFICE && other_office(r, ri, head)) return 0;
  return !(g && rg && rg != g) && !(p && rp && rp != p);
}

/* "the woman" after "a woman in the crowd": the description takes up one
** the text left unnamed (its head after "a", "an", "one" or "another" a
** little before, with no name set beside it). */
static int takes_up_unnamed(const resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  size_t head = end - 1, lo = first > SALIENCE_REACH ? first - SALIENCE_REACH : 0;
  for (size_t k = first; k-- > lo;) {
    if (!same_word(c, k, head) || c->owner[k] >= 0) continue;
    for (size_t j = k; j-- > 0 && k - j <= 4 && qx_is_word(c, j);)
      if (nw_tok_is(c->d, j, "a", 1) || nw_tok_is(c->d, j, "an", 1) || nw_tok_is(c->d, j, "one", 1) ||
          nw_tok_is(c->d, j, "another", 1))
        return !(qx_is_char(c, k + 1, ',') && k + 2 < c->d->ntok && r->run_of[k + 2] >= 0);
  }
  return 0;
}

/* The person a description of one ("the senator", "the billionaire
** businessman") stands for when no title the text gave matches it: the one
** the text is talking about, as for "he" (the subject of this sentence or
** the one before, else the last person quoted close by), when the gender
** and party fit. -1 when none. */
static int32_t described_person(const resolver *r, const nw_quote *q, const nw_quote *last_person, size_t first, size_t end) {
  int g;
  /* "the White House press secretary, Josh Earnest,": the name beside it (the apposition rule) */
  /* a person's noun or a title that leads ("the Senate minority leader") */
  if ((!person_noun_at(r->c, end - 1, &g) && !(qx_class(r->c, end - 1) & QW_GENERIC_HEAD)) || takes_up_unnamed(r, first, end) ||
      apposition(r, first, end) >= 0)
    return -1;
  int unsure = 0;
  int32_t salient = salient_person(r, first, g, &unsure), spoke = -1;
  if (last_person && last_person->paragraph + 2 >= q->paragraph && last_person->speaker_tok_end) {
    spoke = r->run_of[last_person->speaker_tok_end - 1];
    if (spoke >= 0 && r->runs[spoke].end != last_person->speaker_tok_end) spoke = -1;
  }
  /* named inside a sentence rather than its subject ("In an interview with
  ** hosts X and Y, the candidate said"): the subject of a sentence just
  ** before is likelier */
  uint32_t sent = r->c->d->tok[first].sentence;
  for (uint32_t s = sent; unsure && s + 2 >= sent && s-- > 0;) {
    int32_t open = opening_run(r, s);
    if (open >= 0 && fits_description(r, open, first, end, g)) salient = open, unsure = 0;
  }
  if (!fits_description(r, salient, first, end, g)) salient = -1;
  if (!fits_description(r, spoke, first, end, g)) spoke = -1;
  if (salient >= 0 && spoke >= 0 && unsure && last_person->paragraph == q->paragraph) return spoke;
  if (salient >= 0 && (spoke < 0 || r->runs[salient].first > last_person->speaker_tok_end)) return salient;
  return spoke;
}

/* After "and" (token k - 1), a new member of a group starts with a name, an
** article, a pronoun or "others" ("Haddad and the mayor"), or names a person before
** the mention ends ("and former anchor Katie Couric"); "president and CEO",
** "activist and lawyer" are one person's roles. */
static int starts_member(const resolver *r, size_t k, size_t end) {
  const qx_ctx *c = r->c;
  if (qx_cap(c, k) || (qx_class(c, k) & (QW_DET | QW_PRONOUN)) || nw_tok_is(c->d, k, "others", 1)) return 1;
  for (; k < end && !(qx_class(c, k) & QW_GROUP); k++)
    if (entity_type_at(r, k) == NW_ENT_PERSON) return 1;
  return 0;
}

/* The nearest organisation named outside quotations before token t, in its
** sentence or the one before, or -1. */
/* The nearest organisation named outside quotations in [lo, t), or -1. */
static int32_t org_before_from(const resolver *r, size_t t, size_t lo) {
  for (size_t k = t; k-- > lo;) {
    int32_t e = r->ent_of[k];
    if (e >= 0 && r->c->owner[k] < 0 && r->ents->v[e].type == NW_ENT_ORG) return e;
  }
  return -1;
}

static int32_t org_before(const resolver *r, size_t t) {
  const qx_ctx *c = r->c;
  uint32_t s = c->d->tok[t].sentence;
  size_t lo = c->d->sent[s > 0 ? s - 1 : 0].first_tok;
  if (t > lo + SALIENCE_REACH) lo = t - SALIENCE_REACH;
  return org_before_from(r, t, lo);
}

/* The organisation an organisation's description [first, end) stands for:
** the nearest named before it, outside quotations, whose name holds its
** head ("the ministry": "Foreign Ministry"), else for a company or a group
** the nearest named in its sentence or the two before ("Twitter said … The
** company said"); -1 when none. */
static int32_t described_org(const resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  size_t lo = first > SALIENCE_REACH ? first - SALIENCE_REACH : 0;
  for (size_t k = first; k-- > lo;) {
    int32_t e = r->ent_of[k];
    if (e >= 0 && c->owner[k] < 0 && r->ents->v[e].type == NW_ENT_ORG && same_word(c, k, end - 1)) return e;
  }
  /* "the newspaper", "the board": only one whose name says so; a company or group, the nearest */
  static const char *const generic[] = {"company", "corporation", "firm", "group", "organization", "organisation"};
  size_t g = 0;
  while (g < sizeof generic / sizeof generic[0] && !nw_tok_is(c->d, end - 1, generic[g], 1)) g++;
  if (g == sizeof generic / sizeof generic[0]) return -1;
  uint32_t s = c->d->tok[first].sentence;
  size_t near = c->d->sent[s >= 2 ? s - 2 : 0].first_tok;
  return org_before_from(r, first, near > lo ? near : lo);
}

static int resolve_one(resolver *r, nw_quote *q, const nw_quote *last_person, const nw_quote *last_group,
                       const nw_quote *last_org);

/* resolve_one, the names it appends of the gender the mention says */
static int resolve_with_gender(resolver *r, nw_quote *q, const nw_quote *last_person, const nw_quote *last_group,
                               const nw_quote *last_org) {
  const qx_ctx *c = r->c;
  size_t first = q->speaker_tok_first, end = q->speaker_tok_end;
  uint32_t w = end - first == 1 ? qx_class(c, first) : 0;
  int g = G_NONE;
  if (w & QW_PRONOUN) g = w & QW_MALE ? G_MALE : w & QW_FEMALE ? G_FEMALE : G_NONE;
  else if (end > first) {
    size_t role_words = role_end(r, first, end);
    if (is_role_description(r, first, role_words)) person_noun_at(c, role_words - 1, &g);
  }
  r->want_gender = g;
  int rc = resolve_one(r, q, last_person, last_group, last_org);
  r->want_gender = G_NONE;
  return rc;
}

static int resolve_one(resolver *r, nw_quote *q, const nw_quote *last_person, const nw_quote *last_group,
                       const nw_quote *last_org) {
  const qx_ctx *c = r->c;
  nw_buf *names = &c->out->names;
  size_t first = q->speaker_tok_first, end = q->speaker_tok_end;
  size_t off = names->len;
  int rc = 0, person = 0;
  int32_t role, titled = -1;
  uint32_t w = end - first == 1 ? qx_class(c, first) : 0;
  if (w & QW_RELATIVE) {
    /* "Pence, who called it …": the noun phrase the pronoun follows; a person
    ** named right before the comma whatever that phrase ("a reply from Pence,
    ** who", "the mouth of Pence, who") */
    qx_span a = qx_np_trim(c, qx_np_left(c, first, c->d->sent[c->d->tok[first].sentence].first_tok, 0));
    int32_t e = first >= 2 && qx_is_char(c, first - 1, ',') ? r->ent_of[first - 2] : -1;
    if (e >= 0 && r->ents->v[e].type == NW_ENT_PERSON && r->ents->v[e].tok_end == first - 1 && c->owner[first - 2] < 0 &&
        (int32_t)r->ents->v[e].tok_first > a.first)
      a = (qx_span){(int32_t)r->ents->v[e].tok_first, (int32_t)r->ents->v[e].tok_end};
    if (a.first >= 0) {
      first = (size_t)a.first;
      end = (size_t)a.end;
      w = end - first == 1 ? qx_class(c, first) : 0;
    }
  }
  r->type = NW_SPEAKER_DESCRIPTION;
  size_t role_words = role_end(r, first, end); /* "the senator" of "the senator from Vermont" */
  if (w & QW_PRONOUN) {
    int g = w & QW_MALE ? G_MALE : w & QW_FEMALE ? G_FEMALE : G_NONE;
    const nw_quote *src = NULL;
    int unsure = 0;
    int32_t salient = g ? salient_person(r, first, g, &unsure) : -1;
    int32_t org = -1;
    if (w & QW_PLURAL) src = last_group;
    else if (nw_tok_is(c->d, first, "it", 1)) {
      /* "it said": the organisation that spoke last, close by, else one named just before */
      if (last_org && last_org->paragraph + 1 >= q->paragraph) src = last_org;
      else org = org_before(r, first);
    } else if (g && last_person && last_person->paragraph + 3 >= q->paragraph) {
      int lg = gender_of_mention(r, last_person);
      if (!lg) lg = resolved_gender(r, last_person); /* "Sanders himself": "Bernie Sanders" */
      if (!lg || lg == g) src = last_person;
    }
    /* a person of that gender who is the subject of the sentence before is
    ** more salient than an earlier speaker: "Mr. Obama dismissed the criticism
    ** as the voice of X's client. “…,” he said." */
    /* a person not surely the subject does not interrupt a speaker of the same
    ** paragraph known to be of that gender */
    if (unsure && src && src->paragraph == q->paragraph && gender_of_mention(r, src) == g) salient = -1;
    if (salient >= 0 && (!src || r->runs[salient].first > src->speaker_tok_end)) {
      src = NULL;
      if (append_name(r, r->runs[salient].core, r->runs[salient].end)) return -1;
      q->name_off = (uint32_t)off;
      q->name_len = (uint32_t)(names->len - off);
      q->speaker_type = NW_SPEAKER_PERSON;
      return 1;
    }
    if (!src && (w & QW_PLURAL)) {
      int got = append_pair_before(r, first, 0);
      if (got < 0) return -1;
      if (got) {
        q->name_off = (uint32_t)off;
        q->name_len = (uint32_t)(names->len - off);
        q->speaker_type = NW_SPEAKER_GROUP;
        return 0;
      }
    }
    /* a pronoun no name resolves is still a person ("he", "I") or a group ("they") */
    r->type = w & QW_PLURAL ? NW_SPEAKER_GROUP : nw_tok_is(c->d, first, "it", 1) ? NW_SPEAKER_DESCRIPTION : NW_SPEAKER_PERSON;
    if (org >= 0) {
      rc = append_entity(r, org);
    } else if (src && src->name_len) {
      /* copying from the arena into itself: make room first, the data may move */
      rc = nw_grow((void **)&names->data, &names->cap, names->len + src->name_len + 1, 1);
      if (!rc) rc = nw_buf_append(names, names->data + src->name_off, src->name_len);
      r->type = src->speaker_type;
    } else if (g) {
      int32_t ri = person_before(r, first, g);
      rc = ri >= 0 ? append_name(r, r->runs[ri].core, r->runs[ri].end) : append_tokens(r, first, end);
      if (ri >= 0 && !rc) nw_strmap_put(&r->gender, qx_text(c, r->runs[ri].end - 1), qx_len(c, r->runs[ri].end - 1), g);
      r->type = NW_SPEAKER_PERSON;
    } else {
      rc = append_tokens(r, first, end);
    }
  } else if (is_role_description(r, first, role_words) && ((role = titled = person_with_title(r, first, role_words)) >= 0 ||
                                                          (role = described_person(r, q, last_person, first, role_words)) >= 0)) {
    /* "President Obama" stays as written: the fullest name ending in "Obama"
    ** may be another member of the family */
    const name_run *run = &r->runs[role];
    rc = run->end - run->core >= 2 || role != titled ? append_name(r, run->core, run->end) : append_tokens(r, run->core, run->end);
    r->type = NW_SPEAKER_PERSON;
    person = 1;
  } else if (is_org_description(r, first, end) && (role = described_org(r, first, end)) >= 0) {
    rc = append_entity(r, role);
  } else if (is_plural_description(c, first, end)) {
    int got = append_pair_before(r, first, qx_class(c, end - 1) & (QW_PEOPLE | QW_PLACES));
    if (got < 0) return -1;
    if (!got) rc = append_description(r, first, end);
  } else if (!qx_cap(c, first) && !(qx_class(c, first) & QW_PRONOUN) && (role = apposition(r, first, end)) >= 0) {
    /* "Anthony Anton, president and CEO of …,": the person the description is set beside */
    rc = append_entity(r, role);
  } else {
    /* "Xi and Putin": each part resolved, joined with " and " */
    size_t s = first;
    int parts = 0;
    for (size_t k = first; k <= end && !rc; k++) {
      if (k < end && (!(qx_class(c, k) & QW_GROUP) || r->ent_of[k] >= 0 || !starts_member(r, k + 1, end))) continue;
      if (k > s) {
        if (s > first) rc = nw_buf_append(names, " and ", 5);
        if (!rc) rc = append_part(r, s, k);
        parts++;
      }
      s = k + 1;
    }
    if (parts > 1) r->type = NW_SPEAKER_GROUP;
  }
  if (rc) return -1;
  q->name_off = (uint32_t)off;
  q->name_len = (uint32_t)(names->len - off);
  q->speaker_type = (uint8_t)r->type;
  return person;
}

int qx_resolve(qx_ctx *c) {
  resolver r = {.c = c, .run_of = nw_scratch(NW_SCRATCH_QUOTE_RUNS, c->d->ntok * sizeof(int32_t)),
                .ent_of = malloc((c->d->ntok ? c->d->ntok : 1) * sizeof(int32_t))};
  int rc = -1;
  int any_speaker = 0;
  for (size_t i = 0; i < c->out->n && !any_speaker; i++) any_speaker = c->out->v[i].speaker_start != NW_QUOTE_NONE;
  if (!any_speaker) {
    rc = 0;
    goto done;
  }
  if (!r.run_of || !r.ent_of || nw_strmap_init(&r.by_last, 64, 1) || nw_strmap_init(&r.by_last_of[0], 16, 1) ||
      nw_strmap_init(&r.by_last_of[1], 16, 1) || nw_strmap_init(&r.by_first, 16, 1) ||
      nw_strmap_init(&r.first_seen, 64, 1) || nw_strmap_init(&r.acronym, 16, 0) || nw_strmap_init(&r.gender, 16, 1) ||
      find_entities(&r) || collect_runs(&r))
    goto done;
  const nw_quote *last_person = NULL, *last_group = NULL, *last_org = NULL;
  for (size_t i = 0; i < c->out->n; i++) {
    if ((i & 63) == 0 && nw_stop_requested()) break; /* interrupted: the call's rows are dropped */
    nw_quote *q = &c->out->v[i];
    if (q->speaker_start == NW_QUOTE_NONE) continue;
    int by_role = resolve_with_gender(&r, q, last_person, last_group, last_org);
    if (by_role < 0) goto done;
    /* a person: a resolved name of two words or more ("Chinese" is not one),
    ** "Mr. X", or the one a role description stands for */
    int full_name = q->name_len && memchr(c->out->names.data + q->name_off, ' ', q->name_len) != NULL;
    if (q->speaker_type == NW_SPEAKER_ORG) last_org = q;
    if (is_group(c, q)) last_group = q;
    else if (q->speaker_type != NW_SPEAKER_PERSON) continue; /* "he" never stands for "Chinese state media" */
    else if (by_role || has_class(c, q->speaker_tok_first, q->speaker_tok_end, QW_HONORIFIC)) last_person = q;
    else if (full_name && !has_class(c, q->speaker_tok_first, q->speaker_tok_end, QW_DOC | QW_LINK)) last_person = q;
  }
  rc = 0;
done:
  free(r.runs);
  nw_scratch_done(NW_SCRATCH_QUOTE_RUNS);
  free(r.pairs);
  free(r.ent_of);
  nw_entities_free(&r.own_ents);
  nw_strmap_free(&r.by_last);
  nw_strmap_free(&r.by_last_of[0]);
  nw_strmap_free(&r.by_last_of[1]);
  nw_strmap_free(&r.by_first);
  nw_strmap_free(&r.first_seen);
  nw_strmap_free(&r.acronym);
  nw_strmap_free(&r.gender);
  return rc;
}
