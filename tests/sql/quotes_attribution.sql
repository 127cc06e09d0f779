-- news_quotes: which mention speaks, for constructions of news prose (invented texts).

-- A cue in a relative clause after the main clause's cue: "who" is the mention, its
-- antecedent the name; the next sentence's quotation goes on with the antecedent.
SELECT quote, speaker, speaker_mention, cue FROM news_quotes('“Rents are up,” said Omar Haddad, who added that prices had “doubled in a year.” “Nobody can pay that.”');
--> Rents are up,|Omar Haddad|Omar Haddad|said
--> doubled in a year.|Omar Haddad|who|added
--> Nobody can pay that.|Omar Haddad|Omar Haddad|NULL

-- A relative clause before the main clause's cue still yields to it.
SELECT quote, speaker, speaker_mention, cue FROM news_quotes('Lena Ortiz, an engineer who writes for the council, said the bridge was “safe.”');
--> safe.|Lena Ortiz|Lena Ortiz|said

-- A conjunction opening the sentence is not the subject: "But a source … said".
SELECT quote, speaker_mention, cue FROM news_quotes('The audit ended. But a source close to the audit said the board was “deeply worried.”');
--> deeply worried.|a source close|said

-- A day or an adverb between the subject and its cue: "Ortiz later Thursday told".
SELECT quote, speaker, cue FROM news_quotes('Lena Ortiz later Thursday told the council: “The bridge opens in May.”');
--> The bridge opens in May.|Lena Ortiz|told

-- Two apostrophes closing a quotation, then the one of the quotation nested at its
-- end: the attribution after them still counts.
SELECT quote, speaker_mention, cue FROM news_quotes('''''They tell us, ''Just wait,'''''' said Ms. Ortiz.');
--> They tell us, 'Just wait,|Ms. Ortiz|said

-- After words that hand over (a closing comma inside the marks), a subject and a verb
-- in the past are the attribution whatever the verb.
SELECT quote, speaker, cue FROM news_quotes('“Sit down,” the chairman barked at the visitors. “Not yet,” Omar Haddad retorted.');
--> Sit down,|chairman|barked
--> Not yet,|Omar Haddad|retorted

-- "according to X" ending the sentence of a quoted phrase; an attribution ending the
-- sentence speaks for every quotation in it.
SELECT quote, speaker, cue FROM news_quotes('The plan pays “dozens” of workers, according to union leader Ana Ruiz.');
--> dozens|Ana Ruiz|according to
SELECT quote, speaker, cue FROM news_quotes('The grant brings “real money” and the “staff” they need, council spokesman Tom Reyes said.');
--> real money|Tom Reyes|said
--> staff|Tom Reyes|said

-- Reporting verbs beyond "said": "barked", "assured", "chimed in", "pushed back".
SELECT quote, speaker, cue FROM news_quotes('“We are ready,” Ana Ruiz assured the board. Tom Reyes chimed in: “So are we.” Omar Haddad pushed back, calling it “too soon.”');
--> We are ready,|Ana Ruiz|assured
--> So are we.|Tom Reyes|chimed in
--> too soon.|Omar Haddad|pushed back

-- A clause that ends in a colon right before the next quotation introduces that one;
-- the quotation before it goes on with the speaker before.
SELECT quote, speaker, cue FROM news_quotes('“Let us be clear,” Ana Ruiz wrote. “If you are offended, stop reading now.” Tom Reyes added: “This is the last post.”');
--> Let us be clear,|Ana Ruiz|wrote
--> If you are offended, stop reading now.|Ana Ruiz|NULL
--> This is the last post.|Tom Reyes|added

-- A dateline or a heading before a spaced dash is not the subject.
SELECT quote, speaker, cue FROM news_quotes('Fairview (AP) – Mayor Ana Ruiz took a swipe at the board, saying that its “reckless plans” cost money.');
--> reckless plans|Ana Ruiz|saying
SELECT quote, speaker, cue FROM news_quotes('POLLS ARE NOT WRONG, JUST EARLY - Ana Ruiz and Tom Reyes: “Although the polls failed, they were close.”');
--> Although the polls failed, they were close.|Ana Ruiz and Tom Reyes|:

-- A word or two in marks inside a sentence is someone's term: it never continues the
-- speaker of another sentence.
SELECT quote, speaker, kind FROM news_quotes('“We will rebuild the pier,” said Omar Haddad. The so-called “plan” was on the agenda.');
--> We will rebuild the pier,|Omar Haddad|direct
--> plan|NULL|scare

-- A source named before the colon that opens a quotation, after a spaced dash that
-- ends a heading (whatever verb the heading has) or after a "from" opening the clause.
SELECT quote, speaker_mention, cue FROM news_quotes('Pollsters agree on the trend - Ana Ruiz: “The undecided voters broke late.”');
--> The undecided voters broke late.|Ana Ruiz|:
SELECT quote, speaker_mention, cue FROM news_quotes('What the survey means for the fall - More from Tom Reyes: “Turnout decided it.”');
--> Turnout decided it.|Tom Reyes|:
SELECT quote, speaker_mention, cue FROM news_quotes('From the harbor report: “Costs rose by a third.”');
--> Costs rose by a third.|the harbor report|:
-- A "from" inside the clause is no source: the subject of the cue speaks.
SELECT quote, speaker_mention, cue FROM news_quotes('Omar Haddad said in a speech from the harbor: “We will build.”');
--> We will build.|Omar Haddad|said

-- An introductory phrase is not the subject: a sentence opening with a participle or
-- an adverb ("Facing …,", "Hastily …,"), and the state or country of a place inside
-- the phrase ("At a rally in Fairview, Ore., on Tuesday,"). A name in -ing stays one.
SELECT quote, speaker_mention, cue FROM news_quotes('Facing mounting criticism, Ana Ruiz released a statement, saying the board had “no right” to act.');
--> no right|Ana Ruiz|saying
SELECT quote, speaker_mention, cue FROM news_quotes('At a rally in Fairview, Ore., on Tuesday, Senator Tom Reyes endorsed Ruiz, saying she would “do well.”');
--> do well.|Senator Tom Reyes|saying
SELECT quote, speaker_mention, cue FROM news_quotes('Manning said the plan was “dead.”');
--> dead.|Manning|said
-- An aside after the closing mark with no cue after it: the ", said X" in the clause.
SELECT quote, speaker_mention, cue FROM news_quotes('“The best part is the resilience,” like the recent calm of the markets, said Ana Ruiz, the chief economist.');
--> The best part is the resilience,|Ana Ruiz|said
