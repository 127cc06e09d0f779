/* Quotation extractor API (implemented in ext/quotes/): every quotation in a
** tokenized document with its speaker, reporting cue and kind. */
#ifndef NEWS_QUOTES_H
#define NEWS_QUOTES_H
#include "news.h"
#include "news_entities.h"

typedef enum nw_quote_kind { NW_QUOTE_DIRECT = 1, NW_QUOTE_SCARE } nw_quote_kind;

/* What the resolved speaker is: a person, an organisation, a place, several
** of them ("Xi and Putin", "they"), or a description the text ties to no
** name ("critics"). 0 when there is no speaker. */
typedef enum nw_speaker_type {
  NW_SPEAKER_PERSON = 1, NW_SPEAKER_ORG, NW_SPEAKER_LOC, NW_SPEAKER_GROUP, NW_SPEAKER_DESCRIPTION
} nw_speaker_type;

/* "No span": speaker and cue fields hold this when absent. */
#define NW_QUOTE_NONE UINT32_MAX

typedef struct nw_quote {
  uint32_t start, end;             /* byte span of the quotation, marks included */
  uint32_t inner_start, inner_end; /* the quoted words, marks and edge spaces excluded */
  uint32_t tok_open, tok_close;    /* token index of the opening mark and of the closing mark
                                      (tok_close = first token after the quotation when unclosed) */
  uint32_t speaker_start, speaker_end; /* the mention naming the speaker, or NW_QUOTE_NONE */
  uint32_t speaker_tok_first, speaker_tok_end;
  uint32_t cue_start, cue_end;     /* the reporting verb or phrase, or NW_QUOTE_NONE */
  uint32_t name_off, name_len;     /* resolved speaker name in nw_quotes.names (len 0: none) */
  uint32_t paragraph;              /* 0-based paragraph index */
  uint8_t kind;                    /* nw_quote_kind */
  uint8_t depth;                   /* 0 outermost, 1 nested inside another quotation, ... */
  uint8_t closed;                  /* 0 when the quotation ran to the paragraph end */
  uint8_t continued;               /* 1 when the speaker was taken from the previous attribution */
  uint8_t speaker_type;            /* nw_speaker_type of the resolved speaker, 0 when none */
} nw_quote;

typedef struct nw_quotes {
  nw_quote *v;
  size_t n, cap;
  nw_buf names; /* arena of resolved names */
} nw_quotes;

/* Quotations of a tokenized document in text order (out is reset first).
** Returns 0, or -1 when out of memory. */
int nw_extract_quotes(const nw_doc *doc, nw_quotes *out);
/* "PERSON", "ORG", "LOC", "GROUP" or "DESCRIPTION"; NULL for no speaker. */
const char *nw_speaker_type_name(int type);
/* The same for a caller that has already run nw_extract_entities on doc: the
** speakers' names come from ents instead of a second run of the tagger. */
int nw_extract_quotes_given(const nw_doc *doc, const nw_entities *ents, nw_quotes *out);
void nw_quotes_free(nw_quotes *q);

/* Sizes of the compiled-in tables (for news_debug()). */
size_t nw_quotes_cue_count(void);
size_t nw_quotes_word_count(void);
size_t nw_quotes_weight_count(void); /* learned speaker chooser */
/* Data stamps of the chooser (16 hex digits): of the data it was trained with
** ("" when unknown) and of the data the library holds; they differ when stale. */
void nw_quotes_model_stamp(char trained_with[17], char data_now[17]);
#endif
