/* Named entities: the tagger on invented sentences, mention boundaries,
** canonical forms, and robustness on odd input. */
#include "../../ext/entities/ner_internal.h"
#include "check.h"
#include "news.h"

#include <stdlib.h>

static nw_doc doc;
static nw_entities ents;

static size_t run(const char *s) {
  CHECK_EQ_INT(nw_tokenize(&doc, s, strlen(s)), 0);
  CHECK_EQ_INT(nw_extract_entities(&doc, &ents), 0);
  return ents.n;
}

/* Index of the entity whose mention is want, or -1. */
static int find(const char *want) {
  for (size_t i = 0; i < ents.n; i++)
    if (ents.v[i].end - ents.v[i].start == strlen(want) && !memcmp(doc.text + ents.v[i].start, want, strlen(want)))
      return (int)i;
  return -1;
}

#define HAS(mention, type_)                                   \
  do {                                                        \
    int k_ = find(mention);                                   \
    CHECK(k_ >= 0);                                           \
    if (k_ >= 0) CHECK_EQ_INT(ents.v[k_].type, type_);        \
  } while (0)
#define CANON(mention, want)                                                                              \
  do {                                                                                                    \
    int k_ = find(mention);                                                                               \
    CHECK(k_ >= 0);                                                                                       \
    if (k_ >= 0)                                                                                          \
      CHECK_EQ_STRN(doc.text + ents.v[k_].canon_start, ents.v[k_].canon_end - ents.v[k_].canon_start, want); \
  } while (0)

static void test_model_loads(void) {
  const ner_model *m = ner_model_builtin();
  CHECK(m != NULL);
  CHECK(ner_gaz_entries() > 1000);
  CHECK_EQ_STRN(nw_ent_type_name(NW_ENT_PERSON), 6, "PERSON");
}

static void test_titles_and_possessives(void) {
  run("President Elena Marsh arrived in Oslo on Tuesday. Marsh met the Norwegian foreign minister.");
  HAS("Elena Marsh", NW_ENT_PERSON);
  HAS("Oslo", NW_ENT_LOC);
  HAS("Norwegian", NW_ENT_MISC);
  CHECK_EQ_INT(find("President Elena Marsh"), -1);
  CANON("Marsh", "Elena Marsh");
  CHECK_EQ_INT(ents.v[find("Marsh")].sentence, 1);
  CHECK_EQ_INT(ents.v[find("Marsh")].cluster, ents.v[find("Elena Marsh")].cluster);
  run("Mr. Okafor’s plan was backed by the U.S.-led coalition.");
  HAS("Okafor", NW_ENT_PERSON); /* honorific and curly ’s outside */
  HAS("U.S.", NW_ENT_LOC);      /* "U.S.-led": the name part only */
  run("Ms. Holloway's trip — her first since March — ended in Madrid.");
  HAS("Holloway", NW_ENT_PERSON);
  HAS("Madrid", NW_ENT_LOC);
}

static void test_canonical_acronyms(void) {
  run("The Pacific Rail Consortium (PRC) said on Monday it would hire 300 workers. The PRC has offices in Chicago.");
  HAS("Pacific Rail Consortium", NW_ENT_ORG);
  CANON("PRC", "Pacific Rail Consortium");
  run("Dmitri Volkov said the United States was wrong. Volkov spoke in Geneva, where U.S. diplomats listened.");
  CANON("Volkov", "Dmitri Volkov");
  CANON("U.S.", "United States");
  CANON("Geneva", "Geneva");
}

static void test_headlines_and_sentence_starts(void) {
  run("PORTUGAL SIGNS TRADE DEAL WITH BRAZIL");
  HAS("PORTUGAL", NW_ENT_LOC);
  HAS("BRAZIL", NW_ENT_LOC);
  run("FLOODS REACH IN NORWAY"); /* a common word in capitals is not part of the name */
  CHECK_EQ_INT(find("IN NORWAY"), -1);
  run("Okonkwo, the party leader, flew to Lagos on Friday.");
  HAS("Okonkwo", NW_ENT_PERSON);
  HAS("Lagos", NW_ENT_LOC);
}

