-- Who said what: every attributed quotation of a corpus with its article.
-- Usage (sqlite3 shell, from the project folder):
--   sqlite3 :memory: -cmd ".load dist/news" -cmd ".param set :corpus examples/corpus" < sql/who_said_what.sql
-- news_articles reads the folder (docs/news_articles.md: path, title, published, source, body, ...);
-- news_quotes finds the quotations in each body.

-- 1. Each direct quotation with its resolved speaker, in article order.
SELECT a.published, a.title, q.speaker, q.cue, q.quote
FROM news_articles(:corpus) AS a, news_quotes(a.body) AS q
WHERE q.kind = 'direct' AND q.speaker IS NOT NULL
ORDER BY a.published, a.path, q.start;

-- 2. The most quoted speakers: quotations, articles, words quoted.
SELECT q.speaker,
       count(*) AS quotations,
       count(DISTINCT a.path) AS articles,
       sum(length(q.quote) - length(replace(q.quote, ' ', '')) + 1) AS words
FROM news_articles(:corpus) AS a, news_quotes(a.body) AS q
WHERE q.kind = 'direct' AND q.speaker IS NOT NULL
GROUP BY q.speaker
ORDER BY quotations DESC, q.speaker
LIMIT 20;

-- 3. How each outlet attributes: the share of quotations with a named speaker, and the
--    reporting verbs it uses most.
SELECT a.source,
       count(*) AS quotations,
       round(100.0 * count(q.speaker) / count(*), 1) AS attributed_pct,
       (SELECT group_concat(cue, ', ') FROM (
          SELECT q2.cue FROM news_articles(:corpus) AS a2, news_quotes(a2.body) AS q2
          WHERE a2.source IS a.source AND q2.cue IS NOT NULL
          GROUP BY q2.cue ORDER BY count(*) DESC LIMIT 3)) AS top_cues
FROM news_articles(:corpus) AS a, news_quotes(a.body) AS q
WHERE q.kind = 'direct'
GROUP BY a.source
ORDER BY quotations DESC;

-- 4. Scare quotes: terms put in quotation marks without a speaker.
SELECT q.quote AS term, count(*) AS times
FROM news_articles(:corpus) AS a, news_quotes(a.body) AS q
WHERE q.kind = 'scare'
GROUP BY lower(q.quote)
ORDER BY times DESC, term
LIMIT 20;
