# Entities: the trained model embedded from data/ner/model.bin and its trainer
# (make ner-model); the gazetteers data/ner/*.txt are compiled by mk/data.mk.
# mk/ fragments are read before the main rules: keep `make` building the library.
.DEFAULT_GOAL := all
BENCH ?= ../shared/bench
# The model is assembled into the library (.incbin): rebuild when it changes.
build/rel/ext/entities/ner_blob.o build/asan/ext/entities/ner_blob.o: data/ner/model.bin

# The trainer links the same feature code as the library (all of the core
# except the embedded model, the extractor that uses it, and the quotes
# module that calls the extractor).
NER_TOOL_OBJ = $(patsubst %.c,build/rel/%.o,$(filter-out ext/sql/% ext/quotes/% ext/identity/% ext/corpus/% ext/entities/ner_blob.c ext/entities/entities.c,$(shell find ext -name '*.c')) $(GEN_SRC))
NER_TRAIN_SRC := tools/ner_train.c tools/ner_json.c tools/ner_clusters.c
build/rel/tools/ner_train: $(NER_TRAIN_SRC) tools/ner_json.h tools/ner_clusters.h ext/entities/ner_internal.h $(NER_TOOL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -Iext/entities -Itools -o $@ $(NER_TRAIN_SRC) $(NER_TOOL_OBJ) $(LIBS)

NER_TRAIN_ARGS := $(BENCH)/ner/conll2003-train.jsonl -dev $(BENCH)/ner/conll2003-dev.jsonl -unlabeled $(BENCH)/quotes/polnear-train.jsonl -b1 17 -b2 16 -e1 10 -e2 3 -k 5

.PHONY: ner-model ner-check
# Retrain the committed model (deterministic; see data/ner/README.md).
ner-model: build/rel/tools/ner_train
	build/rel/tools/ner_train $(NER_TRAIN_ARGS) -o data/ner/model.bin

# Check that training reproduces the committed model byte for byte.
ner-check: build/rel/tools/ner_train
	@mkdir -p build/ner
	build/rel/tools/ner_train $(NER_TRAIN_ARGS) -o build/ner/model.bin
	cmp build/ner/model.bin data/ner/model.bin && echo "ner-check: the committed model is reproduced"
