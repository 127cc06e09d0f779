/* One entity, one type per text: the tagger sometimes types the same name
** differently in two places ("Putin" PERSON, later LOC). A mention takes the
** type most of its identical mentions have; a mention that is the end of a
** person's name given in full in the text (a surname, "Brevik Jr." after
** "Tomas Brevik Jr.") is that person. */
#include "ner_imap.h"

static uint64_t span_key(const nw_doc *d, uint32_t start, uint32_t end) {
  return nw_hash_lower(d->text + start, end - start);
}

/* Does a shorter form of a person's name start at token k of e, past the
** first token: the last word ("Turabi" of "Hassan al-Turabi") or a word
** after a space ("Brevik Jr."; not "Luc Ortiz" of "Jean-Luc Ortiz")? */
static int name_tail_at(const nw_doc *d, const nw_entity *e, size_t k) {
  return k > e->tok_first && k < e->tok_end && d->tok[k].cls == NW_TOK_WORD &&
         (k + 1 == e->tok_end || d->tok[k].ws != NW_WS_NONE);
}

int ner_unify_types(const nw_doc *d, nw_entities *out) {
  size_t n = out->n;
  if (n < 2) return 0;
  size_t tails = 0;
  for (size_t i = 0; i < n; i++)
    if (out->v[i].type == NW_ENT_PERSON) tails += out->v[i].tok_end - out->v[i].tok_first;
  imap slot = {0}, tail = {0};
  uint16_t(*votes)[5] = calloc(n, sizeof *votes);
  int rc = -1;
  if (!votes || imap_init(&slot, n) || imap_init(&tail, tails)) goto done;
  size_t used = 0;
  for (size_t i = 0; i < n; i++) {
    const nw_entity *e = &out->v[i];
    uint64_t k = span_key(d, e->start, e->end);
    int32_t s = imap_get(&slot, k);
    if (s < 0) imap_put(&slot, k, s = (int32_t)used++);
    if (votes[s][e->type] < 0xFFFF) votes[s][e->type]++;
    if (e->type != NW_ENT_PERSON) continue;
    for (size_t t = e->tok_first + 1; t < e->tok_end; t++)
      if (name_tail_at(d, e, t)) imap_put(&tail, span_key(d, d->tok[t].start, e->end), 1);
  }
  for (size_t i = 0; i < n; i++) {
    nw_entity *e = &out->v[i];
    uint64_t k = span_key(d, e->start, e->end);
    if (imap_get(&tail, k) > 0) {
      e->type = NW_ENT_PERSON;
      continue;
    }
    const uint16_t *v = votes[imap_get(&slot, k)];
    int best = e->type;
    for (int t = 1; t <= 4; t++)
      if (v[t] > v[best]) best = t;
    e->type = (uint8_t)best;
  }
  rc = 0;
done:
  free(votes);
  imap_free(&slot);
  imap_free(&tail);
  return rc;
}
