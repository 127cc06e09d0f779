/* Canonical forms and clusters: each mention points at the fullest form the
** same text uses for the entity.
**  - a person's partial name ("Putin", "Mr. Small") -> the longest person
**    mention containing it ("Vladimir Putin");
**  - organisations and other names: a mention that ends a longer one of the
**    same type ("Security Council" -> "United Nations Security Council");
**    not places, where the longer name is another place ("Korea", "South Korea");
**  - an acronym -> its expansion: the mention right before "(ACRONYM)", or a
**    mention whose capitalized initials spell it ("U.S." -> "United States").
** Hash tables sized to the mentions: linear in the number of mentions. */
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
** capitalized and no final period, so a tagged span there may run over
** several names; it can be a mention but not another mention's fuller form. */
static int title_case_sentence(const nw_doc *d, uint32_t s) {
  int words = 0, caps = 0;
  const nw_token *last = &d->tok[d->sent[s].end_tok - 1];
  if (last->cls == NW_TOK_PUNCT && strchr(".!?", d->text[last->start])) return 0;
  for (uint32_t i = d->sent[s].first_tok; i < d->sent[s].end_tok; i++) {
    const nw_token *t = &d->tok[i];
    if (t->cls != NW_TOK_WORD) continue;
    words++;
    caps += (t->flags & NW_TF_UPPER_INITIAL) && !(t->flags & NW_TF_ALL_UPPER);
  }
  return words >= 4 && caps * 4 >= words * 3;
}

int ner_resolve_canonical(const nw_doc *d, nw_entities *out) {
  size_t n = out->n;
  if (!n) return 0;
  imap person = {0}, tail = {0}, acro = {0}, paren = {0}, clusters = {0};
  int rc = -1;
  int32_t *canon = malloc(n * sizeof *canon);
  if (!canon || imap_init(&person, n * 4) || imap_init(&tail, n) || imap_init(&acro, n) || imap_init(&paren, n) ||
      imap_init(&clusters, n))
    goto done;
  nw_entity *v = out->v;
  int64_t title_sent = -1; /* mentions come in text order: judge each sentence once */
  int title_case = 0;
  for (size_t i = 0; i < n; i++) {
    canon[i] = (int32_t)i;
    nw_entity *e = &v[i];
    if (e->sentence != title_sent) title_sent = e->sentence, title_case = title_case_sentence(d, e->sentence);
    if ((ntoks(e) > 1 && title_case) || ntoks(e) > MAX_NAME_TOKENS) continue;
    if (e->type == NW_ENT_PERSON) {
      for (uint32_t t = e->tok_first; t < e->tok_end; t++) {
        if (d->tok[t].cls != NW_TOK_WORD) continue;
        int32_t b = imap_get(&person, tok_key(d, t));
        if (b < 0 || fuller(e, &v[b])) imap_put(&person, tok_key(d, t), (int32_t)i);
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
      c = imap_get(&person, tok_key(d, e->tok_end - 1));
      if (c >= 0 && !contained(d, e, &v[c], 0)) c = -1;
    } else if (c < 0 && e->type != NW_ENT_LOC) {
      c = imap_get(&tail, tok_key(d, e->tok_end - 1) * 7 + e->type);
      if (c >= 0 && !contained(d, e, &v[c], 1)) c = -1;
    }
    if (c >= 0 && c != (int32_t)i && fuller(&v[c], e)) canon[i] = c;
  }
  /* one step further: the expansion of an acronym may itself have a fuller form */
  for (size_t i = 0; i < n; i++) canon[i] = canon[canon[i]];
  uint32_t next = 0;
  for (size_t i = 0; i < n; i++) {
    nw_entity *e = &v[i], *c = &v[canon[i]];
    e->canon_start = c->start;
    e->canon_end = c->end;
    uint64_t k = nw_hash_lower(d->text + c->start, c->end - c->start) * 5 + e->type;
    int32_t cl = imap_get(&clusters, k);
    if (cl < 0) imap_put(&clusters, k, cl = (int32_t)next++);
    e->cluster = (uint32_t)cl;
  }
  rc = 0;
done:
  free(canon);
  imap_free(&person);
  imap_free(&tail);
  imap_free(&acro);
  imap_free(&paren);
  imap_free(&clusters);
  return rc;
}
