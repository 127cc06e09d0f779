/* `sqlite-news report DB -o report.html`: one self-contained HTML page with
** four inline SVG charts of a corpus database: articles per day by outlet,
** the most quoted speakers, the most mentioned entities (both split by
** outlet) and a co-mention network of the top entities. No script, no
** network: the page is data and drawing only. Every text from the database
** goes through rs_esc. The queries are those of sql/ (timeline, most_quoted,
** coverage, co_mentions), cut to what each chart shows and using the indexes. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cli.h"
#include "report_svg.h"

/* Outlets with their own colour; the rest share one "other outlets" slot. */
#define OUTLET_COLOURS 8
#define TOP_BARS 15
#define NETWORK_NODES 20
#define MAX_BARS 366
#define WIDTH 1000.0
#define PI 3.14159265358979323846

typedef struct outlet_slots {
  int64_t id[OUTLET_COLOURS]; /* outlet_id, -1 for articles with none */
  const char *name[OUTLET_COLOURS + 1];
  char *owned[OUTLET_COLOURS];
  int n;     /* slots with their own outlet */
  int other; /* 1 when more outlets share the last slot */
} outlet_slots;

static int slot_of(const outlet_slots *o, int64_t id) {
  for (int i = 0; i < o->n; i++)
    if (o->id[i] == id) return i;
  return o->n; /* the shared slot */
}
static int nslots(const outlet_slots *o) { return o->n + o->other; }

typedef struct report {
  sqlite3 *db;
  FILE *out;
  const char *dbpath;
  outlet_slots outlets;
  int failed;
} report;

static sqlite3_stmt *prepare(report *r, const char *sql) {
  sqlite3_stmt *st = NULL;
  if (r->failed) return NULL;
  if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK) {
    fprintf(stderr, "sqlite-news: %s: not a corpus database? (%s)\n", r->dbpath, sqlite3_errmsg(r->db));
    r->failed = 1;
    sqlite3_finalize(st);
    return NULL;
  }
  return st;
}

/* Ends a statement: a step error is reported once. */
static void done(report *r, sqlite3_stmt *st, int rc) {
  if (st && rc != SQLITE_DONE && rc != SQLITE_ROW && !r->failed) {
    fprintf(stderr, "sqlite-news: %s: %s\n", r->dbpath, sqlite3_errmsg(r->db));
    r->failed = 1;
  }
  sqlite3_finalize(st);
}

static char *dup_text(sqlite3_stmt *st, int col) {
  const char *s = (const char *)sqlite3_column_text(st, col);
  return strdup(s ? s : "");
}

static int64_t scalar(report *r, const char *sql);

/* The outlets by articles: up to OUTLET_COLOURS get their own colour, or one
** fewer and a shared "other outlets" slot when there are more. */
static void load_outlets(report *r) {
  outlet_slots *o = &r->outlets;
  int64_t total = scalar(r, "SELECT count(*) FROM (SELECT 1 FROM articles GROUP BY outlet_id)");
  o->other = total > OUTLET_COLOURS;
  int own = o->other ? OUTLET_COLOURS - 1 : (int)total;
  sqlite3_stmt *st = prepare(r, "SELECT coalesce(a.outlet_id, -1), coalesce(o.name, o.key, '(no outlet)'), count(*) AS n "
                                "FROM articles AS a LEFT JOIN outlets AS o ON o.id = a.outlet_id "
                                "GROUP BY a.outlet_id ORDER BY n DESC, 2");
  int rc = SQLITE_DONE;
  while (st && o->n < own && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    o->id[o->n] = sqlite3_column_int64(st, 0);
    o->owned[o->n] = dup_text(st, 1);
    o->name[o->n] = o->owned[o->n];
    o->n++;
  }
  done(r, st, rc);
  if (o->other) o->name[o->n] = "other outlets";
}

/* ---- the page ---- */

