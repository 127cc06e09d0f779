/* placeholder: replaced by the structural extractor */
#include "news.h"
#include <string.h>
int nw_read_html(const char *path, const char *s, size_t n, nw_article *out, const char **err) {
  (void)path; (void)s; (void)n; (void)out;
  *err = "web pages not supported yet";
  return 0;
}
