'use strict';
// sqlite-news, the SQLite extension for news articles, packaged for Node.
// The package carries the compiled extension (news.so); load(db) loads it into
// a better-sqlite3 or node-sqlite3 connection, getLoadablePath() gives its path.
const fs = require('fs');
const path = require('path');

function getLoadablePath() {
  const file = path.join(__dirname, 'news.so');
  if (!fs.existsSync(file)) {
    throw new Error(`sqlite-news: ${file} is missing: this package is built for Linux x64 ` +
      `(this is ${process.platform} ${process.arch}); build the extension from source with make`);
  }
  return file;
}

// node-sqlite3 queues its calls and answers through callbacks; better-sqlite3
// loads at once and throws on failure.
function isNodeSqlite3(db) {
  return typeof db.serialize === 'function' && typeof db.each === 'function';
}

function load(db, callback) {
  if (!db || typeof db.loadExtension !== 'function') {
    throw new TypeError('sqlite-news: load(db) takes a better-sqlite3 or node-sqlite3 Database ' +
      '(an object with a loadExtension method)');
  }
  const file = getLoadablePath();
  if (!isNodeSqlite3(db)) {
    db.loadExtension(file);
    return undefined;
  }
  if (callback) {
    db.loadExtension(file, callback);
    return undefined;
  }
  return new Promise((resolve, reject) => {
    db.loadExtension(file, (err) => (err ? reject(err) : resolve()));
  });
}

module.exports = { load, getLoadablePath };
