/* The run's summary as one JSON object (news_ingest's and news_analyze's
** result, the command's last line). */
#include "corpus_internal.h"

SQLITE_EXTENSION_INIT3

char *nw_corpus_summary_json(const nw_corpus_stats *st) {
  return sqlite3_mprintf("{\"added\":%lld,\"changed\":%lld,\"unchanged\":%lld,\"removed\":%lld,\"failed\":%lld,"
                         "\"analyzed\":%lld,\"files\":%lld,\"bytes\":%lld,\"seconds\":%.3f%s}",
                         (long long)st->added, (long long)st->changed, (long long)st->unchanged,
                         (long long)st->removed, (long long)st->failed, (long long)st->analyzed,
                         (long long)st->files_done, (long long)st->bytes_done, st->seconds,
                         st->stopped ? ",\"stopped\":true" : "");
}
