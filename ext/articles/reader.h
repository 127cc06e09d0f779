/* Inside the article reader (ext/articles/): the table of file formats the
** walk lists and the file reader reads, and the messages for file errors. */
#ifndef NW_ARTICLES_READER_H
#define NW_ARTICLES_READER_H
#include "news_articles.h"

/* What a format's bytes must be before its reader sees them. */
typedef enum nw_decode {
  NW_DECODE_NONE, /* the reader takes the bytes as they are (a web page names its charset) */
  NW_DECODE_UTF8, /* UTF-8 without NUL bytes, else an error row */
  NW_DECODE_TEXT, /* UTF-8, else decoded (Windows-1252) and said so; NUL bytes or a BOM are not text */
} nw_decode;

/* One file format: adding a format is one row in formats.c and its reader. */
typedef struct nw_format_row {
  nw_format id;
  const char *name;       /* news_articles' format column */
  const char *extensions; /* file name extensions, space-separated, any case */
  char first_byte;        /* a file without extension starting so (after blanks) has this format; 0: none */
  nw_decode decode;
  int per_line; /* one record per line (JSON Lines), else one per file */
  /* Read one record: 0 (*err set when it cannot be read) or -1 when out of memory. */
  int (*read)(const char *path, const char *s, size_t n, nw_article *out, const char **err);
} nw_format_row;

/* The row of f, or NULL for NW_FMT_NONE. */
const nw_format_row *nw_format_row_of(nw_format f);
/* The format of a file without a known extension, from its first bytes. */
const nw_format_row *nw_format_sniff(const char *s, size_t n);
/* The format a file that cannot be read is listed with when its name names none. */
const nw_format_row *nw_format_default(void);

/* Why the bytes cannot be given to a reader that wants UTF-8, or NULL. */
const char *nw_text_problem(const char *s, size_t n);

/* Confinement to the allowed roots (confine.c). Each returns 0 when the read
** is allowed (or reads are not confined), else 1 with *why. */
int nw_confine_path(const char *path, const char **why);     /* a scan's root, resolved now */
int nw_confine_fd(int fd, const char *path, const char **why); /* an opened file or folder */
/* 1 when symbolic links below a root are not followed (an error row). */
int nw_confine_no_links(void);

/* strerror(e), but thread-safe: static text. */
const char *nw_strerror(int e);

#endif
