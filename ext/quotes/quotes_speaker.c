/* Cue and speaker of each quotation. Each outermost quotation gets two
** frames: the clause before its opening mark and the clause after its
** closing mark (both stop at a sentence end, another quotation or the
** paragraph end). A cue in a frame gives the speaker through the noun phrase
** it governs; without a cue, a quotation continues the previous speaker. */
#include <string.h>

#include "quotes_chooser.h"
#include "quotes_np.h"

enum { FRAME_MAX = 60 };

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

/* "He said:" closing the paragraph before a quotation that opens its own. */
static frame colon_before(const qx_ctx *c, const nw_quote *q) {
  frame f = {q->tok_open, q->tok_open, 0};
  if (q->tok_open == 0 || !qx_is_char(c, q->tok_open - 1, ':') || c->para[q->tok_open - 1] == q->paragraph) return f;
  uint32_t para = c->para[q->tok_open - 1];
  f.lo = q->tok_open - 1;
  while (f.lo > 0 && f.hi - f.lo < FRAME_MAX) {
    size_t j = f.lo - 1;
    if (c->para[j] != para || is_terminal(c, j) || c->owner[j] >= 0) break;
    f.lo = j;
  }
  return f;
}

static frame frame_after(const qx_ctx *c, const nw_quote *q) {
  if (!q->closed) return (frame){0, 0, 0};
  size_t lo = q->tok_close + 1;
  /* a closing mark glued to the one that closed q (two apostrophes, then the
  ** one of a quotation nested at its end) is left unpaired: no part of the
  ** clause after q */
  if (lo < c->d->ntok && c->d->tok[lo].cls == NW_TOK_QUOTE && c->d->tok[lo].ws == NW_WS_NONE && c->owner[lo] < 0) lo++;
  frame f = {lo, lo, 0};
  uint32_t para = q->paragraph;
  while (f.hi < c->d->ntok && f.hi - f.lo < FRAME_MAX) {
    size_t j = f.hi;
    if (c->para[j] != para || is_terminal(c, j) || c->owner[j] >= 0) break;
    f.hi = j + 1;
  }
  return f;
}

/* The end of q's sentence after the last quotation in it, when another
** quotation comes between ("“…” and the “…” they need, Ortiz said."): a
** closing attribution there speaks for the whole sentence. Empty when the
** frame after q (fa) reaches the sentence end itself. */
static frame sentence_tail(const qx_ctx *c, const nw_quote *q, frame fa) {
  frame none = {0, 0, 0};
  size_t k = q->closed ? q->tok_close + 1 : q->tok_close, last_quoted = 0;
  for (size_t stop = k + 3 * FRAME_MAX; k < c->d->ntok && k < stop && c->para[k] == q->paragraph; k++) {
    if (c->owner[k] >= 0) last_quoted = k;
    else if (is_terminal(c, k)) break;
  }
  if (k >= c->d->ntok || c->para[k] != q->paragraph || !is_terminal(c, k) || last_quoted < fa.hi) return none;
  frame f = {last_quoted + 1, k, 1};
  if (f.hi - f.lo > FRAME_MAX) f.lo = f.hi - FRAME_MAX;
  return f;
}

/* The sentence before a quotation that opens a sentence, when it has no
** quotation; for a quotation that opens its paragraph, the last sentence of
** the paragraph before ("Howard went on. / “…”") when no quotation is in it. */
static frame sentence_before(const qx_ctx *c, const nw_quote *q) {
  frame none = {0, 0, 0};
  if (q->tok_open == 0 || !is_terminal(c, q->tok_open - 1)) return none;
  uint32_t para = c->para[q->tok_open - 1];
  int own_para = para == q->paragraph;
  frame f = {q->tok_open - 1, q->tok_open - 1, 0};
  if (!own_para && c->owner[f.lo] >= 0) return none;
  while (f.lo > 0 && f.hi - f.lo < FRAME_MAX) {
    size_t j = f.lo - 1;
    if (c->para[j] != para || is_terminal(c, j)) break;
    if (c->owner[j] >= 0) {
      if (!own_para) return none;
      f.after_quote = 1;
      break;
    }
    f.lo = j;
  }
  return f;
}

/* A reporting noun introduces the words after it: "claim that …", "promise
** of …", "claim “…”". */
static int introduces_words(const qx_ctx *c, size_t end) {
  return end < c->d->ntok && (nw_tok_is(c->d, end, "that", 1) || nw_tok_is(c->d, end, "of", 1) ||
                              c->d->tok[end].cls == NW_TOK_QUOTE);
}

/* Cue at token i: its index (1-based) and end token, or 0. */
static int cue_at(const qx_ctx *c, size_t i, size_t lo, size_t *end) {
  if (!qx_is_word(c, i)) return 0;
  const nw_token *t = &c->d->tok[i];
  if (!(t->flags & NW_TF_LOWER_INITIAL) && !(i == lo || (t->flags & NW_TF_SENT_START))) return 0;
  int cue = qx_cue_of(qx_text(c, i), qx_len(c, i));
  if (!cue || qx_state_modifier(c, i)) return 0;
  /* "so-called": part of a word */
  if (i > 0 && t->ws == NW_WS_NONE && qx_is_char(c, i - 1, '-')) return 0;
  /* "the statement", "his call": a noun after a determiner */
  if (i > 0 && (qx_class(c, i - 1) & QW_DET) && !(qx_class(c, i - 1) & QW_PRONOUN)) return 0;
  int has_particle = i + 1 < c->d->ntok && qx_is_word(c, i + 1) && qx_cue_particle(cue, qx_text(c, i + 1), qx_len(c, i + 1));
  if (qx_cues[cue - 1].need_particle && !has_particle) return 0;
  *end = i + 1 + (size_t)has_particle;
  return cue;
}

