-- Bad input: nothing crashes, hangs, reads out of bounds or is silently dropped.
-- The fixtures are generated before the tests by tools/gen_bad_inputs.py under
-- build/bad/ (invented texts: broken encodings, pathological sizes and shapes).
-- readfile() is the test runner's (as in the sqlite3 shell); users pass TEXT.
CREATE TEMP TABLE bad(name TEXT PRIMARY KEY, t TEXT, valid INTEGER, nul INTEGER, chars INTEGER);
INSERT INTO bad(name, t, valid) SELECT name, CAST(readfile('build/bad/' || name) AS TEXT),
  (name NOT LIKE 'utf8/%' AND name NOT LIKE '%cp1252%') OR name = 'utf8/bom_nonchars.txt' FROM (
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
-- SQLite's substr() and length() stop at a NUL byte; positions still count it
-- as one character. Spans in such texts are checked against their size.
-- (length() is counted once per text: per span it would make the checks
-- themselves quadratic.)
UPDATE bad SET nul = instr(CAST(t AS BLOB), x'00') > 0, chars = length(t);
-- Each function runs once over every text; the checks read the results.
CREATE TEMP TABLE sent AS SELECT b.name, s.* FROM bad b, news_sentences(b.t) s;
CREATE TEMP TABLE tidy AS SELECT name, news_clean(t) AS clean, news_fold(t) AS fold, news_date(t) AS date FROM bad;
CREATE TEMP TABLE ent AS SELECT b.name, e.* FROM bad b, news_entities(b.t) e;
CREATE TEMP TABLE dat AS SELECT b.name, d.* FROM bad b, news_dates(b.t, '2022-03-05') d;
CREATE TEMP TABLE quo AS SELECT b.name, q.* FROM bad b, news_quotes(b.t) q;
-- A span is inside its text when it ends within the text's characters (or,
-- with NUL bytes, within its bytes); in valid UTF-8 without NUL bytes
-- a mention is exactly substr(text, start, length). (In invalid UTF-8 SQLite
-- counts a lead byte with all the continuation bytes after it as one
-- character, so substr() takes stray continuation bytes after a mention with it.)
CREATE TEMP VIEW bad_span AS
  SELECT b.name, x.start, x.length, x.mention, b.valid, b.nul,
         x.start >= 1 AND x.length >= 1 AND CASE WHEN b.nul THEN x.start + x.length - 1 <= length(CAST(b.t AS BLOB))
                                                 ELSE x.start + x.length - 1 <= b.chars END AS inside,
         CASE WHEN x.mention IS NOT NULL AND b.valid AND NOT b.nul THEN substr(b.t, x.start, x.length) IS x.mention ELSE 1 END AS exact
  FROM bad b JOIN (SELECT name, start, length, NULL AS mention, 'sentences' AS fn FROM sent
                   UNION ALL SELECT name, start, length, mention, 'entities' FROM ent
                   UNION ALL SELECT name, start, length, mention, 'dates' FROM dat
                   UNION ALL SELECT name, start, length, NULL, 'quotes' FROM quo
                   UNION ALL SELECT name, speaker_start, speaker_length, speaker_mention, 'speakers' FROM quo
                   WHERE speaker_start IS NOT NULL) x USING (name);

-- == sentences, entities, dates, quotes: spans ==
SELECT name, start, length, mention FROM bad_span WHERE NOT inside OR NOT exact;
-- Every text with words has sentences.
SELECT name FROM bad WHERE length(CAST(t AS BLOB)) > 0 AND name NOT IN (SELECT name FROM sent);

-- == sentences ==
-- A 20 MB line without spaces is one sentence of one word; so are 100 000
-- quotation marks in a row; a NUL byte ends a paragraph.
SELECT name, count(*), sum(length) FROM sent
WHERE name IN ('long_line.txt', 'quotes.txt', 'curly_quotes.txt', 'nul.txt') GROUP BY name ORDER BY name;
--> curly_quotes.txt|1|100000
--> long_line.txt|1|20971512
--> nul.txt|2|144
--> quotes.txt|1|100000

-- == clean and fold ==
-- Each byte that is not part of a valid UTF-8 sequence becomes one U+FFFD;
-- valid text (BOM and noncharacters included) is left alone.
SELECT name, length(clean) - length(replace(clean, char(65533), '')) FROM tidy WHERE name LIKE 'utf8/%' OR name LIKE 'cp1252%' ORDER BY name;
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
SELECT count(*), sum(fold IS NULL), sum(clean IS NULL) FROM tidy;
--> 26|0|0
SELECT length(fold), length(clean) FROM tidy WHERE name = 'long_line.txt';
--> 20971512|20971512

