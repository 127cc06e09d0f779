-- Keys across articles (news_analyze): one key per person, organisation, place
-- and outlet, whatever each article writes. Invented articles.
SELECT json_extract(news_analyze(), '$.analyzed');
--> 0
INSERT INTO articles(path, body, published, url, source) VALUES
  ('news/a1', 'Senator Marisol Quenby of Ohio said on Monday that "the bridge will be rebuilt," and Quenby added that the state would pay.', '2024-03-04', 'https://www.valleyherald.com/2024/03/04/bridge', NULL),
  ('news/a2', '"Ohio has waited long enough," said Marisol T. Quenby on Tuesday.', '2024-03-05', NULL, 'Reuters'),
  ('news/a3', 'Ms. Quenby did not reply to questions on Wednesday.', '2024-03-06', NULL, 'Agence France-Presse'),
  ('farm/a4', 'Daniel Smith, a farmer in Iowa, said the rain came late. Smith expects a poor harvest.', '2024-01-10', 'https://fields.wheatnews.com/a4', NULL),
  ('city/a5', 'Teresa Smith, the mayor of Leeds, opened the new library. Smith thanked the volunteers.', '2024-06-01', 'https://www.bbc.co.uk/news/a5', NULL),
  ('archive/breitbart_2016-09-12_story.txt', 'The U.S. imposed new tariffs on steel.', '2016-09-12', NULL, NULL),
  ('archive/valley-gazette_2016-09-13_story.txt', 'The United States and Canada signed the accord.', '2016-09-13', NULL, NULL),
  ('news/a8', 'The North Atlantic Treaty Organization met in Brussels.', '2016-09-14', NULL, NULL),
  ('news/a9', 'NATO ministers met again in May.', '2016-09-15', NULL, NULL);
SELECT json_extract(news_analyze(), '$.analyzed');
--> 9

-- Three articles name one person three ways (a title and "of Ohio" dropped, a
-- middle initial, "Ms." and the surname alone): one key.
SELECT a.path, m.canonical, e.key FROM mentions m JOIN articles a ON a.id = m.article_id
  JOIN entities e ON e.id = m.entity_id WHERE m.type = 'PERSON' AND a.path LIKE 'news/%' ORDER BY a.path, m.start;
--> news/a1|Marisol Quenby|Marisol Quenby
--> news/a1|Marisol Quenby|Marisol Quenby
--> news/a2|Marisol T. Quenby|Marisol Quenby
--> news/a3|Quenby|Marisol Quenby
SELECT key, name, type, mentions, articles FROM entities WHERE key = 'Marisol Quenby';
--> Marisol Quenby|Marisol Quenby|PERSON|4|3

-- Two people named Smith (other first names, other articles and outlets): two keys.
SELECT DISTINCT a.path, e.key FROM mentions m JOIN articles a ON a.id = m.article_id
  JOIN entities e ON e.id = m.entity_id WHERE m.mention LIKE '%Smith' ORDER BY a.path;
--> city/a5|Teresa Smith
--> farm/a4|Daniel Smith

-- "U.S." and "United States" one key; NATO and its expansion one key.
SELECT m.mention, e.key FROM mentions m JOIN entities e ON e.id = m.entity_id
  WHERE e.key IN ('United States', 'NATO') ORDER BY m.mention;
--> NATO|NATO
--> North Atlantic Treaty Organization|NATO
--> U.S.|United States
--> United States|United States

-- Quotes: the speaker's entity and key, whatever the article calls the speaker.
SELECT a.path, q.speaker, q.speaker_key, e.key FROM quotes q JOIN articles a ON a.id = q.article_id
  LEFT JOIN entities e ON e.id = q.speaker_entity_id ORDER BY a.path;
--> news/a1|Marisol Quenby|Marisol Quenby|Marisol Quenby
--> news/a2|Marisol T. Quenby|Marisol Quenby|Marisol Quenby

-- About whom: the entities named inside each quotation.
SELECT a.path, qm.mention, qm.key FROM quote_mentions qm JOIN articles a ON a.id = qm.article_id;
--> news/a2|Ohio|Ohio

