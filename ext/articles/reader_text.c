/* Plain-text articles as saved from pages or wire feeds: header lines give
** the metadata (a title line, "By ..." bylines, date lines, "Original url:"),
** line rules (data/articles/text_rules.tsv) drop site furniture, a sweep from the end
** drops the footer's short unpunctuated lines, and the rest is the body, one
** blank line between paragraphs. news_clean runs the same furniture rules. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "news_articles.h"
#include "once.h"
#include "html_rules.h"
#include "text_rules.h"

/* ---- compiled rules (once per process) -------------------------------- */

/* A rule's need word, searched by its rarest character (memchr is fast, and
** a rare anchor seldom needs the full comparison). */
typedef struct need_word {
  const char *w;
  uint8_t len, anchor;
} need_word;
enum { MAX_NEEDS = 8 };
typedef struct rule_needs {
  need_word v[MAX_NEEDS];
  uint8_t n;
} rule_needs;

static int has_need(const rule_needs *need, const char *line, size_t n);

static pcre2_code **rule_code;
static uint32_t *rule_min_len; /* shortest match in characters (so at most that many bytes) */
static rule_needs *rule_need;
static nw_once rules_once = NW_ONCE_INIT;

/* Letters from the rarest to the most frequent in English text; anything
** else (punctuation, digits) counts as rarer still. */
static int frequency_rank(char c) {
  static const char by_frequency[] = "zqxjkvbpygfwmucldrhsnioate";
  const char *p = memchr(by_frequency, c, sizeof by_frequency - 1);
  return p ? (int)(p - by_frequency) + 1 : 0;
}

/* "getty|shutterstock|photo" -> three need words. A list that does not fit
** (more than MAX_NEEDS words, or one of 256 bytes) gives none: the rule is
** then tried on every line of its length, never skipped wrongly. */
static void split_needs(const char *list, rule_needs *out) {
  out->n = 0;
  while (list && *list) {
    size_t k = strcspn(list, "|");
    if (out->n == MAX_NEEDS || k >= 256) {
      out->n = 0;
      return;
    }
    if (k) {
      need_word *w = &out->v[out->n++];
      w->w = list;
      w->len = (uint8_t)k;
      w->anchor = 0;
      for (size_t i = 1; i < k; i++)
        if (frequency_rank(list[i]) < frequency_rank(list[w->anchor])) w->anchor = (uint8_t)i;
    }
    list += k + (list[k] == '|');
  }
}

/* A failed compile frees what it made: the next use compiles again. */
static int compile_rules(void) {
  pcre2_code **codes = calloc(nw_line_rule_count, sizeof *codes);
  uint32_t *min_len = calloc(nw_line_rule_count, sizeof *min_len);
  rule_needs *needs = calloc(nw_line_rule_count, sizeof *needs);
  if (!codes || !min_len || !needs) {
    free(codes);
    free(min_len);
    free(needs);
    return -1;
  }
  for (size_t i = 0; i < nw_line_rule_count; i++) split_needs(nw_line_rules[i].need, &needs[i]);
  for (size_t i = 0; i < nw_line_rule_count; i++) {
    codes[i] = nw_compile_rule(nw_line_rules[i].pattern, 1);
    if (!codes[i]) { /* a broken rule in the data table: fail loudly, match nothing */
      for (size_t j = 0; j < i; j++) pcre2_code_free(codes[j]);
      free(codes);
      free(min_len);
      free(needs);
      return -1;
    }
    pcre2_pattern_info(codes[i], PCRE2_INFO_MINLENGTH, &min_len[i]);
  }
  rule_min_len = min_len;
  rule_need = needs;
  rule_code = codes;
  return 0;
}

__attribute__((destructor)) static void free_rules(void) {
  if (!rule_code) return;
  for (size_t i = 0; i < nw_line_rule_count; i++) pcre2_code_free(rule_code[i]);
  free(rule_code);
  free(rule_min_len);
  free(rule_need);
  rule_code = NULL;
  rule_min_len = NULL;
  rule_need = NULL;
}

