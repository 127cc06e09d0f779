/* Given names, honorifics and person nouns (person_words.h): maps over the
** compiled tables, built once per process. */
#include "person_words.h"

#include <string.h>

#include "hash.h"
#include "once.h"

static nw_strmap given, nouns;
static nw_once once = NW_ONCE_INIT;

/* At unload, and after a failed build (before the next use builds again). */
__attribute__((destructor)) static void free_maps_now(void) {
  nw_strmap_free(&given);
  nw_strmap_free(&nouns);
}

static int build_or_fail(void) {
  if (nw_strmap_init(&given, nw_given_names_count, 0) || nw_strmap_init(&nouns, nw_role_nouns_count * 2, 1)) return -1;
  for (size_t i = 0; i < nw_given_names_count; i++) {
    const char *name = nw_given_names[i].name;
    if (nw_strmap_put(&given, name, strlen(name), nw_given_names[i].gender)) return -1;
  }
  for (size_t i = 0; i < nw_role_nouns_count; i++) {
    const char *noun = nw_role_nouns[i].noun;
    if (nw_strmap_put(&nouns, noun, strlen(noun), (int32_t)i + 1)) return -1;
    for (const char *p = nw_role_nouns[i].written; *p;) {
      while (*p == ' ') p++;
      const char *e = p;
      while (*e && *e != ' ') e++;
      /* a form two offices share ("Dr.") stays with the first */
      if (e > p && nw_strmap_get(&nouns, p, (size_t)(e - p), 0) == 0 && nw_strmap_put(&nouns, p, (size_t)(e - p), (int32_t)i + 1))
        return -1;
      p = e;
    }
  }
  return 0;
}

int nw_person_words_ready(void) { return nw_once_try_undo(&once, build_or_fail, free_maps_now); }

int nw_given_name_gender(const char *w, size_t n) {
  return nw_person_words_ready() ? nw_strmap_get(&given, w, n, NW_GENDER_NONE) : NW_GENDER_NONE;
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

int nw_role_noun_index(const char *w, size_t n, int *gender) {
  int32_t k = nw_person_words_ready() ? nw_strmap_get(&nouns, w, n, 0) : 0;
  if (gender) *gender = k ? nw_role_nouns[k - 1].gender : NW_GENDER_NONE;
  return k;
}
