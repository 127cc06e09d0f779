/* Quotation spans: classify each quotation mark (opening, closing, either, or
** an apostrophe), pair the marks per paragraph with a stack, close whatever is
** left open at the paragraph end (double marks only: a quotation running over
** paragraphs is reopened in each), then sort the spans and compute nesting. */
#include <stdlib.h>
#include <string.h>

#include "quotes_internal.h"

enum { FAM_DOUBLE = 1, FAM_SINGLE, MAX_OPEN = 32 };
enum { R_APOS = 0, R_OPEN, R_CLOSE, R_EITHER };

typedef struct mark_kind {
  const char *s;
  uint8_t family, role;
} mark_kind;

/* The marks and what they do by themselves (context can override). */
static const mark_kind marks[] = {
  {"\xE2\x80\x9C", FAM_DOUBLE, R_OPEN},  /* “ */
  {"\xE2\x80\x9D", FAM_DOUBLE, R_CLOSE}, /* ” */
  {"\xE2\x80\x9E", FAM_DOUBLE, R_OPEN},  /* „ */
  {"\xC2\xAB", FAM_DOUBLE, R_OPEN},      /* « */
  {"\xC2\xBB", FAM_DOUBLE, R_CLOSE},     /* » */
  {"\"", FAM_DOUBLE, R_EITHER},
  {"''", FAM_DOUBLE, R_EITHER},
  {"``", FAM_DOUBLE, R_OPEN},
  {"\xE2\x80\x98", FAM_SINGLE, R_OPEN},  /* ‘ */
  {"\xE2\x80\x99", FAM_SINGLE, R_CLOSE}, /* ’ */
  {"'", FAM_SINGLE, R_EITHER},
  {"\xE2\x80\xB9", FAM_SINGLE, R_OPEN},  /* ‹ */
  {"\xE2\x80\xBA", FAM_SINGLE, R_CLOSE}, /* › */
};

static const mark_kind *mark_of(const qx_ctx *c, size_t i) {
  const nw_token *t = &c->d->tok[i];
  if (t->cls != NW_TOK_QUOTE) return NULL;
  size_t n = nw_tok_len(t);
  for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
    if (strlen(marks[k].s) == n && memcmp(marks[k].s, c->d->text + t->start, n) == 0) return &marks[k];
  return NULL;
}

/* A line break ends a paragraph unless the line was wrapped mid-sentence. */
static int starts_paragraph(const nw_doc *d, size_t i) {
  const nw_token *t = &d->tok[i];
  if (i == 0 || t->ws == NW_WS_PARAGRAPH) return 1;
  if (t->ws != NW_WS_NEWLINE) return 0;
  if (t->flags & NW_TF_LOWER_INITIAL) return 0;
  const nw_token *p = &d->tok[i - 1];
  return !(p->cls == NW_TOK_PUNCT && (d->text[p->start] == ',' || d->text[p->start] == '('));
}

typedef struct open_mark {
  uint32_t tok;
  uint8_t family;
} open_mark;

typedef struct pairer {
  qx_ctx *c;
  open_mark *stack;
  size_t n, cap;
  size_t open[3]; /* open marks per family */
} pairer;

static int emit(pairer *p, uint32_t open, uint32_t close, int closed, uint32_t para) {
  nw_quotes *q = p->c->out;
  const nw_doc *d = p->c->d;
  if (nw_grow((void **)&q->v, &q->cap, q->n + 1, sizeof *q->v)) return -1;
  nw_quote *r = &q->v[q->n++];
  memset(r, 0, sizeof *r);
  r->tok_open = open;
  r->tok_close = close;
  r->closed = (uint8_t)closed;
  r->paragraph = para;
  r->start = d->tok[open].start;
  uint32_t last = closed ? close : close - 1; /* last token of the quotation */
  r->end = d->tok[last].end;
  uint32_t in_last = closed ? close - 1 : close - 1;
  if (open + 1 <= in_last && open + 1 < d->ntok) {
    r->inner_start = d->tok[open + 1].start;
    r->inner_end = d->tok[in_last].end;
  } else {
    r->inner_start = r->inner_end = d->tok[open].end;
  }
  r->speaker_start = r->speaker_end = NW_QUOTE_NONE;
  r->cue_start = r->cue_end = NW_QUOTE_NONE;
  return 0;
}

static int top_family(const pairer *p, int family) {
  for (size_t k = p->n; k-- > 0;)
    if (p->stack[k].family == family) return (int)k;
  return -1;
}

