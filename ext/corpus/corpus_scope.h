/* The rows one ingest answers for (corpus_scope.c) and the ids it met
** (corpus_idset.c). */
#ifndef NW_CORPUS_SCOPE_H
#define NW_CORPUS_SCOPE_H
#include <stddef.h>
#include <stdint.h>

#include "news.h"

enum { CP_SCOPE_DIR = 1, CP_SCOPE_GLOB, CP_SCOPE_FILE };
typedef struct cp_scope {
  int kind;
  char *root;   /* the source as given (a folder without trailing '/') */
  char *prefix; /* every path in scope starts with it: the range to scan */
  char **skip;  /* what the walk could not read ("folder/" prefixes, files): their rows stay */
  size_t nskip, skip_cap;
} cp_scope;
int cp_scope_init(cp_scope *s, const char *source); /* 0 or -1 (OOM) */
void cp_scope_free(cp_scope *s);
/* Keep the rows under a folder the walk could not read, or of a file read
** in part: 0 or -1 (OOM). */
int cp_scope_skip(cp_scope *s, const char *path, int is_folder);
/* The file a row path names: its length without a JSON Lines "#N". */
size_t cp_file_part(const char *path);
/* Whether the file path[0..n) is one the walk of the source could list. */
int cp_scope_has(const cp_scope *s, const char *path, size_t n);
/* --shard I/N: a stable hash of the file path (FNV-1a), the same on every
** machine, so shards split the same way wherever they run. */
int cp_in_shard(const char *path, size_t n, int index, int count);

/* A set of article ids (a sparse bitmap: pages of 32768 ids in a hash
** table), for the rows an ingest met: ~4 KB per 32768 consecutive ids. */
typedef struct cp_idset {
  uint64_t *keys;
  uint64_t **pages;
  size_t cap, n;
} cp_idset;
int cp_idset_add(cp_idset *s, int64_t id); /* 0 or -1 (OOM) */
int cp_idset_has(const cp_idset *s, int64_t id);
void cp_idset_free(cp_idset *s);
#endif
