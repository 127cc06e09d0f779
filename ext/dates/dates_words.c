/* Every word the date recognizers know, as data: months, weekdays, number
** words, units, parts of the day, modifiers, tense markers and holidays (English
** only). A word may have several senses (rows);
** lookups go through a hash map built once per process. Keys are lower case;
** a final period of an abbreviation is dropped before lookup. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dates_internal.h"
#include "hash.h"

#define PL DU_PLURAL

const dt_word dt_words[] = {
  /* months */
  {"january", DW_MONTH, 1}, {"jan", DW_MONTH, 1}, {"february", DW_MONTH, 2}, {"feb", DW_MONTH, 2},
  {"march", DW_MONTH, 3}, {"mar", DW_MONTH, 3}, {"april", DW_MONTH, 4}, {"apr", DW_MONTH, 4},
  {"may", DW_MONTH, 5}, {"june", DW_MONTH, 6}, {"jun", DW_MONTH, 6}, {"july", DW_MONTH, 7},
  {"jul", DW_MONTH, 7}, {"august", DW_MONTH, 8}, {"aug", DW_MONTH, 8}, {"september", DW_MONTH, 9},
  {"sept", DW_MONTH, 9}, {"sep", DW_MONTH, 9}, {"october", DW_MONTH, 10}, {"oct", DW_MONTH, 10},
  {"november", DW_MONTH, 11}, {"nov", DW_MONTH, 11}, {"december", DW_MONTH, 12}, {"dec", DW_MONTH, 12},
  /* weekdays (plural: a recurring day, "Tuesday nights") */
  {"monday", DW_WEEKDAY, 1}, {"mon", DW_WEEKDAY, 1}, {"tuesday", DW_WEEKDAY, 2}, {"tue", DW_WEEKDAY, 2},
  {"tues", DW_WEEKDAY, 2}, {"wednesday", DW_WEEKDAY, 3}, {"wed", DW_WEEKDAY, 3}, {"thursday", DW_WEEKDAY, 4},
  {"thu", DW_WEEKDAY, 4}, {"thur", DW_WEEKDAY, 4}, {"thurs", DW_WEEKDAY, 4}, {"friday", DW_WEEKDAY, 5},
  {"fri", DW_WEEKDAY, 5}, {"saturday", DW_WEEKDAY, 6}, {"sat", DW_WEEKDAY, 6}, {"sunday", DW_WEEKDAY, 7},
  {"sun", DW_WEEKDAY, 7}, {"mondays", DW_WEEKDAY, 11}, {"tuesdays", DW_WEEKDAY, 12},
  {"wednesdays", DW_WEEKDAY, 13}, {"thursdays", DW_WEEKDAY, 14}, {"fridays", DW_WEEKDAY, 15},
  {"saturdays", DW_WEEKDAY, 16}, {"sundays", DW_WEEKDAY, 17},
  /* cardinal numbers */
  {"one", DW_NUM, 1}, {"two", DW_NUM, 2}, {"three", DW_NUM, 3}, {"four", DW_NUM, 4}, {"five", DW_NUM, 5},
  {"six", DW_NUM, 6}, {"seven", DW_NUM, 7}, {"eight", DW_NUM, 8}, {"nine", DW_NUM, 9}, {"ten", DW_NUM, 10},
  {"eleven", DW_NUM, 11}, {"twelve", DW_NUM, 12}, {"thirteen", DW_NUM, 13}, {"fourteen", DW_NUM, 14},
  {"fifteen", DW_NUM, 15}, {"sixteen", DW_NUM, 16}, {"seventeen", DW_NUM, 17}, {"eighteen", DW_NUM, 18},
  {"nineteen", DW_NUM, 19}, {"twenty", DW_NUM, 20}, {"thirty", DW_NUM, 30}, {"forty", DW_NUM, 40},
  {"fifty", DW_NUM, 50}, {"sixty", DW_NUM, 60}, {"seventy", DW_NUM, 70}, {"eighty", DW_NUM, 80},
  {"ninety", DW_NUM, 90}, {"dozen", DW_NUM, 12},
  {"twenties", DW_DECADE, 20}, {"thirties", DW_DECADE, 30}, {"forties", DW_DECADE, 40},
  {"fifties", DW_DECADE, 50}, {"sixties", DW_DECADE, 60}, {"seventies", DW_DECADE, 70},
  {"eighties", DW_DECADE, 80}, {"nineties", DW_DECADE, 90},
  {"hundred", DW_MULT, 100}, {"thousand", DW_MULT, 1000},
  /* ordinals */
  {"first", DW_ORD, 1}, {"second", DW_ORD, 2}, {"third", DW_ORD, 3}, {"fourth", DW_ORD, 4},
  {"fifth", DW_ORD, 5}, {"sixth", DW_ORD, 6}, {"seventh", DW_ORD, 7}, {"eighth", DW_ORD, 8},
  {"ninth", DW_ORD, 9}, {"tenth", DW_ORD, 10}, {"eleventh", DW_ORD, 11}, {"twelfth", DW_ORD, 12},
  {"thirteenth", DW_ORD, 13}, {"fourteenth", DW_ORD, 14}, {"fifteenth", DW_ORD, 15},
  {"sixteenth", DW_ORD, 16}, {"seventeenth", DW_ORD, 17}, {"eighteenth", DW_ORD, 18},
  {"nineteenth", DW_ORD, 19}, {"twentieth", DW_ORD, 20}, {"thirtieth", DW_ORD, 30}, {"last", DW_ORD, -1},
  /* units */
  {"second", DW_UNIT, DU_SECOND}, {"seconds", DW_UNIT, DU_SECOND | PL}, {"sec", DW_UNIT, DU_SECOND},
  {"minute", DW_UNIT, DU_MINUTE}, {"minutes", DW_UNIT, DU_MINUTE | PL}, {"min", DW_UNIT, DU_MINUTE},
  {"mins", DW_UNIT, DU_MINUTE | PL}, {"hour", DW_UNIT, DU_HOUR}, {"hours", DW_UNIT, DU_HOUR | PL},
  {"hr", DW_UNIT, DU_HOUR}, {"hrs", DW_UNIT, DU_HOUR | PL}, {"day", DW_UNIT, DU_DAY},
  {"days", DW_UNIT, DU_DAY | PL}, {"week", DW_UNIT, DU_WEEK}, {"weeks", DW_UNIT, DU_WEEK | PL},
  {"weekend", DW_UNIT, DU_WEEKEND}, {"weekends", DW_UNIT, DU_WEEKEND | PL}, {"month", DW_UNIT, DU_MONTH},
  {"months", DW_UNIT, DU_MONTH | PL}, {"quarter", DW_UNIT, DU_QUARTER}, {"quarters", DW_UNIT, DU_QUARTER | PL},
  {"half", DW_UNIT, DU_HALF}, {"year", DW_UNIT, DU_YEAR}, {"years", DW_UNIT, DU_YEAR | PL},
  {"yr", DW_UNIT, DU_YEAR}, {"yrs", DW_UNIT, DU_YEAR | PL}, {"decade", DW_UNIT, DU_DECADE},
  {"decades", DW_UNIT, DU_DECADE | PL}, {"century", DW_UNIT, DU_CENTURY},
  {"centuries", DW_UNIT, DU_CENTURY | PL}, {"millennium", DW_UNIT, DU_MILLENNIUM},
  {"millennia", DW_UNIT, DU_MILLENNIUM | PL},
  /* seasons */
  {"spring", DW_SEASON, 1}, {"summer", DW_SEASON, 2}, {"fall", DW_SEASON, 3}, {"autumn", DW_SEASON, 3},
  {"winter", DW_SEASON, 4},
  /* parts of the day */
  {"morning", DW_POD, DP_MORNING}, {"afternoon", DW_POD, DP_AFTERNOON}, {"evening", DW_POD, DP_EVENING},
  {"night", DW_POD, DP_NIGHT}, {"nights", DW_POD, DP_NIGHT}, {"overnight", DW_POD, DP_NIGHT},
  {"mornings", DW_POD, DP_MORNING}, {"afternoons", DW_POD, DP_AFTERNOON}, {"evenings", DW_POD, DP_EVENING},
  /* relative determiners: -2 "past" (the past year / the past two years) */
  {"last", DW_REL, -1}, {"previous", DW_REL, -1}, {"latest", DW_REL, -1}, {"past", DW_REL, -2}, {"next", DW_REL, 1},
  {"coming", DW_REL, 1}, {"following", DW_REL, 1}, {"this", DW_REL, 0}, {"current", DW_REL, 0},
  {"these", DW_REL, 0},
  /* edges of a period */
  {"early", DW_EDGE, 1}, {"mid", DW_EDGE, 2}, {"late", DW_EDGE, 3}, {"earlier", DW_EDGE, 1},
  {"later", DW_EDGE, 3},
  /* days named relative to today */
  {"today", DW_DAYREL, 0}, {"yesterday", DW_DAYREL, -1}, {"tomorrow", DW_DAYREL, 1}, {"tonight", DW_DAYREL, 0},
  /* references by themselves */
  {"now", DW_REF, DR_PRESENT}, {"currently", DW_REF, DR_PRESENT}, {"nowadays", DW_REF, DR_PRESENT},
  {"recently", DW_REF, DR_PAST}, {"lately", DW_REF, DR_PAST}, {"soon", DW_REF, DR_FUTURE},
  /* sets */
  {"every", DW_EVERY, 1}, {"each", DW_EVERY, 1}, {"per", DW_EVERY, 1},
  {"daily", DW_SETADV, DU_DAY}, {"nightly", DW_SETADV, DU_DAY}, {"weekly", DW_SETADV, DU_WEEK},
  {"monthly", DW_SETADV, DU_MONTH}, {"annually", DW_SETADV, DU_YEAR},
  {"yearly", DW_SETADV, DU_YEAR}, {"hourly", DW_SETADV, DU_HOUR},
  /* tense markers: the nearest one decides where a bare weekday or month lies */
  {"will", DW_FUTURE, 1}, {"'ll", DW_FUTURE, 1}, {"’ll", DW_FUTURE, 1}, {"shall", DW_FUTURE, 1},
  {"wo", DW_FUTURE, 1}, {"slated", DW_FUTURE, 1}, {"scheduled", DW_FUTURE, 1}, {"expected", DW_FUTURE, 1},
  {"plans", DW_FUTURE, 1}, {"planned", DW_FUTURE, 1}, {"due", DW_FUTURE, 1}, {"upcoming", DW_FUTURE, 1},
  {"tomorrow", DW_FUTURE, 1}, {"going", DW_FUTURE, 1}, {"set", DW_FUTURE, 1}, {"until", DW_FUTURE, 1},
  {"payable", DW_FUTURE, 1},
  {"was", DW_PAST, 1}, {"were", DW_PAST, 1}, {"had", DW_PAST, 1}, {"did", DW_PAST, 1},
  {"said", DW_PAST, 1}, {"told", DW_PAST, 1}, {"met", DW_PAST, 1}, {"took", DW_PAST, 1},
  {"made", DW_PAST, 1}, {"came", DW_PAST, 1}, {"went", DW_PAST, 1}, {"gave", DW_PAST, 1},
  {"began", DW_PAST, 1}, {"fell", DW_PAST, 1}, {"rose", DW_PAST, 1}, {"held", DW_PAST, 1},
  {"saw", DW_PAST, 1}, {"got", DW_PAST, 1}, {"left", DW_PAST, 1}, {"sent", DW_PAST, 1},
  {"won", DW_PAST, 1}, {"lost", DW_PAST, 1}, {"spoke", DW_PAST, 1}, {"wrote", DW_PAST, 1},
  {"ago", DW_PAST, 1}, {"yesterday", DW_PAST, 1}, {"brought", DW_PAST, 1}, {"bought", DW_PAST, 1},
  {"sold", DW_PAST, 1}, {"paid", DW_PAST, 1}, {"thought", DW_PAST, 1}, {"became", DW_PAST, 1},
  {"broke", DW_PAST, 1}, {"chose", DW_PAST, 1}, {"drove", DW_PAST, 1}, {"felt", DW_PAST, 1},
  {"found", DW_PAST, 1}, {"flew", DW_PAST, 1}, {"grew", DW_PAST, 1}, {"kept", DW_PAST, 1},
  {"knew", DW_PAST, 1}, {"led", DW_PAST, 1}, {"meant", DW_PAST, 1}, {"ran", DW_PAST, 1},
  {"spent", DW_PAST, 1}, {"stood", DW_PAST, 1}, {"struck", DW_PAST, 1}, {"threw", DW_PAST, 1},
  {"wore", DW_PAST, 1}, {"fought", DW_PAST, 1}, {"caught", DW_PAST, 1}, {"sought", DW_PAST, 1},
  {"agreed", DW_PAST, 1}, {"arrived", DW_PAST, 1}, {"died", DW_PAST, 1},
  /* holidays with a fixed date (month * 100 + day); DW_HOLIDAY_DAY ones need "Day" after them */
  {"christmas", DW_HOLIDAY, 1225}, {"xmas", DW_HOLIDAY, 1225}, {"halloween", DW_HOLIDAY, 1031},
  {"valentine", DW_HOLIDAY_DAY, 214}, {"independence", DW_HOLIDAY_DAY, 704}, {"boxing", DW_HOLIDAY_DAY, 1226},
  {"bastille", DW_HOLIDAY_DAY, 714}, {"veterans", DW_HOLIDAY_DAY, 1111}, {"armistice", DW_HOLIDAY_DAY, 1111},
  /* words that make a weekday part of a name: "Black Friday", "Super Tuesday", "Good Friday" */
  {"black", DW_DAYNAME, 1}, {"cyber", DW_DAYNAME, 1}, {"super", DW_DAYNAME, 1}, {"good", DW_DAYNAME, 1},
  {"holy", DW_DAYNAME, 1}, {"ash", DW_DAYNAME, 1}, {"palm", DW_DAYNAME, 1}, {"easter", DW_DAYNAME, 1},
  {"bloody", DW_DAYNAME, 1}, {"giving", DW_DAYNAME, 1}, {"fat", DW_DAYNAME, 1}, {"maundy", DW_DAYNAME, 1},
  /* anchors after a count: "two years ago", "a day earlier" */
  {"ago", DW_AGO, -1}, {"earlier", DW_AGO, -1}, {"before", DW_AGO, -1}, {"later", DW_AGO, 1},
  {"hence", DW_AGO, 1},
  /* approximators kept in a duration's extent; 2: also before a date or time ("around Nov. 1"),
  ** 3: only before a day or an hour ("about" is a preposition too: "asked about June") */
  {"nearly", DW_APPROX, 1}, {"almost", DW_APPROX, 1}, {"about", DW_APPROX, 3}, {"around", DW_APPROX, 2},
  {"roughly", DW_APPROX, 1}, {"approximately", DW_APPROX, 2}, {"some", DW_APPROX, 1},
  /* first words of phrases (dt_phrases) that have no other sense, so that an expression may start there */
  {"more", DW_BOUND, 1}, {"less", DW_BOUND, 1}, {"fewer", DW_BOUND, 1}, {"up", DW_BOUND, 1}, {"no", DW_BOUND, 1},
  {"right", DW_BOUND, 1}, {"new", DW_BOUND, 1}, {"that", DW_BOUND, 1}, /* "right now", "New Year's Day", "that year" */
  {"fiscal", DW_FISCAL, 1},
  {"noon", DW_TIMEWORD, 12}, {"midday", DW_TIMEWORD, 12}, {"midnight", DW_TIMEWORD, 24},
  {"a.m", DW_AMPM, 0}, {"am", DW_AMPM, 0}, {"p.m", DW_AMPM, 12}, {"pm", DW_AMPM, 12},
  {"gmt", DW_TZ, 0}, {"utc", DW_TZ, 0}, {"est", DW_TZ, 0}, {"edt", DW_TZ, 0}, {"cst", DW_TZ, 0},
  {"cdt", DW_TZ, 0}, {"pst", DW_TZ, 0}, {"pdt", DW_TZ, 0}, {"mst", DW_TZ, 0}, {"mdt", DW_TZ, 0},
  {"bst", DW_TZ, 0}, {"cet", DW_TZ, 0}, {"cest", DW_TZ, 0}, {"et", DW_TZ, 0}, {"pt", DW_TZ, 0},
  {"z", DW_TZ, 0},
  {"several", DW_FEW, 1}, {"few", DW_FEW, 1}, {"couple", DW_FEW, 2}, {"many", DW_FEW, 1},
  {"recent", DW_FEW, 3},
  /* periods named by reference to an earlier mention: "the year-ago quarter" */
  {"period", DW_PERIOD, 1}, {"quarter", DW_PERIOD, 1},
  {"world", DW_GENERIC, 1}, {"society", DW_GENERIC, 1}, {"environment", DW_GENERIC, 1},
  {"generation", DW_GENERIC, 1}, {"youth", DW_GENERIC, 1}, {"economy", DW_GENERIC, 1},
  {"challenging", DW_GENERIC, 1}, {"modern", DW_GENERIC, 1}, {"changing", DW_GENERIC, 1},
  {"globalized", DW_GENERIC, 1}, {"technology", DW_GENERIC, 1}, {"culture", DW_GENERIC, 1},
  {"the", DW_DET, 0}, {"a", DW_DET, 1}, {"an", DW_DET, 1},
  {"in", DW_PREP, 1}, {"on", DW_PREP, 1}, {"at", DW_PREP, 1}, {"since", DW_PREP, 1}, {"by", DW_PREP, 1},
  {"during", DW_PREP, 1}, {"until", DW_PREP, 1}, {"till", DW_PREP, 1}, {"from", DW_PREP, 1},
  {"to", DW_PREP, 1}, {"of", DW_PREP, 1}, {"for", DW_PREP, 1}, {"before", DW_PREP, 1}, {"after", DW_PREP, 1},
  {"through", DW_PREP, 1}, {"within", DW_PREP, 1}, {"between", DW_PREP, 1}, {"as", DW_PREP, 1},
};
const size_t dt_words_count = sizeof dt_words / sizeof dt_words[0];

