# The sqlite-news command (tools/cli/): the extension's release objects linked
# into one executable with the system SQLite; `make` builds it, `make install`
# installs it (INSTALL_BIN).
.DEFAULT_GOAL := all
.SECONDEXPANSION:

CLI_SRC := $(sort $(wildcard tools/cli/*.c))
CLI_OBJ := $(patsubst %.c,build/rel/%.o,$(CLI_SRC))

dist/sqlite-news: $(CLI_OBJ) $$(REL_OBJ)
	@mkdir -p dist
	@echo LD $@; $(CC) $(REL_FLAGS) -o $@ $(CLI_OBJ) $(REL_OBJ) $(LIBS) -lsqlite3

all: dist/sqlite-news
INSTALL_BIN += dist/sqlite-news
-include $(CLI_OBJ:.o=.d)

test: dist/sqlite-news

.PHONY: bench-corpus
# Only the corpus rows of `make bench` (tools/cli/bench_corpus.py).
bench-corpus: dist/sqlite-news
	@/usr/bin/python3 tools/cli/bench_corpus.py