/* Every span lies inside the text, on character boundaries, on its tokens, in text order. */
static void check_spans(void) {
  int ok = 1;
  for (size_t i = 0; i < ents.n && ok; i++) {
    const nw_entity *e = &ents.v[i];
    ok = e->start < e->end && e->end <= doc.len && ((unsigned char)doc.text[e->start] & 0xC0) != 0x80 &&
         (e->end == doc.len || ((unsigned char)doc.text[e->end] & 0xC0) != 0x80) && e->canon_start < e->canon_end &&
         e->canon_end <= doc.len && e->tok_first < e->tok_end && e->tok_end <= doc.ntok &&
         doc.tok[e->tok_first].start == e->start && doc.tok[e->tok_first].sentence == e->sentence &&
         (i == 0 || ents.v[i - 1].end <= e->start);
    if (!ok) fprintf(stderr, "bad span %zu: %u-%u\n", i, e->start, e->end);
  }
  CHECK(ok);
}

static void test_non_latin_and_odd_input(void) {
  run("Президент Владимир Путин прибыл в Пекин. Then Senator Maria Okonkwo spoke in Nairobi.");
  check_spans();
  HAS("Maria Okonkwo", NW_ENT_PERSON);
  CHECK_EQ_INT(find("Президент Владимир Путин"), -1); /* the title is outside */
  CHECK_EQ_INT(run(""), 0);
  run("\xff\xfe Bad \xc3 bytes \xe2\x80 and ''' ((( --- 's 's");
  check_spans();
  /* a long text with no sentence end still works, linearly; past 200,000
  ** tokens it is tagged in windows (bounded memory) */
  size_t n = 1400000;
  char *big = malloc(n + 1);
  for (size_t i = 0; i < n; i++) big[i] = "Anna Berg met Paul in Rome and "[i % 31];
  big[n] = 0;
  run(big);
  CHECK(doc.ntok > 300000);
  CHECK(ents.n > 100000);
  check_spans();
  free(big);
}

static void test_bio_rules(void) {
  CHECK(ner_transition_ok(-1, ner_tag_begin(NW_ENT_ORG)));
  CHECK(!ner_transition_ok(-1, ner_tag_inside(NW_ENT_ORG)));
  CHECK(!ner_transition_ok(NER_O, ner_tag_inside(NW_ENT_LOC)));
  CHECK(!ner_transition_ok(ner_tag_begin(NW_ENT_PERSON), ner_tag_inside(NW_ENT_LOC)));
  CHECK(ner_transition_ok(ner_tag_begin(NW_ENT_LOC), ner_tag_inside(NW_ENT_LOC)));
  /* Viterbi never outputs an invalid sequence, even when emissions favour one */
  float em[3 * NER_NTAGS] = {0}, trans[NER_NTAGS + 1][NER_NTAGS] = {{0}};
  uint8_t back[3 * NER_NTAGS], tags[3];
  em[0 * NER_NTAGS + ner_tag_inside(NW_ENT_ORG)] = 5;
  em[1 * NER_NTAGS + ner_tag_inside(NW_ENT_ORG)] = 5;
  float tr[NER_NTAGS + 1][NER_NTAGS];
  ner_constrain(trans, tr);
  ner_viterbi(em, 0, 3, tr, tags, back);
  CHECK(ner_transition_ok(-1, tags[0]));
  CHECK(ner_transition_ok(tags[0], tags[1]) && ner_transition_ok(tags[1], tags[2]));
}

/* The type rules after tagging, on mentions typed by hand as the tagger may
** type them: the end of a person's full name is that person ("Brevik Jr."
** after "Tomas Brevik Jr."; "Vega" after "Eva Ortiz-Vega", as "Turabi" after
** "Hassan al-Turabi"); a demonym before an organisation's name with a suffix word
** begins that name. */
static nw_entity mention_of(const nw_doc *d, size_t a, size_t b, int type) {
  nw_entity e = {.start = d->tok[a].start, .end = d->tok[b - 1].end, .tok_first = (uint32_t)a,
                 .tok_end = (uint32_t)b, .type = (uint8_t)type};
  return e;
}

