/* The outlets table: one key per outlet, whatever each article gives (the
** clues and their order: ext/identity/outlet_guess.h). Then, across the
** corpus, an outlet known only by name takes the domain that other articles
** give the same name; an outlet's name is the known list's, else the one its
** articles give most often, else its key.
**
** The user's mapping lives in the table outlet_map(pattern, outlet), so every
** relink applies it: nw_corpus_outlet_map() fills it from a file
** (news_analyze('{"outlets": "map.tsv"}')), or a user inserts rows. */
#include <stdlib.h>
#include <string.h>

#include "../identity/outlet_guess.h"
#include "corpus_internal.h"
#include "hash.h"

SQLITE_EXTENSION_INIT3

int cp_link_outlets(sqlite3 *db, char **err);


static const char outlet_map_table[] = "CREATE TABLE IF NOT EXISTS outlet_map(pattern TEXT NOT NULL, outlet TEXT NOT NULL);";

int nw_corpus_outlet_map(sqlite3 *db, const char *file, char **err) {
  char *ferr = NULL;
  nw_outlet_map *m = nw_outlet_map_load(file, &ferr);
  if (!m) {
    *err = sqlite3_mprintf("%s", ferr ? ferr : "out of memory");
    free(ferr);
    return SQLITE_ERROR;
  }
  sqlite3_stmt *ins = NULL;
  int rc = cp_exec(db, "SAVEPOINT nw_outlet_map", err);
  if (rc == SQLITE_OK) rc = cp_exec(db, outlet_map_table, err);
  if (rc == SQLITE_OK) rc = cp_exec(db, "DELETE FROM outlet_map", err);
  if (rc == SQLITE_OK) rc = cp_prepare(db, "INSERT INTO outlet_map(pattern, outlet) VALUES (?1, ?2)", &ins, err);
  for (size_t i = 0; rc == SQLITE_OK && i < nw_outlet_map_size(m); i++) {
    const char *p, *o;
    nw_outlet_map_get(m, i, &p, &o);
    sqlite3_bind_text(ins, 1, p, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 2, o, -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) rc = SQLITE_ERROR, *err = cp_db_error(db, "cannot store the outlet mapping");
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  nw_outlet_map_free(m);
  if (rc == SQLITE_OK) return cp_exec(db, "RELEASE nw_outlet_map", err);
  sqlite3_exec(db, "ROLLBACK TO nw_outlet_map; RELEASE nw_outlet_map", NULL, NULL, NULL);
  return rc;
}

/* The user's mapping from outlet_map, or NULL when there is none. */
static int load_map(sqlite3 *db, nw_outlet_map **out, char **err) {
  *out = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT pattern, outlet FROM outlet_map ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
    return SQLITE_OK; /* no such table: no mapping */
  int rc = SQLITE_OK;
  nw_outlet_map *m = nw_outlet_map_new();
  if (!m) rc = SQLITE_NOMEM;
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const char *p = (const char *)sqlite3_column_text(st, 0), *o = (const char *)sqlite3_column_text(st, 1);
    if (p && o && nw_outlet_map_add(m, p, o)) rc = SQLITE_NOMEM;
  }
  rc = cp_finish(db, st, rc, "cannot read outlet_map", err);
  if (rc != SQLITE_OK) {
    nw_outlet_map_free(m);
    if (!*err) *err = sqlite3_mprintf("out of memory");
    return rc;
  }
  *out = m;
  return SQLITE_OK;
}

typedef struct guessed {
  int64_t article;
  nw_outlet o;
} guessed;

