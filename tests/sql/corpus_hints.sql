-- Hints (ext/corpus/corpus_hints.c): past its hint_after-th article a run
-- writes entity ids and speaker keys with the rows, from its first articles'
-- names resolved alone; the link then rewrites only what the whole corpus
-- places elsewhere. The keys must be those of a run without hints.
SELECT news_ingest('tests/fixtures/corpus/articles', '{"hint_after": 0}') ->> '$.added';
--> 6
CREATE TEMP TABLE plain AS
  SELECT a.path, m.start, m.canonical, e.key FROM mentions m JOIN articles a ON a.id = m.article_id
  LEFT JOIN entities e ON e.id = m.entity_id;
CREATE TEMP TABLE plain_quotes AS
  SELECT a.path, q.start, q.speaker_key, e.key FROM quotes q JOIN articles a ON a.id = q.article_id
  LEFT JOIN entities e ON e.id = q.speaker_entity_id;
CREATE TEMP TABLE plain_entities AS SELECT key, name, type, mentions, articles FROM entities;
SELECT (SELECT count(*) FROM plain WHERE key IS NOT NULL), (SELECT count(*) FROM plain_quotes WHERE speaker_key IS NOT NULL);
--> 22|6
DELETE FROM articles;
DELETE FROM entities;
DELETE FROM article_names;

-- Hinted from the first article on, with two workers.
SELECT news_ingest('tests/fixtures/corpus/articles', '{"hint_after": 1, "jobs": 2}') ->> '$.added';
--> 6
SELECT count(*) FROM (
  SELECT * FROM plain EXCEPT
  SELECT a.path, m.start, m.canonical, e.key FROM mentions m JOIN articles a ON a.id = m.article_id
  LEFT JOIN entities e ON e.id = m.entity_id);
--> 0
SELECT count(*) FROM (
  SELECT * FROM plain_quotes EXCEPT
  SELECT a.path, q.start, q.speaker_key, e.key FROM quotes q JOIN articles a ON a.id = q.article_id
  LEFT JOIN entities e ON e.id = q.speaker_entity_id);
--> 0
SELECT count(*) FROM (SELECT * FROM plain_entities EXCEPT SELECT key, name, type, mentions, articles FROM entities);
--> 0
SELECT count(*) = (SELECT count(*) FROM plain_entities), count(mentions) = count(*) FROM entities;
--> 1|1

-- The option's bounds.
SELECT news_ingest('tests/fixtures/corpus/articles', '{"hint_after": -1}');
--! "hint_after" must be an integer from 0 to 1000000000
