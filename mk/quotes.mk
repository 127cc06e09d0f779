# Quotes: the trainer of the speaker chooser (make quotes-model). The weights it
# writes, ext/quotes/quotes_weights_data.c, are committed; training is deterministic.
.DEFAULT_GOAL := all
BENCH ?= ../shared/bench
QUOTES_TOOL_OBJ := $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(GEN_SRC))
build/rel/tools/quotes_dump: tools/quotes_dump.c ext/quotes/quotes_chooser.h ext/quotes/quotes_internal.h $(QUOTES_TOOL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -Iext/quotes -o $@ tools/quotes_dump.c $(QUOTES_TOOL_OBJ) $(LIBS)

.PHONY: quotes-model
# Features come from the library's own rules and candidates, so retrain after changing them.
quotes-model: build/rel/tools/quotes_dump
	python3 tools/quotes_train.py --dump build/rel/tools/quotes_dump \
	  --train $(BENCH)/quotes/polnear-train.jsonl --dev $(BENCH)/quotes/polnear-dev.jsonl \
	  --out ext/quotes/quotes_weights_data.c
