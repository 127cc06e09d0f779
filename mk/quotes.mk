# Quotes: the trainer of the speaker chooser (make quotes-model). The weights it
# writes, ext/quotes/quotes_weights_data.c, are committed; training is deterministic.
.DEFAULT_GOAL := all
BENCH ?= ../shared/bench
QUOTES_TOOL_OBJ := $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(GEN_SRC))
build/rel/tools/quotes_dump: tools/quotes_dump.c ext/quotes/quotes_chooser.h ext/quotes/quotes_internal.h $(QUOTES_TOOL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -Iext/quotes -o $@ tools/quotes_dump.c $(QUOTES_TOOL_OBJ) $(LIBS)

.PHONY: quotes-model quotes-check
# Features come from the library's own rules and candidates, so retrain after changing them
# (the data stamp catches a data edit, not a code change: quotes-check does).
QUOTES_TRAIN = python3 tools/quotes_train.py --dump build/rel/tools/quotes_dump \
  --train $(BENCH)/quotes/polnear-train.jsonl --dev $(BENCH)/quotes/polnear-dev.jsonl
quotes-model: build/rel/tools/quotes_dump
	$(QUOTES_TRAIN) --out ext/quotes/quotes_weights_data.c

# Check that training reproduces the committed weights (same data, same code).
quotes-check: build/rel/tools/quotes_dump
	@mkdir -p build/quotes
	$(QUOTES_TRAIN) --out build/quotes/quotes_weights_data.c
	cmp build/quotes/quotes_weights_data.c ext/quotes/quotes_weights_data.c && echo "quotes-check: the committed weights are reproduced"
