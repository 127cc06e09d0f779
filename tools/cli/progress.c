/* One updating line on a terminal, nothing otherwise (a log file or a pipe
** gets only the summary), and the summary itself. */
#include "progress.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#define MB (1024.0 * 1024.0)

double cli_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_init(cli_progress *p) {
  memset(p, 0, sizeof *p);
  p->enabled = isatty(2);
  p->started = cli_now();
}

static void format_eta(char *out, size_t n, double seconds) {
  if (seconds < 0 || seconds > 360000) {
    snprintf(out, n, "--:--");
    return;
  }
  long s = (long)(seconds + 0.5);
  if (s >= 3600) snprintf(out, n, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else snprintf(out, n, "%ld:%02ld", s / 60, s % 60);
}

void cli_progress_draw(const nw_corpus_stats *s, void *ctx) {
  cli_progress *p = ctx;
  if (!p->enabled) return;
  double now = cli_now();
  if (!p->drawn || s->stage != p->stage) {
    p->stage = s->stage;
    p->stage_started = now;
  } else if (now - p->last_drawn < 0.1) {
    return;
  }
  p->last_drawn = now;
  double elapsed = now - p->stage_started;
  char eta[32] = "--:--";
  /* \r and erase-to-end-of-line: the line is rewritten in place. */
  if (s->stage == 0) {
    double rate = elapsed > 0 ? (double)s->bytes_done / MB / elapsed : 0;
    char files[64];
    if (s->files_total > 0) snprintf(files, sizeof files, "%lld/%lld", (long long)s->files_done, (long long)s->files_total);
    else snprintf(files, sizeof files, "%lld", (long long)s->files_done);
    if (rate > 0 && s->bytes_total >= s->bytes_done)
      format_eta(eta, sizeof eta, (double)(s->bytes_total - s->bytes_done) / MB / rate);
    fprintf(stderr, "\r\033[Kfiles %s  %.1f/%.1f MB  %.1f MB/s  ETA %s  errors %lld", files,
            (double)s->bytes_done / MB, (double)s->bytes_total / MB, rate, eta, (long long)s->failed);
  } else if (s->stage == 1) {
    double rate = elapsed > 0 ? (double)s->pending_done / elapsed : 0;
    if (rate > 0 && s->pending_total >= s->pending_done)
      format_eta(eta, sizeof eta, (double)(s->pending_total - s->pending_done) / rate);
    fprintf(stderr, "\r\033[Kanalysing %lld/%lld rows  %.0f/s  ETA %s  errors %lld", (long long)s->pending_done,
            (long long)s->pending_total, rate, eta, (long long)s->failed);
  } else {
    fputs("\r\033[Klinking entities, speakers and outlets", stderr);
  }
  fflush(stderr);
  p->drawn = 1;
}

void cli_progress_done(cli_progress *p) {
  if (p->drawn) fputs("\r\033[K", stderr);
  p->drawn = 0;
}

/* JSON string body with the characters JSON requires escaped. */
static void json_escaped(FILE *out, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
    else if (c < 0x20) fprintf(out, "\\u%04x", c);
    else fputc(c, out);
  }
}

void cli_summary(FILE *out, const char *what, const nw_corpus_stats *s, int interrupted, const char *error, int json) {
  if (json) {
    char *j = nw_corpus_summary_json(s);
    size_t n = j ? strlen(j) : 0;
    /* The engine's object, reopened to add what only the command knows. */
    if (n && j[n - 1] == '}') fprintf(out, "%.*s", (int)(n - 1), j);
    else fputs("{\"summary\":null", out);
    fprintf(out, ",\"command\":\"%s\",\"interrupted\":%s", what, interrupted ? "true" : "false");
    fprintf(out, ",\"cpu\":{\"writer\":%.3f,\"workers\":%.3f,\"link\":%.3f}", s->cpu_writer, s->cpu_workers, s->cpu_link);
    if (error) {
      fputs(",\"error\":\"", out);
      json_escaped(out, error);
      fputc('"', out);
    }
    fputs("}\n", out);
    sqlite3_free(j);
    return;
  }
  fprintf(out, "%s: %lld added, %lld changed, %lld unchanged, %lld removed, %lld failed, %lld analysed in %.1f s%s\n", what,
          (long long)s->added, (long long)s->changed, (long long)s->unchanged, (long long)s->removed, (long long)s->failed,
          (long long)s->analyzed, s->seconds, interrupted ? " (interrupted: run it again to continue)" : "");
}
