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
