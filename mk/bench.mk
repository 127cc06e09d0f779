# `make bench` (tools/bench.sh) runs this driver: it links the core objects
# to time nw_tokenize directly and loads dist/news for everything else.
# (Second expansion: the object lists are defined after mk/*.mk is read.)
.SECONDEXPANSION:
build/rel/bench: tests/bench/bench.c $$(CORE_REL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -Wno-format-truncation -o $@ $< $(CORE_REL_OBJ) $(LIBS) -lsqlite3

bench: build/rel/bench dist/sqlite-news

# Only the memory rows of `make bench` (every text function at 1, 16 and
# 200 MB of each kind of text, BENCH_MEM_MB to change), added to
# build/bench.json as mem_per_input_byte.
.PHONY: bench-mem
bench-mem: build/rel/bench dist/news.so
	@BENCH_ONLY=textmem build/rel/bench all dist/news $${BENCH_DATA:-../shared/bench} build/bench
	@/usr/bin/python3 tools/bench_merge.py build/bench-textmem.json
