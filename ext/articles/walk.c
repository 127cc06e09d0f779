/* Finding the article files under a root: a folder (recursive, names in byte
** order so every scan lists the same files in the same order), a glob
** pattern, or one file. Only one directory listing per level is held, so
** memory grows with the folder depth and width, never with the corpus size.
** Symbolic links are followed, but a folder already entered in this scan (a
** link loop, or a second link to it) is not entered again; with links
** refused (confine.c) a link below the root is listed as it is, and reading
** it gives the error row. When reads are confined, the root and every folder
** opened must lie under an allowed root (confine.c). A folder that
** cannot be read, or is nested too deep, is reported (an error row), never
** dropped in silence. */
#include "reader.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 64

typedef struct frame {
  char *dir;     /* path of the folder, as the user would write it */
  char **names;  /* sorted entries */
  size_t n, next;
} frame;

struct nw_walk {
  glob_t g;
  int have_glob;
  char *single; /* a root that is one file */
  size_t next_root;
  size_t nroots;
  frame stack[MAX_DEPTH];
  int depth;
  char *cur; /* the path last returned */
  /* folders entered in this scan: open-addressing set of (dev, ino) */
  struct dir_id {
    dev_t dev;
    ino_t ino;
    int used;
  } *seen;
  size_t seen_cap, seen_n;
  char *pending_path; /* a folder error waiting to be returned */
  const char *pending_error;
  char why[160]; /* its text */
};

/* stat of an entry below the root: the link itself when links are not followed. */
static int walk_stat(const char *path, struct stat *st) { return nw_confine_no_links() ? lstat(path, st) : stat(path, st); }

/* A file a folder scan lists: a known extension, or none at all (sniffed). */
static int listed(const char *name) {
  const char *dot = strrchr(name, '.');
  return !dot || nw_format_of_path(name) != NW_FMT_NONE;
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void frame_free(frame *f) {
  for (size_t i = 0; i < f->n; i++) free(f->names[i]);
  free(f->names);
  free(f->dir);
  memset(f, 0, sizeof *f);
}

static char *join(const char *dir, const char *name) {
  size_t dl = strlen(dir), nl = strlen(name);
  while (dl > 1 && dir[dl - 1] == '/') dl--;
  char *p = malloc(dl + nl + 2);
  if (!p) return NULL;
  memcpy(p, dir, dl);
  size_t k = dl;
  if (!(dl == 1 && dir[0] == '/')) p[k++] = '/';
  memcpy(p + k, name, nl + 1);
  return p;
}

static size_t id_slot(const struct dir_id *t, size_t cap, dev_t dev, ino_t ino) {
  size_t h = ((size_t)ino * 0x9E3779B97F4A7C15u) ^ (size_t)dev;
  size_t i = h & (cap - 1);
  while (t[i].used && !(t[i].dev == dev && t[i].ino == ino)) i = (i + 1) & (cap - 1);
  return i;
}

/* Mark a folder entered: 1 when it was new, 0 when already seen, -1 OOM. */
static int mark_seen(nw_walk *w, dev_t dev, ino_t ino) {
  if (2 * (w->seen_n + 1) > w->seen_cap) {
    size_t cap = w->seen_cap ? 2 * w->seen_cap : 64;
    struct dir_id *t = calloc(cap, sizeof *t);
    if (!t) return -1;
    for (size_t i = 0; i < w->seen_cap; i++)
      if (w->seen[i].used) t[id_slot(t, cap, w->seen[i].dev, w->seen[i].ino)] = w->seen[i];
    free(w->seen);
    w->seen = t;
    w->seen_cap = cap;
  }
  size_t i = id_slot(w->seen, w->seen_cap, dev, ino);
  if (w->seen[i].used) return 0;
  w->seen[i] = (struct dir_id){dev, ino, 1};
  w->seen_n++;
  return 1;
}

/* Push a folder (st: its stat). 0, 1 when skipped (already entered), 2 when
** it cannot be entered (*why says why), -1 OOM. */
static int push_dir(nw_walk *w, const char *path, const struct stat *st, const char **why) {
  int fresh = mark_seen(w, st->st_dev, st->st_ino);
  if (fresh <= 0) return fresh < 0 ? -1 : 1;
  if (w->depth >= MAX_DEPTH) {
    *why = "nested too deep";
    return 2;
  }
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOCTTY | O_CLOEXEC);
  if (fd >= 0 && nw_confine_fd(fd, path, why)) {
    close(fd);
    return 2;
  }
  struct stat opened;
  if (fd >= 0 && (fstat(fd, &opened) != 0 || opened.st_dev != st->st_dev || opened.st_ino != st->st_ino)) {
    close(fd);
    *why = "folder replaced while it was scanned";
    return 2;
  }
  DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
  if (!d) {
    int e = errno;
    if (fd >= 0) close(fd);
    snprintf(w->why, sizeof w->why, "cannot read folder: %s", nw_strerror(e));
    *why = w->why;
    return 2;
  }
  frame f = {0};
  size_t cap = 0;
  int rc = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue; /* ., .. and hidden files */
    if (nw_grow((void **)&f.names, &cap, f.n + 1, sizeof *f.names) || !(f.names[f.n] = strdup(e->d_name))) {
      rc = -1;
      break;
    }
    f.n++;
  }
  closedir(d);
  if (rc == 0 && !(f.dir = strdup(path))) rc = -1;
  if (rc) {
    frame_free(&f);
    return -1;
  }
  if (f.n > 1) qsort(f.names, f.n, sizeof *f.names, cmp_names);
  w->stack[w->depth++] = f;
  return 0;
}

