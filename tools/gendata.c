/* gendata: compiles the data files of one module (data/<module>/NAME.tsv or .txt)
** into the C tables the library reads, and a hash of their rows that models
** are stamped with (see data/<module>/README.md).
**
**   gendata OUT.c data/<module>/FILE...
**
** Every file must be one the schema below knows; every line is a comment
** (#...), blank, or a row whose columns are separated by one or more tabs
** ("-" is an empty column). A row with the wrong column count, an unknown
** name, a bad number or a pattern PCRE2 rejects stops the build with
** "FILE:LINE: what is wrong". The output is written only when all is well.
** A build tool, not part of the library. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <errno.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- schema ------------------------------------------------------------- */

typedef struct sym {
  const char *name, *c; /* name in the data file, C expression */
} sym;

typedef enum col_type {
  T_WORD,      /* one word: no spaces */
  T_TEXT,      /* any text (may hold spaces) */
  T_WORDS,     /* words separated by spaces, written joined by one space */
  T_ALIASES,   /* names separated by '|', none empty */
  T_EMPTY_OK,  /* text, "-" written as "" */
  T_NULL_OK,   /* lower-case words separated by '|', "-" written as NULL */
  T_ENUM,      /* one name of syms */
  T_FLAGS,     /* names of syms separated by spaces, OR'ed */
  T_INT,       /* an integer in [lo, hi] */
  T_INT_NAMES, /* an integer in [lo, hi] or names of syms OR'ed */
  T_PATTERN,   /* a PCRE2 pattern (UTF, Unicode properties, caseless) */
  T_ALTERNATIVE, /* a PCRE2 alternative (caseless), joined with '|' into one pattern */
  T_ROUTE,     /* names the table the row goes to (syms: name -> table) */
} col_type;

typedef struct column {
  const char *name;
  col_type type;
  const sym *syms;
  long lo, hi;
} column;

enum { MAX_COLS = 4, MAX_FIELDS = 64 };

/* One C table. Rows are "{col, col, extra}" or, when bare, the one column. */
typedef struct table {
  const char *sym;   /* C name */
  const char *decl;  /* "const qx_cue" or NULL for "const char *const" */
  const char *count; /* C name of the row count, or NULL */
  int null_end;      /* array ends with NULL */
  int joined;        /* one string: rows joined by '|' between prefix and suffix */
  const char *prefix, *suffix;
} table;

typedef struct datafile {
  const char *path;  /* "<module>/<name>" under data/ */
  const char *table; /* C name of the table its rows go to (NULL: routed) */
  int ncols;
  column cols[MAX_COLS];
  int nout;            /* fields of a row */
  int order[MAX_COLS]; /* the columns that fill them, in the C struct's order */
  const char *extra;   /* a constant last field of every row, or NULL */
  int unique;          /* 1 + the column whose words no two rows may share (0: none) */
  int nocase;          /* ... compared without ASCII case (the table is looked up so) */
  int more;            /* the last column repeats: from min_cols to MAX_FIELDS fields */
  int min_cols;
  int no_model_reads;  /* read only after every model ran: left out of the module's hash (the
                       ** models' stamp), so an edit needs no retraining. Wrong once a feature reads it. */
} datafile;

typedef struct module {
  const char *name;
  const char *includes; /* #include lines of the headers declaring the tables */
} module;
/* A file with no table is only checked and hashed: its module reads it at run
** time (data/identity/, data/outlets/: embedded by ext/identity/identity_data.c). */

#define S(n, ident) {.name = n, .c = #ident}
static const sym abbrev_kinds[] = {{"title", "'T'"}, {"weak", "'W'"}, {"month", "'M'"}, {0, 0}};
static const sym date_kinds[] = {
    S("month", DW_MONTH),     S("weekday", DW_WEEKDAY), S("num", DW_NUM),         S("ord", DW_ORD),
    S("unit", DW_UNIT),       S("season", DW_SEASON),   S("pod", DW_POD),         S("rel", DW_REL),
    S("edge", DW_EDGE),       S("dayrel", DW_DAYREL),   S("ref", DW_REF),         S("every", DW_EVERY),
    S("setadv", DW_SETADV),   S("future", DW_FUTURE),   S("past", DW_PAST),       S("holiday", DW_HOLIDAY),
    S("holiday_day", DW_HOLIDAY_DAY), S("ago", DW_AGO), S("approx", DW_APPROX),   S("fiscal", DW_FISCAL),
    S("timeword", DW_TIMEWORD), S("ampm", DW_AMPM),     S("tz", DW_TZ),           S("few", DW_FEW),
    S("det", DW_DET),         S("mult", DW_MULT),       S("prep", DW_PREP),       S("bound", DW_BOUND),
    S("period", DW_PERIOD),   S("decade", DW_DECADE),   S("dayname", DW_DAYNAME), S("generic", DW_GENERIC),
    {0, 0}};
