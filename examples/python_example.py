"""Who said what, from Python. Run from the project folder with a Python whose
sqlite3 module can load extensions (Debian's /usr/bin/python3):

    /usr/bin/python3 examples/python_example.py examples/corpus
"""
import sqlite3
import sys

corpus = sys.argv[1] if len(sys.argv) > 1 else "examples/corpus"
con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension("dist/news")
con.enable_load_extension(False)

# Store the articles once, then run the extractors over the stored bodies.
con.execute("CREATE TABLE article AS SELECT path, source, published, title, body FROM news_articles(?)", (corpus,))
con.execute("""CREATE TABLE quote AS
               SELECT a.path, q.speaker, q.cue, q.quote FROM article AS a, news_quotes(a.body) AS q
               WHERE q.kind = 'direct'""")
for path, speaker, cue, quote in con.execute("SELECT path, speaker, cue, quote FROM quote ORDER BY path"):
    print(f"{speaker or '(unattributed)'} {cue or ''}: “{quote}”  [{path}]")