/* Enter a folder met during the walk; one that cannot be entered becomes a
** pending error. 0 or -1 OOM. */
static int enter_dir(nw_walk *w, char *path, const struct stat *st) {
  const char *why = NULL;
  int rc = push_dir(w, path, st, &why);
  if (rc == 2) {
    w->pending_path = path;
    w->pending_error = why;
    return 0;
  }
  free(path);
  return rc < 0 ? -1 : 0;
}

/* Stat of the folder holding path (its text up to the last '/'). */
static int parent_stat(const char *path, struct stat *st) {
  const char *slash = strrchr(path, '/');
  if (!slash) return stat(".", st);
  if (slash == path) return stat("/", st);
  char *dir = strndup(path, (size_t)(slash - path));
  int rc = dir ? stat(dir, st) : -1;
  free(dir);
  return rc;
}

/* The folders a glob lists files of count as entered: a link from a match
** back to one of them would list its files a second time. */
static int seed_glob_parents(nw_walk *w) {
  for (size_t i = 0; i < w->g.gl_pathc; i++) {
    struct stat st;
    if (parent_stat(w->g.gl_pathv[i], &st) == 0 && mark_seen(w, st.st_dev, st.st_ino) < 0) return -1;
  }
  return 0;
}

/* The path's components below base (rest) as the walk meets them: no empty,
** dot or hidden component, each folder entered once on the way (no loop),
** not too deep, and a last component that is a listed file. 1, 0, or -1 out
** of memory. */
static int tree_lists(const char *base, const char *rest, const struct stat *seed) {
  size_t bl = strlen(base), n = strlen(rest);
  char *p = malloc(bl + n + 2);
  if (!p) return -1;
  memcpy(p, base, bl);
  p[bl] = 0;
  struct stat chain[MAX_DEPTH + 1];
  int depth = 0, ok = 1, seeded = seed != NULL;
  if (seed) chain[0] = *seed;
  const char *c = rest;
  for (;;) {
    const char *slash = strchr(c, '/');
    size_t cl = slash ? (size_t)(slash - c) : strlen(c);
    struct stat st;
    /* p is a folder the walk enters: readable, new on this path, not too deep */
    if (cl == 0 || c[0] == '.' || depth >= MAX_DEPTH || (depth ? walk_stat(p, &st) : stat(p, &st)) != 0 ||
        !S_ISDIR(st.st_mode)) {
      ok = 0;
      break;
    }
    for (int i = 0; i < depth + seeded && ok; i++)
      if (chain[i].st_dev == st.st_dev && chain[i].st_ino == st.st_ino) ok = 0;
    if (!ok) break;
    chain[seeded + depth++] = st;
    size_t pl = strlen(p);
    while (pl > 1 && p[pl - 1] == '/') pl--;
    if (!(pl == 1 && p[0] == '/')) p[pl++] = '/';
    memcpy(p + pl, c, cl);
    p[pl + cl] = 0;
    if (!slash) {
      /* the file itself: the walk descends into a folder, lists a file */
      char *name = strndup(c, cl);
      ok = !name ? -1 : listed(name) && !(walk_stat(p, &st) == 0 && S_ISDIR(st.st_mode));
      free(name);
      break;
    }
    c = slash + 1;
  }
  free(p);
  return ok;
}

