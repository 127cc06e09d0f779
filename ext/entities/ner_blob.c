/* The trained model (data/ner/model.bin, see data/ner/README.md), embedded
** into the library at build time and parsed once per process. */
#include "ner_internal.h"

#include "once.h"

/* The assembler reads the file relative to the build's working directory
** (the repository root, where make runs). */
__asm__(".section .rodata\n"
        ".balign 64\n"
        ".hidden nw_ner_blob\n"
        ".globl nw_ner_blob\n"
        "nw_ner_blob:\n"
        ".incbin \"data/ner/model.bin\"\n"
        ".hidden nw_ner_blob_end\n"
        ".globl nw_ner_blob_end\n"
        "nw_ner_blob_end:\n"
        ".previous\n");
extern const unsigned char nw_ner_blob[], nw_ner_blob_end[];

static ner_model builtin;
static nw_once builtin_once = NW_ONCE_INIT;

static int load_builtin(void) {
  return ner_model_parse(&builtin, nw_ner_blob, (size_t)(nw_ner_blob_end - nw_ner_blob)) == 0 ? 0 : -1;
}

const ner_model *ner_model_builtin(void) { return nw_once_try(&builtin_once, load_builtin) ? &builtin : NULL; }

size_t ner_model_builtin_size(void) { return (size_t)(nw_ner_blob_end - nw_ner_blob); }

__attribute__((destructor)) static void free_builtin(void) { ner_clusters_free(&builtin.clusters); }
