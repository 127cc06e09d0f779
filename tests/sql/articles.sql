-- news_articles(root): saved articles as rows. The fixtures under
-- tests/fixtures/articles/ are invented articles, one per kind of rule.

-- A folder is read recursively, in sorted order; JSON Lines files give a row per line.
SELECT replace(path, 'tests/fixtures/articles/', ''), format FROM news_articles('tests/fixtures/articles');
--> feed.jsonl#1|jsonl
--> feed.jsonl#2|jsonl
--> feed.jsonl#3|jsonl
--> feed.jsonl#4|jsonl
--> feed.jsonl#5|jsonl
--> feed.jsonl#6|jsonl
--> pages/cafe-latin1.html|html
--> pages/council.html|html
--> pages/syndicated.html|html
--> wire/credits.txt|text
--> wire/harbour.md|text
--> wire/harbour_2031-05-06_ferry.txt|text
--> wire/latin1.txt|text
--> wire/no_header.txt|text

-- A text file's header gives the title, the byline and the date; "Original url:" the URL,
-- whose host is the source (a "for AFP" credit stays in the byline).
SELECT title, byline, published, url, source FROM news_articles('tests/fixtures/articles/wire/harbour_2031-05-06_ferry.txt');
--> Ferry Service Returns to Eastport Harbour|Maria Lopez and Tom Reed for AFP|2031-05-06|https://www.example-news.org/2031/05/06/ferry-returns|example-news.org

-- The body keeps the article (its subheading and credit line too) and loses navigation,
-- the gallery caption, the embedded post, the related link, the newsletter prompt and the URL lines.
-- A paragraph broken in the middle of a sentence is joined again.
SELECT body FROM news_articles('tests/fixtures/articles/wire/harbour_2031-05-06_ferry.txt');
--> EASTPORT, May 6, 2031 (AFP) - The ferry link between Eastport and the islands reopened on Tuesday after a two-year closure, the port authority said.
--> 
--> Residents lined the quay to watch the first crossing.
--> 
--> New timetable
--> 
--> Boats will leave every hour from 7 a.m., and the crossing takes forty minutes.
--> 
--> With reporting by Ana Silva

-- A " date YYYY-MM-DD" header prefix shares its line with the first sentence.
SELECT title, published, body FROM news_articles('tests/fixtures/articles/wire/no_header.txt');
--> NULL|2031-03-02|The council voted on Monday to extend the library's opening hours.
--> 
--> The change takes effect next month.

-- Follow ("... full coverage at URL") and share prompts and the copyright footer go; the footer
-- names the outlet.
SELECT byline, source, body FROM news_articles('tests/fixtures/articles/wire/credits.txt');
--> Lee Park, CNN|Eastport Daily News|Heavy snow closed the northern pass on Sunday, stranding dozens of trucks.
--> 
--> Crews expect to reopen the road by Wednesday.

-- Markdown: the heading is the title, images and rules go, links keep their text.
SELECT title, body FROM news_articles('tests/fixtures/articles/wire/harbour.md');
--> Harbour Opens|The #harbour opened on Monday, officials said.
--> 
--> More boats
--> 
--> More boats came.

-- A text file that is not valid UTF-8 is read as what it most likely is (here
-- Latin-1, read as Windows-1252), and error says so; the scan goes on.
SELECT error, bytes, title, body FROM news_articles('tests/fixtures/articles/wire/latin1.txt');
--> not valid UTF-8: read as Windows-1252|40|Café prices rise|A cup now costs more.