/* Named values of the dates tables: units, parts of the day, references. */
static const sym date_values[] = {
    S("second", DU_SECOND), S("minute", DU_MINUTE),   S("hour", DU_HOUR),       S("day", DU_DAY),
    S("week", DU_WEEK),     S("weekend", DU_WEEKEND), S("month", DU_MONTH),     S("quarter", DU_QUARTER),
    S("half", DU_HALF),     S("year", DU_YEAR),       S("decade", DU_DECADE),   S("century", DU_CENTURY),
    S("millennium", DU_MILLENNIUM), S("plural", DU_PLURAL), S("morning", DP_MORNING),
    S("afternoon", DP_AFTERNOON), S("evening", DP_EVENING), S("night", DP_NIGHT), S("daytime", DP_DAYTIME),
    S("present", DR_PRESENT), S("past", DR_PAST),     S("future", DR_FUTURE),   {0, 0}};
static const sym phrase_kinds[] = {
    S("bound", PH_BOUND),           S("count", PH_COUNT),           S("count_noun", PH_COUNT_NOUN),
    S("future_noun", PH_FUTURE_NOUN), S("ref", PH_REF),             S("vague_tail", PH_VAGUE_TAIL),
    S("part_of", PH_PART_OF),       S("shift", PH_SHIFT),           S("whole_year", PH_WHOLE_YEAR),
    S("year_ended", PH_YEAR_ENDED), S("same_period", PH_SAME_PERIOD), S("holiday", PH_HOLIDAY),
    {0, 0}};
static const sym cue_kinds[] = {S("say", CUE_SAY), S("stance", CUE_STANCE), S("source", CUE_SOURCE),
                                S("quoted", CUE_QUOTED), {0, 0}};
static const sym name_word_classes[] = {{"title", "title"}, {"suffix", "suffix"}, {0, 0}};
static const sym genders[] = {{"male", "1"}, {"female", "2"}, {0, 0}};
static const sym cue_particle[] = {{"optional", "0"}, {"required", "1"}, {0, 0}};
static const sym word_classes[] = {
    S("pronoun", QW_PRONOUN),   S("male", QW_MALE),         S("female", QW_FEMALE),
    S("plural", QW_PLURAL),     S("det", QW_DET),           S("skip", QW_SKIP),
    S("stop", QW_STOP),         S("link", QW_LINK),         S("title", QW_TITLE),
    S("honorific", QW_HONORIFIC), S("doc", QW_DOC),         S("name_particle", QW_NAME_PARTICLE),
    S("not_name", QW_NOT_NAME), S("relative", QW_RELATIVE), S("group", QW_GROUP),
    S("opener", QW_OPENER),     S("people", QW_PEOPLE),     S("places", QW_PLACES),
    S("titled", QW_TITLED),     S("not_speaker", QW_NOT_SPEAKER), S("intro", QW_INTRO),
    S("generic_head", QW_GENERIC_HEAD), {0, 0}};
static const sym line_actions[] = {
    S("keep", LR_KEEP),   S("drop", LR_DROP),   S("rule", LR_RULE),   S("drop_next", LR_DROP_NEXT),
    S("embed", LR_EMBED), S("tweet", LR_TWEET), S("url", LR_URL),     S("date", LR_DATE),
    S("byline", LR_BYLINE), S("title", LR_TITLE), S("source", LR_SOURCE), S("copyright", LR_COPYRIGHT),
    {0, 0}};
static const sym html_tag_roles[] = {{"drop", "nw_html_drop_tags"}, {"block", "nw_html_block_tags"}, {0, 0}};
static const sym html_word_lists[] = {
    {"unlikely", "nw_html_unlikely"}, {"unlikely_part", "nw_html_unlikely_words"},
    {"maybe", "nw_html_maybe"},       {"posts", "nw_html_posts"},
    {"positive", "nw_html_positive"}, {"negative", "nw_html_negative"}, {"comments", "nw_html_comments"}, {0, 0}};
#undef S

