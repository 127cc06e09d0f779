"""Runs the examples of the manual pages (docs/ and docs/recipes/) and checks that
every code block there is run by a test or says why not. A block is one of:

- ```sql followed at once by a plain ``` block: a query and the rows it gives in
  the sqlite3 shell's list mode, run here and compared;
- ```sql with no rows after it: a synopsis; each news_ name in it must be a
  function or table of the extension (checked here);
- ```sh or ```python of docs/recipes/NAME.md: run by tests/packages/check_recipe.py
  (its output compared with the plain ``` block after it), which a test under
  tests/ must call for that page;
- ```text: an illustration (a session with timings, a sample of output);
- any block right after a line "<!-- not run: REASON -->", for that reason;
- a block of NOT_RUN below (pages other work is editing as this was written:
  the reason is kept here rather than in the page).
Anything else fails, so that a new example cannot go untested unnoticed.
Run from the project folder after `make`; prints "docs: N passed, M failed".
Called by tests/examples.sh."""
import glob
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```\n", re.S | re.M)
MARK = re.compile(r" *<!-- not run: \S[^\n]*? -->\n")
NEWS_NAME = re.compile(r"\bnews_\w+")
# (page, first line of the block): why it is not run.
NOT_RUN = {
    ("docs/corpus.md", "dist/sqlite-news ingest corpus/ corpus.db --jobs 2     # folder -> database, incremental"):
        "commands over a folder of your own; tests/cli/run.sh runs each of them",
    ("docs/performance.md", "make bench   # about 2 minutes; never part of make test"):
        "make bench needs the bench data, not in this repository, and minutes",
    ("docs/news_articles.md", "sqlite> .load dist/news"):
        "a shell session, abridged (the body shown without its box); examples/demo.sql runs the same two queries",
}


def sqlite(script):
    return subprocess.run(["sqlite3", "-batch", ":memory:", ".load dist/news", script],
                          capture_output=True, text=True).stdout


def recipe_runners():
    """The recipe pages some test runs through check_recipe.py."""
    pages = set()
    for path in glob.glob("tests/**/*", recursive=True):
        if os.path.isfile(path) and not path.endswith("check_recipe.py"):
            text = open(path, encoding="utf-8", errors="replace").read()
            if "check_recipe.py" in text:
                pages.update(re.findall(r"docs/recipes/[\w.-]+\.md", text))
    return pages


registered = set(sqlite("SELECT name FROM pragma_function_list UNION SELECT name FROM pragma_module_list;").split())
run_recipes = recipe_runners()
passed = failed = 0


def fail(where, why):
    global failed
    failed += 1
    print(f"FAIL docs: {where}: {why}")


for page in sorted(glob.glob("docs/*.md") + glob.glob("docs/recipes/*.md")):
    text = open(page, encoding="utf-8").read()
    blocks = list(FENCE.finditer(text))
    outputs = {i + 1 for i, b in enumerate(blocks[:-1])
               if blocks[i + 1].start() == b.end() and blocks[i + 1].group(2) == ""}
    for i, b in enumerate(blocks):
        lang, code = b.group(2), b.group(3)
        where = f"{page}:{text.count(chr(10), 0, b.start()) + 1}"
        first = code.split("\n", 1)[0]
        line_before = text[text.rfind("\n", 0, b.start() - 1) + 1:b.start()]
        if i in outputs or lang == "text" or MARK.fullmatch(line_before) or (page, first) in NOT_RUN:
            continue
        if lang == "sql" and i + 1 in outputs:
            want = blocks[i + 1].group(3)
            got = sqlite(code)
            if got == want:
                passed += 1
            else:
                fail(where, f"output differs\n  want: {want!r}\n  got:  {got!r}")
        elif lang == "sql":
            unknown = sorted(set(NEWS_NAME.findall(code)) - registered)
            if unknown:
                fail(where, f"synopsis names what the extension does not register: {', '.join(unknown)}")
            else:
                passed += 1
        elif lang in ("sh", "python") and page.startswith("docs/recipes/"):
            if page not in run_recipes:
                fail(where, "no test under tests/ runs this page with check_recipe.py")
        else:
            fail(where, f"a ```{lang} block neither run by a test nor marked "
                        "'<!-- not run: REASON -->' (or ```text when it is an illustration)")
print(f"docs: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
