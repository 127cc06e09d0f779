-- Canonical names within an article (ext/entities/ner_canon.c), the names the
-- corpus keys start from. Invented texts.

-- One hyphenated word is no fuller form of a person ("a Venn-Lind race").
SELECT mention, canonical FROM news_entities('Walter Venn and Greta Lind met in Ohio. A Venn-Lind race would be close, Lind said.') WHERE type = 'PERSON';
--> Walter Venn|Walter Venn
--> Greta Lind|Greta Lind
--> Lind|Greta Lind

-- An organisation's name is not the fuller form of a shorter one when a
-- person's name comes before it there ("Obama White House" is no name of the
-- White House); otherwise it is.
SELECT mention, canonical FROM news_entities('Oscar Brandt spoke. The Brandt Harbor Authority ignored the Harbor Authority report.') WHERE type = 'ORG';
--> Brandt Harbor Authority|Brandt Harbor Authority
--> Harbor Authority|Harbor Authority
SELECT mention, canonical FROM news_entities('The Northport Harbor Authority ignored the Harbor Authority report.') WHERE type = 'ORG';
--> Northport Harbor Authority|Northport Harbor Authority
--> Harbor Authority|Northport Harbor Authority
