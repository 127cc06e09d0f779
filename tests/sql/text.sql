-- The text helpers: sentences, folding keys and cleaning.

-- news_sentences splits on sentence ends, keeping titles and abbreviations inside.
SELECT sentence, start, length FROM news_sentences('Mr. Putin met Mr. Xi in Beijing on Friday. They talked for hours. The U.S. was not there.');
--> 1|1|42
--> 2|44|22
--> 3|67|23

-- start and length are in characters: substr() gives the sentence back, even with accents and emoji.
SELECT substr(t, start, length) FROM (SELECT 'Zoë arrived 😀. Élodie left.' AS t), news_sentences(t);
--> Zoë arrived 😀.
--> Élodie left.

-- A blank line ends a headline or a dateline that has no final period.
SELECT count(*) FROM news_sentences('Harbour Talks Resume

March 12, 2023

The two ministers met.');
--> 3

-- NULL input gives no rows; the empty string gives none either.
SELECT * FROM news_sentences(NULL);
SELECT * FROM news_sentences('');

-- news_fold: one key for every spelling that differs only by case, accents or apostrophes.
SELECT news_fold('Zelenskyy') = news_fold('ZELENSKYY'), news_fold('Zelénskyy') = news_fold('zelenskyy');
--> 1|1
SELECT news_fold('Xi’s'), news_fold('Straße');
--> xi's|strasse
SELECT news_fold(NULL);
--> NULL

-- news_clean: NFC, white space collapsed, one blank line between paragraphs.
SELECT news_clean('  Cafe' || char(769) || '   opens  ' || char(10,10,10,10) || 'Next   paragraph.  ');
--> Café opens
-->
--> Next paragraph.

-- Invalid UTF-8 never crashes: bytes that are not UTF-8 become U+FFFD.
SELECT news_clean(CAST(X'41FF42' AS TEXT)) = 'A' || char(65533) || 'B';
--> 1
SELECT count(*) FROM news_sentences(CAST(X'C328A0A1E2822882F0288CBC' AS TEXT));
--> 1
