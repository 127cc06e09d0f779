-- Run by tests/run.sh with NEWS_MAX_TEXT_BYTES=1000: a longer text argument
-- is an error naming the function, the size and the limit, before any work.
SELECT count(*) FROM news_sentences(hex(zeroblob(500)));
--> 1
SELECT count(*) FROM news_sentences(hex(zeroblob(501)));
--! news_sentences: the text is 1002 bytes, over the limit of 1000 bytes (NEWS_MAX_TEXT_BYTES)
SELECT count(*) FROM news_entities(hex(zeroblob(600)));
--! news_entities: the text is 1200 bytes, over the limit of 1000 bytes (NEWS_MAX_TEXT_BYTES)
SELECT count(*) FROM news_quotes(hex(zeroblob(600)));
--! news_quotes: the text is 1200 bytes, over the limit
SELECT count(*) FROM news_dates(hex(zeroblob(600)), '2024-05-02');
--! news_dates: the text is 1200 bytes, over the limit
SELECT news_date(hex(zeroblob(600)));
--! news_date: the text is 1200 bytes, over the limit
SELECT news_clean(hex(zeroblob(600)));
--! news_clean: the text is 1200 bytes, over the limit
SELECT news_fold(hex(zeroblob(600)));
--! news_fold: the text is 1200 bytes, over the limit
-- NULL is no text: no rows, NULL, as always.
SELECT count(*) FROM news_entities(NULL);
--> 0
SELECT news_fold(NULL) IS NULL;
--> 1
