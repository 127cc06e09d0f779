-- news_quotes(text): every quotation, who said it, the reporting cue, and its kind.

-- The usual constructions: "X said", "said X", an appositive, "according to", a colon.
SELECT quote, speaker, speaker_mention, cue, kind FROM news_quotes('Lena Ortiz, the mayor of Fairview, said the bridge was “a triumph.” “It took ten years,” said Ms. Ortiz. According to the city council, “the bridge is safe.” The engineers wrote: "We are proud."');
--> a triumph.|Lena Ortiz|Lena Ortiz|said|direct
--> It took ten years,|Lena Ortiz|Ms. Ortiz|said|direct
--> the bridge is safe.|city council|the city council|According to|direct
--> We are proud.|engineers|The engineers|wrote|direct

-- A pronoun resolves to the person it stands for; a quotation with no attribution of
-- its own continues the previous speaker, with no cue.
SELECT quote, speaker, speaker_mention, cue FROM news_quotes('Omar Haddad runs the port. “We doubled the cargo,” he said. “Next year we build a second pier.”');
--> We doubled the cargo,|Omar Haddad|he|said
--> Next year we build a second pier.|Omar Haddad|he|NULL

-- Documents resolve to their issuer; groups joined with "and" resolve each member.
SELECT speaker, speaker_mention FROM news_quotes('Omar Haddad met Lena Ortiz. The Harbor Authority statement said the pier was “unsafe.” Haddad and Ortiz called the deal “historic.”');
--> Harbor Authority|The Harbor Authority statement
--> Omar Haddad and Lena Ortiz|Haddad and Ortiz

-- A plural description stands for the last pair of names of its kind: people for
-- "leaders", places for "countries"; "they" for the last group that spoke.
SELECT speaker, speaker_mention FROM news_quotes('Omar Haddad and Lena Ortiz met in Fairview on Friday. Norway and Chile signed the trade pact. The two leaders called the deal “historic.” The two countries said it was “a new chapter.” They added: “We will meet again.”');
--> Omar Haddad and Lena Ortiz|The two leaders
--> Norway and Chile|The two countries
--> Norway and Chile|They

-- start and length cover the marks; speaker_start and speaker_length the mention (in characters).
SELECT substr(t, start, length), substr(t, speaker_start, speaker_length) FROM (SELECT 'Zoë said: “Ça va.”' AS t), news_quotes(t);
--> “Ça va.”|Zoë

-- Apostrophes are not quotation marks: possessives, elisions, plural possessives.
SELECT count(*) FROM news_quotes('Ortiz’s band played ’90s rock ’n’ roll in the players’ union hall. It wasn''t Jones'' idea.');
--> 0

-- A term in quotation marks with no speaker and no reporting is a scare quote; a
-- single-quoted term inside a quotation is a nested row of its own.
SELECT quote, speaker, kind FROM news_quotes('The so-called “gig economy” keeps growing. “There are no ‘safe’ jobs,” Ortiz said.');
--> gig economy|NULL|scare
--> There are no ‘safe’ jobs,|Ortiz|direct
--> safe|NULL|scare

