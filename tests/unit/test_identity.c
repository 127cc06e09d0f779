/* Cross-article identity (ext/identity/identity.h): one test per rule, over
** invented names. */
#include "../../ext/identity/identity.h"
#include "check.h"
#include "news_entities.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static char got[256];

static const char *clean(const char *s, int type) {
  nw_buf b = {0};
  nw_identity_clean(s, strlen(s), type, &b);
  snprintf(got, sizeof got, "%.*s", (int)b.len, b.data ? b.data : "");
  nw_buf_free(&b);
  return got;
}

static const char *form(const char *s, int type, int *alias) {
  nw_buf b = {0};
  nw_identity_match_form(s, strlen(s), type, &b, alias);
  snprintf(got, sizeof got, "%.*s", (int)b.len, b.data ? b.data : "");
  nw_buf_free(&b);
  return got;
}

#define CHECK_STR(a, b) CHECK(strcmp((a), (b)) == 0 || (fprintf(stderr, "  got \"%s\", want \"%s\"\n", (a), (b)), 0))

/* Rule 1: what is not part of a name. */
static void test_clean(void) {
  CHECK_STR(clean("Rep. Marla Quinby (R-Ohio)", NW_ENT_PERSON), "Marla Quinby");
  CHECK_STR(clean("MSNBC host Tilda Brenner", NW_ENT_PERSON), "Tilda Brenner");
  CHECK_STR(clean("Sen. Harlan Oduya, D-Wis.", NW_ENT_PERSON), "Harlan Oduya");
  CHECK_STR(clean("Republican presidential nominee Dorian K. Vale", NW_ENT_PERSON), "Dorian K. Vale");
  CHECK_STR(clean("Quinby\xE2\x80\x99s", NW_ENT_PERSON), "Quinby");
  CHECK_STR(clean("\xE2\x80\x9CMayor Ansel de Corvo,\xE2\x80\x9D", NW_ENT_PERSON), "Ansel de Corvo");
  CHECK_STR(clean("Faisal al-Murrani", NW_ENT_PERSON), "Faisal al-Murrani");
  CHECK_STR(clean("Mr. Vale", NW_ENT_PERSON), "Vale");
  CHECK_STR(clean("North Dakota Gov. Orrin Platt", NW_ENT_PERSON), "Orrin Platt");
  CHECK_STR(clean("Interim Party Chairwoman Dana Bly", NW_ENT_PERSON), "Dana Bly");
  CHECK_STR(clean("Orrin Platt of North Dakota", NW_ENT_PERSON), "Orrin Platt");
  CHECK_STR(clean("Sens. Ada Rusk", NW_ENT_PERSON), "Ada Rusk");
  CHECK_STR(clean("Secretary of State Ada Rusk", NW_ENT_PERSON), "Ada Rusk");
  CHECK_STR(clean("Marvin Loyd King Jr.", NW_ENT_PERSON), "Marvin Loyd King Jr."); /* a title word last is the name */
  CHECK_STR(clean("President", NW_ENT_PERSON), "President"); /* one word stays */
  /* Only people lose leading words: an organisation's name is as written. */
  CHECK_STR(clean("Republican National Committee", NW_ENT_ORG), "Republican National Committee");
  CHECK_STR(clean("the Kestrel Group's", NW_ENT_ORG), "the Kestrel Group");
}

/* Rule 1 and 2: the match form. */
static void test_match_form(void) {
  int alias;
  CHECK_STR(form("Dorian J. Vale Jr.", NW_ENT_PERSON, &alias), "dorian vale");
  CHECK_EQ_INT(alias, 0);
  CHECK_STR(form("Robert C. \"Bobby\" Lusk", NW_ENT_PERSON, &alias), "robert lusk");
  CHECK_STR(form("DORIAN VALE", NW_ENT_PERSON, &alias), "dorian vale");
  CHECK_STR(form("U.S.", NW_ENT_LOC, &alias), "united states");
  CHECK_EQ_INT(alias, 1);
  CHECK_STR(form("the United States", NW_ENT_LOC, &alias), "united states");
  CHECK_STR(form("America", NW_ENT_LOC, &alias), "united states");
  CHECK_STR(form("Britain", NW_ENT_LOC, &alias), "united kingdom");
  CHECK_STR(form("U.K.", NW_ENT_LOC, &alias), "united kingdom");
  CHECK_STR(form("U.N.", NW_ENT_ORG, &alias), "united nations");
  CHECK_STR(form("North Atlantic Alliance", NW_ENT_ORG, &alias), "nato");
  CHECK_STR(form("Kestrel Group", NW_ENT_ORG, &alias), "kestrel group");
  CHECK_EQ_INT(alias, 0);
  /* UTF-8 read as Latin-1 (once or twice) is read back; Latin-1 letters as such stay */
  CHECK_STR(form("Fran\xC3\x83\xC2\xA7ois Ledoux", NW_ENT_PERSON, &alias), "francois ledoux");
  CHECK_STR(form("Fran\xC3\x83\xC2\x83\xC3\x82\xC2\xA7ois Ledoux", NW_ENT_PERSON, &alias), "francois ledoux");
  CHECK_STR(form("Ana G\xC3\xB3mez", NW_ENT_PERSON, &alias), "ana gomez");
  CHECK_STR(form("\xC3\x83", NW_ENT_ORG, &alias), "a");
}

