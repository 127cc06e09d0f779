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

-- Bylines from <meta> alone: the article:author that is a profile URL names no one, a
-- parsely-author that is the site's own name is the publisher, and the names of
-- parsely-author and sailthru.author ("A, B") are one list.
SELECT title, byline, source, published FROM news_articles('tests/fixtures/pages/meta-authors.html');
--> Tram Line Reaches the University|Ines Varga and Omar Reyes|Northgate Gazette|2031-05-12

-- The author as SEO plug-ins give it to Twitter: twitter:label1 "Written by", then
-- twitter:data1 (the reading time in label2/data2 is not a name).
SELECT byline FROM news_articles('tests/fixtures/pages/twitter-label.html');
--> Hanna Lind

-- A "By X and Y, Agency" line opening the body: both names, the agency's credit cut (the
-- source stays the site), and the line is not body text.
SELECT byline, source FROM news_articles('tests/fixtures/pages/by-line-credit.html');
--> Karin Holt and Luis Mendes|Plains Courier
SELECT substr(body, 1, 38) FROM news_articles('tests/fixtures/pages/by-line-credit.html');
--> Wheat and maize prices rose for a thir

-- Never a byline: a URL, the outlet's own name (even as a JSON-LD Person), "Staff".
SELECT byline IS NULL FROM news_articles('tests/fixtures/pages/staff-url.html');
--> 1

-- A JSON-LD Person given by its parts (givenName, familyName); the author card in the
-- article that only repeats the byline is not body text.
SELECT byline, substr(body, 1, 40) FROM news_articles('tests/fixtures/pages/author-card.html');
--> Sofia Brandt|The summer night market will move from t

-- A one-word name is a user name ("admin"), unless the JSON-LD types it as a Person.
SELECT byline FROM news_articles('tests/fixtures/pages/one-name.html');
--> Mirela

-- An app's empty shell: the story is only in the JSON-LD articleBody (text with line
-- breaks: one paragraph each); "Loading…" and the JavaScript prompt are not it.
SELECT title, byline, published, body FROM news_articles('tests/fixtures/pages/articlebody-only.html');
--> Ferry Fares Frozen for Islanders|Moira Dunn|2031-02-14|Ferry fares for people who live on the islands will not rise next year, the transport board decided on Thursday, after a campaign by island councils and businesses.
--> 
--> Visitors will pay four percent more from April, which the board said would cover the higher cost of fuel and the new crew rota on the winter sailings.
--> 
--> The board will review the fares again in the autumn, when the new vessel for the northern route is due to enter service.
-- A page cut short by a paywall: the articleBody (HTML) holds the whole story.
SELECT body FROM news_articles('tests/fixtures/pages/articlebody-html.html');
--> The council backed a plan on Tuesday to build protected cycle lanes along the whole of the ring road by the end of next year.
--> 
--> The lanes will take one of the two traffic lanes on each side, and the council expects about three thousand cyclists a day to use them once they are finished.
--> 
--> Shop owners on the eastern stretch asked for loading bays to stay, and the plan keeps one at each corner of the busiest blocks.

-- No <article>, no <p>, no site name: the text of <br>-separated lines is the body; the
-- <title>'s " | Valley Times" names the host (valleytimes.example), so it is cut from the
-- title and is the source; the <h2> repeating the title is not body text.
SELECT title, source, body FROM news_articles('tests/fixtures/pages/no-article.html');
--> Orchard Growers Try New Apple|Valley Times|Growers in the valley planted the first trees of a new apple variety this spring, bred at the county's research farm to resist the scab that ruined much of last year's crop.
--> 
--> The trees will bear fruit in three years, and the growers' cooperative hopes to sell the apples under the valley's own name at markets across the region.
--> 
--> The research farm spent twelve years crossing old local varieties with a scab-resistant one, and tested the new apple in four orchards before releasing it.

-- An AMP page: amp-ad's placeholder, amp-img, the sidebar menu and the share buttons
-- are not the article.
SELECT title, url, body FROM news_articles('tests/fixtures/pages/amp.html');
--> City Opens Night Bus Routes|https://www.metroline.example/news/night-buses|Four night bus routes start on Friday, linking the city centre with the outer districts every thirty minutes between midnight and five in the morning.
--> 
--> The routes replace the last trams, which stop at half past eleven, and were chosen after a survey of hospital, hotel and warehouse workers who travel at night.
--> 
--> Fares will be the same as in the daytime, and the city will review the timetable after six months.

