# Fixtures of tests/sql/bad_input.sql, generated before `make test` (never committed).
build/bad/.stamp: tools/gen_bad_inputs.py
	@echo GEN build/bad; python3 tools/gen_bad_inputs.py build/bad && touch $@

TEST_PREP += build/bad/.stamp
valgrind: build/bad/.stamp
