/* Speaker names: a mention resolved to the fullest name the text gives.
** - names: the longest name in the text with the same last word
**   ("Mr. Putin" -> "Vladimir Putin"); an acronym to its expansion given as
**   "Name (ACR)";
** - pronouns: "he"/"she" to the last person speaker of compatible gender,
**   else the nearest person named before; "they"/"we" to the last group;
** - documents to their issuer ("the Kremlin statement" -> "Kremlin");
** - groups joined with "and", each part resolved.
** Anything else keeps the mention ("Western nations"). */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
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
static int append_part(resolver *r, size_t first, size_t end) {
  const qx_ctx *c = r->c;
  if (has_class(c, first, end, QW_DOC)) {
    int ri = issuer_run(r, first, end);
    if (ri >= 0) return append_name(r, r->runs[ri].core, r->runs[ri].end);
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

/* "the two leaders", "they": the last pair of names before token t that fits. */
static int append_pair_before(resolver *r, size_t t, uint32_t want) {
  for (size_t k = r->npair; k-- > 0;) {
    const name_pair *p = &r->pairs[k];
    if (r->runs[p->b].end > t) continue;
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

/* The nearest person named before token t, compatible with gender g. */
static int32_t person_before(const resolver *r, size_t t, int g) {
  for (size_t k = t; k-- > 0 && t - k < 400;) {
    int32_t ri = r->run_of[k];
    if (ri < 0) continue;
    const name_run *run = &r->runs[ri];
    k = run->first;
    if (run->end - run->core < 2 && !run->gender) continue; /* a person: a full name or "Mr. X" */
    if (has_class(r->c, run->core, run->end, QW_LINK)) continue;
    int rg = nw_strmap_get(&r->gender, qx_text(r->c, run->end - 1), qx_len(r->c, run->end - 1), G_NONE);
    if (g && rg && rg != g) continue;
    return ri;
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

static int resolve_one(resolver *r, nw_quote *q, const nw_quote *last_person, const nw_quote *last_group) {
  const qx_ctx *c = r->c;
  nw_buf *names = &c->out->names;
  size_t first = q->speaker_tok_first, end = q->speaker_tok_end;
  size_t off = names->len;
  int rc = 0;
  uint32_t w = end - first == 1 ? qx_class(c, first) : 0;
  if (w & QW_PRONOUN) {
    int g = w & QW_MALE ? G_MALE : w & QW_FEMALE ? G_FEMALE : G_NONE;
    const nw_quote *src = NULL;
    if (w & QW_PLURAL) src = last_group;
    else if (g && last_person && last_person->paragraph + 3 >= q->paragraph) {
      int lg = gender_of_mention(r, last_person);
      if (!lg || lg == g) src = last_person;
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
  return 0;
}

int qx_resolve(qx_ctx *c) {
  resolver r = {c, NULL, 0, 0, malloc(c->d->ntok * sizeof(int32_t)), NULL, 0, 0, NULL, 0, {0}, {0}, {0}, {0}, {0}};
  int rc = -1;
  if (!r.run_of || nw_strmap_init(&r.by_last, 64, 1) || nw_strmap_init(&r.by_first, 16, 1) || nw_strmap_init(&r.first_seen, 64, 1) || nw_strmap_init(&r.acronym, 16, 0) ||
      nw_strmap_init(&r.gender, 16, 1) || collect_runs(&r))
    goto done;
  const nw_quote *last_person = NULL, *last_group = NULL;
  for (size_t i = 0; i < c->out->n; i++) {
    nw_quote *q = &c->out->v[i];
    if (q->speaker_start == NW_QUOTE_NONE) continue;
    if (resolve_one(&r, q, last_person, last_group)) goto done;
    /* a person: a resolved name of two words or more ("Chinese" is not one) */
    int full_name = q->name_len && memchr(c->out->names.data + q->name_off, ' ', q->name_len) != NULL;
    if (is_group(c, q)) last_group = q;
    else if (full_name && !has_class(c, q->speaker_tok_first, q->speaker_tok_end, QW_DOC | QW_LINK)) last_person = q;
  }
  rc = 0;
done:
  free(r.runs);
  free(r.run_of);
  free(r.pairs);
  free(r.ent_type);
  nw_strmap_free(&r.by_last);
  nw_strmap_free(&r.by_first);
  nw_strmap_free(&r.first_seen);
  nw_strmap_free(&r.acronym);
  nw_strmap_free(&r.gender);
  return rc;
}
