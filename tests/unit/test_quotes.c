/* Quotations: spans, apostrophes, speakers, cues and names on invented sentences. */
#include "check.h"
#include "news_quotes.h"

#include <stdlib.h>

static nw_doc doc;
static nw_quotes qs;

static int run(const char *s) {
  if (nw_tokenize(&doc, s, strlen(s))) return -1;
  return nw_extract_quotes(&doc, &qs);
}

#define SPAN_IS(a, b, want) CHECK_EQ_STRN(doc.text + (a), (a) <= (b) ? (b) - (a) : 0, want)
#define QUOTE(i, want) SPAN_IS(qs.v[i].start, qs.v[i].end, want)
#define SPEAKER(i, want) SPAN_IS(qs.v[i].speaker_start, qs.v[i].speaker_end, want)
#define CUE(i, want) SPAN_IS(qs.v[i].cue_start, qs.v[i].cue_end, want)
#define NAME(i, want) CHECK_EQ_STRN(qs.names.data + qs.v[i].name_off, qs.v[i].name_len, want)
#define NO_SPEAKER(i) CHECK(qs.v[i].speaker_start == NW_QUOTE_NONE)
#define NO_CUE(i) CHECK(qs.v[i].cue_start == NW_QUOTE_NONE)

/* One row of the construction table: text, quotation, speaker mention, cue, name. */
typedef struct construction {
  const char *text, *quote, *mention, *cue, *name;
} construction;

static const construction table[] = {
  {"Lena Ortiz said, “The bridge will open in May.”", "“The bridge will open in May.”", "Lena Ortiz", "said", "Lena Ortiz"},
  {"“The bridge will open in May,” said Lena Ortiz.", "“The bridge will open in May,”", "Lena Ortiz", "said", "Lena Ortiz"},
  {"“The bridge will open in May,” Ortiz told reporters.", "“The bridge will open in May,”", "Ortiz", "told", "Ortiz"},
  {"Lena Ortiz, the mayor of Fairview, said the bridge was “a triumph.”", "“a triumph.”", "Lena Ortiz", "said", "Lena Ortiz"},
  {"According to the city council, “the bridge is safe.”", "“the bridge is safe.”", "the city council", "According to", "city council"},
  {"The mayor said: \"We are ready.\"", "\"We are ready.\"", "The mayor", "said", "mayor"},
  {"The council statement said the plan was \"reckless.\"", "\"reckless.\"", "The council statement", "said", "council statement"},
  {"Tom Reyes called the plan “a gift to developers.”", "“a gift to developers.”", "Tom Reyes", "called", "Tom Reyes"},
  {"A memo from the Harbor Authority said the pier was “unsafe.”", "“unsafe.”", "A memo from the Harbor Authority", "said", "Harbor Authority"},
  {"The paper quoted Ana Ruiz as saying “we will win.”", "“we will win.”", "Ana Ruiz", "quoted", "Ana Ruiz"},
  {"Ana Ruiz, who led the march, said “enough.”", "“enough.”", "Ana Ruiz", "said", "Ana Ruiz"},
  {"The unions called for ‘fair pay now,’ he wrote.", "‘fair pay now,’", "he", "wrote", "he"},
  {"“Build it now.” ― Ana Ruiz", "“Build it now.”", "Ana Ruiz", "―", "Ana Ruiz"},
  {"“MORALES: We will not wait.”", "“MORALES: We will not wait.”", "MORALES", ":", "MORALES"},
  {"Said Ortiz: “We are ready.”", "“We are ready.”", "Ortiz", "Said", "Ortiz"},
  {"“It is safe,” Tom Reyes, an engineer, one of the inspectors, said on Monday.", "“It is safe,”", "Tom Reyes", "said", "Tom Reyes"},
  {"Ortiz said the plan, which critics call “a gift,” was sound.", "“a gift,”", "Ortiz", "said", "Ortiz"},
  {"“Open the bridge,” a narrator in the campaign ad says.", "“Open the bridge,”", "a narrator", "says", "narrator"},
  {"“It is late” for the city, she said.", "“It is late”", "she", "said", "she"},
  {"Ana Ruiz, the engineer, flatly told the council “no.”", "“no.”", "Ana Ruiz", "told", "Ana Ruiz"},
  {"In a radio interview Ruiz declared “the bridge is safe.”", "“the bridge is safe.”", "Ruiz", "declared", "Ruiz"},
  {"Ruiz spoke on Monday. She said:\n\n“We open in May.”", "“We open in May.”", "She", "said", "Ruiz"},
};

static void test_constructions(void) {
  for (size_t k = 0; k < sizeof table / sizeof table[0]; k++) {
    const construction *t = &table[k];
    CHECK_EQ_INT(run(t->text), 0);
    CHECK_EQ_INT(qs.n, 1);
    if (qs.n != 1) { fprintf(stderr, "  in: %s\n", t->text); continue; }
    QUOTE(0, t->quote);
    SPEAKER(0, t->mention);
    CUE(0, t->cue);
    NAME(0, t->name);
    CHECK_EQ_INT(qs.v[0].kind, NW_QUOTE_DIRECT);
  }
}

static void test_pronouns_and_continuations(void) {
  CHECK_EQ_INT(run("Mayor Lena Ortiz opened the bridge. “It took ten years,” she said. “We never gave up.”\n\n"
                   "Ortiz thanked the workers. “They built it in the rain,” said Ms. Ortiz."),
               0);
  CHECK_EQ_INT(qs.n, 3);
  SPEAKER(0, "she");
  NAME(0, "Lena Ortiz");
  SPEAKER(1, "she"); /* a continuation takes the previous mention, without a cue */
  NO_CUE(1);
  CHECK(qs.v[1].continued);
  SPEAKER(2, "Ms. Ortiz");
  NAME(2, "Lena Ortiz");
}