static const char style[] =
    "body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#222;margin:24px auto;max-width:1040px;padding:0 16px}"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 2px}p.note{color:#555;margin:0 0 8px}"
    "svg{width:100%;height:auto;background:#fff;border:1px solid #e3e3e3}"
    "svg text{font:12px system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#333}"
    "svg .axis line,svg .axis path{stroke:#888}svg .grid line{stroke:#eee}svg .empty{fill:#999;font-size:14px}"
    "svg .edge{stroke:#4a6fa5}svg .node{stroke:#fff;stroke-width:1.5}"
    "table.sum{border-collapse:collapse;margin:8px 0}table.sum td{padding:2px 14px 2px 0}";

static int64_t scalar(report *r, const char *sql) {
  sqlite3_stmt *st = prepare(r, sql);
  int rc = st ? sqlite3_step(st) : SQLITE_DONE;
  int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  done(r, st, rc);
  return v;
}

static void summary(report *r) {
  FILE *f = r->out;
  fputs("<table class=\"sum\">", f);
  static const char *const rows[][2] = {
      {"Articles", "SELECT count(*) FROM articles"},
      {"Outlets", "SELECT count(DISTINCT outlet_id) FROM articles"},
      {"Entities", "SELECT count(*) FROM entities"},
      {"Quotations", "SELECT count(*) FROM quotes WHERE kind = 'direct'"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
    fprintf(f, "<tr><td>%s</td><td><b>%lld</b></td></tr>", rows[i][0], (long long)scalar(r, rows[i][1]));
  sqlite3_stmt *st = prepare(r, "SELECT min(published), max(published) FROM articles");
  int rc = st ? sqlite3_step(st) : SQLITE_DONE;
  if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
    fputs("<tr><td>Published</td><td>", f);
    rs_esc(f, (const char *)sqlite3_column_text(st, 0));
    fputs(" to ", f);
    rs_esc(f, (const char *)sqlite3_column_text(st, 1));
    fputs("</td></tr>", f);
  }
  done(r, st, rc);
  fputs("</table>\n", f);
}

static void svg_open(report *r, const char *chart, const char *title, double height, int64_t points) {
  fprintf(r->out, "<svg class=\"chart\" data-chart=\"%s\" data-points=\"%lld\" viewBox=\"0 0 %.0f %.0f\" role=\"img\">", chart,
          (long long)points, WIDTH, height);
  fprintf(r->out, "<title>%s</title>\n", title);
}

static void svg_empty(report *r, double y) {
  fprintf(r->out, "<text class=\"empty\" x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">no data in this database</text>", WIDTH / 2, y);
}

/* max rounded up to a whole tick step, so the axis ends on a labelled tick. */
static int64_t axis_max(int64_t max) {
  int64_t step = rs_tick_step(max, 5);
  return max <= 0 ? 1 : (max + step - 1) / step * step;
}

/* A value axis from 0 to max along len (up from y0, or right from x0), with
** grid lines of length cross across the plot. */
static void value_axis(FILE *f, int64_t max, double x0, double y0, double len, double cross, int vertical) {
  int64_t step = rs_tick_step(max, 5);
  fputs("<g class=\"axis grid\">", f);
  for (int64_t v = 0; v <= max; v += step) {
    double p = len * (double)v / (double)max;
    if (vertical)
      fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%lld</text>",
              x0, x0 + cross, y0 - p, y0 - p, x0 - 6, y0 - p + 4, (long long)v);
    else
      fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%lld</text>",
              x0 + p, x0 + p, y0 - cross, y0, x0 + p, y0 + 16, (long long)v);
    if (v > INT64_MAX - step) break;
  }
  fputs("</g>\n", f);
}

/* ---- 1. articles per day by outlet ---- */

typedef struct day_count {
  int64_t day;
  int slot;
  int64_t n;
} day_count;

static void chart_timeline(report *r) {
  FILE *f = r->out;
  int ns = nslots(&r->outlets);
  /* Days since 1970 (julianday of a YYYY-MM-DD is at midnight, so the cast is exact). */
  sqlite3_stmt *st = prepare(r, "SELECT CAST(julianday(published) - 2440587.5 AS INTEGER) AS day, coalesce(outlet_id, -1), count(*) "
                                "FROM articles WHERE published IS NOT NULL AND julianday(published) IS NOT NULL "
                                "GROUP BY published, outlet_id");
  day_count *rows = NULL;
  size_t n = 0, cap = 0;
  int64_t first = INT64_MAX, last = INT64_MIN, total = 0;
  int rc = SQLITE_DONE;
  while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (n == cap) {
      cap = cap ? cap * 2 : 256;
      rows = realloc(rows, cap * sizeof *rows);
      if (!rows) abort();
    }
    day_count d = {sqlite3_column_int64(st, 0), slot_of(&r->outlets, sqlite3_column_int64(st, 1)), sqlite3_column_int64(st, 2)};
    rows[n++] = d;
    if (d.day < first) first = d.day;
    if (d.day > last) last = d.day;
    total += d.n;
  }
  done(r, st, rc);
  /* At most MAX_BARS bars: a long span gets several days per bar. */
  int64_t span = n ? last - first + 1 : 0;
  int64_t per_bar = span > MAX_BARS ? (span + MAX_BARS - 1) / MAX_BARS : 1;
  int64_t bars = n ? (span + per_bar - 1) / per_bar : 0;
  int64_t *count = calloc((size_t)(bars * ns + 1), sizeof *count);
  int64_t *height = calloc((size_t)bars + 1, sizeof *height);
  if (!count || !height) abort();
  int64_t max = 0;
  for (size_t i = 0; i < n; i++) {
    int64_t b = (rows[i].day - first) / per_bar;
    count[b * ns + rows[i].slot] += rows[i].n;
    height[b] += rows[i].n;
    if (height[b] > max) max = height[b];
  }
  max = axis_max(max);
  double x0 = 60, y0 = 330, plot_w = WIDTH - 20 - x0, plot_h = 250;
  svg_open(r, "timeline", "Articles per day by outlet", 390, total);
  rs_legend(f, r->outlets.name, ns, x0, 24, plot_w);
  if (!n) svg_empty(r, 200);
  else {
    value_axis(f, max, x0, y0, plot_h, plot_w, 1);
    double bw = plot_w / (double)bars;
    fputs("<g class=\"bars\">", f);
    char day[32], day2[32];
    for (int64_t b = 0; b < bars; b++) {
      double y = y0;
      rs_day(first + b * per_bar, day);
      for (int s = 0; s < ns; s++) {
        int64_t c = count[b * ns + s];
        if (!c) continue;
        double h = plot_h * (double)c / (double)max;
        y -= h;
        fprintf(f, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"><title>%s ", x0 + b * bw, y,
                bw > 2 ? bw - 1 : bw, h, rs_color(s), day);
        rs_esc(f, r->outlets.name[s]);
        fprintf(f, ": %lld</title></rect>", (long long)c);
      }
    }
    fputs("</g>\n<g class=\"axis\">", f);
    fprintf(f, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\"/>", x0, WIDTH - 20, y0, y0);
    /* About eight day labels along x. */
    int64_t every = bars > 8 ? (bars + 7) / 8 : 1;
    for (int64_t b = 0; b < bars; b += every) {
      double x = x0 + (double)b * bw + bw / 2;
      rs_day(first + b * per_bar, day);
      fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.0f\" y2=\"%.0f\"/><text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%s</text>",
              x, x, y0, y0 + 5, x, y0 + 20, day);
    }
    rs_day(first, day);
    rs_day(last, day2);
    fprintf(f, "</g><text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">day of publication (%s to %s%s)</text>", x0 + plot_w / 2,
            y0 + 44, day, day2, per_bar > 1 ? ", several days per bar" : "");
    fprintf(f, "<text transform=\"translate(16 %.0f) rotate(-90)\" text-anchor=\"middle\">articles</text>", y0 - plot_h / 2);
  }
  fputs("</svg>\n", f);
  free(rows);
  free(count);
  free(height);
}

