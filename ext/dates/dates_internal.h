/* Internals of the temporal-expression extractor (ext/dates/): the word
** tables, the recognizers' result (a dt_spec) and its normalizer.
** Flow: tokens -> recognizers (dates_recognize.c) fill a dt_spec per mention
** -> dates_normalize.c turns it into a TIMEX3 value against the reference. */
#ifndef NW_DATES_INTERNAL_H
#define NW_DATES_INTERNAL_H
#include <stddef.h>
#include <stdint.h>

#include "news_dates.h"

/* ---- word tables (data/dates/words.tsv, phrases.tsv; lookups: dates_words.c) */
typedef enum dt_word_kind {
  DW_MONTH = 1, /* val 1..12 */
  DW_WEEKDAY,   /* val 1..7 (ISO), plural forms have val + 10 */
  DW_NUM,       /* cardinal number word: val */
  DW_ORD,       /* ordinal word: val */
  DW_UNIT,      /* val: DU_* (plural forms have DU_PLURAL set) */
  DW_SEASON,    /* val: 1 SP, 2 SU, 3 FA, 4 WI */
  DW_POD,       /* part of day, val: DP_* */
  DW_REL,       /* last/next/this: val -1, +1, 0 ("past" is -2: duration-friendly) */
  DW_EDGE,      /* early/late/mid: val 1 early, 2 mid, 3 late */
  DW_DAYREL,    /* today/yesterday/tomorrow: val = day offset */
  DW_REF,       /* val DR_PRESENT/PAST/FUTURE: a word that is a reference by itself */
  DW_EVERY,     /* every/each */
  DW_SETADV,    /* daily/weekly/...: val = unit */
  DW_FUTURE,    /* future-tense marker */
  DW_PAST,      /* past-tense marker */
  DW_HOLIDAY,   /* val = month * 100 + day */
  DW_HOLIDAY_DAY, /* the same, named with "Day": "Independence Day", "Valentine's Day" */
  DW_AGO,       /* ago/earlier/before: -1; later/hence/from now: +1 */
  DW_APPROX,    /* nearly/about/some: a modifier kept in the extent */
  DW_FISCAL,
  DW_TIMEWORD,  /* noon/midnight: val = hour */
  DW_AMPM,      /* val 0 a.m., 12 p.m. */
  DW_TZ,        /* time zone names */
  DW_FEW,       /* several/few/couple/many: an unspecified count */
  DW_DET,       /* the/a/an: val 1 for a/an */
  DW_MULT,      /* hundred/thousand: val */
  DW_PREP,      /* in/on/at/during/for...: the word before a mention */
  DW_BOUND,     /* more/less/up/no/right/new: only start "more than two years", "up to 180 days", "right now" */
  DW_PERIOD,    /* quarter/period: what "the year-ago ..." names */
  DW_DECADE,    /* "nineties": val = 90 (of the 1900s) */
  DW_DAYNAME,   /* black/super/good...: a capitalized one before a weekday makes a name */
  DW_GENERIC,   /* nouns and adjectives after "today's" that make it the present age: "today's world" */
  DW_KIND_COUNT
} dt_word_kind;
/* A token's senses are bits of a uint64_t: word kinds first, then the kinds of phrase it starts. */
#define DT_PHRASE_BIT 40
_Static_assert((int)DW_KIND_COUNT <= DT_PHRASE_BIT, "word kinds are bits of a uint64_t below the phrase bits");

enum { DU_SECOND = 1, DU_MINUTE, DU_HOUR, DU_DAY, DU_WEEK, DU_WEEKEND, DU_MONTH, DU_QUARTER, DU_HALF, DU_YEAR,
       DU_DECADE, DU_CENTURY, DU_MILLENNIUM, DU_PLURAL = 64 };
enum { DP_MORNING = 1, DP_AFTERNOON, DP_EVENING, DP_NIGHT, DP_DAYTIME };
enum { DR_PRESENT = 1, DR_PAST, DR_FUTURE };

typedef struct dt_word {
  const char *word;
  uint8_t kind;
  int16_t val;
} dt_word;

extern const dt_word dt_words[];
extern const size_t dt_words_count;
/* First table entry for a word (matched without case), or -1; dt_word_next chains
** the other senses of the same word ("may": month and modal). *phrases: the kinds
** of phrase (bit k: kind k) the word starts. */
int dt_word_find(const char *w, size_t n, uint32_t *phrases);
int dt_word_next(int idx);
size_t dt_words_map_size(void);

