-- Only regular files are opened (fixtures: mk/safety.mk, build/safety-fixtures/special).
-- The type comes from stat before opening: a FIFO, a link to a device (/dev/zero,
-- /dev/ptmx: opening it would make a terminal) give a row with error, never a wait.
SELECT replace(path, 'build/safety-fixtures/special/', ''), format, error FROM news_articles('build/safety-fixtures/special') WHERE path NOT LIKE '%.jsonl%';
--> pipe.txt|text|not a regular file
--> plain.txt|text|NULL
--> ptmx.txt|text|not a regular file
--> vanishing/gone.txt|text|NULL
--> zero.txt|text|not a regular file
SELECT error FROM news_articles('/dev/null');
--> not a regular file
SELECT error FROM news_articles('build/safety-fixtures/special') WHERE path = 'build/safety-fixtures/special/pipe.txt';
--> not a regular file

-- A file of a special file system says it is empty but is not: an error, not an empty article.
SELECT error FROM news_articles('/proc/self/status');
--> size unknown (a /proc or /sys file): not read

-- A file name that is not UTF-8 comes back as valid TEXT: each bad byte reads as U+FFFD
-- (the file itself is read).
SELECT replace(path, 'build/safety-fixtures/names/', ''), hex(replace(path, 'build/safety-fixtures/names/', '')), title
  FROM news_articles('build/safety-fixtures/names');
--> caf�.txt|636166EFBFBD2E747874|Latin Name

-- With '/' as the root, WHERE path = ? finds what the scan lists.
SELECT path, error FROM news_articles('/') WHERE path = '/dev/null';
--> /dev/null|not a regular file
SELECT path, error FROM news_articles('/') WHERE path = '/proc/self/cwd/build/safety-fixtures/special/plain.txt';
--> /proc/self/cwd/build/safety-fixtures/special/plain.txt|NULL

-- A NUL byte inside the root is an error, never a shorter root; inside a key, no file.
SELECT * FROM news_articles('build/safety-fixtures/special' || char(0) || '/../../..');
--! news_articles: the root holds a NUL byte
SELECT count(*) FROM news_articles('build/safety-fixtures/special') WHERE path = 'build/safety-fixtures/special/plain.txt' || char(0) || 'x';
--> 0

-- Years outside 0001-9999 have no ISO 8601 value: NULL in news_date and news_dates alike.
SELECT quote(news_date('yesterday', '0001-01-01')), (SELECT quote(value) FROM news_dates('It was yesterday.', '0001-01-01'));
--> NULL|NULL
SELECT quote(news_date('tomorrow', '9999-12-31')), (SELECT quote(value) FROM news_dates('It is tomorrow.', '9999-12-31'));
--> NULL|NULL
SELECT news_date('next year', '9998-06-01'), (SELECT value FROM news_dates('It is next year.', '9998-06-01'));
--> 9999|9999
-- A reference that is not YYYY-MM-DD (a time may follow) is an SQL error, not ignored.
SELECT news_date('yesterday', 'last week');
--! news_date: the reference date must be YYYY-MM-DD
SELECT news_date('yesterday', '2031-02-30');
--! the reference date must be YYYY-MM-DD
SELECT * FROM news_dates('It was yesterday.', '03/02/2031');
--! news_dates: the reference date must be YYYY-MM-DD
SELECT news_date('yesterday', '2031-02-03T10:00'), news_date('yesterday', NULL);
--> 2031-02-02|NULL
-- A publication date known only to the year or month (as news_date gives it) anchors nothing.
SELECT news_date('yesterday', '2031-02'), news_date('yesterday', '2031'), (SELECT value FROM news_dates('It was yesterday.', '2031-02'));
--> NULL|NULL|XXXX-XX-XX
