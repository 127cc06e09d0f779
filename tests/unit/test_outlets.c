/* Outlet keys (ext/identity/outlet_guess.h): one test per clue, invented
** articles. */
#include "../../ext/identity/outlet_guess.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

#define CHECK_STR(a, b)                                                                                         \
  do {                                                                                                          \
    const char *a_ = (a), *b_ = (b);                                                                            \
    if ((a_ && b_ && strcmp(a_, b_) == 0) || (!a_ && !b_)) nw_checks_passed++;                                  \
    else {                                                                                                      \
      nw_checks_failed++;                                                                                       \
      fprintf(stderr, "FAIL %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
    }                                                                                                           \
  } while (0)

static char *domain;
static const char *dom(const char *url) {
  free(domain);
  return domain = nw_outlet_domain(url);
}

static char *name;
static const char *cleaned(const char *s) {
  free(name);
  return name = nw_outlet_clean_name(s);
}

static void test_domain(void) {
  CHECK_STR(dom("https://www.bbc.co.uk/news/world-123"), "bbc.co.uk");
  CHECK_STR(dom("http://user@edition.cnn.com:8080/2020/a.html?x=1#top"), "cnn.com");
  CHECK_STR(dom("WWW.Reuters.COM"), "reuters.com");
  CHECK_STR(dom("https://someone.blogspot.com/post"), "someone.blogspot.com"); /* a private suffix */
  CHECK_STR(dom("https://localhost/x"), NULL);
  CHECK_STR(dom("not a url"), NULL);
  CHECK_STR(dom("https://co.uk/"), NULL); /* a public suffix alone */
  CHECK_STR(dom(NULL), NULL);
}

static void test_clean_name(void) {
  CHECK_STR(cleaned("Gazette Online | News and views from the valley"), "Gazette Online");
  CHECK_STR(cleaned("The Daily Ledger - Since 1887"), "The Daily Ledger");
  CHECK_STR(cleaned("www.dailyledger.com"), NULL); /* never a URL */
  CHECK_STR(cleaned("https://dailyledger.com/"), NULL);
  CHECK_STR(cleaned("U.S."), NULL);
  CHECK_STR(cleaned("Paris"), NULL);  /* a place */
  CHECK_STR(cleaned("Monday"), NULL); /* a common word */
  CHECK_STR(cleaned("ledger"), NULL); /* a lower-case slug */
}

static nw_outlet o;
static void guess(const char *path, const char *url, const char *source, const char *byline, const nw_outlet_map *m) {
  nw_outlet_clear(&o);
  nw_outlet_clues c = {path, url, source, byline};
  CHECK_EQ_INT(nw_outlet_guess(&c, m, &o), 0);
}

static void test_guess(void) {
  /* The URL wins; the known list names the outlet. */
  guess("a/page.html", "https://www.reuters.com/world/x", "U.S.", NULL, NULL);
  CHECK_STR(o.key, "reuters.com");
  CHECK_STR(o.name, "Reuters");
  /* An unknown site: its own name, cleaned. */
  guess("b.html", "https://news.dailyledger.com/x", "The Daily Ledger | Since 1887", NULL, NULL);
  CHECK_STR(o.key, "dailyledger.com");
  CHECK_STR(o.name, "The Daily Ledger");
  /* File names that start with a known outlet, then "_", a date or nothing. */
  guess("corpus/breitbart_2016-09-12_story.txt", NULL, "Associated Press", NULL, NULL);
  CHECK_STR(o.key, "breitbart.com");
  guess("usa-today_2016-09-30_story.txt", NULL, NULL, NULL, NULL);
  CHECK_STR(o.key, "usatoday.com");
  CHECK_STR(o.name, "USA Today");
  guess("nyt-20160101.txt", NULL, NULL, NULL, NULL);
  CHECK_STR(o.key, "nytimes.com");
  guess("fox-hunting-season.txt", NULL, NULL, NULL, NULL); /* words that go on are no outlet */
  CHECK_STR(o.key, NULL);
  /* A folder per outlet. */
  guess("corpus/reuters/2020/story.txt", NULL, NULL, NULL, NULL);
  CHECK_STR(o.key, "reuters.com");
  /* A name-only source joins its domain through the known list. */
  guess("x.txt", NULL, "Agence France-Presse", NULL, NULL);
  CHECK_STR(o.key, "afp.com");
  CHECK_STR(o.name, "AFP");
  /* One list: an agency the article reader finds in credits is known here too. */
  guess("x.txt", NULL, NULL, "Jane Roe, dpa", NULL);
  CHECK_STR(o.key, "dpa.com");
  CHECK_STR(o.name, "Deutsche Presse-Agentur");
  guess("x.txt", NULL, "The Daily Ledger", NULL, NULL);
  CHECK_STR(o.key, "daily ledger");
  CHECK(!o.has_domain);
  /* A credit in the byline. */
  guess("x.txt", NULL, NULL, "Jane Roe and Sam Poe for AFP", NULL);
  CHECK_STR(o.key, "afp.com");
  guess("x.txt", NULL, NULL, "Jane Roe, Reuters", NULL);
  CHECK_STR(o.key, "reuters.com");
  /* An unknown outlet before a date in the file name. */
  guess("dir/valley-gazette_2019-04-01_story.txt", NULL, NULL, NULL, NULL);
  CHECK_STR(o.key, "valley gazette");
  guess("notes.txt", NULL, NULL, NULL, NULL);
  CHECK_STR(o.key, NULL);
}

static void test_user_map(void) {
  char path[] = "/tmp/nw_outlet_map_XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("# pattern<TAB>outlet\n*gazette*\tvalleygazette.com\nledger_*\tThe Daily Ledger\n*/wire/*\tReuters\n", f);
  fclose(f);
  char *err = NULL;
  nw_outlet_map *m = nw_outlet_map_load(path, &err);
  CHECK(m != NULL);
  guess("dir/valley-gazette_2019-04-01_story.txt", NULL, NULL, NULL, m);
  CHECK_STR(o.key, "valleygazette.com");
  guess("in/ledger_001.txt", NULL, NULL, NULL, m);
  CHECK_STR(o.key, "daily ledger");
  guess("in/wire/001.txt", "https://example.org/x", NULL, NULL, m); /* the map wins over the URL */
  CHECK_STR(o.key, "reuters.com");
  nw_outlet_map_free(m);
  /* A map built in memory (from a table's rows) works the same. */
  m = nw_outlet_map_new();
  CHECK_EQ_INT(nw_outlet_map_add(m, "*.txt", "Agence France-Presse"), 0);
  CHECK_EQ_INT(nw_outlet_map_size(m), 1);
  guess("a/b.txt", NULL, NULL, NULL, m);
  CHECK_STR(o.key, "afp.com");
  nw_outlet_map_free(m);
  f = fopen(path, "w");
  fputs("*gazette* valleygazette.com\n", f);
  fclose(f);
  CHECK(nw_outlet_map_load(path, &err) == NULL);
  CHECK(err && strstr(err, "line 1: expected"));
  free(err);
  remove(path);
  CHECK(nw_outlet_map_load("/nonexistent/map.tsv", &err) == NULL);
  CHECK(err && strstr(err, "cannot read"));
  free(err);
}

int main(void) {
  RUN(test_domain);
  RUN(test_clean_name);
  RUN(test_guess);
  RUN(test_user_map);
  nw_outlet_clear(&o);
  free(domain);
  free(name);
  DONE();
}