static const module modules[] = {
    {"core", "#include \"../../ext/core/abbrev_data.h\"\n"},
    {"dates", "#include \"../../ext/dates/dates_internal.h\"\n"},
    {"quotes", "#include \"../../ext/quotes/quotes_lexicon.h\"\n"},
    {"articles", "#include \"../../ext/articles/html_rules.h\"\n#include \"../../ext/articles/text_rules.h\"\n"},
    {"ner", "#include \"../../ext/entities/ner_internal.h\"\n"},
    {"identity", ""},
    {"outlets", ""},
};

static const table tables[] = {
    {"nw_abbrevs", "const nw_abbrev", "nw_abbrevs_count", 0, 0, 0, 0},
    {"nw_sentence_starters", NULL, "nw_sentence_starters_count", 0, 0, 0, 0},
    {"dt_words", "const dt_word", "dt_words_count", 0, 0, 0, 0},
    {"dt_phrases", "const dt_phrase", "dt_phrases_count", 0, 0, 0, 0},
    {"qx_cues", "const qx_cue", "qx_cues_count", 0, 0, 0, 0},
    {"qx_words", "const qx_word", "qx_words_count", 0, 0, 0, 0},
    {"qx_given_names", "const qx_given_name", "qx_given_names_count", 0, 0, 0, 0},
    {"nw_outlets", "const nw_outlet", "nw_outlet_count", 0, 0, 0, 0},
    {"nw_line_rules", "const nw_line_rule", "nw_line_rule_count", 0, 0, 0, 0},
    {"nw_html_drop_tags", NULL, NULL, 1, 0, 0, 0},
    {"nw_html_block_tags", NULL, NULL, 1, 0, 0, 0},
    {"nw_html_unlikely", NULL, NULL, 0, 1, "", ""},
    /* shorter words, matched as whole parts of a dashed or underscored name */
    {"nw_html_unlikely_words", NULL, NULL, 0, 1, "(?:^|[-_ ])(?:", ")(?:$|[-_ 0-9])"},
    {"nw_html_maybe", NULL, NULL, 0, 1, "", ""},
    {"nw_html_posts", NULL, NULL, 0, 1, "", ""},
    {"nw_html_positive", NULL, NULL, 0, 1, "", ""},
    {"nw_html_negative", NULL, NULL, 0, 1, "", ""},
    /* reader comments, matched as whole parts like unlikely_part */
    {"nw_html_comments", NULL, NULL, 0, 1, "(?:^|[-_ ])(?:", ")(?:$|[-_ 0-9])"},
    {"ner_gaz_data", "const ner_gaz_entry", "ner_gaz_data_count", 0, 0, 0, 0},
};

