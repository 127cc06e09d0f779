-- The text-only entry point (tests/run.sh loads dist/news:sqlite3_news_text_init,
-- as `datasette --load-extension dist/news.so:sqlite3_news_text_init` does):
-- no function or table that reads a file or writes a table is registered.
SELECT count(*) FROM pragma_module_list WHERE name IN ('news_articles');
--> 0
SELECT count(*) FROM pragma_function_list WHERE name IN ('news_ingest', 'news_analyze');
--> 0
SELECT * FROM news_articles('/etc/passwd');
--! no such table: news_articles
SELECT news_ingest('/etc');
--! no such function: news_ingest
-- What it does register: every news_ function and table, none of them a file reader.
SELECT group_concat(name, ' ') FROM (SELECT DISTINCT name FROM pragma_function_list WHERE name LIKE 'news%' ORDER BY name);
--> news_clean news_date news_debug news_fold news_version
SELECT group_concat(name, ' ') FROM (SELECT name FROM pragma_module_list WHERE name LIKE 'news%' ORDER BY name);
--> news_dates news_entities news_quotes news_sentences
-- and they work.
SELECT news_date('The vote was held on March 3, 2031.');
--> 2031-03-03
