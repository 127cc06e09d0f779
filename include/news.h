/*
** sqlite-news core API: plain C over UTF-8 buffers, no SQLite types.
**
** Every extractor reads a tokenized document (nw_doc) and fills a growable
** array of its own span structs with BYTE offsets into the text. The SQL
** layer (ext/sql/) converts byte offsets into 1-based character positions.
*/
#ifndef NEWS_H
#define NEWS_H

#include <stddef.h>
#include <stdint.h>

/* NEWS_VERSION, the version string, comes from the VERSION file (the Makefile
** passes -DNEWS_VERSION). */

/* ---- growable arrays ------------------------------------------------- */

/* Grow *buf (element size elsz) so that it holds at least need elements.
** Amortized doubling. Returns 0 on success, -1 when out of memory. */
int nw_grow(void **buf, size_t *cap, size_t need, size_t elsz);

/* A growable byte buffer (also used as a string arena). */
typedef struct nw_buf {
  char *data;
  size_t len, cap;
} nw_buf;
int nw_buf_append(nw_buf *b, const char *s, size_t n);
int nw_buf_putc(nw_buf *b, char c);
/* Append code point cp as UTF-8. */
int nw_buf_put_cp(nw_buf *b, int32_t cp);
void nw_buf_free(nw_buf *b);

/* strncasecmp and strcasecmp folding ASCII letters only, whatever the
** process's locale (a Turkish locale folds "I" otherwise). */
int nw_ascii_ncasecmp(const char *a, const char *b, size_t n);
int nw_ascii_casecmp(const char *a, const char *b);

/* ---- UTF-8 ----------------------------------------------------------- */

/* Decode one code point at s[*i] (bounded by len), advance *i.
** Invalid or truncated sequences decode as U+FFFD and advance one byte. */
int32_t nw_utf8_next(const char *s, size_t len, size_t *i);
/* The same; *bad tells the bytes were not valid UTF-8 (a U+FFFD written as
** such is valid). */
int32_t nw_utf8_decode(const char *s, size_t len, size_t *i, int *bad);
/* s is valid UTF-8 throughout (a U+FFFD written as such is valid). */
int nw_utf8_valid(const char *s, size_t n);
/* s appended to out with each byte that is not valid UTF-8 as U+FFFD. */
int nw_utf8_sanitize(const char *s, size_t n, nw_buf *out);

/* Text that is not valid UTF-8, appended to out as UTF-8 (NUL-terminated):
** mostly UTF-8 with bad bytes (each becomes U+FFFD), or else a single-byte
** text read as Windows-1252. Returns what was done, for an error column
** ("not valid UTF-8: read as Windows-1252"), or NULL when out of memory. */
const char *nw_decode_text(const char *s, size_t n, nw_buf *out);

/* ---- tokens and sentences ------------------------------------------- */

typedef enum nw_tok_class {
  NW_TOK_WORD = 1, /* letters, possibly with inner digits, apostrophes, hyphens, periods (U.S.) */
  NW_TOK_NUMBER,   /* digits, possibly with inner , . : / (1,000 3.5 10:30 02/04/2022) */
  NW_TOK_PUNCT,    /* sentence and clause punctuation . , ; : ! ? ( ) [ ] - — … */
  NW_TOK_QUOTE,    /* quotation marks and apostrophes used as marks: " “ ” ‘ ’ ' « » „ ` */
  NW_TOK_SYMBOL,   /* anything else: $ % & @ # emoji, math, U+FFFD */
} nw_tok_class;

/* White space between the previous token and this one. */
typedef enum nw_ws {
  NW_WS_NONE = 0,
  NW_WS_SPACE,     /* spaces or tabs */
  NW_WS_NEWLINE,   /* exactly one line break */
  NW_WS_PARAGRAPH, /* a blank line (two or more line breaks), or a NUL byte */
} nw_ws;

/* Token flags (bit set). */
enum {
  NW_TF_UPPER_INITIAL = 1 << 0, /* first letter is upper/title case */
  NW_TF_ALL_UPPER = 1 << 1,     /* every letter upper case, at least one letter */
  NW_TF_HAS_DIGIT = 1 << 2,
  NW_TF_ABBREV = 1 << 3,        /* word ends with a period that belongs to it (Mr. U.S. Feb.) */
  NW_TF_SENT_START = 1 << 4,    /* first token of a sentence */
  NW_TF_NON_ASCII = 1 << 5,     /* contains bytes >= 0x80 */
  NW_TF_LOWER_INITIAL = 1 << 6, /* first letter is lower case */
};