/* Each article's guess; name-only keys then joined to a domain that another
** article gives under the same name. */
static int guess_all(sqlite3 *db, const nw_outlet_map *m, guessed **out, size_t *count, char **err) {
  sqlite3_stmt *st = NULL;
  guessed *v = NULL;
  size_t n = 0, cap = 0;
  int rc = cp_prepare(db, "SELECT id, path, url, source, byline FROM articles ORDER BY id", &st, err);
  while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    nw_outlet_clues c = {(const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
                         (const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4)};
    if (nw_grow((void **)&v, &cap, n + 1, sizeof *v) || nw_outlet_guess(&c, m, &v[n].o)) {
      rc = SQLITE_NOMEM;
      break;
    }
    v[n++].article = sqlite3_column_int64(st, 0);
  }
  rc = cp_finish(db, st, rc, "cannot read the articles' outlet clues", err);
  nw_strmap domain_of; /* the name key of a domain outlet's name -> its guess */
  char **name_keys = calloc(n ? n : 1, sizeof *name_keys);
  if (rc == SQLITE_OK && (!name_keys || nw_strmap_init(&domain_of, n, 0))) rc = SQLITE_NOMEM;
  else if (rc == SQLITE_OK) {
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
      if (!v[i].o.has_domain || !v[i].o.name) continue;
      if (!(name_keys[i] = nw_outlet_name_key(v[i].o.name))) rc = SQLITE_NOMEM;
      else if (nw_strmap_get(&domain_of, name_keys[i], strlen(name_keys[i]), -1) < 0 &&
               nw_strmap_put(&domain_of, name_keys[i], strlen(name_keys[i]), (int32_t)i))
        rc = SQLITE_NOMEM;
    }
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
      if (!v[i].o.key || v[i].o.has_domain) continue;
      int32_t d = nw_strmap_get(&domain_of, v[i].o.key, strlen(v[i].o.key), -1);
      if (d < 0) continue;
      char *key = strdup(v[d].o.key);
      if (!key) { rc = SQLITE_NOMEM; break; }
      free(v[i].o.key);
      v[i].o.key = key;
      v[i].o.has_domain = 1;
    }
    nw_strmap_free(&domain_of);
  }
  for (size_t i = 0; name_keys && i < n; i++) free(name_keys[i]);
  free(name_keys);
  if (rc == SQLITE_NOMEM && !*err) *err = sqlite3_mprintf("out of memory");
  *out = v;
  *count = n;
  return rc;
}

int cp_link_outlets(sqlite3 *db, char **err) {
  nw_outlet_map *m = NULL;
  guessed *v = NULL;
  size_t n = 0;
  int rc = load_map(db, &m, err);
  if (rc == SQLITE_OK) rc = guess_all(db, m, &v, &n, err);
  if (rc == SQLITE_OK)
    rc = cp_exec(db,
                 "DROP TABLE IF EXISTS temp.nw_link_outlets;"
                 "CREATE TEMP TABLE nw_link_outlets(article_id INTEGER PRIMARY KEY, key TEXT, name TEXT, known INTEGER);",
                 err);
  sqlite3_stmt *ins = NULL;
  if (rc == SQLITE_OK) rc = cp_prepare(db, "INSERT INTO temp.nw_link_outlets VALUES (?1, ?2, ?3, ?4)", &ins, err);
  for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
    if (!v[i].o.key) continue;
    const char *kname, *kdomain;
    int known = v[i].o.has_domain && nw_outlet_known(v[i].o.key, strlen(v[i].o.key), &kname, &kdomain);
    sqlite3_bind_int64(ins, 1, v[i].article);
    sqlite3_bind_text(ins, 2, v[i].o.key, -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, known ? kname : v[i].o.name, -1, SQLITE_STATIC);
    sqlite3_bind_int(ins, 4, known);
    if (sqlite3_step(ins) != SQLITE_DONE) rc = SQLITE_ERROR, *err = cp_db_error(db, "cannot link outlets");
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  for (size_t i = 0; i < n; i++) nw_outlet_clear(&v[i].o);
  free(v);
  nw_outlet_map_free(m);
  /* A key's name: the known list's, else its articles' most frequent, else the key. */
  if (rc == SQLITE_OK)
    rc = cp_exec(db,
                 "INSERT INTO outlets(key, name)"
                 " SELECT key, coalesce((SELECT name FROM temp.nw_link_outlets AS b WHERE b.key = a.key AND b.name IS NOT NULL"
                 "   GROUP BY name ORDER BY max(known) DESC, count(*) DESC, name LIMIT 1), key)"
                 " FROM temp.nw_link_outlets AS a GROUP BY key"
                 " ON CONFLICT(key) DO UPDATE SET name = excluded.name WHERE name IS NOT excluded.name;"
                 "UPDATE articles SET outlet_id = o.id FROM temp.nw_link_outlets AS t JOIN outlets AS o ON o.key = t.key"
                 " WHERE t.article_id = articles.id AND articles.outlet_id IS NOT o.id;"
                 "UPDATE articles SET outlet_id = NULL WHERE outlet_id IS NOT NULL"
                 " AND id NOT IN (SELECT article_id FROM temp.nw_link_outlets);"
                 "DELETE FROM outlets WHERE id NOT IN (SELECT outlet_id FROM articles WHERE outlet_id IS NOT NULL);"
                 "DROP TABLE temp.nw_link_outlets;",
                 err);
  return rc;
}