int nw_walk_lists(const char *root, const char *path) {
  struct stat st;
  int root_is_dir = stat(root, &st) == 0 && S_ISDIR(st.st_mode);
  if (strcmp(root, path) == 0) return !root_is_dir;
  size_t rl = strlen(root);
  while (rl > 1 && root[rl - 1] == '/') rl--;
  if (rl == 1 && root[0] == '/') rl = 0; /* "/": the paths are "/etc/...", not "//etc/..." */
  if (root_is_dir) return strncmp(root, path, rl) == 0 && path[rl] == '/' ? tree_lists(root, path + rl + 1, NULL) : 0;
  if (!strpbrk(root, "*?[")) return 0;
  /* a glob: the path is a match, or lies under a folder that is one */
  const int flags = FNM_PATHNAME | FNM_PERIOD;
  if (fnmatch(root, path, flags) == 0) {
    const char *slash = strrchr(path, '/');
    return listed(slash ? slash + 1 : path) && !(walk_stat(path, &st) == 0 && S_ISDIR(st.st_mode));
  }
  int ok = 0;
  for (const char *p = strchr(path, '/'); p && !ok; p = strchr(p + 1, '/')) {
    if (p > path && p[-1] == '/') continue; /* glob never yields "x//y" */
    char *dir = strndup(path, (size_t)(p - path));
    struct stat parent;
    if (!dir) return -1;
    if (fnmatch(root, dir, flags) == 0) ok = tree_lists(dir, p + 1, parent_stat(dir, &parent) == 0 ? &parent : NULL);
    free(dir);
  }
  return ok;
}

/* A scan's root must lie under an allowed root: the root itself (is_path),
** or a glob's folder before its first wildcard. 0, or -1 with *err. */
static int root_allowed(const char *root, int is_path, char **err) {
  const char *why = NULL, *wild = is_path ? NULL : strpbrk(root, "*?[");
  char *base = NULL;
  if (wild) {
    const char *slash = wild;
    while (slash > root && *slash != '/') slash--;
    base = slash == root ? strdup(*root == '/' ? "/" : ".") : strndup(root, (size_t)(slash - root));
    if (!base) return -1;
  }
  int rc = nw_confine_path(base ? base : root, &why);
  free(base);
  if (rc && asprintf(err, "%s: %s", why, root) < 0) *err = NULL;
  return rc ? -1 : 0;
}

int nw_walk_find(const char *root, const char *key, size_t key_len, char **file, long *line, char **err) {
  *file = NULL;
  *line = 0;
  *err = NULL;
  struct stat st;
  int is_path = stat(root, &st) == 0;
  if (!is_path && !strpbrk(root, "*?[")) {
    if (asprintf(err, "no such file or folder: %s", root) < 0) *err = NULL;
    return -1;
  }
  if (root_allowed(root, is_path, err)) return -1;
  char *k = strndup(key, key_len);
  if (!k) return -1;
  /* "FILE#LINE" names a record of a JSON Lines file */
  char *hash = strrchr(k, '#');
  if (hash && nw_format_of_path(k) == NW_FMT_NONE) {
    *hash = 0;
    char *end;
    long n = strtol(hash + 1, &end, 10);
    if (nw_format_of_path(k) == NW_FMT_JSONL && *end == 0 && n > 0) *line = n;
    else *hash = '#';
  }
  /* a scan lists neither a folder nor a name that is not there */
  int listed = nw_walk_lists(root, k);
  if (listed <= 0 || lstat(k, &st) != 0 || S_ISDIR(st.st_mode)) {
    free(k);
    *line = 0;
    return listed < 0 ? -1 : 0;
  }
  *file = k;
  return 1;
}

