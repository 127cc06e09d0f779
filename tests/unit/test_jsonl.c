/* JSON Lines records and the file reader: invented lines, well-formed and
** malformed, and invented files read record by record. */
#include "check.h"
#include "news_articles.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int same(const char *got, const char *want) { return got && strcmp(got, want) == 0; }
#define CHECK_STR(got, want) CHECK(same((got), (want)))

/* Read one line into a; returns its error (NULL when it is a JSON object). */
static const char *read_line(const char *line, nw_article *a) {
  const char *err = "unset";
  memset(a, 0, sizeof *a);
  CHECK_EQ_INT(nw_read_jsonl(line, strlen(line), a, &err), 0);
  return err;
}

static void test_fields(void) {
  nw_article a;
  CHECK(read_line("{\"title\": \"Bridge Opens\", \"text\": \"The bridge opened.\\n\\nTraffic was light.\", "
                  "\"date_publish\": \"2031-07-04 09:00:00\", \"url\": \"https://www.news.example/bridge\", "
                  "\"authors\": [\"Ann Lee\", \"Raj Patel\"]}",
                  &a) == NULL);
  CHECK_STR(a.title, "Bridge Opens");
  CHECK_STR(a.byline, "Ann Lee, Raj Patel");
  CHECK_STR(a.published, "2031-07-04");
  CHECK_STR(a.url, "https://www.news.example/bridge");
  CHECK_STR(a.source, "news.example"); /* the URL's host */
  CHECK_EQ_STRN(a.body.data, a.body.len, "The bridge opened.\n\nTraffic was light.");
  nw_article_free(&a);
  /* a preferred name wins wherever it stands; an empty or null value gives way to another name */
  CHECK(read_line("{\"headline\": \"H\", \"title\": \"T\", \"author\": \" \", \"byline\": null, \"creator\": \"Kim\", "
                  "\"source\": {\"name\": \"River Times\", \"url\": \"x\"}, \"date\": \"August 1, 2031\"}",
                  &a) == NULL);
  CHECK_STR(a.title, "T");
  CHECK_STR(a.byline, "Kim");
  CHECK_STR(a.source, "River Times");
  CHECK_STR(a.published, "2031-08-01");
  CHECK_EQ_INT(a.body.len, 0);
  nw_article_free(&a);
  /* the date from the URL when no field gives one; unknown keys and nesting are skipped */
  CHECK(read_line("{\"meta\": {\"a\": [1, {\"b\": [[]]}]}, \"link\": \"https://paper.example/2031/02/03/story\"}", &a) ==
        NULL);
  CHECK_STR(a.published, "2031-02-03");
  CHECK_STR(a.source, "paper.example");
  nw_article_free(&a);
}

static void test_escapes(void) {
  nw_article a;
  /* every escape; a surrogate pair is one code point, a lone surrogate U+FFFD */
  CHECK(read_line("{\"title\": \"q\\\"b\\\\s\\/e\\u00e9 \\ud83d\\ude00 \\ud800x\\udc00\"}", &a) == NULL);
  CHECK_STR(a.title, "q\"b\\s/e\xC3\xA9 \xF0\x9F\x98\x80 \xEF\xBF\xBDx\xEF\xBF\xBD");
  nw_article_free(&a);
  /* an escaped NUL ends the text, as SQLite's JSON functions end it */
  CHECK(read_line("{\"title\": \"before\\u0000after\", \"t\\u0069tle\": \"no\"}", &a) == NULL);
  CHECK_STR(a.title, "before");
  nw_article_free(&a);
  /* a key is read unescaped */
  CHECK(read_line("{\"h\\u0065adline\": \"Escaped key\"}", &a) == NULL);
  CHECK_STR(a.title, "Escaped key");
  nw_article_free(&a);
}