-- == entities ==
-- No names in a line of letters, in quotation marks or in markup nested 10 000 deep.
SELECT count(*) FROM ent WHERE name IN ('long_line.txt', 'quotes.txt', 'curly_quotes.txt', 'html/nested.html');
--> 0

-- == dates ==
-- news_date gives a date or NULL for every input, never an error.
SELECT count(*), sum(date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]*') FROM tidy;
--> 26|26
-- Bad bytes next to a sentence do not hide its date ("Friday, March 4, 2022"):
-- 10 texts have the sentence twice, 2 once (the UTF-16 text and the one made of
-- every byte value have none).
SELECT count(DISTINCT name), count(*) FROM dat WHERE name LIKE 'utf8/%' AND value = '2022-03-04';
--> 12|22

-- == quotes ==
-- 100 000 straight quotation marks in a row pair into 50 000 empty quotations;
-- with a word between each pair, 99 999 one-word quotations (scare quotes:
-- nobody says them); a NUL byte does not hide the quotation next to it.
SELECT name, count(*), sum(length(quote)), group_concat(DISTINCT kind) FROM quo
WHERE name IN ('quotes.txt', 'quotes_words.txt', 'nul.txt') GROUP BY name ORDER BY name;
--> nul.txt|2|22|direct
--> quotes.txt|50000|0|scare
--> quotes_words.txt|99999|399996|scare
-- 50 000 opening marks then 50 000 closing ones: quotations nest only a few
-- levels deep, so the output stays proportional to the input.
SELECT count(*) BETWEEN 1 AND 100, sum(length(quote)) <= 50 * 100000 FROM quo WHERE name = 'curly_quotes.txt';
--> 1|1
-- Invalid bytes next to a sentence do not hide who said it: every text in which
-- the sentence survives has its quotation attributed to Adeyemi.
SELECT count(DISTINCT name) FROM quo WHERE name LIKE 'utf8/%' AND speaker LIKE '%Adeyemi' AND quote = 'will reopen';
--> 12

-- == articles ==
-- A folder with links that loop, a link to a missing file, a folder named like a
-- file, named pipes, an empty file and a file without read permission: every file is listed,
-- those that cannot be read with the reason. (Run as root, the file without
-- permission reads normally.) sub_up links back to the parent folder: it is
-- followed, but the folder being scanned is not entered a second time.
SELECT replace(path, 'build/bad/scan/tree/', ''), format, bytes, error FROM news_articles('build/bad/scan/tree')
WHERE path NOT LIKE '%/sub_up/%' AND path NOT LIKE '%unreadable%' ORDER BY path;
--> a_link.txt|text|NULL|Too many levels of symbolic links
--> b_link.txt|text|NULL|Too many levels of symbolic links
--> dangling.txt|text|NULL|file vanished or is a broken link
--> empty.txt|text|0|NULL
--> folder.txt/inside.txt|text|41|NULL
--> link_to_ok.txt|text|94|NULL
--> nul.txt|text|64|binary file (NUL bytes)
--> ok.txt|text|94|NULL
--> pipe.jsonl|jsonl|NULL|not a regular file
--> pipe.txt|text|NULL|not a regular file
SELECT count(*), sum(error IS NULL OR error LIKE '%ermission%') FROM news_articles('build/bad/scan/tree') WHERE path LIKE '%unreadable.txt';
--> 1|1
SELECT replace(path, 'build/bad/scan/tree/', ''), error FROM news_articles('build/bad/scan/tree') WHERE path LIKE '%/sub_up/%' OR path LIKE '%/loop/%';
--> sub_up/sibling.txt|NULL
-- A folder of 10 000 empty files: 10 000 rows, empty bodies, no errors.
SELECT count(*), count(error), sum(bytes), sum(length(body)) FROM news_articles('build/bad/empties');
--> 10000|0|0|0
-- Text files that are not UTF-8 are read and say so in error: with valid
-- UTF-8 in them, each bad byte becomes U+FFFD; without, they are read as
-- Windows-1252. NUL bytes say binary (no body).
SELECT error, count(*), sum(body IS NULL) FROM news_articles('build/bad/utf8') GROUP BY error ORDER BY error;
--> NULL|1|0
--> binary file (NUL bytes)|2|2
--> not valid UTF-8: bad bytes read as U+FFFD|7|0
--> not valid UTF-8: read as Windows-1252|4|0
SELECT error, instr(body, '“prices rose 5€”') > 0 FROM news_articles('build/bad/cp1252.txt');
--> not valid UTF-8: read as Windows-1252|1
-- A 20 MB line, 100 000 quotation marks: read whole.
SELECT path, error, length(body) FROM news_articles('build/bad/long_line.txt');
--> build/bad/long_line.txt|NULL|20971512
SELECT length(body) FROM news_articles('build/bad/quotes.txt');
--> 100000
-- Pages in Windows-1252, with or without saying so, are decoded.
SELECT replace(path, 'build/bad/html/', ''), error, body FROM news_articles('build/bad/html') WHERE path LIKE '%cp1252%' ORDER BY path;
--> cp1252.html|NULL|Café owners said “prices rose 5€” – naïve? …
--> cp1252_nometa.html|NULL|Café owners said “prices rose 5€” – naïve? …
-- Unterminated tags, comments, scripts and "<![CDATA[" (a bogus comment in HTML,
-- up to the next ">", as browsers read it): the text before them is kept,
-- what the comment or script swallows is not shown.
SELECT replace(path, 'build/bad/html/', ''), error, body FROM news_articles('build/bad/html') WHERE path LIKE '%unterminated_%' ORDER BY path;
--> unterminated_cdata.html|NULL|Before.
--> unterminated_comment.html|NULL|Visible paragraph.
--> unterminated_script.html|NULL|Before.
--> unterminated_tag.html|NULL|Text before
-- "<![CDATA[" inside a comment is the comment's: the comment still ends at "-->".
SELECT body FROM news_articles('build/bad/html/cdata_in_comment.html');
--> After the comment.
-- A script's own "<![CDATA[" is script text: the script still ends at its tag.
SELECT body FROM news_articles('build/bad/html/cdata_in_script.html');
--> After the script.
-- 10 000 nested elements: listed, no crash. libxml2 stops building the tree 256
-- elements deep, so the row keeps what was read and says so in error.
SELECT replace(path, 'build/bad/html/', ''), error FROM news_articles('build/bad/html') WHERE path LIKE '%nested%';
--> nested.html|page nested deeper than 256 elements: read up to that depth
--> nested_unclosed.html|page nested deeper than 256 elements: read up to that depth
-- A file removed while the folder is being scanned: the scan goes on and lists
-- it with the reason. (The first row's WHERE removes b.txt; the folder listing
-- was taken when the scan entered it.)
SELECT test_writefile('build/bad/vanish/a.txt', 'First file.'), test_writefile('build/bad/vanish/b.txt', 'Second file.'),
       test_writefile('build/bad/vanish/c.txt', 'Third file.');
