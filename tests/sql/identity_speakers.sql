-- Which person a speaker's mention names within its article (the name the
-- corpus keys stand on, ext/quotes/quotes_resolve.c and the entities'
-- canonical names, ext/entities/ner_canon.c). Invented texts.

-- An honorific's gender picks the person of that gender among those sharing a
-- family name, whoever the text names first; none of hers: the name as written.
SELECT mention, canonical FROM news_entities('Walter Venn opened the hearing. Greta Venn spoke after him. Mrs. Venn said the plan was sound. Mr. Venn disagreed.');
--> Walter Venn|Walter Venn
--> Greta Venn|Greta Venn
--> Venn|Greta Venn
--> Venn|Walter Venn
SELECT speaker_mention, speaker FROM news_quotes('Walter Venn opened the hearing. Greta Venn spoke after him. “The plan is sound,” Mrs. Venn said. “It is not,” Mr. Venn said.');
--> Mrs. Venn|Greta Venn
--> Mr. Venn|Walter Venn
SELECT speaker_mention, speaker FROM news_quotes('Former mayor Walter Venn opened the hearing. “The plan is sound,” Mrs. Venn said.');
--> Mrs. Venn|Venn

-- A definite description of one person ("the senator", "the billionaire
-- businessman") names the person introduced with that office, its
-- abbreviation too ("Sen."), else the person the text is talking about: the
-- subject of the sentence before.
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('Sen. Walter Venn (D-Ore.) defended the bill on Monday. “I apologize to nobody,” the senator said.');
--> the senator|Walter Venn|PERSON
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('Oscar Brandt held a rally in Salem. Brandt took questions from the crowd. “We will build it,” the billionaire businessman said.');
--> the billionaire businessman|Oscar Brandt|PERSON
-- The subject of the sentence before rather than a person named inside this one.
SELECT speaker_mention, speaker FROM news_quotes('Greta Lind spoke in Ohio on Monday. In an interview with the hosts Oscar Brandt and Walter Venn, the presidential candidate said the plan was “a mistake.”');
--> the presidential candidate|Greta Lind
-- Never a person of the other gender, party or office.
SELECT speaker_mention, speaker FROM news_quotes('Oscar Brandt spoke in Ohio on Monday. “We need more time,” the spokeswoman said.');
--> the spokeswoman|spokeswoman
SELECT speaker_mention, speaker FROM news_quotes('Republican candidate Oscar Brandt spoke in Ohio on Monday. “We need more time,” the Democratic candidate said.');
--> the Democratic candidate|Democratic candidate
SELECT speaker_mention, speaker FROM news_quotes('Gov. Oscar Brandt spoke in Ohio on Monday. “We need more time,” the senator said.');
--> the senator|senator
-- One the text left unnamed stays a description; a name set beside it is the speaker.
SELECT speaker_mention, speaker FROM news_quotes('A woman in the crowd shouted at Greta Lind. “Go home,” the woman said.');
--> the woman|woman
SELECT speaker_mention, speaker FROM news_quotes('Oscar Brandt spoke first. “No comment,” said the White House press secretary, Walter Venn, on Monday.');
--> the White House press secretary|Walter Venn

-- A reflexive after a name is no part of it.
SELECT speaker_mention, speaker FROM news_quotes('Walter Venn spoke on Monday. Venn himself said it was “a mistake.”');
--> Venn himself|Walter Venn

-- An organisation's description names the organisation named before it whose
-- name holds its head, or for a company or a group the one named just before;
-- a name in it makes it a name ("the State Department"), and "the newspaper"
-- with no newspaper named so stays as written.
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('The Foreign Ministry of Norland rejected the claim. Greta Lind of Acme Corp. spoke later. “It is false,” the ministry said.');
--> the ministry|Foreign Ministry of Norland|ORG
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('Acme Corp. said on Monday that it removed the accounts. “We have always sought balance,” the company said.');
--> the company|Acme Corp.|ORG
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('Acme Corp. said on Monday that it removed the accounts. “We have always sought balance,” the newspaper said.');
--> the newspaper|newspaper|DESCRIPTION

-- "she" never takes up a man quoted before whose given name says so, though
-- his family name is also hers.
SELECT speaker_mention, speaker FROM news_quotes('Walter Venn and his sister Greta Venn spoke on Monday. “We agreed,” Venn himself said. “We did not,” she said.');
--> Venn himself|Walter Venn
--> she|Greta Venn

-- An indefinite description introduces someone unnamed: it stays as written (without
-- "a"/"an"), never the fuller description of someone else by its last word.
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('“It is close,” said one New Hampshire Democrat. “The gap is too wide,” said a Nevada Democrat.');
--> one New Hampshire Democrat|one New Hampshire Democrat|DESCRIPTION
--> a Nevada Democrat|Nevada Democrat|DESCRIPTION
-- A person named right before "who" is its antecedent, whatever phrase holds the name.
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('That idea prompted a harsh response from Walter Venn Jr., who suggested in an interview that Mr. Brandt was “a fraud.”');
--> who|Walter Venn Jr.|PERSON
SELECT speaker_mention, speaker FROM news_quotes('The idea came, as bad ideas do, from the mouth of Walter Venn, who claimed in July that the plan was “a fraud.”');
--> who|Walter Venn
-- A role followed by the place it serves is that role ("the senator from Vermont"); an
-- organisation's office is another ("the president of Judicial Watch").
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('Sen. Walter Venn (D-Vt.) spoke in Ohio. The senator from Vermont said the bill was “a disaster.”');
--> The senator from Vermont|Walter Venn|PERSON
SELECT speaker_mention, speaker FROM news_quotes('President Oscar Brandt spoke in Ohio. The president of Judicial Watch said the bill was “a disaster.”');
--> The president of Judicial Watch|president of Judicial Watch
-- "the president" is not the president of an organisation named before the title.
SELECT speaker_mention, speaker FROM news_quotes('President Oscar Brandt played golf with World Bank President Walter Venn. Brandt said the accord was good. “We did it,” the president said.');
--> the president|Oscar Brandt

-- A document speaks for its author: the one the sentence that introduced it names
-- (the subject before "a statement", "from X" after it, "In a statement, X said").
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('Oscar Brandt released a statement on Thursday. “We stand with them,” the statement said.');
--> the statement|Oscar Brandt|PERSON
SELECT speaker_mention, speaker FROM news_quotes('In a statement, Oscar Brandt said he would run. “We stand with them,” the statement said. “We will win,” the statement added.');
--> the statement|Oscar Brandt
--> the statement|Oscar Brandt
SELECT speaker_mention, speaker, speaker_type FROM news_quotes('The board received a letter from the Riverside Housing Authority on Monday. “The pier must close,” the letter said.');
--> the letter|Riverside Housing Authority|ORG
-- None named: the description stays.
SELECT speaker_mention, speaker FROM news_quotes('One worker provided a document on Monday. “Leave starts after a year,” the document states.');
--> the document|document

-- A hyphenated word is part of a person's name: "Ban Ki-moon", "Asab Al-Tabchi".
SELECT mention, canonical FROM news_entities('U.N. Secretary-General Ban Ki-moon spoke on Monday. Ban said the accord held.') WHERE type = 'PERSON';
--> Ban Ki-moon|Ban Ki-moon
--> Ban|Ban Ki-moon
SELECT speaker_mention, speaker FROM news_quotes('Master of ceremonies Asab Al-Tabchi took the stage. “No thanks to them,” he added.');
--> he|Asab Al-Tabchi

-- A given name the tagger left out of a person opening a sentence is still the name's.
SELECT speaker_mention, speaker FROM news_quotes('The policy divide is huge.

Joy Alessi, 50, of Houston, said the path was “long.” It brought her joy. “We waited,” Alessi said.');
--> Joy Alessi|Joy Alessi
--> Alessi|Joy Alessi
-- A name that only modifies the noun ("the Venn campaign") is not named the author.
SELECT speaker_mention, speaker FROM news_quotes('The Venn campaign sent a fundraising email on Wednesday. “Friend, we can win,” the email read.');
--> the email|email

-- A role description may join two roles of one person with "and", hyphenate a word
-- ("vice-presidential"), or end in a title that leads ("the Senate minority leader").
SELECT speaker_mention, speaker FROM news_quotes('Sen. Walter Venn on Wednesday called on the country to act. “The north is isolated,” the independent Vermont senator and Democratic presidential candidate said.');
--> the independent Vermont senator and Democratic presidential candidate|Walter Venn
SELECT speaker_mention, speaker FROM news_quotes('Walter M. Venn (D-Nev.) blasted the plan in an interview. “It is the worst thing I have seen,” the Senate minority leader said.');
--> the Senate minority leader|Walter M. Venn
SELECT speaker_mention, speaker FROM news_quotes('At a rally, Oscar Brandt showed the crowd a clip. “Let me help you out,” the Republican vice-presidential nominee said.');
--> the Republican vice-presidential nominee|Oscar Brandt
-- "he" looks past a possessive that opens the sentence before ("Lind's chief rival")
-- to the person named there, and "Walter Venn of Vermont" is a person and a place.
SELECT speaker_mention, speaker FROM news_quotes('Both made their support for the deal a centerpiece. Lind''s chief rival, Sen. Walter Venn of Vermont, was the only major candidate who skipped the meeting. Instead he gave a speech in Salt Lake City in which he said the plan was “a mistake.”');
--> he|Walter Venn
-- A family name two people of the text share names, alone, the one its fullest form
-- names ("Venn": Donald Venn), so "he" may stand for it.
SELECT speaker_mention, speaker FROM news_quotes('Donald Venn spoke after his wife, Melania Venn. The campaign chairman, Oscar Brandt, said in a statement: “Tonight, Venn painted a dark picture.” In virtually every policy realm, Venn vowed to put the country first. “Americanism will be our credo,” he said.');
--> The campaign chairman|Oscar Brandt
--> he|Donald Venn
-- A person the tagger found in full gives the speaker name its canonical form, the
-- hyphenated part of a given name included ("Moon Jae-in").
SELECT speaker_mention, speaker FROM news_quotes('Moon Jae-in spoke on Monday. “We will talk,” Moon said.');
--> Moon|Moon Jae-in
-- "who" is said of people: a name before ", who" is a person whatever the tagger typed.
SELECT speaker_mention, speaker FROM news_quotes('“We need a vote,” Walter Venn said.

Sandy Phillips, who lost her daughter Jessica Ghawi during the shooting in Aurora, said that Venn had treated her family badly.

“He promised to meet with us,” she said about Venn.');
--> Walter Venn|Walter Venn
--> she|Sandy Phillips
-- A pronoun of a sentence takes up the person of unknown gender that sentence named
-- before it ("Representative Venn … where he stands").
SELECT speaker_mention, speaker FROM news_quotes('Sen. Oscar Brandt backed the deal last year. Most members of Congress have been sympathetic to trade, but Representative Venn, who has welcomed support from the Tea Party, does not mince words about where he stands. “We will do whatever is necessary,” he said.');
--> he|Venn
