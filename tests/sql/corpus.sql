-- news_ingest(source): files into the corpus tables, incrementally. The fixture
-- corpus (tests/fixtures/corpus/articles, invented articles) is copied into
-- build/corpus/src so the test can change and delete files.
SELECT test_writefile('build/corpus/src/' || f, readfile('tests/fixtures/corpus/articles/' || f))
FROM (SELECT 'wire/harbour.txt' AS f UNION ALL SELECT 'wire/council.txt' UNION ALL SELECT 'wire/storm.txt'
      UNION ALL SELECT 'pages/market.html' UNION ALL SELECT 'feed.jsonl');
--> 0
--> 0
--> 0
--> 0
--> 0
SELECT test_unlink('build/corpus/src/wire/new.txt') IN (0, -1), test_unlink('build/corpus/src/wire/binary.txt') IN (0, -1);
--> 1|1

-- The first run reads, analyses and links everything: a JSON Lines file gives one article per line.
SELECT news_ingest('build/corpus/src') ->> '$.added', news_ingest('build/corpus/src') ->> '$.unchanged';
--> 6|6
SELECT id, replace(path, 'build/corpus/src/', ''), format, title, published, error FROM articles ORDER BY id;
--> 1|feed.jsonl#1|jsonl|Bridge Opens|2031-07-04|NULL
--> 2|feed.jsonl#2|jsonl|Dam Repairs|2031-08-04|NULL
--> 3|pages/market.html|html|Market Reopens in Millbrook|2031-06-10|NULL
--> 4|wire/council.txt|text|Council Approves Library Budget|2031-05-08|NULL
--> 5|wire/harbour.txt|text|Ferry Returns to Eastport Harbour|2031-05-06|NULL
--> 6|wire/storm.txt|text|Storm Closes Northern Pass|2031-06-02|NULL
-- published is the outlet's local day; published_at keeps the time and its offset when the source gives them.
SELECT id, published_at FROM articles WHERE published_at IS NOT NULL ORDER BY id;
--> 1|2031-07-04T09:00:00
--> 3|2031-06-10T08:00:00+02:00
SELECT count(*), count(analyzed_sha1), count(DISTINCT sha1), min(mtime > 0) FROM articles;
--> 6|6|6|1

-- Who said what across the corpus: one key per speaker.
SELECT q.speaker_key, count(*), count(DISTINCT q.article_id) FROM quotes q GROUP BY q.speaker_key ORDER BY 2 DESC, 1;
--> Daniel Okafor|2|2
--> Ines Varga|2|2
--> Hugo Brandt|1|1
--> Ruth Adeyemi|1|1
SELECT key, mentions, articles FROM entities WHERE type = 'PERSON' AND articles > 1 ORDER BY key;
--> Daniel Okafor|5|3
--> Ines Varga|4|3
-- Outlets: the registered domain of a URL (news.example.com -> example.com), else the folded name.
SELECT key, name FROM outlets ORDER BY key;
--> example.com|example.com
--> river times|River Times
--> valley courier|Valley Courier

-- A second run of an unchanged folder reads and extracts nothing, and says so.
SELECT news_ingest('build/corpus/src') ->> '$.analyzed';
--> 0
SELECT json_remove(news_ingest('build/corpus/src'), '$.seconds');
--> {"added":0,"changed":0,"unchanged":6,"removed":0,"failed":0,"analyzed":0,"files":5,"bytes":2209}

-- A file written again with the same content (new time, same hash) is unchanged.
SELECT test_writefile('build/corpus/src/feed.jsonl', readfile('tests/fixtures/corpus/articles/feed.jsonl'));
--> 0
SELECT json_remove(news_ingest('build/corpus/src'), '$.seconds', '$.bytes');
--> {"added":0,"changed":0,"unchanged":6,"removed":0,"failed":0,"analyzed":0,"files":5}

