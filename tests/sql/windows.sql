-- A text over the 1 MB window (NW_TVF_WINDOW in ext/sql/tvf.h) is analysed a window at
-- a time, cut at paragraph breaks, so that memory stays bounded: positions, sentence
-- numbers and rows stay those of the whole text. 20 000 paragraphs of 2 sentences (2.3 MB).
CREATE TEMP TABLE long(t TEXT);
INSERT INTO long SELECT replace(printf('%.*c', 20000, 'x'), 'x',
  'Mayor Lena Okafor said on Thursday that the ferry would open in June 2025. "It is a good start," said Tomas Reyes.' || char(10, 10));
SELECT length(t) > 2000000 FROM long;
--> 1
SELECT count(*) FROM news_sentences((SELECT t FROM long));
--> 40000
-- every mention lies where its start and length say, in every window (every 500th row
-- is checked: substr() counts characters from the start of the text each time)
SELECT count(*), count(DISTINCT sentence), max(sentence), max(start) > 2000000 FROM news_entities((SELECT t FROM long));
--> 40000|40000|40000|1
SELECT count(*), sum(substr(l.t, e.start, e.length) = e.mention) FROM long l, news_entities(l.t) e WHERE e.rowid % 500 = 0;
--> 80|80
SELECT count(*), count(DISTINCT speaker), max(start) > 2000000 FROM news_quotes((SELECT t FROM long));
--> 20000|1|1
SELECT count(*), sum(substr(l.t, q.start, q.length) = '"' || q.quote || '"') FROM long l, news_quotes(l.t) q WHERE q.rowid % 500 = 0;
--> 40|40
SELECT count(*), count(DISTINCT value) FROM news_dates((SELECT t FROM long), '2024-05-02');
--> 40000|2
SELECT count(*), sum(substr(l.t, d.start, d.length) = d.mention) FROM long l, news_dates(l.t, '2024-05-02') d WHERE d.rowid % 500 = 0;
--> 80|80
-- news_date on a long argument: the most precise date of all the windows, the first of equals
SELECT news_date((SELECT t FROM long) || 'March 5, 2024');
--> 2024-03-05
SELECT news_date('2019. ' || (SELECT t FROM long));
--> 2025-06
