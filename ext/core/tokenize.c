/* The one tokenizer every extractor reads: a single pass over UTF-8 giving
** tokens with byte offsets, classes (utf8proc categories beyond ASCII), white
** space kinds, and sentence boundaries decided as each token is added (so
** the token array is walked once, while it is still in cache). */
#include "abbrev_data.h"
#include "hash.h"
#include "news.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Character kinds for the scanner. */
enum { K_SPACE = 1, K_NEWLINE, K_UPPER, K_LOWER, K_LETTER, K_MARK, K_DIGIT, K_QUOTE, K_PUNCT, K_SYMBOL, K_NUL, K_FORMAT };

static unsigned char ascii_kind[128];

/* Bytes that continue a word on the fast path (ASCII letters and digits),
** with what they say about it; 0 for every other byte. */
enum { W_UPPER = 1, W_LOWER = 2, W_DIGIT = 4 };
static unsigned char ascii_word[256];

static void init_ascii(void) {
  for (int c = 0; c < 128; c++) {
    unsigned char k = K_SYMBOL;
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r') k = K_SPACE;
    else if (c == '\n') k = K_NEWLINE;
    else if (c == 0) k = K_NUL;
    else if (c < 32 || c == 127) k = K_SPACE;
    else if (c >= 'A' && c <= 'Z') k = K_UPPER;
    else if (c >= 'a' && c <= 'z') k = K_LOWER;
    else if (c >= '0' && c <= '9') k = K_DIGIT;
    else if (c == '"' || c == '\'' || c == '`') k = K_QUOTE;
    else if (strchr(".,;:!?()[]{}-/", c)) k = K_PUNCT;
    ascii_kind[c] = k;
    ascii_word[c] = k == K_UPPER ? W_UPPER : k == K_LOWER ? W_LOWER : k == K_DIGIT ? W_DIGIT : 0;
  }
}

static int is_quote_cp(int32_t c) {
  return (c >= 0x2018 && c <= 0x201F) || c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A ||
         (c >= 0x300C && c <= 0x300F) || (c >= 0x301D && c <= 0x301F) || c == 0xFF02;
}

static int kind_of(int32_t c) {
  if (c < 128) return ascii_kind[c];
  if (c == 0x2028 || c == 0x2029 || c == 0x85) return K_NEWLINE;
  if (is_quote_cp(c)) return K_QUOTE;
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return K_UPPER;
    case UTF8PROC_CATEGORY_LL: return K_LOWER;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return K_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: return K_MARK;
    case UTF8PROC_CATEGORY_ND: return K_DIGIT;
    case UTF8PROC_CATEGORY_ZS: return K_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: return K_NEWLINE;
    case UTF8PROC_CATEGORY_CF: return K_FORMAT; /* zero-width joiners, BOM: glue, no token */
    case UTF8PROC_CATEGORY_CC: return K_SPACE;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: return K_PUNCT;
    default: return K_SYMBOL;
  }
}

static inline int is_letter_kind(int k) { return k == K_UPPER || k == K_LOWER || k == K_LETTER || k == K_MARK; }

/* Abbreviation tables as hash maps, built once per process. */
static nw_strmap abbrev_map, starter_map;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static int tables_ok;

static void build_tables(void) {
  init_ascii();
  if (nw_strmap_init(&abbrev_map, nw_abbrevs_count, 0) || nw_strmap_init(&starter_map, nw_sentence_starters_count, 0)) return;
  for (size_t i = 0; i < nw_abbrevs_count; i++)
    if (nw_strmap_put(&abbrev_map, nw_abbrevs[i].word, strlen(nw_abbrevs[i].word), nw_abbrevs[i].kind)) return;
  for (size_t i = 0; i < nw_sentence_starters_count; i++)
    if (nw_strmap_put(&starter_map, nw_sentence_starters[i], strlen(nw_sentence_starters[i]), 1)) return;
  tables_ok = 1;
}

static int tables_ready(void) {
  pthread_once(&tables_once, build_tables);
  return tables_ok;
}

char nw_abbrev_kind(const char *word, size_t n) {
  if (!tables_ready()) return 0;
  return (char)nw_strmap_get(&abbrev_map, word, n, 0);
}

int nw_is_abbrev(const char *word, size_t n) {
  if (n && word[n - 1] == '.') n--;
  return nw_abbrev_kind(word, n) != 0;
}

int nw_is_sentence_starter(const char *word, size_t n) {
  if (!tables_ready()) return 0;
  return nw_strmap_get(&starter_map, word, n, 0);
}

/* Scanner state: decode the code point at position p. */
typedef struct scan {
  const char *s;
  size_t len;
} scan;