static void test_org_name(void) {
  CHECK(nw_identity_org_name("Securities and Exchange Commission", 34));
  CHECK(nw_identity_org_name("Harbor Workers Union ", 21));
  CHECK(!nw_identity_org_name("Dana Bly and Orrin Platt", 24));
  CHECK(!nw_identity_org_name("", 0));
}

static void test_day(void) {
  CHECK_EQ_INT(nw_identity_day("1970-01-01", 10), 0);
  CHECK_EQ_INT(nw_identity_day("2000-03-01", 10), 11017);
  CHECK_EQ_INT(nw_identity_day("2022-02-04T10:00:00+03:00", 25), 19027);
  CHECK_EQ_INT(nw_identity_day("2022-13-01", 10), NW_ID_NO_DAY);
  CHECK_EQ_INT(nw_identity_day("Feb 4", 5), NW_ID_NO_DAY);
}

typedef struct {
  int64_t article;
  int type;
  const char *name;
  int64_t mentions;
} row;

static nw_id_groups groups;

static void resolve(const row *rows, size_t n, const nw_id_article *arts, size_t na) {
  nw_id_item items[64];
  for (size_t i = 0; i < n; i++)
    items[i] = (nw_id_item){rows[i].article, rows[i].type, rows[i].name, strlen(rows[i].name), rows[i].mentions};
  nw_identity_free(&groups);
  CHECK_EQ_INT(nw_identity_resolve(items, n, arts, na, &groups), 0);
}

static const char *key(size_t item) { return groups.key[groups.group_of[item]]; }

/* Rule 3 and 4 over people: one person named three ways in three articles. */
static void test_one_person(void) {
  static const row r[] = {{1, NW_ENT_PERSON, "Dorian K. Vale", 2},
                          {2, NW_ENT_PERSON, "Dorian Vale", 5},
                          {3, NW_ENT_PERSON, "Vale", 3},
                          {3, NW_ENT_ORG, "Vale", 1}}; /* never across types */
  static const nw_id_article a[] = {{1, 0, 100}, {2, 0, 101}, {3, 0, 102}};
  resolve(r, 4, a, 3);
  CHECK_STR(key(0), "Dorian Vale");
  CHECK_STR(key(1), "Dorian Vale");
  CHECK_STR(key(2), "Dorian Vale");
  CHECK_STR(key(3), "Vale");
  CHECK_EQ_INT(groups.ngroups, 2);
  CHECK_EQ_INT(groups.mentions[groups.group_of[0]], 10);
  CHECK_EQ_INT(groups.articles[groups.group_of[0]], 3);
}

