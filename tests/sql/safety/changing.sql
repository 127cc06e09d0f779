-- Files that change while they are scanned; tests/run.sh makes the fixtures
-- afresh (tests/safety_fixtures.sh) before running this file.

-- A folder removed during the scan is a row with error, not left out: the scan lists
-- the folder's entries when it enters it, so removing it while an earlier row is made
-- is seen when the walk reaches it.
SELECT replace(path, 'build/safety-fixtures/special/', ''), error,
       CASE WHEN path LIKE '%plain.txt' THEN test_unlink('build/safety-fixtures/special/vanishing/gone.txt') + test_unlink('build/safety-fixtures/special/vanishing') END
  FROM news_articles('build/safety-fixtures/special') WHERE path LIKE '%plain.txt' OR path LIKE '%vanishing%';
--> plain.txt|NULL|0
--> vanishing|file vanished or is a broken link|NULL

-- A JSON Lines file is read up to the size it had when opened: one rewritten longer
-- while it is read (as a writer appending) stops there.
SELECT title, CASE WHEN path LIKE '%#1' THEN test_writefile('build/safety-fixtures/special/growing.jsonl',
         '{"title": "One", "text": "First line."}' || char(10) || '{"title": "Two", "text": "Second line."}' || char(10) ||
         '{"title": "Three", "text": "Written later."}' || char(10)) END
  FROM news_articles('build/safety-fixtures/special/growing.jsonl');
--> One|0
--> Two|NULL
SELECT count(*) FROM news_articles('build/safety-fixtures/special/growing.jsonl');
--> 3

-- 100 random bytes named .html are an error row, not an empty page.
SELECT test_writefile('build/safety-fixtures/special/random.html', X'B9F0F691D574E402D184797105979AAB489E0B70810A4E0EEDE997729EB984D72CB2FDD8589616902A03BF78FA4F9E9BA2EBE82154F606E3FB07F33EE828FF0B4976CFBD1016CCA3F42474A3332F3E7C04C9173A18C94E827A5B057A7D3B354B89C6D013');
--> 0
SELECT format, bytes, error, body FROM news_articles('build/safety-fixtures/special/random.html');
--> html|100|binary file (control or NUL bytes)|NULL
