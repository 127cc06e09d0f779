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
SELECT substr(t, start, length) FROM (SELECT 'Путин встретился с Си. 習近平が来た。 Emoji 😀 ok. Café fermé.' AS t), news_sentences(t);
--> Путин встретился с Си.
--> 習近平が来た。 Emoji 😀 ok.
--> Café fermé.

-- Invalid UTF-8 is read best effort: each stray byte is one character (as substr() counts
-- it) and becomes U+FFFD where text is produced; offsets stay exact.
SELECT substr(t, start, length) = CAST(X'61FF622E' AS TEXT) FROM (SELECT CAST(X'61FF622E20432E' AS TEXT) AS t), news_sentences(t) WHERE sentence = 1;
--> 1

-- A 50 MB text with no newlines, and one with no spaces at all.
SELECT count(*) FROM news_sentences(replace(hex(zeroblob(12500000)), '00', 'Ab. '));
--> 12500000
SELECT count(*), max(length) FROM news_sentences(hex(zeroblob(10000000)));
--> 1|20000000
