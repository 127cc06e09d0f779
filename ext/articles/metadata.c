/* Metadata rules shared by the readers: dates in URLs and file names, URL
** hosts, outlets named by bylines and footers. */
#include "text_rules.h"
#include "news_articles.h"
#include "news_dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nw_article_free(nw_article *a) {
  free(a->title);
  free(a->byline);
  free(a->published);
  free(a->url);
  free(a->source);
  free(a->published_at);
  nw_buf_free(&a->body);
  memset(a, 0, sizeof *a);
}

static int is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

int nw_article_set(char **field, const char *s, size_t n) {
  while (n && is_space_byte((unsigned char)*s)) s++, n--;
  while (n && is_space_byte((unsigned char)s[n - 1])) n--;
  free(*field);
  *field = NULL;
  if (!n) return 0;
  char *p = malloc(n + 1);
  if (!p) return -1;
  /* collapse inner runs of white space to one space */
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    if (is_space_byte((unsigned char)s[i])) {
      if (j && p[j - 1] != ' ') p[j++] = ' ';
    } else p[j++] = s[i];
  }
  p[j] = 0;
  *field = p;
  return 0;
}

static int valid_ymd(int y, int m, int d) { return y >= 1900 && y <= 2100 && d >= 1 && d <= nw_days_in_month(y, m); }

static int read_num(const char *s, size_t n, size_t i, int digits, int *v) {
  if (i + (size_t)digits > n) return 0;
  int x = 0;
  for (int k = 0; k < digits; k++) {
    if (!isdigit((unsigned char)s[i + k])) return 0;
    x = x * 10 + (s[i + k] - '0');
  }
  *v = x;
  return 1;
}

/* y-m-d at s[i] with one separator kind from seps ("" = none) between the
** parts and no digit or letter glued on either side. */
static int ymd_at(const char *s, size_t n, size_t i, const char *seps, char out[NW_DATE_BUF]) {
  int y, m, d;
  if (i > 0 && isalnum((unsigned char)s[i - 1])) return 0;
  if (!read_num(s, n, i, 4, &y)) return 0;
  size_t j = i + 4;
  char sep = 0;
  if (*seps) {
    if (j >= n || !strchr(seps, s[j])) return 0;
    sep = s[j++];
  }
  if (!read_num(s, n, j, 2, &m)) return 0;
  j += 2;
  if (sep) {
    if (j >= n || s[j] != sep) return 0;
    j++;
  }
  if (!read_num(s, n, j, 2, &d)) return 0;
  j += 2;
  if (j < n && isdigit((unsigned char)s[j])) return 0;
  if (!sep && j < n && isalpha((unsigned char)s[j])) return 0;
  if (!valid_ymd(y, m, d)) return 0;
  snprintf(out, NW_DATE_BUF, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
  return 1;
}

int nw_date_in_url(const char *s, size_t n, char out[NW_DATE_BUF]) {
  for (size_t i = 0; i + 8 <= n; i++) {
    if (!isdigit((unsigned char)s[i]) || (s[i] != '1' && s[i] != '2')) continue;
    if (ymd_at(s, n, i, "/-_.", out)) return 1;
  }
  return 0;
}

int nw_date_in_filename(const char *path, char out[NW_DATE_BUF]) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  size_t n = strlen(base);
  for (size_t i = 0; i + 8 <= n; i++) {
    if ((base[i] == '1' || base[i] == '2') && (ymd_at(base, n, i, "-_.", out) || ymd_at(base, n, i, "", out))) return 1;
  }
  return 0;
}

int nw_full_date(const char *s, size_t n, char out[NW_DATE_BUF]) {
  char v[NW_DATE_BUF];
  if (n == 0 || n > 100) return 0;
  size_t got = nw_date_parse(s, n, NULL, v);
  if (got == NW_DATE_FAILED) return -1;
  if (got != NW_YMD_LEN) return 0;
  memcpy(out, v, NW_YMD_LEN + 1);
  return 1;
}

/* Digits s[*i..*i+k) as a number, the index moved past them; -1 if not. */
static int digits_at(const char *s, size_t n, size_t *i, int k) {
  int v;
  if (!read_num(s, n, *i, k, &v)) return -1;
  *i += (size_t)k;
  return v;
}

static size_t skip_blank(const char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ') i++;
  return i;
}

