-- news_analyze(): rows a user puts in articles (no files) analysed once and
-- stored in mentions, quotes and dates; identities linked across articles.

-- The tables are created on first use; nothing to do yet.
SELECT json_extract(news_analyze(), '$.analyzed');
--> 0
SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name;
--> article_names
--> articles
--> dates
--> entities
--> mentions
--> outlets
--> quotes

INSERT INTO articles(path, body, published, source) VALUES
  ('mine/1', 'President Joe Biden said on Friday that "the economy is strong," and Biden added that Congress must act.', '2024-05-03', 'www.Example-News.org'),
  ('mine/2', '"We will not give up," said Angela Merkel on Monday in Berlin. Joe Biden called her.', '2024-05-06', 'Reuters');
SELECT json_extract(news_analyze(), '$.analyzed');
--> 2

-- Positions are 1-based characters into the body; mention and canonical per article.
SELECT a.path, m.mention, m.type, m.canonical, m.sentence, substr(a.body, m.start, m.length) = m.mention
FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.path, m.start;
--> mine/1|Joe Biden|PERSON|Joe Biden|1|1
--> mine/1|Biden|PERSON|Joe Biden|1|1
--> mine/1|Congress|ORG|Congress|1|1
--> mine/2|Angela Merkel|PERSON|Angela Merkel|1|1
--> mine/2|Berlin|LOC|Berlin|1|1
--> mine/2|Joe Biden|PERSON|Joe Biden|2|1

-- One key per entity across the corpus, with counts.
SELECT key, type, mentions, articles FROM entities ORDER BY key;
--> Angela Merkel|PERSON|1|1
--> Berlin|LOC|1|1
--> Congress|ORG|1|1
--> Joe Biden|PERSON|3|2
SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.key = 'Joe Biden';
--> 3

-- Quotes with their speaker linked to the entity; dates resolved against published.
SELECT a.path, q.quote, q.kind, q.cue, q.speaker, q.speaker_type, q.speaker_key, q.sentence,
       substr(a.body, q.speaker_start, q.speaker_length) = q.speaker_mention
FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.path, q.start;
--> mine/1|the economy is strong,|direct|said|Joe Biden|PERSON|Joe Biden|1|1
--> mine/2|We will not give up,|direct|said|Angela Merkel|PERSON|Angela Merkel|1|1
SELECT a.path, d.mention, d.type, d.value FROM dates d JOIN articles a ON a.id = d.article_id ORDER BY a.path, d.start;
--> mine/1|Friday|DATE|2024-05-03
--> mine/2|Monday|DATE|2024-05-06

-- Outlets: the key is the registered domain (of a host, or of a known outlet's name).
SELECT a.path, o.key, o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id ORDER BY a.path;
--> mine/1|example-news.org|example-news.org
--> mine/2|reuters.com|Reuters

-- A user row gets the sha1 of its body; a second run has nothing to do.
SELECT count(*) FROM articles WHERE sha1 = analyzed_sha1 AND length(sha1) = 40;
--> 2
SELECT json_extract(news_analyze(), '$.analyzed');
--> 0

-- Changing a body marks the row (a trigger), and only that row is analysed again.
UPDATE articles SET body = 'Nothing to see on Tuesday.' WHERE path = 'mine/1';
SELECT path FROM articles WHERE analyzed_sha1 IS NULL;
--> mine/1
SELECT json_extract(news_analyze('{"jobs": 2, "batch": 1}'), '$.analyzed');
--> 1
SELECT key, mentions, articles FROM entities ORDER BY key;
--> Angela Merkel|1|1
--> Berlin|1|1
--> Joe Biden|1|1
SELECT d.mention, d.value FROM dates d JOIN articles a ON a.id = d.article_id WHERE a.path = 'mine/1';
--> Tuesday|2024-04-30

-- Deleting an article deletes its rows (a trigger); ids are never reused.
DELETE FROM articles WHERE path = 'mine/2';
SELECT (SELECT count(*) FROM mentions), (SELECT count(*) FROM quotes), (SELECT count(*) FROM dates);
--> 0|0|1
INSERT INTO articles(path, body) VALUES ('mine/3', 'Quiet.');
SELECT id, path FROM articles ORDER BY id;
--> 1|mine/1
--> 3|mine/3

-- A table the user made with only some columns gets the others.
DROP TABLE articles;
CREATE TABLE articles(id INTEGER PRIMARY KEY, path TEXT UNIQUE, body TEXT, published TEXT);
INSERT INTO articles(path, body, published) VALUES ('own/1', 'Angela Merkel spoke in Paris.', '2024-01-02');
SELECT json_extract(news_analyze(), '$.analyzed');
--> 1
SELECT count(*) FROM pragma_table_info('articles') WHERE name IN ('analyzed_sha1', 'mtime', 'sha1', 'source');
--> 4

-- Bad options are errors that say what is expected.
SELECT news_analyze('{"jobz": 2}');
--! unknown option "jobz" (known: jobs, batch, outlets)
SELECT news_analyze('{"jobs": 0}');
--! "jobs" must be an integer from 1 to 256
SELECT news_analyze('[1]');
--! options must be a JSON object
SELECT news_analyze('{oops');
--! options must be a JSON object
SELECT json_extract(news_analyze('{}'), '$.analyzed');
--> 0

-- Inside a transaction the run is part of it: a rollback undoes it.
BEGIN;
INSERT INTO articles(path, body) VALUES ('own/2', 'Joe Biden spoke.');
SELECT json_extract(news_analyze(), '$.analyzed');
--> 1
ROLLBACK;
SELECT count(*) FROM articles WHERE path = 'own/2';
--> 0

-- It writes tables: the schema of a database (a view, a trigger) cannot call it.
CREATE VIEW v AS SELECT news_analyze();
SELECT * FROM v;
--! unsafe use of news_analyze()
