-- news_url_domain(url): the registered domain that keys outlets (the Public
-- Suffix List through libpsl): a section subdomain, a port, user info, a
-- multi-part suffix and a bare host all give the outlet's one domain.
SELECT news_url_domain('https://www.bbc.co.uk/news/world-1');
--> bbc.co.uk
SELECT news_url_domain('https://edition.example-news.com:8443/2031/05/06/story.html?x=1#top');
--> example-news.com
SELECT news_url_domain('http://user@amp.example-daily.com.au/story');
--> example-daily.com.au
SELECT news_url_domain('www.example-times.com');
--> example-times.com
-- No host, no domain: NULL, never a guess.
SELECT news_url_domain('not a url') IS NULL, news_url_domain('') IS NULL, news_url_domain(NULL) IS NULL, news_url_domain('https://co.uk/') IS NULL;
--> 1|1|1|1
