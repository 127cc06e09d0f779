-- news_entities(text): people, organisations, places and other names, each with the
-- fullest form the same text uses for it (canonical). start and length are in
-- characters, so substr(text, start, length) gives the mention back.

-- Titles stay outside the name; a surname alone points to the full name.
SELECT mention, type, canonical, start, length, sentence FROM news_entities('President Elena Marsh arrived in Oslo on Tuesday. Marsh met the Norwegian foreign minister.');
--> Elena Marsh|PERSON|Elena Marsh|11|11|1
--> Oslo|LOC|Oslo|34|4|1
--> Marsh|PERSON|Elena Marsh|51|5|2
--> Norwegian|MISC|Norwegian|65|9|2

-- Honorifics and a possessive ’s are outside too; of "U.S.-led" only the name part is marked.
SELECT mention, type, start, length FROM news_entities('Mr. Okafor’s plan was backed by the U.S.-led coalition and the European Union.');
--> Okafor|PERSON|5|6
--> U.S.|LOC|37|4
--> European Union|ORG|64|14

-- Two names joined by a hyphen are two mentions.
SELECT mention, type FROM news_entities('They discussed China-Russia relations.');
--> China|LOC
--> Russia|LOC

-- A hyphenated name listed as one stays whole; names joined by a slash are two;
-- a lower-case word after a name is not part of it.
SELECT mention, type FROM news_entities('Tensions rose in the Asia-Pacific region.');
--> Asia-Pacific|LOC
SELECT mention, type FROM news_entities('The picture was taken by a photographer for AFP/Reuters in Berlin.');
--> AFP|ORG
--> Reuters|ORG
--> Berlin|LOC
SELECT mention, type FROM news_entities('Trade with the Soviet Union during the Cold War era was limited.');
--> Soviet Union|LOC
--> Cold War|MISC

-- An acronym takes the expansion the text gives in parentheses.
SELECT mention, type, canonical FROM news_entities('The Pacific Rail Consortium (PRC) said on Monday it would hire 300 workers in Chicago. The PRC is based in Ohio.');
--> Pacific Rail Consortium|ORG|Pacific Rail Consortium
--> PRC|ORG|Pacific Rail Consortium
--> Chicago|LOC|Chicago
--> PRC|ORG|Pacific Rail Consortium
--> Ohio|LOC|Ohio

-- Positions count characters, not bytes: non-Latin text gives whole words.
-- (Every mention found is checked; the English model finds at least the three names.)
SELECT min(substr(t, start, length) = mention), count(*) >= 3 FROM (SELECT 'Президент Владимир Путин прибыл в Пекин. Then Senator Maria Okonkwo spoke in Nairobi.' AS t), news_entities(t);
--> 1|1

-- A title alone is not a name, nor is a run of initials or a repeated
-- abbreviation: a mention is at most 12 tokens and 160 bytes (longer runs
-- are dropped).
SELECT mention, type FROM news_entities('The President said talks would resume. Sen. Ruth Calder disagreed.');
--> Ruth Calder|PERSON
SELECT count(*) FROM news_entities(replace(hex(zeroblob(1000)), '00', 'A. '));
--> 0
-- An abbreviated title makes the capitalized words after it a person's name.
SELECT mention, type FROM news_entities('Talks stalled. Gen. Ada Okoro and Capt. Lior Ben-Ami flew out.');
--> Ada Okoro|PERSON
--> Lior Ben-Ami|PERSON
-- A person's name runs over the hyphens between its capitalized parts.
SELECT mention, type FROM news_entities('Eva-Marie Lund and Jean-Luc Ortiz-Vega met in Oslo.');
--> Eva-Marie Lund|PERSON
--> Jean-Luc Ortiz-Vega|PERSON
--> Oslo|LOC
SELECT count(*) FROM news_entities(replace(hex(zeroblob(1000)), '00', 'Mr. '));
--> 0
SELECT count(*) FROM news_entities(replace(hex(zeroblob(1000)), '00', 'U.S.'));
--> 0

