# sqlite-news. `make` builds dist/news.so; `make test` runs every test in the
# release and the sanitizer build; `make eval` and `make bench` measure.
CC ?= cc
# Two jobs by default: the machines here have two cores.
MAKEFLAGS += --jobs=2
PKGS := libpcre2-8 libxml-2.0 libutf8proc libpsl
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lpcre2-8 -lxml2 -lutf8proc -lpsl)
WARN := -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter
BUILD_INFO := $(shell $(CC) --version | head -n1)
CFLAGS_COMMON := $(WARN) -D_GNU_SOURCE -fPIC -Iinclude -Iext/core -Iext/sql -Ibuild/gen $(PKG_CFLAGS) \
  -DNW_BUILD_INFO='"$(BUILD_INFO)"'
REL_FLAGS := -O2 -g
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LIBS := $(PKG_LIBS) -lpthread -lm

# Every C file under ext/ belongs to the extension; ext/sql/ (the SQLite
# adapter) and ext/corpus/ (the corpus database) use SQLite, the rest is the
# core (usable without SQLite, e.g. by unit tests).
SQL_SRC := $(sort $(wildcard ext/sql/*.c ext/corpus/*.c))
CORE_SRC := $(sort $(filter-out $(SQL_SRC),$(shell find ext -name '*.c')))
# Modules append generated sources (embedded data), test fixture generators
# (TEST_PREP) and their own targets in mk/*.mk.
GEN_SRC :=
TEST_PREP :=
-include $(sort $(wildcard mk/*.mk))

ALL_SRC := $(CORE_SRC) $(SQL_SRC) $(GEN_SRC)
REL_OBJ := $(patsubst %.c,build/rel/%.o,$(ALL_SRC))
ASAN_OBJ := $(patsubst %.c,build/asan/%.o,$(ALL_SRC))
CORE_REL_OBJ := $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(GEN_SRC))
CORE_ASAN_OBJ := $(patsubst %.c,build/asan/%.o,$(CORE_SRC) $(GEN_SRC))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_REL := $(patsubst tests/unit/%.c,build/rel/unit/%,$(UNIT_SRC))
UNIT_ASAN := $(patsubst tests/unit/%.c,build/asan/unit/%,$(UNIT_SRC))

.PHONY: all test test-release test-asan unit sqltest eval bench fuzz demo deps clean valgrind
all: dist/news.so

build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC $<; $(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -MMD -MP -c $< -o $@

build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	@echo CC-ASAN $<; $(CC) $(CFLAGS_COMMON) $(ASAN_FLAGS) -MMD -MP -c $< -o $@

dist/news.so: $(REL_OBJ)
	@mkdir -p dist
	@echo LD $@; $(CC) -shared -o $@ $(REL_OBJ) $(LIBS)

build/asan/news.so: $(ASAN_OBJ)
	@echo LD $@; $(CC) -shared $(ASAN_FLAGS) -o $@ $(ASAN_OBJ) $(LIBS)

build/rel/sqltest: tests/sqltest.c
	@mkdir -p $(dir $@)
	@echo LD $@; $(CC) $(WARN) -D_GNU_SOURCE $(REL_FLAGS) -o $@ $< -lsqlite3

build/asan/sqltest: tests/sqltest.c
	@mkdir -p $(dir $@)
	@echo LD $@; $(CC) $(WARN) -D_GNU_SOURCE $(ASAN_FLAGS) -o $@ $< -lsqlite3

build/rel/unit/%: tests/unit/%.c $(CORE_REL_OBJ) tests/unit/check.h
	@mkdir -p $(dir $@)
	@echo LD $@; $(CC) $(CFLAGS_COMMON) $(REL_FLAGS) -Itests/unit -o $@ $< $(CORE_REL_OBJ) $(LIBS)

build/asan/unit/%: tests/unit/%.c $(CORE_ASAN_OBJ) tests/unit/check.h
	@mkdir -p $(dir $@)
	@echo LD $@; $(CC) $(CFLAGS_COMMON) $(ASAN_FLAGS) -Itests/unit -o $@ $< $(CORE_ASAN_OBJ) $(LIBS)

SQL_TESTS := $(sort $(wildcard tests/sql/*.sql))

# The test command README gives. Release build first, then ASan+UBSan.
test: dist/news.so build/asan/news.so build/rel/sqltest build/asan/sqltest $(UNIT_REL) $(UNIT_ASAN) $(TEST_PREP)
	@tests/run.sh

unit: $(UNIT_REL)
	@for t in $(UNIT_REL); do $$t || exit 1; done

sqltest: dist/news.so build/rel/sqltest
	@build/rel/sqltest dist/news $(SQL_TESTS)

# PCRE2's JIT-generated code is opaque to valgrind (false "uninitialised" reports):
# the interpreter runs the same patterns here.
valgrind: dist/news.so build/rel/sqltest $(UNIT_REL)
	@for t in $(UNIT_REL); do NEWS_NO_JIT=1 valgrind -q --error-exitcode=1 --leak-check=full $$t > /dev/null || exit 1; done
	NEWS_NO_JIT=1 valgrind -q --error-exitcode=1 --leak-check=full build/rel/sqltest dist/news $(SQL_TESTS)

deps:
	@tools/deps.sh

demo: deps
	@$(MAKE) --no-print-directory dist/news.so
	@sqlite3 -batch -box :memory: < examples/demo.sql

eval: dist/news.so
	@tools/eval.sh

bench: dist/news.so
	@tools/bench.sh

clean:
	rm -rf build dist

-include $(REL_OBJ:.o=.d) $(ASAN_OBJ:.o=.d)
