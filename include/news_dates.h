/* Temporal expression extractor API (implemented in ext/dates/). The article
** reader uses nw_date_parse for published dates: extend, do not rename. */
#ifndef NEWS_DATES_H
#define NEWS_DATES_H
#include "news.h"

/* Parse one date expression ("February 04, 2022", "Fri, 04 Feb 2022 10:30:00
** +0000", "Friday" with a reference) to "YYYY-MM-DD", "YYYY-MM" or "YYYY".
** ref is "YYYY-MM-DD" or NULL. Writes a NUL-terminated value to out (at least
** 11 bytes) and returns its length, or 0 when expr is not a date. */
size_t nw_date_parse(const char *expr, size_t n, const char *ref, char out[16]);
#endif
