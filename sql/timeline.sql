-- Timeline: articles by day of publication, and the days the articles point to
-- (dates in the text, resolved against each article's publication date).
-- Usage: sqlite3 -box corpus.db < sql/timeline.sql

-- 1. Articles published each day, and by how many outlets.
SELECT published AS day, count(*) AS articles, count(DISTINCT outlet_id) AS outlets
FROM articles
WHERE published IS NOT NULL
GROUP BY published
ORDER BY day;

-- 2. Dated events: each calendar day the articles mention, how many articles
--    point to it, when the first was published, and the words they used.
SELECT d.value AS day, count(DISTINCT d.article_id) AS articles,
       min(a.published) AS first_reported,
       group_concat(DISTINCT d.mention) AS said_as
FROM dates AS d
JOIN articles AS a ON a.id = d.article_id
WHERE d.type = 'DATE' AND d.value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
GROUP BY d.value
ORDER BY day;
