/* Word clusters from unlabeled text (tools/ner_clusters.c), for the trainer. */
#ifndef NER_CLUSTERS_TOOL_H
#define NER_CLUSTERS_TOOL_H
#include "ner_internal.h"

/* Cluster the frequent words of texts. Appends the words (NUL-terminated,
** cluster keys as ner_cluster_key makes them) to words and sets *ids (malloc'ed,
** one per word: fine cluster 1..fine | coarse cluster 1..coarse << 16). */
int ner_build_clusters(const char *const *texts, const size_t *lens, size_t ntexts, size_t fine, size_t coarse,
                       nw_buf *words, uint32_t **ids, size_t *nwords);
#endif
