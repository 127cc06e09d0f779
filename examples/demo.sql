-- make demo: a short tour over examples/corpus/.
.load dist/news
SELECT news_version() AS version;

-- == articles ==

-- == entities ==

-- == quotes ==

-- == dates ==

-- == sentences ==
SELECT sentence, substr(t, start, length) AS text
FROM (SELECT 'Mr. Putin met Mr. Xi in Beijing on Friday. They talked for hours. The U.S. was not there.' AS t), news_sentences(t);
