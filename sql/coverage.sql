-- Coverage: how much each outlet wrote about each entity, day by day.
-- Usage: sqlite3 -box corpus.db < sql/coverage.sql

-- 1. Entity x outlet x day: articles naming the entity (ten entities in the most articles).
WITH top AS (SELECT id FROM entities ORDER BY articles DESC, key LIMIT 10)
SELECT e.key AS entity, o.key AS outlet, a.published AS day,
       count(DISTINCT a.id) AS articles, count(*) AS mentions
FROM mentions AS m
JOIN articles AS a ON a.id = m.article_id
JOIN entities AS e ON e.id = m.entity_id
LEFT JOIN outlets AS o ON o.id = a.outlet_id
WHERE m.entity_id IN top
GROUP BY e.id, a.outlet_id, a.published
ORDER BY entity, outlet, day;

-- 2. Each outlet's share of its articles that name the entity (same entities).
WITH top AS (SELECT id FROM entities ORDER BY articles DESC, key LIMIT 10),
per_outlet AS (SELECT outlet_id, count(*) AS total FROM articles GROUP BY outlet_id)
SELECT e.key AS entity, o.key AS outlet, count(DISTINCT m.article_id) AS articles,
       round(100.0 * count(DISTINCT m.article_id) / p.total, 1) AS pct_of_outlet
FROM mentions AS m
JOIN articles AS a ON a.id = m.article_id
JOIN entities AS e ON e.id = m.entity_id
JOIN per_outlet AS p ON p.outlet_id IS a.outlet_id
LEFT JOIN outlets AS o ON o.id = a.outlet_id
WHERE m.entity_id IN top
GROUP BY e.id, a.outlet_id
ORDER BY entity, pct_of_outlet DESC, outlet;
