/* Article reader: formats by extension, metadata rules, text furniture. */
#include "check.h"
#include "news_articles.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int same(const char *got, const char *want) { return got && strcmp(got, want) == 0; }
#define CHECK_STR(got, want) CHECK(same((got), (want)))

static void test_formats(void) {
  CHECK_EQ_INT(nw_format_of_path("a/b.TXT"), NW_FMT_TEXT);
  CHECK_EQ_INT(nw_format_of_path("page.htm"), NW_FMT_HTML);
  CHECK_EQ_INT(nw_format_of_path("feed.ndjson"), NW_FMT_JSONL);
  CHECK_EQ_INT(nw_format_of_path("photo.jpg"), NW_FMT_NONE);
  CHECK_EQ_INT(nw_format_of_path("dir.txt/README"), NW_FMT_NONE);
}

static void test_dates_and_hosts(void) {
  char d[16];
  CHECK(nw_date_in_filename("x/paper_2031-02-28_story.txt", d));
  CHECK_STR(d, "2031-02-28");
  CHECK(nw_date_in_filename("x/20310228-story.txt", d));
  CHECK(!nw_date_in_filename("x/004_5dc964dd8bfee08e.txt", d));
  CHECK(!nw_date_in_filename("x/2031-02-30.txt", d)); /* no such day */
  const char *u = "https://www.example.org/2031/03/04/story";
  CHECK(nw_date_in_url(u, strlen(u), d));
  CHECK_STR(d, "2031-03-04");
  char h[NW_HOST_BUF];
  CHECK(nw_url_host(u, strlen(u), h) == 11);
  CHECK_STR(h, "example.org");
  CHECK(nw_url_host("not a url", 9, h) == 0 && h[0] == 0);
  char long_host[300 + 9] = "https://";
  memset(long_host + 8, 'a', 300);
  long_host[10] = '.';
  CHECK(nw_url_host(long_host, 308, h) == 0); /* longer than a host name can be */
}

static void test_outlets(void) {
  const char *b = "Ann Lee and Bo Chen, CNN";
  CHECK_STR(nw_outlet_of_byline(b, strlen(b)), "CNN");
  b = "Ann Lee for AFP";
  CHECK_STR(nw_outlet_of_byline(b, strlen(b)), "AFP");
  b = "Ann Lee";
  CHECK(nw_outlet_of_byline(b, strlen(b)) == NULL);
  const char *f = "Copyright 2031 The Globe and Mail Inc.";
  CHECK_STR(nw_outlet_named_in(f, strlen(f)), "The Globe and Mail");
  f = "Global markets fell";
  CHECK(nw_outlet_named_in(f, strlen(f)) == NULL);
}

static void read_text(const char *path, const char *text, nw_article *a) {
  memset(a, 0, sizeof *a);
  CHECK_EQ_INT(nw_read_text(path, text, strlen(text), a), 0);
}

static void test_text_header(void) {
  nw_article a;
  read_text("in/story.txt", "Storm Hits Coast;\nThousands lose power.\n\nBy Ann Lee\n\nMarch 3, 2031\n\nThe storm arrived at night.\n", &a);
  CHECK_STR(a.title, "Storm Hits Coast; Thousands lose power");
  CHECK_STR(a.byline, "Ann Lee");
  CHECK_STR(a.published, "2031-03-03");
  CHECK_EQ_STRN(a.body.data, a.body.len, "The storm arrived at night.");
  nw_article_free(&a);
  /* a headline may end with a colon when a blank line follows it */
  read_text("in/q.txt", "Five questions for the new mayor:\n\nThe mayor took office on Monday and answered our questions.\n", &a);
  CHECK_STR(a.title, "Five questions for the new mayor:");
  nw_article_free(&a);
  /* "By 2030, ..." opens a sentence, not a byline; a long first line is body, not a title */
  read_text("in/2031-01-05.txt", "By 2030, the town had doubled in size and its two schools were full, officials from the county education board said on Monday evening.\n\nMore follows.\n", &a);
  CHECK(a.byline == NULL);
  CHECK(a.title == NULL);
  CHECK_STR(a.published, "2031-01-05"); /* from the file name */
  nw_article_free(&a);
}

static void test_furniture(void) {
  const char *t = "Advertisement\n\nThe mayor spoke.\n\nA photo of the mayor (Photo: Jo Smith/Getty Images)\n\n"
                  "Great speech! pic.twitter.com/xyz\n\n— Fan (@fan) March 3, 2031\n\nRead more: Other story\n\n"
                  "Additional reporting by Kim Ito\n\nYour account\n\nHelp";
  nw_buf out = {0};
  CHECK_EQ_INT(nw_clean_lines(t, strlen(t), &out), 0);
  CHECK_EQ_STRN(out.data, out.len, "The mayor spoke.\n\nAdditional reporting by Kim Ito");
  nw_buf_free(&out);
  /* no input crashes: empty, only blank lines, invalid UTF-8 */
  CHECK_EQ_INT(nw_clean_lines("", 0, &out), 0);
  CHECK_EQ_INT(nw_clean_lines("\n\n\n", 3, &out), 0);
  CHECK_EQ_INT(nw_clean_lines("\xff\xfe ok\n[x](", 9, &out), 0);
  nw_buf_free(&out);
}

