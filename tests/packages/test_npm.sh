#!/bin/sh
# The npm package as a user gets it: the tarball from build/ installed into a
# fresh folder (--offline: it needs nothing from the registry), better-sqlite3 12
# beside it, queries through require('sqlite-news').load(db), then
# examples/node_example.js. Prints "ok ..." / "FAIL ..." / "SKIP: ..." lines.
#
# better-sqlite3 comes from the registry once and stays in build/packages/:
# without GitHub for its prebuilt binary it compiles SQLite (a minute of CPU;
# JOBS=2 lets node-gyp compile its two big files side by side).
set -u
cd "$(dirname "$0")/../.."
root=$PWD
if ! command -v node > /dev/null 2>&1 || ! command -v npm > /dev/null 2>&1; then
  echo "SKIP: npm package: needs node and npm"
  exit 0
fi
tarball=$(ls -t build/sqlite-news-*.tgz 2>/dev/null | head -n 1)
if [ -z "$tarball" ]; then
  echo "FAIL npm package: no tarball in build/ (make npm builds it)"
  exit 1
fi
version=$(basename "$tarball" .tgz | sed 's/^sqlite-news-//')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm_install() {
  npm install --no-audit --no-fund --loglevel=error "$@" > "$tmp/log" 2>&1 && return 0
  echo "FAIL npm package: npm install $* in $PWD:"
  sed 's/^/  /' "$tmp/log"
  return 1
}

# One better-sqlite3 per Node ABI: its native module is built for one.
deps=$root/build/packages/node-abi$(node -p process.versions.modules)
if ! [ -f "$deps/node_modules/better-sqlite3/package.json" ]; then
  mkdir -p "$deps" && echo '{"private": true}' > "$deps/package.json"
  (cd "$deps" && export JOBS=2 && npm_install --prefer-offline better-sqlite3@12) || exit 1
fi

# A package.json of its own, or npm would install into a parent folder's project.
echo '{"name": "sqlite-news-install-test", "private": true}' > "$tmp/package.json"
(cd "$tmp" && npm_install --offline "$root/$tarball") || exit 1
export NODE_PATH="$tmp/node_modules:$deps/node_modules"
status=0
(cd "$tmp" && node "$root/tests/packages/check_npm.js" "$version") || status=1

node examples/node_example.js examples/corpus > "$tmp/example.out" 2>&1
if grep -q '^  Martin Keller said: “This is the largest single step' "$tmp/example.out"; then
  echo "ok npm package: examples/node_example.js"
else
  status=1
  echo "FAIL npm package: examples/node_example.js printed:"
  sed 's/^/  /' "$tmp/example.out"
fi
exit $status
