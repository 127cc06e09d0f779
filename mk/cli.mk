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

.PHONY: readme-images
# docs/images/report.png, the README's picture: `sqlite-news report` of
# examples/corpus rendered by headless Chromium (tools/deps.sh installs it).
README_SHOT := build/readme-images
readme-images: dist/sqlite-news
	@rm -rf $(README_SHOT) && mkdir -p $(README_SHOT) docs/images
	@dist/sqlite-news ingest examples/corpus $(README_SHOT)/corpus.db --jobs 2 > /dev/null
	@cd $(README_SHOT) && $(abspath dist/sqlite-news) report corpus.db -o report.html
	@timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	  --disable-background-networking --disable-component-update --disable-sync \
	  --user-data-dir=$(abspath $(README_SHOT))/profile --hide-scrollbars --force-device-scale-factor=0.6 \
	  --window-size=1100,2030 --screenshot=$(abspath docs/images/report.png) \
	  file://$(abspath $(README_SHOT))/report.html > $(README_SHOT)/chromium.log 2>&1
	@echo "docs/images/report.png: $$(wc -c < docs/images/report.png) bytes"