/* ---- 2 and 3. horizontal bars split by outlet ---- */

typedef struct bar_row {
  char *label;
  int64_t key; /* the row's id, for the per-outlet query */
  int64_t total;
  int64_t by_slot[OUTLET_COLOURS + 1];
} bar_row;

/* rows from top_sql (label, key, total), then per-outlet counts from split_sql (key, outlet_id, n). */
static int load_bars(report *r, const char *top_sql, const char *split_sql, bar_row *rows) {
  int n = 0, rc = SQLITE_DONE;
  sqlite3_stmt *st = prepare(r, top_sql);
  while (st && n < TOP_BARS && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    memset(&rows[n], 0, sizeof rows[n]);
    rows[n].label = dup_text(st, 0);
    rows[n].key = sqlite3_column_int64(st, 1);
    rows[n].total = sqlite3_column_int64(st, 2);
    n++;
  }
  done(r, st, rc);
  st = prepare(r, split_sql);
  while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t key = sqlite3_column_int64(st, 0);
    for (int i = 0; i < n; i++)
      if (rows[i].key == key) rows[i].by_slot[slot_of(&r->outlets, sqlite3_column_int64(st, 1))] += sqlite3_column_int64(st, 2);
  }
  done(r, st, rc);
  return n;
}

static void chart_bars(report *r, const char *chart, const char *title, const char *unit, bar_row *rows, int n) {
  FILE *f = r->out;
  int ns = nslots(&r->outlets);
  double x0 = 230, top = 56, row_h = 24, plot_w = WIDTH - 40 - x0;
  double y0 = top + row_h * (n ? n : 4);
  int64_t max = 0, points = 0;
  for (int i = 0; i < n; i++) {
    int64_t sum = 0;
    for (int s = 0; s < ns; s++) sum += rows[i].by_slot[s];
    if (sum > max) max = sum;
    if (rows[i].total > max) max = rows[i].total;
    points += sum > 0;
  }
  max = axis_max(max);
  svg_open(r, chart, title, y0 + 50, points);
  rs_legend(f, r->outlets.name, ns, x0, 24, plot_w);
  if (!n) svg_empty(r, top + 50);
  else {
    value_axis(f, max, x0, y0, plot_w, y0 - top + 4, 0);
    for (int i = 0; i < n; i++) {
      double y = top + row_h * i + 4, x = x0;
      fprintf(f, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\"><title>", x0 - 8, y + 13);
      rs_esc(f, rows[i].label);
      fputs("</title>", f);
      rs_esc_cut(f, rows[i].label, 30);
      fputs("</text>", f);
      for (int s = 0; s < ns; s++) {
        int64_t c = rows[i].by_slot[s];
        if (!c) continue;
        double w = plot_w * (double)c / (double)max;
        fprintf(f, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.0f\" fill=\"%s\"><title>", x, y, w, row_h - 6, rs_color(s));
        rs_esc(f, rows[i].label);
        fputs(" \xE2\x80\x94 ", f);
        rs_esc(f, r->outlets.name[s]);
        fprintf(f, ": %lld</title></rect>", (long long)c);
        x += w;
      }
      fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">%lld</text>\n", x + 4, y + 13, (long long)rows[i].total);
    }
    fprintf(f, "<g class=\"axis\"><line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.0f\" y2=\"%.0f\"/></g>", x0, x0, top, y0);
    fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">%s</text>", x0 + plot_w / 2, y0 + 38, unit);
  }
  fputs("</svg>\n", f);
  for (int i = 0; i < n; i++) free(rows[i].label);
}

