-- Co-mentions: which entities are named in the same articles.
-- Usage: sqlite3 -box corpus.db < sql/co_mentions.sql
-- The pair counts are computed once into a temporary table (the temp
-- database: the corpus database itself is only read).

DROP TABLE IF EXISTS temp.co_pairs;
CREATE TEMP TABLE co_pairs AS
WITH named AS MATERIALIZED (SELECT DISTINCT article_id, entity_id FROM mentions WHERE entity_id IS NOT NULL)
SELECT a.entity_id AS x, b.entity_id AS y, count(*) AS articles
FROM named AS a JOIN named AS b ON b.article_id = a.article_id AND b.entity_id > a.entity_id
GROUP BY a.entity_id, b.entity_id;

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

DROP TABLE temp.co_pairs;