static int nw_text_rules_ready(void) {
  return nw_once_try(&rules_once, compile_rules);
}

/* The cheap tests before a rule's regex: length bounds and need words. */
static int rule_may_match(size_t r, const char *line, size_t n) {
  if (n > nw_line_rules[r].max_len || n < rule_min_len[r]) return 0;
  return !rule_need[r].n || has_need(&rule_need[r], line, n);
}

/* ---- lines ------------------------------------------------------------ */

typedef struct line {
  size_t s, e;     /* trimmed extent in the working text */
  size_t gs, ge;   /* the rule's group 1, when it has one */
  uint8_t action;  /* nw_line_action of the first matching rule */
  uint8_t drop;    /* not part of the body */
  uint8_t blank;   /* a blank line precedes it */
} line;

typedef struct text_doc {
  nw_buf w;     /* the text with markdown links reduced and \r removed */
  line *ln;
  size_t n, cap;
  int utf8_ok;
} text_doc;

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

static const uint8_t markdown_special[256] = {['\r'] = 1, ['['] = 1, ['#'] = 1};

/* Markdown reduced to its text: "[text](target)" -> "text", images
** "![alt](src)" dropped, "## " heading marks dropped; "\r" dropped too.
** Linear: each "[" looks ahead a bounded way. */
static int reduce_markdown(const char *s, size_t n, nw_buf *out) {
  size_t i = 0, run = 0, next_check = 0; /* s[run..i) is copied as is */
  if (nw_grow((void **)&out->data, &out->cap, out->len + n + 1, 1)) return -1;
  while (i < n) {
    if (nw_stop_at(i, &next_check)) return -1; /* the caller was interrupted (news_clean) */
    /* most bytes are none of "\r", "[", "#": skip them in a tight loop */
    while (i < n && !markdown_special[(unsigned char)s[i]]) i++;
    if (i >= n) break;
    char c = s[i];
    int line_start = i == 0 || s[i - 1] == '\n';
    if (c != '\r' && c != '[' && !(c == '#' && line_start)) {
      i++;
      continue;
    }
    int image = c == '[' && i > run && s[i - 1] == '!';
    if (nw_buf_append_stoppable(out, s + run, i - run - (size_t)image)) return -1;
    run = ++i;
    if (c == '\r') continue;
    if (c == '#') {
      size_t j = i;
      while (j < n && j - i < 5 && s[j] == '#') j++;
      if (j < n && s[j] == ' ') run = i = j + 1; /* a heading mark */
      else run = i - 1;                           /* a hashtag: kept */
      continue;
    }
    size_t j = i;
    while (j < n && j - i < 400 && s[j] != ']' && s[j] != '\n' && s[j] != '[') j++;
    if (j < n && s[j] == ']' && j + 1 < n && s[j + 1] == '(') {
      size_t k = j + 2;
      while (k < n && k - j < 600 && s[k] != ')' && s[k] != '\n' && s[k] != ' ') k++;
      if (k < n && s[k] == ')') {
        if (!image && nw_buf_append(out, s + i, j - i)) return -1;
        i = run = k + 1;
        continue;
      }
    }
    if ((image && nw_buf_putc(out, '!')) || nw_buf_putc(out, '[')) return -1;
  }
  if (nw_buf_append_stoppable(out, s + run, n - run)) return -1;
  return nw_buf_append(out, "", 0);
}