-- JSON Lines: fields by their common names; author lists are joined; a broken line, or one
-- that is not an object, is an error row.
SELECT replace(path, 'tests/fixtures/articles/', ''), title, byline, published, url, source, error FROM news_articles('tests/fixtures/articles/feed.jsonl');
--> feed.jsonl#1|Bridge Opens|Ann Lee, Raj Patel|2031-07-04|https://news.example.com/bridge|news.example.com|NULL
--> feed.jsonl#2|Dam Repairs|NULL|2031-08-01|NULL|River Times|NULL
--> feed.jsonl#3|NULL|NULL|NULL|NULL|NULL|not a JSON object
--> feed.jsonl#4|NULL|NULL|NULL|NULL|example.net|NULL
--> feed.jsonl#5|NULL|NULL|NULL|NULL|NULL|not a JSON object
--> feed.jsonl#6|NULL|Mia Chen|2031-09-02|NULL|Harbor Gazette|NULL
SELECT body FROM news_articles('tests/fixtures/articles/feed.jsonl') WHERE path LIKE '%#1';
--> The new bridge opened on Friday.
--> 
--> Traffic was light.
-- The lines are parsed in C, not by SQL on this connection: a table named like SQLite's
-- JSON functions changes nothing.
CREATE TEMP TABLE json_each(key, type, value);
SELECT count(*), count(title), count(error) FROM news_articles('tests/fixtures/articles/feed.jsonl');
--> 6|2|2
DROP TABLE json_each;

-- A web page: metadata from <meta>, JSON-LD and the canonical link; the body is the article
-- text only (no navigation, cookie banner, byline box, caption, related links, newsletter
-- box, sidebar or footer), with its subheading, in order.
SELECT title, byline, published, url, source FROM news_articles('tests/fixtures/articles/pages/council.html');
--> Council Approves New Park|Nina Berg|2031-04-12|https://eastport-daily.example/2031/04/12/council-park|Eastport Daily
SELECT body FROM news_articles('tests/fixtures/articles/pages/council.html');
--> The city council voted on Tuesday to turn the old rail yard into a public park, ending a debate that has lasted for more than a decade.
--> 
--> The plan, which passed by seven votes to two, sets aside money for trees, a playground and a path along the river, and work is due to start next spring.
--> 
--> A long debate
--> 
--> Residents first asked for a park in 2019, when the last trains left the yard, and a petition gathered thousands of names within a month.
--> 
--> “This is a good day for the whole town,” said the mayor, who had campaigned for the park.

-- A copy of an article on another site: its canonical link names the source site, so the
-- page's own og:url is the URL (and its host the source). Character references a page
-- escaped twice in its <meta> are decoded.
SELECT url, source, published, title FROM news_articles('tests/fixtures/articles/pages/syndicated.html');
--> https://portal.example.net/news/lighthouse-restored|portal.example.net|NULL|The ‘Old Light’ Shines Again & Draws Crowds

-- A page that declares Latin-1 is read as Windows-1252 (its ’ is byte 0x92) and converted to UTF-8.
SELECT title, substr(body, 1, 80) FROM news_articles('tests/fixtures/articles/pages/cafe-latin1.html');
--> Café Prices Rise|The price of a coffee at the café in the square rose on Monday, and the owner sa
SELECT instr(body, 'wasn’t') > 0 FROM news_articles('tests/fixtures/articles/pages/cafe-latin1.html');
--> 1

-- WHERE path = ? reads only that file (or that JSON Lines record); a path outside the root gives nothing.
SELECT title FROM news_articles('tests/fixtures/articles') WHERE path = 'tests/fixtures/articles/wire/credits.txt';
--> Snow Closes Mountain Pass
SELECT title FROM news_articles('tests/fixtures/articles') WHERE path = 'tests/fixtures/articles/feed.jsonl#2';
--> Dam Repairs
SELECT count(*) FROM news_articles('tests/fixtures/articles/wire') WHERE path = 'tests/fixtures/articles/feed.jsonl#2';
--> 0

-- A glob pattern names the files.
SELECT count(*) FROM news_articles('tests/fixtures/articles/wire/*.txt');
--> 4

-- The hidden raw column is the file as read.
SELECT length(CAST(raw AS BLOB)) = bytes FROM news_articles('tests/fixtures/articles/wire/credits.txt');
--> 1

