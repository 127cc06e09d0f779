/* The corpus tables (contract: API.md "Corpus"; include/news_corpus.h).
**
** Ids are AUTOINCREMENT: an id once given to a path is never given to
** another, even after the row is deleted. Two triggers keep the derived rows
** honest whoever edits articles:
**   - deleting an article deletes its mentions, quotes and dates;
**   - changing a body (without also setting analyzed_sha1 in the same
**     UPDATE, as the engine does) marks the row to analyse again.
** So "rows to analyse" is the indexed set analyzed_sha1 IS NULL, found
** without hashing every body on every run. */
#include "corpus_internal.h"

SQLITE_EXTENSION_INIT3

static const char schema_tables[] =
  "CREATE TABLE IF NOT EXISTS outlets("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, name TEXT);"
  "CREATE TABLE IF NOT EXISTS articles("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " path TEXT NOT NULL UNIQUE,"
  " outlet_id INTEGER REFERENCES outlets(id),"
  " url TEXT, title TEXT, byline TEXT,"
  " published TEXT,"    /* YYYY-MM-DD */
  " published_at TEXT," /* ISO 8601 with offset when known */
  " language TEXT, format TEXT, body TEXT,"
  " bytes INTEGER,"     /* the article's bytes in its file (a JSON Lines record's line) */
  " sha1 TEXT,"         /* of those raw bytes (of body for a row without a file) */
  " error TEXT,"
  " source TEXT,"       /* the outlet as the reader found it */
  " mtime INTEGER,"     /* the file's modification time (ns); NULL: a row without a file */
  " file_bytes INTEGER," /* the file's size, with mtime the quick unchanged test */
  " analyzed_sha1 TEXT);" /* sha1 of the body last analysed; NULL: to analyse */
  "CREATE TABLE IF NOT EXISTS entities("
  " id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, name TEXT, type TEXT,"
  " mentions INTEGER, articles INTEGER);"
  "CREATE TABLE IF NOT EXISTS mentions("
  " article_id INTEGER NOT NULL REFERENCES articles(id), entity_id INTEGER REFERENCES entities(id),"
  " start INTEGER, length INTEGER, sentence INTEGER, mention TEXT, type TEXT,"
  " canonical TEXT);" /* the entity's fullest name within the article */
  "CREATE TABLE IF NOT EXISTS quotes("
  " article_id INTEGER NOT NULL REFERENCES articles(id), start INTEGER, length INTEGER, quote TEXT,"
  " kind TEXT, cue TEXT, speaker_mention TEXT, speaker_start INTEGER, speaker_length INTEGER,"
  " speaker TEXT, speaker_type TEXT, speaker_entity_id INTEGER REFERENCES entities(id),"
  " speaker_key TEXT, sentence INTEGER);"
  "CREATE TABLE IF NOT EXISTS dates("
  " article_id INTEGER NOT NULL REFERENCES articles(id), start INTEGER, length INTEGER,"
  " mention TEXT, type TEXT, value TEXT);";

/* Created after the columns are checked (they name them). Each index costs
** the one writer time on every row, so only those the engine's lookups and
** the usual joins need (by article, by entity, by speaker key). */
static const char schema_indexes[] =
  "CREATE INDEX IF NOT EXISTS articles_pending ON articles(id) WHERE analyzed_sha1 IS NULL;"
  "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet_id);"
  "CREATE INDEX IF NOT EXISTS articles_source ON articles(source);"
  "CREATE INDEX IF NOT EXISTS articles_published ON articles(published);"
  "CREATE INDEX IF NOT EXISTS entities_type ON entities(type);"
  "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id, canonical);"
  "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);"
  "CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);"
  "CREATE INDEX IF NOT EXISTS quotes_speaker_key ON quotes(speaker_key);"
  "CREATE INDEX IF NOT EXISTS dates_article ON dates(article_id);"
  "CREATE TRIGGER IF NOT EXISTS articles_delete AFTER DELETE ON articles BEGIN"
  " DELETE FROM mentions WHERE article_id = old.id;"
  " DELETE FROM quotes WHERE article_id = old.id;"
  " DELETE FROM dates WHERE article_id = old.id;"
  " END;"
  "CREATE TRIGGER IF NOT EXISTS articles_body_changed AFTER UPDATE OF body ON articles"
  " WHEN old.body IS NOT new.body AND new.analyzed_sha1 IS old.analyzed_sha1 BEGIN"
  " UPDATE articles SET analyzed_sha1 = NULL WHERE id = new.id;"
  " END;";