static void test_type_rules(void) {
  nw_doc doc = {0};
  const char *s = "Tomas Brevik Jr. met Eva Ortiz-Vega. Brevik Jr. left. Vega stayed.";
  CHECK_EQ_INT(nw_tokenize(&doc, s, strlen(s)), 0);
  /* tokens: Tomas Brevik Jr. met Eva Ortiz - Vega . Brevik Jr. left . Vega stayed . */
  nw_entity v[4] = {mention_of(&doc, 0, 3, NW_ENT_PERSON), mention_of(&doc, 4, 8, NW_ENT_PERSON),
                    mention_of(&doc, 9, 11, NW_ENT_ORG), mention_of(&doc, 13, 14, NW_ENT_LOC)};
  nw_entities out = {.v = v, .n = 4, .cap = 4};
  CHECK_EQ_STRN(s + v[2].start, v[2].end - v[2].start, "Brevik Jr.");
  CHECK_EQ_STRN(s + v[3].start, v[3].end - v[3].start, "Vega");
  CHECK_EQ_INT(ner_unify_types(&doc, &out), 0);
  CHECK_EQ_INT(v[2].type, NW_ENT_PERSON);
  CHECK_EQ_INT(v[3].type, NW_ENT_PERSON);

  const char *g = "The German Marshall Fund met the German Marshall team and the French Interior Ministry.";
  CHECK_EQ_INT(nw_tokenize(&doc, g, strlen(g)), 0);
  uint8_t tags[24] = {0};
  CHECK(doc.ntok <= sizeof tags);
  /* The German Marshall Fund met the German Marshall team and the French Interior Ministry . */
  tags[1] = tags[6] = tags[12] = (uint8_t)ner_tag_begin(NW_ENT_MISC);
  tags[13] = (uint8_t)ner_tag_begin(NW_ENT_ORG);
  tags[14] = (uint8_t)ner_tag_inside(NW_ENT_ORG);
  tags[2] = tags[7] = (uint8_t)ner_tag_begin(NW_ENT_PERSON);
  tags[3] = (uint8_t)ner_tag_inside(NW_ENT_PERSON);
  ner_demonym_orgs(&doc, tags);
  CHECK_EQ_INT(tags[1], ner_tag_begin(NW_ENT_ORG));
  CHECK_EQ_INT(tags[2], ner_tag_inside(NW_ENT_ORG));
  CHECK_EQ_INT(tags[3], ner_tag_inside(NW_ENT_ORG));
  CHECK_EQ_INT(tags[6], ner_tag_begin(NW_ENT_MISC)); /* "Marshall" alone has no suffix word */
  CHECK_EQ_INT(tags[7], ner_tag_begin(NW_ENT_PERSON));
  CHECK_EQ_INT(tags[12], ner_tag_begin(NW_ENT_MISC)); /* a body typed ORG: CoNLL keeps "French" apart */
  CHECK_EQ_INT(tags[13], ner_tag_begin(NW_ENT_ORG));
  nw_doc_free(&doc);
}

static void test_hyphen_cut(void) {
  const char *s = "Los Angeles-based firms and Weston-super-Mare";
  nw_tokenize(&doc, s, strlen(s));
  CHECK_EQ_INT(ner_hyphen_cut(&doc, 0, 4), 2);   /* Los Angeles | - based */
  CHECK_EQ_INT(ner_hyphen_cut(&doc, 6, 11), 11); /* Weston-super-Mare stays whole */
  CHECK(ner_is_title("Mr.", 3) && ner_is_honorific("Mr.", 3) && !ner_is_honorific("President", 9));
  const char *k = "Kim Jong-un and Kim Jong-led";
  nw_tokenize(&doc, k, strlen(k));
  CHECK_EQ_INT(ner_name_end(&doc, 0, 4, NW_ENT_PERSON), 4); /* a person's syllable stays */
  CHECK_EQ_INT(ner_name_end(&doc, 0, 4, NW_ENT_ORG), 2);    /* any other name's tail goes */
  CHECK_EQ_INT(ner_name_end(&doc, 5, 9, NW_ENT_PERSON), 7); /* "-led" makes a compound */
  nw_doc_free(&doc);
}

/* Text repeated n times (the caller frees it). */
static char *repeat(const char *unit, size_t n) {
  size_t l = strlen(unit);
  char *s = malloc(l * n + 1);
  for (size_t i = 0; i < n; i++) memcpy(s + i * l, unit, l);
  s[l * n] = 0;
  return s;
}

