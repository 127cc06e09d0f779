# Corpus database: the folders tests/sql/corpus.sql copies the fixture corpus
# into (it changes and deletes files there), `make tsan` (ThreadSanitizer
# build of the library and a driver running the analysis with two workers).
build/corpus/.stamp: mk/corpus.mk
	@mkdir -p build/corpus/src/wire build/corpus/src/pages
	@touch $@

TEST_PREP += build/corpus/.stamp
valgrind: build/corpus/.stamp

# ThreadSanitizer: every source built again with -fsanitize=thread and linked
# into the driver (a TSan library cannot be loaded by an uninstrumented host).
.SECONDEXPANSION:
TSAN_FLAGS := -O1 -g -fsanitize=thread -fno-omit-frame-pointer
TSAN_OBJ = $(patsubst %.c,build/tsan/%.o,$(ALL_SRC))

build/tsan/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC-TSAN $<; $(CC) $(CFLAGS_COMMON) $(TSAN_FLAGS) -MMD -MP -c $< -o $@

build/tsan/corpus_tsan: tests/corpus/tsan_driver.c $$(TSAN_OBJ)
	@echo LD $@; $(CC) $(CFLAGS_COMMON) $(TSAN_FLAGS) -o $@ $< $(TSAN_OBJ) $(LIBS) -lsqlite3

.PHONY: tsan
tsan: build/tsan/corpus_tsan
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 build/tsan/corpus_tsan > build/tsan/corpus_tsan.log 2>&1 \
	  && echo "tsan: no data race (build/tsan/corpus_tsan.log)" || { cat build/tsan/corpus_tsan.log; exit 1; }
TEST_PREP += build/tsan/corpus_tsan
# The objects' header dependencies (the main Makefile reads only rel and asan's).
-include $(shell find build/tsan -name '*.d' 2>/dev/null)
