/* Article reader API (implemented in ext/articles/): one saved article (a
** text file or a web page) to metadata and a clean body, and the folder walk
** that finds the files. JSON Lines rows are read in ext/sql/ with SQLite's
** own JSON functions. */
#ifndef NEWS_ARTICLES_H
#define NEWS_ARTICLES_H
#include "news.h"

/* Largest file the reader loads (a larger one is listed with an error). */
#define NW_ARTICLE_MAX_BYTES ((size_t)64 << 20)

typedef enum nw_format { NW_FMT_NONE = 0, NW_FMT_TEXT, NW_FMT_HTML, NW_FMT_JSONL } nw_format;

/* The format a file name's extension says (case-insensitive), or NW_FMT_NONE. */
nw_format nw_format_of_path(const char *path);
const char *nw_format_name(nw_format f);

/* One article. Fields are malloc'ed NUL-terminated strings, NULL when the
** file does not give them; body is always set (possibly empty). */
typedef struct nw_article {
  char *title, *byline, *published, *url, *source;
  nw_buf body;
  /* Set when the file was read only in part or decoded from another
  ** encoding (the row keeps what was read and says why in its error
  ** column). Static text. */
  const char *partial;
} nw_article;
void nw_article_free(nw_article *a);
/* Replace one field with s[0..n) trimmed (empty gives NULL). 0 or -1. */
int nw_article_set(char **field, const char *s, size_t n);

/* Read a plain-text article (UTF-8). path names the file (its name may carry
** a date). Returns 0, or -1 when out of memory. */
int nw_read_text(const char *path, const char *s, size_t n, nw_article *out);

/* Read a saved web page in any charset libxml2 knows (the page says which).
** Returns 0, or -1 with *err set to a static message. A page nested deeper
** than libxml2's 256 levels is read up to that depth and out->partial says so. */
int nw_read_html(const char *path, const char *s, size_t n, nw_article *out, const char **err);

/* Text-file furniture removal (news_clean without normalisation): drops
** navigation, captions and credits, embeds, prompts and footers, keeps one
** blank line between paragraphs. Appends to out. 0 or -1. */
int nw_clean_lines(const char *s, size_t n, nw_buf *out);

/* nw_normalize's result (NFC, tidy white space), fast when NFC has nothing
** to change. Appends to out. 0 or -1. */
int nw_body_finish(const char *s, size_t n, nw_buf *out);

/* ---- metadata helpers shared by the readers ------------------------- */

/* s is valid UTF-8 throughout. */
int nw_utf8_valid(const char *s, size_t n);

/* A YYYY-MM-DD date in a URL path (/2022/02/04/ or 2022-02-04), or in a file
** name. Writes 11 bytes to out; returns 1 when found. */
int nw_date_in_url(const char *s, size_t n, char out[16]);
int nw_date_in_filename(const char *path, char out[16]);
/* Any date expression to YYYY-MM-DD (full dates only). 1 when found. */
int nw_full_date(const char *s, size_t n, char out[16]);
/* Host of an absolute URL without "www." (malloc'ed) or NULL. */
char *nw_url_host(const char *url, size_t n);
/* The outlet a short name or a furniture line names ("Reuters staff" gives
** "Reuters"), from a table of outlets; NULL when none. */
const char *nw_outlet_named_in(const char *s, size_t n);
/* The outlet at the end of a byline ("..., CNN" or "... for AFP"), or NULL. */
const char *nw_outlet_of_byline(const char *s, size_t n);

/* 0 when every regex of the rule tables compiles; else -1 and msg names the
** first broken pattern and why (checked when the extension loads). */
int nw_articles_rules_check(char *msg, size_t cap);
/* Sizes of the rule tables, for news_debug(). */
void nw_articles_rule_counts(size_t *line_rules, size_t *outlets);

/* ---- folder walk ----------------------------------------------------- */

/* root is a folder (walked recursively in sorted order, symlink loops cut),
** a glob pattern, or one file. Only files whose extension names a format are
** listed. */
typedef struct nw_walk nw_walk;
/* Returns 0, or -1 with *err a malloc'ed message naming the root. */
int nw_walk_open(nw_walk **w, const char *root, char **err);
/* Next file: 1 with *path (valid until the next call), 0 at the end, -1 OOM.
** *error is NULL, or says why the folder *path cannot be listed ("cannot read
** folder: ...", "nested too deep"). */
int nw_walk_next(nw_walk *w, const char **path, const char **error);
/* Whether a scan of root lists path (no "..", "." or hidden component, a
** listed extension, no loop): WHERE path = ? answers exactly like the scan,
** except that a folder reached by two links is listed only under its first. */
int nw_walk_lists(const char *root, const char *path);
void nw_walk_close(nw_walk *w);

#endif