/* No mention longer than a name can be, none that is only a title. */
static void check_no_runaway(const char *unit, size_t n) {
  char *s = repeat(unit, n);
  run(s);
  int ok = 1;
  for (size_t i = 0; i < ents.n; i++) {
    const nw_entity *e = &ents.v[i];
    const char *w = doc.text + e->start;
    size_t len = e->end - e->start;
    if (e->tok_end - e->tok_first > 12 || len > 160 || ner_is_honorific(w, len) || ner_is_title(w, len)) ok = 0;
  }
  CHECK(ok);
  check_spans();
  free(s);
}

static void test_pathological_mentions(void) {
  check_no_runaway("A. ", 1000);
  check_no_runaway("Mr. ", 1000);
  check_no_runaway("U.S.", 1000);
  check_no_runaway("Sen. ", 300);
  /* a title said alone names no one; with the name it stays outside */
  run("The President said on Tuesday that talks would resume. Mr. Harlan Voss agreed.");
  CHECK_EQ_INT(find("President"), -1);
  HAS("Harlan Voss", NW_ENT_PERSON);
  /* a surname that is also a title word stays a name when the text gives the full name */
  run("Tennis player Marla Jean King won in Paris. King said she was happy.");
  HAS("King", NW_ENT_PERSON);
  CANON("King", "Marla Jean King");
}

/* Sentences that cannot hold a name (no capitalized word) are not tagged:
** punctuation, broken bytes and lower-case markup give nothing, quickly,
** and do not change what the tagger finds in the sentences around them. */
static void test_nameless_sentences(void) {
  const char *units[] = {"\"", "\xff", "<div>", "... --- !!! ", "the end. "};
  for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
    char *s = repeat(units[k], 20000);
    CHECK_EQ_INT(run(s), 0);
    free(s);
  }
  run("Anna Berg met Paul Odhiambo in Nairobi.");
  size_t alone = ents.n;
  run("\"\"\"\"\"\" <div><div> . Anna Berg met Paul Odhiambo in Nairobi. ((( ))) --- . \xff\xfe");
  CHECK_EQ_INT(ents.n, alone);
  HAS("Nairobi", NW_ENT_LOC);
  check_spans();
}

static void test_describe(void) {
  nw_entities_info in;
  nw_entities_describe(&in);
  CHECK(in.model_ok && in.model_bytes > 100000 && in.tags == NER_NTAGS && in.gazetteer_phrases > 1000);
}

/* Mentions as a tagger might give them (each the first occurrence at or
** after the previous one's end, with its type): the canonical forms do not
** depend on the tagger getting the edges right. */
typedef struct given_mention {
  const char *text;
  int type;
} given_mention;

static void mentions(const char *text, const given_mention *m, size_t n) {
  CHECK_EQ_INT(nw_tokenize(&doc, text, strlen(text)), 0);
  ents.n = 0;
  const char *from = text;
  for (size_t i = 0; i < n; i++) {
    const char *at = strstr(from, m[i].text);
    CHECK(at != NULL);
    if (!at || nw_grow((void **)&ents.v, &ents.cap, ents.n + 1, sizeof *ents.v)) return;
    uint32_t s = (uint32_t)(at - text), e = s + (uint32_t)strlen(m[i].text), a = 0, b;
    while (a < doc.ntok && doc.tok[a].start < s) a++;
    for (b = a; b < doc.ntok && doc.tok[b].end <= e; b++) {}
    ents.v[ents.n++] = (nw_entity){s, e, a, b, doc.tok[a].sentence, 0, 0, 0, (uint8_t)m[i].type};
    from = at + strlen(m[i].text);
  }
  CHECK_EQ_INT(ner_resolve_canonical(&doc, &ents), 0);
}

