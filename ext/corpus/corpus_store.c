/* The writer's side of the analysis: an article's old mentions, quotes and
** dates replaced by the new ones, and the row marked analysed, in the open
** batch transaction (so an article is either wholly analysed or pending). */
#include <string.h>

#include "corpus_internal.h"

SQLITE_EXTENSION_INIT3

#define ANALYSIS_FAILED "analysis failed: text too large or out of memory"

int cp_store_prepare(sqlite3 *db, cp_store *s, char **err) {
  memset(s, 0, sizeof *s);
  /* The article's stored names go too (replaced by the analysis's own when it has them). */
  const char *del[4] = {"DELETE FROM mentions WHERE article_id = ?1", "DELETE FROM quotes WHERE article_id = ?1",
                        "DELETE FROM dates WHERE article_id = ?1", "DELETE FROM article_names WHERE article_id = ?1"};
  int rc = SQLITE_OK;
  for (int i = 0; i < 4 && rc == SQLITE_OK; i++) rc = cp_prepare(db, del[i], &s->del[i], err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db,
                    "INSERT INTO mentions(article_id, start, length, sentence, mention, type, canonical, entity_id)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    &s->ins_mention, err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db,
                    "INSERT INTO quotes(article_id, start, length, quote, kind, cue, speaker_mention, speaker_start,"
                    " speaker_length, speaker, speaker_type, sentence, speaker_entity_id, speaker_key)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                    &s->ins_quote, err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db,
                    "INSERT INTO dates(article_id, start, length, mention, type, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    &s->ins_date, err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db, "INSERT OR REPLACE INTO article_names(article_id, names) VALUES (?1, ?2)", &s->ins_names, err);
  if (rc == SQLITE_OK)
    rc = cp_prepare(db,
                    "UPDATE articles SET analyzed_sha1 = ?2, sha1 = CASE WHEN mtime IS NULL THEN ?2 ELSE sha1 END,"
                    " error = CASE WHEN ?3 IS NOT NULL THEN ?3 WHEN error = '" ANALYSIS_FAILED "' THEN NULL"
                    " ELSE error END WHERE id = ?1",
                    &s->mark, err);
  if (rc == SQLITE_OK) rc = cp_prepare(db, "SELECT body FROM articles WHERE id = ?1", &s->check, err);
  if (rc != SQLITE_OK) cp_store_finalize(s);
  return rc;
}

void cp_store_finalize(cp_store *s) {
  sqlite3_stmt *all[] = {s->del[0], s->del[1],  s->del[2],   s->del[3], s->ins_mention,
                         s->ins_quote, s->ins_date, s->ins_names, s->mark, s->check};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) sqlite3_finalize(all[i]);
  cp_hints_free(s->hints);
  cp_hinted_free(&s->hinted);
  memset(s, 0, sizeof *s);
}

/* Run a bound statement to its end and reset it. */
static int run(sqlite3 *db, sqlite3_stmt *st, char **err) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc == SQLITE_DONE) return SQLITE_OK;
  if (!*err) *err = cp_db_error(db, "cannot store the analysis");
  return rc == SQLITE_ROW ? SQLITE_ERROR : rc;
}

static void bind_span(sqlite3_stmt *st, int col, const char *body, uint32_t b0, uint32_t b1) {
  sqlite3_bind_text(st, col, body + b0, (int)(b1 - b0), SQLITE_STATIC);
}

static void bind_opt_id(sqlite3_stmt *st, int col, const int64_t *ids, size_t i) {
  if (ids && ids[i] >= 0) sqlite3_bind_int64(st, col, ids[i]);
  else sqlite3_bind_null(st, col);
}

static int store_mentions(sqlite3 *db, cp_store *s, int64_t id, const char *body, const cp_analysis *a, char **err) {
  sqlite3_stmt *st = s->ins_mention;
  const int64_t *ids = s->hinted.ready ? s->hinted.mention_id : NULL;
  int rc = SQLITE_OK;
  sqlite3_bind_int64(st, 1, id);
  for (size_t i = 0; i < a->nm && rc == SQLITE_OK; i++) {
    const cp_mention *m = &a->m[i];
    sqlite3_bind_int64(st, 2, m->start);
    sqlite3_bind_int64(st, 3, m->length);
    sqlite3_bind_int64(st, 4, m->sentence);
    bind_span(st, 5, body, m->b0, m->b1);
    sqlite3_bind_text(st, 6, nw_ent_type_name(m->type), -1, SQLITE_STATIC);
    bind_span(st, 7, body, m->c0, m->c1);
    bind_opt_id(st, 8, ids, i);
    rc = run(db, st, err);
  }
  return rc;
}