/* Values that are not strings read as SQLite prints them. */
static void test_values(void) {
  static const char *const cases[][2] = {
    {"1e3", "1000.0"},
    {"-0", "0"},
    {"0.1", "0.1"},
    {"1.5e-7", "1.5e-07"},
    {"1e20", "1.0e+20"},
    {"-9223372036854775808", "-9223372036854775808"},
    {"9223372036854775808", "9.22337203685478e+18"},
    {"1e400", "Inf"},
    {"true", "1"},
    {"false", "0"},
    {"[\"a\", null, true, [1, \"x\" ], \"\", 1.50]", "a, 1, [1,\"x\"], , 1.5"},
    {"[{\"name\": \"Ann\"}, {\"n\\u0061me\": \"not a name\"}, {\"name\": {\"first\" : \"Bo\"}}]", "Ann, {\"first\":\"Bo\"}"},
    {"{\"name\": \"First\", \"name\": \"Second\"}", "First"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char line[200];
    snprintf(line, sizeof line, "{\"title\": %s}", cases[i][0]);
    nw_article a;
    CHECK(read_line(line, &a) == NULL);
    if (!same(a.title, cases[i][1])) fprintf(stderr, "  %s gave %s\n", cases[i][0], a.title ? a.title : "NULL");
    CHECK_STR(a.title, cases[i][1]);
    nw_article_free(&a);
  }
  /* nothing to read: an empty list, an object without a name, null */
  const char *none[] = {"[]", "[null]", "{\"x\": 1}", "null"};
  for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
    char line[100];
    snprintf(line, sizeof line, "{\"title\": %s}", none[i]);
    nw_article a;
    CHECK(read_line(line, &a) == NULL);
    CHECK(a.title == NULL);
    nw_article_free(&a);
  }
}

/* Malformed lines, and valid JSON that is not an object, are one clear error. */
static void test_malformed(void) {
  static const char *const bad[] = {
    "",         "   ",         "[\"a list\"]",      "\"text\"",      "42",            "{",
    "{\"a\"}",  "{\"a\" 1}",   "{\"a\":1,}",        "{,}",           "{\"a\":01}",    "{\"a\":1.}",
    "{\"a\":.5}", "{\"a\":-}", "{\"a\":1e}",        "{\"a\":+1}",    "{\"a\":tru}",   "{\"a\":nul}",
    "{\"a\":truex}", "{\"a\":NaN}", "{'a':1}",      "{a:1}",         "{\"a\":1} x",   "{} {}",
    "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"open}", "{\"a\":\"tab\there\"}",
    "{\"a\":[1 2]}", "{\"a\":[1,]}", "{\"a\":{\"b\":1]}", "{\"a\":1 /* c */}", "\xEF\xBB\xBF{}",
    "{\"a\":\"\\",
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    nw_article a;
    const char *err = read_line(bad[i], &a);
    if (!same(err, "not a JSON object")) fprintf(stderr, "  accepted: %s\n", bad[i]);
    CHECK_STR(err, "not a JSON object");
    CHECK(a.title == NULL && a.body.len == 0);
    nw_article_free(&a);
  }
  /* blanks around the object are allowed */
  nw_article a;
  CHECK(read_line(" \t{ } \r", &a) == NULL);
  nw_article_free(&a);
}

/* Nesting is bounded as SQLite bounds it (2000 levels), without recursion. */
static void test_depth(void) {
  for (int depth = 1999; depth <= 2001; depth++) {
    for (int obj = 0; obj < 2; obj++) {
      nw_buf b = {0};
      nw_buf_append(&b, "{\"a\":", 5);
      for (int i = 1; i < depth; i++) nw_buf_append(&b, obj ? "{\"k\":" : "[", obj ? 5 : 1);
      nw_buf_putc(&b, '1');
      for (int i = 1; i < depth; i++) nw_buf_putc(&b, obj ? '}' : ']');
      nw_buf_putc(&b, '}');
      nw_article a = {0};
      const char *err = NULL;
      CHECK_EQ_INT(nw_read_jsonl(b.data, b.len, &a, &err), 0);
      CHECK(depth <= 2000 ? err == NULL : same(err, "not a JSON object"));
      nw_article_free(&a);
      nw_buf_free(&b);
    }
  }
  /* a million open brackets: an error, quickly, on any stack */
  size_t n = 1000000;
  char *deep = malloc(n + 6);
  memcpy(deep, "{\"a\":", 5);
  memset(deep + 5, '[', n);
  nw_article a = {0};
  const char *err = NULL;
  CHECK_EQ_INT(nw_read_jsonl(deep, n + 5, &a, &err), 0);
  CHECK_STR(err, "not a JSON object");
  free(deep);
}

