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

int nw_model_stamp_line(nw_buf *out, const char *model, const char *trained, const char *now, const char *retrain) {
  char line[256];
  int n = strcmp(trained, now) == 0
              ? snprintf(line, sizeof line, "%s model: fresh (data %s)\n", model, now)
              : snprintf(line, sizeof line, "%s model: stale: trained with data %s, data now %s (retrain: %s)\n", model,
                         *trained ? trained : "unknown", now, retrain);
  return nw_buf_append(out, line, n > 0 && (size_t)n < sizeof line ? (size_t)n : 0);
}
