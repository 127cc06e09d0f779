/* FNV-1a hashing and a read-mostly string map (open addressing), shared by
** every module that looks words up in data tables. Build once, then only look up. */
#ifndef NW_HASH_H
#define NW_HASH_H
#include <stddef.h>
#include <stdint.h>

uint64_t nw_hash(const void *p, size_t n);
/* Hash of the ASCII-lowercased bytes (other bytes as is). */
uint64_t nw_hash_lower(const void *p, size_t n);

typedef struct nw_strmap_entry {
  const char *key; /* not owned unless the map was told to copy */
  uint32_t klen;
  int32_t value;
} nw_strmap_entry;

typedef struct nw_strmap {
  nw_strmap_entry *slots;
  size_t cap, count;  /* cap is a power of two */
  int nocase;         /* ASCII case-insensitive keys */
} nw_strmap;

int nw_strmap_init(nw_strmap *m, size_t expected, int nocase);
/* Insert or overwrite. The key memory must outlive the map. 0 or -1 (OOM). */
int nw_strmap_put(nw_strmap *m, const char *key, size_t klen, int32_t value);
/* Value for key, or dflt when absent. */
int32_t nw_strmap_get(const nw_strmap *m, const char *key, size_t klen, int32_t dflt);
void nw_strmap_free(nw_strmap *m);
#endif
