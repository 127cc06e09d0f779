-- Bad input: nothing crashes, hangs, reads out of bounds or is silently dropped.
-- The fixtures are generated before the tests by tools/gen_bad_inputs.py under
-- build/bad/ (invented texts: broken encodings, pathological sizes and shapes).
-- readfile() is the test runner's (as in the sqlite3 shell); users pass TEXT.
CREATE TEMP TABLE bad(name TEXT PRIMARY KEY, t TEXT);
INSERT INTO bad SELECT name, CAST(readfile('build/bad/' || name) AS TEXT) FROM (
  SELECT 'utf8/lone_continuation.txt' AS name UNION ALL SELECT 'utf8/overlong_2.txt'
  UNION ALL SELECT 'utf8/overlong_3.txt' UNION ALL SELECT 'utf8/overlong_4.txt'
  UNION ALL SELECT 'utf8/surrogate.txt' UNION ALL SELECT 'utf8/above_10ffff.txt'
  UNION ALL SELECT 'utf8/never_valid.txt' UNION ALL SELECT 'utf8/truncated_mid.txt'
  UNION ALL SELECT 'utf8/lead_then_lead.txt' UNION ALL SELECT 'utf8/five_continuations.txt'
  UNION ALL SELECT 'utf8/truncated_end.txt' UNION ALL SELECT 'utf8/all_bytes.txt'
  UNION ALL SELECT 'utf8/bom_nonchars.txt' UNION ALL SELECT 'utf8/utf16.txt'
  UNION ALL SELECT 'nul.txt' UNION ALL SELECT 'long_line.txt' UNION ALL SELECT 'quotes.txt'
  UNION ALL SELECT 'curly_quotes.txt' UNION ALL SELECT 'quotes_words.txt' UNION ALL SELECT 'cp1252.txt'
  UNION ALL SELECT 'html/nested.html' UNION ALL SELECT 'html/nested_unclosed.html'
  UNION ALL SELECT 'html/unterminated_tag.html' UNION ALL SELECT 'html/unterminated_comment.html'
  UNION ALL SELECT 'html/unterminated_script.html' UNION ALL SELECT 'html/cp1252.html');
-- Every fixture is there (a missing one would make the checks below vacuous).
SELECT count(*), sum(t IS NULL) FROM bad;
--> 26|0

-- == sentences ==
-- Every sentence lies inside its text (substr() finds its last character) and
-- every text with words has sentences. SQLite's substr() and length() stop at
-- a NUL byte; positions still count it as one character, so for a text with
-- NUL bytes the bound is its size in bytes.
SELECT b.name FROM bad b, news_sentences(b.t) s
WHERE s.start < 1 OR s.length < 1 OR CASE WHEN instr(CAST(b.t AS BLOB), x'00') THEN s.start + s.length - 1 > length(CAST(b.t AS BLOB))
  ELSE substr(b.t, s.start + s.length - 1, 1) = '' END;
SELECT name FROM bad b WHERE length(CAST(t AS BLOB)) > 0 AND NOT EXISTS (SELECT 1 FROM news_sentences(b.t));
-- A 20 MB line without spaces is one sentence of one word; so are 100 000
-- quotation marks in a row; a NUL byte ends a paragraph.
SELECT name, count(*), sum(s.length) FROM bad b, news_sentences(b.t) s
WHERE name IN ('long_line.txt', 'quotes.txt', 'curly_quotes.txt', 'nul.txt') GROUP BY name ORDER BY name;
--> curly_quotes.txt|1|100000
--> long_line.txt|1|20971512
--> nul.txt|2|144
--> quotes.txt|1|100000

-- == clean and fold ==
-- Each byte that is not part of a valid UTF-8 sequence becomes one U+FFFD;
-- valid text (BOM and noncharacters included) is left alone.
SELECT name, length(c) - length(replace(c, char(65533), '')) FROM (SELECT name, news_clean(t) AS c FROM bad WHERE name LIKE 'utf8/%' OR name LIKE 'cp1252%' ORDER BY name);
--> cp1252.txt|7
--> utf8/above_10ffff.txt|4
--> utf8/all_bytes.txt|169
--> utf8/bom_nonchars.txt|0
--> utf8/five_continuations.txt|4
--> utf8/lead_then_lead.txt|4
--> utf8/lone_continuation.txt|2
--> utf8/never_valid.txt|5
--> utf8/overlong_2.txt|4
--> utf8/overlong_3.txt|3
--> utf8/overlong_4.txt|4
--> utf8/surrogate.txt|6
--> utf8/truncated_end.txt|3
--> utf8/truncated_mid.txt|5
--> utf8/utf16.txt|2
-- Folding keys exist for every input, and the 20 MB line keeps its size.
SELECT count(*), sum(news_fold(t) IS NULL) FROM bad;
--> 26|0
SELECT length(news_fold(t)), length(news_clean(t)) FROM bad WHERE name = 'long_line.txt';
--> 20971512|20971512