static int is_source_cue(const qx_ctx *c, size_t k) {
  int cue = qx_cue_of(qx_text(c, k), qx_len(c, k));
  return cue && qx_cues[cue - 1].type == CUE_SOURCE;
}

static attribution none_found(void) { return (attribution){{-1, -1}, -1, -1}; }

static int is_participle(const qx_ctx *c, size_t k) {
  size_t n = qx_len(c, k);
  return n > 4 && memcmp(qx_text(c, k) + n - 3, "ing", 3) == 0;
}

/* "prompting", "urged": a word in -ing or -ed. */
static int verb_form(const qx_ctx *c, size_t k) {
  size_t n = qx_len(c, k);
  return is_participle(c, k) || (n > 3 && memcmp(qx_text(c, k) + n - 2, "ed", 2) == 0);
}

/* "prompting Western nations to warn", "urged Ortiz to say": the object of
** a verb (in -ing or -ed) ending at token e, when it names someone: a
** name, or a plural of people or countries. */
static qx_span object_of(const qx_ctx *c, size_t e, size_t lo) {
  qx_span none = {-1, -1}, s = qx_np_left(c, e, lo, 0);
  if (s.first < 0) return none;
  /* the noun phrase may have taken the verb in: "prompting Western nations" */
  if (s.first + 1 < s.end && qx_is_word(c, (size_t)s.first) && !qx_cap(c, (size_t)s.first) && verb_form(c, (size_t)s.first))
    s.first++;
  else if (s.first <= (int32_t)lo)
    return none;
  size_t v = (size_t)s.first - 1;
  if (!qx_is_word(c, v) || qx_cap(c, v) || !verb_form(c, v)) return none;
  if (!qx_cap(c, e) && !(qx_class(c, e) & (QW_PEOPLE | QW_PLACES))) return none;
  return s;
}

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
  if (s.first < 0 && inverted_ok && type == CUE_SAY && !is_participle(c, at)) s = qx_np_right(c, end, hi);
  return s;
}

static int only_punct(const qx_ctx *c, size_t lo, size_t hi) {
  for (size_t k = lo; k < hi; k++)
    if (c->d->tok[k].cls != NW_TOK_PUNCT) return 0;
  return 1;
}


static int is_dash(const qx_ctx *c, size_t i) {
  const nw_token *t = &c->d->tok[i];
  if (t->cls != NW_TOK_PUNCT) return 0;
  const char *w = c->d->text + t->start;
  size_t n = nw_tok_len(t);
  /* - -- – — ― */
  return w[0] == '-' || (n == 3 && (unsigned char)w[0] == 0xE2 && (unsigned char)w[1] == 0x80 &&
                         (unsigned char)w[2] >= 0x93 && (unsigned char)w[2] <= 0x95);
}

/* "“…” for criminal behavior, she said.": a closing ", X said" in the frame,
** or ", said X" ("“…” in the 2008 primary, said Ana Ruiz, a historian."). */
static attribution clause_tail(const qx_ctx *c, frame f) {
  for (size_t k = f.lo; k + 2 < f.hi; k++) {
    if (!qx_is_char(c, k, ',')) continue;
    size_t end;
    int said = cue_at(c, k + 1, k + 1, &end);
    if (said && qx_cues[said - 1].type == CUE_SAY && !is_participle(c, k + 1) && end < f.hi &&
        (qx_cap(c, end) || (qx_class(c, end) & QW_DET))) {
      qx_span s = qx_np_right(c, end, f.hi);
      if (s.first >= 0) return (attribution){s, (int32_t)k + 1, (int32_t)end};
    }
    if (said && qx_cues[said - 1].type == CUE_SOURCE) {
      /* "“…” of the voters, according to a new poll." */
      qx_span s = qx_np_right(c, end, f.hi);
      if (s.first >= 0) return (attribution){s, (int32_t)k + 1, (int32_t)end};
    }
    qx_span s = qx_np_right(c, k + 1, f.hi);
    /* a name, a pronoun, "the …", or a role before a name ("party spokesman Neil Sroka") */
    if (s.first < 0 || !(qx_cap(c, k + 1) || (qx_class(c, k + 1) & (QW_PRONOUN | QW_DET)) || qx_cap(c, (size_t)s.end - 1))) continue;
    size_t j = (size_t)s.end;
    while (j < f.hi && qx_skippable(c, j)) j++;
    int cue = j < f.hi ? cue_at(c, j, j, &end) : 0;
    if (cue && qx_cues[cue - 1].type == CUE_SAY) return (attribution){s, (int32_t)j, (int32_t)end};
  }
  return none_found();
}

/* "barked", "retaliated": a lower-case word in -ed. */
static int past_tense(const qx_ctx *c, size_t k) {
  size_t n = qx_len(c, k);
  return qx_is_word(c, k) && !qx_cap(c, k) && n > 3 && memcmp(qx_text(c, k) + n - 2, "ed", 2) == 0;
}

/* "“Go home,” Ortiz barked.": after words that hand over, a subject (a
** name, a pronoun, "the …") and a verb in the past are the attribution,
** whatever the verb. s is the noun phrase opening frame f, which may have
** taken the verb in (a verb after it is looked at too). */
static attribution verb_after_subject(const qx_ctx *c, frame f, qx_span s) {
  if (s.first < 0 || !(qx_cap(c, (size_t)s.first) || (qx_class(c, (size_t)s.first) & (QW_PRONOUN | QW_DET))))
    return none_found();
  for (size_t v = (size_t)s.first + 1; v <= (size_t)s.end && v < f.hi; v++) {
    if (past_tense(c, v)) return (attribution){{s.first, (int32_t)v}, (int32_t)v, (int32_t)v + 1};
  }
  return none_found();
}

