/* One article file to records: open it (regular files only, never waiting
** on a FIFO), load it (bounded), sniff the format of a file whose name does
** not say it, decode its bytes as the format's row says, then the format's
** reader: one record for a text or web page, one per line for JSON Lines
** (read a chunk at a time, so memory stays flat on any file). Every failure
** is a record with its reason, never a file silently dropped. A reader holds
** all its state: readers in different threads do not meet. */
#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LINE_CHUNK 65536

enum { R_START, R_LINES, R_DONE };

struct nw_file_reader {
  char *path;
  long only_line; /* > 0: only this JSON Lines record */
  int state;
  const nw_format_row *fmt;
  nw_record rec;
  char *content; /* the whole file as read (and decoded) */
  size_t content_len;
  int64_t bytes, mtime_ns; /* -1 when unknown */
  /* a file read line by line */
  FILE *lines;
  int64_t unread; /* bytes left of the size seen at opening: a growing file stops there */
  char *chunk;
  size_t pos, len;
  int eof;
  long line_no;
  nw_buf line;
  nw_buf rec_path; /* "FILE#LINE" */
};

const char *nw_strerror(int e) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
  const char *d = strerrordesc_np(e);
  if (d) return d;
#endif
  return strerror(e); /* elsewhere: the system's text */
}

/* Why a listed file could not be opened or stat'ed. */
static const char *file_error(int e) {
  return e == ENOENT   ? "file vanished or is a broken link"
         : e == EINVAL ? "not a regular file"
         : e == ELOOP && nw_confine_no_links() ? "symbolic link not followed"
                                                : nw_strerror(e);
}

static int64_t mtime_of(const struct stat *st) { return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec; }

/* The stat of a listed file, which must be a regular one (a link itself when
** links are not followed): 0, or 1 with *why. */
static int stat_regular(const char *path, struct stat *st, const char **why) {
  int no_links = nw_confine_no_links();
  if ((no_links ? lstat(path, st) : stat(path, st)) != 0) *why = file_error(errno);
  else if (no_links && S_ISLNK(st->st_mode)) *why = file_error(ELOOP);
  else if (!S_ISREG(st->st_mode)) *why = file_error(EINVAL);
  else return 0;
  return 1;
}

/* fopen(path, "rb") for regular files only, the type decided from stat
** before opening: a device is never opened (opening /dev/ptmx makes a
** terminal), nor a FIFO (it would wait for a writer). O_NONBLOCK and
** O_NOCTTY in case it was swapped in since: then the open file is not the
** one stat saw (fstat: another device and inode) and is refused. So is a file
** outside the allowed roots (confine.c), and one that says it is empty but
** is not (a /proc or /sys file: its size says nothing of what it holds).
** *st is the open file's stat; its size is all that is read. */
static FILE *open_regular(const char *path, struct stat *st, const char **why) {
  struct stat seen;
  if (stat_regular(path, &seen, why)) return NULL;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (nw_confine_no_links() ? O_NOFOLLOW : 0));
  if (fd < 0) {
    *why = file_error(errno);
    return NULL;
  }
  if (nw_confine_fd(fd, path, why)) {
    close(fd);
    return NULL;
  }
  int flags = fcntl(fd, F_GETFL);
  char probe;
  if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
    *why = file_error(EINVAL);
  else if (st->st_dev != seen.st_dev || st->st_ino != seen.st_ino)
    *why = "file replaced while it was opened";
  else if (st->st_size == 0 && pread(fd, &probe, 1, 0) == 1)
    *why = "size unknown (a /proc or /sys file): not read";
  else {
    FILE *f = fdopen(fd, "rb");
    if (f) return f;
    *why = file_error(errno);
  }
  close(fd);
  return NULL;
}

/* A settings file named in SQL (the corpus's outlet mapping) is read like
** an article: a regular file, under the allowed roots. */
FILE *nw_fopen_confined(const char *path, const char **why) {
  struct stat st;
  return open_regular(path, &st, why);
}

int nw_file_stat(const char *path, int64_t *bytes, int64_t *mtime_ns, const char **error) {
  struct stat st;
  *error = NULL;
  if (nw_confine_path(path, error) || stat_regular(path, &st, error)) return -1;
  *bytes = st.st_size;
  *mtime_ns = mtime_of(&st);
  return 0;
}

