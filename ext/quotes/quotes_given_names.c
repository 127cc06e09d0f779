/* Given names that say a person's gender, so that "he" and "she" find the
** right antecedent ("Josh Hendler … he wrote", never "Hillary Clinton …
** he"): data/quotes/given_names.tsv, looked up through a map built once. */
#include <pthread.h>
#include <string.h>

#include "hash.h"
#include "quotes_internal.h"

static nw_strmap given;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int ready;

static void build(void) {
  if (nw_strmap_init(&given, qx_given_names_count, 0)) return;
  for (size_t i = 0; i < qx_given_names_count; i++) {
    const char *name = qx_given_names[i].name;
    if (nw_strmap_put(&given, name, strlen(name), qx_given_names[i].gender)) return;
  }
  ready = 1;
}

int qx_given_name_gender(const char *w, size_t n) {
  pthread_once(&once, build);
  return ready ? nw_strmap_get(&given, w, n, 0) : 0;
}

__attribute__((destructor)) static void free_given(void) { nw_strmap_free(&given); }
