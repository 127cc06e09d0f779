/* libFuzzer target: one JSON Lines record (nw_read_jsonl) on any bytes.
**
** Checks: no crash, no hang (nesting and size bounded without recursion);
** a line that is valid UTF-8 gives fields that are valid UTF-8 (escapes,
** lone surrogates included); an error leaves the article empty. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news_articles.h"

static void jsonl_check_field(const char *name, const char *v) {
  if (v && !nw_utf8_valid(v, strlen(v))) {
    fprintf(stderr, "fuzz_jsonl: %s is not valid UTF-8\n", name);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  nw_article a = {0};
  const char *err = NULL;
  if (nw_read_jsonl((const char *)data, size, &a, &err) == 0) {
    if (err && (a.title || a.byline || a.url || a.source || a.published || a.body.len)) {
      fprintf(stderr, "fuzz_jsonl: an error row with fields\n");
      abort();
    }
    if (nw_utf8_valid((const char *)data, size)) {
      jsonl_check_field("title", a.title);
      jsonl_check_field("byline", a.byline);
      jsonl_check_field("url", a.url);
      jsonl_check_field("source", a.source);
      jsonl_check_field("published", a.published);
      if (a.body.len && !nw_utf8_valid(a.body.data, a.body.len)) jsonl_check_field("body", "\xff");
    }
  }
  nw_article_free(&a);
  return 0;
}