/* After the closing mark: "“…,” said X", "“…,” according to X", "“…,” X said",
** "“…,” X, the Y of Z, said", "“…” ― X". With loose set (the quotation ended
** its sentence) only the short forms count. */
static attribution try_after(const qx_ctx *c, frame f, int loose) {
  attribution a = none_found();
  /* "“….” He added: “…”": a clause that ends in a colon or a comma right
  ** before the next quotation introduces that one, not the one it follows */
  if (loose && f.hi > f.lo && f.hi < c->d->ntok && c->owner[f.hi] >= 0 && (qx_is_char(c, f.hi - 1, ':') || qx_is_char(c, f.hi - 1, ',')))
    return a;
  size_t k = f.lo;
  while (k < f.hi && c->d->tok[k].cls == NW_TOK_PUNCT && k - f.lo < 2) {
    if (is_dash(c, k) && k + 1 < f.hi && qx_cap(c, k + 1)) {
      /* a signed quotation: "“…” ― Ana Ruiz" */
      qx_span s = qx_np_right(c, k + 1, f.hi);
      if (s.first >= 0) return (attribution){s, (int32_t)k, (int32_t)k + 1};
    }
    k++;
  }
  if (k >= f.hi) return a;
  size_t end;
  int cue = cue_at(c, k, k, &end);
  if (cue) {
    a.cue_first = (int32_t)k;
    a.cue_end = (int32_t)end;
    int type = qx_cues[cue - 1].type;
    if ((type == CUE_SAY && !is_participle(c, k)) || type == CUE_SOURCE) a.speaker = qx_np_right(c, end, f.hi);
    return a;
  }
  qx_span s = qx_np_right(c, k, f.hi);
  if (s.first < 0) return clause_tail(c, f);
  size_t j = (size_t)s.end;
  if (j < f.hi && !loose && (qx_is_char(c, j, ',') || is_dash(c, j))) {
    /* an aside after the subject: the cue follows its closing comma */
    size_t m = j + 1;
    for (; m < f.hi && m - j < 40; m++) {
      if (!(qx_is_char(c, m, ',') || is_dash(c, m))) continue;
      size_t n = m + 1;
      while (n < f.hi && qx_skippable(c, n)) n++;
      if (n < f.hi && cue_at(c, n, n, &end)) break;
    }
    if (m >= f.hi || m - j >= 40) return clause_tail(c, f); /* no cue after the aside: maybe ", said X" */
    j = m + 1;
  }
  while (j < f.hi && qx_skippable(c, j)) j++;
  /* "a narrator in the ad asks": a short tail of the subject before its cue */
  size_t t = j;
  while (t < f.hi && t - j < 8 && qx_is_word(c, t) && !cue_at(c, t, t, &end)) t++;
  if (t < f.hi && (cue = cue_at(c, t, t, &end)) && qx_cues[cue - 1].type != CUE_SOURCE) {
    a.speaker = qx_cues[cue - 1].type == CUE_QUOTED ? source_of(c, cue, t, end, f.lo, f.hi, 0) : s;
    a.cue_first = (int32_t)t;
    a.cue_end = (int32_t)end;
    return a;
  }
  a = clause_tail(c, f);
  return a.speaker.first >= 0 || loose ? a : verb_after_subject(c, f, s);
}

static int word_count(const qx_ctx *c, const nw_quote *q) {
  /* only small counts matter (scare quotes, feature buckets): look at the first tokens */
  int n = 0;
  size_t end = q->tok_close < q->tok_open + 100 ? q->tok_close : q->tok_open + 100;
  for (size_t k = q->tok_open + 1; k < end && k < c->d->ntok; k++)
    if (c->d->tok[k].cls == NW_TOK_WORD || c->d->tok[k].cls == NW_TOK_NUMBER) n++;
  return n;
}

/* Can a noun phrase starting at token first be a clause subject? Only after
** the frame start, punctuation, a cue or a word that opens a clause. */
static int opens_clause(const qx_ctx *c, size_t lo, int32_t first) {
  if ((size_t)first <= lo) return 1;
  if (qx_class(c, (size_t)first) & QW_PRONOUN) return !nw_tok_is(c->d, (size_t)first, "him", 1) && !nw_tok_is(c->d, (size_t)first, "it", 1);
  size_t j = (size_t)first - 1, end;
  int cls = c->d->tok[j].cls;
  if (cls == NW_TOK_PUNCT || cls == NW_TOK_QUOTE) return 1;
  /* "In a radio interview Ruiz declared": a name after an introductory phrase */
  if (qx_cap(c, (size_t)first) && qx_is_word(c, j) && !qx_cap(c, j) && !(qx_class(c, j) & (QW_STOP | QW_LINK | QW_DET)) &&
      !qx_cue_of(qx_text(c, j), qx_len(c, j)))
    return 1;
  return (qx_class(c, j) & QW_OPENER) || cue_at(c, j, lo, &end);
}

static qx_span subject_from(const qx_ctx *c, frame f);