/* Close every quotation still open at the end of a paragraph (tokens < end). */
static int end_paragraph(pairer *p, uint32_t end, uint32_t para) {
  for (size_t k = 0; k < p->n; k++)
    if (p->stack[k].family == FAM_DOUBLE && p->stack[k].tok + 1 < end)
      if (emit(p, p->stack[k].tok, end, 0, para)) return -1;
  p->n = 0;
  p->open[FAM_DOUBLE] = p->open[FAM_SINGLE] = 0;
  return 0;
}

/* Decide what the mark at i does, given the open marks. */
static int role_in_context(const qx_ctx *c, const pairer *p, size_t i, const mark_kind *m, uint32_t para) {
  const nw_doc *d = c->d;
  int glued_left = i > 0 && d->tok[i].ws == NW_WS_NONE && c->para[i - 1] == para;
  int glued_right = i + 1 < d->ntok && d->tok[i + 1].ws == NW_WS_NONE && c->para[i + 1] == para;
  int next_cls = i + 1 < d->ntok ? d->tok[i + 1].cls : 0;
  int open_here = top_family(p, m->family) >= 0;
  if (m->family == FAM_SINGLE) {
    /* ’90s, ’n’, ’em: an elision, not a mark */
    if (next_cls == NW_TOK_NUMBER && glued_right) return R_APOS;
    if (glued_right && i + 2 < d->ntok && qx_len(c, i + 1) == 1 && (qx_text(c, i + 1)[0] | 32) == 'n' &&
        d->tok[i + 2].cls == NW_TOK_QUOTE && d->tok[i + 2].ws == NW_WS_NONE)
      return R_APOS;
    if (glued_left && !glued_right) return open_here ? R_CLOSE : R_APOS; /* players’ union */
    if (glued_left && glued_right) return next_cls == NW_TOK_PUNCT && open_here ? R_CLOSE : R_APOS;
    if (!glued_left && glued_right) {
      if (m->role == R_CLOSE) return R_APOS; /* ’em */
      if (i > 0 && d->tok[i - 1].cls == NW_TOK_QUOTE && d->tok[i].ws == NW_WS_NONE && open_here) return R_CLOSE;
      return R_OPEN;
    }
    return R_APOS; /* spaced on both sides */
  }
  if (m->role == R_OPEN && open_here && glued_left && !glued_right && top_family(p, FAM_DOUBLE) >= 0 &&
      (d->tok[i - 1].cls != NW_TOK_QUOTE))
    return R_CLOSE; /* “ misused as a closing mark */
  if (m->role == R_CLOSE && !open_here && !glued_left && (glued_right || starts_paragraph(d, i))) return R_OPEN; /* ” misused */
  if (m->role != R_EITHER) return m->role;
  if (open_here) {
    /* an opening-looking mark right after a clause end starts a new quotation
    ** only when the open one began in this paragraph with a closing look */
    return R_CLOSE;
  }
  if (glued_left && !glued_right) return R_APOS; /* a stray closing mark: ignore */
  return R_OPEN;
}

int qx_find_quotes(qx_ctx *c) {
  const nw_doc *d = c->d;
  pairer p = {c, NULL, 0, 0, {0, 0, 0}};
  uint32_t para = 0;
  for (size_t i = 0; i < d->ntok; i++) {
    if (i > 0 && starts_paragraph(d, i)) para++;
    c->para[i] = para;
  }
  int rc = 0;
  for (size_t i = 0; i < d->ntok && !rc; i++) {
    if (i > 0 && c->para[i] != c->para[i - 1]) rc = end_paragraph(&p, (uint32_t)i, c->para[i - 1]);
    if (rc) break;
    const mark_kind *m = mark_of(c, i);
    if (!m) continue;
    int role = role_in_context(c, &p, i, m, c->para[i]);
    if (role == R_OPEN) {
      /* deeper nesting is noise; the cap keeps each mark's search short */
      if (p.open[m->family] >= MAX_OPEN) continue;
      p.open[m->family]++;
      if (nw_grow((void **)&p.stack, &p.cap, p.n + 1, sizeof *p.stack)) { rc = -1; break; }
      p.stack[p.n++] = (open_mark){(uint32_t)i, m->family};
    } else if (role == R_CLOSE) {
      int k = top_family(&p, m->family);
      if (k < 0) continue;
      /* marks opened inside and never closed were not quotation marks */
      rc = emit(&p, p.stack[k].tok, (uint32_t)i, 1, c->para[i]);
      while (p.n > (size_t)k) p.open[p.stack[--p.n].family]--;
    }
  }
  if (!rc && d->ntok) rc = end_paragraph(&p, (uint32_t)d->ntok, c->para[d->ntok - 1]);
  free(p.stack);
  if (rc) return -1;
  return 0;
}
