-- Character positions over long texts: 3000 sentences with accents, emoji and
-- bytes that are not UTF-8 (each counts as one character, as substr() counts),
-- so that every lookup crosses the position index's checkpoints.
CREATE TEMP TABLE long AS
  SELECT group_concat(s, ' ') AS t FROM (
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
    SELECT 'Élodie a vu 😀 Zoë' || CAST(X'FF80' AS TEXT) || ' à Köln, n° ' || i || '.' AS s FROM n);
SELECT count(*), count(DISTINCT substr(long.t, start, length) = 'Élodie a vu 😀 Zoë' || CAST(X'FF80' AS TEXT) || ' à Köln, n° ' || sentence || '.')
FROM long, news_sentences(long.t);
--> 3000|1
SELECT sum(substr(long.t, start, length) = 'Élodie a vu 😀 Zoë' || CAST(X'FF80' AS TEXT) || ' à Köln, n° ' || sentence || '.')
FROM long, news_sentences(long.t);
--> 3000
-- The last sentence ends on the last character.
SELECT max(start + length - 1) = length(long.t) FROM long, news_sentences(long.t);
--> 1