static int split_lines(text_doc *d) {
  const char *s = d->w.data;
  size_t n = d->w.len, i = 0, next_check = 0;
  int blank = 0;
  while (i <= n) {
    if (nw_stop_at(i, &next_check)) return -1;
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    size_t a = i, b = e;
    while (a < b && is_ws(s[a])) a++;
    while (b > a && is_ws(s[b - 1])) b--;
    /* NBSP-only lines count as blank too */
    while (b - a >= 2 && (unsigned char)s[a] == 0xC2 && (unsigned char)s[a + 1] == 0xA0) a += 2;
    if (a == b) blank = 1;
    else {
      if (nw_grow((void **)&d->ln, &d->cap, d->n + 1, sizeof *d->ln)) return -1;
      d->ln[d->n++] = (line){.s = a, .e = b, .blank = (uint8_t)blank};
      blank = 0;
    }
    if (e >= n) break;
    i = e + 1;
  }
  return 0;
}

/* Word w (lower case) in line at an anchor found by searching for ch (the
** anchor as written in one case), ASCII case aside. */
static int find_at_anchor(const need_word *w, char ch, const char *line, size_t n) {
  const char *p = line + w->anchor, *end = line + n - (w->len - w->anchor) + 1;
  while (p < end && (p = memchr(p, ch, (size_t)(end - p)))) {
    if (!nw_ascii_ncasecmp(p - w->anchor, w->w, w->len)) return 1;
    p++;
  }
  return 0;
}

/* The line has one of the rule's need words, in any case. */
static int has_need(const rule_needs *need, const char *line, size_t n) {
  for (size_t i = 0; i < need->n; i++) {
    const need_word *w = &need->v[i];
    if (w->len > n) continue;
    char a = w->w[w->anchor];
    if (find_at_anchor(w, a, line, n) || (a >= 'a' && a <= 'z' && find_at_anchor(w, (char)(a - 32), line, n)))
      return 1;
  }
  return 0;
}

static void classify(text_doc *d) {
  if (!nw_text_rules_ready()) return;
  pcre2_match_data *md = pcre2_match_data_create(4, NULL);
  if (!md) return;
  uint32_t opts = d->utf8_ok ? PCRE2_NO_UTF_CHECK : 0;
  size_t next_check = 0;
  for (size_t k = 0; k < d->n; k++) {
    line *l = &d->ln[k];
    size_t len = l->e - l->s;
    if (nw_stop_at(l->s, &next_check)) break; /* interrupted: the caller asks nw_stopped */
    for (size_t r = 0; r < nw_line_rule_count; r++) {
      if (!rule_may_match(r, d->w.data + l->s, len)) continue;
      int rc = pcre2_match(rule_code[r], (PCRE2_SPTR)d->w.data + l->s, len, 0, opts, md, NULL);
      if (rc <= 0) continue;
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
      l->action = nw_line_rules[r].action;
      if (rc >= 2 && ov[2] != PCRE2_UNSET) {
        l->gs = l->s + ov[2];
        l->ge = l->s + ov[3];
      } else l->gs = l->ge = 0;
      break;
    }
  }
  pcre2_match_data_free(md);
}

static int is_url_line(const char *s, size_t n) {
  if (n && s[0] == '<' && s[n - 1] == '>') s++, n -= 2;
  if (n < 8 || (strncmp(s, "http://", 7) && strncmp(s, "https://", 8))) return 0;
  return memchr(s, ' ', n) == NULL;
}

static size_t words_in(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) w++;
  return w;
}

/* Ends like a sentence or a quotation (the footer sweep keeps such lines). */
static int ends_sentence(const char *s, size_t n) {
  if (!n) return 0;
  unsigned char c = (unsigned char)s[n - 1];
  if (strchr(".!?:\")", c)) return 1;
  /* ” ’ … */
  return n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
         (c == 0x9D || c == 0x99 || c == 0xA6);
}

/* Sentence ends inside s (". X" after a word that is neither an
** abbreviation nor an initial). */
static int inner_sentence_ends(const char *s, size_t n) {
  int count = 0;
  for (size_t i = 1; i + 2 < n; i++) {
    if (!s[i] || !strchr(".!?", s[i]) || s[i + 1] != ' ' || !(s[i + 2] >= 'A' && s[i + 2] <= 'Z')) continue;
    size_t w = i;
    while (w > 0 && s[w - 1] != ' ') w--;
    int initial = i - w == 1 && s[w] >= 'A' && s[w] <= 'Z';
    if (s[i] != '.' || (!initial && !nw_is_abbrev(s + w, i + 1 - w))) count++;
  }
  return count;
}

