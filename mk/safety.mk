# Fixtures of tests/sql/safety*.sql (never committed): an allowed folder with
# links that lead out of it and stay in it, a folder outside it, and special
# files (a FIFO) named like articles. tests/run.sh runs tests/sql/safety/ with
# NEWS_ALLOWED_ROOTS set to build/safety-fixtures/allowed.
SAFETY_FIX := build/safety-fixtures
$(SAFETY_FIX)/.stamp: mk/safety.mk
	@echo GEN $(SAFETY_FIX)
	@rm -rf $(SAFETY_FIX) && mkdir -p $(SAFETY_FIX)/allowed/sub $(SAFETY_FIX)/outside $(SAFETY_FIX)/special
	@printf 'Inside Story\n\nA file under the allowed root.\n' > $(SAFETY_FIX)/allowed/ok.txt
	@printf 'Nested Story\n\nA file in a folder under the allowed root.\n' > $(SAFETY_FIX)/allowed/sub/inner.txt
	@printf 'Secret\n\nA file outside the allowed root.\n' > $(SAFETY_FIX)/outside/secret.txt
	@ln -s ok.txt $(SAFETY_FIX)/allowed/in_link.txt
	@ln -s ../outside/secret.txt $(SAFETY_FIX)/allowed/out.txt
	@ln -s ../outside $(SAFETY_FIX)/allowed/outdir
	@printf 'Regular\n\nA plain file next to special ones.\n' > $(SAFETY_FIX)/special/plain.txt
	@mkfifo $(SAFETY_FIX)/special/pipe.txt
	@touch $@

TEST_PREP += $(SAFETY_FIX)/.stamp
