/* Given names that say a person's gender, so that "he" and "she" find the
** right antecedent ("Josh Hendler … he wrote", never "Hillary Clinton …
** he"): data/quotes/given_names.tsv, looked up through a map built once. */
#include <string.h>

#include "hash.h"
#include "once.h"
#include "quotes_internal.h"

static nw_strmap given;
static nw_once once = NW_ONCE_INIT;

/* A failed build frees what it made: the next use builds again. */
static int build(void) {
  if (nw_strmap_init(&given, qx_given_names_count, 0)) return -1;
  for (size_t i = 0; i < qx_given_names_count; i++) {
    const char *name = qx_given_names[i].name;
    if (nw_strmap_put(&given, name, strlen(name), qx_given_names[i].gender)) {
      nw_strmap_free(&given);
      return -1;
    }
  }
  return 0;
}

int qx_given_names_ready(void) { return nw_once_try(&once, build); }

int qx_given_name_gender(const char *w, size_t n) { return qx_given_names_ready() ? nw_strmap_get(&given, w, n, 0) : 0; }

__attribute__((destructor)) static void free_given(void) { nw_strmap_free(&given); }