/* ---- furniture -------------------------------------------------------- */

/* Apply the drop rules; metadata rules are furniture only when meta is set
** (the reader takes them out of the body; news_clean keeps such lines). */
static void mark_furniture(text_doc *d, nw_article *meta) {
  const char *s = d->w.data;
  for (size_t k = 0; k < d->n; k++) {
    line *l = &d->ln[k];
    switch (l->action) {
      case LR_DROP:
      case LR_RULE:
      case LR_TWEET:
      case LR_COPYRIGHT: l->drop = 1; break;
      case LR_DROP_NEXT:
        l->drop = 1;
        if (k + 1 < d->n && d->ln[k + 1].action != LR_KEEP) d->ln[++k].drop = 1;
        break;
      case LR_EMBED: {
        l->drop = 1;
        size_t end = k + 1;
        for (size_t j = k + 1; j < d->n && j <= k + 5; j++)
          if (d->ln[j].action == LR_TWEET) {
            end = j;
            break;
          }
        for (size_t j = k + 1; j <= end && j < d->n; j++) d->ln[j].drop = 1;
        k = end;
        break;
      }
      case LR_URL:
        l->drop = 1;
        if (l->gs == l->ge && k + 1 < d->n && is_url_line(s + d->ln[k + 1].s, d->ln[k + 1].e - d->ln[k + 1].s)) {
          d->ln[k + 1].drop = 1;
          if (meta && !meta->url) {
            const line *u = &d->ln[k + 1];
            size_t a = u->s, b = u->e;
            if (s[a] == '<') a++, b--;
            if (nw_article_set(&meta->url, s + a, b - a)) return;
          }
        } else if (meta && !meta->url && l->ge > l->gs && nw_article_set(&meta->url, s + l->gs, l->ge - l->gs))
          return;
        break;
      default: break;
    }
  }
  /* A bare URL line right after an "Original url:" line was taken above;
  ** other bare URL lines are links, not text. */
  for (size_t k = 0; k < d->n; k++)
    if (is_url_line(s + d->ln[k].s, d->ln[k].e - d->ln[k].s)) d->ln[k].drop = 1;
}

/* From the end, the footer: short lines without sentence punctuation (site
** links, "Your account" menus) and furniture, up to the last real paragraph
** or an article credit line. Outlets they name are a source clue. */
static const char *sweep_footer(text_doc *d) {
  const char *s = d->w.data, *outlet = NULL;
  size_t kept = 0;
  for (size_t k = 0; k < d->n; k++) kept += !d->ln[k].drop;
  for (size_t k = d->n; k-- > 0;) {
    line *l = &d->ln[k];
    size_t len = l->e - l->s;
    if (l->drop) {
      if (!outlet && (l->action == LR_DROP || l->action == LR_COPYRIGHT)) outlet = nw_outlet_named_in(s + l->s, len);
      continue;
    }
    if (l->action == LR_KEEP || kept <= 1 || ends_sentence(s + l->s, len) || words_in(s + l->s, len) > 6) break;
    l->drop = 1;
    kept--;
    if (!outlet) outlet = nw_outlet_named_in(s + l->s, len);
  }
  return outlet;
}

/* ---- header metadata --------------------------------------------------- */

static int set_date(nw_article *a, const char *s, size_t n) {
  char v[NW_DATE_BUF];
  int dated = nw_full_date(s, n, v);
  if (dated <= 0) return dated; /* none, or -1: out of memory */
  if (!a->published && nw_article_set(&a->published, v, NW_YMD_LEN)) return -1;
  return 1;
}

