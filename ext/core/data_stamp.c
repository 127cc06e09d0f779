/* Data stamps of the models (see data_stamp.h). */
#include "data_stamp.h"

#include <stdio.h>
#include <string.h>

#include "hash.h"

/* The hashes as text, hashed, so that a stamp is the same on every platform. */
void nw_data_stamp(const uint64_t *hashes, size_t n, char out[NW_STAMP_LEN + 1]) {
  char hex[8 * NW_STAMP_LEN + 1];
  size_t len = 0;
  for (size_t i = 0; i < n && len + NW_STAMP_LEN < sizeof hex; i++)
    len += (size_t)snprintf(hex + len, sizeof hex - len, "%016llx", (unsigned long long)hashes[i]);
  snprintf(out, NW_STAMP_LEN + 1, "%016llx", (unsigned long long)nw_hash(hex, len));
}

void nw_model_stamp_set(nw_model_stamp *s, const char *trained, const uint64_t *hashes, size_t n) {
  snprintf(s->trained, sizeof s->trained, "%s", trained ? trained : "");
  nw_data_stamp(hashes, n, s->now);
  s->fresh = strcmp(s->trained, s->now) == 0;
}
