/* Tokenizer and sentence splitter. */
#include "check.h"
#include "news.h"

#include <stdlib.h>

static nw_doc doc;

static int tok(const char *s) { return nw_tokenize(&doc, s, strlen(s)); }

/* Token i's text equals want. */
#define TOK(i, want) CHECK_EQ_STRN(doc.text + doc.tok[i].start, nw_tok_len(&doc.tok[i]), want)
#define SENT(i, want) CHECK_EQ_STRN(doc.text + doc.sent[i].start, doc.sent[i].end - doc.sent[i].start, want)

static void test_words_and_abbreviations(void) {
  CHECK_EQ_INT(tok("Mr. Okafor met Lund’s team in the U.S. on Mar. 9, 2021."), 0);
  TOK(0, "Mr.");
  CHECK(doc.tok[0].flags & NW_TF_ABBREV);
  TOK(1, "Okafor");
  CHECK(doc.tok[1].flags & NW_TF_UPPER_INITIAL);
  TOK(3, "Lund");
  TOK(4, "’s");
  TOK(8, "U.S.");
  CHECK(doc.tok[8].flags & NW_TF_ALL_UPPER);
  TOK(10, "Mar.");
  TOK(11, "9");
  TOK(12, ",");
  TOK(13, "2021");
  TOK(14, ".");
  CHECK_EQ_INT(doc.ntok, 15);
  CHECK_EQ_INT(doc.nsent, 1);
}

static void test_numbers_and_punctuation(void) {
  CHECK_EQ_INT(tok("It cost $1,000.50 at 10:30 on 2022-02-04... U.S.-led (AT&T) — \"yes\" ''no''"), 0);
  TOK(0, "It");
  TOK(2, "$");
  TOK(3, "1,000.50");
  CHECK_EQ_INT(doc.tok[3].cls, NW_TOK_NUMBER);
  TOK(5, "10:30");
  TOK(7, "2022-02-04");
  TOK(8, "...");
  TOK(9, "U.S.");
  TOK(10, "-");
  TOK(11, "led");
  TOK(13, "AT&T");
  TOK(15, "—");
  CHECK_EQ_INT(doc.tok[15].cls, NW_TOK_PUNCT);
  TOK(16, "\"");
  CHECK_EQ_INT(doc.tok[16].cls, NW_TOK_QUOTE);
  TOK(19, "''");
  CHECK_EQ_INT(doc.tok[19].cls, NW_TOK_QUOTE);
}

static void test_sentences(void) {
  CHECK_EQ_INT(tok("Mr. Putin met Mr. Xi in Beijing on Friday. They talked for hours. The U.S. was not there."), 0);
  CHECK_EQ_INT(doc.nsent, 3);
  SENT(0, "Mr. Putin met Mr. Xi in Beijing on Friday.");
  SENT(2, "The U.S. was not there.");
  /* initials, decimals and ellipses stay inside */
  CHECK_EQ_INT(tok("Donald J. Trump said 3.5 percent... of them. Ok."), 0);
  CHECK_EQ_INT(doc.nsent, 2);
  /* a weak abbreviation ends a sentence before a starter word */
  CHECK_EQ_INT(tok("He lives in the U.S. The talks failed."), 0);
  CHECK_EQ_INT(doc.nsent, 2);
  /* closing quote after the period */
  CHECK_EQ_INT(tok("“We agree.” He left. “No,” she said."), 0);
  CHECK_EQ_INT(doc.nsent, 3);
  SENT(0, "“We agree.”");
  /* blank lines end titles and datelines without a period */
  CHECK_EQ_INT(tok("Harbour Talks Resume\n\nMarch 12, 2023\n\nThe two met on No. 10 Downing Street."), 0);
  CHECK_EQ_INT(doc.nsent, 3);
  CHECK(doc.tok[0].ws == NW_WS_PARAGRAPH);
  /* wrapped lines continue in lower case */
  CHECK_EQ_INT(tok("The leaders met in the\nface of criticism.\nNext line."), 0);
  CHECK_EQ_INT(doc.nsent, 2);
}

