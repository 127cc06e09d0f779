/* One article's analysis, computed by a worker thread: the text tokenized
** once and read by the three extractors, spans kept as bytes (for the
** writer's text columns) and as 1-based characters (for start/length, as
** the table functions count them, via the same nw_charmap). */
#include <stdlib.h>
#include <string.h>

#include "corpus_link.h"
#include "tvf.h"

static int grow(void **v, size_t *cap, size_t n, size_t sz) { return nw_grow(v, cap, n + 1, sz); }

static int add_entities(cp_analysis *a, const nw_entities *e, nw_charmap *cm) {
  for (size_t i = 0; i < e->n; i++) {
    const nw_entity *x = &e->v[i];
    if (grow((void **)&a->m, &a->mcap, a->nm, sizeof *a->m)) return -1;
    cp_mention *m = &a->m[a->nm++];
    m->start = nw_charmap_count(cm, x->start) + 1;
    m->length = nw_charmap_count(cm, x->end) - m->start + 1;
    m->b0 = x->start, m->b1 = x->end, m->c0 = x->canon_start, m->c1 = x->canon_end;
    m->sentence = x->sentence + 1;
    m->type = x->type;
  }
  return 0;
}

static int add_quotes(cp_analysis *a, const nw_doc *doc, const nw_quotes *qs, nw_charmap *cm) {
  if (nw_buf_append(&a->names, qs->names.data ? qs->names.data : "", qs->names.len)) return -1;
  for (size_t i = 0; i < qs->n; i++) {
    const nw_quote *x = &qs->v[i];
    if (grow((void **)&a->q, &a->qcap, a->nq, sizeof *a->q)) return -1;
    cp_quote *q = &a->q[a->nq++];
    memset(q, 0, sizeof *q);
    q->start = nw_charmap_count(cm, x->start) + 1;
    q->length = nw_charmap_count(cm, x->end) - q->start + 1;
    q->b0 = x->inner_start, q->b1 = x->inner_end;
    q->kind = x->kind;
    q->sentence = x->tok_open < doc->ntok ? doc->tok[x->tok_open].sentence + 1 : 0;
    if (x->cue_start != NW_QUOTE_NONE) q->has_cue = 1, q->cue0 = x->cue_start, q->cue1 = x->cue_end;
    if (x->speaker_start != NW_QUOTE_NONE) {
      q->spk0 = x->speaker_start, q->spk1 = x->speaker_end;
      q->spk_start = nw_charmap_count(cm, x->speaker_start) + 1;
      q->spk_length = nw_charmap_count(cm, x->speaker_end) - q->spk_start + 1;
      q->name_off = x->name_off, q->name_len = x->name_len;
      q->spk_type = x->speaker_type;
    }
  }
  return 0;
}

static int add_dates(cp_analysis *a, const nw_timexes *t, nw_charmap *cm) {
  for (size_t i = 0; i < t->n; i++) {
    const nw_timex *x = &t->v[i];
    if (grow((void **)&a->d, &a->dcap, a->nd, sizeof *a->d)) return -1;
    cp_date *d = &a->d[a->nd++];
    d->start = nw_charmap_count(cm, x->start) + 1;
    d->length = nw_charmap_count(cm, x->end) - d->start + 1;
    d->b0 = x->start, d->b1 = x->end;
    d->type = x->type;
    memcpy(d->value, x->value, sizeof d->value);
    d->value[sizeof d->value - 1] = 0;
  }
  return 0;
}

/* Positions must be counted in text order for the char map to read the text
** about once: each list is in text order, and the map goes back to its
** nearest checkpoint between lists. */
int cp_analyze_text(const char *text, size_t len, const char *published, cp_analysis *a) {
  a->nm = a->nq = a->nd = 0;
  a->names.len = a->link_names.len = 0;
  a->failed = 0;
  a->day = nw_identity_day(published, published ? strlen(published) : 0);
  size_t ref_len = published ? strlen(published) : 0;
  if (ref_len > 10) ref_len = 10; /* "YYYY-MM-DD..." */
  nw_doc *doc = nw_doc_acquire();
  nw_entities ents = {0};
  nw_quotes qs = {0};
  nw_timexes tx = {0};
  nw_charmap cm;
  int have_map = 0, rc = -1;
  if (doc && nw_tokenize(doc, text, len) == 0 && nw_extract_entities(doc, &ents) == 0 &&
      nw_extract_quotes_given(doc, &ents, &qs) == 0 && nw_dates_extract(doc, ref_len ? published : NULL, ref_len, &tx) == 0 &&
      nw_charmap_build(&cm, text, len) == 0) {
    have_map = 1;
    rc = add_entities(a, &ents, &cm) || add_quotes(a, doc, &qs, &cm) || add_dates(a, &tx, &cm) ||
                 lk_names_of_analysis(text, a, &a->link_names)
             ? -1
             : 0;
  }
  if (have_map) nw_charmap_free(&cm);
  nw_entities_free(&ents);
  nw_quotes_free(&qs);
  nw_timexes_free(&tx);
  if (doc) nw_doc_release(doc);
  if (rc) {
    a->nm = a->nq = a->nd = 0;
    a->link_names.len = 0;
    a->failed = len > NW_MAX_TEXT ? 1 : CP_NO_MEMORY;
  }
  return rc;
}

void cp_analysis_free(cp_analysis *a) {
  free(a->m);
  free(a->q);
  free(a->d);
  nw_buf_free(&a->names);
  nw_buf_free(&a->link_names);
  memset(a, 0, sizeof *a);
}