-- Inside the body: image captions, a newsletter sign-up box and "Read more" links go;
-- a photographer's "By ..." credit under a picture is not the byline.
SELECT byline IS NULL, body FROM news_articles('tests/fixtures/pages/captions-boxes.html');
--> 1|The town museum reopened on Saturday after eighteen months of work on its roof, which had let rain into the upper galleries and damaged part of the textile collection.
--> 
--> Conservators have restored most of the damaged pieces, and the museum will show them in a new room on the ground floor, where the climate is easier to control.
--> 
--> Entry stays free for residents, and the café on the ground floor will open again next month under a new tenant.
--> 
--> The repairs cost about two million, paid by the town and a heritage grant.

-- Lines of page furniture inside the body: an "Updated at ..." stamp (the page's
-- metadata, as a "Published: ..." line is) and "Advert".
SELECT body FROM news_articles('tests/fixtures/pages/furniture-lines.html');
--> The national cycle race will pass through the valley on Sunday, and the roads along the river will close from ten in the morning until the last riders have gone by.
--> 
--> Organisers expect thousands of people along the climb to the pass, where the riders will race for the mountain points before the long descent to the finish.
--> 
--> Buses will run every twenty minutes from the station to the foot of the climb, and the car parks at the top will be closed all day.

-- A digest: items that are a linked headline and a sentence of their own are text, even
-- when the link is most of the item; the list of bare links after them is not.
SELECT body FROM news_articles('tests/fixtures/pages/digest.html');
--> Good morning! Here are the stories from the labs and observatories that you need to know about this week, from a comet's return to a new kind of battery.
--> 
--> A comet last seen two centuries ago is back in the night sky. Astronomers say it will be bright enough, on clear nights, to see without a telescope, binoculars or a dark sky next month.
--> 
--> Engineers built a battery from sea salt and iron that could one day store wind power for whole towns. It costs a fraction as much as lithium cells to make.
--> 
--> A drone mapped a whole glacier in a single day. The map shows, for the first time, the cracks, tunnels and lakes under its surface.
--> 
--> Bees can count to four, a new study suggests. Researchers trained them, with sugar water, to pick paper flowers by the number of petals, shapes, or dots.
--> 
--> That's all for this week. We will be back on Friday with more news from the world of science and the people who make it.

-- A live blog (LiveBlogPosting): each post's heading and text in page order; a post's
-- stamp (a block that is only a <time>) and its share links are not text.
SELECT byline, published, body FROM news_articles('tests/fixtures/pages/live-blog.html');
--> Greta Lind|2031-11-03|Flood barrier raised in the old town
--> 
--> Workers raised the flood barrier on the river in the old town at midday, two hours earlier than planned, as the water kept rising faster than the forecast said it would.
--> 
--> Trains cancelled on the coast line
--> 
--> The rail company cancelled all trains on the coast line until the evening, after a fallen tree blocked the track near the harbour and the wind brought down a signal post.
--> 
--> Good morning
--> 
--> Welcome to our live coverage of the storm, which reached the coast overnight with gusts of more than a hundred kilometres an hour and heavy rain in the hills.

-- The first page of a story split over pages: the page links and "Continue reading on
-- the next page" are not text.
SELECT body FROM news_articles('tests/fixtures/pages/paginated.html');
--> When the town hall was put up for sale twenty years ago, a group of neighbours formed a trust, raised money door to door and bought the building for the town.
--> 
--> The trust repaired the clock tower first, then the great hall, where concerts and markets are held again every month, and it now rents the side rooms to small firms.

-- The column list: published_at follows published.
SELECT group_concat(name, ',') FROM pragma_table_info('news_articles');
--> path,source,url,title,byline,published,published_at,format,body,bytes,error

-- A JSON Lines record's date with a time of day gives published_at too.
SELECT replace(path, 'tests/fixtures/articles/', ''), published, published_at
  FROM news_articles('tests/fixtures/articles/feed.jsonl') WHERE published IS NOT NULL;
--> feed.jsonl#1|2031-07-04|2031-07-04T09:00:00
--> feed.jsonl#2|2031-08-01|NULL
--> feed.jsonl#6|2031-09-02|NULL
