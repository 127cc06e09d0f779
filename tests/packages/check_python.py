"""Run inside a venv where the sqlite-news wheel is installed (test_python.sh):
the package as a user imports it. Prints "ok NAME" or "FAIL NAME: ..." per check.
Usage: check_python.py EXPECTED_VERSION [--cannot-load]"""
import sqlite3
import sys

import sqlite_news

failed = False
label = "python package" + (" (Python without extension loading)" if "--cannot-load" in sys.argv else "")


def check(name, got, want):
    global failed
    if got == want:
        print(f"ok {label}: {name}")
    else:
        failed = True
        print(f"FAIL {label}: {name}: got {got!r}, want {want!r}")


class ConnectionWithoutExtensions:
    """What sqlite3.connect() returns in a Python built without
    --enable-loadable-sqlite-extensions: no enable_load_extension()."""

    def load_extension(self, path):
        raise AssertionError("load() must stop before load_extension")


def check_cannot_load_message(name, conn):
    try:
        sqlite_news.load(conn)
    except sqlite_news.LoadExtensionUnavailable as err:
        message = str(err)
        # The three ways forward, and what is wrong.
        wanted = ["cannot load extensions", "/usr/bin/python3", "--enable-loadable-sqlite-extensions", "pip install apsw"]
        check(name, [w for w in wanted if w not in message], [])
    else:
        check(name, "no error", "LoadExtensionUnavailable")


version = sys.argv[1]
check("__version__", sqlite_news.__version__, version)
path = sqlite_news.loadable_path()
check("loadable_path is the news.so installed in the venv",
      path.startswith(sys.prefix + "/") and path.endswith("/site-packages/sqlite_news/news.so"), True)
check_cannot_load_message("clear error for a connection that cannot load extensions", ConnectionWithoutExtensions())

if "--cannot-load" in sys.argv:
    # This Python's own sqlite3 (a pyenv or python.org build) lacks the option.
    check_cannot_load_message("clear error from its sqlite3", sqlite3.connect(":memory:"))
else:
    con = sqlite3.connect(":memory:")
    sqlite_news.load(con)
    text = 'Mayor Ilse Brandvik met Tomas Quill in Bergen. "We are ready," Brandvik said.'
    check("news_version", con.execute("SELECT news_version()").fetchone()[0], version)
    check("news_sentences",
          con.execute("SELECT sentence, substr(?1, start, length) FROM news_sentences(?1)", (text,)).fetchall(),
          [(1, "Mayor Ilse Brandvik met Tomas Quill in Bergen."), (2, '"We are ready," Brandvik said.')])
    check("news_entities",
          con.execute("SELECT mention, type, canonical, sentence FROM news_entities(?) WHERE type = 'PERSON'", (text,)).fetchall(),
          [("Ilse Brandvik", "PERSON", "Ilse Brandvik", 1), ("Tomas Quill", "PERSON", "Tomas Quill", 1),
           ("Brandvik", "PERSON", "Ilse Brandvik", 2)])
    check("news_quotes", con.execute("SELECT speaker, cue FROM news_quotes(?)", (text,)).fetchall(), [("Ilse Brandvik", "said")])
    # load() switches extension loading off again: SQL cannot load a library itself.
    try:
        con.execute("SELECT load_extension('/nonexistent')")
        check("load_extension() is off after load()", "allowed", "not authorized")
    except sqlite3.OperationalError as err:
        check("load_extension() is off after load()", str(err), "not authorized")
    # APSW, the way forward the error names: Debian's python3-apsw, seen
    # through the venv's --system-site-packages.
    try:
        import apsw
    except ImportError:
        print("SKIP: python package with APSW: no apsw module (apt-get install python3-apsw)")
    else:
        acon = apsw.Connection(":memory:")
        sqlite_news.load(acon)
        check("load(apsw.Connection)", list(acon.execute("SELECT news_fold('ZOË')")), [("zoe",)])

sys.exit(1 if failed else 0)
