/* The \uXXXX escape of JSON strings (json_escape.c), read alike by the strict
** JSON Lines reader (jsonl.c) and the lenient JSON-LD reader (json_ld.c). */
#ifndef NW_JSON_ESCAPE_H
#define NW_JSON_ESCAPE_H
#include <stddef.h>

/* The four hex digits at s[i..i+4) (within n) as a number, or -1. */
long nw_json_hex4(const char *s, size_t n, size_t i);

/* The code point of the escape whose 'u' is at s[u] (within n), or -1 when
** four hex digits do not follow; *last is set to its last hex digit. A
** surrogate pair written as two escapes is one code point; a lone surrogate
** is returned as it is, for the caller to replace. */
long nw_json_u_escape(const char *s, size_t n, size_t u, size_t *last);
#endif
