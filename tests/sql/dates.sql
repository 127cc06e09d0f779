-- Dates: news_date parses one expression to a calendar date; news_dates finds
-- every temporal expression in a text with its TimeML type and value.

-- news_date: the common news forms, with an optional reference (publication) date.
WITH v(expr, ref) AS (VALUES
  ('February 04, 2022', NULL), ('Feb. 4, 2022', NULL), ('4 Feb. 2022', NULL),
  ('Fri, 04 Feb 2022 10:30:00 +0000', NULL), ('2022-02-04T10:30:00Z', NULL),
  ('02/04/2022', NULL), ('25/12/2021', NULL), ('January 2020', NULL), ('1949', NULL),
  ('Friday', '2022-02-05'), ('yesterday', '2024-03-01'), ('tomorrow', '2021-12-31'),
  ('Friday', NULL), ('Feb. 30, 2022', NULL), ('banana', NULL))
SELECT expr, ref, news_date(expr, ref) FROM v;
--> February 04, 2022|NULL|2022-02-04
--> Feb. 4, 2022|NULL|2022-02-04
--> 4 Feb. 2022|NULL|2022-02-04
--> Fri, 04 Feb 2022 10:30:00 +0000|NULL|2022-02-04
--> 2022-02-04T10:30:00Z|NULL|2022-02-04
--> 02/04/2022|NULL|2022-02-04
--> 25/12/2021|NULL|2021-12-25
--> January 2020|NULL|2020-01
--> 1949|NULL|1949
--> Friday|2022-02-05|2022-02-04
--> yesterday|2024-03-01|2024-02-29
--> tomorrow|2021-12-31|2022-01-01
--> Friday|NULL|NULL
--> Feb. 30, 2022|NULL|NULL
--> banana|NULL|NULL

-- One argument works too; NULL gives NULL.
SELECT news_date('4 February 2022'), news_date(NULL), news_date('Friday', NULL);
--> 2022-02-04|NULL|NULL

-- news_dates: mention, type, value and the position in characters.
SELECT mention, type, value, start, length FROM news_dates('The mayors met on Friday evening, their first talks in nearly two years.', '2022-02-05');
--> Friday evening|TIME|2022-02-04TEV|19|14
--> nearly two years|DURATION|P2Y|56|16

-- Weekdays and last/next resolve by the tense of the sentence, across a year boundary
-- (2021-01-01 is a Friday in ISO week 53 of 2020).
SELECT mention, value FROM news_dates('The board met on Tuesday and will meet again on Tuesday. Last week was quiet; next week will not be. This week is week 53.', '2021-01-01');
--> Tuesday|2020-12-29
--> Tuesday|2021-01-05
--> Last week|2020-W52
--> next week|2021-W01
--> This week|2020-W53

-- A month without a year: the nearest tense word decides which year; "payable" points
-- ahead, past the participle "reduced" ("payable Jan. 2" said in November is next January).
SELECT mention, value FROM news_dates('The reduced dividend is payable Jan. 2 to holders of record.', '2031-11-02');
--> Jan. 2|2032-01-02

-- Partial dates, decades, seasons, quarters and references.
SELECT mention, type, value FROM news_dates('Prices peaked in the 1990s, fell in summer 2008 and in the third quarter of 2019; they are now rising, as they did recently, and may rise in the future.', '2022-02-04');
--> the 1990s|DATE|199X
--> summer 2008|DATE|2008-SU
--> the third quarter of 2019|DATE|2019-Q3
--> now|DATE|PRESENT_REF
--> recently|DATE|PAST_REF
--> the future|DATE|FUTURE_REF