const dt_phrase dt_phrases[] = {
  {"no more than", PH_BOUND, 0}, {"more than", PH_BOUND, 0}, {"less than", PH_BOUND, 0},
  {"fewer than", PH_BOUND, 0}, {"at least", PH_BOUND, 0}, {"at most", PH_BOUND, 0}, {"up to", PH_BOUND, 0},
  {"a few", PH_COUNT, -1}, {"a couple of", PH_COUNT, 2}, {"couple of", PH_COUNT_NOUN, 2},
  {"near future", PH_FUTURE_NOUN, 0}, {"near term", PH_FUTURE_NOUN, 0}, {"short term", PH_FUTURE_NOUN, 0},
  {"more recently", PH_REF, DR_PAST}, {"right now", PH_REF, DR_PRESENT},
  {"or so", PH_VAGUE_TAIL, 0},
  {"end of", PH_PART_OF, 3}, {"beginning of", PH_PART_OF, 1}, {"start of", PH_PART_OF, 1},
  {"middle of", PH_PART_OF, 2},
  {"same", PH_SHIFT, 0}, {"following", PH_SHIFT, 1}, {"previous", PH_SHIFT, -1}, {"preceding", PH_SHIFT, -1},
  {"full", PH_WHOLE_YEAR, 1}, {"current", PH_WHOLE_YEAR, 1}, {"latest", PH_WHOLE_YEAR, -1},
  {"ended", PH_YEAR_ENDED, 0}, {"ending", PH_YEAR_ENDED, 0},
  {"latest", PH_SAME_PERIOD, 0}, {"comparable", PH_SAME_PERIOD, 0}, {"same", PH_SAME_PERIOD, 0},
  {"corresponding", PH_SAME_PERIOD, 0},
  /* the possessive is its own token, with either apostrophe */
  {"new year 's day", PH_HOLIDAY, 101}, {"new year ’s day", PH_HOLIDAY, 101},
  {"new year 's eve", PH_HOLIDAY, 1231}, {"new year ’s eve", PH_HOLIDAY, 1231},
};
const size_t dt_phrases_count = sizeof dt_phrases / sizeof dt_phrases[0];

