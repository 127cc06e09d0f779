/* quotes extractor API (see ext/quotes/). */
#ifndef NEWS_QUOTES_H
#define NEWS_QUOTES_H
#include "news.h"

#endif
