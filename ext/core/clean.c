/* news_clean's entry point. Furniture removal joins here when the article
** reader's line rules land; for now it is Unicode and white-space tidying. */
#include "news.h"

int nw_clean(const char *s, size_t n, nw_buf *out) { return nw_normalize(s, n, out); }