--> 0|0|0
SELECT replace(path, 'build/bad/vanish/', ''), error, body FROM news_articles('build/bad/vanish')
WHERE test_unlink('build/bad/vanish/b.txt') IN (0, -1);
--> a.txt|NULL|First file.
--> b.txt|file vanished or is a broken link|NULL
--> c.txt|NULL|Third file.
-- The extractors read the bodies of a scan as they read any text.
SELECT replace(a.path, 'build/bad/scan/', ''), e.mention, d.mention FROM news_articles('build/bad/scan') a,
  news_entities(a.body) e, news_dates(a.body, '2022-02-04') d ORDER BY a.path;
--> tree/link_to_ok.txt|Adeyemi|Friday, March 4, 2022
--> tree/ok.txt|Adeyemi|Friday, March 4, 2022
-- and over what the page reader made of the broken pages: those bodies hold no name and
-- no date, and a sentence written after each body is read right, at its place.
SELECT replace(a.path, 'build/bad/html/', ''),
  (SELECT group_concat(mention || '@' || (start - length(a.body)), ', ') FROM news_entities(a.body || ' Omar Haddad spoke in Oslo on Friday.')),
  (SELECT group_concat(mention || '=' || value || '@' || (start - length(a.body)), ', ')
   FROM news_dates(a.body || ' Omar Haddad spoke in Oslo on Friday.', '2022-02-04'))
FROM news_articles('build/bad/html') a ORDER BY a.path;
--> cdata_in_comment.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
--> cdata_in_script.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
--> cp1252.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
--> cp1252_nometa.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
--> nested.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
--> nested_unclosed.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
--> unterminated_cdata.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
--> unterminated_comment.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
--> unterminated_script.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
--> unterminated_tag.html|Omar Haddad@2, Oslo@23|Friday=2022-02-04@31
-- One sentence of 20 000 quotations each attributed to "he": all are found, and each
-- pronoun looks back a bounded way (this once took time quadratic in the sentence).
SELECT count(*), count(DISTINCT speaker_mention) FROM news_quotes(CAST(readfile('build/bad/pronoun_quotes.txt') AS TEXT));
--> 20000|1