/* ---- the file reader ------------------------------------------------- */

static char dir[64];

static void write_file(const char *name, const char *content, size_t n, char *path, size_t cap) {
  snprintf(path, cap, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (f) {
    CHECK_EQ_INT(fwrite(content, 1, n, f), n);
    fclose(f);
  }
}

/* Reads every record of path (only line when > 0) into a summary, one
** "path-suffix|format|bytes|error|title|raw-length" line per record.
** Returns 0, or -1 when the reader failed or a record had bytes without
** an mtime. (No CHECK here: threads call it.) */
static int summary(const char *path, long line, nw_buf *out) {
  nw_file_reader *r = NULL;
  char *err = NULL;
  if (nw_file_reader_open(&r, path, line, &err)) return -1;
  const nw_record *rec;
  int got, ok = 1;
  while ((got = nw_file_reader_next(r, &rec, &err)) == 1) {
    char row[600];
    const char *name = strrchr(rec->path, '/');
    snprintf(row, sizeof row, "%s|%s|%lld|%s|%s|%zd\n", name ? name + 1 : rec->path, nw_format_name(rec->format),
             (long long)rec->bytes, rec->error ? rec->error : "-", rec->art.title ? rec->art.title : "-",
             rec->raw ? (ssize_t)rec->raw_len : (ssize_t)-1);
    ok &= nw_buf_append(out, row, strlen(row)) == 0 && (rec->bytes < 0 || rec->mtime_ns > 0);
  }
  nw_file_reader_close(r);
  return ok && got == 0 ? 0 : -1;
}

static void check_summary(const char *path, long line, const char *want) {
  nw_buf got = {0};
  CHECK_EQ_INT(summary(path, line, &got), 0);
  CHECK_EQ_STRN(got.data ? got.data : "", got.len, want);
  nw_buf_free(&got);
}

static const char feed[] = "{\"title\": \"One\"}\r\n"
                           "\n"
                           "  \t\n"
                           "{\"title\": \"Three\", \"text\": \"Body.\"}\n"
                           "not json\n"
                           "{\"title\": \"bad \xff byte\"}\n"
                           "{\"title\": \"nul \0 byte\"}\n"
                           "{\"title\": \"no line end\"}";

static void test_reader_jsonl(void) {
  char path[128];
  write_file("feed.jsonl", feed, sizeof feed - 1, path, sizeof path);
  check_summary(path, 0,
                "feed.jsonl#1|jsonl|16|-|One|16\n"
                "feed.jsonl#4|jsonl|35|-|Three|35\n"
                "feed.jsonl#5|jsonl|8|not a JSON object|-|8\n"
                "feed.jsonl#6|jsonl|23|not valid UTF-8|-|-1\n"
                "feed.jsonl#7|jsonl|23|binary file (NUL bytes)|-|-1\n"
                "feed.jsonl#8|jsonl|24|-|no line end|24\n");
  /* one record by its line; a blank or missing line gives none */
  check_summary(path, 4, "feed.jsonl#4|jsonl|35|-|Three|35\n");
  check_summary(path, 2, "");
  check_summary(path, 99, "");
  /* a file without an extension that opens with '{' is JSON Lines (a CR
  ** before the end of the file stays: JSON takes it as a blank) */
  write_file("FEED", feed, 17, path, sizeof path);
  check_summary(path, 0, "FEED#1|jsonl|17|-|One|17\n");
}

static void test_reader_files(void) {
  char path[128];
  write_file("story.txt", "\xEF\xBB\xBFHarbour Reopens\n\nThe harbour reopened on Monday.\n", 51, path, sizeof path);
  check_summary(path, 0, "story.txt|text|51|-|Harbour Reopens|51\n");
  /* Windows-1252 text is decoded and says so; raw is the decoded text */
  write_file("cafe.txt", "Caf\xE9 Prices\n\nA cup costs more.\n", 31, path, sizeof path);
  check_summary(path, 0, "cafe.txt|text|31|not valid UTF-8: read as Windows-1252|Caf\xC3\xA9 Prices|32\n");
  write_file("nul.txt", "a\0b", 3, path, sizeof path);
  check_summary(path, 0, "nul.txt|text|3|binary file (NUL bytes)|-|3\n");
  write_file("page", "  <html><head><title>Page Title</title></head><body><p>Hello there.</p></body></html>", 86, path,
             sizeof path);
  check_summary(path, 0, "page|html|86|-|Page Title|86\n");
  /* a file that is not there, or not a regular file, is a record with the reason */
  snprintf(path, sizeof path, "%s/missing.txt", dir);
  check_summary(path, 0, "missing.txt|text|-1|file vanished or is a broken link|-|-1\n");
  snprintf(path, sizeof path, "%s/missing.jsonl", dir);
  check_summary(path, 0, "missing.jsonl|jsonl|-1|file vanished or is a broken link|-|-1\n");
  snprintf(path, sizeof path, "%s/sub.html", dir);
  mkdir(path, 0755);
  check_summary(path, 0, "sub.html|html|-1|not a regular file|-|-1\n");

  int64_t bytes = 0, mtime = 0;
  const char *error = NULL;
  snprintf(path, sizeof path, "%s/story.txt", dir);
  CHECK_EQ_INT(nw_file_stat(path, &bytes, &mtime, &error), 0);
  CHECK_EQ_INT(bytes, 51);
  struct stat st;
  CHECK(stat(path, &st) == 0 && mtime == (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec);
  snprintf(path, sizeof path, "%s/sub.html", dir);
  CHECK_EQ_INT(nw_file_stat(path, &bytes, &mtime, &error), -1);
  CHECK_STR(error, "not a regular file");
  snprintf(path, sizeof path, "%s/missing.txt", dir);
  CHECK_EQ_INT(nw_file_stat(path, &bytes, &mtime, &error), -1);
  CHECK_STR(error, "file vanished or is a broken link");
  rmdir(path);
}

/* Readers in different threads give what one thread gives: every format. */
static int read_all(nw_buf *out) {
  static const char *const names[] = {"feed.jsonl", "page", "story.txt", "cafe.txt", "FEED"};
  char path[128];
  int rc = 0;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    rc |= summary(path, 0, out);
  }
  return rc;
}

/* 20 rounds; NULL when one failed. */
static void *read_in_thread(void *arg) {
  (void)arg;
  nw_buf *out = calloc(1, sizeof *out);
  int rc = 0;
  for (int i = 0; out && i < 20; i++) {
    out->len = 0;
    rc |= read_all(out);
  }
  if (rc && out) {
    nw_buf_free(out);
    free(out);
    out = NULL;
  }
  return out;
}

static void test_reader_threads(void) {
  nw_buf want = {0};
  CHECK_EQ_INT(read_all(&want), 0);
  pthread_t t[4];
  for (int i = 0; i < 4; i++) CHECK_EQ_INT(pthread_create(&t[i], NULL, read_in_thread, NULL), 0);
  for (int i = 0; i < 4; i++) {
    nw_buf *got = NULL;
    pthread_join(t[i], (void **)&got);
    CHECK(got && got->len == want.len && memcmp(got->data, want.data, want.len) == 0);
    if (got) nw_buf_free(got);
    free(got);
  }
  nw_buf_free(&want);
}

static void cleanup(void) {
  static const char *const names[] = {"feed.jsonl", "FEED", "story.txt", "cafe.txt", "nul.txt", "page", "sub.html"};
  char path[128];
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    remove(path);
  }
  remove(dir);
}

int main(void) {
  snprintf(dir, sizeof dir, "build/unit-jsonl-%d", (int)getpid());
  mkdir("build", 0755);
  mkdir(dir, 0755);
  RUN(test_fields);
  RUN(test_escapes);
  RUN(test_values);
  RUN(test_malformed);
  RUN(test_depth);
  RUN(test_reader_jsonl);
  RUN(test_reader_files);
  RUN(test_reader_threads);
  cleanup();
  DONE();
}
