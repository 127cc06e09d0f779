-- Links refused: tests/run.sh runs this file with NEWS_ALLOWED_ROOTS=build/safety-fixtures/allowed
-- and NEWS_NO_LINKS=1. A symbolic link below the root is listed as an error row, not
-- followed, even when its target is inside.
SELECT replace(path, 'build/safety-fixtures/allowed/', ''), title, error FROM news_articles('build/safety-fixtures/allowed');
--> in_link.txt|NULL|symbolic link not followed
--> ok.txt|Inside Story|NULL
--> out.txt|NULL|symbolic link not followed
--> outdir|NULL|symbolic link not followed
--> sub/inner.txt|Nested Story|NULL
SELECT error FROM news_articles('build/safety-fixtures/allowed') WHERE path = 'build/safety-fixtures/allowed/outdir/secret.txt';
SELECT error FROM news_articles('build/safety-fixtures/allowed') WHERE path = 'build/safety-fixtures/allowed/in_link.txt';
--> symbolic link not followed
SELECT * FROM news_articles('/etc/passwd');
--! outside the allowed roots