static const column word = {.name = "word", .type = T_WORD}, phrase = {.name = "phrase", .type = T_TEXT};
/* A gazetteer of data/ner/: one phrase per line, the category is the file's. */
#define GAZ(file, cat) \
  {.path = "ner/" file ".txt", .table = "ner_gaz_data", .ncols = 1, .cols = {phrase}, .nout = 1, .extra = #cat}
static const datafile files[] = {
    {.path = "core/abbreviations.tsv", .table = "nw_abbrevs", .ncols = 2,
     .cols = {word, {.name = "kind", .type = T_ENUM, .syms = abbrev_kinds}}, .nout = 2, .order = {0, 1}, .unique = 1},
    {.path = "core/sentence_starters.txt", .table = "nw_sentence_starters", .ncols = 1, .cols = {word}, .nout = 1,
     .unique = 1},
    {.path = "dates/words.tsv", .table = "dt_words", .ncols = 3,
     .cols = {word, {.name = "kind", .type = T_ENUM, .syms = date_kinds},
              {.name = "value", .type = T_INT_NAMES, .syms = date_values, .lo = -32768, .hi = 32767}},
     .nout = 3, .order = {0, 1, 2}},
    {.path = "dates/phrases.tsv", .table = "dt_phrases", .ncols = 3,
     .cols = {{.name = "phrase", .type = T_WORDS}, {.name = "kind", .type = T_ENUM, .syms = phrase_kinds},
              {.name = "value", .type = T_INT_NAMES, .syms = date_values, .lo = -32768, .hi = 32767}},
     .nout = 3, .order = {0, 1, 2}},
    {.path = "quotes/cues.tsv", .table = "qx_cues", .ncols = 4,
     .cols = {{.name = "forms", .type = T_WORDS}, {.name = "particles", .type = T_EMPTY_OK},
              {.name = "kind", .type = T_ENUM, .syms = cue_kinds}, {.name = "particle", .type = T_ENUM, .syms = cue_particle}},
     .nout = 4, .order = {0, 1, 2, 3}, .unique = 1, .nocase = 1},
    {.path = "quotes/words.tsv", .table = "qx_words", .ncols = 2,
     .cols = {word, {.name = "classes", .type = T_FLAGS, .syms = word_classes}}, .nout = 2, .order = {0, 1}},
    {.path = "quotes/given_names.tsv", .table = "qx_given_names", .ncols = 2,
     .cols = {{.name = "name", .type = T_WORD}, {.name = "gender", .type = T_ENUM, .syms = genders}}, .nout = 2,
     .order = {0, 1}, .unique = 1, .no_model_reads = 1}, /* only qx_resolve, after the chooser */
    {.path = "articles/outlets.tsv", .table = "nw_outlets", .ncols = 3,
     .cols = {{.name = "name", .type = T_TEXT}, {.name = "host", .type = T_WORD}, {.name = "aliases", .type = T_ALIASES}},
     .nout = 3, .order = {0, 1, 2}},
    {.path = "articles/text_rules.tsv", .table = "nw_line_rules", .ncols = 4,
     .cols = {{.name = "action", .type = T_ENUM, .syms = line_actions}, {.name = "max_len", .type = T_INT, .lo = 1, .hi = 65535},
              {.name = "need", .type = T_NULL_OK}, {.name = "pattern", .type = T_PATTERN}},
     .nout = 4, .order = {3, 0, 1, 2}},
    {.path = "articles/html_tags.tsv", .ncols = 2,
     .cols = {{.name = "tag", .type = T_WORD}, {.name = "role", .type = T_ROUTE, .syms = html_tag_roles}}, .nout = 1,
     .order = {0}, .unique = 1, .nocase = 1},
    {.path = "articles/html_class_words.tsv", .ncols = 2,
     .cols = {{.name = "list", .type = T_ROUTE, .syms = html_word_lists}, {.name = "alternative", .type = T_ALTERNATIVE}},
     .nout = 1, .order = {1}},
    {.path = "identity/aliases.tsv", .ncols = 2, .cols = {{.name = "key", .type = T_TEXT}, {.name = "alias", .type = T_TEXT}},
     .more = 1, .min_cols = 2},
    {.path = "identity/name_words.tsv", .ncols = 2,
     .cols = {{.name = "class", .type = T_ENUM, .syms = name_word_classes}, {.name = "word", .type = T_TEXT}}},
    {.path = "identity/nicknames.tsv", .ncols = 2,
     .cols = {{.name = "name", .type = T_WORD}, {.name = "short form", .type = T_WORD}}, .more = 1, .min_cols = 2},
    {.path = "outlets/known.tsv", .ncols = 3,
     .cols = {{.name = "name", .type = T_TEXT}, {.name = "domain", .type = T_WORD}, {.name = "other name", .type = T_TEXT}},
     .more = 1, .min_cols = 2},
    GAZ("countries", GAZ_COUNTRY),
    GAZ("demonyms", GAZ_DEMONYM),
    GAZ("cities", GAZ_CITY),
    GAZ("regions", GAZ_REGION),
    GAZ("organizations", GAZ_ORG),
    GAZ("first_names", GAZ_FIRST_NAME),
    GAZ("titles", GAZ_TITLE),
    GAZ("org_suffixes", GAZ_ORG_SUFFIX),
    GAZ("common", GAZ_COMMON),
    GAZ("sports_clubs", GAZ_CLUB),
    GAZ("honorifics", GAZ_HONORIFIC),
    GAZ("non_entities", GAZ_NON_ENTITY),
};
/* Files not compiled but hashed on their own (a model that other models'
** features depend on): the C name of the hash. */
static const sym hashed_only[] = {{"ner/model.bin", "nw_data_hash_ner_model"}};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
enum { NTABLES = COUNT(tables) };

/* ---- helpers ------------------------------------------------------------ */

static const char *cur_file;
static long cur_line;

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (cur_file) fprintf(stderr, cur_line ? "%s:%ld: " : "%s: ", cur_file, cur_line);
  else fprintf(stderr, "gendata: ");
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n);
  if (!p) die("out of memory");
  return p;
}

typedef struct buf {
  char *s;
  size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    b->cap = (b->n + n + 1) * 2;
    b->s = xrealloc(b->s, b->cap);
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = 0;
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

/* A C string literal; "??" is split so that no trigraph forms. */
static void put_literal(buf *b, const char *s, size_t n) {
  puts_(b, "\"");
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '"' || c == '\\') put(b, "\\", 1);
    if (c == '?' && i > 0 && s[i - 1] == '?') put(b, "\\", 1);
    put(b, &c, 1);
  }
  puts_(b, "\"");
}