/* Speakers by corpus-wide key (sql/most_quoted.sql); the key's rowid in the
** top list stands for the key in the split query. */
static void chart_speakers(report *r) {
  bar_row rows[TOP_BARS];
  sqlite3_exec(r->db, "DROP TABLE IF EXISTS temp.report_speakers;"
                      "CREATE TEMP TABLE report_speakers AS SELECT speaker_key, count(*) AS n FROM quotes "
                      "WHERE kind = 'direct' AND speaker_key IS NOT NULL GROUP BY speaker_key ORDER BY n DESC, speaker_key LIMIT 15",
               NULL, NULL, NULL);
  int n = load_bars(r, "SELECT speaker_key, rowid, n FROM temp.report_speakers ORDER BY n DESC, speaker_key",
                    "SELECT t.rowid, coalesce(a.outlet_id, -1), count(*) FROM temp.report_speakers AS t "
                    "JOIN quotes AS q ON q.speaker_key = t.speaker_key AND q.kind = 'direct' "
                    "JOIN articles AS a ON a.id = q.article_id GROUP BY t.rowid, a.outlet_id",
                    rows);
  chart_bars(r, "speakers", "Most quoted speakers, by outlet", "direct quotations", rows, n);
  sqlite3_exec(r->db, "DROP TABLE IF EXISTS temp.report_speakers", NULL, NULL, NULL);
}