-- An unbalanced mark closes at the end of its paragraph; a quotation running over
-- paragraphs (each reopened) gives one row per paragraph.
SELECT quote, speaker FROM news_quotes('Ortiz said: “The bridge opens soon.

“It will carry trains too.”

The weather was fine.');
--> The bridge opens soon.|Ortiz
--> It will carry trains too.|Ortiz

-- Straight marks and the doubled '' of wire copy.
SELECT quote FROM news_quotes('He called it ''''a mess,'''' and "a disgrace."');
--> a mess,
--> a disgrace.

-- Who said what: speakers ranked by the number of their quotations.
SELECT speaker, count(*) AS quotes FROM news_quotes('“We will build it,” Lena Ortiz said. “It is too expensive,” said Omar Haddad. “Trust me,” Ortiz replied.') WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY quotes DESC, speaker;
--> Lena Ortiz|2
--> Omar Haddad|1

-- No text, no rows.
SELECT count(*) FROM news_quotes(NULL);
--> 0

-- A role description ("the Norwegian leader", "the harbor chief") stands for the
-- nearest person introduced with a title that shares its office (or, for a generic
-- head such as "leader", another word); "vice" and "former" make another office,
-- so "the president" is not Vice President Reyes and keeps its mention.
SELECT speaker, speaker_mention FROM news_quotes('Norwegian Prime Minister Kari Dahl met Vice President Tom Reyes and harbor chief Omar Haddad in Fairview. The Norwegian leader called the pier “a model.” The vice president said it was “ready.” The harbor chief said: “We start Monday.” The president called it “a waste.”');
--> Kari Dahl|The Norwegian leader
--> Tom Reyes|The vice president
--> Omar Haddad|The harbor chief
--> president|The president

-- "Mr. Haddad" marks a person even as one word: a "he" after him is him, not the
-- last person named in between.
SELECT speaker, speaker_mention FROM news_quotes('Omar Haddad runs the port. “We start Monday,” Mr. Haddad said. Lena Ortiz, who met Tom Reyes there, was pleased. “It is a fine pier,” he said.');
--> Omar Haddad|Mr. Haddad
--> Omar Haddad|he

-- Days, months and linking words ("though", "conversely") never start a speaker: the
-- participle "saying" here has no subject of its own, so the quotation has none.
SELECT quote, speaker FROM news_quotes('Omar Haddad sent messages early Friday saying that the mayor had shown poor judgment in praising the contractor “as a model of efficiency.”');
--> as a model of efficiency.|NULL

-- A speaker's noun phrase stops before a verb or an adverb it would run into: "it"
-- is not taken as a speaker, so the clause subject is, without its verb.
SELECT quote, speaker, speaker_mention FROM news_quotes('The board cleared the deal, though it called the price “far too high” in a note.');
--> far too high|board|The board

-- "he" stands for the subject of the sentence before when that is a man by his
-- honorific ("Mr. Lee"), rather than for the last man named ("Tom Reyes").
SELECT speaker, speaker_mention FROM news_quotes('Omar Haddad said the port would grow. Mr. Lee dismissed the plan as the work of a rival, Tom Reyes. “It will never pay,” he said.');
--> Lee|he

-- A document issued "by the two countries" resolves to the pair they stand for.
SELECT speaker, speaker_mention FROM news_quotes('Omar Haddad and Lena Ortiz met in Fairview on Friday. Norway and Chile signed a pact. A document agreed by the two countries said the pact was “binding.”');
--> Norway and Chile|A document

-- "X's claim that …": a reporting noun after a possessive gives its owner, even after
-- another verb ("Critics mocked the former mayor's promise that …").
SELECT speaker, speaker_mention, cue FROM news_quotes('Fact-checkers looked at Lena Ortiz’s claim that the bridge had cost “twice the budget” in the end. Critics mocked the former mayor’s promise that the trains would run “every five minutes” by June.');
--> Lena Ortiz|Lena Ortiz|claim
--> former mayor|the former mayor|promise

-- A cue in an introductory clause ("When …,", "In a statement announcing …,") yields to
-- the main clause's.
SELECT speaker, cue FROM news_quotes('When Ortiz noted that the port had lost money ― as it did for years ― Haddad boasted, “That makes us lean.” In a statement announcing the deal, the Harbor Union called Haddad a “champion” of its members.');
--> Haddad|boasted
--> Harbor Union|called

-- The clause subject after several introductory segments ("On July 6, 2015,"), without
-- the verb it runs into ("Ortiz made the following").
SELECT speaker, speaker_mention, cue FROM news_quotes('On July 6, 2015, Ortiz made the following comment: “The port will double in size.”');
--> Ortiz|Ortiz|comment

-- A speaker's name is the person's name proper: no title, office or party label
-- ("(R-Utah)", "D-Wis." name no speaker); a name before "of" is the speaker, not the
-- organisation after it; a description keeps its words without the article.
SELECT speaker, speaker_mention FROM news_quotes('Sen. Dana Whitfield (R-Utah) called it “a disgrace.” Ana Ruiz of the Fairview Policy Institute called it “late.” The announcer said it was “over.” “We will fight,” said Rep. Tom Reyes, D-Wis.');
--> Dana Whitfield|Sen. Dana Whitfield (R-Utah)
--> Ana Ruiz|Ana Ruiz of the Fairview Policy Institute
--> announcer|The announcer
--> Tom Reyes|Rep. Tom Reyes

-- A pronoun agrees in gender with the person a given name or an honorific says,
-- never stands for an organisation or for a name inside a quotation.
SELECT speaker, speaker_mention FROM news_quotes('Maria Lopez criticized the plan that Omar Haddad wrote. “It was rushed,” she said.');
--> Maria Lopez|she
SELECT speaker, speaker_mention FROM news_quotes('Omar Haddad spoke first. The Fairview Harbor Union filed a complaint. “We will appeal,” he said.');
--> Omar Haddad|he
SELECT speaker, speaker_mention FROM news_quotes('Lena Ortiz arrived late. The clerk read the note aloud: “Maria Lopez signed it.” Later, “we are done,” she said.');
--> clerk|The clerk
--> Lena Ortiz|she

-- A capitalized "He" before a name is a family name, not a pronoun.
SELECT speaker, speaker_mention FROM news_quotes('“We need more time,” He Wei, a former official, said. “It is late,” he added.');
--> He Wei|He Wei
--> He Wei|he

-- A nationality before a noun is no speaker ("state" before a noun is no cue).
SELECT speaker, speaker_mention FROM news_quotes('The plan was “reckless,” according to Chinese state media. Chinese state media called it “a trap.”');
--> Chinese state media|Chinese state media
--> Chinese state media|Chinese state media

-- A list of three is no pair for "the two countries".
SELECT speaker, speaker_mention FROM news_quotes('Canada, the United States and Britain signed the accord. The two countries said it was “a new start.”');
--> two countries|The two countries

-- A person in apposition to a description names it, after it or before it; roles
-- joined by "and" are one person's.
SELECT speaker, speaker_mention FROM news_quotes('The president of Fairview, Tom Reyes, said the talks were “fruitful.” Sam Lau, the communications director for the Fairview Party, said the vote was “a rout.” Lena Ortiz, an architect and planner, called it “bold.”');
--> Tom Reyes|The president of Fairview
--> Sam Lau|Sam Lau
--> Lena Ortiz|Lena Ortiz

-- speaker_type: what the speaker is (a person, an organisation, a place, several, or a
-- description the text ties to no name); NULL without a speaker.
SELECT speaker, speaker_type FROM news_quotes('Omar Haddad and Lena Ortiz met in Fairview. “We agree,” they said. The Harbor Authority said the pier was “unsafe.” “It is fine,” Norway said. Critics called it “a farce.” “I disagree,” said Mr. Haddad. According to Chinese state media, the pact is “void.” “Trust me,” he said. A “so-called” deal.');
--> Omar Haddad and Lena Ortiz|GROUP
--> Harbor Authority|ORG
--> Norway|LOC
--> Critics|DESCRIPTION
--> Omar Haddad|PERSON
--> Chinese state media|DESCRIPTION
--> Omar Haddad|PERSON
--> NULL|NULL

-- "he" after a sentence whose subject is a person (after the words of a role) is that
-- person, even when no given name says the gender, rather than an earlier speaker.
SELECT speaker, speaker_mention FROM news_quotes('“We are close,” said Omar Haddad, the port director.

Former federal prosecutor Tavin Brogue said the inquiry was not surprising.

“They are within the zone of interest,” he said.');
--> Omar Haddad|Omar Haddad
--> Tavin Brogue|he

-- "it" stands for the organisation that spoke just before, or one named in the
-- sentence before; never for a person.
SELECT speaker, speaker_mention, speaker_type FROM news_quotes('The Harbor Authority said the pier was “unsafe.” “Repairs will take a year,” it added.');
--> Harbor Authority|The Harbor Authority|ORG
--> Harbor Authority|it|ORG
SELECT speaker, speaker_mention, speaker_type FROM news_quotes('Lena Ortiz met the Fairview Rail Company on Monday. “We will build it,” it said in a statement.');
--> Fairview Rail Company|it|ORG

-- A paragraph that is all quotation, after a paragraph ending with an attributed
-- quotation, goes on in the same voice (no cue of its own); a paragraph in single
-- marks is a heading, not a continuation.
SELECT quote, speaker, cue FROM news_quotes('“The bridge will open in May,” Lena Ortiz said at the council meeting on Monday.

“We have waited ten years for this day, and the city is ready for it.”

The weather was fine.');
--> The bridge will open in May,|Lena Ortiz|said
--> We have waited ten years for this day, and the city is ready for it.|Lena Ortiz|NULL
SELECT quote, speaker, kind FROM news_quotes('“We are close,” Omar Haddad said.

‘A tough decision.’

Boats came in.');
--> We are close,|Omar Haddad|direct
--> A tough decision.|NULL|scare

-- ", said X" after a quotation that runs on into its sentence.
SELECT quote, speaker, cue FROM news_quotes('The vote signals “the end of an era” for the port, said Ana Ruiz, a historian at Fairview College.');
--> the end of an era|Ana Ruiz|said

-- "prompting X to warn … and threaten": the object before "to" says it; a
-- verb before "to" with no one as its object gives no speaker there.
SELECT quote, speaker, cue FROM news_quotes('The ministry tested a missile on Monday, prompting Western nations to warn of new sanctions and threaten “a firm response.” Mr. Haddad was prompted to say, “So far, so good.”');
--> a firm response.|Western nations|warn
--> So far, so good.|Haddad|say

-- A cue in a relative clause: the relative pronoun is the mention, its
-- antecedent the name.
SELECT quote, speaker, speaker_mention, cue FROM news_quotes('The leaders who spoke included the port director, Omar Haddad, who called the pier “a model for the region.”');
--> a model for the region.|Omar Haddad|who|called

-- Reporting verbs beyond "said": "gloated:", "shot back", "thanked … for".
SELECT quote, speaker, cue FROM news_quotes('And Mr. Haddad gloated: “I told you it would hold.” “You got lucky,” Lena Ortiz shot back. Ortiz later thanked him for “keeping the port open.”');
--> I told you it would hold.|Haddad|gloated
--> You got lucky,|Lena Ortiz|shot back
--> keeping the port open.|Lena Ortiz|thanked


-- A participle after a comma ("…, calling it", "…, telling reporters") speaks for the
-- clause subject, not for a noun phrase set off before it; the subject is the name,
-- without the verb that follows it.
SELECT quote, speaker, speaker_mention, cue FROM news_quotes('In an angry press conference, Ortiz launched an attack on the harbor board, calling it “the worst in our history.” But a few days later, Haddad reversed himself again, telling reporters that the plan “is set.”');
--> the worst in our history.|Ortiz|Ortiz|calling
--> is set.|Haddad|Haddad|telling

-- A paragraph of quotation signed on the next line ("- Name.").
SELECT quote, speaker FROM news_quotes('The senator spoke for an hour.

"Almost all new income is going to the top 1 percent."

- Lena Ortiz.

The claim is true.');
--> Almost all new income is going to the top 1 percent.|Lena Ortiz

-- A relative clause with words before its verb ("who has called") is still a relative
-- clause; "Asked whether …," introduces the clause, it names no speaker.
SELECT quote, speaker, speaker_mention, cue FROM news_quotes('Sam Lau, who has repeatedly called the plan “a waste of money,” left early. Asked whether he would fire the clerk, Ortiz said, “Probably not.”');
--> a waste of money,|Sam Lau|who|called
--> Probably not.|Ortiz|Ortiz|said