/* FNV-1a over the rows (not the comments), so that editing a comment leaves a
** model fresh while any change of an entry makes it stale. */
static uint64_t fnv(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 0x100000001b3ull;
  return h;
}

static const sym *find_sym(const sym *syms, const char *s, size_t n) {
  for (const sym *y = syms; y->name; y++)
    if (strlen(y->name) == n && memcmp(y->name, s, n) == 0) return y;
  return NULL;
}

static void die_unknown(const column *c, const char *s, size_t n) {
  char known[1024] = "";
  for (const sym *y = c->syms; y->name; y++) {
    if (strlen(known) + strlen(y->name) + 3 >= sizeof known) break;
    if (known[0]) strcat(known, ", ");
    strcat(known, y->name);
  }
  die("unknown %s \"%.*s\" (known: %s)", c->name, (int)n, s, known);
}

/* Names of syms separated by spaces, as "A | B". */
static void put_flags(buf *b, const column *c, const char *s) {
  int first = 1;
  while (*s) {
    size_t n = strcspn(s, " ");
    if (n) {
      const sym *y = find_sym(c->syms, s, n);
      if (!y) die_unknown(c, s, n);
      if (!first) puts_(b, " | ");
      puts_(b, y->c);
      first = 0;
    }
    s += n + (s[n] == ' ');
  }
}

static int parse_int(const char *s, long *v) {
  char *end;
  errno = 0;
  *v = strtol(s, &end, 10);
  return end != s && !*end && !errno && !isspace((unsigned char)*s);
}

static void check_pattern(const char *s, uint32_t flags) {
  int errc;
  PCRE2_SIZE off;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, flags, &errc, &off, NULL);
  if (code) {
    pcre2_code_free(code);
    return;
  }
  PCRE2_UCHAR why[160];
  pcre2_get_error_message(errc, why, sizeof why);
  die("bad pattern at offset %zu (%s): %s", (size_t)off, (const char *)why, s);
}

/* One column's C expression. */
static void put_column(buf *b, const column *c, const char *s) {
  size_t n = strlen(s);
  int dash = strcmp(s, "-") == 0;
  long v;
  switch (c->type) {
  case T_WORD:
    if (strchr(s, ' ')) die("%s \"%s\" must be one word", c->name, s);
    put_literal(b, s, n);
    break;
  case T_TEXT:
    put_literal(b, s, n);
    break;
  case T_WORDS:
    if (strstr(s, "  ")) die("%s \"%s\": one space between words", c->name, s);
    put_literal(b, s, n);
    break;
  case T_ALIASES:
    if (s[0] == '|' || s[n - 1] == '|' || strstr(s, "||")) die("%s \"%s\": an empty name between '|'", c->name, s);
    put_literal(b, s, n);
    break;
  case T_EMPTY_OK:
    put_literal(b, s, dash ? 0 : n);
    break;
  case T_NULL_OK:
    if (dash) {
      puts_(b, "NULL");
      break;
    }
    for (const char *p = s; *p; p++)
      if (isupper((unsigned char)*p)) die("%s \"%s\" must be lower case", c->name, s);
    if (s[0] == '|' || s[n - 1] == '|' || strstr(s, "||")) die("%s \"%s\": an empty word between '|'", c->name, s);
    put_literal(b, s, n);
    break;
  case T_ENUM: {
    const sym *y = find_sym(c->syms, s, n);
    if (!y) die_unknown(c, s, n);
    puts_(b, y->c);
    break;
  }
  case T_FLAGS:
    put_flags(b, c, s);
    break;
  case T_INT:
  case T_INT_NAMES:
    if (parse_int(s, &v)) {
      if (v < c->lo || v > c->hi) die("%s %ld is outside %ld..%ld", c->name, v, c->lo, c->hi);
      char num[32];
      snprintf(num, sizeof num, "%ld", v);
      puts_(b, num);
    } else if (c->type == T_INT_NAMES) put_flags(b, c, s);
    else die("%s \"%s\" is not a number", c->name, s);
    break;
  case T_PATTERN:
    check_pattern(s, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS);
    put_literal(b, s, n);
    break;
  case T_ALTERNATIVE:
    check_pattern(s, PCRE2_CASELESS);
    put_literal(b, s, n);
    break;
  case T_ROUTE:
    break;
  }
}

/* ---- words seen (a set of the words of a unique column) ----------------- */

