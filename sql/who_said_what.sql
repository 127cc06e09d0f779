-- Who said what: every attributed quotation of a corpus database, with its article.
-- Usage: sqlite3 -box corpus.db < sql/who_said_what.sql
-- (build the database first: sqlite-news ingest corpus/ corpus.db)
-- speaker_key is the speaker's corpus-wide key (one per real-world person or body,
-- whatever form the article used); speaker is the name as the article gave it.

-- 1. Each direct quotation with its speaker, outlet and date, in article order.
SELECT a.published, o.name AS outlet, a.title,
       coalesce(q.speaker_key, q.speaker) AS speaker, q.cue, q.quote
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
LEFT JOIN outlets AS o ON o.id = a.outlet_id
WHERE q.kind = 'direct' AND q.speaker IS NOT NULL
ORDER BY a.published, a.path, q.start;

-- 2. How each outlet attributes: the share of its quotations with a named speaker,
--    and the reporting verbs it uses most.
WITH cues AS (
  SELECT a.outlet_id, q.cue, count(*) AS n,
         row_number() OVER (PARTITION BY a.outlet_id ORDER BY count(*) DESC, q.cue) AS rank
  FROM quotes AS q JOIN articles AS a ON a.id = q.article_id
  WHERE q.kind = 'direct' AND q.cue IS NOT NULL
  GROUP BY a.outlet_id, q.cue)
SELECT o.name AS outlet,
       count(*) AS quotations,
       round(100.0 * count(q.speaker) / count(*), 1) AS attributed_pct,
       (SELECT group_concat(cue, ', ') FROM (SELECT cue FROM cues
          WHERE cues.outlet_id IS a.outlet_id AND rank <= 3 ORDER BY rank)) AS top_cues
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
LEFT JOIN outlets AS o ON o.id = a.outlet_id
WHERE q.kind = 'direct'
GROUP BY a.outlet_id
ORDER BY quotations DESC, outlet;

-- 3. Scare quotes: terms put in quotation marks without a speaker.
SELECT q.quote AS term, count(*) AS times, count(DISTINCT q.article_id) AS articles
FROM quotes AS q
WHERE q.kind = 'scare'
GROUP BY lower(q.quote)
ORDER BY times DESC, term
LIMIT 20;