/* ---- 3 and 4. the top entities: by outlet, and named together ---- */

/* The top entities' articles, counted in one pass over their mentions, per
** outlet (chart 3) and per pair (chart 4): a bit mask per article id marks
** which top entities the article names, so there is no self-join and no sort. */
typedef struct top_entities {
  int n;
  int64_t id[NETWORK_NODES], articles[NETWORK_NODES];
  char *label[NETWORK_NODES], *type[NETWORK_NODES];
  int64_t by_slot[NETWORK_NODES][OUTLET_COLOURS + 1];
  int64_t pair[NETWORK_NODES][NETWORK_NODES]; /* [i][j], i < j */
} top_entities;

#define TOP_ENTITIES_SQL "SELECT id FROM entities ORDER BY articles DESC, key LIMIT 20"
/* Article ids above this would make the per-id arrays too large (AUTOINCREMENT ids grow with re-ingests). */
#define MAX_ARTICLE_ID (1 << 27)

static void load_top_entities(report *r, top_entities *t) {
  memset(t, 0, sizeof *t);
  int rc = SQLITE_DONE;
  sqlite3_stmt *st = prepare(r, "SELECT id, articles, coalesce(name, key), type FROM entities ORDER BY articles DESC, key LIMIT 20");
  while (st && t->n < NETWORK_NODES && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    t->id[t->n] = sqlite3_column_int64(st, 0);
    t->articles[t->n] = sqlite3_column_int64(st, 1);
    t->label[t->n] = dup_text(st, 2);
    t->type[t->n] = dup_text(st, 3);
    t->n++;
  }
  done(r, st, rc);
  int64_t max_id = t->n ? scalar(r, "SELECT coalesce(max(id), 0) FROM articles") : 0;
  if (r->failed || max_id <= 0) return;
  if (max_id > MAX_ARTICLE_ID) {
    fprintf(stderr, "sqlite-news: %s: article ids above %d are not supported by report\n", r->dbpath, MAX_ARTICLE_ID);
    r->failed = 1;
    return;
  }
  uint32_t *mask = calloc((size_t)max_id + 1, sizeof *mask);
  unsigned char *slot = calloc((size_t)max_id + 1, 1);
  if (!mask || !slot) abort();
  st = prepare(r, "SELECT id, coalesce(outlet_id, -1) FROM articles");
  while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(st, 0);
    if (id >= 0 && id <= max_id) slot[id] = (unsigned char)slot_of(&r->outlets, sqlite3_column_int64(st, 1));
  }
  done(r, st, rc);
  st = prepare(r, "SELECT article_id, entity_id FROM mentions WHERE entity_id IN (" TOP_ENTITIES_SQL ")");
  while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t article = sqlite3_column_int64(st, 0), entity = sqlite3_column_int64(st, 1);
    if (article < 0 || article > max_id) continue;
    for (int i = 0; i < t->n; i++)
      if (t->id[i] == entity) mask[article] |= 1u << i;
  }
  done(r, st, rc);
  for (int64_t a = 0; a <= max_id; a++) {
    uint32_t m = mask[a];
    for (int i = 0; m >> i; i++) {
      if (!(m >> i & 1)) continue;
      t->by_slot[i][slot[a]]++;
      for (int j = i + 1; m >> j; j++)
        if (m >> j & 1) t->pair[i][j]++;
    }
  }
  free(mask);
  free(slot);
}

