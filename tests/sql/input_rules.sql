-- Input rules shared by every function (shown here with news_sentences and the scalars).

-- A BLOB is read as UTF-8 text; a number is read as its text.
SELECT count(*) FROM news_sentences(CAST('One. Two.' AS BLOB));
--> 2
SELECT sentence, start, length FROM news_sentences(3.5);
--> 1|1|3
SELECT news_fold(X'C389434F'), news_clean(42);
--> eco|42

-- An embedded NUL byte separates like a blank line; nothing after it is lost.
SELECT count(*), max(start + length - 1) FROM news_sentences(CAST(X'48692074686572650042796520746865726521' AS TEXT));
--> 2|19

-- Offsets round-trip through substr() on Cyrillic, CJK, emoji and accents.
SELECT substr(t, start, length) FROM (SELECT 'Путин встретился с Си. 習近平が来た。彼は話した。 Emoji 😀 ok. Café fermé.' AS t), news_sentences(t);
--> Путин встретился с Си.
--> 習近平が来た。
--> 彼は話した。
--> Emoji 😀 ok.
--> Café fermé.

-- Invalid UTF-8 is read best effort, with characters counted as substr() counts them: a
-- stray continuation byte is one character, and a lead byte takes every continuation byte
-- after it (a broken sequence is one U+FFFD where text is produced). Offsets stay exact.
SELECT substr(t, start, length) = CAST(X'61FF622E' AS TEXT) FROM (SELECT CAST(X'61FF622E20432E' AS TEXT) AS t), news_sentences(t) WHERE sentence = 1;
--> 1

-- A 50 MB text with no newlines, and one with no spaces at all.
SELECT count(*) FROM news_sentences(replace(hex(zeroblob(12500000)), '00', 'Ab. '));
--> 12500000
SELECT count(*), max(length) FROM news_sentences(hex(zeroblob(10000000)));
--> 1|20000000

-- Spans never cut a character in two, even where bytes are broken: a lead byte followed
-- by too many or too few continuation bytes is one character, as substr() counts it.
SELECT sentence, hex(substr(t, start, length))
FROM (SELECT CAST(X'C3A980204142432E20C3A98080802058595A2E20E282202E' AS TEXT) AS t), news_sentences(t);
--> 1|C3A980204142432E
--> 2|C3A98080802058595A2E
--> 3|E282202E

-- A BLOB argument is read as UTF-8 text, but substr() on a BLOB counts bytes:
-- cast it to TEXT to cut spans out of it.
SELECT substr(CAST(b AS TEXT), start, length) FROM (SELECT CAST('Zoë left. Bo came.' AS BLOB) AS b), news_sentences(b);
--> Zoë left.
--> Bo came.

-- The same holds for every extractor: mentions next to broken bytes round-trip.
WITH t(x) AS (SELECT CAST(X'416E67656C61204D65726B656C80206D657420456D6D616E75656C204D6163726F6EC3A98080206F6E204672696461792E' AS TEXT))
SELECT mention, substr(x, start, length) = mention FROM t, news_entities(x);
--> Angela Merkel|1
--> Emmanuel Macron|1

-- news_articles reads files, so the views and triggers of a database file cannot call it
-- (SQLITE_VTAB_DIRECTONLY, as for SQLite's own readfile()); a query of yours can.
CREATE VIEW v AS SELECT count(*) FROM news_articles('tests');
PRAGMA trusted_schema = OFF;
SELECT * FROM v;
--! unsafe use of virtual table "news_articles"
