# Packages for where users already work: `make python` builds the wheel
# (import sqlite_news; sqlite_news.load(con)) and `make npm` the npm tarball
# (require('sqlite-news').load(db)), both carrying dist/news.so, both into build/,
# both with the version of the VERSION file.
# `make test-packages` installs each one fresh and runs queries through it.
.DEFAULT_GOAL := all
.PHONY: python npm test-packages

# The wheel holds a native library: tagged for this OS and CPU, any Python 3.
PYTHON_WHEEL := build/sqlite_news-$(VERSION)-py3-none-linux_$(shell uname -m).whl
NPM_TARBALL := build/sqlite-news-$(VERSION).tgz

python: $(PYTHON_WHEEL)
npm: $(NPM_TARBALL)

# Each is built in a staged copy so the source folders stay free of build
# output, with the library stripped of debug information (a third of the size).
# pip wheel uses the system's setuptools and wheel: no network, no index.
$(PYTHON_WHEEL): mk/packages.mk dist/news.so VERSION $(shell find python -type f ! -name '*.pyc')
	@/usr/bin/python3 -c 'import importlib.util as u; exit(not all(map(u.find_spec, ("pip", "setuptools", "wheel"))))' 2>/dev/null \
	  || { echo "make python: needs python3-pip python3-setuptools python3-wheel (tools/deps.sh)"; exit 1; }
	@rm -rf build/python && mkdir -p build/python
	@cp -R python build/python/src && strip --strip-debug -o build/python/src/sqlite_news/news.so dist/news.so
	@echo '$(VERSION)' > build/python/src/VERSION
	@echo WHEEL $@; cd build/python/src && /usr/bin/python3 -m pip wheel --quiet --no-deps \
	  --no-build-isolation --no-index --wheel-dir ../out . && cd ../../.. && mv build/python/out/$(notdir $@) $@

$(NPM_TARBALL): mk/packages.mk dist/news.so VERSION $(wildcard npm/*)
	@command -v npm > /dev/null || { echo "make npm: needs node and npm (e.g. Debian's npm)"; exit 1; }
	@rm -rf build/npm && mkdir -p build/npm
	@cp -R npm build/npm/pkg && strip --strip-debug -o build/npm/pkg/news.so dist/news.so
	@sed -i 's/"version": *"[^"]*"/"version": "$(VERSION)"/' build/npm/pkg/package.json
	@echo NPM-PACK $@; cd build/npm/pkg && npm pack --silent --pack-destination .. > /dev/null && cd ../../.. && mv build/npm/$(notdir $@) $@

# `make test` builds what the tools present can build; tests/packages/run.sh
# skips, with a SKIP line, whatever is missing.
PACKAGES :=
ifneq ($(wildcard /usr/bin/python3),)
PACKAGES += $(PYTHON_WHEEL)
endif
ifneq ($(shell command -v npm 2>/dev/null),)
PACKAGES += $(NPM_TARBALL)
endif
TEST_PREP += $(PACKAGES)

test-packages: dist/news.so $(PACKAGES)
	@tests/packages/run.sh
