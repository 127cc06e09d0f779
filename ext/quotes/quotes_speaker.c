/* Cue and speaker of each quotation. Each outermost quotation gets two
** frames: the clause before its opening mark and the clause after its
** closing mark (both stop at a sentence end, another quotation or the
** paragraph end). A cue in a frame gives the speaker through the noun phrase
** it governs; without a cue, a quotation continues the previous speaker. */
#include "quotes_np.h"

enum { FRAME_MAX = 60, AFTER_CUE_REACH = 16 };

typedef struct frame {
  size_t lo, hi;   /* token range [lo, hi) */
  int after_quote; /* the frame begins right after another quotation */
} frame;

typedef struct attribution {
  qx_span speaker;
  int32_t cue_first, cue_end; /* cue_first = -1 when none */
} attribution;

static int is_terminal(const qx_ctx *c, size_t i) {
  const nw_token *t = &c->d->tok[i];
  if (t->cls != NW_TOK_PUNCT) return 0;
  char ch = c->d->text[t->start];
  return ch == '.' || ch == '!' || ch == '?' || (nw_tok_len(t) == 3 && (unsigned char)ch == 0xE2 && c->d->text[t->start + 2] == '\xA6');
}

static frame frame_before(const qx_ctx *c, const nw_quote *q) {
  frame f = {q->tok_open, q->tok_open, 0};
  uint32_t para = q->paragraph;
  while (f.lo > 0 && f.hi - f.lo < FRAME_MAX) {
    size_t j = f.lo - 1;
    if (c->para[j] != para || is_terminal(c, j)) break;
    if (c->owner[j] >= 0) { f.after_quote = 1; break; }
    f.lo = j;
  }
  return f;
}

static frame frame_after(const qx_ctx *c, const nw_quote *q) {
  frame f = {q->tok_close + 1, q->tok_close + 1, 0};
  if (!q->closed) return (frame){0, 0, 0};
  uint32_t para = q->paragraph;
  while (f.hi < c->d->ntok && f.hi - f.lo < FRAME_MAX) {
    size_t j = f.hi;
    if (c->para[j] != para || is_terminal(c, j) || c->owner[j] >= 0) break;
    f.hi = j + 1;
  }
  return f;
}

/* Cue at token i: its index (1-based) and end token, or 0. */
static int cue_at(const qx_ctx *c, size_t i, size_t lo, size_t *end) {
  if (!qx_is_word(c, i)) return 0;
  const nw_token *t = &c->d->tok[i];
  if (!(t->flags & NW_TF_LOWER_INITIAL) && !(i == lo || (t->flags & NW_TF_SENT_START))) return 0;
  int cue = qx_cue_of(qx_text(c, i), qx_len(c, i));
  if (!cue) return 0;
  /* "so-called": part of a word */
  if (i > 0 && t->ws == NW_WS_NONE && qx_is_char(c, i - 1, '-')) return 0;
  /* "the statement", "his call": a noun after a determiner */
  if (i > 0 && (qx_class(c, i - 1) & QW_DET) && !(qx_class(c, i - 1) & QW_PRONOUN)) return 0;
  int has_particle = i + 1 < c->d->ntok && qx_is_word(c, i + 1) && qx_cue_particle(cue, qx_text(c, i + 1), qx_len(c, i + 1));
  if (qx_cues[cue - 1].need_particle && !has_particle) return 0;
  *end = i + 1 + (size_t)has_particle;
  return cue;
}

static attribution none_found(void) { return (attribution){{-1, -1}, -1, -1}; }

/* The source a cue governs, looking in [lo, hi). */
static qx_span source_of(const qx_ctx *c, int cue, size_t at, size_t end, size_t lo, size_t hi, int inverted_ok) {
  int type = qx_cues[cue - 1].type;
  if (type == CUE_SOURCE) return qx_np_right(c, end, hi);
  if (type == CUE_QUOTED) {
    /* "Reuters quoted Putin as saying" */
    qx_span obj = qx_np_right(c, end, hi);
    if (obj.first >= 0 && (size_t)obj.end < hi && nw_tok_is(c->d, (size_t)obj.end, "as", 1)) return obj;
  }
  qx_span s = at > lo ? qx_np_left(c, at - 1, lo, 1) : (qx_span){-1, -1};
  if (s.first < 0 && inverted_ok && type == CUE_SAY) s = qx_np_right(c, end, hi);
  return s;
}

static int only_punct(const qx_ctx *c, size_t lo, size_t hi) {
  for (size_t k = lo; k < hi; k++)
    if (c->d->tok[k].cls != NW_TOK_PUNCT) return 0;
  return 1;
}

/* "“…,” said X" / "“…,” X said" / "“…,” according to X". */
static attribution try_after(const qx_ctx *c, frame f, size_t reach) {
  attribution a = none_found();
  size_t lim = f.lo + reach < f.hi ? f.lo + reach : f.hi;
  for (size_t k = f.lo; k < lim; k++) {
    size_t end;
    int cue = cue_at(c, k, f.lo, &end);
    if (!cue) continue;
    a.cue_first = (int32_t)k;
    a.cue_end = (int32_t)end;
    a.speaker = source_of(c, cue, k, end, f.lo, f.hi, only_punct(c, f.lo, k));
    return a;
  }
  return a;
}

