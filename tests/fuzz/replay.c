/* Replays the fuzz seed corpora and every saved finding (crash, hang) through
** the fuzz targets, in the ordinary builds: `make test` runs it as
** build/{rel,asan}/unit/test_fuzz_replay. A finding that crashes again fails
** the test run; tests/fuzz/regressions/<target>/ holds one file per finding.
**
** The targets are included here, each entry point renamed, so that one
** binary replays them all (their helpers are static and prefixed). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LLVMFuzzerTestOneInput fuzz_tokenize_one
#include "fuzz_tokenize.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_sql_one
#include "fuzz_sql.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_articles_one
#include "fuzz_articles.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_jsonl_one
#include "fuzz_jsonl.c"
#undef LLVMFuzzerTestOneInput

typedef int (*fuzz_fn)(const uint8_t *, size_t);

static int replay_file(const char *path, fuzz_fn fn) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  uint8_t *buf = NULL;
  size_t n = 0, cap = 0, k;
  uint8_t chunk[65536];
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (n + k > cap) {
      cap = (n + k) * 2;
      uint8_t *nb = realloc(buf, cap);
      if (!nb) abort();
      buf = nb;
    }
    memcpy(buf + n, chunk, k);
    n += k;
  }
  fclose(f);
  fn(buf ? buf : (const uint8_t *)"", n);
  free(buf);
  return 0;
}

/* Every regular file under dir (one level), each through fn. */
static int replay_dir(const char *dir, fuzz_fn fn) {
  DIR *d = opendir(dir);
  if (!d) return 0;
  struct dirent *e;
  int n = 0;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (replay_file(path, fn) == 0) n++;
  }
  closedir(d);
  return n;
}

int main(void) {
  static const struct {
    const char *name;
    fuzz_fn fn;
  } targets[] = {{"tokenize", fuzz_tokenize_one}, {"sql", fuzz_sql_one}, {"articles", fuzz_articles_one},
                 {"jsonl", fuzz_jsonl_one}};
  int total = 0;
  for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
    char dir[256];
    snprintf(dir, sizeof dir, "tests/fuzz/corpus/%s", targets[i].name);
    total += replay_dir(dir, targets[i].fn);
    snprintf(dir, sizeof dir, "tests/fuzz/regressions/%s", targets[i].name);
    total += replay_dir(dir, targets[i].fn);
  }
  /* Reaching here means no input crashed; each replayed input is one check. */
  printf("tests/fuzz/replay.c: %d passed, 0 failed\n", total);
  return 0;
}
