"""The extension from Python's sqlite3 module (run with /usr/bin/python3, whose
sqlite3 module can load extensions). Prints "python: N passed, M failed"."""
import sqlite3
import sys

ext = sys.argv[1] if len(sys.argv) > 1 else "dist/news"
passed = failed = 0


def check(name, got, want):
    global passed, failed
    if got == want:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: got {got!r}, want {want!r}", file=sys.stderr)


con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension(ext)
check("version", con.execute("SELECT news_version()").fetchone()[0].count("."), 2)
text = "Zoë met Mr. Xi. They talked."
rows = con.execute("SELECT substr(?1, start, length) FROM news_sentences(?1)", (text,)).fetchall()
check("sentences round-trip through substr", [r[0] for r in rows], ["Zoë met Mr. Xi.", "They talked."])
check("fold", con.execute("SELECT news_fold('ZELÉNSKYY') = news_fold('zelenskyy')").fetchone()[0], 1)
check("null", con.execute("SELECT news_clean(NULL)").fetchone()[0], None)
print(f"python: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