static inline int32_t cp_at(const scan *sc, size_t p, size_t *next) {
  unsigned char c = (unsigned char)sc->s[p];
  if (c < 0x80) { *next = p + 1; return c; }
  size_t i = p;
  int32_t cp = nw_utf8_next(sc->s, sc->len, &i);
  if (c >= 0xC0) {
    /* A token boundary must be a character boundary for SQLite too: its
    ** substr() counts a lead byte and every continuation byte after it as one
    ** character, so stray continuation bytes stay glued to what precedes
    ** them (and make it U+FFFD). */
    size_t j = i;
    while (j < sc->len && ((unsigned char)sc->s[j] & 0xC0) == 0x80) j++;
    if (j != i) { i = j; cp = 0xFFFD; }
  }
  *next = i;
  return cp;
}

static inline int kind_at(const scan *sc, size_t p, size_t *next) {
  if (p >= sc->len) { *next = p; return 0; }
  return kind_of(cp_at(sc, p, next));
}

static int is_apostrophe_cp(int32_t c) { return c == '\'' || c == 0x2019; }

/* Scan a word starting at p. Returns end. Sets *inner_period, *flags
** (NW_TF_NON_ASCII included). */
static size_t scan_word(const scan *sc, size_t p, int *inner_period, uint16_t *flags) {
  const unsigned char *u = (const unsigned char *)sc->s;
  size_t q = p, seg_start = p;
  int any_upper = 0, any_lower = 0, first = 1;
  *inner_period = 0;
  while (q < sc->len) {
    if (!first) {
      /* Fast path: a run of ASCII letters and digits. */
      unsigned acc = 0, m;
      while (q < sc->len && (m = ascii_word[u[q]])) {
        acc |= m;
        q++;
      }
      any_upper |= (acc & W_UPPER) != 0;
      any_lower |= (acc & W_LOWER) != 0;
      if (acc & W_DIGIT) *flags |= NW_TF_HAS_DIGIT;
      if (q >= sc->len) break;
    }
    size_t nx;
    int32_t c = cp_at(sc, q, &nx);
    int k = kind_of(c);
    if (is_letter_kind(k) || k == K_DIGIT || k == K_FORMAT) {
      if (c >= 0x80) *flags |= NW_TF_NON_ASCII;
      if (k == K_UPPER) any_upper = 1;
      if (k == K_LOWER) any_lower = 1;
      if (first && (k == K_UPPER || k == K_LOWER)) {
        *flags |= k == K_UPPER ? NW_TF_UPPER_INITIAL : NW_TF_LOWER_INITIAL;
        first = 0;
      } else if (first && k == K_LETTER) first = 0;
      if (k == K_DIGIT) *flags |= NW_TF_HAS_DIGIT;
      q = nx;
      continue;
    }
    size_t n2;
    int k2 = kind_at(sc, nx, &n2);
    if (is_apostrophe_cp(c) && is_letter_kind(k2)) {
      /* Possessive/clitic 's is its own token: "Xi’s" -> "Xi" "’s". */
      size_t n3;
      int32_t c2 = cp_at(sc, nx, &n3);
      int k3 = kind_at(sc, n3, &n3);
      if ((c2 == 's' || c2 == 'S') && !is_letter_kind(k3) && k3 != K_DIGIT) break;
      if (c >= 0x80 || c2 >= 0x80) *flags |= NW_TF_NON_ASCII;
      q = n2;
      continue;
    }
    if (c == '.' && is_letter_kind(k2) && q - seg_start <= 3) {
      /* U.S, a.m, Ph.D: short segments joined by periods */
      size_t r = nx, cnt = 0;
      while (r < sc->len && cnt < 5) {
        size_t rn;
        if (!is_letter_kind(kind_at(sc, r, &rn))) break;
        r = rn;
        cnt++;
      }
      if (cnt <= 3) {
        *inner_period = 1;
        q = nx;
        seg_start = nx;
        continue;
      }
    }
    if (c == '&' && k2 == K_UPPER && any_upper && !any_lower) { /* AT&T */
      if (u[nx] >= 0x80) *flags |= NW_TF_NON_ASCII;
      q = n2;
      continue;
    }
    break;
  }
  if (any_upper && !any_lower) *flags |= NW_TF_ALL_UPPER;
  return q;
}

/* Append a token; bytes from check_from on are checked for NW_TF_NON_ASCII
** (the word scanner has already flagged what it read). */
static int push_tok(nw_doc *d, size_t start, size_t end, int cls, int ws, uint16_t flags, size_t check_from) {
  if (d->ntok == d->tok_cap && nw_grow((void **)&d->tok, &d->tok_cap, d->ntok + 1, sizeof *d->tok)) return -1;
  for (size_t i = check_from; i < end; i++)
    if ((unsigned char)d->text[i] >= 0x80) {
      flags |= NW_TF_NON_ASCII;
      break;
    }
  nw_token *t = &d->tok[d->ntok++];
  t->start = (uint32_t)start;
  t->end = (uint32_t)end;
  t->cls = (uint8_t)cls;
  t->ws = (uint8_t)ws;
  t->flags = flags;
  t->sentence = 0;
  return 0;
}

