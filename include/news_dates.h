/* Temporal expression extractor API (implemented in ext/dates/). The article
** reader uses nw_date_parse for published dates: extend, do not rename. */
#ifndef NEWS_DATES_H
#define NEWS_DATES_H
#include "news.h"

/* Parse one date expression ("February 04, 2022", "Fri, 04 Feb 2022 10:30:00
** +0000", "Friday" with a reference) to "YYYY-MM-DD", "YYYY-MM" or "YYYY".
** ref is "YYYY-MM-DD" or NULL. Writes a NUL-terminated value to out (at least
** 11 bytes) and returns its length, 0 when expr is not a date, or
** NW_DATE_FAILED when memory ran out (never to be taken for "no date"). */
#define NW_DATE_FAILED ((size_t)-1)
size_t nw_date_parse(const char *expr, size_t n, const char *ref, char out[NW_DATE_BUF]);

/* A reference (publication) date as news writes it, to "YYYY-MM-DD" in out:
** ISO 8601, a time and offset may follow ("2022-02-05T23:30:00-05:00" is
** 2022-02-05, the day as written), or a month in words ("Feb 5, 2022",
** "5 February 2022", "Saturday, February 5, 2022"). Returns 10; 4 or 7 for
** "YYYY" or "YYYY-MM" (copied: a reference known to the year or month, which
** anchors nothing); 0 when s is no such date (also an all-numeric day-month
** form such as "03/02/2031", which US and European readers read differently);
** -1 when out of memory. */
int nw_date_reference(const char *s, size_t n, char out[NW_DATE_BUF]);

/* TimeML TIMEX3 types. */
typedef enum nw_timex_type { NW_TIMEX_DATE = 1, NW_TIMEX_TIME, NW_TIMEX_DURATION, NW_TIMEX_SET } nw_timex_type;

/* One temporal expression: byte range in the text, type, TIMEX3 value. */
typedef struct nw_timex {
  uint32_t start, end;
  uint8_t type;
  char value[32];
} nw_timex;

typedef struct nw_timexes {
  nw_timex *v;
  size_t n, cap;
} nw_timexes;

/* Every temporal expression of a tokenized text, in order, without overlaps.
** ref ("YYYY-MM-DD", ref_len bytes; NULL or invalid: none) anchors relative
** expressions; without it they get underspecified values ("XXXX-XX-XX").
** out is reset first. Returns 0, or -1 when out of memory. */
int nw_dates_extract(const nw_doc *doc, const char *ref, size_t ref_len, nw_timexes *out);
void nw_timexes_free(nw_timexes *t);
/* "DATE", "TIME", "DURATION", "SET". */
const char *nw_timex_type_name(int type);
/* Sizes of the compiled-in tables, for news_debug(): distinct words, word
** senses (table rows), recognizers. */
size_t nw_dates_word_count(void);
size_t nw_dates_sense_count(void);
size_t nw_dates_recognizer_count(void);
#endif