static void test_unicode_and_bad_bytes(void) {
  CHECK_EQ_INT(tok("Путин встретился с Си Цзиньпином. 習近平 😀 café"), 0);
  TOK(0, "Путин");
  CHECK(doc.tok[0].flags & NW_TF_UPPER_INITIAL);
  CHECK_EQ_INT(doc.nsent, 2);
  const char bad[] = "ab\xff\xfe cd\xc3 \xe2\x80 x\0y z";
  CHECK_EQ_INT(nw_tokenize(&doc, bad, sizeof bad - 1), 0);
  for (size_t i = 0; i < doc.ntok; i++) {
    CHECK(doc.tok[i].end <= sizeof bad - 1);
    CHECK(doc.tok[i].start < doc.tok[i].end);
    if (i) CHECK(doc.tok[i].start >= doc.tok[i - 1].end);
  }
  CHECK_EQ_INT(tok(""), 0);
  CHECK_EQ_INT(doc.ntok, 0);
  CHECK_EQ_INT(doc.nsent, 0);
}

static void test_fold_and_normalize(void) {
  nw_buf a = {0}, b = {0}, c = {0};
  nw_fold("Zelenskyy", 9, &a);
  nw_fold("ZELENSKYY", 9, &b);
  const char *z = "Zel\xc3\xa9nskyy";
  nw_fold(z, strlen(z), &c);
  CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
  CHECK(a.len == c.len && memcmp(a.data, c.data, a.len) == 0);
  nw_buf_free(&a);
  nw_buf_free(&b);
  const char *in = "  e\xcc\x81t\xc3\xa9   two\t words  \n\n\n\nnext\r\nline \n";
  nw_normalize(in, strlen(in), &a);
  CHECK_EQ_STRN(a.data, a.len, "\xc3\xa9t\xc3\xa9 two words\n\nnext\nline");
  nw_buf_free(&a);
  nw_buf_free(&c);
}

/* Text that is not UTF-8: single-byte text is read as Windows-1252, mostly
** UTF-8 text keeps its characters and loses only its bad bytes. */
static void test_decode_text(void) {
  nw_buf out = {0};
  const char *how = nw_decode_text("Caf\xE9 \x93ok\x94 \x80" "5", 12, &out);
  CHECK(how && strstr(how, "Windows-1252"));
  CHECK_EQ_STRN(out.data, out.len, "Caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D \xE2\x82\xAC" "5");
  out.len = 0;
  how = nw_decode_text("na\xC3\xAFve \xFF caf\xC3\xA9", 14, &out);
  CHECK(how && strstr(how, "U+FFFD"));
  CHECK_EQ_STRN(out.data, out.len, "na\xC3\xAFve \xEF\xBF\xBD caf\xC3\xA9");
  out.len = 0;
  /* the five bytes Windows-1252 leaves undefined stay C1 controls */
  how = nw_decode_text("\x81", 1, &out);
  CHECK_EQ_STRN(out.data, out.len, "\xC2\x81");
  nw_buf_free(&out);
}

/* Sentences a window at a time are the whole text's sentences, whatever
** the window, on random mixes of what ends or continues a sentence. */
typedef struct span_list {
  size_t v[2 * 512], n;
} span_list;

static int collect_span(void *arg, size_t start, size_t end) {
  span_list *l = arg;
  if (l->n + 2 > sizeof l->v / sizeof l->v[0]) return 1;
  l->v[l->n++] = start;
  l->v[l->n++] = end;
  return 0;
}