static int sentence_on_token(nw_doc *d, size_t i);

static int scan_tokens(nw_doc *d) {
  scan sc = {.s = d->text, .len = d->len};
  size_t p = 0;
  int ws = NW_WS_PARAGRAPH, newlines = 0;
  while (p < d->len) {
    size_t nx;
    int32_t c = cp_at(&sc, p, &nx);
    int k = kind_of(c);
    if (k == K_SPACE || k == K_FORMAT) {
      if (ws == NW_WS_NONE) ws = NW_WS_SPACE;
      p = nx;
      continue;
    }
    if (k == K_NEWLINE || k == K_NUL) {
      newlines += k == K_NUL ? 2 : 1;
      ws = newlines >= 2 ? NW_WS_PARAGRAPH : NW_WS_NEWLINE;
      p = nx;
      continue;
    }
    if (d->ntok == 0) ws = NW_WS_PARAGRAPH;
    newlines = 0;
    size_t start = p, end, check_from = p;
    uint16_t flags = 0;
    int cls;
    if (is_letter_kind(k)) {
      int inner;
      end = check_from = scan_word(&sc, p, &inner, &flags);
      cls = NW_TOK_WORD;
      if (end < d->len && d->text[end] == '.') {
        /* Keep the period of an abbreviation, an initial or a dotted acronym. */
        size_t wl = end - start;
        int initial = wl == 1 && (flags & NW_TF_UPPER_INITIAL);
        if (inner || initial || nw_abbrev_kind(d->text + start, wl)) {
          end++;
          flags |= NW_TF_ABBREV;
        }
      }
    } else if (k == K_DIGIT) {
      end = nx;
      flags |= NW_TF_HAS_DIGIT;
      while (end < d->len) {
        size_t n1;
        int32_t c1 = cp_at(&sc, end, &n1);
        int k1 = kind_of(c1);
        if (k1 == K_DIGIT || is_letter_kind(k1)) { end = n1; continue; }
        if (c1 == '.' || c1 == ',' || c1 == ':' || c1 == '/' || c1 == '-') {
          size_t n2;
          if (kind_at(&sc, n1, &n2) == K_DIGIT) { end = n2; continue; }
        }
        break;
      }
      cls = NW_TOK_NUMBER;
    } else if (k == K_QUOTE) {
      end = nx;
      cls = NW_TOK_QUOTE;
      if ((c == '\'' || c == '`') && end < d->len && d->text[end] == (char)c) end++; /* '' and `` */
      else if (is_apostrophe_cp(c) && end < d->len && (d->text[end] == 's' || d->text[end] == 'S')) {
        /* clitic 's right after a word */
        size_t n3;
        int k3 = kind_at(&sc, end + 1, &n3);
        if (d->ntok && ws == NW_WS_NONE && d->tok[d->ntok - 1].cls == NW_TOK_WORD && !is_letter_kind(k3) && k3 != K_DIGIT) {
          end++;
          cls = NW_TOK_WORD;
          flags |= NW_TF_LOWER_INITIAL;
        }
      }
    } else if (k == K_PUNCT) {
      end = nx;
      cls = NW_TOK_PUNCT;
      if (c == '.' || c == '-') /* ellipsis "..." and "--" as one token */
        while (end < d->len && d->text[end] == (char)c) end++;
    } else {
      end = nx;
      cls = NW_TOK_SYMBOL;
    }
    /* combining marks after a non-letter stay with it */
    while (end < d->len) {
      size_t n1;
      if (kind_at(&sc, end, &n1) != K_MARK) break;
      end = n1;
    }
    if (push_tok(d, start, end, cls, ws, flags, check_from)) return -1;
    if (sentence_on_token(d, d->ntok - 1)) return -1;
    if ((d->ntok & 8191) == 0 && nw_stop_requested()) return -1; /* the caller was interrupted */
    ws = NW_WS_NONE;
    p = end;
  }
  return 0;
}

/* 。！？ end a sentence with no space after them (CJK text has none). */
static int is_cjk_terminal(const nw_doc *d, const nw_token *t) {
  if (nw_tok_len(t) != 3) return 0;
  const char *w = d->text + t->start;
  return memcmp(w, "\xE3\x80\x82", 3) == 0 || memcmp(w, "\xEF\xBC\x81", 3) == 0 || memcmp(w, "\xEF\xBC\x9F", 3) == 0;
}

static int is_terminal(const nw_doc *d, const nw_token *t) {
  if (t->cls == NW_TOK_PUNCT) {
    char c = d->text[t->start];
    if (c == '.' || c == '!' || c == '?') return 1;
    if (nw_tok_len(t) == 3 && memcmp(d->text + t->start, "\xE2\x80\xA6", 3) == 0) return 1; /* … */
    return is_cjk_terminal(d, t);
  }
  return (t->flags & NW_TF_ABBREV) != 0;
}