-- CREATE VIRTUAL TABLE keeps the root: a named table over the folder.
CREATE VIRTUAL TABLE wire USING news_articles('tests/fixtures/articles/wire');
SELECT count(*), count(title) FROM wire;
--> 5|4

-- Files that cannot be read are rows with an error, and the scan goes on: a broken link,
-- a file over the 64 MB limit (max_file_bytes), a binary file. A link back to a folder being walked is not
-- followed (no loop); a file without an extension is recognised by its content; other
-- kinds (image.png) are not listed. (Fixtures generated by mk/articles.mk.)
SELECT replace(path, 'build/articles-fixtures/tree/', ''), format, title, bytes, error FROM news_articles('build/articles-fixtures/tree');
--> NOTE|text|Plain note|57|NULL
--> broken.txt|text|NULL|NULL|file vanished or is a broken link
--> huge.txt|text|NULL|68157440|file larger than the limit of 67108864 bytes (NEWS_MAX_FILE_BYTES)
--> nul.txt|text|NULL|12|binary file (NUL bytes)
--> sub/story.txt|text|Loop Safe|67|NULL

-- WHERE path = ? answers exactly as the scan would: no "..", "." or hidden
-- component, no file of another kind, no path through a link loop.
SELECT count(*) FROM news_articles('build/articles-fixtures/tree') WHERE path = 'build/articles-fixtures/tree/NOTE';
--> 1
SELECT count(*) FROM news_articles('build/articles-fixtures/tree') WHERE path = 'build/articles-fixtures/tree/../tree/NOTE';
--> 0
SELECT count(*) FROM news_articles('build/articles-fixtures/tree') WHERE path = 'build/articles-fixtures/tree/./NOTE';
--> 0
SELECT count(*) FROM news_articles('build/articles-fixtures/tree') WHERE path = 'build/articles-fixtures/tree/.hidden/note.txt';
--> 0
SELECT count(*) FROM news_articles('build/articles-fixtures/tree') WHERE path = 'build/articles-fixtures/tree/image.png';
--> 0
SELECT count(*) FROM news_articles('build/articles-fixtures/tree') WHERE path = 'build/articles-fixtures/tree/sub/back/NOTE';
--> 0
SELECT count(*) FROM news_articles('build/articles-fixtures/tree/*') WHERE path = 'build/articles-fixtures/tree/sub/story.txt';
--> 1

-- A glob lists the same kinds of files as a folder scan (not image.png), and a link
-- from a match back to the folder it came from lists nothing twice.
SELECT replace(path, 'build/articles-fixtures/tree/', ''), error FROM news_articles('build/articles-fixtures/tree/*');
--> NOTE|NULL
--> broken.txt|file vanished or is a broken link
--> huge.txt|file larger than the limit of 67108864 bytes (NEWS_MAX_FILE_BYTES)
--> nul.txt|binary file (NUL bytes)
--> sub/story.txt|NULL

-- A folder the scan cannot enter is a row with an error, never dropped in silence:
-- here one nested deeper than 64 levels (an unreadable one says "cannot read folder: ...").
SELECT replace(path, 'build/articles-fixtures/deep/', ''), format, error FROM news_articles('build/articles-fixtures/deep');
--> d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d/d|NULL|nested too deep
--> top.txt|text|NULL

-- A missing root is an SQL error naming it.
SELECT * FROM news_articles('tests/fixtures/no-such-folder');
--! no such file or folder: tests/fixtures/no-such-folder

-- news_clean removes the same furniture from any text.
SELECT news_clean('Skip to main content

The vote passed.

Share this article');
--> The vote passed.

-- Prompts to personalise the page or manage alerts are furniture too.
SELECT news_clean('The council met on Monday.

Manage your alerts

Personalise your news feed

Sign up for our morning newsletter');
--> The council met on Monday.
