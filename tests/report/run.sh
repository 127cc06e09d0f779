#!/bin/sh
# Tests of `sqlite-news report`: the page written from a corpus database is
# self-contained (nothing fetched), has its four charts with data, escapes
# every text from the database, and (when /usr/bin/chromium exists) renders in
# headless Chromium without console errors; the screenshot is saved as
# build/report.png. Also runs the recipes docs/recipes/report.md and fts5.md.
# Called by tests/run.sh; prints "report: N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
cmd=dist/sqlite-news
t=build/report-test
rm -rf "$t" && mkdir -p "$t"
suite=report
. tests/lib/checks.sh
# charts FILE: the number of chart svgs whose data-points is > 0.
charts_with_data() { grep -o '<svg class="chart"[^>]*data-points="[1-9][0-9]*"' "$1" | wc -l; }

$cmd ingest examples/corpus $t/corpus.db --jobs 2 > /dev/null
check "ingest examples/corpus" [ $? = 0 ]
sum_before=$(sha1sum < $t/corpus.db)
$cmd report $t/corpus.db -o $t/report.html 2> $t/report.err
check "report exits 0" [ $? = 0 ]
check "report says nothing on stderr" [ ! -s $t/report.err ]
check "the database is only read" [ "$(sha1sum < $t/corpus.db)" = "$sum_before" ]
check "an HTML page" has $t/report.html '^<!DOCTYPE html>'
check "four charts" [ "$(grep -c '<svg class="chart"' $t/report.html)" = 4 ]
check "each chart has data" [ "$(charts_with_data $t/report.html)" = 4 ]
for c in timeline speakers entities network; do check "chart $c" has $t/report.html "data-chart=\"$c\""; done
check "nothing fetched from the network" hasnt $t/report.html '\(src\|href\|url\)[=(]["'"'"']\?\(https\?:\)\?//'
check "no script" hasnt $t/report.html '<script'
check "axis labels" has $t/report.html '>articles</text>'
check "day ticks" has $t/report.html '>2031-06-1[1-4]</text>'
check "outlet legend" has $t/report.html 'class="legend"'
$cmd report $t/corpus.db > $t/stdout.html
check "without -o: the page on stdout" cmp -s $t/stdout.html $t/report.html

# Text from articles cannot inject markup: names with <script>, <img> and &.
cp $t/corpus.db $t/evil.db
sqlite3 $t/evil.db "
  UPDATE entities SET name = '<script>alert(1)</script> & \"Co\"' WHERE id = (SELECT id FROM entities ORDER BY articles DESC, key LIMIT 1);
  UPDATE quotes SET speaker_key = '<b>Boss</b> & Sons' WHERE speaker_key IS NOT NULL;
  UPDATE outlets SET name = '<img src=x onerror=alert(2)>';"
$cmd report $t/evil.db -o $t/evil.html
check "report of hostile names exits 0" [ $? = 0 ]
check "no <script> from an entity" hasnt $t/evil.html '<script'
check "no <img> from an outlet" hasnt $t/evil.html '<img'
check "no <b> from a speaker" hasnt $t/evil.html '<b>Boss'
check "entity name escaped" has $t/evil.html '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;'
check "speaker escaped" has $t/evil.html '&lt;b&gt;Boss&lt;/b&gt; &amp; Sons'
check "outlet escaped" has $t/evil.html '&lt;img src=x onerror=alert(2)&gt;'

# An empty corpus: the page still comes, each chart says it has no data.
mkdir -p $t/empty
$cmd ingest $t/empty $t/empty.db > /dev/null
$cmd report $t/empty.db -o $t/empty.html
check "empty corpus exits 0" [ $? = 0 ]
check "empty corpus: four charts, no points" [ "$(grep -c 'data-points="0"' $t/empty.html)" = 4 ]
check "empty corpus says so" has $t/empty.html 'no data in this database'

# More outlets than colours: seven keep their own, the rest share "other outlets".
cp $t/corpus.db $t/outlets.db
sqlite3 $t/outlets.db "
  INSERT INTO outlets(id, key, name) SELECT 100 + value, 'o' || value, 'Outlet ' || value FROM generate_series(1, 9);
  INSERT INTO articles(path, body, published, outlet_id)
    SELECT 'user-' || value, 'A note.', '2031-06-1' || (value % 5), 100 + value FROM generate_series(1, 9);"
$cmd report $t/outlets.db -o $t/outlets.html
check "13 outlets: report exits 0" [ $? = 0 ]
legend=$(grep 'data-chart="timeline"' -A1 $t/outlets.html | grep -o '<g class="legend">.*</g>' | grep -o '<rect' | wc -l)
check "13 outlets: eight legend entries" [ "$legend" = 8 ]
check "13 outlets: the rest as other outlets" has $t/outlets.html '>other outlets</text>'
check "13 outlets: every article counted" has $t/outlets.html 'data-chart="timeline" data-points="13"'

# Wrong input: a clear error, not a page.
$cmd report $t/missing.db -o $t/x.html 2> $t/missing.err
check "missing database exits 1" [ $? = 1 ]
check "missing database said" has $t/missing.err 'no such database'
sqlite3 $t/other.db "CREATE TABLE t(x)"
$cmd report $t/other.db -o $t/x.html 2> $t/other.err
check "not a corpus database exits 1" [ $? = 1 ]
check "not a corpus database said" has $t/other.err 'not a corpus database'
$cmd report 2> /dev/null
check "no database: usage, exit 2" [ $? = 2 ]
$cmd report $t/corpus.db -o /nonexistent-dir/r.html 2> $t/write.err
check "unwritable output exits 1" [ $? = 1 ]

# Rendered in headless Chromium: no console errors, the four charts in the
# DOM, a screenshot for a human to look at.
chromium_run() {
  timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" "$@"
}
if [ -x /usr/bin/chromium ]; then
  page="file://$(pwd)/$t/report.html"
  chromium_run --enable-logging=stderr --v=0 --dump-dom "$page" > $t/dom.html 2> $t/console.log
  check "chromium renders the page" [ $? = 0 ]
  check "no uncaught errors" hasnt $t/console.log 'Uncaught'
  check "no console errors" hasnt $t/console.log 'ERROR:CONSOLE'
  check "four charts in the DOM" [ "$(charts_with_data $t/dom.html)" = 4 ]
  rm -f build/report.png
  chromium_run --screenshot="$(pwd)/build/report.png" --window-size=1200,2000 "$page" > $t/shot.log 2>&1
  check "screenshot build/report.png" [ -s build/report.png ]
  chromium_run --enable-logging=stderr --v=0 --dump-dom "file://$(pwd)/$t/evil.html" > $t/evil-dom.html 2> $t/evil-console.log
  check "hostile names: no elements injected" hasnt $t/evil-dom.html '<img\|<script\|<b>Boss'
else
  echo "SKIP: report rendering (no /usr/bin/chromium; tools/deps.sh installs it)"
fi
# The recipes of the report and of FTS5 (docs/recipes/report.md, fts5.md): each
# command run, its output compared.
for recipe in docs/recipes/report.md docs/recipes/fts5.md; do
  if /usr/bin/python3 tests/packages/check_recipe.py . $recipe > $t/recipe.txt 2>&1; then ok
  else ko "recipe $recipe"; grep FAIL $t/recipe.txt; fi
done

echo "report: $passed passed, $failed failed"
[ "$failed" = 0 ]