/* "WASHINGTON —", "Fairview (AP) –", "POLLS TOO EARLY - Ana Ruiz:": capitalized
** words and a spaced dash opening a paragraph are a dateline or a heading,
** not the clause; where the clause starts after them, else f.lo. */
static size_t after_dateline(const qx_ctx *c, frame f) {
  if (f.lo > 0 && c->para[f.lo - 1] == c->para[f.lo]) return f.lo;
  for (size_t k = f.lo; k < f.hi && k - f.lo < 16; k++) {
    if (k > f.lo && is_dash(c, k) && c->d->tok[k].ws != NW_WS_NONE) return k + 1;
    if (qx_is_word(c, k) ? !qx_cap(c, k) : !(qx_is_char(c, k, '(') || qx_is_char(c, k, ')') || qx_is_char(c, k, ',')))
      return f.lo;
  }
  return f.lo;
}

/* The subject of the clause in frame f: its first noun phrase, after a
** dateline and an introductory phrase closed by a comma ("In August,
** several groups …"). */
static qx_span clause_subject(const qx_ctx *c, frame f) {
  f.lo = after_dateline(c, f);
  qx_span s = subject_from(c, f);
  /* "But a source said", "And Ortiz added": a conjunction before the subject */
  uint32_t w = qx_class(c, f.lo);
  if (s.first < 0 && (w & QW_OPENER) && !(w & QW_INTRO) && f.lo + 1 < f.hi && qx_is_word(c, f.lo + 1))
    s = subject_from(c, (frame){f.lo + 1, f.hi, f.after_quote});
  return s;
}

/* "Facing criticism, Ortiz …", "Hastily drafted, the plan …": a capitalized
** word in -ing or -ly opening the sentence, before a lower-case word that is no
** cue, is a participle or an adverb, not a name ("Manning said" stays). */
static int opens_with_modifier(const qx_ctx *c, size_t k) {
  size_t n = qx_len(c, k);
  if (!qx_cap(c, k) || !(c->d->tok[k].flags & NW_TF_SENT_START) || n < 5 || !qx_is_word(c, k + 1) || qx_cap(c, k + 1) ||
      qx_cue_of(qx_text(c, k + 1), qx_len(c, k + 1)))
    return 0;
  const char *w = qx_text(c, k);
  return memcmp(w + n - 3, "ing", 3) == 0 || memcmp(w + n - 2, "ly", 2) == 0;
}

/* "At a rally in Portsmouth, N.H., on Tuesday, Ortiz …": a short run of
** capitalized words between commas, then a lower-case word that opens a
** phrase, is the place of an introductory phrase (its state or country). */
static int place_in_intro(const qx_ctx *c, size_t k, size_t hi) {
  size_t m = k;
  while (m < hi && m - k < 4 && (qx_cap(c, m) || qx_is_char(c, m, '.'))) m++;
  return m > k && m + 1 < hi && qx_is_char(c, m, ',') && !qx_cap(c, m + 1) && (qx_class(c, m + 1) & QW_INTRO);
}

static qx_span subject_from(const qx_ctx *c, frame f) {
  qx_span none = {-1, -1};
  size_t k = f.lo;
  uint32_t w = qx_class(c, k);
  /* up to three introductory segments: "On July 6, 2015, Ortiz …" */
  for (int seg = 0; k < f.hi && seg < 3 && !(w & (QW_PRONOUN | QW_DET)) &&
                    (!qx_cap(c, k) || (w & (QW_STOP | QW_NOT_NAME)) || (seg == 0 && opens_with_modifier(c, k)) ||
                     (seg > 0 && place_in_intro(c, k, f.hi)));
       seg++) {
    size_t m = k;
    while (m < f.hi && m - k < 15 && !qx_is_char(c, m, ',')) m++;
    if (m >= f.hi || !qx_is_char(c, m, ',')) return none;
    k = m + 1;
    w = qx_class(c, k);
  }
  if (k >= f.hi) return none;
  w = qx_class(c, k);
  if (!(w & (QW_PRONOUN | QW_DET)) && !qx_cap(c, k)) return none;
  return qx_np_right(c, k, f.hi);
}

/* A subject that starts with a name ends with it: "Haddad reversed himself"
** is "Haddad" (a lower-case word after a name is its verb, but "of"). */
static qx_span name_head(const qx_ctx *c, qx_span s) {
  if (s.first < 0 || !qx_cap(c, (size_t)s.first)) return s;
  for (size_t k = (size_t)s.first + 1; k < (size_t)s.end; k++)
    if (qx_is_word(c, k) && !qx_cap(c, k) && !(qx_class(c, k) & (QW_LINK | QW_DET)) && qx_cap(c, k - 1))
      return (qx_span){s.first, (int32_t)k};
  return s;
}

enum { MAX_CUES = 16 };

/* Before the opening mark: "X said “…”", "According to X, “…”", "X: “…”".
** The main clause's cue wins over one in a clause it governs. */
static int is_possessive_word(const qx_ctx *c, size_t i);

/* "Ortiz’s claim that …", "the mayor’s promise of …": a cue used as a noun
** after a possessive; the owner of the words is the possessor ("Lena
** Ortiz", "the former mayor"), never more than that noun phrase. */
static qx_span possessor_of(const qx_ctx *c, frame f, size_t k, size_t end) {
  qx_span none = {-1, -1};
  if (!introduces_words(c, end)) return none;
  if (k < f.lo + 2 || !is_possessive_word(c, k - 1) || !qx_is_word(c, k - 2)) return none;
  size_t head = k - 2, first = head;
  if (qx_cap(c, head)) {
    while (first > f.lo && qx_cap(c, first - 1) && !(qx_class(c, first - 1) & (QW_DET | QW_NOT_NAME))) first--;
  } else {
    /* a common noun: back to its article, a few words at most */
    for (size_t j = first; j > f.lo && head - j < 4 && qx_is_word(c, j - 1); j--) {
      uint32_t w = qx_class(c, j - 1);
      if (w & (QW_STOP | QW_LINK | QW_PRONOUN | QW_GROUP)) break;
      if (w & QW_DET) {
        first = j - 1;
        break;
      }
    }
  }
  return (qx_span){(int32_t)first, (int32_t)head + 1};
}