static void free_top_entities(top_entities *t) {
  for (int i = 0; i < t->n; i++) {
    free(t->label[i]);
    free(t->type[i]);
  }
}

/* Entities in the most articles (entities.articles), split by the outlets of those articles (sql/coverage.sql). */
static void chart_entities(report *r, const top_entities *t) {
  bar_row rows[TOP_BARS];
  int n = t->n < TOP_BARS ? t->n : TOP_BARS;
  for (int i = 0; i < n; i++) {
    memset(&rows[i], 0, sizeof rows[i]);
    rows[i].label = strdup(t->label[i]);
    rows[i].total = t->articles[i];
    memcpy(rows[i].by_slot, t->by_slot[i], sizeof rows[i].by_slot);
  }
  chart_bars(r, "entities", "Most mentioned entities, by outlet", "articles naming the entity", rows, n);
}

static const char *const type_names[] = {"person", "organisation", "place", "other"};
static const char *const type_colours[] = {"#D55E00", "#0072B2", "#009E73", "#999999"};

static int type_slot(const char *type) {
  static const char *const types[] = {"PERSON", "ORG", "LOC"};
  for (int i = 0; i < 3; i++)
    if (type && !strcmp(type, types[i])) return i;
  return 3;
}

typedef struct edge {
  int a, b;
  int64_t n;
} edge;

/* Strongest first; ties in node order, so the page is the same on every run. */
static int by_strength(const void *x, const void *y) {
  const edge *e = x, *f = y;
  if (e->n != f->n) return e->n > f->n ? -1 : 1;
  if (e->a != f->a) return e->a - f->a;
  return e->b - f->b;
}

/* The strongest links only: with twenty nodes, all 190 make a hairball. */
#define NETWORK_EDGES 60

static void chart_network(report *r, const top_entities *t) {
  FILE *f = r->out;
  int n = t->n;
  double cx = WIDTH / 2, cy = 330, radius = 230, x[NETWORK_NODES], y[NETWORK_NODES];
  int64_t max_articles = 1;
  for (int i = 0; i < n; i++) {
    double a = 2 * PI * i / n - PI / 2;
    x[i] = cx + radius * cos(a);
    y[i] = cy + radius * sin(a);
    if (t->articles[i] > max_articles) max_articles = t->articles[i];
  }
  edge edges[NETWORK_NODES * NETWORK_NODES / 2];
  int ne = 0;
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (t->pair[i][j]) edges[ne++] = (edge){i, j, t->pair[i][j]};
  qsort(edges, (size_t)ne, sizeof *edges, by_strength);
  if (ne > NETWORK_EDGES) ne = NETWORK_EDGES;
  int64_t max_edge = ne ? edges[0].n : 1;
  svg_open(r, "network", "Co-mentions of the top entities", 640, n);
  fputs("<g class=\"legend\">", f);
  for (int k = 0; k < 4; k++)
    fprintf(f, "<circle cx=\"%d\" cy=\"20\" r=\"6\" fill=\"%s\"/><text x=\"%d\" y=\"24\">%s</text>", 30 + 120 * k, type_colours[k],
            40 + 120 * k, type_names[k]);
  fprintf(f, "<text x=\"%.0f\" y=\"24\" text-anchor=\"end\">the %d strongest links; width: articles naming both (max %lld)</text></g>\n",
          WIDTH - 20, ne, (long long)(ne ? max_edge : 0));
  if (!n) svg_empty(r, cy);
  /* Weakest edges first, so the strong ones are drawn on top. */
  for (int i = ne - 1; i >= 0; i--) {
    const edge *e = &edges[i];
    double strength = (double)e->n / (double)max_edge;
    fprintf(f, "<line class=\"edge\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"%.2f\" stroke-opacity=\"%.2f\"><title>",
            x[e->a], y[e->a], x[e->b], y[e->b], 0.6 + 7.0 * strength, 0.25 + 0.6 * strength);
    rs_esc(f, t->label[e->a]);
    fputs(" + ", f);
    rs_esc(f, t->label[e->b]);
    fprintf(f, ": %lld articles</title></line>\n", (long long)e->n);
  }
  for (int i = 0; i < n; i++) {
    double nr = 5 + 13 * sqrt((double)t->articles[i] / (double)max_articles);
    fprintf(f, "<circle class=\"node\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>", x[i], y[i], nr,
            type_colours[type_slot(t->type[i])]);
    rs_esc(f, t->label[i]);
    fprintf(f, ": %lld articles</title></circle>", (long long)t->articles[i]);
    /* Labels outside the circle, anchored away from the centre. */
    double dx = x[i] - cx, dy = y[i] - cy, len = sqrt(dx * dx + dy * dy);
    if (len < 1) len = 1;
    const char *anchor = dx > 20 ? "start" : dx < -20 ? "end" : "middle";
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x[i] + dx / len * (nr + 6), y[i] + dy / len * (nr + 6) + 4, anchor);
    rs_esc_cut(f, t->label[i], 26);
    fputs("</text>\n", f);
  }
  fputs("</svg>\n", f);
}

