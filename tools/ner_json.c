/* Reading the bench's entity JSON Lines ({"id", "text", "entities": [{start,
** end, type}]}) for the trainer: a small JSON parser that keeps what it needs. */
#include "ner_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct jp {
  const char *s, *e;
} jp;

static void ws(jp *p) {
  while (p->s < p->e && (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r')) p->s++;
}

static void put_utf8(nw_buf *b, uint32_t c) {
  char o[4];
  size_t n;
  if (c < 0x80) o[0] = (char)c, n = 1;
  else if (c < 0x800) o[0] = (char)(0xC0 | c >> 6), o[1] = (char)(0x80 | (c & 63)), n = 2;
  else if (c < 0x10000) o[0] = (char)(0xE0 | c >> 12), o[1] = (char)(0x80 | ((c >> 6) & 63)), o[2] = (char)(0x80 | (c & 63)), n = 3;
  else o[0] = (char)(0xF0 | c >> 18), o[1] = (char)(0x80 | ((c >> 12) & 63)), o[2] = (char)(0x80 | ((c >> 6) & 63)), o[3] = (char)(0x80 | (c & 63)), n = 4;
  nw_buf_append(b, o, n);
}

static uint32_t hex4(const char *s) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    v = v * 16 + (uint32_t)(c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10);
  }
  return v;
}

/* A string at p->s (opening quote), unescaped into out. */
static int str(jp *p, nw_buf *out) {
  if (p->s >= p->e || *p->s != '"') return -1;
  p->s++;
  while (p->s < p->e && *p->s != '"') {
    if (*p->s != '\\') {
      const char *q = p->s;
      while (q < p->e && *q != '"' && *q != '\\') q++;
      if (out) nw_buf_append(out, p->s, (size_t)(q - p->s));
      p->s = q;
      continue;
    }
    if (p->e - p->s < 2) return -1;
    char c = p->s[1];
    p->s += 2;
    if (c == 'u') {
      if (p->e - p->s < 4) return -1;
      uint32_t u = hex4(p->s);
      p->s += 4;
      if (u >= 0xD800 && u < 0xDC00 && p->e - p->s >= 6 && p->s[0] == '\\' && p->s[1] == 'u') {
        uint32_t lo = hex4(p->s + 2);
        p->s += 6;
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
      }
      if (out) put_utf8(out, u);
    } else if (out) {
      char m = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == 'b' ? '\b' : c == 'f' ? '\f' : c;
      nw_buf_putc(out, m);
    }
  }
  if (p->s >= p->e) return -1;
  p->s++;
  return 0;
}

static int skip(jp *p);

static int skip_seq(jp *p, char close) {
  p->s++;
  ws(p);
  if (p->s < p->e && *p->s == close) { p->s++; return 0; }
  for (;;) {
    ws(p);
    if (close == '}') {
      if (str(p, NULL)) return -1;
      ws(p);
      if (p->s >= p->e || *p->s != ':') return -1;
      p->s++;
    }
    if (skip(p)) return -1;
    ws(p);
    if (p->s < p->e && *p->s == ',') { p->s++; continue; }
    if (p->s < p->e && *p->s == close) { p->s++; return 0; }
    return -1;
  }
}

static int skip(jp *p) {
  ws(p);
  if (p->s >= p->e) return -1;
  if (*p->s == '"') return str(p, NULL);
  if (*p->s == '{') return skip_seq(p, '}');
  if (*p->s == '[') return skip_seq(p, ']');
  while (p->s < p->e && !strchr(",}] \t\r\n", *p->s)) p->s++;
  return 0;
}

static int type_of(const char *s, size_t n) {
  static const char *names[] = {"", "PER", "ORG", "LOC", "MISC"};
  for (int t = 1; t <= 4; t++)
    if (strlen(names[t]) == n && memcmp(names[t], s, n) == 0) return t;
  return 0;
}

