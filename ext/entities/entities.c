/* nw_extract_entities: tag the document with the built-in model, turn BIO
** tags into mentions, narrow them to the name proper, then resolve each
** mention's canonical form and cluster (ner_canon.c). */
#include "ner_internal.h"

#include <stdlib.h>
#include <string.h>

/* Tagging buffers, one set per thread, reused across calls (no per-token allocations). */
static void clear_work(void *p) { ner_work_free(p); }

static ner_work *thread_work(void) { return nw_thread_object(NW_OBJECT_NER_WORK, sizeof(ner_work), clear_work); }

const char *nw_ent_type_name(int type) {
  switch (type) {
    case NW_ENT_PERSON: return "PERSON";
    case NW_ENT_ORG: return "ORG";
    case NW_ENT_LOC: return "LOC";
    case NW_ENT_MISC: return "MISC";
    default: return "";
  }
}

static int has_letter(const nw_doc *d, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (d->tok[i].cls == NW_TOK_WORD) return 1;
  return 0;
}

/* "... Wertheim & Co." at the end of a sentence: the period ends the
** sentence, not the name (an acronym such as "U.S." keeps its periods). */
static int sentence_final_period(const nw_doc *d, size_t i) {
  const nw_token *t = &d->tok[i];
  if (!(t->flags & NW_TF_ABBREV) || nw_tok_len(t) < 3) return 0;
  if (i + 1 < d->ntok && d->tok[i + 1].sentence == t->sentence) return 0;
  return memchr(d->text + t->start, '.', nw_tok_len(t) - 1) == NULL;
}

static int push_one(const nw_doc *d, nw_entities *out, size_t a, size_t b, int type) {
  if (nw_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v)) return -1;
  nw_entity *e = &out->v[out->n++];
  memset(e, 0, sizeof *e);
  e->start = d->tok[a].start;
  e->end = sentence_final_period(d, b - 1) ? d->tok[b - 1].end - 1 : d->tok[b - 1].end;
  e->tok_first = (uint32_t)a;
  e->tok_end = (uint32_t)b;
  e->sentence = d->tok[a].sentence;
  e->type = (uint8_t)type;
  e->canon_start = e->start;
  e->canon_end = e->end;
  return 0;
}

/* Longest name kept, in tokens and in bytes ("International Bank for
** Reconstruction and Development" is 6 tokens, 52 bytes). A longer run of
** tagged tokens is not a name but a pattern the tagger follows ("A. A. A.
** ...", "U.S.U.S.U.S..."): it is dropped, not split, since no part of it is
** more of a name than another. */
#define MAX_NAME_TOKENS 12
#define MAX_NAME_BYTES 160

/* Do tokens [a, b) hold only titles and honorifics? abbreviated: only those
** ("Mr.", "Sen.") that are never a name themselves (a title word such as
** "King" or "Lord" can be one). */
static int only_titles(const nw_doc *d, size_t a, size_t b, int abbreviated) {
  for (size_t i = a; i < b; i++) {
    const nw_token *t = &d->tok[i];
    const char *w = d->text + t->start;
    size_t n = nw_tok_len(t);
    if (t->cls != NW_TOK_WORD) continue;
    if (ner_is_honorific(w, n)) continue;
    if (!ner_is_title(w, n) || (abbreviated && !(t->flags & NW_TF_ABBREV))) return 0;
  }
  return 1;
}

/* Drop persons named by a title alone ("President" said) that no fuller
** mention in the text explains (as "Billie Jean King" explains "King"). */
static void drop_bare_titles(const nw_doc *d, nw_entities *out) {
  size_t k = 0;
  for (size_t i = 0; i < out->n; i++) {
    const nw_entity *e = &out->v[i];
    int bare = e->type == NW_ENT_PERSON && e->canon_start == e->start && e->canon_end == e->end &&
               only_titles(d, e->tok_first, e->tok_end, 0);
    if (!bare) out->v[k++] = *e;
  }
  out->n = k;
}

/* Do tokens [a, b) hold only initials ("A. B.")? Such a run is no name by
** itself: a name has a word of two letters or more ("J. Smith", "U.S."). */
static int only_initials(const nw_doc *d, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) {
    const nw_token *t = &d->tok[i];
    size_t n = nw_tok_len(t);
    const char *w = d->text + t->start;
    if (t->cls == NW_TOK_PUNCT && n == 1 && w[0] == '.') continue;
    if (t->cls != NW_TOK_WORD || !(n == 1 || (n == 2 && w[1] == '.'))) return 0;
  }
  return 1;
}

/* "other States", "certain States", "member States": the word as legal
** texts use it, a common noun after a modifier in lower case (not "the
** States" for the United States). */
static int common_states(const nw_doc *d, size_t a, size_t b) {
  if (b != a + 1 || a == 0 || !nw_tok_is(d, a, "States", 0)) return 0;
  const nw_token *p = &d->tok[a - 1];
  return p->cls == NW_TOK_WORD && (p->flags & NW_TF_LOWER_INITIAL) && !nw_tok_is(d, a - 1, "the", 0);
}

/* A name [a, b): narrowed to the name proper, typed by an unambiguous
** gazetteer entry, split when it joins two listed names with a hyphen. */
static int push_name(const nw_doc *d, nw_entities *out, size_t a, size_t b, int type) {
  if (!ner_trim_mention(d, &a, &b, &type) || !has_letter(d, a, b)) return 0;
  if (b - a > MAX_NAME_TOKENS || d->tok[b - 1].end - d->tok[a].start > MAX_NAME_BYTES || only_titles(d, a, b, 1) ||
      only_initials(d, a, b) || common_states(d, a, b))
    return 0;
  size_t cut = ner_gaz_pair_split(d, a, b);
  if (cut < b) {
    int t1 = ner_gaz_type(d, a, cut), t2 = ner_gaz_type(d, cut + 1, b);
    return push_one(d, out, a, cut, t1 > 0 ? t1 : type) || push_one(d, out, cut + 1, b, t2 > 0 ? t2 : type) ? -1 : 0;
  }
  int listed = ner_gaz_type(d, a, b);
  if (listed < 0) return 0;
  if (listed == NW_ENT_ORG && type == NW_ENT_LOC) type = listed;
  return push_one(d, out, a, b, type);
}