static void write_page(report *r) {
  FILE *f = r->out;
  fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
             "<title>Corpus report</title><style>%s</style></head>\n<body>\n<h1>Corpus report: ",
          style);
  rs_esc(f, r->dbpath);
  fputs("</h1>\n", f);
  summary(r);
  fputs("<h2>Articles per day by outlet</h2><p class=\"note\">Articles by day of publication, one colour per outlet.</p>\n", f);
  chart_timeline(r);
  fputs("<h2>Most quoted speakers</h2><p class=\"note\">Direct quotations by speaker (one key per person, whatever form "
        "the article used), split by the outlet that printed them.</p>\n",
        f);
  chart_speakers(r);
  fputs("<h2>Most mentioned entities</h2><p class=\"note\">Articles naming each entity, split by outlet.</p>\n", f);
  top_entities top;
  load_top_entities(r, &top);
  chart_entities(r, &top);
  fputs("<h2>Co-mention network</h2><p class=\"note\">The twenty entities in the most articles; a line joins two "
        "entities named in the same article, wider for more articles.</p>\n",
        f);
  chart_network(r, &top);
  free_top_entities(&top);
  fputs("<p class=\"note\">Made by sqlite-news report.</p>\n</body></html>\n", f);
}

int cli_report(const char *dbpath, const char *outpath) {
  report r = {0};
  r.dbpath = dbpath;
  if (sqlite3_open_v2(dbpath, &r.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    fprintf(stderr, "sqlite-news: %s: cannot open the database (%s)\n", dbpath, r.db ? sqlite3_errmsg(r.db) : "out of memory");
    sqlite3_close(r.db);
    return 1;
  }
  /* temp tables may be written while the database is only read. A large
  ** page cache and mmap: the mention lookups of the top entities touch pages
  ** in random order, which with the default 2 MB cache means many re-reads. */
  sqlite3_busy_timeout(r.db, 5000);
  sqlite3_exec(r.db, "PRAGMA cache_size = -131072; PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  load_outlets(&r);
  if (r.failed) {
    sqlite3_close(r.db);
    return 1;
  }
  int to_stdout = !outpath || !strcmp(outpath, "-");
  r.out = to_stdout ? stdout : fopen(outpath, "w");
  if (!r.out) {
    fprintf(stderr, "sqlite-news: %s: cannot write the report\n", outpath);
    sqlite3_close(r.db);
    return 1;
  }
  write_page(&r);
  int write_failed = ferror(r.out) != 0;
  if (to_stdout) write_failed |= fflush(r.out) != 0;
  else write_failed |= fclose(r.out) != 0;
  if (write_failed) fprintf(stderr, "sqlite-news: %s: cannot write the report\n", to_stdout ? "stdout" : outpath);
  for (int i = 0; i < OUTLET_COLOURS; i++) free(r.outlets.owned[i]);
  sqlite3_close(r.db);
  return r.failed || write_failed ? 1 : 0;
}