typedef struct nw_token {
  uint32_t start, end; /* byte offsets, end exclusive */
  uint32_t sentence;   /* 0-based sentence index */
  uint8_t cls;         /* nw_tok_class */
  uint8_t ws;          /* nw_ws before this token */
  uint16_t flags;      /* NW_TF_* */
} nw_token;

typedef struct nw_sentence {
  uint32_t first_tok, end_tok; /* token index range, end exclusive */
  uint32_t start, end;         /* byte offsets */
} nw_sentence;

typedef struct nw_doc {
  const char *text;
  size_t len;
  nw_token *tok;
  size_t ntok, tok_cap;
  nw_sentence *sent;
  size_t nsent, sent_cap;
} nw_doc;

/* Largest text the core accepts (offsets are 32-bit). */
#define NW_MAX_TEXT ((size_t)0xFFFFFFF0u)

/* Tokenize text into doc (doc is reset first; its arrays are reused).
** Linear time. Returns 0, or -1 when out of memory, the text is too large or
** the caller asked to stop (nw_stop_requested). */
int nw_tokenize(nw_doc *doc, const char *text, size_t len);
void nw_doc_free(nw_doc *doc);

/* Per-thread memory kept between calls (ext/core/scratch.c), so that long
** texts do not make every call map and zero fresh pages. nw_doc_acquire gives
** the thread's document (or a fresh one when it is in use); nw_doc_release
** gives it back (its arrays stay, unless they are huge). */
nw_doc *nw_doc_acquire(void);
void nw_doc_release(nw_doc *doc);
/* A per-thread buffer of at least bytes for one user (a slot below), kept
** for its next call; nw_scratch_done after each use frees it if it is huge.
** NULL when out of memory. A slot's user must not call itself again while
** it holds the buffer. */
enum { NW_SCRATCH_QUOTE_PARA, NW_SCRATCH_QUOTE_OWNER, NW_SCRATCH_QUOTE_CLASS, NW_SCRATCH_QUOTE_RUNS, NW_SCRATCH_SLOTS };
void *nw_scratch(int slot, size_t bytes);
void nw_scratch_done(int slot);
/* A per-thread object of size bytes (zeroed at first use) for one user;
** clear(obj) releases what it holds when the thread ends or the library is
** unloaded. NULL when out of memory. */
enum { NW_OBJECT_NER_WORK, NW_OBJECT_SLOTS };
void *nw_thread_object(int slot, size_t size, void (*clear)(void *));

/* ---- per-call caps (ext/core/limits.c) ------------------------------- */

/* The largest text argument a function takes, the largest file (or JSON
** Lines line) news_articles and news_ingest read. */
typedef enum nw_limit_id { NW_LIMIT_MAX_TEXT_BYTES, NW_LIMIT_MAX_FILE_BYTES, NW_LIMIT_COUNT } nw_limit_id;
/* The cap in bytes: set by the host, else its environment variable (read at
** the first use), else the default. */
int64_t nw_limit(nw_limit_id which);
/* By name ("max_text_bytes", "max_file_bytes"): 0, or -1 for another name or
** a value below 1 (nothing changes). */
int nw_limit_set(const char *name, int64_t value);
/* Its environment variable's name, for messages. */
const char *nw_limit_env(nw_limit_id which);

/* ---- stopping a long call (ext/core/interrupt.c) ----------------------- */

/* The calling thread's stop check: fn(arg) returns non-zero when the call
** must stop (the SQL layer asks SQLite whether the statement was
** interrupted). Install saves the previous one for restore (calls nest). */
typedef struct nw_stop_check {
  int (*fn)(void *arg);
  void *arg;
  int stopped;
  long long last_ns;
} nw_stop_check;
void nw_stop_install(nw_stop_check *saved, int (*fn)(void *arg), void *arg);
void nw_stop_restore(const nw_stop_check *saved);
/* 1 when the current call must stop: long loops ask between windows of work
** and return NW_STOPPED. Cheap: the check runs every few milliseconds at
** most; once it said stop, it says so for the rest of the call. */
int nw_stop_requested(void);
/* Whether the current call was told to stop (asks nothing). */
int nw_stopped(void);
#define NW_STOPPED (-2)
/* For a long loop over a text: asks nw_stop_requested once pos has passed
** *next (then a step further on), so a loop asks about every 64 KB. */
int nw_stop_at(size_t pos, size_t *next);
/* nw_buf_append a megabyte at a time, asking between pieces (copying tens
** of megabytes into fresh pages takes longer than a caller may wait): 0, -1
** (out of memory) or NW_STOPPED. */
int nw_buf_append_stoppable(nw_buf *b, const char *s, size_t n);
/* nw_utf8_valid a megabyte at a time, asking between pieces: 1, 0 or NW_STOPPED. */
int nw_utf8_valid_stoppable(const char *s, size_t n);