/* Load the whole file (bounded). 0, or 1 with *why when it cannot be read. */
static int load(nw_file_reader *r, const char **why) {
  struct stat st;
  FILE *f = open_regular(r->path, &st, why);
  if (!f) return 1;
  r->bytes = st.st_size;
  r->mtime_ns = mtime_of(&st);
  if ((size_t)st.st_size > NW_ARTICLE_MAX_BYTES) {
    fclose(f);
    *why = "larger than the 64 MB limit";
    return 1;
  }
  char *buf = malloc((size_t)st.st_size + 1);
  size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
  int ioerr = ferror(f);
  fclose(f);
  if (!buf || ioerr) {
    free(buf);
    *why = buf ? "read error" : "out of memory";
    return 1;
  }
  buf[n] = 0;
  r->content = buf;
  r->content_len = n;
  return 0;
}

/* Start reading line by line: 0, 1 when the file cannot be opened (*why),
** -1 out of memory. */
static int open_lines(nw_file_reader *r, const char **why) {
  struct stat st;
  if (!(r->lines = open_regular(r->path, &st, why))) return 1;
  r->mtime_ns = mtime_of(&st);
  r->unread = st.st_size;
  if (!r->chunk && !(r->chunk = malloc(LINE_CHUNK))) return -1;
  r->state = R_LINES;
  return 0;
}

/* Next line into r->line (without its line end), at most the size limit:
** 1 got one (*too_long when cut), 0 at the end, -1 out of memory. */
static int next_line(nw_file_reader *r, int *too_long) {
  r->line.len = 0;
  *too_long = 0;
  int got = 0;
  for (;;) {
    if (r->pos >= r->len) {
      if (r->eof) return got;
      r->len = r->unread > 0 ? fread(r->chunk, 1, r->unread < LINE_CHUNK ? (size_t)r->unread : LINE_CHUNK, r->lines) : 0;
      r->unread -= (int64_t)r->len;
      r->pos = 0;
      if (r->len == 0) {
        r->eof = 1;
        return got;
      }
    }
    got = 1;
    char *p = r->chunk + r->pos;
    size_t avail = r->len - r->pos;
    char *nl = memchr(p, '\n', avail);
    size_t take = nl ? (size_t)(nl - p) : avail;
    if (!*too_long) {
      if (r->line.len + take > NW_ARTICLE_MAX_BYTES) *too_long = 1;
      else if (nw_buf_append(&r->line, p, take)) return -1;
    }
    r->pos += take + (nl ? 1 : 0);
    if (nl) break;
  }
  if (r->line.len && r->line.data[r->line.len - 1] == '\r') r->line.len--;
  return 1;
}

/* The record of one line: 1, 0 at the end, -1 out of memory. */
static int line_record(nw_file_reader *r) {
  nw_record *rec = &r->rec;
  for (;;) {
    int too_long, got = next_line(r, &too_long);
    if (got <= 0) return got;
    r->line_no++;
    if (r->only_line && r->line_no != r->only_line) {
      if (r->line_no > r->only_line) return 0;
      continue;
    }
    const char *p = r->line.data ? r->line.data : "";
    size_t n = r->line.len, i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
    if (i == n && !too_long) continue; /* blank lines are not records */
    r->rec_path.len = 0;
    char num[24];
    snprintf(num, sizeof num, "#%ld", r->line_no);
    if (nw_buf_append(&r->rec_path, r->path, strlen(r->path)) || nw_buf_append(&r->rec_path, num, strlen(num))) return -1;
    rec->path = r->rec_path.data;
    rec->bytes = (int64_t)n;
    if (too_long) rec->error = "line larger than the 64 MB limit";
    else if (!(rec->error = nw_text_problem(p, n))) {
      if (r->fmt->read(r->path, p, n, &rec->art, &rec->error)) return -1;
      rec->raw = p;
      rec->raw_len = n;
    }
    return 1;
  }
}