-- A changed file is analysed again under the same id; a new file gets a new id.
SELECT test_writefile('build/corpus/src/wire/harbour.txt', 'Ferry Delayed

By Maria Lopez for Eastport Daily News

May 9, 2031

The ferry to the islands was delayed on Friday. "The engine failed," said Ines Varga.');
--> 0
SELECT test_writefile('build/corpus/src/wire/new.txt', 'Bakery Wins Prize

June 1, 2031

A bakery in Millbrook won the regional prize on Saturday, Hugo Brandt said.');
--> 0
SELECT json_remove(news_ingest('build/corpus/src', '{"jobs": 2, "batch": 1}'), '$.seconds', '$.bytes');
--> {"added":1,"changed":1,"unchanged":5,"removed":0,"failed":0,"analyzed":2,"files":6}
SELECT id, replace(path, 'build/corpus/src/', ''), title FROM articles WHERE id IN (5, 7);
--> 5|wire/harbour.txt|Ferry Delayed
--> 7|wire/new.txt|Bakery Wins Prize
SELECT q.quote, q.speaker_key FROM quotes q WHERE q.article_id = 5;
--> The engine failed,|Ines Varga
SELECT d.mention, d.value FROM dates d WHERE d.article_id = 5;
--> Friday|2031-05-09
SELECT key, mentions, articles FROM entities WHERE key = 'Daniel Okafor';
--> Daniel Okafor|3|2

-- A user's row (no file) is analysed by news_analyze and outlives every ingest.
INSERT INTO articles(path, body, published) VALUES ('notes/1', 'Daniel Okafor met Ines Varga on Monday.', '2031-06-10');
SELECT news_analyze() ->> '$.analyzed';
--> 1
SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.path = 'notes/1';
--> 2

-- A deleted file's rows go (mentions, quotes, dates too); the other ids stay.
SELECT test_unlink('build/corpus/src/wire/storm.txt');
--> 0
SELECT json_remove(news_ingest('build/corpus/src'), '$.seconds', '$.bytes');
--> {"added":0,"changed":0,"unchanged":6,"removed":1,"failed":0,"analyzed":0,"files":5}
SELECT id, replace(path, 'build/corpus/src/', '') FROM articles ORDER BY id;
--> 1|feed.jsonl#1
--> 2|feed.jsonl#2
--> 3|pages/market.html
--> 4|wire/council.txt
--> 5|wire/harbour.txt
--> 7|wire/new.txt
--> 8|notes/1
SELECT count(*) FROM mentions WHERE article_id = 6 UNION ALL SELECT count(*) FROM quotes WHERE article_id = 6
UNION ALL SELECT count(*) FROM dates WHERE article_id = 6;
--> 0
--> 0
--> 0

-- A record gone from a JSON Lines file goes.
SELECT test_writefile('build/corpus/src/feed.jsonl', CAST(substr(CAST(readfile('tests/fixtures/corpus/articles/feed.jsonl') AS TEXT), 1,
  instr(CAST(readfile('tests/fixtures/corpus/articles/feed.jsonl') AS TEXT), char(10))) AS BLOB));
--> 0
SELECT news_ingest('build/corpus/src') ->> '$.removed';
--> 1
SELECT replace(path, 'build/corpus/src/', '') FROM articles WHERE path LIKE '%feed%';
--> feed.jsonl#1

-- A file that cannot be read: an error row; a path read before keeps its last good
-- content and analysis, with the error said, until the file reads again.
SELECT test_writefile('build/corpus/src/wire/binary.txt', x'4e6f00626f6479'),
       test_writefile('build/corpus/src/wire/council.txt', x'00ff00');
--> 0|0
SELECT json_remove(news_ingest('build/corpus/src'), '$.seconds', '$.bytes');
--> {"added":0,"changed":0,"unchanged":4,"removed":0,"failed":2,"analyzed":0,"files":6}
SELECT replace(path, 'build/corpus/src/', ''), title, body IS NOT NULL, error FROM articles WHERE error IS NOT NULL ORDER BY path;
--> wire/binary.txt|NULL|0|binary file (NUL bytes)
--> wire/council.txt|Council Approves Library Budget|1|binary file (NUL bytes)
SELECT count(*) FROM quotes WHERE article_id = 4;
--> 1
SELECT test_writefile('build/corpus/src/wire/council.txt', readfile('tests/fixtures/corpus/articles/wire/council.txt'));
--> 0
SELECT json_remove(news_ingest('build/corpus/src'), '$.seconds', '$.bytes');
--> {"added":0,"changed":0,"unchanged":6,"removed":0,"failed":0,"analyzed":0,"files":6}
SELECT replace(path, 'build/corpus/src/', ''), error FROM articles WHERE error IS NOT NULL;
--> wire/binary.txt|binary file (NUL bytes)

-- Shards split the files by a stable hash of the path: together they are the whole
-- (5 articles and the error row), and a shard's run leaves the other shard's rows alone.
DELETE FROM articles;
SELECT json_extract(news_ingest('build/corpus/src', '{"shard": "0/2"}'), '$.added', '$.failed');
--> [3,0]
SELECT json_extract(news_ingest('build/corpus/src', '{"shard": "1/2"}'), '$.added', '$.failed');
--> [2,1]
SELECT news_ingest('build/corpus/src', '{"shard": "1/2"}') ->> '$.removed', count(*) FROM articles;
--> 0|6
SELECT min(id) > 8 FROM articles WHERE mtime IS NOT NULL;
--> 1

-- A glob or a file as the source answers only for what it matches ("./" is the same source).
SELECT test_unlink('build/corpus/src/wire/new.txt');
--> 0
SELECT json_extract(news_ingest('build/corpus/src/pages/*.html'), '$.unchanged', '$.removed');
--> [1,0]
SELECT json_extract(news_ingest('build/corpus/src/wire/*.txt'), '$.unchanged', '$.removed');
--> [3,1]
SELECT json_extract(news_ingest('./build/corpus/src/feed.jsonl'), '$.unchanged', '$.removed');
--> [1,0]
SELECT count(*), count(*) FILTER (WHERE path LIKE 'build/corpus/src/%') FROM articles;
--> 5|5

-- Errors say what went wrong.
SELECT news_ingest('build/corpus/nope');
--! news_ingest: no such file or folder: build/corpus/nope
SELECT news_ingest('build/corpus/src', '{"shard": "2/2"}');
--! "shard" must be "I/N" with 0 <= I < N
SELECT news_ingest(NULL);
--! news_ingest: the first argument names a folder, a glob or a file
CREATE VIEW ingest_view AS SELECT news_ingest('build/corpus/src');
SELECT * FROM ingest_view;
--! unsafe use of news_ingest()
-- Each batch commits as it goes, so a statement that writes cannot wrap it.
CREATE TEMP TABLE runs AS SELECT news_ingest('build/corpus/src') AS summary;
--! news_ingest: call it in a statement of its own
