/* Helpers for the report's inline SVG (see report_svg.h). */
#include "report_svg.h"

#include "news.h"

#include <string.h>

void rs_esc(FILE *f, const char *s) { rs_esc_cut(f, s, -1); }

void rs_esc_cut(FILE *f, const char *s, int max_chars) {
  int chars = 0;
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    /* A character starts at every byte that is not a UTF-8 continuation byte. */
    if ((*p & 0xC0) != 0x80 && max_chars >= 0 && ++chars > max_chars) {
      fputs("\xE2\x80\xA6", f);
      return;
    }
    switch (*p) {
    case '&': fputs("&amp;", f); break;
    case '<': fputs("&lt;", f); break;
    case '>': fputs("&gt;", f); break;
    case '"': fputs("&quot;", f); break;
    case '\'': fputs("&#39;", f); break;
    default: fputc(*p < 0x20 || *p == 0x7F ? ' ' : *p, f);
    }
  }
}

/* Distinguishable on white and for most colour-blind readers (Okabe-Ito, then Tableau). */
static const char *const palette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
                                      "#D55E00", "#F0E442", "#8C564B", "#999999", "#332288"};

const char *rs_color(int i) {
  int n = (int)(sizeof palette / sizeof palette[0]);
  return palette[((i % n) + n) % n];
}

int64_t rs_tick_step(int64_t max, int ticks) {
  if (max <= 0 || ticks <= 0) return 1;
  int64_t raw = (max + ticks - 1) / ticks, mag = 1;
  while (mag * 10 <= raw) mag *= 10;
  if (raw <= mag) return mag;
  if (raw <= 2 * mag) return 2 * mag;
  if (raw <= 5 * mag) return 5 * mag;
  return 10 * mag;
}

void rs_legend(FILE *f, const char *const *names, int n, double x, double y, double width) {
  double cx = x, cy = y;
  fputs("<g class=\"legend\">", f);
  for (int i = 0; i < n; i++) {
    size_t len = strlen(names[i]);
    double w = 24 + 7.0 * (double)(len > 28 ? 29 : len);
    if (cx > x && cx + w > x + width) cx = x, cy += 18;
    fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>", cx, cy - 10, rs_color(i));
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">", cx + 16, cy);
    rs_esc_cut(f, names[i], 28);
    fputs("</text>", f);
    cx += w;
  }
  fputs("</g>\n", f);
}

/* A day count (days since 1970-01-01) as YYYY-MM-DD, by the core's calendar. */
void rs_day(int64_t days, char *buf) {
  int y, m, d;
  nw_civil_from_days(days, &y, &m, &d);
  snprintf(buf, 32, "%04d-%02d-%02d", y, m, d);
}