int nw_walk_open(nw_walk **out, const char *root, char **err) {
  *out = NULL;
  nw_walk *w = calloc(1, sizeof *w);
  if (!w) return -1;
  struct stat st;
  int is_path = stat(root, &st) == 0, glob_rc = GLOB_NOMATCH;
  if ((is_path || strpbrk(root, "*?[")) && root_allowed(root, is_path, err)) {
    nw_walk_close(w);
    return -1;
  }
  if (is_path) {
    if (S_ISDIR(st.st_mode)) {
      const char *why = "";
      int pushed = push_dir(w, root, &st, &why);
      if (pushed != 0) { /* -1: out of memory, no message */
        if (pushed > 0 && asprintf(err, "%s: %s", why, root) < 0) *err = NULL;
        nw_walk_close(w);
        return -1;
      }
    } else if (!(w->single = strdup(root))) {
      nw_walk_close(w);
      return -1;
    }
    w->nroots = 1;
  } else if (strpbrk(root, "*?[") && (glob_rc = glob(root, 0, NULL, &w->g)) == GLOB_NOSPACE) {
    globfree(&w->g); /* glob ran out of memory: no message, the call fails (SQLITE_NOMEM) */
    nw_walk_close(w);
    return -1;
  } else if (glob_rc == 0 && strpbrk(root, "*?[")) {
    w->have_glob = 1;
    w->nroots = w->g.gl_pathc;
    if (seed_glob_parents(w)) {
      nw_walk_close(w);
      return -1;
    }
  } else {
    if (asprintf(err, "no such file or folder: %s", root) < 0) *err = NULL;
    nw_walk_close(w);
    return -1;
  }
  *out = w;
  return 0;
}

static int set_cur(nw_walk *w, char *path, const char **out) {
  free(w->cur);
  w->cur = path;
  *out = path;
  return 1;
}

static int take_pending(nw_walk *w, const char **out, const char **error) {
  *error = w->pending_error;
  char *p = w->pending_path;
  w->pending_path = NULL;
  return set_cur(w, p, out);
}

/* Next listed file of the folder on top of the stack, descending into
** sub-folders; 0 when the walk below the current root is done. */
static int next_in_tree(nw_walk *w, const char **out, const char **error) {
  while (w->depth > 0) {
    if (w->pending_path) return take_pending(w, out, error);
    frame *f = &w->stack[w->depth - 1];
    if (f->next >= f->n) {
      frame_free(f);
      w->depth--;
      continue;
    }
    const char *name = f->names[f->next++];
    char *path = join(f->dir, name);
    if (!path) return -1;
    struct stat st;
    if (walk_stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (enter_dir(w, path, &st)) return -1;
      continue;
    }
    /* A file, or an entry stat cannot follow (listed: reading it reports why). */
    if (!listed(name)) {
      free(path);
      continue;
    }
    return set_cur(w, path, out);
  }
  if (w->pending_path) return take_pending(w, out, error);
  return 0;
}

int nw_walk_next(nw_walk *w, const char **out, const char **error) {
  *error = NULL;
  for (;;) {
    int rc = next_in_tree(w, out, error);
    if (rc != 0) return rc;
    if (w->single) {
      char *p = w->single;
      w->single = NULL;
      return set_cur(w, p, out);
    }
    if (!w->have_glob || w->next_root >= w->nroots) return 0;
    const char *root = w->g.gl_pathv[w->next_root++];
    struct stat st;
    if (walk_stat(root, &st) == 0 && S_ISDIR(st.st_mode)) {
      char *p = strdup(root);
      if (!p || enter_dir(w, p, &st)) return -1;
      continue;
    }
    /* a matched file follows the folder rule: known extension or none */
    const char *slash = strrchr(root, '/');
    if (!listed(slash ? slash + 1 : root)) continue;
    char *p = strdup(root);
    if (!p) return -1;
    return set_cur(w, p, out);
  }
}

void nw_walk_close(nw_walk *w) {
  if (!w) return;
  while (w->depth > 0) frame_free(&w->stack[--w->depth]);
  if (w->have_glob) globfree(&w->g);
  free(w->single);
  free(w->cur);
  free(w->seen);
  free(w->pending_path);
  free(w);
}
