/* Web-page metadata helpers: bylines as people, timestamps with their
** offsets, and the JSON-LD reader (authors, publishers, hostile input). */
#include "check.h"
#include "news_articles.h"
#include "../../ext/articles/json_ld.h"

#include <stdlib.h>

/* The byline nw_byline_people and nw_byline_join make of s. */
static void check_byline(const char *s, const char *const *publishers, const char *want) {
  nw_buf persons = {0}, orgs = {0}, out = {0};
  CHECK_EQ_INT(nw_byline_people(s, strlen(s), publishers, &persons, &orgs), 0);
  CHECK_EQ_INT(nw_byline_join(persons.len ? &persons : &orgs, &out), 0);
  CHECK_EQ_STRN(out.data ? out.data : "", out.len, want);
  nw_buf_free(&persons);
  nw_buf_free(&orgs);
  nw_buf_free(&out);
}

static void test_byline_cuts(void) {
  check_byline("By TOM REYES, AP Auto Writer", NULL, "TOM REYES");
  check_byline("Analysis by Mara Lind, Senior Correspondent", NULL, "Mara Lind");
  check_byline("Opinion by Ivo Sand", NULL, "Ivo Sand");
  check_byline("Nora Field, MS, RD", NULL, "Nora Field");
  check_byline("Kai Moreno, Reuters", NULL, "Kai Moreno");
  check_byline("Ana Ruiz | Valley Media Group for valley.example", NULL, "Ana Ruiz");
  check_byline("Ivan Petrov in Moscow", NULL, "Ivan Petrov");
  check_byline("Dana Holt Business Columnist", NULL, "Dana Holt");
  check_byline("By Jo Park Updated 10:45 AM ET, Tue March 4, 2031", NULL, "Jo Park");
  check_byline("Lena Moss Nov. 19, 2031", NULL, "Lena Moss");
  check_byline("Rosa May", NULL, "Rosa May"); /* a month name is a name when no day follows */
  check_byline("Eli Stone. Harbour Network International", NULL, "Eli Stone");
  check_byline("Carl T. Baxter, Valley.example", NULL, "Carl T. Baxter");
  check_byline("Martin Lowe, Jr.", NULL, "Martin Lowe, Jr.");
}

static void test_byline_several(void) {
  check_byline("By Ana Ruiz and Tom Hale", NULL, "Ana Ruiz and Tom Hale");
  check_byline("Ana Ruiz, Tom Hale & Ivo Sand", NULL, "Ana Ruiz, Tom Hale and Ivo Sand");
  check_byline("Ana Ruiz\nana ruiz\nTom Hale", NULL, "Ana Ruiz and Tom Hale"); /* each once */
  check_byline("Jean de la Rue and Lu Wen", NULL, "Jean de la Rue and Lu Wen");
}

static void test_byline_not_people(void) {
  const char *const site[] = {"The Harbour Times", "harbourtimes", NULL};
  check_byline("Harbour Times", site, "");
  check_byline("By Harbour Times Staff", site, "");
  check_byline("HarbourTimes", site, "");
  check_byline("Staff Reports", NULL, "");
  check_byline("Science Desk staff", NULL, "");
  check_byline("admin", NULL, "");
  check_byline("Editorial Board", NULL, "");
  check_byline("https://www.social.example/harbour", NULL, "");
  /* an agency alone is the byline; beside a person it is cut */
  check_byline("The Associated Press", site, "The Associated Press");
  check_byline("AFP", NULL, "AFP");
  check_byline("Lia Chen, Associated Press", NULL, "Lia Chen");
}

static void test_byline_lines(void) {
  const char *yes[] = {"By Lena Moss", "By ANNA KOVAC and LEO BRANDT", "By HARBOUR TIMES STAFF",
                       "Analysis by Jo Park, Senior Correspondent", "By Ivo Sand in Oslo", "By Ana de la Rue"};
  const char *no[] = {"By Tuesday, the river had risen two metres.", "By the end of the year", "Lena Moss",
                      "By 2031 the plan was done", "By Lena Moss, who has covered the council for years"};
  for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) CHECK(nw_is_byline_line(yes[i], strlen(yes[i])));
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) CHECK(!nw_is_byline_line(no[i], strlen(no[i])));
}

static void check_ts(const char *s, int want_rc, const char *want) {
  char out[NW_TIMESTAMP_BUF] = "";
  CHECK_EQ_INT(nw_timestamp(s, strlen(s), out), want_rc);
  if (want_rc) CHECK_EQ_STRN(out, strlen(out), want);
}