static void test_sentences_in_windows(void) {
  static const char *pieces[] = {"Ann", "said", "it", " ", " ", ".", "?", "!", "Mr.", "U.S.", "\n", "\n\n", "\n \r\n",
                                 "\r\n\r\n", "\xE2\x80\x9C", "\xE2\x80\x9D", "\"", "3.5", "e.g.", "\xE3\x80\x82",
                                 "\xE2\x80\xA9", "(", ")", "...", "\t"};
  const size_t npieces = sizeof pieces / sizeof pieces[0];
  uint32_t seed = 7;
  int mismatches = 0;
  for (int round = 0; round < 400; round++) {
    char text[2048];
    size_t len = random_text(text, sizeof text, pieces, npieces, 120, &seed);
    nw_doc doc = {0};
    span_list whole = {{0}, 0}, windows = {{0}, 0};
    if (nw_tokenize(&doc, text, len)) mismatches++;
    for (size_t k = 0; k < doc.nsent; k++) collect_span(&whole, doc.sent[k].start, doc.sent[k].end);
    nw_doc_free(&doc);
    size_t window = 8 + (size_t)(round % 50) * 4;
    int rc = nw_each_sentence(text, len, window, collect_span, &windows);
    if (rc || whole.n != windows.n || memcmp(whole.v, windows.v, whole.n * sizeof whole.v[0])) mismatches++;
  }
  CHECK_EQ_INT(mismatches, 0);
  /* Without paragraph breaks a window is cut before a token after white
  ** space (a sentence start if there is one): still the same sentences. */
  static const char *flat[] = {"Ann", "said", "it", " ", " ", ".", "?", "!", "Mr.", "U.S.", "\n", "\xE2\x80\x9C",
                               "\xE2\x80\x9D", "\"", "3.5", "e.g.", "\xE3\x80\x82", "(", ")", "...", "\t", "'s", "x"};
  mismatches = 0;
  for (int round = 0; round < 400; round++) {
    char text[2048];
    size_t len = random_text(text, sizeof text, flat, sizeof flat / sizeof flat[0], 300, &seed);
    nw_doc doc = {0};
    span_list whole = {{0}, 0}, windows = {{0}, 0};
    if (nw_tokenize(&doc, text, len)) mismatches++;
    for (size_t k = 0; k < doc.nsent; k++) collect_span(&whole, doc.sent[k].start, doc.sent[k].end);
    nw_doc_free(&doc);
    size_t window = 40 + (size_t)(round % 40) * 8;
    int rc = nw_each_sentence(text, len, window, collect_span, &windows);
    if (rc || whole.n != windows.n || memcmp(whole.v, windows.v, whole.n * sizeof whole.v[0])) mismatches++;
  }
  CHECK_EQ_INT(mismatches, 0);
  /* the cut falls after a paragraph break, never inside a line */
  const char *t = "One line.\nTwo.\n\nThree.\n \nFour.";
  CHECK_EQ_INT((int)nw_window_end(t, strlen(t), 0, 12), 16);
  CHECK_EQ_INT((int)nw_window_end(t, strlen(t), 16, 4), 25);
  CHECK_EQ_INT((int)nw_window_end(t, strlen(t), 25, 4), (int)strlen(t));
}

/* The thread's document is lent once at a time; a nested caller gets its own. */
static void test_scratch(void) {
  nw_doc *a = nw_doc_acquire(), *b = nw_doc_acquire();
  CHECK(a && b && a != b);
  CHECK_EQ_INT(nw_tokenize(a, "One. Two.", 9), 0);
  CHECK_EQ_INT((int)a->nsent, 2);
  nw_doc_release(b);
  nw_doc_release(a);
  nw_doc *c = nw_doc_acquire();
  CHECK(c == a); /* the same document again, its arrays kept */
  CHECK(c->tok_cap > 0);
  nw_doc_release(c);
  char *p = nw_scratch(NW_SCRATCH_QUOTE_PARA, 100), *q = nw_scratch(NW_SCRATCH_QUOTE_PARA, 50);
  CHECK(p && p == q); /* big enough already: kept */
  memset(p, 1, 100);
  nw_scratch_done(NW_SCRATCH_QUOTE_PARA);
  CHECK(nw_scratch(NW_SCRATCH_SLOTS, 10) == NULL);
}

