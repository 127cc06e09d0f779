// Each article of a folder with the people it names and who said what, from
// Node with better-sqlite3 12 and the sqlite-news npm package. From the project
// folder (`make npm` writes the package to build/):
//
//   mkdir -p build/node && (cd build/node && npm install better-sqlite3@12 ../sqlite-news-*.tgz)
//   NODE_PATH=build/node/node_modules node examples/node_example.js examples/corpus
'use strict';
const Database = require('better-sqlite3');
const sqliteNews = require('sqlite-news');

const corpus = process.argv[2] || 'examples/corpus';
const db = new Database(':memory:');
sqliteNews.load(db);

// Read the folder once; the extractors then run over the stored bodies.
db.prepare('CREATE TABLE article AS SELECT path, source, published, title, body FROM news_articles(?)').run(corpus);
const people = db.prepare(`SELECT group_concat(canonical, ', ') AS names
                           FROM (SELECT DISTINCT canonical FROM news_entities(?) WHERE type = 'PERSON')`);
const quotes = db.prepare(`SELECT speaker, cue, quote FROM news_quotes(?)
                           WHERE kind = 'direct' ORDER BY start`);

for (const article of db.prepare('SELECT * FROM article ORDER BY published, path').iterate()) {
  console.log(`${article.published}  ${article.title}  (${article.source})`);
  const { names } = people.get(article.body);
  if (names) console.log(`  people: ${names}`);
  for (const q of quotes.all(article.body)) {
    const quote = q.quote.length > 70 ? `${q.quote.slice(0, 69)}…` : q.quote;
    console.log(`  ${q.speaker || '(unattributed)'} ${q.cue || ''}: “${quote}”`);
  }
}
