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

-- And with NEWS_MAX_FILE_BYTES=2000: a file over it is a row whose error names the
-- limit (never a body cut short); in JSON Lines the cap is per line (per record).
SELECT replace(path, 'build/safety-fixtures/limits/', ''), title, bytes, error
FROM news_articles('build/safety-fixtures/limits') ORDER BY path;
--> big.txt|NULL|3012|file larger than the limit of 2000 bytes (NEWS_MAX_FILE_BYTES)
--> lines.jsonl#1|Short|53|NULL
--> lines.jsonl#2|NULL|2529|line larger than the limit of 2000 bytes (NEWS_MAX_FILE_BYTES)
--> lines.jsonl#3|After|48|NULL
--> small.txt|Small Story|1914|NULL
SELECT count(*) FROM news_articles('build/safety-fixtures/limits') WHERE body LIKE '%bbb%';
--> 0
-- news_ingest stores the same error rows.
SELECT json_extract(news_ingest('build/safety-fixtures/limits'), '$.failed');
--> 2
SELECT replace(path, 'build/safety-fixtures/limits/', ''), error FROM articles WHERE error IS NOT NULL ORDER BY path;
--> big.txt|file larger than the limit of 2000 bytes (NEWS_MAX_FILE_BYTES)
--> lines.jsonl#2|line larger than the limit of 2000 bytes (NEWS_MAX_FILE_BYTES)
-- news_debug says the limit in force.
SELECT news_debug() LIKE '%file limit 2000 bytes%';
--> 1