/* Rule 4: several people share a surname: the same article, then the same
** outlet, then the nearest date decide; else the surname stays apart. */
static void test_shared_surname(void) {
  static const row r[] = {{1, NW_ENT_PERSON, "Anna Smeaton", 3},  {2, NW_ENT_PERSON, "Robert Smeaton", 4},
                          {3, NW_ENT_PERSON, "Smeaton", 2},       {4, NW_ENT_PERSON, "Smeaton", 1},
                          {5, NW_ENT_PERSON, "Smeaton", 1},       {6, NW_ENT_PERSON, "Mr. Smeaton", 1},
                          {6, NW_ENT_PERSON, "Robert Smeaton", 0}, {7, NW_ENT_PERSON, "Smeaton", 1},
                          {8, NW_ENT_PERSON, "Anna Smeaton", 1},  {9, NW_ENT_PERSON, "Anna Smeaton", 1},
                          {10, NW_ENT_PERSON, "Smeaton", 1}};
  static const nw_id_article a[] = {{1, 10, 100}, {2, 20, 500}, {3, 20, 110}, {4, 0, 120}, {5, 0, NW_ID_NO_DAY},
                                    {6, 0, 900},  {7, 0, 300},  {8, 0, 5000}, {9, 0, 5001}, {10, 0, 4900}};
  resolve(r, 11, a, 10);
  CHECK_STR(key(0), "Anna Smeaton");
  CHECK_STR(key(1), "Robert Smeaton");
  CHECK_STR(key(2), "Robert Smeaton"); /* same outlet, although Anna is nearer in time */
  CHECK_STR(key(3), "Anna Smeaton");   /* no outlet: named within a month */
  CHECK_STR(key(4), "Smeaton");        /* no date: as many articles name each, apart */
  CHECK_STR(key(5), "Robert Smeaton"); /* the same article names him (a quote's speaker) */
  CHECK_STR(key(7), "Smeaton");        /* 200 days from either, as many articles: apart */
  CHECK_STR(key(10), "Anna Smeaton");  /* named twice within half a year, he never */
}

/* Rule 3: a longer name whose last words are a full name is that person. */
static void test_extended_names(void) {
  static const row r[] = {{1, NW_ENT_PERSON, "Marta Quell", 6}, {2, NW_ENT_PERSON, "Gentle Marta Quell", 0},
                          {3, NW_ENT_PERSON, "Anton Pavel Dusek", 1}, {4, NW_ENT_PERSON, "Pavel Dusek", 2},
                          {5, NW_ENT_PERSON, "Quell", 1}};
  resolve(r, 5, NULL, 0);
  CHECK_STR(key(0), "Marta Quell");
  CHECK_STR(key(1), "Marta Quell");
  CHECK_STR(key(2), "Pavel Dusek");
  CHECK_STR(key(3), "Pavel Dusek");
  CHECK_STR(key(4), "Marta Quell");
}

/* Rule 3: nicknames; a short form of several names ("Pat": Patrick,
** Patricia) joins the one the corpus writes with its surname, else neither. */
static void test_nicknames(void) {
  static const row r[] = {{1, NW_ENT_PERSON, "William Harrow", 2}, {2, NW_ENT_PERSON, "Bill Harrow", 5},
                          {3, NW_ENT_PERSON, "Patrick Loman", 1},  {4, NW_ENT_PERSON, "Pat Loman", 1},
                          {5, NW_ENT_PERSON, "Len Okoro", 1},      {6, NW_ENT_PERSON, "Leonard E. Okoro", 1},
                          {7, NW_ENT_PERSON, "Patrick Daix", 1},   {8, NW_ENT_PERSON, "Patricia Daix", 1},
                          {9, NW_ENT_PERSON, "Pat Daix", 1}};
  resolve(r, 9, NULL, 0);
  CHECK_STR(key(0), "Bill Harrow");
  CHECK_STR(key(1), "Bill Harrow");
  CHECK_STR(key(2), key(3));
  CHECK_STR(key(4), key(5));
  CHECK(strcmp(key(8), key(6)) != 0 && strcmp(key(8), key(7)) != 0);
}

/* Rule 3: what else a full name writes. Other middle initials are other
** people (and the name without any joins neither); a suffix is another
** person when one article names both forms, else the same; a given name
** spelt with a letter once or twice is one name; an editor's brackets are
** no part of a name. */
static void test_marks(void) {
  static const row r[] = {{1, NW_ENT_PERSON, "Galen H.W. Roark", 3}, {2, NW_ENT_PERSON, "Galen W. Roark", 4},
                          {3, NW_ENT_PERSON, "Galen Roark", 1},      {4, NW_ENT_PERSON, "Galen H. W. Roark", 1},
                          {5, NW_ENT_PERSON, "Tomas Brevik", 5},     {5, NW_ENT_PERSON, "Tomas Brevik Jr.", 2},
                          {6, NW_ENT_PERSON, "Tomas J. Brevik", 1},  {7, NW_ENT_PERSON, "Tomas Brevik Jr.", 1},
                          {8, NW_ENT_PERSON, "Joseph R. Vantor Jr.", 2}, {9, NW_ENT_PERSON, "Joe Vantor", 3},
                          {10, NW_ENT_PERSON, "Marilla Oszko", 6},   {11, NW_ENT_PERSON, "Marila Oszko", 1},
                          {12, NW_ENT_PERSON, "[Marilla] Oszko", 1}};
  resolve(r, 13, NULL, 0);
  CHECK(strcmp(key(0), key(1)) != 0);
  CHECK(strcmp(key(2), key(0)) != 0 && strcmp(key(2), key(1)) != 0);
  CHECK_STR(key(3), key(0)); /* "H. W." = "H.W." */
  CHECK(strcmp(key(4), key(5)) != 0);
  CHECK_STR(key(6), key(4));
  CHECK_STR(key(7), key(5));
  CHECK_STR(key(8), key(9));
  CHECK_STR(key(10), "Marilla Oszko");
  CHECK_STR(key(11), "Marilla Oszko");
  CHECK_STR(key(12), "Marilla Oszko");
}