/* Decode the loaded file as the format wants it and read it into r->rec:
** 0, or -1 out of memory. */
static int whole_record(nw_file_reader *r) {
  nw_record *rec = &r->rec;
  const char *decoded = NULL;
  size_t skip = 0;
  if (r->fmt->decode == NW_DECODE_UTF8) rec->error = nw_text_problem(r->content, r->content_len);
  if (r->fmt->decode == NW_DECODE_TEXT) {
    if ((rec->error = nw_text_problem(r->content, r->content_len)) && !memchr(r->content, 0, r->content_len)) {
      /* not UTF-8: read it as what it most likely is, and say so in error */
      nw_buf text = {0};
      if (!(decoded = nw_decode_text(r->content, r->content_len, &text))) {
        nw_buf_free(&text);
        return -1;
      }
      free(r->content);
      r->content = text.data;
      r->content_len = text.len;
      rec->error = NULL;
    }
    if (r->content_len >= 3 && !memcmp(r->content, "\xEF\xBB\xBF", 3)) skip = 3;
  }
  if (!rec->error) {
    if (r->fmt->read(r->path, r->content + skip, r->content_len - skip, &rec->art, &rec->error)) return -1;
    if (decoded) rec->art.partial = decoded;
  }
  rec->raw = r->content;
  rec->raw_len = r->content_len;
  return 0;
}

/* A file that could not be read for want of memory is no error row of that
** file: the whole call fails with out of memory (the next try may read it). */
static int out_of_memory(const char *why) {
  return why && (!strcmp(why, "out of memory") || !strcmp(why, file_error(ENOMEM)));
}

/* The first step: the file's one record (or its error), or the switch to
** reading lines. 1 a record, 0 none (lines follow, or nothing to give), -1 OOM. */
static int start(nw_file_reader *r) {
  nw_record *rec = &r->rec;
  r->state = R_DONE;
  if (r->fmt && r->fmt->per_line) {
    int rc = open_lines(r, &rec->error);
    if (rc <= 0) return rc;
    return out_of_memory(rec->error) ? -1 : 1;
  }
  if (load(r, &rec->error)) {
    if (out_of_memory(rec->error)) return -1;
    if (!r->fmt) r->fmt = nw_format_default();
    rec->format = r->fmt->id;
    rec->bytes = r->bytes;
    return 1;
  }
  if (!r->fmt) r->fmt = nw_format_sniff(r->content, r->content_len);
  rec->format = r->fmt->id;
  if (r->fmt->per_line) {
    free(r->content);
    r->content = NULL;
    int rc = open_lines(r, &rec->error);
    if (rc <= 0) return rc;
    if (out_of_memory(rec->error)) return -1;
    rec->bytes = r->bytes;
    return 1;
  }
  if (r->only_line) return 0; /* no record of this file is a line */
  rec->bytes = r->bytes;
  return whole_record(r) ? -1 : 1;
}

int nw_file_reader_open(nw_file_reader **out, const char *path, long line, char **err) {
  *out = NULL;
  *err = NULL;
  nw_file_reader *r = calloc(1, sizeof *r);
  if (!r || !(r->path = strdup(path))) {
    free(r);
    *err = strdup("out of memory");
    return -1;
  }
  r->only_line = line > 0 ? line : 0;
  r->fmt = nw_format_row_of(nw_format_of_path(path));
  r->bytes = r->mtime_ns = -1;
  *out = r;
  return 0;
}

int nw_file_reader_next(nw_file_reader *r, const nw_record **out, char **err) {
  *err = NULL;
  nw_record *rec = &r->rec;
  nw_article_free(&rec->art);
  *rec = (nw_record){.path = r->path, .format = r->fmt ? r->fmt->id : NW_FMT_NONE, .bytes = -1};
  int got = 0;
  if (r->state == R_START) got = start(r);
  if (got == 0 && r->state == R_LINES && (got = line_record(r)) == 0) r->state = R_DONE;
  if (got < 0) {
    *err = strdup("out of memory");
    return -1;
  }
  if (got == 0) return 0;
  rec->mtime_ns = r->mtime_ns;
  if (rec->error && rec->error != rec->art.partial) nw_article_free(&rec->art); /* an error row has no fields */
  if (!rec->error) rec->error = rec->art.partial;
  *out = rec;
  return 1;
}

void nw_file_reader_close(nw_file_reader *r) {
  if (!r) return;
  nw_article_free(&r->rec.art);
  if (r->lines) fclose(r->lines);
  free(r->path);
  free(r->content);
  free(r->chunk);
  nw_buf_free(&r->line);
  nw_buf_free(&r->rec_path);
  free(r);
}
