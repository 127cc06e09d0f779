/* nw_corpus_ingest lands with the shared file reader (nw_file_reader). */
#include "corpus_internal.h"
SQLITE_EXTENSION_INIT3
int nw_corpus_ingest(sqlite3 *db, const char *source, const nw_corpus_opts *o, nw_corpus_stats *st, char **err) {
  (void)db, (void)source, (void)o, (void)st;
  *err = sqlite3_mprintf("not available in this build yet (it needs the shared file reader)");
  return SQLITE_ERROR;
}
