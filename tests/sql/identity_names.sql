-- How a person's name becomes a key across articles (ext/identity, rule 3 and
-- 4): other middle initials are other people; a suffix ("Jr.") is another
-- person when one article names both forms, and a surname with a suffix joins
-- the full name with that suffix; a short form of several given names joins
-- the one the corpus writes; a given name spelt with a letter once or twice
-- is one name. Invented articles.
SELECT json_extract(news_analyze(), '$.analyzed');
--> 0
INSERT INTO articles(path, body, published) VALUES
  ('p/1', 'Former president Galen H.W. Roark opened the library in Dallas on Monday. Roark spoke for an hour.', '2024-02-01'),
  ('p/2', 'Galen W. Roark, the former governor, visited Austin on Tuesday. Roark praised the teachers.', '2024-02-02'),
  ('p/3', 'Tomas Brevik and his son Tomas Brevik Jr. opened a bakery in Oslo. Brevik Jr. bakes the bread.', '2024-02-03'),
  ('p/4', 'Tomas Brevik Jr. said on Friday that the bakery would stay open.', '2024-02-04'),
  ('p/5', 'Stephen Daix, a lawyer in Lyon, filed the appeal on Monday.', '2024-02-05'),
  ('p/6', '"We will win," said Steve Daix on Tuesday.', '2024-02-06'),
  ('p/7', 'Marilla Oszko met the press in Vienna on Monday. Oszko flew home.', '2024-02-07'),
  ('p/8', 'Marila Oszko, the minister, left Vienna on Friday.', '2024-02-08');
SELECT json_extract(news_analyze(), '$.analyzed');
--> 8
SELECT a.path, m.mention, m.canonical, e.key FROM mentions m JOIN articles a ON a.id = m.article_id
  JOIN entities e ON e.id = m.entity_id WHERE m.type = 'PERSON' ORDER BY a.path, m.start;
--> p/1|Galen H.W. Roark|Galen H.W. Roark|Galen H.W. Roark
--> p/1|Roark|Galen H.W. Roark|Galen H.W. Roark
--> p/2|Galen W. Roark|Galen W. Roark|Galen W. Roark
--> p/2|Roark|Galen W. Roark|Galen W. Roark
--> p/3|Tomas Brevik|Tomas Brevik|Tomas Brevik
--> p/3|Tomas Brevik Jr.|Tomas Brevik Jr.|Tomas Brevik Jr.
--> p/3|Brevik Jr.|Tomas Brevik Jr.|Tomas Brevik Jr.
--> p/4|Tomas Brevik Jr.|Tomas Brevik Jr.|Tomas Brevik Jr.
--> p/5|Stephen Daix|Stephen Daix|Stephen Daix
--> p/6|Steve Daix|Steve Daix|Stephen Daix
--> p/7|Marilla Oszko|Marilla Oszko|Marilla Oszko
--> p/7|Oszko|Marilla Oszko|Marilla Oszko
--> p/8|Marila Oszko|Marila Oszko|Marilla Oszko
SELECT a.path, q.speaker, q.speaker_key FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY a.path;
--> p/6|Steve Daix|Stephen Daix
