# Fixtures of tests/sql/safety*.sql (tests/safety_fixtures.sh), made afresh on
# every run: some tests change them. tests/run.sh runs tests/sql/safety/ with
# NEWS_ALLOWED_ROOTS set to build/safety-fixtures/allowed.
build/safety-fixtures/.stamp: mk/safety.mk tests/safety_fixtures.sh FORCE
	@echo GEN build/safety-fixtures
	@tests/safety_fixtures.sh build/safety-fixtures
	@touch $@

TEST_PREP += build/safety-fixtures/.stamp
