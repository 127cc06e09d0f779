"""Runs a recipe page (docs/recipes/*.md) the way a reader would: each ```sh or
```python block in order, in one scratch folder where dist/ and examples/ are
the project's, and compares its output with the plain ``` block that follows it
at once, if any. Python blocks run with the python3 on PATH. A block right after
a line "<!-- not run: REASON -->" is not run (tests/docs_examples.py requires the
reason). Prints "ok ...", "FAIL ..." or "skip ...: REASON" per block.
Usage: check_recipe.py PROJECT_DIR RECIPE.md"""
import os
import re
import subprocess
import sys
import tempfile

BLOCK = re.compile(r"(?:<!-- not run: ([^\n]*?) -->\n)?```(sh|python)\n(.*?)```\n(?:```\n(.*?)```\n)?", re.S)
RUNNERS = {"sh": ["sh", "-e", "-c"], "python": ["python3", "-c"]}

root, page = sys.argv[1], sys.argv[2]
text = open(os.path.join(root, page), encoding="utf-8").read()
failed = False
with tempfile.TemporaryDirectory() as scratch:
    for name in ("dist", "examples"):
        os.symlink(os.path.join(os.path.abspath(root), name), os.path.join(scratch, name))
    for m in BLOCK.finditer(text):
        not_run, lang, code, want = m.groups()
        where = f"{page}:{text.count(chr(10), 0, m.start()) + 1}"
        if not_run is not None:
            print(f"skip recipe {where}: {not_run}")
            continue
        run = subprocess.run(RUNNERS[lang] + [code], cwd=scratch, capture_output=True, text=True, timeout=60)
        if run.returncode != 0:
            failed = True
            print(f"FAIL recipe {where}: exit {run.returncode}\n  {run.stderr.strip()}")
        elif want is not None and run.stdout != want:
            failed = True
            print(f"FAIL recipe {where}: output differs\n  want: {want!r}\n  got:  {run.stdout!r}")
        else:
            print(f"ok recipe {where}")
sys.exit(1 if failed else 0)