-- Relative days in a leap year, sets and times (a bare time is on the sentence's date).
SELECT mention, type, value FROM news_dates('Yesterday the market opened at 9:30 a.m., as it does every Monday; two years ago it closed early. Fees are paid annually.', '2024-03-01');
--> Yesterday|DATE|2024-02-29
--> 9:30 a.m.|TIME|2024-02-29T09:30
--> every Monday|SET|XXXX-WXX-1
--> two years ago|DATE|2022
--> annually|SET|P1Y

-- Bounds, counts and references of several words are phrases in a table; they stay in the extent.
SELECT mention, type, value FROM news_dates('At least three weeks passed, then no more than a couple of days; prices may rise in the near future, and right now a month or so is enough. Sales in the comparable quarter were weak, more recently too. Parties on New Year’s Eve.', '2021-10-20');
--> At least three weeks|DURATION|P3W
--> no more than a couple of days|DURATION|P2D
--> the near future|DATE|FUTURE_REF
--> right now|DATE|PRESENT_REF
--> a month or so|DURATION|P1M
--> the comparable quarter|DATE|2021-Q3
--> more recently|DATE|PAST_REF
--> New Year’s Eve|DATE|2021-12-31

-- A time with no day of its own takes the last full date named in its sentence, as
-- TimeBank anchors it; in the next sentence it is on the reference again.
SELECT mention, value FROM news_dates('On Feb. 4, 2022, at 10:30 a.m. the plant closed. It reopened at 6 p.m.', '2022-02-07');
--> Feb. 4, 2022|2022-02-04
--> 10:30 a.m.|2022-02-04T10:30
--> 6 p.m.|2022-02-07T18:00

-- English only: counts in other languages are not dates.
SELECT count(*) FROM news_dates('Она ждала три дня, а он пять лет.', '2022-02-04');
--> 0

-- Without a reference, relative expressions are underspecified.
SELECT mention, value FROM news_dates('She left yesterday and returns next month.');
--> yesterday|XXXX-XX-XX
--> next month|XXXX-XX

-- Months that are also first names are dates only where a date is meant.
SELECT mention, value FROM news_dates('April Ryan asked about June. In August President Biden spoke; May I ask?', '2021-11-03');
--> June|2021-06
--> August|2021-08

-- Named days and wars are names; a fiscal year with its number is that year.
SELECT mention, value FROM news_dates('Prices fell to Black Friday levels after the Six-Day War; in the fiscal year 2019 seizures rose on a six-day trip.', '2019-12-30');
--> the fiscal year 2019|2019
--> six-day|P6D

-- Text without any date, NULL text and a blob.
SELECT count(*) FROM news_dates('Bananas are yellow and 1,500 people like them.', '2022-02-04');
--> 0
SELECT count(*) FROM news_dates(NULL);
--> 0
SELECT mention, value FROM news_dates(CAST('on 4 Feb. 2022' AS BLOB));
--> 4 Feb. 2022|2022-02-04

-- In a quarterly report, "a year ago" and "the year-ago quarter" are the quarter the text
-- named, a year earlier; "the year ended" is a fiscal year (a duration).
SELECT mention, type, value FROM news_dates('Acme earned $5 million in the third quarter, up from $3 million a year ago. Revenue in the year-ago quarter was flat. For the year ended June 30, sales rose; the deal should close by year-end or around Nov. 1.', '1999-10-20');
--> the third quarter|DATE|1999-Q3
--> a year ago|DATE|1998-Q3
--> the year-ago quarter|DATE|1998-Q3
--> the year|DURATION|P1Y
--> June 30|DATE|1999-06-30
--> year-end|DATE|1999
--> around Nov. 1|DATE|1999-11-01

-- Decades in every spelling; without "the" or "late", "1990's" is a possessive year.
SELECT mention, value FROM news_dates('In the late 1990''s, the ''80s, the seventies and the 2010s; 1990''s budget.', '2022-02-04');
--> the late 1990's|199X
--> the '80s|198X
--> the seventies|197X
--> the 2010s|201X
--> 1990|1990

-- Decades in words and digits; a weekday with its date; a time with a future weekday.
SELECT mention, type, value FROM news_dates('Growth slowed through the nineties and in the early 1980s; the vote will be held on Tuesday, March 2, and the polls close at 8 p.m. Tuesday.', '2021-02-26');
--> the nineties|DATE|199X
--> the early 1980s|DATE|198X
--> Tuesday, March 2|DATE|2021-03-02
--> 8 p.m. Tuesday|TIME|2021-03-02T20:00

-- Durations keep their modifiers; ages and rates are not durations.
SELECT mention, type, value FROM news_dates('Over the past two years, and for several months, the firm grew; it will report in the coming weeks. The chief, 52 years old, earns $90,000 a year.', '2022-02-04');
--> the past two years|DURATION|P2Y
--> several months|DURATION|PXM
--> the coming weeks|DURATION|PXW

-- Sets, a date at the end of a leap year, and plural weekdays.
SELECT mention, type, value FROM news_dates('Every other week the council meets and the bus runs daily. On Dec. 31, 2024, it snowed. Flights leave Mondays.', '2025-01-05');
--> Every other week|SET|P2W
--> daily|SET|P1D
--> Dec. 31, 2024|DATE|2024-12-31
--> Mondays|SET|XXXX-WXX-1

-- A reference that is not a date is an error (issue 16: it was silently ignored); NULL is none.
SELECT mention, value FROM news_dates('It rained yesterday.', 'last Tuesday');
--! news_dates: the reference date must be YYYY-MM-DD
SELECT mention, value FROM news_dates('It rained yesterday.', NULL);
--> yesterday|XXXX-XX-XX

-- A reference in the forms news writes it: ISO 8601 with a time and an offset (the day as
-- written, the outlet's local day), or the month in words, with or without a weekday and time.
WITH r(ref) AS (VALUES ('2022-02-05T23:30:00-05:00'), ('Feb 5, 2022'), ('5 February 2022'),
  ('Saturday, February 5, 2022 11:30 PM EST'), ('  Feb. 5, 2022 '), ('2022/02/05'), ('20220205'))
SELECT ref, news_date('yesterday', ref), (SELECT value FROM news_dates('He left on Friday.', ref)) FROM r;
--> 2022-02-05T23:30:00-05:00|2022-02-04|2022-02-04
--> Feb 5, 2022|2022-02-04|2022-02-04
--> 5 February 2022|2022-02-04|2022-02-04
--> Saturday, February 5, 2022 11:30 PM EST|2022-02-04|2022-02-04
-->   Feb. 5, 2022 |2022-02-04|2022-02-04
--> 2022/02/05|2022-02-04|2022-02-04
--> 20220205|2022-02-04|2022-02-04
-- Known only to the month, in words too, it anchors nothing (as '2022-02').
SELECT news_date('yesterday', 'February 2022'), (SELECT value FROM news_dates('It was yesterday.', 'February 2022'));
--> NULL|XXXX-XX-XX
-- Unparsable references are errors: no such day, words that are no date, a relative
-- expression, text after the date, and an all-numeric day-month form (03/02 is March 2 in
-- the US and 3 February in Europe).
SELECT news_date('yesterday', 'Feb 30, 2022');
--! news_date: the reference date must be YYYY-MM-DD
SELECT news_date('yesterday', 'the day after');
--! news_date: the reference date must be YYYY-MM-DD
SELECT news_date('yesterday', 'next Friday');
--! news_date: the reference date must be YYYY-MM-DD
SELECT news_date('yesterday', 'Feb 5, 2022 or later');
--! news_date: the reference date must be YYYY-MM-DD
SELECT * FROM news_dates('It was yesterday.', '05/02/2022');
--! news_dates: the reference date must be YYYY-MM-DD
SELECT * FROM news_dates('It was yesterday.', '');
--! news_dates: the reference date must be YYYY-MM-DD

-- news_debug() reports the compiled-in tables.
SELECT news_debug() LIKE '%dates: % words (% senses), % recognizers%';
--> 1

-- Holidays on a fixed date take the year from the reference (a month more than half a
-- year ahead is last year's).
SELECT mention, value FROM news_dates('Stores close on Christmas Eve and reopen after New Year''s Day; Independence Day parades and a Christmas tree.', '2021-12-20');
--> Christmas Eve|2021-12-24
--> New Year's Day|2022-01-01
--> Independence Day|2021-07-04

-- "That year", "that day", "the following year" are the last date the text named.
SELECT mention, value FROM news_dates('He joined in 1995. That year, and the following year, sales grew. On March 3, 1996, he left; that day was cold, and the previous day too.', '1999-11-03');
--> 1995|1995
--> That year|1995
--> the following year|1996
--> March 3, 1996|1996-03-03
--> that day|1996-03-03
--> the previous day|1996-03-02
SELECT mention, value FROM news_dates('On Feb. 28, 2024, he left; the next day he returned.', '2024-06-01');
--> Feb. 28, 2024|2024-02-28
--> the next day|2024-02-29

-- Tense: "is to" + verb is a plan (the next Tuesday); "succeed" is no past form (the
-- future "will" decides: March said in November is next March).
SELECT mention, value FROM news_dates('The ferry service is to restart on Tuesday.', '2031-05-09');
--> Tuesday|2031-05-13
SELECT mention, value FROM news_dates('A deputy will soon succeed the chairman on March 1.', '2031-11-20');
--> soon|FUTURE_REF
--> March 1|2032-03-01

-- A quarter named by its last day is the calendar quarter holding most of its months
-- (ended July 31: Q2), and what "a year earlier" and "the quarter" refer to next.
SELECT mention, value FROM news_dates('In the quarter ended July 31, the retailer lost money; a year earlier it made a profit. During the quarter it closed stores.', '2031-09-15');
--> the quarter|2031-Q2
--> July 31|2031-07-31
--> a year earlier|2030-Q2
--> the quarter|2031-Q2
-- When the text numbers a fiscal year's quarters itself, its numbering stands.
SELECT mention, value FROM news_dates('The chain reported a loss for its fiscal first quarter. For the quarter ended Oct. 2, sales fell from a year earlier.', '2031-11-05');
--> fiscal first quarter|2031-Q1
--> the quarter|2031-Q1
--> Oct. 2|2031-10-02
--> a year earlier|2030-Q1
-- A quarter still to come is no report's quarter: "the latest quarter" is the last one ended.
SELECT mention, value FROM news_dates('Results for the fourth quarter, due in January, will be weak. In the latest quarter, sales rose.', '2031-11-05');
--> the fourth quarter|2031-Q4
--> January|2032-01
--> the latest quarter|2031-Q3

-- Ages are no durations (TempEval-3 newswire annotates none): "6-year-old", "8-month-old".
SELECT count(*) FROM news_dates('A 6-year-old girl, her 8-month-old brother and a 52-year-old neighbour were rescued.', '2031-05-09');
--> 0

-- A span of years: each end is a mention of its own (TimeML annotates the ends of a range),
-- in one token or around a dash; a second year in two digits is in the first's century (or
-- the next); no span of counts ("$2009-2010", "1500-1510", "2009-10%").
SELECT mention, value, start, length FROM news_dates('In the 2009-2010 season, and in 2011/12, 1999-00 and 2013–14, the club won; not 1500-1510, $2009-2010 or 2009-10%.', '2031-05-09');
--> 2009|2009|8|4
--> 2010|2010|13|4
--> 2011|2011|33|4
--> 12|2012|38|2
--> 1999|1999|42|4
--> 00|2000|47|2
--> 2013|2013|54|4
--> 14|2014|59|2
SELECT mention, value FROM news_dates('From 2009-2011 sales grew; that year they peaked.', '2031-05-09');
--> 2009|2009
--> 2011|2011
--> that year|2011

-- Sets of a part of the day, a season or a weekend.
SELECT mention, type, value FROM news_dates('Every morning she swims, each summer she sails and every weekend she rests.', '2031-05-09');
--> Every morning|SET|XXXX-XX-XXTMO
--> each summer|SET|XXXX-SU
--> every weekend|SET|XXXX-WXX-WE

-- Fiscal years: "fiscal year 2029" is that year; "the fiscal year ended June 30" is a
-- year's length, as "the year ended" is.
SELECT mention, type, value FROM news_dates('In fiscal year 2029 sales rose; in the fiscal year ended June 30, they fell.', '2031-05-09');
--> fiscal year 2029|DATE|2029
--> the fiscal year|DURATION|P1Y
--> June 30|DATE|2031-06-30

-- A count and a half: the half in the next smaller unit ("P2Y6M", "PT1M30S"; weeks in days).
SELECT mention, type, value FROM news_dates('The strike lasted 2 1/2 years, the talks two and a half hours, the vote a minute and a half and the repairs one and a half weeks; it began three and a half years ago.', '2031-05-09');
--> 2 1/2 years|DURATION|P2Y6M
--> two and a half hours|DURATION|PT2H30M
--> a minute and a half|DURATION|PT1M30S
--> one and a half weeks|DURATION|P10DT12H
--> three and a half years ago|DATE|2027-11

-- The business press's short forms: "Q3 2030", "Q4" (the year by tense, as "the fourth
-- quarter"), "H1 2030", "FY2029", "FY 2028", "FY27"; a year's quarter by the possessive.
-- "H1" alone (a visa) and "FY" alone are none.
SELECT mention, type, value FROM news_dates('Revenue rose in Q3 2030 and in Q4, in FY2029, FY 2028, FY27, H1 2030 and in 2030''s first quarter; the H1 visa and FY are no dates.', '2031-05-09');
--> Q3 2030|DATE|2030-Q3
--> Q4|DATE|2030-Q4
--> FY2029|DATE|2029
--> FY 2028|DATE|2028
--> FY27|DATE|2027
--> H1 2030|DATE|2030-H1
--> 2030's first quarter|DATE|2030-Q1

-- A report's period a year before, in one expression: "the same quarter last year", "the
-- period a year earlier", "the second quarter of last year" ("last year" alone stays a year).
SELECT mention, value FROM news_dates('Sales in the third quarter rose from the same quarter last year. Costs in the period a year earlier were lower; the second quarter of last year was weak. Last year was good.', '2031-11-05');
--> the third quarter|2031-Q3
--> the same quarter last year|2030-Q3
--> the period a year earlier|2030-Q3
--> the second quarter of last year|2030-Q2
--> Last year|2030

-- A modifier of the counted unit stays in the extent ("an additional year", "eight trading
-- days"); "a minute and a half later" is the duration, as "a minute later" is; "for the
-- year" is the reference year, "for the year ended" a year's length.
SELECT mention, type, value FROM news_dates('A minute and a half later it fell; for eight trading days and for an additional year it held, a high for the year; for the year ended June 30 it lost money.', '2031-11-05');
--> A minute and a half|DURATION|PT1M30S
--> eight trading days|DURATION|P8D
--> an additional year|DURATION|P1Y
--> the year|DATE|2031
--> the year|DURATION|P1Y
--> June 30|DATE|2031-06-30

-- "would" reports a future; an "-ed" adjective ("an unspecified date", "a revised plan")
-- is no past verb: January said in October is next January.
SELECT mention, value FROM news_dates('The bonus would be paid on an unspecified date in January.', '2031-10-20');
--> January|2032-01
-- A part of the day before "yesterday" or "today" ("mid-afternoon yesterday"), and a
-- plural part of the day shared by two weekdays ("Monday and Tuesday nights": two sets).
SELECT mention, type, value FROM news_dates('By mid-afternoon yesterday shares were up; late morning today they fell. Ferries sail on Monday and Tuesday nights; he left on Monday and Tuesday.', '2031-11-05');
--> mid-afternoon yesterday|TIME|2031-11-04TAF
--> late morning today|TIME|2031-11-05TMO
--> Monday|SET|XXXX-WXX-1TNI
--> Tuesday nights|SET|XXXX-WXX-2TNI
--> Monday|DATE|2031-11-03
--> Tuesday|DATE|2031-11-04
