"""Runs the examples of the manual pages (docs/*.md) and compares their output:
an ```sql block followed at once by a plain ``` block is a query and the rows it
gives in the sqlite3 shell's list mode. (A block meant as an illustration only is
marked ```text.) Run from the project folder after `make`; prints
"docs: N passed, M failed". Called by tests/examples.sh."""
import glob
import re
import subprocess
import sys

PAIR = re.compile(r"```sql\n((?:(?!```).)*)```\n```\n((?:(?!```).)*)```", re.S)
passed = failed = 0
for page in sorted(glob.glob("docs/*.md")):
    for m in PAIR.finditer(open(page, encoding="utf-8").read()):
        sql, want = m.group(1), m.group(2)
        got = subprocess.run(["sqlite3", "-batch", ":memory:", ".load dist/news", sql],
                             capture_output=True, text=True).stdout
        if got == want:
            passed += 1
        else:
            failed += 1
            line = page + ":" + str(m.string.count("\n", 0, m.start()) + 1)
            print(f"FAIL docs: {line}\n  want: {want!r}\n  got:  {got!r}")
print(f"docs: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