static void test_canonical_person_edges(void) {
  /* a word the text uses as another kind of name is no part of a person's
  ** name ("Republican", an outlet's name), nor is a common word that opens a
  ** sentence ("Celebrating", written in lower case elsewhere) */
  static const given_mention m[] = {
    {"Republican Dana Whitfield", NW_ENT_PERSON}, {"Republican", NW_ENT_MISC}, {"Fairview Gazette", NW_ENT_ORG},
    {"Fairview Gazette Whitfield", NW_ENT_PERSON}, {"Celebrating Dana Whitfield", NW_ENT_PERSON},
  };
  mentions("Republican Dana Whitfield won. A Republican won. We read the Fairview Gazette. "
           "The Fairview Gazette Whitfield spoke. Celebrating Dana Whitfield, we kept celebrating.", m, 5);
  CANON("Republican Dana Whitfield", "Dana Whitfield");
  CANON("Fairview Gazette Whitfield", "Dana Whitfield");
  CANON("Celebrating Dana Whitfield", "Dana Whitfield");
  CHECK_EQ_INT(ents.v[0].cluster, ents.v[4].cluster);
  /* but a given name stays, and a name proper never starts at a middle
  ** initial, when the text also uses the given name as another name */
  static const given_mention g[] = {
    {"Donald J. Kestrel", NW_ENT_PERSON}, {"Donald", NW_ENT_LOC}, {"Marlow J. Kestrel", NW_ENT_PERSON},
    {"Marlow", NW_ENT_LOC}, {"Kestrel", NW_ENT_PERSON},
  };
  mentions("A note from Donald J. Kestrel hung there. The Art of Being the Donald sold well. "
           "Marlow J. Kestrel wrote it in Marlow. Kestrel smiled.", g, 5);
  CANON("Donald J. Kestrel", "Donald J. Kestrel");
  CANON("Marlow J. Kestrel", "Marlow J. Kestrel");
  /* a title the tagger took in is no part of the name; initials are */
  static const given_mention t[] = {
    {"Sens. Orrin Platt", NW_ENT_PERSON}, {"Mr. Platt", NW_ENT_PERSON}, {"Dr. Ada Rusk", NW_ENT_PERSON},
    {"J.J. Kowal", NW_ENT_PERSON},
  };
  mentions("Sens. Orrin Platt spoke. Mr. Platt left. Dr. Ada Rusk and J.J. Kowal stayed.", t, 4);
  CANON("Sens. Orrin Platt", "Orrin Platt");
  CANON("Mr. Platt", "Orrin Platt");
  CANON("Dr. Ada Rusk", "Ada Rusk");
  CANON("J.J. Kowal", "J.J. Kowal");
  /* a title-case headline's common word (in lower case elsewhere) before a
  ** family name the text gives in full is no given name ("Says Vale") */
  static const given_mention h[] = {
    {"Kestrel", NW_ENT_PERSON},      {"Says Vale", NW_ENT_PERSON},   {"Ruth Vale", NW_ENT_PERSON},
    {"Dorian Kestrel", NW_ENT_PERSON}, {"Marta Vale", NW_ENT_PERSON},
  };
  mentions("Kestrel Says Vale And Ruth Vale Would Lose Every Debate\n"
           "Dorian Kestrel spoke in Ohio on Monday. He says Marta Vale would lose.", h, 5);
  CANON("Says Vale", "Marta Vale");
  CANON("Ruth Vale", "Ruth Vale");
  /* the text's first line is its headline even with a final period; a given
  ** name and a surname there are a full name the text's surnames point to */
  static const given_mention f[] = {
    {"Endorsed Vale", NW_ENT_PERSON}, {"Marta Vale", NW_ENT_PERSON}, {"Dorian Vale", NW_ENT_PERSON},
    {"Vale", NW_ENT_PERSON},
  };
  mentions("Right After This Big Senator Endorsed Vale, The Party Did Something Odd.\n"
           "Marta Vale Wins Praise From Every Side Of The House\nDorian Vale, her brother, spoke. Vale left.", f, 4);
  CANON("Endorsed Vale", "Marta Vale");
  CANON("Vale", "Marta Vale");
}

int main(void) {
  RUN(test_model_loads);
  RUN(test_canonical_person_edges);
  RUN(test_titles_and_possessives);
  RUN(test_canonical_acronyms);
  RUN(test_headlines_and_sentence_starts);
  RUN(test_non_latin_and_odd_input);
  RUN(test_bio_rules);
  RUN(test_hyphen_cut);
  RUN(test_pathological_mentions);
  RUN(test_nameless_sentences);
  RUN(test_describe);
  RUN(test_type_rules);
  nw_entities_free(&ents);
  nw_doc_free(&doc);
  DONE();
}