/* Phrases: word sequences with one sense, matched token by token (dt_phrase_at in
** dates_tokens.c). The recognizers keep only the structure around them. */
typedef enum dt_phrase_kind {
  PH_BOUND = 1,   /* "more than", "at least", "up to": kept before a count */
  PH_COUNT,       /* "a few" (-1: unspecified), "a couple of" (2) */
  PH_COUNT_NOUN,  /* "couple of" after a determiner: "the next couple of years" (2) */
  PH_FUTURE_NOUN, /* after "the": "near future", "short term" (FUTURE_REF) */
  PH_REF,         /* a reference by itself in two words: "right now" (val DR_*) */
  PH_VAGUE_TAIL,  /* after a period: "a week or so" */
  PH_PART_OF,     /* after "the", before a period: "end of", "middle of" */
  PH_SHIFT,       /* after "the", before a unit named earlier: "same" 0, "following" +1, "previous" -1 */
  PH_WHOLE_YEAR,  /* after "the", before "[fiscal] year": "full"/"current" 1, "latest" -1 */
  PH_YEAR_ENDED,  /* after "the year": a fiscal year as a duration ("the year ended June 30") */
  PH_SAME_PERIOD, /* before "quarter"/"period": the one the text named ("the comparable quarter") */
  PH_HOLIDAY,     /* several words naming a fixed date (val month * 100 + day): "New Year's Day" */
  PH_KIND_COUNT
} dt_phrase_kind;
_Static_assert(DT_PHRASE_BIT + (int)PH_KIND_COUNT <= 64 && PH_KIND_COUNT <= 15, "phrase kinds are bits of a uint64_t");

typedef struct dt_phrase {
  const char *words; /* lower case, separated by one space */
  uint8_t kind;
  int16_t val;
} dt_phrase;

extern const dt_phrase dt_phrases[];
extern const size_t dt_phrases_count;

/* ---- specs: what a recognizer found ------------------------------------ */
enum { DT_DATE = 1, DT_TIME, DT_DURATION, DT_SET };
typedef enum dt_spec_kind {
  SK_LIT = 1, /* value given as is (durations, sets, *_REF) */
  SK_ABS,     /* calendar fields; a missing year comes from the reference */
  SK_REL,     /* the reference shifted by offset units, at the unit's granularity */
  SK_WEEKDAY, /* a weekday near the reference (rel -1 last, +1 next, 0 by tense) */
  SK_MONTHREL, /* a month or season near the reference (rel as for weekdays) */
  SK_ANAPHOR,  /* the quarter the text last named, shifted by offset years ("the year-ago quarter");
               ** without one: quarter set ("the quarter ended Sept. 30") gives that quarter, unit
               ** DU_YEAR the reference year shifted, else the last full quarter */
  SK_THAT      /* the year, month or day (unit) the text last named, shifted by offset ("that year",
               ** "the following year"); without one, the reference's */
} dt_spec_kind;

typedef struct dt_spec {
  uint8_t type, kind;
  int16_t year;   /* 0: not given */
  int8_t yprec;   /* 4 digits of year given, 3 a decade (199X), 2 a century (19XX) */
  int8_t month, day, weekday, quarter, half, season, week;
  int8_t pod;     /* DP_* */
  int8_t hour, minute, second; /* -1: none */
  int8_t unit, rel, weekend;
  int8_t bare_time; /* a time with no day of its own ("at 8 p.m."): on the sentence's last date */
  int16_t offset; /* SK_REL: units from the reference; SK_ABS with unit DU_YEAR: years from the reference year */
  /* A span of years in one token ("2009-2010", "2009/10"): year2 (0: none) is a
  ** mention of its own, bytes [cut2, end) of the token; the first is [start, cut). */
  int16_t year2;
  uint8_t cut, cut2;
  char lit[24];
} dt_spec;

void dt_spec_init(dt_spec *s, int type, int kind);

/* The reference date and the tense around a mention (-1 past, 0 unknown, +1 future). */
typedef struct dt_ref {
  int y, m, d, ok;
  int qy, q;   /* the last quarter the text named (q 0: none yet) */
  char last[11]; /* the last calendar date, month or year the text named ("" none): what "that year" means */
} dt_ref;
/* Write the TIMEX3 value of spec to out (size cap). Returns its length. */
size_t dt_normalize(const dt_spec *s, const dt_ref *ref, int tense, char *out, size_t cap);

/* ---- recognition (dates_recognize.c) ----------------------------------- */
typedef struct dt_ctx {
  const nw_doc *doc;
  int32_t *word;   /* per token: first word-table entry, -1 none, -2 not looked up */
  uint64_t *kinds; /* per token: bit k set when the word has a sense of kind k */
} dt_ctx;
/* Try every recognizer at token i; the longest match wins. Returns the end
** token (exclusive) of an expression starting at i and fills *s, or 0. */
size_t dt_recognize(dt_ctx *c, size_t i, dt_spec *s);
/* The value of sense `kind` of token i, or INT32_MIN when it has none. */
int32_t dt_sense(dt_ctx *c, size_t i, int kind);
/* The number of tokens of the longest phrase of `kind` at token i (0: none); its value in *val. */
size_t dt_phrase_at(dt_ctx *c, size_t i, int kind, int *val);
#endif
