/* Small helpers for the inline SVG of `sqlite-news report` (report.c):
** escaped text, the outlet palette, axis steps, legends. */
#ifndef REPORT_SVG_H
#define REPORT_SVG_H
#include <stdint.h>
#include <stdio.h>

/* Writes s escaped for HTML text and attribute values (& < > " '); control
** characters become spaces. Text from articles can never open a tag. */
void rs_esc(FILE *f, const char *s);
/* The same, cut to at most max_chars characters (UTF-8 aware) with an ellipsis. */
void rs_esc_cut(FILE *f, const char *s, int max_chars);
/* Colour number i of the palette (wraps around). */
const char *rs_color(int i);
/* A round tick step (1, 2 or 5 times a power of ten) giving about `ticks` ticks up to max. */
int64_t rs_tick_step(int64_t max, int ticks);
/* A row of coloured squares with names, starting at (x, y), wrapping at width. */
void rs_legend(FILE *f, const char *const *names, int n, double x, double y, double width);
/* Days since 1970-01-01 as YYYY-MM-DD (buf of at least 32 bytes). */
void rs_day(int64_t days, char *buf);

#endif
