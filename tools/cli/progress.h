/* The progress line and the closing summary of the sqlite-news command. */
#ifndef CLI_PROGRESS_H
#define CLI_PROGRESS_H
#include <stdio.h>

#include "news_corpus.h"

typedef struct cli_progress {
  int enabled;        /* stderr is a terminal */
  double started;     /* monotonic seconds at the start */
  double last_drawn;  /* when the line was last redrawn (at most 10 per second) */
  int drawn;          /* a line is on the screen (to be cleared) */
  int stage;          /* the engine's stage last drawn, and when it began */
  double stage_started;
} cli_progress;

double cli_now(void);

/* Starts the clock; draws only when stderr is a terminal. */
void cli_progress_init(cli_progress *p);

/* nw_corpus_opts.progress: redraws the line, one form per stage:
**   files 120/4000  3.1/96.0 MB  1.4 MB/s  ETA 1:09  errors 0
**   analysing 300/1200 rows  85/s  ETA 0:11  errors 0
**   linking entities, speakers and outlets */
void cli_progress_draw(const nw_corpus_stats *s, void *ctx);

/* Clears the line, if one is drawn. */
void cli_progress_done(cli_progress *p);

/* The summary: one line for people, or the engine's JSON object (with
** "interrupted" and "error" added when they apply) for programs. */
void cli_summary(FILE *out, const char *what, const nw_corpus_stats *s, int interrupted, const char *error, int json);

#endif
