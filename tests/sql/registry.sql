-- The exact list of functions and table functions the extension registers.
SELECT name FROM pragma_function_list WHERE name LIKE 'news\_%' ESCAPE '\' GROUP BY name ORDER BY name;
--> news_analyze
--> news_clean
--> news_date
--> news_debug
--> news_fold
--> news_ingest
--> news_version
SELECT name FROM pragma_module_list WHERE name LIKE 'news\_%' ESCAPE '\' ORDER BY name;
--> news_articles
--> news_dates
--> news_entities
--> news_quotes
--> news_sentences
SELECT news_version();
--> 0.1.0
-- news_debug names the libraries and whether PCRE2 has its JIT.
SELECT news_debug() LIKE '%pcre2: 10.% (JIT yes)%' AND news_debug() LIKE '%utf8proc: 2.%' AND news_debug() LIKE '%libxml2: 2.%';
--> 1