static void test_timestamps(void) {
  check_ts("2031-03-01T23:30:00-05:00", 2, "2031-03-01T23:30:00-05:00");
  check_ts("2031-03-01T23:30:00.000-0500", 2, "2031-03-01T23:30:00-05:00");
  check_ts("2031-03-02T04:30:00Z", 1, "2031-03-02T04:30:00Z");
  check_ts("2031-03-02T04:30:00+00:00", 2, "2031-03-02T04:30:00+00:00");
  check_ts("2031-03-02 04:30", 1, "2031-03-02T04:30:00");
  check_ts("2031-03-02T10:00:00+0530", 2, "2031-03-02T10:00:00+05:30");
  check_ts("Sun, 02 Mar 2031 04:30:00 GMT", 1, "2031-03-02T04:30:00Z");
  check_ts("Sat, 1 Mar 2031 23:30:00 -0500", 2, "2031-03-01T23:30:00-05:00");
  check_ts("2031-03-01", 0, "");
  check_ts("2031-02-30T10:00:00Z", 0, ""); /* no such day */
  check_ts("2031-03-01T25:00:00Z", 0, "");
  check_ts("2031-03-01T", 0, "");
  check_ts("March 1", 0, "");
}

/* What nw_jl_article_people finds in s: "authors|author orgs|publishers", lines as ";". */
static void check_ld(const char *s, int want_rc, const char *want) {
  nw_buf a = {0}, o = {0}, p = {0}, all = {0};
  CHECK_EQ_INT(nw_jl_article_people(s, strlen(s), &a, &o, &p), want_rc);
  nw_buf *parts[] = {&a, &o, &p};
  for (int i = 0; i < 3; i++) {
    for (size_t k = 0; k < parts[i]->len; k++) nw_buf_putc(&all, parts[i]->data[k] == '\n' ? ';' : parts[i]->data[k]);
    if (i < 2) nw_buf_putc(&all, '|');
  }
  CHECK_EQ_STRN(all.data, all.len, want);
  nw_buf_free(&a);
  nw_buf_free(&o);
  nw_buf_free(&p);
  nw_buf_free(&all);
}

static void test_json_ld(void) {
  check_ld("{\"@type\":\"NewsArticle\",\"author\":\"Ana Ruiz\"}", 0, "Ana Ruiz;||");
  check_ld("{\"@type\":[\"NewsArticle\"],\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},"
           "{\"name\":\"Tom Hale\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":\"Harbour Times\"}}",
           0, "Ana Ruiz;Tom Hale;||Harbour Times;");
  check_ld("{\"@type\":\"BlogPosting\",\"author\":{\"@type\":\"Organization\",\"name\":\"Harbour Times\"}}", 0,
           "|Harbour Times;|");
  /* escapes, a surrogate pair, a trailing comma, a raw line break */
  check_ld("{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"Jos\\u00e9 \\ud83d\\ude00\nRuiz\"},}", 0,
           "Jos\xC3\xA9 \xF0\x9F\x98\x80 Ruiz;||");
  /* a claim's author is not the article's; a ClaimReview is no article */
  check_ld("{\"@type\":\"ClaimReview\",\"author\":{\"@type\":\"Organization\",\"name\":\"Check Desk\"},"
           "\"itemReviewed\":{\"@type\":\"Claim\",\"author\":{\"@type\":\"Person\",\"name\":\"Victor Hallam\"}}}",
           0, "||");
  check_ld("[{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":\"ReportageNewsArticle\",\"author\":\"Ana Ruiz\"}]", 0,
           "Ana Ruiz;||");
  check_ld("{\"@type\":\"NewsArticle\",\"author\":\"https://example.org/ana\"}", 0, "||");
  check_ld("not json", 1, "||");
  check_ld("{\"@type\":\"NewsArticle\",\"author\":\"Ana", 1, "||");
  check_ld("", 1, "||");
}

/* Deep nesting is refused without recursion trouble; many references stay linear. */
static void test_json_ld_hostile(void) {
  size_t n = 200000;
  char *s = malloc(2 * n + 1);
  for (size_t i = 0; i < n; i++) s[i] = '[', s[n + i] = ']';
  s[2 * n] = 0;
  CHECK_EQ_INT(nw_jl_article_people(s, 2 * n, &(nw_buf){0}, &(nw_buf){0}, &(nw_buf){0}), 1);
  free(s);
  nw_buf b = {0};
  nw_buf_append(&b, "{\"@type\":\"NewsArticle\",\"author\":[", 33);
  for (int i = 0; i < 20000; i++) {
    char ref[64];
    int l = snprintf(ref, sizeof ref, "%s{\"@id\":\"#p%d\"}", i ? "," : "", i);
    nw_buf_append(&b, ref, (size_t)l);
  }
  nw_buf_append(&b, "]}", 2);
  nw_buf a = {0}, o = {0}, p = {0};
  CHECK_EQ_INT(nw_jl_article_people(b.data, b.len, &a, &o, &p), 0);
  CHECK_EQ_INT(a.len, 0);
  nw_buf_free(&a);
  nw_buf_free(&o);
  nw_buf_free(&p);
  nw_buf_free(&b);
}

int main(void) {
  RUN(test_byline_cuts);
  RUN(test_byline_several);
  RUN(test_byline_not_people);
  RUN(test_byline_lines);
  RUN(test_timestamps);
  RUN(test_json_ld);
  RUN(test_json_ld_hostile);
  DONE();
}
