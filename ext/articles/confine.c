/* Confinement of the file reads (news_articles, news_ingest) to allowed
** roots, for a host that lets others type SQL (docs/serving.md). The host
** sets the roots with sqlite3_news_allow_roots() (a C call: SQL cannot change
** them) or the environment variable NEWS_ALLOWED_ROOTS, both a list of folders
** separated by ':'. Unset, reads are not confined. Every folder the walk lists
** and every file the reader opens is checked once opened, by the path the
** kernel gives for the open descriptor (/proc/self/fd), so a symbolic link,
** "..", or /proc/self/root cannot lead out and a link swapped in between the
** check and the open cannot either. With links refused (NEWS_NO_LINKS=1 or
** the C call's flag) the walk does not follow a symbolic link below the root
** at all: the link is an error row. */
#include "reader.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* Each setting comes from the C call, or else from the environment at the
** first check. */
static int roots_set, links_set;
static char **roots; /* resolved (realpath) allowed roots */
static size_t nroots;
static int confined; /* 0: reads are not confined */
static int refuse_links;

static void roots_free(char **r, size_t n) {
  for (size_t i = 0; i < n; i++) free(r[i]);
  free(r);
}

/* Parse "a:b:c" into resolved roots. 0, or -1 with *err (malloc'ed; NULL when
** out of memory) naming a root that cannot be resolved. */
static int parse_roots(const char *spec, char ***out, size_t *n, char **err) {
  *out = NULL;
  *n = 0;
  *err = NULL;
  size_t cap = 1;
  for (const char *p = spec; *p; p++) cap += *p == ':';
  char **r = calloc(cap, sizeof *r);
  if (!r) return -1;
  size_t k = 0;
  for (const char *p = spec;;) {
    const char *end = strchr(p, ':');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len) {
      char *one = strndup(p, len);
      char *real = one ? realpath(one, NULL) : NULL;
      if (!real) {
        if (one && asprintf(err, "allowed root cannot be resolved: %s: %s", one, nw_strerror(errno)) < 0) *err = NULL;
        free(one);
        roots_free(r, k);
        return -1;
      }
      free(one);
      r[k++] = real;
    }
    if (!end) break;
    p = end + 1;
  }
  *out = r;
  *n = k;
  return 0;
}

/* Replace the roots (lock held). spec NULL: not confined. */
static int install_roots(const char *spec, char **err) {
  char **r = NULL;
  size_t n = 0;
  if (spec && parse_roots(spec, &r, &n, err)) return -1;
  roots_free(roots, nroots);
  roots = r;
  nroots = n;
  confined = spec != NULL;
  roots_set = 1;
  return 0;
}

/* SQLite unloads the library with the last connection that loaded it: the
** roots go with it (the next load reads the environment again). */
__attribute__((destructor)) static void confine_unload(void) {
  roots_free(roots, nroots);
  roots = NULL;
  nroots = 0;
}

int nw_confine_set(const char *spec, char **err) {
  pthread_mutex_lock(&lock);
  int rc = install_roots(spec, err);
  pthread_mutex_unlock(&lock);
  return rc;
}

void nw_confine_refuse_links(int refuse) {
  pthread_mutex_lock(&lock);
  refuse_links = refuse != 0;
  links_set = 1;
  pthread_mutex_unlock(&lock);
}

/* The environment for what the host did not set (lock held). A root there
** that cannot be resolved allows nothing rather than everything. */
static void configure_from_env(void) {
  if (!links_set) {
    const char *links = getenv("NEWS_NO_LINKS");
    refuse_links = links && *links && strcmp(links, "0") != 0;
    links_set = 1;
  }
  if (roots_set) return;
  const char *spec = getenv("NEWS_ALLOWED_ROOTS");
  char *err = NULL;
  if (install_roots(spec && *spec ? spec : NULL, &err)) {
    fprintf(stderr, "news: NEWS_ALLOWED_ROOTS: %s; no file can be read\n", err ? err : "out of memory");
    free(err);
    install_roots("", &err);
  }
}

int nw_confine_no_links(void) {
  pthread_mutex_lock(&lock);
  configure_from_env();
  int r = refuse_links;
  pthread_mutex_unlock(&lock);
  return r;
}

static int under(const char *real, const char *root) {
  size_t n = strlen(root);
  if (n == 1 && root[0] == '/') return real[0] == '/';
  return strncmp(real, root, n) == 0 && (real[n] == 0 || real[n] == '/');
}

/* 0 when real (a resolved path) lies under an allowed root. */
static int check_resolved(const char *real, const char **why) {
  int ok = 0;
  for (size_t i = 0; i < nroots && !ok; i++) ok = under(real, roots[i]);
  if (!ok) *why = "outside the allowed roots";
  return ok ? 0 : 1;
}

int nw_confine_path(const char *path, const char **why) {
  pthread_mutex_lock(&lock);
  configure_from_env();
  int rc = 0;
  if (confined) {
    char *real = realpath(path, NULL);
    if (!real) {
      /* nothing there: the caller's own stat or open says so */
      int e = errno;
      rc = e != ENOENT && e != ENOTDIR;
      if (rc) *why = e == ENOMEM ? "out of memory" : "outside the allowed roots";
    } else {
      rc = check_resolved(real, why);
    }
    free(real);
  }
  pthread_mutex_unlock(&lock);
  return rc;
}

int nw_confine_fd(int fd, const char *path, const char **why) {
  pthread_mutex_lock(&lock);
  configure_from_env();
  int rc = 0;
  if (confined) {
    char link[64], real[PATH_MAX + 1];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, real, PATH_MAX);
    if (n > 0 && real[0] == '/') {
      real[n] = 0;
      rc = check_resolved(real, why);
    } else {
      /* no /proc: the path resolved now (a link swapped in later is not seen) */
      char *r = realpath(path, NULL);
      rc = r ? check_resolved(r, why) : 1;
      if (!r) *why = "outside the allowed roots";
      free(r);
    }
  }
  pthread_mutex_unlock(&lock);
  return rc;
}