/* "By ..." that reads like names, not a sentence ("By 2015, ..."). */
static int byline_like(const char *s, size_t n) {
  if (n < 2 || n > 160 || words_in(s, n) > 14 || inner_sentence_ends(s, n)) return 0;
  return !ends_sentence(s, n) || s[n - 1] == '.';
}

/* " date 2022-02-04 rest" as the first line: the date, and where the rest starts. */
static size_t date_prefix(text_doc *d, nw_article *a) {
  if (!d->n) return 0;
  line *l = &d->ln[0];
  const char *s = d->w.data + l->s;
  size_t n = l->e - l->s;
  if (n < 15 || nw_ascii_ncasecmp(s, "date ", 5) != 0) return 0;
  char v[NW_DATE_BUF];
  if (nw_full_date(s + 5, 10, v) != 1) return 0;
  if (nw_article_set(&a->published, v, NW_YMD_LEN)) return 0;
  size_t skip = 15;
  while (skip < n && s[skip] == ' ') skip++;
  return skip;
}

static int title_from(text_doc *d, size_t k, nw_article *a) {
  const char *s = d->w.data;
  line *l = &d->ln[k];
  size_t n = l->e - l->s;
    /* a headline: short, at most two sentences ("History. Again.") */
  if (l->action != LR_NONE || words_in(s + l->s, n) > 20 || inner_sentence_ends(s + l->s, n) > 1) return 0;
  if (k + 1 >= d->n) return 0; /* a single line is a body, not a headline */
  char last = s[l->e - 1];
  nw_buf t = {0};
  if (nw_buf_append(&t, s + l->s, n)) return -1;
  /* "Headline; " + "subtitle." on the next line: one title over two lines */
  if ((last == ';' || last == ':') && !d->ln[k + 1].blank && d->ln[k + 1].action == LR_NONE) {
    line *m = &d->ln[k + 1];
    if (words_in(s + m->s, m->e - m->s) <= 25 && (nw_buf_putc(&t, ' ') || nw_buf_append(&t, s + m->s, m->e - m->s))) {
      nw_buf_free(&t);
      return -1;
    }
    m->drop = 1;
  } else if (last == ',' || !d->ln[k + 1].blank) {
    nw_buf_free(&t);
    return 0;
  }
  /* Headlines carry no final full stop (an abbreviation's period stays). */
  size_t tl = t.len, q = tl; /* q: where closing quotation marks begin */
  while (q > 0 && (t.data[q - 1] == '\'' || t.data[q - 1] == '"')) q--;
  if (q >= 3 && !memcmp(t.data + q - 3, "\xE2\x80\x99", 3)) q -= 3;
  else if (q >= 3 && !memcmp(t.data + q - 3, "\xE2\x80\x9D", 3)) q -= 3;
  if (q > 1 && t.data[q - 1] == '.' && t.data[q - 2] != '.') {
    size_t w = q - 1;
    while (w > 0 && t.data[w - 1] != ' ') w--;
    if (!nw_is_abbrev(t.data + w, q - w)) {
      memmove(t.data + q - 1, t.data + q, tl - q);
      tl--;
    }
  }
  int rc = nw_article_set(&a->title, t.data, tl);
  nw_buf_free(&t);
  l->drop = 1;
  return rc ? -1 : 1;
}