-- Outlets: the registered domain of the URL (libpsl), a known outlet's
-- domain for a file-name prefix or a name-only source, else the folded name
-- before a date in the file name.
SELECT a.path, o.key, o.name FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY a.path;
--> archive/breitbart_2016-09-12_story.txt|breitbart.com|Breitbart
--> archive/valley-gazette_2016-09-13_story.txt|valley gazette|valley-gazette
--> city/a5|bbc.co.uk|BBC
--> farm/a4|wheatnews.com|wheatnews.com
--> news/a1|valleyherald.com|valleyherald.com
--> news/a2|reuters.com|Reuters
--> news/a3|afp.com|AFP
--> news/a8|NULL|NULL
--> news/a9|NULL|NULL

-- One outlet, one key: a name-only article joins the domain others give that name.
INSERT INTO articles(path, body, published, url, source) VALUES
  ('news/a10', 'The council met.', '2024-03-07', 'https://valleyherald.com/x', 'Valley Herald | Local news since 1901'),
  ('news/a11', 'The council met again.', '2024-03-08', NULL, 'The Valley Herald');
SELECT json_extract(news_analyze(), '$.analyzed');
--> 2
SELECT a.path, o.key, o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.path IN ('news/a1', 'news/a10', 'news/a11') ORDER BY a.path;
--> news/a1|valleyherald.com|The Valley Herald
--> news/a10|valleyherald.com|The Valley Herald
--> news/a11|valleyherald.com|The Valley Herald

-- A user's mapping file (pattern<TAB>outlet, the first matching line wins) is
-- kept in outlet_map and applied at once and by every later relink.
INSERT INTO articles(path, body, published) VALUES ('in/ledger/1.txt', 'The fair opened.', '2024-05-01'),
  ('in/wire_0001.txt', 'The fair closed.', '2024-05-02');
SELECT json_extract(news_analyze('{"outlets": "tests/fixtures/identity/outlets.tsv"}'), '$.analyzed');
--> 2
SELECT pattern, outlet FROM outlet_map ORDER BY rowid;
--> */ledger/*|The Hill Country Ledger
--> *wire_*|Agence France-Presse
SELECT a.path, o.key, o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.path LIKE 'in/%' ORDER BY a.path;
--> in/ledger/1.txt|hill country ledger|The Hill Country Ledger
--> in/wire_0001.txt|afp.com|AFP
SELECT news_analyze('{"outlets": "tests/fixtures/identity/bad_outlets.tsv"}');
--! news_analyze: tests/fixtures/identity/bad_outlets.tsv, line 1: expected "pattern<TAB>outlet"
SELECT news_analyze('{"outlets": 3}');
--! news_analyze: "outlets" must name a mapping file (lines "pattern<TAB>outlet")

-- Keys are stable: relinking the same corpus gives the same rows.
CREATE TEMP TABLE before AS SELECT id, key, mentions FROM entities;
SELECT json_extract(news_analyze('{"outlets": "tests/fixtures/identity/outlets.tsv"}'), '$.analyzed');
--> 0
SELECT count(*) FROM entities e JOIN temp.before b USING (id, key, mentions);
--> 10
SELECT key, type, mentions, articles FROM entities ORDER BY key;
--> Brussels|LOC|1|1
--> Canada|LOC|1|1
--> Daniel Smith|PERSON|2|1
--> Iowa|LOC|1|1
--> Leeds|ORG|1|1
--> Marisol Quenby|PERSON|4|3
--> NATO|ORG|2|2
--> Ohio|LOC|2|2
--> Teresa Smith|PERSON|2|1
--> United States|LOC|2|2

-- A group's speaker key: its members' keys sorted, joined with " and " (no
-- one entity); an organisation's name with "and" in it stays one name.
INSERT INTO articles(path, body, published) VALUES
  ('g/1', 'Teresa Smith met Daniel Smith in Leeds. "We will fight this," Teresa Smith and Daniel Smith said in a statement.', '2024-07-01'),
  ('g/2', '"We will review it," the Securities and Exchange Commission said.', '2024-07-02');
SELECT json_extract(news_analyze(), '$.analyzed');
--> 2
SELECT a.path, q.speaker, q.speaker_key, e.key FROM quotes q JOIN articles a ON a.id = q.article_id
  LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE a.path LIKE 'g/%' ORDER BY a.path;
--> g/1|Teresa Smith and Daniel Smith|Daniel Smith and Teresa Smith|NULL
--> g/2|Securities and Exchange Commission|Securities and Exchange Commission|Securities and Exchange Commission
