-- The README's tour: run with
--   sqlite3 -box :memory: < examples/tour.sql
.load dist/news

-- 1. A folder of articles into a corpus database: news_ingest reads the files (text
--    saved from a page, web pages, JSON Lines feeds) into the tables articles, outlets,
--    entities, mentions, quotes and dates. Here in memory; any database file does, and
--    `dist/sqlite-news ingest FOLDER DB` does the same from the shell. A second run
--    reads only new and changed files.
SELECT json_extract(s, '$.added') AS added, json_extract(s, '$.analyzed') AS analyzed
FROM (SELECT news_ingest('examples/corpus') AS s);

-- 2. The articles, with their outlet and metadata.
SELECT substr(a.path, 17) AS file, a.format, o.name AS outlet, a.published, substr(a.title, 1, 38) AS title
FROM articles AS a LEFT JOIN outlets AS o ON o.id = a.outlet_id ORDER BY a.published;

-- 3. Who is named most: one key per person, organisation or place across all articles.
SELECT key, type, mentions, articles FROM entities ORDER BY articles DESC, mentions DESC, key LIMIT 8;

-- 4. Who said what, by outlet.
SELECT o.name AS outlet, a.published, q.speaker_key AS speaker, q.cue, substr(q.quote, 1, 44) AS quote
FROM quotes AS q JOIN articles AS a ON a.id = q.article_id LEFT JOIN outlets AS o ON o.id = a.outlet_id
WHERE q.kind = 'direct' ORDER BY a.published;

-- 5. A timeline: the dates the articles mention, resolved against each one's publication date.
SELECT a.published, d.mention, d.type, d.value
FROM dates AS d JOIN articles AS a ON a.id = d.article_id
ORDER BY a.published, d.start LIMIT 10;

-- 6. Any text, without a database: the same extractors as functions.
SELECT mention, type, canonical FROM news_entities('Mayor Ilse Brandvik met Tomas Quill in Bergen. Brandvik said the port would stay open.');

-- 7. One date expression at a time.
SELECT news_date('Fri, 04 Feb 2022 10:30:00 +0000') AS rfc2822,
       news_date('last Tuesday', '2022-02-04') AS relative,
       news_date('the third of March, 1998') AS spelled;
