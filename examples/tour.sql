-- The README's tour: run with
--   sqlite3 -box :memory: < examples/tour.sql
.load dist/news

-- 1. The articles of a folder, with their metadata.
SELECT substr(path, 17) AS file, format, source, published, substr(title, 1, 38) AS title
FROM news_articles('examples/corpus');

-- 2. Who is named most, by canonical name ("Keller" counts for "Martin Keller").
SELECT e.canonical AS name, e.type, count(*) AS mentions, count(DISTINCT a.path) AS articles
FROM news_articles('examples/corpus') AS a, news_entities(a.body) AS e
WHERE e.type IN ('PERSON', 'ORG')
GROUP BY 1, 2 ORDER BY mentions DESC, name LIMIT 8;

-- 3. Who said what.
SELECT q.speaker, q.cue, substr(q.quote, 1, 60) AS quote
FROM news_articles('examples/corpus') AS a, news_quotes(a.body) AS q
WHERE q.kind = 'direct' ORDER BY a.path, q.start;

-- 4. A timeline: dates resolved against each article's publication date.
SELECT a.published, d.mention, d.type, d.value
FROM news_articles('examples/corpus') AS a, news_dates(a.body, a.published) AS d
ORDER BY a.path, d.start LIMIT 12;

-- 5. One expression at a time.
SELECT news_date('Fri, 04 Feb 2022 10:30:00 +0000') AS rfc2822,
       news_date('last Tuesday', '2022-02-04') AS relative,
       news_date('the third of March, 1998') AS spelled;

-- 6. A corpus database: analyse once, query many times. news_ingest reads the folder
--    into the tables articles, outlets, entities, mentions, quotes and dates (here in
--    memory; any database file, or `dist/sqlite-news ingest`), and a second run
--    reads only new and changed files.
SELECT json_extract(s, '$.added') AS added, json_extract(s, '$.analyzed') AS analyzed
FROM (SELECT news_ingest('examples/corpus') AS s);

-- 7. Who said what, by outlet, from the stored tables (more in sql/).
SELECT o.name AS outlet, a.published, q.speaker_key, substr(q.quote, 1, 44) AS quote
FROM quotes AS q JOIN articles AS a ON a.id = q.article_id JOIN outlets AS o ON o.id = a.outlet_id
WHERE q.kind = 'direct' ORDER BY a.published;