/* Where a window of text starting at from should end: just after a paragraph
** break (two line ends with only blanks between), where every sentence ends,
** near from + window bytes (n when the rest is shorter or has no break). */
size_t nw_window_end(const char *s, size_t n, size_t from, size_t window);

/* Where a window of work starting at from should end, for memory bounded on
** any text: a paragraph break near from + window (as nw_window_end); with
** none within twice that, the last sentence start in the window, else the
** last token after white space (*mid_sentence = 1: the sentence goes on
** after the cut); with no white space at all, the next paragraph break.
** doc is scratch (a window is tokenized to find the cut). 0 when out of
** memory. */
size_t nw_window_cut(const char *s, size_t n, size_t from, size_t window, nw_doc *doc, int *mid_sentence);

/* The sentences of s, in order, as the whole-text tokenizer finds them, but
** tokenized a window at a time so that memory stays bounded on long texts:
** fn(arg, start, end) gets byte offsets; a non-zero return stops with it.
** Returns 0, -1 when out of memory, NW_STOPPED when the caller asked to stop
** (nw_stop_requested), or fn's non-zero return. */
int nw_each_sentence(const char *s, size_t n, size_t window, int (*fn)(void *arg, size_t start, size_t end),
                     void *arg);

/* Helpers over a token. */
static inline size_t nw_tok_len(const nw_token *t) { return t->end - t->start; }
/* 1 when the token's text equals s (ASCII case-insensitive when nocase). */
int nw_tok_is(const nw_doc *d, size_t i, const char *s, int nocase);

/* Abbreviations that keep their period ("Mr.", "Feb.", "No."), as data. */
int nw_is_abbrev(const char *word, size_t n);

/* ---- calendar (calendar.c): proleptic Gregorian ----------------------- */

int nw_is_leap_year(int y);
int nw_days_in_month(int y, int m); /* 0 when m is not 1..12 */
int64_t nw_days_from_civil(int y, int m, int d); /* days since 1970-01-01 */
void nw_civil_from_days(int64_t z, int *y, int *m, int *d);
int nw_weekday(int y, int m, int d); /* ISO: Monday 1 .. Sunday 7 */
/* ISO 8601 week of a date: *wy is the week-numbering year. */
void nw_iso_week(int y, int m, int d, int *wy, int *wk);
int nw_iso_weeks_in_year(int y); /* 52 or 53 */
/* Shift a date by n months (day clamped to the month's length). */
void nw_add_months(int *y, int *m, int *d, int n);
/* "YYYY-MM-DD" (at least 10 bytes, more ignored) -> 1 and fields, else 0. */
int nw_parse_ymd(const char *s, size_t n, int *y, int *m, int *d);
/* Whether ref (n bytes) is a reference date: "YYYY-MM-DD" (year 0001 to
** 9999, a real day), alone or followed by a time ('T' or ' ' and more); or
** "YYYY" or "YYYY-MM" (a publication date news_date gives), which anchors
** nothing, as no reference. */
int nw_date_ref_valid(const char *ref, size_t n);
/* A date as text: "YYYY-MM-DD" is NW_YMD_LEN bytes; a buffer for any date
** value ("YYYY-MM-DD", "YYYY-MM", "YYYY") and its NUL is NW_DATE_BUF bytes. */
enum { NW_YMD_LEN = 10, NW_DATE_BUF = 16 };

/* ---- possessives (possessive.c) -------------------------------------- */

/* Bytes of the possessive ending of a word as written: 's or ’s ("Putin's",
** "Putin’s"), ' or ’ after an s ("officials'", "officials’"); 0 when there is
** none, and for the contractions "it's", "he's", "let's" (is, has, us). */
size_t nw_possessive_suffix(const char *w, size_t n);
/* Token i is the possessive 's or ’s the tokenizer splits off the word
** before it ("Putin" "’s"), not the 's of "it's" or "he's". */
int nw_tok_possessive(const nw_doc *d, size_t i);

/* ---- text helpers ---------------------------------------------------- */

/* Case- and accent-folded key (NFKC casefold, marks stripped, apostrophes
** and quotation marks unified). Appends to out. Returns 0, -1 (OOM), or on a
** long text NW_STOPPED when the caller asked to stop (nw_stop_requested). */
int nw_fold(const char *s, size_t n, nw_buf *out);

/* NFC-normalize and tidy white space (spaces collapsed, trailing spaces cut,
** at most one blank line between paragraphs). Appends to out. */
int nw_normalize(const char *s, size_t n, nw_buf *out);

#endif