/* The body's fast tidy gives what nw_normalize gives. */
static void test_body_finish(void) {
  const char *cases[] = {
    "  Plain   text.\n\n\n\nNext\tparagraph.  \n",
    "Caf\xC3\xA9 \xE2\x80\x9C" "quoted\xE2\x80\x9D\xC2\xA0" "and\xE2\x80\x83spaced\xE2\x80\xA8" "line",
    "Cafe\xCC\x81 with a combining accent", /* NFC composes it */
    "\xE2\x84\xAB Angstrom sign, \xE3\x80\x80ideographic space",
    "one\n two \n\n three",
    "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD  \xE4\xB8\xAD\xE6\x96\x87 text", /* Cyrillic, CJK */
    "stray \x80 byte", /* invalid UTF-8 becomes U+FFFD either way */
    "",
    "\xC3\xAA\xCC\x83 e\xCC\x81\xCC\xA3 \xCC\x81lone mark", /* Latin-1 letter + mark composes; marks reorder */
    "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 jamo", /* Hangul jamo compose to a syllable */
    "a\xC2\xA0\xCC\x81 x\xE2\x80\x80y", /* a mark after a blank; U+2000 is a blank */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    nw_buf a = {0}, b = {0};
    CHECK_EQ_INT(nw_body_finish(cases[i], strlen(cases[i]), &a), 0);
    CHECK_EQ_INT(nw_normalize(cases[i], strlen(cases[i]), &b), 0);
    CHECK_EQ_INT(nw_buf_append(&b, "", 0), 0); /* NUL-terminate for the comparison */
    CHECK_EQ_STRN(a.data ? a.data : "", a.len, b.data);
    nw_buf_free(&a);
    nw_buf_free(&b);
  }
}

/* The same, on random mixes of the pieces each path treats differently. */
static void test_body_finish_random(void) {
  static const char *pieces[] = {
    "a", "Z", ".", " ", "  ", "\n", "\n\n", "\t", "\r", "\xC2\xA0", "\xE2\x80\x83", "\xE2\x80\xA8", "\xE3\x80\x80",
    "\xC3\xA9", "\xC3\xAA", "\xCC\x81", "\xCC\x83", "\xCC\xA3", "\xE2\x84\xAB", "\xE1\x84\x80", "\xE1\x85\xA1",
    "\xE1\x86\xA8", "\xEA\xB0\x80", "\xE4\xB8\xAD", "\xD0\x9F", "\xE2\x80\x9C", "\xEF\xBF\xBD", "\xE0\xA4\x95",
    "\xE0\xA4\xBC", "\xF0\x9F\x98\x80", "\xE2\x80", "\xE2", "\x80", "\xC2", "\xE3\x80",
  };
  const size_t npieces = sizeof pieces / sizeof pieces[0];
  uint32_t seed = 12345;
  int mismatches = 0;
  for (int round = 0; round < 3000; round++) {
    char text[256];
    size_t len = random_text(text, sizeof text, pieces, npieces, 24, &seed);
    nw_buf a = {0}, b = {0};
    int ok = nw_body_finish(text, len, &a) == 0 && nw_normalize(text, len, &b) == 0 && a.len == b.len &&
             (a.len == 0 || memcmp(a.data, b.data, a.len) == 0);
    if (!ok && !mismatches++) { /* show the first one */
      CHECK_EQ_INT(nw_buf_append(&b, "", 0), 0);
      CHECK_EQ_STRN(a.data ? a.data : "", a.len, b.data ? b.data : "");
    }
    nw_buf_free(&a);
    nw_buf_free(&b);
  }
  CHECK_EQ_INT(mismatches, 0);
}

/* A folder the walk cannot open is reported as a row, not dropped. Root
** opens any folder, so there the file inside is listed instead. */
static void test_walk_unreadable_folder(void) {
  char dir[64], locked[96], file[128], top[128];
  snprintf(dir, sizeof dir, "build/unit-walk-%d", (int)getpid());
  snprintf(locked, sizeof locked, "%s/locked", dir);
  snprintf(file, sizeof file, "%s/inside.txt", locked);
  snprintf(top, sizeof top, "%s/top.txt", dir);
  mkdir("build", 0755);
  CHECK_EQ_INT(mkdir(dir, 0755), 0);
  CHECK_EQ_INT(mkdir(locked, 0755), 0);
  FILE *f = fopen(file, "w");
  if (f) fclose(f);
  f = fopen(top, "w");
  if (f) fclose(f);
  CHECK_EQ_INT(chmod(locked, 0), 0);
  nw_walk *w = NULL;
  char *err = NULL;
  CHECK_EQ_INT(nw_walk_open(&w, dir, &err), 0);
  const char *path = NULL, *error = NULL;
  CHECK_EQ_INT(nw_walk_next(w, &path, &error), 1);
  if (geteuid() != 0) {
    CHECK_STR(path, locked);
    CHECK(error && strncmp(error, "cannot read folder: ", 20) == 0);
  } else {
    CHECK_STR(path, file);
    CHECK(error == NULL);
  }
  CHECK_EQ_INT(nw_walk_next(w, &path, &error), 1);
  CHECK_STR(path, top);
  CHECK(error == NULL);
  CHECK_EQ_INT(nw_walk_next(w, &path, &error), 0);
  nw_walk_close(w);
  chmod(locked, 0755);
  remove(file);
  remove(locked);
  remove(top);
  remove(dir);
}

/* Every regex of the rule tables compiles (a broken one would match nothing). */
static void test_rules_compile(void) {
  char msg[400] = "";
  CHECK_EQ_INT(nw_articles_rules_check(msg, sizeof msg), 0);
  CHECK_EQ_STRN(msg, strlen(msg), "");
  size_t rules = 0, outlets = 0;
  nw_articles_rule_counts(&rules, &outlets);
  CHECK(rules > 20 && outlets > 20);
}

int main(void) {
  RUN(test_rules_compile);
  RUN(test_walk_unreadable_folder);
  RUN(test_body_finish);
  RUN(test_body_finish_random);
  RUN(test_formats);
  RUN(test_dates_and_hosts);
  RUN(test_outlets);
  RUN(test_text_header);
  RUN(test_furniture);
  DONE();
}