static int store_quotes(sqlite3 *db, cp_store *s, int64_t id, const char *body, const cp_analysis *a, char **err) {
  sqlite3_stmt *st = s->ins_quote;
  const cp_hinted *h = s->hinted.ready ? &s->hinted : NULL;
  int rc = SQLITE_OK;
  sqlite3_bind_int64(st, 1, id);
  for (size_t i = 0; i < a->nq && rc == SQLITE_OK; i++) {
    const cp_quote *q = &a->q[i];
    sqlite3_bind_int64(st, 2, q->start);
    sqlite3_bind_int64(st, 3, q->length);
    bind_span(st, 4, body, q->b0, q->b1);
    sqlite3_bind_text(st, 5, q->kind == NW_QUOTE_SCARE ? "scare" : "direct", -1, SQLITE_STATIC);
    if (q->has_cue) bind_span(st, 6, body, q->cue0, q->cue1);
    else sqlite3_bind_null(st, 6);
    for (int c = 7; c <= 11; c++) sqlite3_bind_null(st, c);
    if (q->spk_start) {
      bind_span(st, 7, body, q->spk0, q->spk1);
      sqlite3_bind_int64(st, 8, q->spk_start);
      sqlite3_bind_int64(st, 9, q->spk_length);
      if (q->name_len) sqlite3_bind_text(st, 10, a->names.data + q->name_off, (int)q->name_len, SQLITE_STATIC);
      if (nw_speaker_type_name(q->spk_type)) sqlite3_bind_text(st, 11, nw_speaker_type_name(q->spk_type), -1, SQLITE_STATIC);
    }
    if (q->sentence) sqlite3_bind_int64(st, 12, q->sentence);
    else sqlite3_bind_null(st, 12);
    bind_opt_id(st, 13, h ? h->quote_id : NULL, i);
    if (h && h->key_span[i][1]) sqlite3_bind_text(st, 14, h->keys.data + h->key_span[i][0], (int)h->key_span[i][1], SQLITE_STATIC);
    else sqlite3_bind_null(st, 14);
    rc = run(db, st, err);
  }
  return rc;
}

static int store_dates(sqlite3 *db, cp_store *s, int64_t id, const char *body, const cp_analysis *a, char **err) {
  sqlite3_stmt *st = s->ins_date;
  int rc = SQLITE_OK;
  sqlite3_bind_int64(st, 1, id);
  for (size_t i = 0; i < a->nd && rc == SQLITE_OK; i++) {
    const cp_date *d = &a->d[i];
    sqlite3_bind_int64(st, 2, d->start);
    sqlite3_bind_int64(st, 3, d->length);
    bind_span(st, 4, body, d->b0, d->b1);
    sqlite3_bind_text(st, 5, nw_timex_type_name(d->type), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, d->value, -1, SQLITE_STATIC);
    rc = run(db, st, err);
  }
  return rc;
}

int cp_store_analysis(sqlite3 *db, cp_store *s, int64_t id, int fresh, const char *body, const cp_analysis *a,
                      const char *body_sha1, char **err) {
  int rc = SQLITE_OK;
  for (int i = 0; i < 4 && rc == SQLITE_OK && !fresh; i++) {
    sqlite3_bind_int64(s->del[i], 1, id);
    rc = run(db, s->del[i], err);
  }
  if (rc == SQLITE_OK) rc = cp_hints_apply(db, &s->hints, s->hint_after, id, body, a, &s->hinted, err);
  if (rc == SQLITE_OK) rc = store_mentions(db, s, id, body, a, err);
  if (rc == SQLITE_OK) rc = store_quotes(db, s, id, body, a, err);
  if (rc == SQLITE_OK) rc = store_dates(db, s, id, body, a, err);
  if (rc == SQLITE_OK && a->link_names.len) { /* the linker's names, computed with the analysis */
    const nw_buf *names = s->hinted.ready ? &s->hinted.blob : &a->link_names;
    sqlite3_bind_int64(s->ins_names, 1, id);
    sqlite3_bind_blob(s->ins_names, 2, names->data, (int)names->len, SQLITE_STATIC);
    rc = run(db, s->ins_names, err);
  }
  if (rc == SQLITE_OK) {
    sqlite3_bind_int64(s->mark, 1, id);
    sqlite3_bind_text(s->mark, 2, body_sha1, -1, SQLITE_STATIC);
    if (a->failed) sqlite3_bind_text(s->mark, 3, ANALYSIS_FAILED, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s->mark, 3);
    rc = run(db, s->mark, err);
  }
  sqlite3_stmt *all[] = {s->ins_mention, s->ins_quote, s->ins_date, s->ins_names, s->mark};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) sqlite3_clear_bindings(all[i]); /* no pointer into body kept */
  return rc;
}

int cp_store_body_is(sqlite3 *db, cp_store *s, int64_t id, const char *body, size_t len, char **err) {
  sqlite3_bind_int64(s->check, 1, id);
  int rc = sqlite3_step(s->check), same = 0;
  if (rc == SQLITE_ROW) {
    const void *b = sqlite3_column_type(s->check, 0) == SQLITE_NULL ? NULL : sqlite3_column_blob(s->check, 0);
    size_t n = (size_t)sqlite3_column_bytes(s->check, 0);
    same = n == len && (n == 0 || (b && memcmp(b, body, n) == 0));
    rc = SQLITE_DONE;
  }
  sqlite3_reset(s->check);
  if (rc != SQLITE_DONE) {
    *err = cp_db_error(db, "cannot read the corpus tables");
    return -1;
  }
  return same;
}