typedef struct seen_word {
  char *w;
  long line;
} seen_word;
static seen_word *seen;
static size_t seen_cap, seen_n;

static uint64_t word_hash(const char *w, size_t n, int nocase) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)(nocase ? tolower((unsigned char)w[i]) : w[i])) * 0x100000001b3ull;
  return h;
}

/* Stops when w[0..n) was on an earlier row of the file; remembers it. */
static void see_word(const char *w, size_t n, int nocase) {
  if (2 * (seen_n + 1) > seen_cap) {
    seen_word *old = seen;
    size_t cap = seen_cap;
    seen_cap = cap ? 2 * cap : 1024;
    seen = calloc(seen_cap, sizeof *seen);
    if (!seen) die("out of memory");
    seen_n = 0;
    for (size_t i = 0; i < cap; i++)
      if (old[i].w) {
        size_t k = word_hash(old[i].w, strlen(old[i].w), nocase) & (seen_cap - 1);
        while (seen[k].w) k = (k + 1) & (seen_cap - 1);
        seen[k] = old[i];
        seen_n++;
      }
    free(old);
  }
  size_t k = word_hash(w, n, nocase) & (seen_cap - 1);
  for (; seen[k].w; k = (k + 1) & (seen_cap - 1)) {
    const char *o = seen[k].w;
    if (strlen(o) == n && (nocase ? strncasecmp(o, w, n) : strncmp(o, w, n)) == 0)
      die("\"%.*s\" is already on line %ld (one row per word)", (int)n, w, seen[k].line);
  }
  seen[k].w = strndup(w, n);
  if (!seen[k].w) die("out of memory");
  seen[k].line = cur_line;
  seen_n++;
}

static void forget_words(void) {
  for (size_t i = 0; i < seen_cap; i++) free(seen[i].w);
  free(seen);
  seen = NULL;
  seen_cap = seen_n = 0;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct rows {
  buf c;       /* the rows' C text */
  size_t n;    /* rows */
  int present; /* a file feeds this table */
} rows;

static rows out_rows[NTABLES];

static size_t table_index(const char *name) {
  for (size_t i = 0; i < NTABLES; i++)
    if (strcmp(tables[i].sym, name) == 0) return i;
  die("no table %s (a schema error in gendata.c)", name);
  return 0;
}

/* The column that names a routed file's table. */
static int route_column(const datafile *f) {
  for (int i = 0; i < f->ncols; i++)
    if (f->cols[i].type == T_ROUTE) return i;
  die("no table for %s (a schema error in gendata.c)", f->path);
  return 0;
}

static void add_row(const datafile *f, char **col, uint64_t *hash) {
  size_t t;
  if (f->table) t = table_index(f->table);
  else {
    int rc = route_column(f);
    const sym *y = find_sym(f->cols[rc].syms, col[rc], strlen(col[rc]));
    if (!y) die_unknown(&f->cols[rc], col[rc], strlen(col[rc]));
    t = table_index(y->c);
  }
  const table *tb = &tables[t];
  rows *r = &out_rows[t];
  buf row = {0};
  int bare = !tb->decl;
  if (!bare) puts_(&row, "{");
  for (int k = 0; k < f->nout; k++) {
    if (k) puts_(&row, ", ");
    put_column(&row, &f->cols[f->order[k]], col[f->order[k]]);
  }
  if (f->extra) {
    puts_(&row, ", ");
    puts_(&row, f->extra);
  }
  if (!bare) puts_(&row, "}");
  if (tb->joined) {
    /* the alternative's text, joined later; the check above used it alone */
    const char *alt = col[f->order[0]];
    if (r->n) put(&r->c, "|", 1);
    put(&r->c, alt, strlen(alt));
  } else {
    puts_(&r->c, "  ");
    put(&r->c, row.s, row.n);
    puts_(&r->c, ",\n");
  }
  r->n++;
  free(row.s);
  for (int i = 0; i < f->ncols; i++) {
    *hash = fnv(*hash, col[i], strlen(col[i]));
    *hash = fnv(*hash, i + 1 < f->ncols ? "\t" : "\n", 1);
  }
}

/* 1 when s[0..n) is well-formed UTF-8 (no overlong forms, surrogates or
** code points past U+10FFFF): the tables go into C strings as they are. */
static int utf8_ok(const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned c = s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (!len || i + len > n) return 0;
    uint32_t cp = len == 1 ? c : c & (0x7Fu >> len);
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    i += len;
  }
  return 1;
}

