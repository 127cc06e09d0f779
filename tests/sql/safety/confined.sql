-- File reads confined to the allowed roots. tests/run.sh runs this file with
-- NEWS_ALLOWED_ROOTS=build/safety-fixtures/allowed (fixtures: mk/safety.mk):
-- whatever resolves outside that folder is an error, a link in it is read.

-- Inside the root: files, a link to a file in it, a sub-folder. A link to a file
-- or a folder outside is an error row (the scan still lists it).
SELECT replace(path, 'build/safety-fixtures/allowed/', ''), title, error FROM news_articles('build/safety-fixtures/allowed');
--> in_link.txt|Inside Story|NULL
--> ok.txt|Inside Story|NULL
--> out.txt|NULL|outside the allowed roots
--> outdir|NULL|outside the allowed roots
--> sub/inner.txt|Nested Story|NULL

-- A root outside is an SQL error: an absolute path, '..', /proc/self/root, /proc/self/cwd.
SELECT * FROM news_articles('/etc/passwd');
--! news_articles: outside the allowed roots: /etc/passwd
SELECT * FROM news_articles('/etc');
--! outside the allowed roots
SELECT * FROM news_articles('build/safety-fixtures/allowed/..');
--! outside the allowed roots
SELECT * FROM news_articles('build/safety-fixtures/allowed/../outside/secret.txt');
--! outside the allowed roots
SELECT * FROM news_articles('/proc/self/root/etc/passwd');
--! outside the allowed roots
SELECT * FROM news_articles('/proc/self/cwd/build/safety-fixtures/outside/secret.txt');
--! outside the allowed roots
SELECT * FROM news_articles('/');
--! outside the allowed roots
-- The root as a path through a link into the folder is fine.
SELECT title FROM news_articles('build/safety-fixtures/allowed/in_link.txt');
--> Inside Story

-- A glob: its folder before the first wildcard must be inside; each match is checked.
SELECT * FROM news_articles('build/safety-fixtures/*/secret.txt');
--! outside the allowed roots
SELECT * FROM news_articles('/*/passwd');
--! outside the allowed roots
SELECT replace(path, 'build/safety-fixtures/allowed/', ''), error FROM news_articles('build/safety-fixtures/allowed/*.txt');
--> in_link.txt|NULL
--> ok.txt|NULL
--> out.txt|outside the allowed roots
SELECT count(*) FROM news_articles('build/safety-fixtures/allowed/*/../../outside/*.txt') WHERE error IS NULL;
--> 0

-- WHERE path = ? reads no more than the scan: a link out is the same error row.
SELECT error FROM news_articles('build/safety-fixtures/allowed') WHERE path = 'build/safety-fixtures/allowed/out.txt';
--> outside the allowed roots
SELECT error FROM news_articles('build/safety-fixtures/allowed') WHERE path = 'build/safety-fixtures/allowed/outdir/secret.txt';
--> outside the allowed roots
SELECT * FROM news_articles('/etc') WHERE path = '/etc/passwd';
--! outside the allowed roots

-- news_ingest reads through the same walk and reader.
SELECT news_ingest('/etc/passwd');
--! news_ingest: outside the allowed roots: /etc/passwd
SELECT json_extract(news_ingest('build/safety-fixtures/allowed'), '$.added', '$.failed');
--> [3,2]
SELECT count(*) FROM articles WHERE body LIKE '%outside the allowed root%';
--> 0
-- So does the outlet mapping file its "outlets" option names.
SELECT news_analyze('{"outlets":"/etc/passwd"}');
--! news_analyze: /etc/passwd: cannot read the outlet mapping file (outside the allowed roots)

-- A table stored in a database file (not TEMP) is refused when trusted_schema is off,
-- both when it is created and when a database holding one is opened.
SELECT test_unlink('build/safety-fixtures/untrusted.db') IS NOT NULL;
--> 1
ATTACH 'build/safety-fixtures/untrusted.db' AS u;
CREATE VIRTUAL TABLE u.stored USING news_articles('build/safety-fixtures/allowed/ok.txt');
SELECT title FROM u.stored;
--> Inside Story
DETACH u;
PRAGMA trusted_schema = OFF;
ATTACH 'build/safety-fixtures/untrusted.db' AS u;
SELECT title FROM u.stored;
--! news_articles: a table stored in a database reads files only with trusted_schema on
CREATE VIRTUAL TABLE u.other USING news_articles('build/safety-fixtures/allowed/ok.txt');
--! trusted_schema
-- A TEMP table is the connection's own: allowed, and still confined.
CREATE VIRTUAL TABLE temp.mine USING news_articles('build/safety-fixtures/allowed/ok.txt');
SELECT title FROM temp.mine;
--> Inside Story
CREATE VIRTUAL TABLE temp.theirs USING news_articles('/etc/passwd');
SELECT * FROM temp.theirs;
--! outside the allowed roots
-- The table-valued function itself needs no trusted schema.
SELECT title FROM news_articles('build/safety-fixtures/allowed/ok.txt');
--> Inside Story
DETACH u;
PRAGMA trusted_schema = ON;