/* Columns the engine needs in articles, for a table a user created with
** only some of them (path, body, published): added when missing. */
static const char *const article_columns[][2] = {
  {"outlet_id", "INTEGER"}, {"url", "TEXT"},    {"title", "TEXT"},         {"byline", "TEXT"},
  {"published", "TEXT"},    {"published_at", "TEXT"}, {"language", "TEXT"}, {"format", "TEXT"},
  {"body", "TEXT"},         {"bytes", "INTEGER"}, {"sha1", "TEXT"},        {"error", "TEXT"},
  {"source", "TEXT"},       {"mtime", "INTEGER"}, {"file_bytes", "INTEGER"}, {"analyzed_sha1", "TEXT"},
};
enum { N_ARTICLE_COLUMNS = sizeof article_columns / sizeof article_columns[0] };

static int add_missing_columns(sqlite3 *db, char **err) {
  int have[N_ARTICLE_COLUMNS] = {0}, has_path = 0, has_id = 0;
  sqlite3_stmt *st = NULL;
  int rc = cp_prepare(db, "SELECT name FROM pragma_table_info('articles')", &st, err);
  int step = SQLITE_DONE;
  while (rc == SQLITE_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    if (!name) {
      step = SQLITE_NOMEM; /* a column name is never NULL otherwise */
      break;
    }
    has_path |= !sqlite3_stricmp(name, "path");
    has_id |= !sqlite3_stricmp(name, "id");
    for (int i = 0; i < N_ARTICLE_COLUMNS; i++) have[i] |= !sqlite3_stricmp(name, article_columns[i][0]);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_OK) return rc;
  if (step != SQLITE_DONE) { /* a failed read is no missing column */
    *err = sqlite3_mprintf("cannot read the articles table's columns: %s", sqlite3_errstr(step));
    return step == SQLITE_ROW ? SQLITE_ERROR : step;
  }
  if (!has_path || !has_id) {
    *err = sqlite3_mprintf("the articles table has no %s column (it needs id INTEGER PRIMARY KEY and path TEXT UNIQUE)",
                           has_id ? "path" : "id");
    return SQLITE_ERROR;
  }
  for (int i = 0; i < N_ARTICLE_COLUMNS && rc == SQLITE_OK; i++) {
    if (have[i]) continue;
    char *sql = sqlite3_mprintf("ALTER TABLE articles ADD COLUMN %s %s", article_columns[i][0], article_columns[i][1]);
    rc = sql ? cp_exec(db, sql, err) : SQLITE_NOMEM;
    sqlite3_free(sql);
  }
  return rc;
}

int nw_corpus_schema(sqlite3 *db, char **err) {
  /* Already there (the usual case): no write, so a read-only database can
  ** still be queried and a busy one is not locked for nothing. */
  sqlite3_stmt *st = NULL;
  int have = 0, columns = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT (SELECT count(*) FROM sqlite_schema WHERE name IN ('articles','outlets','entities',"
                         "'mentions','quotes','dates','articles_delete','articles_body_changed','articles_pending')),"
                         " (SELECT count(*) FROM pragma_table_info('articles'))",
                         -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    have = sqlite3_column_int(st, 0);
    columns = sqlite3_column_int(st, 1);
  }
  sqlite3_finalize(st);
  if (have == 9 && columns >= N_ARTICLE_COLUMNS + 2) return SQLITE_OK;
  int rc = cp_exec(db, "SAVEPOINT nw_schema", err);
  if (rc == SQLITE_OK) rc = cp_exec(db, schema_tables, err);
  if (rc == SQLITE_OK) rc = add_missing_columns(db, err);
  if (rc == SQLITE_OK) rc = cp_exec(db, schema_indexes, err);
  if (rc == SQLITE_OK) return cp_exec(db, "RELEASE nw_schema", err);
  sqlite3_exec(db, "ROLLBACK TO nw_schema; RELEASE nw_schema", NULL, NULL, NULL);
  return rc;
}