/* A row of a file with no table: its fields checked and hashed. */
static void check_row(const datafile *f, char **col, int n, uint64_t *hash) {
  buf scratch = {0};
  for (int i = 0; i < n; i++) {
    put_column(&scratch, &f->cols[i < f->ncols ? i : f->ncols - 1], col[i]);
    *hash = fnv(*hash, col[i], strlen(col[i]));
    *hash = fnv(*hash, i + 1 < n ? "\t" : "\n", 1);
  }
  free(scratch.s);
}

static void trim(char **s) {
  char *p = *s;
  while (*p == ' ' || *p == '\t') p++;
  size_t n = strlen(p);
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' || p[n - 1] == '\n')) p[--n] = 0;
  *s = p;
}

static void read_file(const char *path, const datafile *f, uint64_t *hash) {
  FILE *in = fopen(path, "rb");
  if (!in) die("cannot read: %s", strerror(errno));
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  int header = 0;
  cur_line = 0;
  while ((got = getline(&line, &cap, in)) >= 0) {
    cur_line++;
    if (memchr(line, 0, (size_t)got)) die("a NUL byte in the line");
    if (!utf8_ok((const unsigned char *)line, (size_t)got)) die("the line is not valid UTF-8");
    char *s = line;
    trim(&s);
    if (*s == '#') {
      if (cur_line == 1) header = 1;
      continue;
    }
    if (!*s) continue;
    if (!header) die("the file must start with a comment saying its columns and where its entries come from");
    char *col[MAX_FIELDS + 1];
    int n = 0;
    while (*s && n <= MAX_FIELDS) {
      col[n++] = s;
      s += strcspn(s, "\t");
      if (*s) {
        *s++ = 0;
        while (*s == '\t') s++;
      }
    }
    if (f->more ? n < f->min_cols || n > MAX_FIELDS : n != f->ncols) {
      char names[256] = "";
      for (int i = 0; i < f->ncols; i++) {
        if (i) strcat(names, ", ");
        strcat(names, f->cols[i].name);
      }
      die("%d column%s where %s%d (%s%s) are expected, separated by tabs", n, n == 1 ? "" : "s",
          f->more ? "at least " : "", f->more ? f->min_cols : f->ncols, names, f->more ? ", ..." : "");
    }
    for (int i = 0; i < n; i++) {
      trim(&col[i]);
      if (!*col[i]) die("empty %s column (write \"-\")", f->cols[i < f->ncols ? i : f->ncols - 1].name);
    }
    if (f->unique)
      for (const char *w = col[f->unique - 1]; *w;) {
        size_t n = strcspn(w, " ");
        if (n) see_word(w, n, f->nocase);
        w += n + (w[n] == ' ');
      }
    if (f->table || f->nout) add_row(f, col, hash);
    else check_row(f, col, n, hash);
  }
  forget_words();
  if (ferror(in)) die("read error");
  free(line);
  fclose(in);
  cur_line = 0;
}

static uint64_t hash_raw(const char *path, uint64_t h) {
  FILE *in = fopen(path, "rb");
  if (!in) die("cannot read: %s", strerror(errno));
  char b[65536];
  size_t n;
  while ((n = fread(b, 1, sizeof b, in)) > 0) h = fnv(h, b, n);
  fclose(in);
  return h;
}

/* ---- writing ------------------------------------------------------------ */

static void write_tables(FILE *out, const char *mod) {
  for (size_t t = 0; t < NTABLES; t++) {
    const table *tb = &tables[t];
    rows *r = &out_rows[t];
    if (!r->present) continue;
    if (tb->joined) {
      buf lit = {0};
      size_t np = strlen(tb->prefix), ns = strlen(tb->suffix);
      buf all = {0};
      put(&all, tb->prefix, np);
      if (r->c.s) put(&all, r->c.s, r->c.n);
      put(&all, tb->suffix, ns);
      cur_file = mod;
      check_pattern(all.s, PCRE2_CASELESS);
      cur_file = NULL;
      put_literal(&lit, all.s, all.n);
      fprintf(out, "const char *const %s =\n  %s;\n\n", tb->sym, lit.s);
      free(lit.s);
      free(all.s);
      continue;
    }
    fprintf(out, "%s %s[] = {\n%s%s};\n", tb->decl ? tb->decl : "const char *const", tb->sym, r->c.s ? r->c.s : "",
            tb->null_end ? "  NULL,\n" : "");
    if (tb->count) fprintf(out, "const size_t %s = %zu;\n", tb->count, r->n);
    fputc('\n', out);
  }
}

/* ---- main --------------------------------------------------------------- */