/* Where the frame's introductory clause ends (its comma or dash), or f.lo
** when the frame does not open with one ("When Clinton noted …, Trump
** boasted", "In a statement announcing …, the union called"). */
static size_t intro_end(const qx_ctx *c, frame f) {
  if (!(qx_class(c, f.lo) & QW_INTRO)) return f.lo;
  for (size_t k = f.lo + 1; k < f.hi; k++)
    if (qx_is_char(c, k, ',') || (is_dash(c, k) && c->d->tok[k].ws != NW_WS_NONE)) return k; /* not "U.S.-led" */
  return f.lo;
}

static int spaced_dash(const qx_ctx *c, size_t i) { return is_dash(c, i) && c->d->tok[i].ws != NW_WS_NONE; }

/* Token k opens the clause of frame f: its first or second word, or a word or
** two after a spaced dash that ends a heading. */
static int opens_frame_clause(const qx_ctx *c, frame f, size_t k) {
  return k <= f.lo + 1 || (k > f.lo && spaced_dash(c, k - 1)) || (k > f.lo + 1 && spaced_dash(c, k - 2));
}

/* "Polls missed the surge - Ana Ruiz: “…”", "More from Ruiz: “…”", "From the
** report: “…”": a source named right before the colon that opens the quotation,
** after a spaced dash that ends a heading, or after a "from" that opens the
** clause; it owns the quotation over any verb in the heading. */
static attribution source_before_colon(const qx_ctx *c, frame f) {
  if (f.hi < f.lo + 3 || !qx_is_char(c, f.hi - 1, ':')) return none_found();
  size_t colon = f.hi - 1;
  /* "from" and at most eight words, all of them the source: a reporting noun
  ** ends it ("From the report:") */
  for (size_t k = colon; k-- > f.lo && colon - k <= 9 && (qx_is_word(c, k) || is_possessive_word(c, k));) {
    if (nw_tok_is(c->d, k, "from", 1) && k + 1 < colon) {
      if (!opens_frame_clause(c, f, k)) break;
      return (attribution){{(int32_t)k + 1, (int32_t)colon}, (int32_t)colon, (int32_t)f.hi};
    }
  }
  qx_span s = qx_np_left(c, colon - 1, f.lo, 0);
  if (s.first <= (int32_t)f.lo || !spaced_dash(c, (size_t)s.first - 1) || !qx_cap(c, (size_t)s.first)) return none_found();
  return (attribution){s, (int32_t)colon, (int32_t)f.hi};
}

static attribution try_before(const qx_ctx *c, frame f) {
  attribution headed = source_before_colon(c, f);
  if (headed.speaker.first >= 0) return headed;
  attribution found[MAX_CUES], relative = {{0, 0}, 0, 0}, owned = {{-1, -1}, -1, -1};
  int32_t relative_at = -1; /* the relative pronoun of that clause */
  int relative_person = 0;  /* it is ", who" */
  size_t n = 0;
  int last_cue = -1, last_end = -1;
  for (size_t k = f.lo; k < f.hi; k++) {
    size_t end;
    int cue = cue_at(c, k, f.lo, &end);
    if (!cue) continue;
    /* the nearest possessed cue owns the quotation over any verb before it */
    qx_span p = possessor_of(c, f, k, end);
    if (p.first >= 0) owned = (attribution){p, (int32_t)k, (int32_t)end};
    last_cue = (int)k;
    last_end = (int)end;
    qx_span s = source_of(c, cue, k, end, f.lo, f.hi, only_punct(c, f.lo, k));
    int type = qx_cues[cue - 1].type;
    /* "prompting Western nations to warn …": the object before "to" says it */
    int infinitive = s.first < 0 && k >= f.lo + 2 && nw_tok_is(c->d, k - 1, "to", 1);
    if (infinitive) s = object_of(c, k - 2, f.lo);
    /* "In a news conference, Ortiz attacked the plan, calling it …": a
    ** participle after a comma speaks for the clause subject, not for a
    ** noun phrase set off before it */
    int clause_participle = 0;
    if (type != CUE_SOURCE && k > f.lo && qx_is_char(c, k - 1, ',') && is_participle(c, k)) {
      qx_span cs = name_head(c, clause_subject(c, f));
      if (cs.first >= 0 && cs.end < (int32_t)k) {
        s = cs;
        clause_participle = 1;
      }
    }
    if (s.first < 0) continue;
    /* "footage of Trump saying": a participle's own subject, if it names someone */
    int participle = is_participle(c, k) && (qx_cap(c, (size_t)s.first) || (qx_class(c, (size_t)s.first) & QW_DET));
    /* "Putin, who hailed", "Ortiz, who has called": the relative pronoun makes the noun phrase before it the subject */
    size_t rel = k;
    while (rel > f.lo + 1 && qx_skippable(c, rel - 1) && !(qx_class(c, rel - 1) & QW_RELATIVE)) rel--;
    int after_relative = rel > f.lo && (qx_class(c, rel - 1) & QW_RELATIVE);
    int relative_subject = after_relative && qx_cap(c, (size_t)s.end - 1);
    if (type != CUE_SOURCE && type != CUE_QUOTED && s.first < (int32_t)k && !participle && !relative_subject &&
        !infinitive && !clause_participle && !opens_clause(c, f.lo, s.first))
      continue;
    /* "X, an analyst who writes …, said": a cue in a relative clause yields
    ** to a main clause's cue after it */
    /* ", who": a clause about a person just named, a speaker of its own */
    int person_relative = after_relative && rel >= f.lo + 2 && nw_tok_is(c->d, rel - 1, "who", 1) && qx_is_char(c, rel - 2, ',');
    if (after_relative && (n || k + 1 < f.hi || person_relative)) {
      relative = (attribution){s, (int32_t)k, (int32_t)end}; /* the nearest one */
      relative_at = (int32_t)rel - 1;
      relative_person = person_relative;
      continue;
    }
    if (n < MAX_CUES) found[n++] = (attribution){s, (int32_t)k, (int32_t)end};
  }
  if (owned.speaker.first >= 0) return owned;
  /* the relative pronoun names the speaker ("Pence, who called it “…”"),
  ** and ", who" after the main clause's cue too ("said Ortiz, who added
  ** that …"); its antecedent gives the name (quotes_resolve.c) */
  if (relative.speaker.end && (!n || (relative_person && found[n - 1].cue_first < relative.cue_first))) {
    relative.speaker = (qx_span){relative_at, relative_at + 1};
    return relative;
  }
  /* a cue in the introductory clause yields to one in the main clause */
  size_t intro = intro_end(c, f);
  if (n && (size_t)found[0].cue_first < intro)
    for (size_t i = 1; i < n; i++)
      if ((size_t)found[i].cue_first > intro) return found[i];
  if (n) return found[0];
  if (last_cue >= 0) {
    /* "Groups granted an extension, saying …": the clause subject speaks */
    qx_span s = clause_subject(c, f);
    if (s.first >= 0 && s.end <= last_cue) return (attribution){s, last_cue, last_end};
    return (attribution){{-1, -1}, last_cue, last_end};
  }
  /* "WALLACE: …" or "The senator:" — the whole clause names the source */
  if (f.hi > f.lo + 1 && qx_is_char(c, f.hi - 1, ':')) {
    qx_span s = qx_np_left(c, f.hi - 2, f.lo, 0);
    if (s.first == (int32_t)f.lo || s.first == (int32_t)after_dateline(c, f)) return (attribution){s, (int32_t)f.hi - 1, (int32_t)f.hi};
  }
  return none_found();
}

