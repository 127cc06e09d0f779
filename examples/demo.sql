-- One query per function, over examples/corpus/ and short texts: run with
--   sqlite3 -box :memory: < examples/demo.sql
-- (its output is examples/demo.expected, checked by make test).
.load dist/news

-- == articles ==
-- A folder of saved articles (a text file, a web page, a JSON Lines feed) as one table.
SELECT path, format, title, byline, published, source FROM news_articles('examples/corpus');
-- The body without site furniture: no navigation, caption, embedded post, related link or prompt.
SELECT body FROM news_articles('examples/corpus') WHERE path = 'examples/corpus/2031-06-14_harbour-wind-farm.txt';
-- news_clean applies the same furniture rules to any text.
SELECT news_clean('Advertisement

The museum reopened on Saturday.

Share this article') AS cleaned;

-- == entities ==
SELECT mention, type, canonical, sentence
FROM news_entities('President Elena Marsh met Mr. Okafor in Oslo. The Pacific Rail Consortium (PRC) hired Marsh, and the PRC’s U.S.-based rival protested.');

-- == quotes ==
-- Every quotation with its speaker (resolved to a name), cue and kind.
SELECT quote, speaker, speaker_mention, cue, kind
FROM news_quotes('Mayor Lena Ortiz opened the bridge on Friday. “It took ten years,” she said. “We never gave up.”

The council statement called the project “a triumph.” Critics call it the “bridge to nowhere.”');
-- Who said what across the corpus (more in sql/who_said_what.sql).
SELECT a.title, q.speaker, q.quote FROM news_articles('examples/corpus') AS a, news_quotes(a.body) AS q WHERE q.speaker IS NOT NULL;

-- == dates ==
SELECT mention, type, value FROM news_dates('The ministers met on Friday evening, their first talks in nearly two years; they meet again next month.', '2022-02-05');
SELECT news_date('Fri, 04 Feb 2022 10:30:00 +0000') AS parsed, news_date('Friday', '2022-02-05') AS friday;

-- == sentences ==
SELECT sentence, substr(t, start, length) AS text
FROM (SELECT 'Mr. Putin met Mr. Xi in Beijing on Friday. They talked for hours. The U.S. was not there.' AS t), news_sentences(t);