static void test_sentence_before(void) {
  /* the attribution of the sentence before a quotation that opens its own */
  CHECK_EQ_INT(run("The port will grow, Omar Haddad said on Monday. “We need a second pier.”"), 0);
  CHECK_EQ_INT(qs.n, 1);
  SPEAKER(0, "Omar Haddad");
  NO_CUE(0);
}

static void test_groups(void) {
  CHECK_EQ_INT(run("Omar Haddad met Lena Ortiz in Fairview. Haddad and Ortiz said the deal was “historic.”"), 0);
  CHECK_EQ_INT(qs.n, 1);
  SPEAKER(0, "Haddad and Ortiz");
  NAME(0, "Omar Haddad and Lena Ortiz");
}

static void test_group_descriptions(void) {
  /* "the two leaders" are the last pair of people named, "the two countries" the last pair of places */
  CHECK_EQ_INT(run("Omar Haddad and Lena Ortiz met in Fairview on Friday. Norway and Chile signed the trade pact. "
                   "The two leaders called the deal “historic.” The two countries said it was “a new chapter.” "
                   "They added: “We will meet again.”"),
               0);
  CHECK_EQ_INT(qs.n, 3);
  NAME(0, "Omar Haddad and Lena Ortiz");
  NAME(1, "Norway and Chile");
  SPEAKER(2, "They");
  NAME(2, "Norway and Chile");
}

static void test_apostrophes(void) {
  /* possessives, elisions and plural possessives are not quotation marks */
  CHECK_EQ_INT(run("Ortiz’s band played ’90s rock ’n’ roll at the players’ union hall. It wasn't Jones' idea."), 0);
  CHECK_EQ_INT(qs.n, 0);
  /* a single-quoted term inside a quotation is nested, and a scare quote */
  CHECK_EQ_INT(run("“There are no ‘safe’ bridges,” Ortiz said."), 0);
  CHECK_EQ_INT(qs.n, 2);
  QUOTE(1, "‘safe’");
  CHECK_EQ_INT(qs.v[1].depth, 1);
  NO_SPEAKER(1);
  CHECK_EQ_INT(qs.v[1].kind, NW_QUOTE_SCARE);
}

static void test_unbalanced_and_paragraphs(void) {
  /* an unclosed mark ends at its paragraph: the next paragraph is untouched */
  CHECK_EQ_INT(run("Ortiz said, “The bridge opens soon\n\nThe weather was fine."), 0);
  CHECK_EQ_INT(qs.n, 1);
  QUOTE(0, "“The bridge opens soon");
  CHECK(!qs.v[0].closed);
  /* a quotation over two paragraphs: one row per paragraph, same speaker */
  CHECK_EQ_INT(run("Ortiz said: “The bridge opens soon.\n\n“It will carry trains too.”"), 0);
  CHECK_EQ_INT(qs.n, 2);
  SPEAKER(1, "Ortiz");
  /* straight marks and the doubled '' of wire copy */
  CHECK_EQ_INT(run("He called it ''a mess,'' and \"a disgrace.\""), 0);
  CHECK_EQ_INT(qs.n, 2);
  QUOTE(0, "''a mess,''");
  QUOTE(1, "\"a disgrace.\"");
}

static void test_scare_quotes(void) {
  CHECK_EQ_INT(run("The so-called “gig economy” keeps growing."), 0);
  CHECK_EQ_INT(qs.n, 1);
  NO_SPEAKER(0);
  NO_CUE(0);
  CHECK_EQ_INT(qs.v[0].kind, NW_QUOTE_SCARE);
}

static void test_hostile_input(void) {
  /* thousands of nested marks: linear, no crash */
  size_t n = 30000;
  char *s = malloc(n * 6 + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) { memcpy(s + k, "\xE2\x80\x9C", 3); k += 3; }
  for (size_t i = 0; i < n; i++) { memcpy(s + k, "\xE2\x80\x9D", 3); k += 3; }
  s[k] = 0;
  CHECK_EQ_INT(run(s), 0);
  CHECK_EQ_INT(qs.n, 32); /* nesting deeper than 32 marks is noise */
  /* thousands of unclosed single marks do not hide the double ones after them */
  k = 0;
  for (size_t i = 0; i < n; i++) { memcpy(s + k, "\xE2\x80\x98x ", 5); k += 5; }
  memcpy(s + k, "\xE2\x80\x9Cyes\xE2\x80\x9D", 9);
  s[k + 9] = 0;
  CHECK_EQ_INT(run(s), 0);
  CHECK_EQ_INT(qs.n, 1);
  free(s);
  CHECK_EQ_INT(run("\" ' ‘ ’ “ ” « » „ '' `` :"), 0);
  CHECK_EQ_INT(run(""), 0);
  CHECK_EQ_INT(qs.n, 0);
}

int main(void) {
  RUN(test_constructions);
  RUN(test_pronouns_and_continuations);
  RUN(test_sentence_before);
  RUN(test_groups);
  RUN(test_group_descriptions);
  RUN(test_apostrophes);
  RUN(test_unbalanced_and_paragraphs);
  RUN(test_scare_quotes);
  RUN(test_hostile_input);
  nw_quotes_free(&qs);
  nw_doc_free(&doc);
  DONE();
}
