/* Compiling the rule tables' regexes, and checking that every one compiles:
** a broken pattern in a data table must fail loudly, never match nothing. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#include "html_rules.h"
#include "news_articles.h"
#include "text_rules.h"

void *nw_compile_rule(const char *pattern, int text_rule) {
  int errc;
  PCRE2_SIZE erro;
  uint32_t flags = text_rule ? PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS : PCRE2_CASELESS;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, flags, &errc, &erro, NULL);
  /* Without JIT it still matches, only slower. NEWS_NO_JIT=1 turns JIT off for
  ** valgrind, which cannot see into JIT-generated code (false reports). */
  if (code && !getenv("NEWS_NO_JIT")) pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  return code;
}

static int check_one(const char *pattern, int text_rule, char *msg, size_t cap) {
  int errc;
  PCRE2_SIZE erro;
  uint32_t flags = text_rule ? PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS : PCRE2_CASELESS;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, flags, &errc, &erro, NULL);
  if (code) {
    pcre2_code_free(code);
    return 0;
  }
  PCRE2_UCHAR why[120];
  pcre2_get_error_message(errc, why, sizeof why);
  snprintf(msg, cap, "rule does not compile at offset %zu (%s): %s", (size_t)erro, (const char *)why, pattern);
  return -1;
}

int nw_articles_rules_check(char *msg, size_t cap) {
  for (size_t i = 0; i < nw_line_rule_count; i++)
    if (check_one(nw_line_rules[i].pattern, 1, msg, cap)) return -1;
  const char *const html[] = {nw_html_unlikely, nw_html_unlikely_words, nw_html_maybe,   nw_html_posts,
                              nw_html_positive, nw_html_negative,       nw_html_comments};
  for (size_t i = 0; i < sizeof html / sizeof html[0]; i++)
    if (check_one(html[i], 0, msg, cap)) return -1;
  return 0;
}

void nw_articles_rule_counts(size_t *line_rules, size_t *outlets) {
  *line_rules = nw_line_rule_count;
  *outlets = nw_outlet_count;
}
