"""Rewrites README.md's "A tour" section from examples/tour.sql and its real
output (run from the project folder after `make`): python3 tools/readme_tour.py
With --check it changes nothing and fails when README.md is not up to date
(tests/examples.sh runs it in `make test`)."""
import re
import subprocess
import sys

sql = open("examples/tour.sql").read()
out = subprocess.run(["sqlite3", "-box", ":memory:"], input=sql, capture_output=True, text=True, check=True).stdout
blocks = [b for b in re.split(r"(?=┌)", out) if b.strip()]
body = sql.split(".load dist/news", 1)[1]
stmts = [s.strip() for s in re.split(r"\n(?=-- \d+\.)", body) if s.strip()]
assert len(stmts) == len(blocks), (len(stmts), len(blocks))
parts = ["## A tour\n\nA corpus database of the invented articles of `examples/corpus/`, then questions "
         "asked of it. The queries are `examples/tour.sql` (`sqlite3 -box :memory: < examples/tour.sql`); "
         "the output below is theirs, pasted by `tools/readme_tour.py`.\n"]
for s, b in zip(stmts, blocks):
    parts.append("```sql\n" + s + "\n```\n```\n" + b.rstrip() + "\n```\n")
parts.append("More questions of a corpus database: `sql/` (who said what, most quoted, quoted about whom, "
             "co-mentions, coverage, timeline; `sqlite3 -box corpus.db < sql/most_quoted.sql`), and "
             "[corpus.md](docs/corpus.md) for its tables. From Python: `/usr/bin/python3 "
             "examples/python_example.py` (who said what) and `examples/pandas_example.py` "
             "(articles per day by outlet, a DataFrame and its chart).\n\n")
readme = open("README.md").read()
section = "\n".join(parts)
if "## A tour\n" in readme:
    readme = re.sub(r"## A tour\n.*?(?=^## )", lambda m: section, readme, count=1, flags=re.S | re.M)
else:
    readme = readme.replace("## Functions\n", section + "## Functions\n", 1)
if "--check" in sys.argv[1:]:
    if readme != open("README.md").read():
        sys.exit("README.md's tour is not examples/tour.sql's output: run python3 tools/readme_tour.py")
else:
    open("README.md", "w").write(readme)