/* Rule 4: a name only a quote gives that its article names as an
** organisation is that organisation, no person of the corpus named so. */
static void test_speaker_named_otherwise(void) {
  static const row r[] = {{1, NW_ENT_ORG, "The Lantern", 2}, {1, NW_ENT_PERSON, "Lantern", 0},
                          {2, NW_ENT_PERSON, "Odile Lantern", 3}, {3, NW_ENT_PERSON, "Lantern", 0}};
  resolve(r, 4, NULL, 0);
  CHECK(strcmp(key(1), "Odile Lantern") != 0);
  CHECK_STR(key(3), "Odile Lantern"); /* elsewhere the only candidate */
}

/* Rule 4: acronyms and expansions, wherever either is written. */
static void test_acronyms(void) {
  static const row r[] = {{1, NW_ENT_ORG, "Pacific Rail Consortium", 2}, {2, NW_ENT_ORG, "PRC", 3},
                          {3, NW_ENT_ORG, "P.R.C.", 1},                  {4, NW_ENT_ORG, "Ministry of Coastal Works", 1},
                          {5, NW_ENT_ORG, "MOCW", 2},                    {6, NW_ENT_ORG, "Northern Rivers Authority", 1},
                          {7, NW_ENT_ORG, "National Roads Agency", 1},   {8, NW_ENT_ORG, "NRA", 1},
                          {7, NW_ENT_ORG, "NRA", 1},                     {9, NW_ENT_LOC, "PRC", 1}};
  resolve(r, 10, NULL, 0);
  CHECK_STR(key(0), "PRC"); /* the most mentioned form */
  CHECK_STR(key(1), "PRC");
  CHECK_STR(key(2), "PRC");
  CHECK_STR(key(3), key(4));
  CHECK_STR(key(7), "NRA");                   /* two expansions, no evidence: apart */
  CHECK_STR(key(8), "National Roads Agency"); /* the same article writes one */
  CHECK_STR(key(9), "PRC (LOC)");             /* never across types; the key made unique */
  CHECK_STR(groups.name[groups.group_of[9]], "PRC");
}

/* Rule 2: aliases; keys from the table. */
static void test_aliases(void) {
  static const row r[] = {{1, NW_ENT_LOC, "U.S.", 4},         {2, NW_ENT_LOC, "United States", 1},
                          {3, NW_ENT_LOC, "America", 1},       {3, NW_ENT_ORG, "NATO", 2},
                          {4, NW_ENT_ORG, "North Atlantic Treaty Organization", 3},
                          {5, NW_ENT_LOC, "Britain", 1},       {6, NW_ENT_LOC, "U.K.", 1},
                          {7, NW_ENT_PERSON, "Jordan", 1},     {8, NW_ENT_LOC, "Jordan", 5},
                          {9, NW_ENT_ORG, "Jordan", 2},        {9, NW_ENT_MISC, "Jordan (Amman)", 1}};
  resolve(r, 11, NULL, 0);
  CHECK_STR(key(0), "United States");
  CHECK_STR(key(1), "United States");
  CHECK_STR(key(2), "United States");
  CHECK_STR(key(3), "NATO");
  CHECK_STR(key(4), "NATO");
  CHECK_STR(key(5), "United Kingdom");
  CHECK_STR(key(6), "United Kingdom");
  CHECK_STR(key(8), "Jordan");
  CHECK_STR(key(9), "Jordan (ORG)");
  CHECK_STR(key(7), "Jordan (PERSON)");
  CHECK_STR(key(10), "Jordan (MISC)"); /* an aside in parentheses is not part of a name */
}

