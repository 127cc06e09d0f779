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
