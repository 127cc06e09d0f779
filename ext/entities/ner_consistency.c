/* One entity, one type per text: the tagger sometimes types the same name
** differently in two places ("Putin" PERSON, later LOC). A mention takes the
** type most of its identical mentions have; a lone word that is the surname
** of a person named in full in the text is that person. */
#include "ner_imap.h"

static uint64_t mention_key(const nw_doc *d, const nw_entity *e) {
  return nw_hash_lower(d->text + e->start, e->end - e->start);
}

int ner_unify_types(const nw_doc *d, nw_entities *out) {
  size_t n = out->n;
  if (n < 2) return 0;
  imap slot = {0}, surname = {0};
  uint16_t(*votes)[5] = calloc(n, sizeof *votes);
  int rc = -1;
  if (!votes || imap_init(&slot, n) || imap_init(&surname, n)) goto done;
  size_t used = 0;
  for (size_t i = 0; i < n; i++) {
    const nw_entity *e = &out->v[i];
    uint64_t k = mention_key(d, e);
    int32_t s = imap_get(&slot, k);
    if (s < 0) imap_put(&slot, k, s = (int32_t)used++);
    if (votes[s][e->type] < 0xFFFF) votes[s][e->type]++;
    if (e->type == NW_ENT_PERSON && e->tok_end - e->tok_first >= 2) imap_put(&surname, tok_key(d, e->tok_end - 1), 1);
  }
  for (size_t i = 0; i < n; i++) {
    nw_entity *e = &out->v[i];
    if (e->tok_end - e->tok_first == 1 && imap_get(&surname, tok_key(d, e->tok_first)) > 0) {
      e->type = NW_ENT_PERSON;
      continue;
    }
    const uint16_t *v = votes[imap_get(&slot, mention_key(d, e))];
    int best = e->type;
    for (int t = 1; t <= 4; t++)
      if (v[t] > v[best]) best = t;
    e->type = (uint8_t)best;
  }
  rc = 0;
done:
  free(votes);
  imap_free(&slot);
  imap_free(&surname);
  return rc;
}