/* "X said “…”" / "According to X, “…”" / "X: “…”": the cue nearest the quotation first. */
static attribution try_before(const qx_ctx *c, frame f) {
  attribution first = none_found();
  for (size_t k = f.hi; k-- > f.lo;) {
    size_t end;
    int cue = cue_at(c, k, f.lo, &end);
    if (!cue) continue;
    qx_span s = source_of(c, cue, k, end, f.lo, f.hi, f.after_quote && only_punct(c, f.lo, k));
    attribution a = {s, (int32_t)k, (int32_t)end};
    if (s.first >= 0) return a;
    if (first.cue_first < 0) first = a;
  }
  if (first.cue_first >= 0) return first;
  /* "WALLACE: …" or "The senator:" — the whole clause names the source */
  if (f.hi > f.lo + 1 && qx_is_char(c, f.hi - 1, ':')) {
    qx_span s = qx_np_left(c, f.hi - 2, f.lo, 0);
    if (s.first == (int32_t)f.lo) return (attribution){s, (int32_t)f.hi - 1, (int32_t)f.hi};
  }
  return first;
}

static int word_count(const qx_ctx *c, const nw_quote *q) {
  int n = 0;
  for (size_t k = q->tok_open + 1; k < q->tok_close && k < c->d->ntok; k++)
    if (c->d->tok[k].cls == NW_TOK_WORD || c->d->tok[k].cls == NW_TOK_NUMBER) n++;
  return n;
}

static void set_attribution(const qx_ctx *c, nw_quote *q, attribution a) {
  const nw_token *tok = c->d->tok;
  if (a.speaker.first >= 0) {
    q->speaker_tok_first = (uint32_t)a.speaker.first;
    q->speaker_tok_end = (uint32_t)a.speaker.end;
    q->speaker_start = tok[a.speaker.first].start;
    q->speaker_end = tok[a.speaker.end - 1].end;
  }
  if (a.cue_first >= 0) {
    q->cue_start = tok[a.cue_first].start;
    q->cue_end = tok[a.cue_end - 1].end;
  }
}

/* The previous quotation's paragraph ends with it (a quotation, then at most its attribution). */
static int ends_paragraph_near(const qx_ctx *c, const nw_quote *p) {
  size_t k = p->tok_close + 1, n = 0;
  if (!p->closed) return 1;
  while (k < c->d->ntok && c->para[k] == p->paragraph && n < 12) { k++; n++; }
  return k >= c->d->ntok || c->para[k] != p->paragraph;
}

int qx_attribute(qx_ctx *c) {
  nw_quotes *out = c->out;
  const nw_quote *prev = NULL; /* last outermost quotation with a speaker */
  for (size_t i = 0; i < out->n; i++) {
    nw_quote *q = &out->v[i];
    if (q->depth == 0) {
      frame fb = frame_before(c, q), fa = frame_after(c, q);
      size_t last_inner = q->tok_close > q->tok_open + 1 ? q->tok_close - 1 : q->tok_open;
      int ends_sentence = q->closed && is_terminal(c, last_inner) && qx_is_char(c, last_inner, '.');
      attribution a = none_found();
      if (fa.hi > fa.lo && !ends_sentence) a = try_after(c, fa, AFTER_CUE_REACH);
      if (a.speaker.first < 0) {
        attribution b = try_before(c, fb);
        if (b.speaker.first >= 0 || a.cue_first < 0) a = b;
      }
      if (a.speaker.first < 0 && a.cue_first < 0 && fa.hi > fa.lo && ends_sentence) a = try_after(c, fa, 4);
      if (a.speaker.first < 0 && prev) {
        /* a continuation: same sentence or paragraph, or the next paragraph of a running quotation */
        int same_para = prev->paragraph == q->paragraph;
        int next_para = prev->paragraph + 1 == q->paragraph && fb.hi == fb.lo && ends_paragraph_near(c, prev);
        if (same_para || next_para) {
          q->speaker_tok_first = prev->speaker_tok_first;
          q->speaker_tok_end = prev->speaker_tok_end;
          q->speaker_start = prev->speaker_start;
          q->speaker_end = prev->speaker_end;
          q->continued = 1;
          a.speaker.first = (int32_t)prev->speaker_tok_first;
        }
      }
      if (!q->continued) set_attribution(c, q, a);
      if (q->continued && a.cue_first >= 0) set_attribution(c, q, (attribution){{-1, -1}, a.cue_first, a.cue_end});
      if (q->speaker_start != NW_QUOTE_NONE) prev = q;
    }
    int scare = q->speaker_start == NW_QUOTE_NONE && q->cue_start == NW_QUOTE_NONE && word_count(c, q) <= 4;
    q->kind = scare ? NW_QUOTE_SCARE : NW_QUOTE_DIRECT;
  }
  return 0;
}
