-- Co-mentions: which entities are named in the same articles.
-- Usage: sqlite3 -box corpus.db < sql/co_mentions.sql
-- The pair counts are computed once into temporary tables (the temp
-- database: the corpus database itself is only read).
--
-- Most of the time goes to grouping one row per pair and article (935 000
-- rows for 10 000 articles): each pair is grouped as one integer,
-- x << 32 | y, which SQLite sorts about a third faster than two columns.

DROP TABLE IF EXISTS temp.co_named;
DROP TABLE IF EXISTS temp.co_pairs;
-- Each (article, entity) once, keyed by article for the self-join; read in
-- table order (the mentions of an article are stored together), as no
-- index holds both columns.
CREATE TEMP TABLE co_named(article_id INTEGER, entity_id INTEGER, PRIMARY KEY (article_id, entity_id)) WITHOUT ROWID;
INSERT OR IGNORE INTO temp.co_named SELECT article_id, entity_id FROM mentions NOT INDEXED WHERE entity_id IS NOT NULL;
CREATE TEMP TABLE co_pairs AS
SELECT pair >> 32 AS x, pair & 4294967295 AS y, count(*) AS articles
FROM (SELECT a.entity_id << 32 | b.entity_id AS pair
      FROM temp.co_named AS a JOIN temp.co_named AS b ON b.article_id = a.article_id AND b.entity_id > a.entity_id)
GROUP BY pair;

-- 1. The pairs of entities named together in the most articles.
SELECT e1.key AS entity, e2.key AS with_entity, p.articles
FROM (SELECT * FROM temp.co_pairs WHERE articles > 1 ORDER BY articles DESC LIMIT 200) AS p
JOIN entities AS e1 ON e1.id = p.x
JOIN entities AS e2 ON e2.id = p.y
ORDER BY p.articles DESC, entity, with_entity
LIMIT 30;

-- 2. For the five entities in the most articles: the three named with them most often.
WITH top AS (SELECT id FROM entities ORDER BY articles DESC, key LIMIT 5),
both_ways AS (
  SELECT x AS id, y AS other, articles FROM temp.co_pairs WHERE x IN top
  UNION ALL
  SELECT y, x, articles FROM temp.co_pairs WHERE y IN top),
ranked AS (
  SELECT w.*, o.key AS other_key,
         row_number() OVER (PARTITION BY w.id ORDER BY w.articles DESC, o.key) AS rank
  FROM both_ways AS w JOIN entities AS o ON o.id = w.other)
SELECT e.key AS entity, r.rank, r.other_key AS with_entity, r.articles
FROM ranked AS r
JOIN entities AS e ON e.id = r.id
WHERE r.rank <= 3
ORDER BY e.articles DESC, entity, r.rank;

DROP TABLE temp.co_named;
DROP TABLE temp.co_pairs;