/* The same corpus in another order gives the same keys. */
static void test_stable(void) {
  static const row r[] = {{1, NW_ENT_PERSON, "Anna Smeaton", 3}, {2, NW_ENT_PERSON, "Robert Smeaton", 4},
                          {3, NW_ENT_PERSON, "Smeaton", 2},      {4, NW_ENT_ORG, "Kestrel Group", 1},
                          {5, NW_ENT_ORG, "KG", 1},              {6, NW_ENT_LOC, "U.S.", 1}};
  static const nw_id_article a[] = {{1, 1, 10}, {2, 2, 20}, {3, 2, 30}, {4, 0, 0}, {5, 0, 0}, {6, 0, 0}};
  resolve(r, 6, a, 6);
  char first[6][64];
  for (size_t i = 0; i < 6; i++) snprintf(first[i], sizeof first[i], "%s", key(i));
  row rev[6];
  nw_id_article arev[6];
  for (size_t i = 0; i < 6; i++) rev[i] = r[5 - i], arev[i] = a[5 - i];
  resolve(rev, 6, arev, 6);
  for (size_t i = 0; i < 6; i++) CHECK_STR(key(5 - i), first[i]);
}

/* Any bytes as names: no crash, every item in a group, keys unique. */
static void test_garbage(void) {
  static const char *const pieces[] = {"\xE2\x80\x9C", "\xFF", "Mr. ", ".", " ", "'s", "(", ")", "A", "b",
                                       "Smith", "U.S.", "\xC3", "-", ",", "and ", "\"", "of "};
  enum { N = 400 };
  char *buf = malloc(N * 64);
  nw_id_item items[N];
  uint32_t seed = 7;
  for (int i = 0; i < N; i++) {
    size_t len = random_text(buf + i * 64, 63, pieces, sizeof pieces / sizeof pieces[0], 1 + i % 9, &seed);
    items[i] = (nw_id_item){i % 13, 1 + i % 4, buf + i * 64, len, i % 3};
  }
  nw_id_groups g = {0};
  CHECK_EQ_INT(nw_identity_resolve(items, N, NULL, 0, &g), 0);
  int ok = 1;
  for (int i = 0; i < N; i++) ok &= g.group_of[i] < g.ngroups;
  for (size_t k = 1; k < g.ngroups; k++) ok &= strcmp(g.key[k - 1], g.key[k]) < 0; /* sorted and unique */
  CHECK(ok);
  nw_identity_free(&g);
  free(buf);
}

/* Many names: time grows with the input, not its square. */
static void test_scale(void) {
  enum { N = 60000 };
  nw_id_item *items = malloc(N * sizeof *items);
  char *names = malloc(N * 32);
  nw_id_article *arts = malloc(N / 10 * sizeof *arts);
  for (int i = 0; i < N / 10; i++) arts[i] = (nw_id_article){i, i % 7 + 1, 15000 + i % 400};
  for (int i = 0; i < N; i++) {
    char *s = names + (size_t)i * 32;
    /* 500 surnames, each with a few first names, often alone. */
    int sur = i % 500, fn = (i / 500) % 4;
    if (i % 3 == 0) snprintf(s, 32, "Qx%dname", sur);
    else snprintf(s, 32, "Fn%c Qx%dname", 'A' + fn, sur);
    items[i] = (nw_id_item){i % (N / 10), NW_ENT_PERSON, s, strlen(s), 1};
  }
  clock_t t0 = clock();
  nw_id_groups g = {0};
  CHECK_EQ_INT(nw_identity_resolve(items, N, arts, N / 10, &g), 0);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  CHECK(g.ngroups >= 2000 && g.ngroups <= 2500);
  CHECK(secs < 5.0);
  nw_identity_free(&g);
  free(items);
  free(names);
  free(arts);
}

int main(void) {
  RUN(test_clean);
  RUN(test_match_form);
  RUN(test_org_name);
  RUN(test_day);
  RUN(test_one_person);
  RUN(test_shared_surname);
  RUN(test_extended_names);
  RUN(test_nicknames);
  RUN(test_marks);
  RUN(test_speaker_named_otherwise);
  RUN(test_acronyms);
  RUN(test_aliases);
  RUN(test_stable);
  RUN(test_garbage);
  RUN(test_scale);
  nw_identity_free(&groups);
  DONE();
}