/* The time "HH:MM[:SS[.fff]]" and zone at s[*i]; 0 when there is no time. */
static int time_and_zone(const char *s, size_t n, size_t i, int *h, int *mi, int *se, char zone[8]) {
  if ((*h = digits_at(s, n, &i, 2)) < 0 || i >= n || s[i++] != ':' || (*mi = digits_at(s, n, &i, 2)) < 0) return 0;
  *se = 0;
  if (i < n && s[i] == ':' && (i++, (*se = digits_at(s, n, &i, 2)) < 0)) return 0;
  if (*h > 23 || *mi > 59 || *se > 60) return 0;
  if (i < n && (s[i] == '.' || s[i] == ',')) /* fractions of a second: not kept */
    for (i++; i < n && isdigit((unsigned char)s[i]);) i++;
  i = skip_blank(s, n, i);
  zone[0] = 0;
  size_t z = i < n && s[i] == 'Z'                                                                   ? 1
             : i + 3 <= n && (!nw_ascii_ncasecmp(s + i, "UTC", 3) || !nw_ascii_ncasecmp(s + i, "GMT", 3)) ? 3
             : i + 2 <= n && !nw_ascii_ncasecmp(s + i, "UT", 2)                                          ? 2
                                                                                                          : 0;
  if (z && i + z < n && (s[i + z] == '+' || s[i + z] == '-')) i += z; /* "GMT+05:30" */
  else if (z) {
    strcpy(zone, "Z");
    return 1;
  }
  if (i < n && (s[i] == '+' || s[i] == '-')) {
    char sign = s[i++];
    int oh = digits_at(s, n, &i, 2), om = 0;
    if (oh < 0 || oh > 14) return 1;
    if (i < n && s[i] == ':') i++;
    if (i < n && isdigit((unsigned char)s[i]) && ((om = digits_at(s, n, &i, 2)) < 0 || om > 59)) return 1;
    snprintf(zone, 8, "%c%02d:%02d", sign, oh, om);
  }
  return 1;
}

int nw_timestamp(const char *s, size_t n, char out[NW_TIMESTAMP_BUF]) {
  static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
  size_t i = skip_blank(s, n, 0);
  int y, m = 0, d, h, mi, se;
  char zone[8];
  if (i + 10 <= n && isdigit((unsigned char)s[i]) && s[i + 4] == '-') { /* ISO 8601 */
    if ((y = digits_at(s, n, &i, 4)) < 0 || s[i++] != '-' || (m = digits_at(s, n, &i, 2)) < 0 || i >= n ||
        s[i++] != '-' || (d = digits_at(s, n, &i, 2)) < 0 || i >= n || (s[i] != 'T' && s[i] != ' '))
      return 0;
    i++;
  } else { /* RFC 2822: "Tue, 06 May 2031 23:30:00 +0000" */
    while (i < n && isalpha((unsigned char)s[i])) i++;
    if (i < n && s[i] == ',') i++;
    i = skip_blank(s, n, i);
    size_t k = i;
    while (k < n && isdigit((unsigned char)s[k])) k++;
    if (k == i || k - i > 2) return 0;
    d = atoi(s + i);
    i = skip_blank(s, n, k);
    if (i + 3 > n) return 0;
    for (int k2 = 0; k2 < 12; k2++)
      if (!nw_ascii_ncasecmp(s + i, months + 3 * k2, 3)) m = k2 + 1;
    while (i < n && isalpha((unsigned char)s[i])) i++;
    i = skip_blank(s, n, i);
    if (!m || (y = digits_at(s, n, &i, 4)) < 0) return 0;
    i = skip_blank(s, n, i);
  }
  if (!valid_ymd(y, m, d) || !time_and_zone(s, n, i, &h, &mi, &se, zone)) return 0;
  snprintf(out, NW_TIMESTAMP_BUF, "%04d-%02d-%02dT%02d:%02d:%02d%s", y % 10000, m % 100, d % 100, h % 100, mi % 100,
           se % 100, zone);
  return zone[0] == '+' || zone[0] == '-' ? 2 : 1;
}

int nw_article_from_url(nw_article *a, const char *path) {
  char v[NW_DATE_BUF];
  if (!a->published && a->url && nw_date_in_url(a->url, strlen(a->url), v) && nw_article_set(&a->published, v, NW_YMD_LEN)) return -1;
  if (!a->published && path && nw_date_in_filename(path, v) && nw_article_set(&a->published, v, NW_YMD_LEN)) return -1;
  char host[NW_HOST_BUF];
  if (!a->source && a->url && nw_url_host(a->url, strlen(a->url), host) && nw_article_set(&a->source, host, strlen(host)))
    return -1;
  return 0;
}

size_t nw_url_host(const char *url, size_t n, char out[NW_HOST_BUF]) {
  out[0] = 0;
  const char *p = memmem(url, n, "://", 3);
  if (!p) return 0;
  p += 3;
  const char *end = url + n;
  const char *h = p;
  while (h < end && !strchr("/?#:", *h)) h++;
  if (h - p > 4 && nw_ascii_ncasecmp(p, "www.", 4) == 0) p += 4;
  size_t len = (size_t)(h - p);
  /* no allocation, so no out-of-memory case; a host name is at most 253 bytes */
  if (h <= p || len >= NW_HOST_BUF || memchr(p, '.', len) == NULL) return 0;
  for (size_t i = 0; i < len; i++) out[i] = (char)tolower((unsigned char)p[i]);
  out[len] = 0;
  return len;
}
