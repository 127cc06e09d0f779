# `make fuzz` (tools/fuzz.sh): libFuzzer targets built with clang under
# ASan+UBSan; each run lasts FUZZ_SECONDS. `make test` replays the seed
# corpora and every saved finding (tests/fuzz/regressions/) in the release
# and the sanitizer builds with test_fuzz_replay, which needs no clang.
.SECONDEXPANSION:
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_OBJ = $(patsubst %.c,build/fuzz/%.o,$(ALL_SRC))
FUZZ_BINS := $(patsubst tests/fuzz/fuzz_%.c,build/fuzz/bin/fuzz_%,$(wildcard tests/fuzz/fuzz_*.c))

build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC-FUZZ $<; $(FUZZ_CC) $(CFLAGS_COMMON) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

build/fuzz/bin/fuzz_%: tests/fuzz/fuzz_%.c $$(FUZZ_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS_COMMON) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LIBS) -lsqlite3

fuzz: dist/news.so $(FUZZ_BINS)
	@FUZZ_SECONDS=$(FUZZ_SECONDS) tools/fuzz.sh

REPLAY_DEPS := tests/fuzz/replay.c $(wildcard tests/fuzz/fuzz_*.c)
build/rel/unit/test_fuzz_replay: $(REPLAY_DEPS) $$(REL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -o $@ tests/fuzz/replay.c $(REL_OBJ) $(LIBS) -lsqlite3

build/asan/unit/test_fuzz_replay: $(REPLAY_DEPS) $$(ASAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(ASAN_FLAGS) -o $@ tests/fuzz/replay.c $(ASAN_OBJ) $(LIBS) -lsqlite3

TEST_PREP += build/rel/unit/test_fuzz_replay build/asan/unit/test_fuzz_replay
