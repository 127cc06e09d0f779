-- Web pages: bylines, titles, publication times, charsets, expanders and comments.
-- The fixtures under tests/fixtures/pages/ are invented pages, one per kind of markup.

-- JSON-LD authors: a list of references into the "@graph", resolved to the Person
-- objects' names; the job title one of them carries is cut, and two names are joined
-- with "and". The <meta> author and the og:title that are only the site's name are
-- passed over (the title comes from <h1>). The page gives its publication time twice:
-- in UTC and with the outlet's offset; published is the outlet's local date.
SELECT title, byline, published, published_at, url, source
  FROM news_articles('tests/fixtures/pages/graph-authors.html');
--> Dredging Plan Approved for the Old Harbour|Ana Ruiz and Tom Hale|2031-03-01|2031-03-01T23:30:00-05:00|https://www.harbourtimes.example/2031/03/01/dredging-plan|Harbour Times

-- A byline box: "Analysis by", the job title and the outlet are cut, both authors kept;
-- the bylines of the related stories beside the article are not the article's.
-- published_at keeps the <time>'s own offset.
SELECT title, byline, published, published_at FROM news_articles('tests/fixtures/pages/byline-box.html');
--> Bridge Repairs Run Over Budget|MARA LINDQVIST and Jon Beck|2031-04-09|2031-04-09T18:05:00+02:00

-- A fact check: the author of the claim under review (in itemReviewed, both in JSON-LD
-- and in the page) is not the byline, nor is the fact-checker's organisation; the
-- article's own "By ..." line is.
SELECT title, byline, source FROM news_articles('tests/fixtures/pages/fact-check.html');
--> Did the town really double its water bill?|Lena Moss|Check Desk
-- The "By ..." line is the byline, not a paragraph of the body.
SELECT body FROM news_articles('tests/fixtures/pages/fact-check.html');
--> The leaflet compares the bill of a household in 2029 with one in 2030, but the second figure includes a one-off charge for new meters that was paid only once.
--> 
--> Without that charge, the average bill rose by about eight percent, according to the utility’s published tariffs and the council’s own budget papers.

-- A wire story on a local site: the site (named as author in <meta> and JSON-LD) is the
-- publisher, not an author; the agency's name on the line after the names is cut.
SELECT byline, published, published_at FROM news_articles('tests/fixtures/pages/wire-copy.html');
--> ANNA KOVAC and LEO BRANDT|2031-06-03|2031-06-03T07:10:00+01:00

-- Nothing names the author but a link to the author's page: its text is the byline
-- (the one in the related posts below the story is another author's).
SELECT title, byline FROM news_articles('tests/fixtures/pages/author-link.html');
--> Orchard Harvest Starts Early|Petra Olsen

-- No person named: a desk ("Lakeside Post Staff") and a user name ("admin") are no
-- byline. A date without a time gives no published_at.
SELECT byline IS NULL, published, published_at IS NULL FROM news_articles('tests/fixtures/pages/desk-only.html');
--> 1|2031-07-19|1

-- A page that declares Latin-1 but is UTF-8 (a template's old declaration) is read as UTF-8.
SELECT title, error IS NULL FROM news_articles('tests/fixtures/pages/utf8-declared-latin1.html');
--> Café owners’ plan for the square|1

-- The rest of a story behind a "Read more" button (hidden, and marked collapsed or
-- "read-more") is the article; the hidden newsletter pop-up is not, nor is the button.
SELECT body FROM news_articles('tests/fixtures/pages/expander.html');
--> The central library in Westbrook will stay open until nine in the evening from next month, the town council decided on Thursday, after a year of requests from students and shift workers.
--> 
--> The change costs less than expected, because volunteers from the reading club have offered to staff the front desk on two evenings a week.
--> 
--> Councillors also agreed to keep the children's room open on Sunday mornings, a trial that will be reviewed after six months of use.
--> 
--> The librarian said the longer hours would let evening classes use the study rooms, which have been fully booked since the spring, and that the staff welcomed the decision.
--> 
--> New computers for the study rooms will arrive in the autumn, paid for by a grant from the county's education fund, which approved the money last week.

-- Reader comments are not the article, even when they hold more text than it does; the
-- commenters are not its authors.
SELECT byline IS NULL, body FROM news_articles('tests/fixtures/pages/comments.html');
--> 1|The ferry company will change its winter timetable for the third time this year, moving the first morning crossing to half past six, the port authority announced on Tuesday.
--> 
--> Commuters had asked for an earlier boat since the summer, when the company cut two crossings because of a shortage of crew, and a petition gathered more than a thousand names.
--> 
--> The new timetable starts on the first Monday of November and will run until the end of March, the company said in a statement.
-- The same with a one-paragraph article: a short result makes the reader try again with
-- fewer furniture rules, but comments stay out at every try.
SELECT body FROM news_articles('tests/fixtures/pages/comments-short.html');
--> The ferry company will change its winter timetable for the third time this year, moving the first morning crossing to half past six, the port authority announced on Tuesday.

-- The column list: published_at follows published.
SELECT group_concat(name, ',') FROM pragma_table_info('news_articles');
--> path,source,url,title,byline,published,published_at,format,body,bytes,error

-- A JSON Lines record's date with a time of day gives published_at too.
SELECT replace(path, 'tests/fixtures/articles/', ''), published, published_at
  FROM news_articles('tests/fixtures/articles/feed.jsonl') WHERE published IS NOT NULL;
--> feed.jsonl#1|2031-07-04|2031-07-04T09:00:00
--> feed.jsonl#2|2031-08-01|NULL
--> feed.jsonl#6|2031-09-02|NULL
