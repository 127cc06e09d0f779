/* Finding the article files under a root: a folder (recursive, names in byte
** order so every scan lists the same files in the same order), a glob
** pattern, or one file. Only one directory listing per level is held, so
** memory grows with the folder depth and width, never with the corpus size.
** Symbolic links are followed, but a directory already on the current path
** (a link loop) is not entered again. */
#include "news.h"

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DEPTH 64

typedef struct frame {
  char *dir;     /* path of the folder, as the user would write it */
  char **names;  /* sorted entries */
  size_t n, next;
  dev_t dev;
  ino_t ino;
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
};

static const char *const ext_names[] = {"txt", "md", "text", "html", "htm", "jsonl", "ndjson"};
static const nw_format ext_formats[] = {NW_FMT_TEXT, NW_FMT_TEXT, NW_FMT_TEXT, NW_FMT_HTML,
                                        NW_FMT_HTML, NW_FMT_JSONL, NW_FMT_JSONL};

nw_format nw_format_of_path(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  if (!dot || dot == base) return NW_FMT_NONE;
  for (size_t i = 0; i < sizeof ext_names / sizeof ext_names[0]; i++)
    if (strcasecmp(dot + 1, ext_names[i]) == 0) return ext_formats[i];
  return NW_FMT_NONE;
}

const char *nw_format_name(nw_format f) {
  static const char *const names[] = {NULL, "text", "html", "jsonl"};
  return (unsigned)f < 4 ? names[f] : NULL;
}

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

/* Push a folder (st: its stat). 0, 1 when skipped (loop, too deep, unreadable), -1 OOM. */
static int push_dir(nw_walk *w, const char *path, const struct stat *st) {
  if (w->depth >= MAX_DEPTH) return 1;
  for (int i = 0; i < w->depth; i++)
    if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) return 1;
  DIR *d = opendir(path);
  if (!d) return 1;
  frame f = {0};
  f.dev = st->st_dev;
  f.ino = st->st_ino;
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

int nw_walk_open(nw_walk **out, const char *root, char **err) {
  *out = NULL;
  nw_walk *w = calloc(1, sizeof *w);
  if (!w) return -1;
  struct stat st;
  if (stat(root, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (push_dir(w, root, &st) != 0) {
        if (asprintf(err, "news_articles: cannot read folder %s", root) < 0) *err = NULL;
        nw_walk_close(w);
        return -1;
      }
    } else if (!(w->single = strdup(root))) {
      nw_walk_close(w);
      return -1;
    }
    w->nroots = 1;
  } else if (strpbrk(root, "*?[") && glob(root, 0, NULL, &w->g) == 0) {
    w->have_glob = 1;
    w->nroots = w->g.gl_pathc;
  } else {
    if (asprintf(err, "news_articles: no such file or folder: %s", root) < 0) *err = NULL;
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

/* Next listed file of the folder on top of the stack, descending into
** sub-folders; 0 when the walk below the current root is done. */
static int next_in_tree(nw_walk *w, const char **out) {
  while (w->depth > 0) {
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
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      int rc = push_dir(w, path, &st);
      free(path);
      if (rc < 0) return -1;
      continue;
    }
    /* A file, or an entry stat cannot follow (listed: reading it reports why). */
    if (!listed(name)) {
      free(path);
      continue;
    }
    return set_cur(w, path, out);
  }
  return 0;
}

int nw_walk_next(nw_walk *w, const char **out) {
  for (;;) {
    int rc = next_in_tree(w, out);
    if (rc != 0) return rc;
    if (w->single) {
      char *p = w->single;
      w->single = NULL;
      return set_cur(w, p, out);
    }
    if (!w->have_glob || w->next_root >= w->nroots) return 0;
    const char *root = w->g.gl_pathv[w->next_root++];
    struct stat st;
    if (stat(root, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (push_dir(w, root, &st) < 0) return -1;
      continue;
    }
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
  free(w);
}
