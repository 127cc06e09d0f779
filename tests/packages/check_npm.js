// Run from a fresh folder where the sqlite-news tarball is installed, with
// better-sqlite3 12 on NODE_PATH (test_npm.sh): the package as a user requires
// it. Prints "ok NAME" or "FAIL NAME: ..." per check. Usage: node check_npm.js VERSION
'use strict';
const assert = require('assert');
const Database = require('better-sqlite3');
const sqliteNews = require('sqlite-news');

let failed = false;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok npm package: ${name}`);
  } catch (err) {
    failed = true;
    console.log(`FAIL npm package: ${name}: ${String(err.message).split('\n').join(' ')}`);
  }
}

// A node-sqlite3 Database as far as load() sees it: queued, answers through a
// callback; here backed by a better-sqlite3 connection so the load is real.
function nodeSqlite3Like(db, failWith) {
  return {
    serialize() {}, each() {},
    loadExtension(path, callback) {
      setImmediate(() => {
        try {
          if (failWith) throw failWith;
          db.loadExtension(path);
          callback(null);
        } catch (err) {
          callback(err);
        }
      });
    },
  };
}

const version = process.argv[2];
const text = 'Mayor Ilse Brandvik met Tomas Quill in Bergen. "We are ready," Brandvik said.';

(async () => {
  await check('getLoadablePath is the installed news.so', () =>
    assert.match(sqliteNews.getLoadablePath(), /\/node_modules\/sqlite-news\/news\.so$/));
  const db = new Database(':memory:');
  await check('load(better-sqlite3)', () => sqliteNews.load(db));
  await check('news_version', () =>
    assert.strictEqual(db.prepare('SELECT news_version() AS v').get().v, version));
  await check('news_sentences', () => assert.deepStrictEqual(
    db.prepare('SELECT sentence, substr(?, start, length) AS text FROM news_sentences(?)').all(text, text),
    [{ sentence: 1, text: 'Mayor Ilse Brandvik met Tomas Quill in Bergen.' },
     { sentence: 2, text: '"We are ready," Brandvik said.' }]));
  await check('news_entities', () => assert.deepStrictEqual(
    db.prepare("SELECT mention, canonical, sentence FROM news_entities(?) WHERE type = 'PERSON'").raw().all(text),
    [['Ilse Brandvik', 'Ilse Brandvik', 1], ['Tomas Quill', 'Tomas Quill', 1], ['Brandvik', 'Ilse Brandvik', 2]]));
  await check('news_quotes', () => assert.deepStrictEqual(
    db.prepare('SELECT speaker, cue FROM news_quotes(?)').raw().all(text), [['Ilse Brandvik', 'said']]));
  await check('load(not a database) is a TypeError', () =>
    assert.throws(() => sqliteNews.load({}), { name: 'TypeError', message: /better-sqlite3 or node-sqlite3/ }));

  const viaPromise = new Database(':memory:');
  await check('load(node-sqlite3) returns a promise', async () => {
    await sqliteNews.load(nodeSqlite3Like(viaPromise));
    assert.strictEqual(viaPromise.prepare('SELECT news_fold(?) AS f').get('ZOË').f, 'zoe');
  });
  await check('load(node-sqlite3, callback)', () => new Promise((resolve, reject) => {
    const viaCallback = new Database(':memory:');
    sqliteNews.load(nodeSqlite3Like(viaCallback), (err) => (err ? reject(err) : resolve()));
  }));
  await check('load(node-sqlite3) rejects with the load error', () =>
    assert.rejects(sqliteNews.load(nodeSqlite3Like(db, new Error('no such file'))), /no such file/));
  process.exitCode = failed ? 1 : 0;
})();
