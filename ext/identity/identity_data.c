/* The identity rules' word lists (data/identity/), general knowledge,
** embedded into the library at build time; parsed by identity_words.c. (The
** outlets are the compiled list of data/outlets/, see news_articles.h.) */
#include "identity.h"

/* The assembler reads the files relative to the repository root, where make
** runs; mk/identity.mk rebuilds this object when they change. Each file is
** followed by a NUL so that it can be read as a C string too. */
#define NW_EMBED(sym, path)                                                                        \
  __asm__(".section .rodata\n.balign 16\n.hidden " #sym "\n.globl " #sym "\n" #sym ":\n.incbin \"" path \
          "\"\n.hidden " #sym "_end\n.globl " #sym "_end\n" #sym "_end:\n.byte 0\n.previous\n")
NW_EMBED(nw_id_aliases, "data/identity/aliases.tsv");
NW_EMBED(nw_id_name_words, "data/identity/name_words.tsv");
NW_EMBED(nw_id_nicknames, "data/identity/nicknames.tsv");
extern const char nw_id_aliases[], nw_id_aliases_end[];
extern const char nw_id_name_words[], nw_id_name_words_end[];
extern const char nw_id_nicknames[], nw_id_nicknames_end[];

const char *nw_identity_data(int which, size_t *len) {
  switch (which) {
    case NW_ID_DATA_ALIASES: *len = (size_t)(nw_id_aliases_end - nw_id_aliases); return nw_id_aliases;
    case NW_ID_DATA_NAME_WORDS: *len = (size_t)(nw_id_name_words_end - nw_id_name_words); return nw_id_name_words;
    case NW_ID_DATA_NICKNAMES: *len = (size_t)(nw_id_nicknames_end - nw_id_nicknames); return nw_id_nicknames;
    default: *len = 0; return NULL;
  }
}
