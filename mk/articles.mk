# Fixtures of tests/sql/articles.sql that git cannot hold well, generated before
# `make test` (never committed): a symlink loop, a file over the size limit
# (sparse), a file with NUL bytes, a file without an extension, an ignored kind,
# a hidden folder, and folders nested deeper than the walk goes.
build/articles-fixtures/.stamp: mk/articles.mk
	@echo GEN build/articles-fixtures
	@rm -rf build/articles-fixtures && mkdir -p build/articles-fixtures/tree/sub
	@printf 'Loop Safe\n\nThe walk does not follow a link back to its own folder.\n' > build/articles-fixtures/tree/sub/story.txt
	@ln -s .. build/articles-fixtures/tree/sub/back
	@ln -s missing.txt build/articles-fixtures/tree/broken.txt
	@printf 'Plain note\n\nA file without an extension is read as text.\n' > build/articles-fixtures/tree/NOTE
	@printf 'not an article' > build/articles-fixtures/tree/image.png
	@printf 'binary\0data\n' > build/articles-fixtures/tree/nul.txt
	@truncate -s 65M build/articles-fixtures/tree/huge.txt
	@mkdir -p build/articles-fixtures/tree/.hidden
	@printf 'Hidden\n\nDot-files are not listed.\n' > build/articles-fixtures/tree/.hidden/note.txt
	@mkdir -p build/articles-fixtures/deep/$$(printf 'd/%.0s' $$(seq 70))
	@printf 'Too Deep\n\nSeventy folders down.\n' > build/articles-fixtures/deep/$$(printf 'd/%.0s' $$(seq 70))story.txt
	@printf 'Shallow\n\nAt the top.\n' > build/articles-fixtures/deep/top.txt
	@touch $@

TEST_PREP += build/articles-fixtures/.stamp
valgrind: build/articles-fixtures/.stamp
