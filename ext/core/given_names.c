/* Genders of given names and honorifics (given_names.h): a map over the
** compiled table, built once per process. */
#include "given_names.h"

#include <pthread.h>
#include <string.h>

#include "hash.h"

static nw_strmap given;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int ready;

static void build(void) {
  if (nw_strmap_init(&given, nw_given_names_count, 0)) return;
  for (size_t i = 0; i < nw_given_names_count; i++) {
    const char *name = nw_given_names[i].name;
    if (nw_strmap_put(&given, name, strlen(name), nw_given_names[i].gender)) return;
  }
  ready = 1;
}

int nw_given_name_gender(const char *w, size_t n) {
  pthread_once(&once, build);
  return ready ? nw_strmap_get(&given, w, n, NW_GENDER_NONE) : NW_GENDER_NONE;
}

int nw_honorific_gender(const char *w, size_t n) {
  /* a closed class, like the pronouns: not a list to grow */
  static const char *const male[] = {"Mr", "Mister", "Sir", "Monsieur", "Lord", "Herr", "Senor"};
  static const char *const female[] = {"Mrs", "Ms", "Miss", "Madam", "Madame", "Mme", "Dame", "Lady", "Frau", "Senora"};
  if (n && w[n - 1] == '.') n--;
  for (size_t i = 0; i < sizeof male / sizeof male[0]; i++)
    if (strlen(male[i]) == n && memcmp(male[i], w, n) == 0) return NW_GENDER_MALE;
  for (size_t i = 0; i < sizeof female / sizeof female[0]; i++)
    if (strlen(female[i]) == n && memcmp(female[i], w, n) == 0) return NW_GENDER_FEMALE;
  return NW_GENDER_NONE;
}

__attribute__((destructor)) static void free_given(void) { nw_strmap_free(&given); }