/* The header block: up to a few lines before the body, in any order:
** title (first), bylines, date lines. */
static int read_header(text_doc *d, nw_article *a, size_t *first_body_off) {
  const char *s = d->w.data;
  size_t skip = date_prefix(d, a);
  size_t k = 0;
  if (skip) {
    line *l = &d->ln[0];
    if (l->s + skip < l->e) {
      *first_body_off = skip; /* the header shares its line with body text */
      return 0;
    }
    l->drop = 1;
    k = 1;
  }
  int seen = 0, can_title = 1;
  for (; k < d->n && seen < 6; k++) {
    line *l = &d->ln[k];
    if (l->drop) continue;
    const char *t = s + l->s;
    size_t n = l->e - l->s;
    const char *g = s + l->gs;
    size_t gn = l->ge - l->gs;
    seen++;
    if (l->action == LR_BYLINE && byline_like(g, gn)) {
      if (!a->byline && nw_article_set(&a->byline, g, gn)) return -1;
      l->drop = 1;
      can_title = 0;
      continue;
    }
    if (l->action == LR_DATE || words_in(t, n) <= 7) {
      int rc = l->action == LR_DATE ? set_date(a, g, gn) : set_date(a, t, n);
      if (rc < 0) return -1;
      if (rc > 0) {
        l->drop = 1;
        continue;
      }
    }
    if (l->action == LR_TITLE) {
      if (!a->title && nw_article_set(&a->title, g, gn)) return -1;
      l->drop = 1;
      continue;
    }
    if (l->action == LR_SOURCE) {
      if (!a->source && nw_article_set(&a->source, g, gn)) return -1;
      l->drop = 1;
      continue;
    }
    if (can_title && !a->title) {
      can_title = 0;
      int rc = title_from(d, k, a);
      if (rc < 0) return -1;
      if (rc > 0) continue;
    }
    if (l->action == LR_NONE && words_in(t, n) > 12) break; /* the body has begun */
    can_title = 0;
  }
  return 0;
}

/* "WASHINGTON, Feb. 4, 2022 (Reuters) - ..." at the start of the body. */
static int read_dateline(const char *p, size_t n, nw_article *a, const char **outlet) {
  size_t lim = n < 120 ? n : 120, dash = 0;
  for (size_t i = 0; i + 2 < lim; i++) {
    if (p[i] == ' ' && (p[i + 1] == '-' || !memcmp(p + i + 1, "\xE2\x80\x94", 3) || !memcmp(p + i + 1, "\xE2\x80\x93", 3))) {
      dash = i;
      break;
    }
  }
  if (!dash) return 0;
  const char *open = memchr(p, '(', dash);
  const char *close = open ? memchr(open, ')', dash - (size_t)(open - p)) : NULL;
  if (open && close && !*outlet) *outlet = nw_outlet_named_in(open + 1, (size_t)(close - open - 1));
  size_t end = open ? (size_t)(open - p) : dash;
  /* try the text after each comma of the place part as a date */
  for (size_t i = 0; i < end; i++)
    if (p[i] == ',') {
      int rc = set_date(a, p + i + 1, end - i - 1);
      if (rc) return rc < 0 ? -1 : 0;
    }
  return 0;
}

/* ---- body ------------------------------------------------------------- */

static int starts_lower(const char *s, size_t n) { return n && s[0] >= 'a' && s[0] <= 'z'; }
static int ends_open(const char *s, size_t n) {
  return n && ((s[n - 1] >= 'a' && s[n - 1] <= 'z') || s[n - 1] == ',');
}

static int write_body(text_doc *d, size_t first_off, nw_buf *out) {
  const char *s = d->w.data;
  int have = 0;
  size_t prev_s = 0, prev_e = 0, next_check = 0;
  for (size_t k = 0; k < d->n; k++) {
    line *l = &d->ln[k];
    if (l->drop) continue;
    size_t a = l->s + (k == 0 ? first_off : 0), b = l->e;
    if (nw_stop_at(a, &next_check)) return -1;
    if (have) {
      /* Hard-wrapped lines and paragraphs broken mid-sentence join up. */
      int join = l->blank ? (ends_open(s + prev_s, prev_e - prev_s) && starts_lower(s + a, b - a))
                          : !ends_sentence(s + prev_s, prev_e - prev_s);
      if (nw_buf_append(out, join ? " " : "\n\n", join ? 1 : 2)) return -1;
    }
    if (nw_buf_append_stoppable(out, s + a, b - a)) return -1;
    have = 1;
    prev_s = a;
    prev_e = b;
  }
  return 0;
}

