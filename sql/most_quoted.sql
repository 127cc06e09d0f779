-- Most quoted: the speakers quoted most, across the corpus and in each outlet.
-- Usage: sqlite3 -box corpus.db < sql/most_quoted.sql
-- Speakers are counted by speaker_key, the corpus-wide key, so "Keller",
-- "Mr. Keller" and "Martin Keller" are one speaker.

-- 1. The most quoted speakers: quotations, articles, outlets, words quoted, first and last day.
SELECT q.speaker_key AS speaker,
       count(*) AS quotations,
       count(DISTINCT q.article_id) AS articles,
       count(DISTINCT a.outlet_id) AS outlets,
       sum(length(q.quote) - length(replace(q.quote, ' ', '')) + 1) AS words,
       min(a.published) AS first, max(a.published) AS last
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
WHERE q.kind = 'direct' AND q.speaker_key IS NOT NULL
GROUP BY q.speaker_key
ORDER BY quotations DESC, speaker
LIMIT 20;

-- 2. By outlet: each outlet's three most quoted speakers.
WITH counts AS (
  SELECT a.outlet_id, q.speaker_key, count(*) AS quotations,
         row_number() OVER (PARTITION BY a.outlet_id ORDER BY count(*) DESC, q.speaker_key) AS rank
  FROM quotes AS q JOIN articles AS a ON a.id = q.article_id
  WHERE q.kind = 'direct' AND q.speaker_key IS NOT NULL
  GROUP BY a.outlet_id, q.speaker_key)
SELECT o.key AS outlet, c.rank, c.speaker_key AS speaker, c.quotations
FROM counts AS c
LEFT JOIN outlets AS o ON o.id = c.outlet_id
WHERE c.rank <= 3
ORDER BY outlet, c.rank;