/* "“WALLACE: Governor, …": a transcript turn names its speaker inside the marks. */
static attribution transcript(const qx_ctx *c, const nw_quote *q) {
  attribution a = none_found();
  size_t k = q->tok_open + 1;
  while (k < q->tok_close && k - q->tok_open <= 3 && qx_is_word(c, k) && (c->d->tok[k].flags & NW_TF_ALL_UPPER) &&
         qx_len(c, k) > 1)
    k++;
  if (k > q->tok_open + 1 && k < q->tok_close && qx_is_char(c, k, ':')) {
    a.speaker = (qx_span){(int32_t)q->tok_open + 1, (int32_t)k};
    a.cue_first = (int32_t)k;
    a.cue_end = (int32_t)k + 1;
  }
  return a;
}


static void set_attribution(const qx_ctx *c, nw_quote *q, attribution a) {
  const nw_token *tok = c->d->tok;
  a.speaker = qx_np_trim(c, a.speaker);
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

static int is_possessive_word(const qx_ctx *c, size_t i) { return nw_tok_possessive(c->d, i); }

/* The quotation is its paragraph: nothing before its opening mark, at most
** punctuation after its closing one; double marks (a paragraph in single
** marks is a heading: ‘A tough decision.’). */
static int fills_paragraph(const qx_ctx *c, const nw_quote *q) {
  if (!q->closed || (q->tok_open > 0 && c->para[q->tok_open - 1] == q->paragraph)) return 0;
  const char *mark = qx_text(c, q->tok_open);
  if (mark[0] == '\'' && qx_len(c, q->tok_open) == 1) return 0;
  if (qx_len(c, q->tok_open) == 3 && memcmp(mark, "\xE2\x80\x98", 3) == 0) return 0;
  for (size_t k = q->tok_close + 1; k < c->d->ntok && c->para[k] == q->paragraph; k++)
    if (c->d->tok[k].cls != NW_TOK_PUNCT) return 0;
  return 1;
}

/* “Fox News Sunday,”, ''A Change Is Gonna Come'': a title in marks, not reported words. */
static int is_title(const qx_ctx *c, const nw_quote *q) {
  int words = 0, caps = 0;
  for (size_t k = q->tok_open + 1; k < q->tok_close && k < c->d->ntok; k++) {
    const nw_token *t = &c->d->tok[k];
    if (t->cls == NW_TOK_QUOTE) return 0;
    if (t->cls != NW_TOK_WORD) continue;
    words++;
    if (t->flags & NW_TF_UPPER_INITIAL) caps++;
    else if (!(qx_class(c, k) & (QW_LINK | QW_DET | QW_GROUP | QW_STOP)) || qx_len(c, k) > 4) return 0;
  }
  if (words < 2 || words > 8 || caps < 2) return 0;
  /* named as a work: "CNN's “State of the Union”", "on “Morning Joe”", "his book, “…”" */
  if (q->tok_open == 0) return 1;
  size_t p = q->tok_open - 1;
  if (c->d->tok[p].cls == NW_TOK_PUNCT) return qx_is_char(c, p, ',') || qx_is_char(c, p, '(');
  uint32_t w = qx_class(c, p);
  return is_possessive_word(c, p) || (w & (QW_LINK | QW_TITLED)) || nw_tok_is(c->d, p, "on", 1) ||
         nw_tok_is(c->d, p, "in", 1);
}

/* A paragraph of quotation signed by the next one: "“…” / - Ana Ruiz." (a
** dash, a name, at most a short line). */
static attribution signature_below(const qx_ctx *c, const nw_quote *q) {
  if (!fills_paragraph(c, q)) return none_found();
  size_t j = q->tok_close + 1;
  while (j < c->d->ntok && c->para[j] == q->paragraph) j++;
  if (j + 1 >= c->d->ntok || !is_dash(c, j) || !qx_cap(c, j + 1)) return none_found();
  size_t end = j + 1;
  while (end < c->d->ntok && c->para[end] == c->para[j]) end++;
  if (end - j > 12) return none_found();
  qx_span s = qx_np_right(c, j + 1, end);
  if (s.first < 0) return none_found();
  return (attribution){s, (int32_t)j, (int32_t)j + 1};
}

/* No sentence ends between quotation p and quotation q (“…” and “…” in one sentence). */
static int same_sentence(const qx_ctx *c, const nw_quote *p, const nw_quote *q) {
  if (p->paragraph != q->paragraph || !p->closed) return 0;
  for (size_t k = p->tok_close + 1; k < q->tok_open; k++)
    if (c->owner[k] < 0 && is_terminal(c, k)) return 0;
  return 1;
}

/* A mention that cannot name a speaker ("Friday saying …", "Conversely,
** X rated …") is no mention. */
static qx_span plausible(const qx_ctx *c, qx_span s) {
  if (s.first >= 0 && (qx_class(c, (size_t)s.first) & QW_NOT_SPEAKER)) return (qx_span){-1, -1};
  return s;
}

static qx_candidate candidate(int32_t first, int32_t end, int kind) { return (qx_candidate){first, end, (uint8_t)kind}; }

static int same_span(const qx_candidate *a, int32_t first) { return a->first == first; }

/* Add a candidate unless one with the same mention is there. */
static void add_candidate(qx_candidate *v, int *n, qx_candidate k) {
  if (k.first < 0 || *n >= QX_MAX_CANDIDATES) return;
  for (int i = 0; i < *n; i++)
    if (same_span(&v[i], k.first)) return;
  v[(*n)++] = k;
}

/* The mention that speaks on in a continuation: s itself, or for a relative
** pronoun ("said Ortiz, who added …") the noun phrase it follows. */
static qx_span antecedent(const qx_ctx *c, qx_span s) {
  if (s.first < 0 || s.end != s.first + 1 || !(qx_class(c, (size_t)s.first) & QW_RELATIVE)) return s;
  qx_span a = qx_np_trim(c, qx_np_left(c, (size_t)s.first, c->d->sent[c->d->tok[s.first].sentence].first_tok, 0));
  return a.first >= 0 ? a : s;
}

/* The speaker of quotation p going on in quotation q: the relative pronoun
** within its sentence, the noun phrase it follows after it. */
static qx_span previous_speaker(const qx_ctx *c, const nw_quote *p, const nw_quote *q) {
  qx_span s = {(int32_t)p->speaker_tok_first, (int32_t)p->speaker_tok_end};
  return c->d->tok[s.first].sentence == c->d->tok[q->tok_open].sentence ? s : antecedent(c, s);
}

int qx_attribute(qx_ctx *c) {
  nw_quotes *out = c->out;
  const nw_quote *prev = NULL; /* last outermost quotation with a speaker */
  for (size_t i = 0; i < out->n; i++) {
    /* a caller's interrupt: the call's rows are dropped, so stop here */
    if ((i & 63) == 0 && nw_stop_requested()) break;
    nw_quote *q = &out->v[i];
    if (q->depth == 0 && !is_title(c, q)) {
      frame fb = frame_before(c, q), fa = frame_after(c, q);
      if (fb.hi == fb.lo) fb = colon_before(c, q);
      size_t last_inner = q->tok_close > q->tok_open + 1 ? q->tok_close - 1 : q->tok_open;
      /* “…,” / “…?” / “…—” hand over to the clause after; “….” and “term” do not */
      int hands_over = q->closed && c->d->tok[last_inner].cls == NW_TOK_PUNCT && !qx_is_char(c, last_inner, '.') &&
                       !qx_is_char(c, last_inner, ')');
      int words = word_count(c, q);
      qx_quote_info info = {QP_NONE, (uint8_t)hands_over, (uint8_t)(q->closed && qx_is_char(c, last_inner, '.')),
                            (uint8_t)(words > 255 ? 255 : words), fb.hi == fb.lo, fa.hi == fa.lo,
                            q->tok_open == 0 || c->para[q->tok_open - 1] != q->paragraph,
                            (uint8_t)(!prev ? 0 : prev->paragraph == q->paragraph ? 1 : prev->paragraph + 1 == q->paragraph ? 2 : 3),
                            0, 0};
      attribution a = transcript(c, q);
      if (a.speaker.first >= 0) info.path = QP_TRANSCRIPT;
      if (a.speaker.first < 0 && hands_over) {
        a = try_after(c, fa, 0);
        if (a.speaker.first >= 0) info.path = QP_AFTER;
      }
      if (a.speaker.first >= 0 && a.cue_first >= 0 && is_source_cue(c, (size_t)a.cue_first) && fb.hi > fb.lo) {
        /* "X said “…,” according to CCTV": the owner of the words, not the relay */
        attribution b = try_before(c, fb);
        if (b.speaker.first >= 0) {
          a = b;
          info.path = QP_BEFORE;
        }
      }
      if (a.speaker.first < 0) {
        attribution b = try_before(c, fb);
        if (b.speaker.first >= 0 || a.cue_first < 0) a = b;
        if (a.speaker.first >= 0) info.path = QP_BEFORE;
      }
      if (a.speaker.first < 0 && a.cue_first < 0 && !hands_over) {
        a = try_after(c, fa, 1);
        if (a.speaker.first >= 0) info.path = QP_AFTER_LOOSE;
      }
      if (a.speaker.first < 0 && a.cue_first < 0) {
        a = signature_below(c, q);
        if (a.speaker.first >= 0) info.path = QP_AFTER_LOOSE;
      }
      if (a.speaker.first < 0 && a.cue_first < 0) {
        frame fe = sentence_tail(c, q, fa);
        if (fe.hi > fe.lo) {
          a = clause_tail(c, fe);
          if (a.speaker.first >= 0) info.path = QP_AFTER_LOOSE;
        }
      }
      a.speaker = plausible(c, a.speaker);
      /* "…, Mr. Lee said. “…”": the attribution of the sentence before */
      qx_span sentence = {-1, -1};
      if (fb.hi == fb.lo) {
        frame fp = sentence_before(c, q);
        if (fp.hi > fp.lo) {
          attribution b = try_before(c, fp);
          if (b.speaker.first >= 0 && b.cue_first >= 0) sentence = plausible(c, antecedent(c, b.speaker));
        }
      }
      int continued = 0;
      /* a word or two in marks inside a sentence ("a “so-called” deal") is
      ** someone's term, never a speaker going on from another sentence */
      int term = words <= 2 && q->tok_open > 0 && c->para[q->tok_open - 1] == q->paragraph &&
                 (qx_is_word(c, q->tok_open - 1) || c->d->tok[q->tok_open - 1].cls == NW_TOK_NUMBER);
      int goes_on = !term || (prev && same_sentence(c, prev, q));
      if (!term && a.speaker.first < 0 && a.cue_first < 0 && sentence.first >= 0) {
        a.speaker = sentence;
        continued = 1;
        info.path = QP_SENTENCE;
      }
      if (a.speaker.first < 0 && prev && goes_on) {
        /* a continuation: same sentence or paragraph, or the next paragraph of a running quotation */
        int same_para = prev->paragraph == q->paragraph;
        int next_para = prev->paragraph + 1 == q->paragraph && fb.hi == fb.lo && ends_paragraph_near(c, prev);
        if (same_para || next_para) {
          a.speaker = previous_speaker(c, prev, q);
          continued = 1;
          info.path = QP_CONTINUATION;
        }
      }
      if (a.cue_first >= 0) info.cue = qx_cue_of(qx_text(c, (size_t)a.cue_first), qx_len(c, (size_t)a.cue_first));
      /* the candidates: the rules' answer first (it wins ties), then the alternatives */
      qx_candidate cands[QX_MAX_CANDIDATES];
      int n = 0;
      cands[n++] = candidate(a.speaker.first, a.speaker.end, QC_RULE);
      if (a.speaker.first >= 0) cands[n++] = candidate(-1, -1, QC_NONE);
      if (fb.hi > fb.lo) {
        qx_span s = plausible(c, clause_subject(c, fb));
        add_candidate(cands, &n, candidate(s.first, s.end, QC_SUBJECT));
      }
      if (prev && goes_on) {
        qx_span p = previous_speaker(c, prev, q);
        add_candidate(cands, &n, candidate(p.first, p.end, QC_PREVIOUS));
      }
      if (!term) add_candidate(cands, &n, candidate(sentence.first, sentence.end, QC_SENTENCE));
      /* the model decides only where the rules run out: no cue of the quotation's own */
      /* a quotation reopened in the next paragraph runs on: no choice to make */
      /* so does a paragraph that is all quotation after one that ends with an
      ** attributed quotation ("“…,” Ortiz said. / “…”"): the same voice goes on */
      int running = info.path == QP_CONTINUATION && prev &&
                    ((!prev->closed && prev->paragraph + 1 == q->paragraph) || same_sentence(c, prev, q) ||
                     (prev->paragraph + 1 == q->paragraph && words >= 4 && fills_paragraph(c, q)));
      int weak = !running && (info.path == QP_NONE || info.path == QP_CONTINUATION || info.path == QP_SENTENCE);
      info.learned = (uint8_t)weak;
      if (c->dump) c->dump(c->dump_arg, c, q, &info, cands, n);
      /* while exporting for training, the rules alone (so the export does not depend on old weights) */
      const qx_candidate *pick = &cands[weak && !c->dump ? qx_choose(c, q, &info, cands, n) : 0];
      if (pick->kind != QC_RULE) continued = pick->kind == QC_PREVIOUS || pick->kind == QC_SENTENCE;
      set_attribution(c, q, (attribution){{pick->first, pick->end}, continued ? -1 : a.cue_first, a.cue_end});
      if (continued && a.cue_first >= 0) set_attribution(c, q, (attribution){{-1, -1}, a.cue_first, a.cue_end});
      q->continued = (uint8_t)(continued && pick->first >= 0);
      if (q->speaker_start != NW_QUOTE_NONE) prev = q;
    }
    int scare = q->speaker_start == NW_QUOTE_NONE && q->cue_start == NW_QUOTE_NONE && word_count(c, q) <= 4;
    q->kind = scare ? NW_QUOTE_SCARE : NW_QUOTE_DIRECT;
  }
  return 0;
}