static void test_linear_on_long_input(void) {
  size_t n = 4 << 20;
  char *s = malloc(n + 1);
  for (size_t i = 0; i < n; i++) s[i] = "Ab. c\n\"'"[i % 8];
  CHECK_EQ_INT(nw_tokenize(&doc, s, n), 0);
  CHECK(doc.ntok > n / 8);
  memset(s, 'a', n); /* one 4 MB word */
  CHECK_EQ_INT(nw_tokenize(&doc, s, n), 0);
  CHECK_EQ_INT(doc.ntok, 1);
  free(s);
}

/* The one possessive test, on words and on the tokens "Putin" "’s". */
static void test_possessive(void) {
  CHECK_EQ_INT(nw_possessive_suffix("Putin's", 7), 2);
  CHECK_EQ_INT(nw_possessive_suffix("Putin\xE2\x80\x99s", 9), 4);
  CHECK_EQ_INT(nw_possessive_suffix("PUTIN'S", 7), 2);
  CHECK_EQ_INT(nw_possessive_suffix("officials'", 10), 1);
  CHECK_EQ_INT(nw_possessive_suffix("officials\xE2\x80\x99", 12), 3);
  CHECK_EQ_INT(nw_possessive_suffix("it's", 4), 0);
  CHECK_EQ_INT(nw_possessive_suffix("He\xE2\x80\x99s", 6), 0);
  CHECK_EQ_INT(nw_possessive_suffix("let's", 5), 0);
  CHECK_EQ_INT(nw_possessive_suffix("Putin", 5), 0);
  CHECK_EQ_INT(nw_possessive_suffix("Xi'", 3), 0); /* a closing mark, not s' */
  CHECK_EQ_INT(nw_possessive_suffix("'s", 2), 0);  /* no word to own anything */
  CHECK_EQ_INT(tok("Putin's aide and Xi\xE2\x80\x99s: it's late, he's gone."), 0);
  TOK(1, "'s");
  TOK(5, "\xE2\x80\x99s");
  CHECK(!nw_tok_possessive(&doc, 0));
  CHECK(nw_tok_possessive(&doc, 1));
  CHECK(nw_tok_possessive(&doc, 5));
  TOK(8, "'s");
  TOK(12, "'s");
  CHECK(!nw_tok_possessive(&doc, 8));  /* it's */
  CHECK(!nw_tok_possessive(&doc, 12)); /* he's */
  CHECK(!nw_tok_possessive(&doc, doc.ntok));
}

/* The one calendar (ext/core/calendar.c; test_dates.c tests it further). */
static void test_calendar(void) {
  CHECK_EQ_INT(nw_days_in_month(2024, 2), 29);
  CHECK_EQ_INT(nw_days_in_month(1900, 2), 28);
  CHECK_EQ_INT(nw_days_in_month(2000, 2), 29);
  CHECK_EQ_INT(nw_days_in_month(2023, 13), 0);
  CHECK_EQ_INT(nw_weekday(2022, 2, 4), 5); /* a Friday */
  CHECK_EQ_INT(nw_days_from_civil(1970, 1, 1), 0);
}

static void test_utf8_valid(void) {
  CHECK(nw_utf8_valid("plain ASCII text, long enough", 29));
  CHECK(nw_utf8_valid("Zel\xC3\xA9nskyy \xEF\xBF\xBD", 14));
  CHECK(!nw_utf8_valid("Zel\xE9nskyy", 10));
  CHECK(!nw_utf8_valid("\xED\xA0\x80", 3)); /* a surrogate */
}

int main(void) {
  RUN(test_words_and_abbreviations);
  RUN(test_numbers_and_punctuation);
  RUN(test_sentences);
  RUN(test_unicode_and_bad_bytes);
  RUN(test_fold_and_normalize);
  RUN(test_decode_text);
  RUN(test_sentences_in_windows);
  RUN(test_scratch);
  RUN(test_linear_on_long_input);
  RUN(test_possessive);
  RUN(test_calendar);
  RUN(test_utf8_valid);
  nw_doc_free(&doc);
  DONE();
}