/* "data/<module>/<name>" -> "<module>/<name>" (the last two parts). */
static const char *key_of(const char *path) {
  const char *end = path + strlen(path), *p = end;
  int slashes = 0;
  while (p > path && slashes < 2) {
    p--;
    if (*p == '/') slashes++;
  }
  return slashes == 2 ? p + 1 : path;
}

static int in_module(const char *key, const char *mod) {
  size_t n = strlen(mod);
  return strncmp(key, mod, n) == 0 && key[n] == '/';
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: gendata OUT.c data/<module>/FILE...\n");
    return 2;
  }
  const char *outpath = argv[1];
  const module *mod = NULL;
  uint64_t hash = 0xcbf29ce484222325ull, raw_hash[COUNT(hashed_only)] = {0};
  int raw_given[COUNT(hashed_only)] = {0};
  for (int a = 2; a < argc; a++) {
    cur_file = argv[a];
    const char *key = key_of(argv[a]);
    size_t mlen = strcspn(key, "/");
    const module *m = NULL;
    for (size_t i = 0; i < COUNT(modules); i++)
      if (strlen(modules[i].name) == mlen && memcmp(modules[i].name, key, mlen) == 0) m = &modules[i];
    if (!m) die("not in a known module folder (data/core, dates, quotes, articles, ner)");
    if (mod && m != mod) die("belongs to module %s, not %s (one module per output)", m->name, mod->name);
    mod = m;
    const datafile *f = NULL;
    for (size_t i = 0; i < COUNT(files); i++)
      if (strcmp(files[i].path, key) == 0) f = &files[i];
    int raw = -1;
    for (size_t i = 0; i < COUNT(hashed_only); i++)
      if (strcmp(hashed_only[i].name, key) == 0) raw = (int)i;
    if (!f && raw < 0) {
      char known[2048] = "";
      for (size_t i = 0; i < COUNT(files); i++)
        if (strncmp(files[i].path, key, mlen + 1) == 0 && strlen(known) + strlen(files[i].path) + 8 < sizeof known)
          strcat(strcat(known, known[0] ? ", data/" : "data/"), files[i].path);
      die("unknown data file: gendata knows %s (add the file to its schema in tools/gendata.c)", known);
    }
    if (raw >= 0) {
      raw_hash[raw] = hash_raw(argv[a], 0xcbf29ce484222325ull);
      raw_given[raw] = 1;
      continue;
    }
    uint64_t unused = 0;
    uint64_t *file_hash = f->no_model_reads ? &unused : &hash;
    *file_hash = fnv(*file_hash, key, strlen(key) + 1);
    if (f->table) out_rows[table_index(f->table)].present = 1;
    else if (f->nout)
      for (const sym *y = f->cols[route_column(f)].syms; y->name; y++)
        out_rows[table_index(y->c)].present = 1;
    read_file(argv[a], f, file_hash);
  }
  cur_file = NULL;
  /* every table of the module needs its file */
  for (size_t i = 0; i < COUNT(files); i++) {
    if (!in_module(files[i].path, mod->name)) continue;
    int given = 0;
    for (int a = 2; a < argc; a++) given |= strcmp(key_of(argv[a]), files[i].path) == 0;
    if (!given) die("data/%s is missing (module %s needs it)", files[i].path, mod->name);
  }
  for (size_t i = 0; i < COUNT(hashed_only); i++)
    if (in_module(hashed_only[i].name, mod->name) && !raw_given[i])
      die("data/%s is missing (module %s needs it)", hashed_only[i].name, mod->name);
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", outpath);
  FILE *out = fopen(tmp, "w");
  if (!out) die("cannot write %s: %s", tmp, strerror(errno));
  fprintf(out, "/* Generated by tools/gendata.c from data/%s/. Do not edit: edit the data files. */\n", mod->name);
  fprintf(out, "#include <stddef.h>\n#include <stdint.h>\n%s#include \"../../ext/core/data_stamp.h\"\n\n",
          mod->includes);
  write_tables(out, mod->name);
  fprintf(out, "const uint64_t nw_data_hash_%s = 0x%016llxull;\n", mod->name, (unsigned long long)hash);
  for (size_t i = 0; i < COUNT(hashed_only); i++)
    if (raw_given[i]) fprintf(out, "const uint64_t %s = 0x%016llxull;\n", hashed_only[i].c, (unsigned long long)raw_hash[i]);
  if (fclose(out) || rename(tmp, outpath)) die("cannot write %s: %s", outpath, strerror(errno));
  return 0;
}
