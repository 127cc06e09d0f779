-- The exact list of functions and table functions the extension registers.
SELECT name FROM pragma_function_list WHERE name LIKE 'news\_%' ESCAPE '\' GROUP BY name ORDER BY name;
--> news_analyze
--> news_clean
--> news_date
--> news_debug
--> news_fold
--> news_ingest
--> news_url_domain
--> news_version
SELECT name FROM pragma_module_list WHERE name LIKE 'news\_%' ESCAPE '\' ORDER BY name;
--> news_articles
--> news_dates
--> news_entities
--> news_quotes
--> news_sentences
-- The version is the VERSION file's, its one source.
SELECT news_version() = rtrim(CAST(readfile('VERSION') AS TEXT), char(10, 13, 32));
--> 1
SELECT news_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
--> 1
-- news_debug gives the version, the commit (a short hash, "+dirty" when the tree had
-- changes, "unknown" outside git), the build date, the libraries and whether PCRE2 has its JIT.
SELECT news_debug() LIKE 'version: ' || news_version() || char(10) || 'commit: %';
--> 1
SELECT news_debug() GLOB '*commit: [0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]*' OR news_debug() LIKE '%commit: unknown%';
--> 1
SELECT news_debug() GLOB '*built: [0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z*';
--> 1
SELECT news_debug() LIKE '%pcre2: 10.% (JIT yes)%' AND news_debug() LIKE '%utf8proc: 2.%' AND news_debug() LIKE '%libxml2: 2.%';
--> 1
