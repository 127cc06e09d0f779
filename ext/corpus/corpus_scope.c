/* Which stored rows a run over one source answers for: the rows of files
** the walk may list (so a file gone from the walk is removed), and the shard
** a path belongs to. The scope is decided by the text of the paths, never by
** the disk (a deleted folder's files must still be in scope). */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus_scope.h"
#include "hash.h"

int cp_scope_init(cp_scope *s, const char *source) {
  memset(s, 0, sizeof *s);
  struct stat st;
  size_t n = strlen(source);
  if (stat(source, &st) == 0 && S_ISDIR(st.st_mode)) {
    s->kind = CP_SCOPE_DIR;
    while (n > 1 && source[n - 1] == '/') n--;
    s->root = strndup(source, n);
    /* the walk joins names to the folder as given: "root/name" ("/name" at "/") */
    s->prefix = n == 1 && source[0] == '/' ? strdup("/") : malloc(n + 2);
    if (s->prefix && !(n == 1 && source[0] == '/')) {
      memcpy(s->prefix, source, n);
      s->prefix[n] = '/';
      s->prefix[n + 1] = 0;
    }
  } else if (strpbrk(source, "*?[")) {
    s->kind = CP_SCOPE_GLOB;
    s->root = strdup(source);
    s->prefix = strndup(source, strcspn(source, "*?["));
  } else {
    s->kind = CP_SCOPE_FILE;
    s->root = strdup(source);
    s->prefix = strdup(source);
  }
  if (!s->root || !s->prefix) {
    cp_scope_free(s);
    return -1;
  }
  return 0;
}

void cp_scope_free(cp_scope *s) {
  free(s->root);
  free(s->prefix);
  for (size_t i = 0; i < s->nskip; i++) free(s->skip[i]);
  free(s->skip);
  memset(s, 0, sizeof *s);
}

int cp_scope_skip(cp_scope *s, const char *path, int is_folder) {
  size_t n = strlen(path);
  char *p = malloc(n + 2);
  if (!p || nw_grow((void **)&s->skip, &s->skip_cap, s->nskip + 1, sizeof *s->skip)) {
    free(p);
    return -1;
  }
  memcpy(p, path, n);
  p[n] = is_folder ? '/' : 0;
  p[n + 1] = 0;
  s->skip[s->nskip++] = p;
  return 0;
}

size_t cp_file_part(const char *path) {
  size_t n = strlen(path);
  const char *hash = strrchr(path, '#');
  if (!hash || !hash[1]) return n;
  for (const char *d = hash + 1; *d; d++)
    if (*d < '0' || *d > '9') return n;
  /* "feed.jsonl#12": the record's file */
  size_t fl = (size_t)(hash - path);
  return fl >= 6 && !nw_ascii_ncasecmp(path + fl - 6, ".jsonl", 6) ? fl : n;
}

int cp_scope_has(const cp_scope *s, const char *path, size_t n) {
  char *file = strndup(path, n);
  if (!file) return 0;
  int in = 0;
  size_t pl = strlen(s->prefix);
  switch (s->kind) {
  case CP_SCOPE_DIR:
    in = strncmp(file, s->prefix, pl) == 0 && file[pl] != 0;
    break;
  case CP_SCOPE_FILE:
    in = strcmp(file, s->root) == 0;
    break;
  case CP_SCOPE_GLOB: {
    /* a match, or a file under a folder that is one (as the walk lists) */
    const int flags = FNM_PATHNAME | FNM_PERIOD;
    in = fnmatch(s->root, file, flags) == 0;
    for (char *p = strchr(file, '/'); p && !in; p = strchr(p + 1, '/')) {
      *p = 0;
      in = p > file && fnmatch(s->root, file, flags) == 0;
      *p = '/';
    }
    break;
  }
  }
  for (size_t i = 0; i < s->nskip && in; i++) {
    size_t sl = strlen(s->skip[i]);
    int folder = sl && s->skip[i][sl - 1] == '/';
    if (folder ? strncmp(file, s->skip[i], sl) == 0 : strcmp(file, s->skip[i]) == 0) in = 0;
  }
  free(file);
  return in;
}

int cp_in_shard(const char *path, size_t n, int index, int count) {
  if (count <= 0) return 1;
  return (int)(nw_hash(path, n) % (uint64_t)count) == index;
}