/* One entity object: start, end, type. */
static int entity(jp *p, ner_gold_ent *e) {
  ws(p);
  if (p->s >= p->e || *p->s != '{') return -1;
  p->s++;
  memset(e, 0, sizeof *e);
  for (;;) {
    ws(p);
    if (p->s < p->e && *p->s == '}') { p->s++; return 0; }
    nw_buf key = {0};
    if (str(p, &key)) { nw_buf_free(&key); return -1; }
    ws(p);
    p->s++; /* : */
    ws(p);
    if (key.len == 5 && memcmp(key.data, "start", 5) == 0) e->start = strtol(p->s, NULL, 10), skip(p);
    else if (key.len == 3 && memcmp(key.data, "end", 3) == 0) e->end = strtol(p->s, NULL, 10), skip(p);
    else if (key.len == 4 && memcmp(key.data, "type", 4) == 0) {
      nw_buf v = {0};
      str(p, &v);
      e->type = type_of(v.data, v.len);
      nw_buf_free(&v);
    } else skip(p);
    nw_buf_free(&key);
    ws(p);
    if (p->s < p->e && *p->s == ',') p->s++;
  }
}

static int parse_line(const char *s, size_t n, ner_gold_doc *doc) {
  jp p = {s, s + n};
  memset(doc, 0, sizeof *doc);
  ws(&p);
  if (p.s >= p.e || *p.s != '{') return -1;
  p.s++;
  nw_buf text = {0};
  for (;;) {
    ws(&p);
    if (p.s < p.e && *p.s == '}') break;
    nw_buf key = {0};
    if (str(&p, &key)) { nw_buf_free(&key); return -1; }
    ws(&p);
    p.s++;
    ws(&p);
    if (key.len == 4 && memcmp(key.data, "text", 4) == 0) str(&p, &text);
    else if (key.len == 8 && memcmp(key.data, "entities", 8) == 0 && p.s < p.e && *p.s == '[') {
      p.s++;
      for (;;) {
        ws(&p);
        if (p.s < p.e && *p.s == ']') { p.s++; break; }
        if (nw_grow((void **)&doc->ents, &doc->ents_cap, doc->nents + 1, sizeof *doc->ents)) return -1;
        if (entity(&p, &doc->ents[doc->nents])) return -1;
        doc->nents++;
        ws(&p);
        if (p.s < p.e && *p.s == ',') p.s++;
      }
    } else skip(&p);
    nw_buf_free(&key);
    ws(&p);
    if (p.s < p.e && *p.s == ',') p.s++;
    if (p.s >= p.e) break;
  }
  nw_buf_putc(&text, 0);
  doc->text = text.data;
  doc->len = text.len - 1;
  /* code point offsets -> byte offsets */
  size_t ncp = 0;
  for (size_t i = 0; i < doc->len; i++) ncp += ((unsigned char)doc->text[i] & 0xC0) != 0x80;
  uint32_t *byte_at = malloc((ncp + 1) * sizeof *byte_at);
  if (!byte_at) return -1;
  size_t k = 0;
  for (size_t i = 0; i < doc->len; i++)
    if (((unsigned char)doc->text[i] & 0xC0) != 0x80) byte_at[k++] = (uint32_t)i;
  byte_at[k] = (uint32_t)doc->len;
  for (size_t j = 0; j < doc->nents; j++) {
    ner_gold_ent *e = &doc->ents[j];
    if (e->start < 0 || e->end < e->start || (size_t)e->end > ncp) e->start = e->end = 0;
    e->start = byte_at[e->start];
    e->end = byte_at[e->end];
  }
  free(byte_at);
  return 0;
}

int ner_read_gold(const char *path, ner_gold_doc **docs, size_t *ndocs) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  char *line = NULL;
  size_t cap = 0, cnt = 0, dcap = 0;
  ssize_t n;
  *docs = NULL;
  while ((n = getline(&line, &cap, f)) > 0) {
    if (n < 2) continue;
    if (nw_grow((void **)docs, &dcap, cnt + 1, sizeof **docs)) break;
    if (parse_line(line, (size_t)n, &(*docs)[cnt]) == 0) cnt++;
  }
  free(line);
  fclose(f);
  *ndocs = cnt;
  return 0;
}

void ner_gold_free(ner_gold_doc *docs, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(docs[i].text);
    free(docs[i].ents);
  }
  free(docs);
}
