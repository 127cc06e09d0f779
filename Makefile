# sqlite-news. `make` builds dist/news.so; `make test` runs every test in the
# release and the sanitizer build; `make install` installs (PREFIX, DESTDIR);
# `make eval` and `make bench` measure.
CC ?= cc
# Two jobs by default: the machines here have two cores.
MAKEFLAGS += --jobs=2
# The version's one source is the VERSION file.
VERSION := $(strip $(file < VERSION))
# Libraries found through pkg-config, each with the Debian package that holds it
# (tools/deps.sh installs them all). sqlite3 is for the test runner only.
PKGS := libpcre2-8 libxml-2.0 libutf8proc libpsl
DEB_libpcre2-8 := libpcre2-dev
DEB_libxml-2.0 := libxml2-dev
DEB_libutf8proc := libutf8proc-dev
DEB_libpsl := libpsl-dev
DEB_sqlite3 := libsqlite3-dev
# A missing tool or library stops make with what to install, not a compiler error
# (goals that build nothing are spared the check).
ifneq ($(filter-out clean deps uninstall,$(or $(MAKECMDGOALS),all)),)
ifeq ($(shell command -v pkg-config),)
$(error missing pkg-config: run tools/deps.sh (apt-get install pkg-config))
endif
PKG_MISSING := $(shell for p in $(PKGS) sqlite3; do pkg-config --exists $$p || echo $$p; done)
ifneq ($(PKG_MISSING),)
$(error missing $(PKG_MISSING): run tools/deps.sh (apt-get install $(foreach p,$(PKG_MISSING),$(DEB_$(p)))))
endif
endif
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN := -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter
CFLAGS_COMMON := $(WARN) -D_GNU_SOURCE -fPIC -Iinclude -Iext/core -Iext/sql -Ibuild/gen $(PKG_CFLAGS) \
  -DNEWS_VERSION='"$(VERSION)"'
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
# Programs `make install` puts in $(PREFIX)/bin (the command appends itself).
INSTALL_BIN :=
-include $(sort $(wildcard mk/*.mk))

ALL_SRC := $(CORE_SRC) $(SQL_SRC) $(GEN_SRC)
REL_OBJ := $(patsubst %.c,build/rel/%.o,$(ALL_SRC))
ASAN_OBJ := $(patsubst %.c,build/asan/%.o,$(ALL_SRC))
CORE_REL_OBJ := $(patsubst %.c,build/rel/%.o,$(CORE_SRC) $(GEN_SRC))
CORE_ASAN_OBJ := $(patsubst %.c,build/asan/%.o,$(CORE_SRC) $(GEN_SRC))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_REL := $(patsubst tests/unit/%.c,build/rel/unit/%,$(UNIT_SRC))
UNIT_ASAN := $(patsubst tests/unit/%.c,build/asan/unit/%,$(UNIT_SRC))

.PHONY: all test sqltest eval bench fuzz deps clean valgrind install uninstall FORCE
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

# news_debug() gives the commit and the build date (build/gen/news_build.h).
# The commit is the short hash, "+dirty" when the tree has changes, "unknown"
# outside git; when git refuses to run (another user's tree, as under sudo) the
# last one recorded stands, so `make install` does not rebuild with another.
GIT_COMMIT := $(shell if [ ! -e .git ]; then echo unknown; \
  elif c=$$(GIT_OPTIONAL_LOCKS=0 git rev-parse --short HEAD 2>/dev/null); then \
    if [ -z "$$(GIT_OPTIONAL_LOCKS=0 git status --porcelain 2>/dev/null)" ]; then echo $$c; else echo $$c+dirty; fi; \
  else cat build/gen/commit 2>/dev/null || echo unknown; fi)
# Rewritten only when the commit changes, so that it triggers a rebuild then only.
build/gen/commit: FORCE
	@mkdir -p $(dir $@)
	@echo '$(GIT_COMMIT)' | cmp -s - $@ || echo '$(GIT_COMMIT)' > $@
# The date is that of the newest change built: the header is remade when the
# commit or any source changes (SOURCE_DATE_EPOCH fixes it, for reproducible builds).
build/gen/news_build.h: build/gen/commit VERSION $(ALL_SRC) $(wildcard include/*.h ext/*/*.h data/*/*)
	@echo GEN $@
	@printf '/* Generated by the Makefile. */\n#define NEWS_COMMIT "%s"\n#define NEWS_BUILD_DATE "%s"\n#define NEWS_COMPILER "%s"\n' \
	  '$(GIT_COMMIT)' "$$(date -u $${SOURCE_DATE_EPOCH:+-d @$$SOURCE_DATE_EPOCH} +%Y-%m-%dT%H:%M:%SZ)" \
	  "$$($(CC) --version | head -n1)" > $@
# (Every build of the objects: release, sanitizers, fuzzing, ThreadSanitizer.)
$(foreach b,rel asan fuzz tsan,build/$(b)/ext/sql/sql_text.o): build/gen/news_build.h
# Every object sees NEWS_VERSION.
$(REL_OBJ) $(ASAN_OBJ): VERSION

SQL_TESTS := $(sort $(wildcard tests/sql/*.sql))

# The test command README gives. Release build first, then ASan+UBSan.
test: dist/news.so build/asan/news.so build/rel/sqltest build/asan/sqltest $(UNIT_REL) $(UNIT_ASAN) $(TEST_PREP)
	@tests/run.sh

# The SQL tests of the release build alone, with the fixtures they need.
sqltest: dist/news.so build/rel/sqltest $(filter-out build/asan/%,$(TEST_PREP))
	@build/rel/sqltest dist/news $(SQL_TESTS)

# PCRE2's JIT-generated code is opaque to valgrind (false "uninitialised" reports):
# the interpreter runs the same patterns here.
valgrind: dist/news.so build/rel/sqltest $(UNIT_REL)
	@for t in $(UNIT_REL); do NEWS_NO_JIT=1 valgrind -q --error-exitcode=1 --leak-check=full $$t > /dev/null || exit 1; done
	NEWS_NO_JIT=1 valgrind -q --error-exitcode=1 --leak-check=full build/rel/sqltest dist/news $(SQL_TESTS)

deps:
	@tools/deps.sh

eval: dist/news.so
	@tools/eval.sh

bench: dist/news.so
	@tools/bench.sh

# `make install` (PREFIX, DESTDIR as usual): the library, to load as
# $(PREFIX)/lib/sqlite-news/news; the programs of INSTALL_BIN; the documents
# (with the recipes and README's picture) and the analysis SQL. `make
# uninstall` removes exactly these.
PREFIX ?= /usr/local
LIBDIR := $(PREFIX)/lib/sqlite-news
BINDIR := $(PREFIX)/bin
DOCDIR := $(PREFIX)/share/doc/sqlite-news
SQLDIR := $(PREFIX)/share/sqlite-news/sql
INSTALL_DOCS := README.md $(wildcard ARCHITECTURE.md) VERSION
INSTALL_SQL := $(wildcard sql/*.sql)

# $(call install_docs,SUBFOLDER): the files of docs/SUBFOLDER, if any.
install_docs = $(if $(wildcard docs/$(1)/*),install -d '$(DESTDIR)$(DOCDIR)/docs/$(1)' && \
  install -m 644 $(wildcard docs/$(1)/*) '$(DESTDIR)$(DOCDIR)/docs/$(1)/')

install: dist/news.so $(INSTALL_BIN)
	install -d '$(DESTDIR)$(LIBDIR)' '$(DESTDIR)$(DOCDIR)/docs' '$(DESTDIR)$(SQLDIR)'
	install -m 644 dist/news.so '$(DESTDIR)$(LIBDIR)/news.so'
	$(if $(INSTALL_BIN),install -d '$(DESTDIR)$(BINDIR)' && install -m 755 $(INSTALL_BIN) '$(DESTDIR)$(BINDIR)/')
	install -m 644 $(INSTALL_DOCS) '$(DESTDIR)$(DOCDIR)/'
	$(if $(wildcard docs/*.md),install -m 644 $(wildcard docs/*.md) '$(DESTDIR)$(DOCDIR)/docs/')
	$(call install_docs,recipes)
	$(call install_docs,images)
	$(if $(INSTALL_SQL),install -m 644 $(INSTALL_SQL) '$(DESTDIR)$(SQLDIR)/')

uninstall:
	rm -f '$(DESTDIR)$(LIBDIR)/news.so' $(foreach f,$(INSTALL_BIN),'$(DESTDIR)$(BINDIR)/$(notdir $(f))')
	rm -rf '$(DESTDIR)$(DOCDIR)' '$(DESTDIR)$(SQLDIR)'
	rmdir '$(DESTDIR)$(LIBDIR)' '$(DESTDIR)$(PREFIX)/share/sqlite-news' 2>/dev/null || true

clean:
	rm -rf build dist

-include $(REL_OBJ:.o=.d) $(ASAN_OBJ:.o=.d)
