/* Article reader API (implemented in ext/articles/): the folder walk that
** finds saved articles, the file reader that makes records of them (a text
** file or a web page gives one, a JSON Lines file one per line), and the
** readers of each format: metadata and a clean body. */
#ifndef NEWS_ARTICLES_H
#define NEWS_ARTICLES_H
#include "news.h"

#include <stdio.h>

/* Largest file the reader loads (a larger one is listed with an error). */
#define NW_ARTICLE_MAX_BYTES ((size_t)64 << 20)

/* A new format is a value here, one row in ext/articles/formats.c and its reader. */
typedef enum nw_format { NW_FMT_NONE = 0, NW_FMT_TEXT, NW_FMT_HTML, NW_FMT_JSONL } nw_format;

/* The format a file name's extension says (case-insensitive), or NW_FMT_NONE. */
nw_format nw_format_of_path(const char *path);
const char *nw_format_name(nw_format f);

/* One article. Fields are malloc'ed NUL-terminated strings, NULL when the
** file does not give them; body is always set (possibly empty). */
typedef struct nw_article {
  char *title, *byline, *published, *url, *source;
  /* The publication time as the page gives it, in ISO 8601 with its offset
  ** ("2031-05-06T23:30:00-05:00"; "Z" for UTC; none when the page gives
  ** none), or NULL when only a date is known. published is its date part:
  ** the outlet's local date, never converted to UTC. */
  char *published_at;
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

/* Read one JSON Lines record (a line, UTF-8): a JSON object whose fields
** go by the names news datasets use ("title", "headline", "text", "authors"
** joined with ", ", ...). Returns 0 (*err = "not a JSON object" when the line
** is not one), or -1 when out of memory. */
int nw_read_jsonl(const char *s, size_t n, nw_article *out, const char **err);

/* news_clean: site furniture removed (as the text reader does), then
** nw_normalize's result. Appends to out. 0 or -1. */
int nw_clean(const char *s, size_t n, nw_buf *out);

/* Text-file furniture removal (news_clean without normalisation): drops
** navigation, captions and credits, embeds, prompts and footers, keeps one
** blank line between paragraphs. Appends to out. 0 or -1. */
int nw_clean_lines(const char *s, size_t n, nw_buf *out);

/* nw_normalize's result (NFC, tidy white space), fast when NFC has nothing
** to change. Appends to out. 0 or -1. */
int nw_body_finish(const char *s, size_t n, nw_buf *out);

/* ---- metadata helpers shared by the readers ------------------------- */

/* A YYYY-MM-DD date in a URL path (/2022/02/04/ or 2022-02-04), or in a file
** name. Writes 11 bytes to out; returns 1 when found. */
int nw_date_in_url(const char *s, size_t n, char out[NW_DATE_BUF]);
int nw_date_in_filename(const char *path, char out[NW_DATE_BUF]);
/* Any date expression to YYYY-MM-DD (full dates only). 1 when found, 0 when
** not, -1 when out of memory. */
int nw_full_date(const char *s, size_t n, char out[NW_DATE_BUF]);
/* A timestamp with a time of day ("2031-05-06T23:30:00.000-0500",
** "2031-05-06 23:30", "Tue, 06 May 2031 23:30:00 GMT") in ISO 8601:
** "2031-05-06T23:30:00-05:00", "2031-05-06T23:30:00Z", or without offset
** when it gives none. Returns 2 when it carries a numeric offset (the
** outlet's local time), 1 for UTC or no offset, 0 when s is no timestamp. */
#define NW_TIMESTAMP_BUF 32
int nw_timestamp(const char *s, size_t n, char out[NW_TIMESTAMP_BUF]);

/* Bylines (byline.c): the people of one or more bylines, each on its own
** line of s ("By TOM KRISHER, AP Auto Writer" gives "TOM KRISHER"): leads,
** job titles, credentials, dates and outlets cut; names that read as a
** person appended to persons, organisations (an agency: "The Associated
** Press") to orgs, one per line, each once; the page's own publishers
** (NULL-terminated; may be NULL) are neither. 0 or -1 (out of memory). */
int nw_byline_people(const char *s, size_t n, const char *const *publishers, nw_buf *persons, nw_buf *orgs);
/* The length of the lead of a byline ("By ", "Analysis by ", "Written by: "), or 0. */
size_t nw_byline_lead(const char *s, size_t n);
/* Whether s[0..n) is a byline line and nothing more ("By Ana Ruiz, Staff
** Writer"; not "By Tuesday, the river had risen"): a lead, a capital, no
** lower-case words but "and", "for", "in", name particles. */
int nw_is_byline_line(const char *s, size_t n);
/* Whether s names one of publishers (NULL-terminated): the same key once
** case, punctuation and a leading "The" are set aside ("The Detroit News",
** "detroitnews"), or with prefix, one key starting with the other when the
** shorter has five characters or more ("Business Insider" on "Business
** Insider Deutschland"). */
int nw_names_publisher(const char *s, size_t n, const char *const *publishers, int prefix);
/* Names, one per line, as a byline: "A", "A and B", "A, B and C". 0 or -1. */
int nw_byline_join(const nw_buf *names, nw_buf *out);
/* What an article's URL and file name tell when its content does not: the
** published date in the URL's path, else in the file name (path; NULL for
** none), and the URL's host as the source. 0, or -1 when out of memory. */
int nw_article_from_url(nw_article *a, const char *path);
/* Host of an absolute URL without "www.", lower-cased, into out: its
** length, 0 when the URL has none (or one longer than a host name can be). */
enum { NW_HOST_BUF = 256 };
size_t nw_url_host(const char *url, size_t n, char out[NW_HOST_BUF]);
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

/* ---- confinement (ext/articles/confine.c) ---------------------------- */

/* Allow file reads only under the folders of roots (':'-separated; NULL: not
** confined, "": nothing allowed). Replaces NEWS_ALLOWED_ROOTS. 0, or -1 with
** *err (malloc'ed; NULL when out of memory) naming a root that cannot be
** resolved, the roots then unchanged. */
int nw_confine_set(const char *roots, char **err);
/* 1: do not follow a symbolic link below a root (reading it is an error).
** Replaces NEWS_NO_LINKS. */
void nw_confine_refuse_links(int refuse);
/* Open a regular file for reading under the allowed roots (for settings files
** named in SQL), or NULL with *why a static reason. */
FILE *nw_fopen_confined(const char *path, const char **why);

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
** except that a folder reached by two links is listed only under its first.
** 1, 0, or -1 when out of memory. */
int nw_walk_lists(const char *root, const char *path);
void nw_walk_close(nw_walk *w);
/* WHERE path = key on a scan of root, without walking it: 1 with *file
** (malloc'ed) and *line (the JSON Lines record "FILE#LINE" names, else 0)
** when the scan lists key, 0 when it does not, -1 with *err (malloc'ed; NULL
** when out of memory) when root does not exist. */
int nw_walk_find(const char *root, const char *key, size_t key_len, char **file, long *line, char **err);

/* ---- file reader ----------------------------------------------------- */

/* One record of a source file: a text or HTML file gives one, a JSON Lines file one per line.
** bytes and mtime_ns are -1 when unknown (the file could not be opened). When error is
** art.partial, the content was read in part or decoded from another encoding and art holds
** what was read; any other error leaves art empty. */
typedef struct nw_record {
  const char *path;   /* the file, or "FILE#LINE" for a JSON Lines record */
  nw_format format;
  int64_t bytes;      /* size of the file (for a JSON Lines record: as news_articles' bytes column gives it today) */
  int64_t mtime_ns;   /* the file's modification time, nanoseconds */
  const char *error;  /* NULL, or why it could not be read or decoded (valid until the next call) */
  nw_article art;     /* metadata and body */
  const char *raw; size_t raw_len; /* the content as read (news_articles' raw column) */
} nw_record;
typedef struct nw_file_reader nw_file_reader;
/* Open one file (format by extension, then by content, as today). line > 0: only that JSON Lines
** record (WHERE path = 'FILE#LINE'). Returns 0, or -1 with *err a malloc'ed message. A file that cannot
** be opened is not an error here: it gives one record with error set, as the scan lists it today. */
int nw_file_reader_open(nw_file_reader **r, const char *path, long line, char **err);
/* Next record: 1 (*rec valid until the next call), 0 at the end, -1 out of memory (*err malloc'ed). */
int nw_file_reader_next(nw_file_reader *r, const nw_record **rec, char **err);
void nw_file_reader_close(nw_file_reader *r);
/* Size and modification time without reading the content (for incremental ingest). 0, or -1 with
** *error a static message, the one the reader would give ("file vanished or is a broken link",
** "not a regular file", ...). */
int nw_file_stat(const char *path, int64_t *bytes, int64_t *mtime_ns, const char **error);

#endif