static int is_closer(const nw_doc *d, const nw_token *t) {
  if (t->cls == NW_TOK_QUOTE) return 1;
  if (t->cls == NW_TOK_PUNCT) {
    char c = d->text[t->start];
    return c == ')' || c == ']' || c == '}';
  }
  return 0;
}

/* Does a sentence end between token i-1 and token i? */
static int breaks_before(const nw_doc *d, size_t i) {
  const nw_token *t = &d->tok[i];
  if (t->ws == NW_WS_PARAGRAPH) return 1;
  if (t->ws == NW_WS_NONE)
    return t->cls != NW_TOK_PUNCT && t->cls != NW_TOK_QUOTE && d->tok[i - 1].cls == NW_TOK_PUNCT && is_cjk_terminal(d, &d->tok[i - 1]);
  size_t j = i - 1;
  /* skip closing quotes/brackets glued to the terminal mark: end.” He */
  while (j > 0 && is_closer(d, &d->tok[j]) && d->tok[j].ws == NW_WS_NONE && !is_terminal(d, &d->tok[j])) j--;
  const nw_token *p = &d->tok[j];
  int lower_next = (t->flags & NW_TF_LOWER_INITIAL) != 0;
  if (is_terminal(d, p)) {
    if (lower_next) return 0;
    if (p->flags & NW_TF_ABBREV) {
      size_t wl = nw_tok_len(p) - 1;
      const char *w = d->text + p->start;
      if (wl == 1) return 0; /* an initial: J. Smith */
      char kind = nw_abbrev_kind(w, wl);
      if (kind == 'T') return 0;
      if (kind == 'M' && t->cls == NW_TOK_NUMBER) return 0;
      if (t->ws == NW_WS_NEWLINE) return 1;
      return nw_is_sentence_starter(d->text + t->start, nw_tok_len(t));
    }
    return 1;
  }
  if (t->ws == NW_WS_NEWLINE) {
    /* line-per-sentence text, titles and datelines; wrapped lines go on in lower case */
    if (lower_next) return 0;
    if (p->cls == NW_TOK_PUNCT) {
      char c = d->text[p->start];
      if (c == ',' || c == '-' || c == '(' || c == '[') return 0;
    }
    return 1;
  }
  return 0;
}

/* The current (last) sentence ends before token end_tok. */
static void close_sentence(nw_doc *d, size_t end_tok) {
  nw_sentence *se = &d->sent[d->nsent - 1];
  se->end_tok = (uint32_t)end_tok;
  se->start = d->tok[se->first_tok].start;
  se->end = d->tok[end_tok - 1].end;
}

/* Token i has just been added: it starts a sentence or goes on with the current one. */
static int sentence_on_token(nw_doc *d, size_t i) {
  if (i == 0 || breaks_before(d, i)) {
    if (d->nsent) close_sentence(d, i);
    if (nw_grow((void **)&d->sent, &d->sent_cap, d->nsent + 1, sizeof *d->sent)) return -1;
    d->sent[d->nsent].first_tok = (uint32_t)i;
    d->nsent++;
    d->tok[i].flags |= NW_TF_SENT_START;
  }
  d->tok[i].sentence = (uint32_t)(d->nsent - 1);
  return 0;
}

int nw_tokenize(nw_doc *d, const char *text, size_t len) {
  if (!tables_ready()) return -1;
  d->text = text;
  d->len = len;
  d->ntok = 0;
  d->nsent = 0;
  if (len > NW_MAX_TEXT) return -1;
  if (scan_tokens(d)) return -1;
  if (d->nsent) close_sentence(d, d->ntok);
  return 0;
}

void nw_doc_free(nw_doc *d) {
  free(d->tok);
  free(d->sent);
  memset(d, 0, sizeof *d);
}

int nw_tok_is(const nw_doc *d, size_t i, const char *s, int nocase) {
  if (i >= d->ntok) return 0;
  size_t n = strlen(s);
  const nw_token *t = &d->tok[i];
  if (nw_tok_len(t) != n) return 0;
  const char *w = d->text + t->start;
  if (!nocase) return memcmp(w, s, n) == 0;
  for (size_t k = 0; k < n; k++) {
    char a = w[k], b = s[k];
    if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
    if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
    if (a != b) return 0;
  }
  return 1;
}

/* The tables live as long as the library: freed when it is unloaded (the
** sqlite3 shell and Python unload extensions on close), so leak checkers
** see no loss. */
__attribute__((destructor)) static void free_tables(void) {
  nw_strmap_free(&abbrev_map);
  nw_strmap_free(&starter_map);
}
