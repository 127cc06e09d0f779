-- Quoted about whom: the people, organisations and places named inside
-- quotations (a mention whose span lies within the quotation's span, in the
-- same article), and who named them.
-- Usage: sqlite3 -box corpus.db < sql/quoted_about_whom.sql
-- (CROSS JOIN keeps the order: each quotation looks up the mentions of its own
-- article through the mentions(article_id) index.)

-- 1. Who talks about whom: speaker, the entity named in their quotations, how often.
WITH inside AS MATERIALIZED (
  SELECT q.rowid AS quote_id, q.speaker_key, m.entity_id
  FROM quotes AS q CROSS JOIN mentions AS m
  WHERE q.kind = 'direct' AND q.speaker_key IS NOT NULL
    AND m.article_id = q.article_id AND m.start >= q.start AND m.start + m.length <= q.start + q.length)
SELECT i.speaker_key AS speaker, e.key AS about, e.type, count(DISTINCT i.quote_id) AS quotations
FROM inside AS i CROSS JOIN entities AS e
WHERE e.id = i.entity_id AND e.key IS NOT i.speaker_key
GROUP BY i.speaker_key, e.key
ORDER BY quotations DESC, speaker, about
LIMIT 50;

-- 2. Talked about: the entities named most often inside quotations, and by how many speakers.
WITH inside AS MATERIALIZED (
  SELECT q.rowid AS quote_id, q.speaker_key, m.entity_id
  FROM quotes AS q CROSS JOIN mentions AS m
  WHERE q.kind = 'direct'
    AND m.article_id = q.article_id AND m.start >= q.start AND m.start + m.length <= q.start + q.length),
counted AS (
  SELECT entity_id, count(DISTINCT quote_id) AS quotations, count(DISTINCT speaker_key) AS speakers
  FROM inside GROUP BY entity_id ORDER BY quotations DESC LIMIT 20)
SELECT e.key AS entity, e.type, c.quotations, c.speakers,
       (SELECT group_concat(speaker_key, ', ') FROM (SELECT DISTINCT speaker_key FROM inside
          WHERE entity_id = c.entity_id AND speaker_key IS NOT NULL ORDER BY speaker_key LIMIT 5)) AS by_whom
FROM counted AS c CROSS JOIN entities AS e
WHERE e.id = c.entity_id
ORDER BY c.quotations DESC, entity;