/* One map for both tables: a word's value is its first row in dt_words (low 16
** bits, NO_SENSE for none) and the kinds of phrase it starts (bits 16 up). */
#define NO_SENSE 0xFFFF
static nw_strmap word_map;
static int16_t *next_sense;
static size_t words_with_sense;
static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static int words_ok;

static void build_words(void) {
  next_sense = malloc(dt_words_count * sizeof *next_sense);
  if (!next_sense || nw_strmap_init(&word_map, dt_words_count + dt_phrases_count, 1)) return;
  /* Walk backwards so the map ends at each word's first row; chain the rest. */
  for (size_t k = dt_words_count; k-- > 0;) {
    const char *w = dt_words[k].word;
    int32_t v = nw_strmap_get(&word_map, w, strlen(w), -1);
    next_sense[k] = (int16_t)(v < 0 ? -1 : v);
    if (v < 0) words_with_sense++;
    if (nw_strmap_put(&word_map, w, strlen(w), (int32_t)k)) return;
  }
  for (size_t k = 0; k < dt_phrases_count; k++) {
    const char *w = dt_phrases[k].words;
    size_t n = strcspn(w, " ");
    int32_t v = nw_strmap_get(&word_map, w, n, NO_SENSE);
    if (nw_strmap_put(&word_map, w, n, v | (int32_t)(1u << (16 + dt_phrases[k].kind)))) return;
  }
  words_ok = 1;
}

int dt_word_find(const char *w, size_t n, uint32_t *phrases) {
  pthread_once(&words_once, build_words);
  *phrases = 0;
  if (!words_ok) return -1;
  int32_t v = nw_strmap_get(&word_map, w, n, -1);
  if (v < 0) return -1;
  *phrases = (uint32_t)v >> 16;
  return (v & 0xFFFF) == NO_SENSE ? -1 : (v & 0xFFFF);
}

int dt_word_next(int idx) { return next_sense[idx]; }

size_t dt_words_map_size(void) {
  pthread_once(&words_once, build_words);
  return words_with_sense;
}

__attribute__((destructor)) static void free_words(void) {
  nw_strmap_free(&word_map);
  free(next_sense);
  next_sense = NULL;
}