-- A capitalized common word at a sentence start is no name ("Trains").
SELECT count(*) FROM news_entities('Rail unions called off a planned strike on Wednesday.

Trains will run as normal this weekend.');
--> 0
SELECT mention, type FROM news_entities('Flights from Abu Dhabi and Sharjah resumed on Monday.');
--> Abu Dhabi|LOC
--> Sharjah|LOC

-- A person's name runs over the hyphens between its capitalized parts; "States"
-- alone names nothing; a demonym that begins an organisation's name ending in a
-- suffix word ("Fund") is part of it.
SELECT mention, type FROM news_entities('Eva-Marie Lund and Jean-Luc Ortiz-Vega met in Oslo.');
--> Eva-Marie Lund|PERSON
--> Jean-Luc Ortiz-Vega|PERSON
--> Oslo|LOC
SELECT mention, type FROM news_entities('The treaty binds other States. The German Marshall Fund published a report.');
--> German Marshall Fund|ORG
SELECT count(*) FROM news_entities('The rule applies to certain States and to other States that signed it.');
--> 0

-- A romanized name whose last part is a lower-case syllable after a hyphen is one
-- person's name; a lower-case word that makes a compound ("-led", "-era") is not part of it.
SELECT mention FROM news_entities('North Korean leader Kim Jong-un met Lee Teng-hui after the U.S.-led talks.');
--> North Korean
--> Kim Jong-un
--> Lee Teng-hui
--> U.S.
SELECT mention, type FROM news_entities('The Kim-led talks ended. Moon Jae-in said so.');
--> Kim|PERSON
--> Moon Jae-in|PERSON

-- A name the text repeats keeps its words the second time ("Winter" of "Winter
-- Olympics"); a city named as a team takes the team's type.
SELECT mention, type FROM news_entities('Athletes trained for the Winter Olympics in Norway. Tickets for the Winter Olympics sold out in a day.');
--> Winter Olympics|MISC
--> Norway|LOC
--> Winter Olympics|MISC
SELECT mention, type FROM news_entities('Barcelona beat Madrid 2-1 on Sunday. Leeds scored twice against Chelsea.');
--> Barcelona|ORG
--> Madrid|ORG
--> Leeds|ORG
--> Chelsea|ORG

-- Text with no capitalized word (quotation marks, markup, broken bytes) is not tagged.
SELECT count(*) FROM news_entities(replace(hex(zeroblob(100000)), '00', '"<div>'));
--> 0

-- NULL and the empty string give no rows.
SELECT * FROM news_entities(NULL);
SELECT * FROM news_entities('');

-- news_debug reports the model and the gazetteer.
SELECT news_debug() LIKE '%entities: model % bytes%gazetteer % phrases%';
--> 1

-- news_debug says whether each model was trained with the data the library holds.
SELECT news_debug() GLOB '*entities model: fresh (data [0-9a-f]*)*quotes model: fresh (data [0-9a-f]*)*';
--> 1

-- A person's canonical form is the fullest name with the same family name: a middle
-- initial makes no other person ("Dana Whitfield" is "Dana J. Whitfield"), a family
-- name inside another name does not count ("Maryanne Whitfield Cole"), and a suffix
-- makes another person of a full name ("Jonas Okafor Jr." is his son).
SELECT mention, canonical FROM news_entities('Dana Whitfield spoke in Ohio on Monday. Dana J. Whitfield said the plan would pass. Maryanne Whitfield Cole, her sister, stayed home. Officials said Whitfield was tired. Jonas Okafor is a reporter. Jonas Okafor Jr. is his son. Mr. Okafor declined to comment.') WHERE type = 'PERSON';
--> Dana Whitfield|Dana J. Whitfield
--> Dana J. Whitfield|Dana J. Whitfield
--> Maryanne Whitfield Cole|Maryanne Whitfield Cole
--> Whitfield|Dana J. Whitfield
--> Jonas Okafor|Jonas Okafor
--> Jonas Okafor Jr.|Jonas Okafor Jr.
--> Okafor|Jonas Okafor