static int doc_load(text_doc *d, const char *s, size_t n) {
  memset(d, 0, sizeof *d);
  int valid = nw_utf8_valid_stoppable(s, n);
  if (valid == NW_STOPPED) return -1;
  d->utf8_ok = valid;
  if (reduce_markdown(s, n, &d->w) || split_lines(d)) return -1;
  classify(d);
  return 0;
}

static void doc_free(text_doc *d) {
  nw_buf_free(&d->w);
  free(d->ln);
}

int nw_clean_lines(const char *s, size_t n, nw_buf *out) {
  text_doc d;
  int rc = -1;
  if (!nw_text_rules_ready()) return -1;
  if (doc_load(&d, s, n) == 0 && !nw_stopped()) {
    mark_furniture(&d, NULL);
    sweep_footer(&d);
    rc = write_body(&d, 0, out);
  }
  doc_free(&d);
  return rc;
}

int nw_read_text(const char *path, const char *s, size_t n, nw_article *a) {
  text_doc d;
  int rc = -1;
  nw_buf body = {0};
  if (!nw_text_rules_ready()) return -1;
  if (doc_load(&d, s, n)) goto done;
  mark_furniture(&d, a);
  const char *footer_outlet = sweep_footer(&d);
  size_t first_off = 0;
  if (read_header(&d, a, &first_off)) goto done;
  for (size_t k = 0; k < d.n; k++) {
    line *l = &d.ln[k];
    if (l->action == LR_COPYRIGHT && !a->source && l->ge > l->gs) {
      const char *o = nw_outlet_named_in(d.w.data + l->gs, l->ge - l->gs);
      if (nw_article_set(&a->source, o ? o : d.w.data + l->gs, o ? strlen(o) : l->ge - l->gs)) goto done;
    }
  }
  if (write_body(&d, first_off, &body)) goto done;
  doc_free(&d); /* the working copy is done with: keep the peak memory low on large files */
  memset(&d, 0, sizeof d);
  const char *dateline_outlet = NULL;
  if (body.len && read_dateline(body.data, body.len, a, &dateline_outlet) < 0) goto done;
  if (nw_article_from_url(a, path)) goto done;
  const char *o = NULL;
  if (!a->source && a->byline) o = nw_outlet_of_byline(a->byline, strlen(a->byline));
  if (!o) o = footer_outlet;
  if (!o) o = dateline_outlet;
  if (!a->source && o && nw_article_set(&a->source, o, strlen(o))) goto done;
  if (nw_body_finish(body.data ? body.data : "", body.len, &a->body)) goto done;
  rc = 0;
done:
  nw_buf_free(&body);
  doc_free(&d);
  return rc;
}

int nw_line_is_furniture(const char *s, size_t n, int keep_posts) {
  if (!nw_text_rules_ready()) return 0;
  pcre2_match_data *md = NULL;
  uint32_t opts = 0;
  int drop = 0;
  for (size_t r = 0; r < nw_line_rule_count && !drop; r++) {
    if (!rule_may_match(r, s, n)) continue;
    if (!md) { /* only when a rule gets this far: most blocks never need one */
      if (!(md = pcre2_match_data_create(4, NULL))) return 0;
      opts = nw_utf8_valid(s, n) ? PCRE2_NO_UTF_CHECK : 0;
    }
    if (pcre2_match(rule_code[r], (PCRE2_SPTR)s, n, 0, opts, md, NULL) <= 0) continue;
    uint8_t act = nw_line_rules[r].action;
    if (act == LR_KEEP) break;
    /* a "Published: ..." or "Updated at ..." line is metadata, as the URL line is */
    drop = act == LR_DROP || act == LR_DROP_NEXT || act == LR_COPYRIGHT || act == LR_URL || act == LR_DATE ||
           (!keep_posts && (act == LR_EMBED || act == LR_TWEET));
  }
  pcre2_match_data_free(md);
  return drop;
}
