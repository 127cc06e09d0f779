/* articles extractor API (see ext/articles/). */
#ifndef NEWS_ARTICLES_H
#define NEWS_ARTICLES_H
#include "news.h"

#endif
