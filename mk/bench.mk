# `make bench` (tools/bench.sh) runs this driver: it links the core objects
# to time nw_tokenize directly and loads dist/news for everything else.
# (Second expansion: the object lists are defined after mk/*.mk is read.)
.SECONDEXPANSION:
build/rel/bench: tests/bench/bench.c $$(CORE_REL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -Wno-format-truncation -o $@ $< $(CORE_REL_OBJ) $(LIBS) -lsqlite3

bench: build/rel/bench dist/sqlite-news
