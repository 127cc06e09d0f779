# `make demo`: a small corpus database (build/demo.db) from the invented
# articles of examples/corpus, two of the sql/ questions asked of it, and its
# report page (build/demo.html): tools/demo.sh.
.PHONY: demo
demo: dist/news.so dist/sqlite-news
	@tools/demo.sh
