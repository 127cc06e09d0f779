# Fixtures of tests/sql/safety*.sql (tests/safety_fixtures.sh), made afresh on
# every run: some tests change them. tests/run.sh runs tests/sql/safety/ with
# NEWS_ALLOWED_ROOTS set to build/safety-fixtures/allowed.
build/safety-fixtures/.stamp: mk/safety.mk tests/safety_fixtures.sh FORCE
	@echo GEN build/safety-fixtures
	@tests/safety_fixtures.sh build/safety-fixtures
	@touch $@

TEST_PREP += build/safety-fixtures/.stamp

# The allocation-failure test (tests/oom/): the Nth allocation of a fixed
# workload of every function refused, for every N, fresh and warmed up.
# `make oom` runs the release and the ASan builds; `make test` a sample.
OOM_SRC := tests/oom/oom.c tests/oom/oom_alloc.c
build/rel/oom: $(OOM_SRC) tests/oom/oom_alloc.h
	@mkdir -p $(dir $@)
	@echo LD $@; $(CC) $(WARN) -D_GNU_SOURCE $(REL_FLAGS) -o $@ $(OOM_SRC) -lsqlite3 -ldl
build/asan/oom: $(OOM_SRC) tests/oom/oom_alloc.h
	@mkdir -p $(dir $@)
	@echo LD $@; $(CC) $(WARN) -D_GNU_SOURCE $(ASAN_FLAGS) -o $@ $(OOM_SRC) -lsqlite3 -ldl

TEST_PREP += build/rel/oom
.PHONY: oom
oom: dist/news.so build/asan/news.so build/rel/oom build/asan/oom
	@tests/oom/run.sh full

# sqlite3_interrupt() stopping long calls (tests/interrupt/), run by make test.
build/rel/interrupt: tests/interrupt/interrupt.c
	@mkdir -p $(dir $@)
	@echo LD $@; $(CC) $(WARN) -D_GNU_SOURCE $(REL_FLAGS) -o $@ $< -lsqlite3 -lpthread
TEST_PREP += build/rel/interrupt