/* "SPUTNIK/Reuters": names joined by slashes are separate names. */
static int push_mention(const nw_doc *d, nw_entities *out, size_t a, size_t b, int type) {
  size_t from = a;
  for (size_t k = a + 1; k + 1 < b; k++)
    if (d->tok[k].cls == NW_TOK_PUNCT && d->text[d->tok[k].start] == '/') {
      if (push_name(d, out, from, k, type)) return -1;
      from = k + 1;
    }
  return push_name(d, out, from, b, type);
}

/* Mentions of a tagged document, appended to out. */
static int collect_mentions(const nw_doc *doc, uint8_t *tags, nw_entities *out) {
  ner_honorific_names(doc, tags);
  ner_hyphenated_persons(doc, tags);
  ner_demonym_orgs(doc, tags);
  for (size_t s = 0; s < doc->nsent; s++) {
    size_t a = doc->sent[s].first_tok, b = doc->sent[s].end_tok;
    for (size_t i = a; i < b;) {
      if (!tags[i]) { i++; continue; }
      int type = ner_tag_type(tags[i]);
      size_t j = i + 1;
      while (j < b && tags[j] == ner_tag_inside(type)) j++;
      if (push_mention(doc, out, i, j, type)) return -1;
      i = j;
    }
  }
  return 0;
}

/* Index of the token of doc that starts at byte off (or the last one before it). */
static size_t token_at(const nw_doc *doc, uint32_t off) {
  size_t lo = 0, hi = doc->ntok;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (doc->tok[mid].start <= off) lo = mid;
    else hi = mid;
  }
  return lo;
}

/* A very long text is tagged in windows of about NER_WINDOW tokens, cut at
** sentence starts where possible, so that the tagger's memory stays bounded
** (each window is tokenized again on its own; document hints then come from
** the window). Mentions are mapped back to the whole document's tokens. */
#define NER_WINDOW 200000

static int extract_windows(const ner_model *m, ner_work *w, const nw_doc *doc, nw_entities *out) {
  nw_doc sub = {0};
  nw_entities part = {0};
  int rc = 0;
  for (size_t t0 = 0; t0 < doc->ntok && rc == 0;) {
    if (nw_stop_requested()) { /* the caller was interrupted */
      rc = -1;
      break;
    }
    size_t t1 = t0 + NER_WINDOW < doc->ntok ? t0 + NER_WINDOW : doc->ntok;
    for (size_t k = t1; t1 < doc->ntok && k > t0 + NER_WINDOW / 2; k--)
      if (doc->tok[k].flags & NW_TF_SENT_START) {
        t1 = k;
        break;
      }
    uint32_t base = doc->tok[t0].start;
    part.n = 0;
    if (nw_tokenize(&sub, doc->text + base, doc->tok[t1 - 1].end - base) || ner_tag_doc(m, &sub, w) ||
        collect_mentions(&sub, w->tags, &part)) {
      rc = -1;
      break;
    }
    for (size_t i = 0; i < part.n; i++) {
      nw_entity e = part.v[i];
      e.start += base;
      e.end += base;
      e.tok_first = (uint32_t)token_at(doc, e.start);
      e.tok_end = (uint32_t)token_at(doc, e.end - 1) + 1;
      e.sentence = doc->tok[e.tok_first].sentence;
      e.canon_start = e.start;
      e.canon_end = e.end;
      if (nw_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v)) { rc = -1; break; }
      out->v[out->n++] = e;
    }
    t0 = t1;
  }
  nw_entities_free(&part);
  nw_doc_free(&sub);
  return rc;
}

int nw_extract_entities(const nw_doc *doc, nw_entities *out) {
  out->n = 0;
  const ner_model *m = ner_model_builtin();
  ner_work *w = thread_work();
  if (!m || !w || !ner_gaz_ready()) return -1; /* without its gazetteer the tagger would answer otherwise */
  if (doc->ntok == 0) return 0;
  if (doc->ntok > NER_WINDOW) {
    if (extract_windows(m, w, doc, out)) return -1;
  } else if (ner_tag_doc(m, doc, w) || collect_mentions(doc, w->tags, out)) {
    return -1;
  }
  if (ner_unify_types(doc, out) || ner_resolve_canonical(doc, out)) return -1;
  drop_bare_titles(doc, out);
  return 0;
}

_Static_assert(sizeof ((nw_entities_info *)0)->trained_with == NW_STAMP_LEN + 1, "a stamp and its NUL");

void nw_entities_describe(nw_entities_info *info) {
  memset(info, 0, sizeof *info);
  const ner_model *m = ner_model_builtin();
  info->gazetteer_phrases = ner_gaz_entries();
  info->tags = NER_NTAGS;
  ner_data_stamp(info->data_now);
  if (!m) return;
  memcpy(info->trained_with, m->data_stamp, sizeof info->trained_with);
  info->model_ok = 1;
  info->model_bytes = ner_model_builtin_size();
  info->rows_log2[0] = m->pass[0].rows_log2;
  info->rows_log2[1] = m->pass[1].rows_log2;
  info->cluster_words = m->clusters.count;
}

void nw_entities_free(nw_entities *e) {
  free(e->v);
  memset(e, 0, sizeof *e);
}
