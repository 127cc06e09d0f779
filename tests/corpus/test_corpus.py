"""Corpus database checks that need processes and files (run by tests/run.sh
with /usr/bin/python3, whose sqlite3 module loads extensions):

  - kill -9: an ingest killed at two moments, then run again, leaves the
    same database as an uninterrupted ingest (same ids, rows and keys);
    PRAGMA integrity_check passes after each kill;
  - a read-only database and a locked one give clear errors; a second
    writer waits for the first (busy timeout) and then succeeds;
  - an incremental relink after changed and deleted files gives the keys a
    from-scratch ingest gives (and, on a corpus written so that names move
    between groups, at each step of changes, additions and deletions);
  - an unchanged re-ingest opens no article file;
  - entity ids written with the rows (hints) give the keys a link alone
    gives, and an entity left uncounted by a stopped run is relinked;
  - a full disk (max_page_count), a FIFO among the files and a folder
    removed mid-run: a clear error or an error row, nothing half-written,
    and the next run ends where an uninterrupted one would.

Prints "corpus: N passed, M failed".
usage: test_corpus.py EXTENSION WORK_DIR"""
import fcntl
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

ext, work = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(work, "src")
passed = failed = 0
COUNT = 400
# hint_after 50: past its 50th article a run writes entity ids with the rows
# (ext/corpus/corpus_hints.c), so every test below also checks that path.
OPTS = '{"batch": 5, "jobs": 2, "hint_after": 50}'


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}", file=sys.stderr)


def connect(path, uri=False):
    con = sqlite3.connect(path, uri=uri, isolation_level=None)
    con.enable_load_extension(True)
    con.load_extension(ext)
    return con


def ingest(db, opts=OPTS):
    con = connect(db)
    try:
        return con.execute("SELECT news_ingest(?, ?)", (src, opts)).fetchone()[0]
    finally:
        con.close()


def query_rows(db, queries):
    """Each query's rows, sorted."""
    con = sqlite3.connect(db)
    out = {k: sorted(con.execute(v).fetchall(), key=repr) for k, v in queries.items()}
    con.close()
    return out


def fresh(db):
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)


def dump(db):
    """Everything a query sees, by stable keys (ids included: they must match)."""
    return query_rows(db, {
        "articles": "SELECT id, path, title, published, source, body, sha1, analyzed_sha1, error, outlet_id FROM articles",
        "mentions": "SELECT a.path, m.start, m.length, m.mention, m.type, m.canonical, e.key FROM mentions m"
                    " JOIN articles a ON a.id = m.article_id LEFT JOIN entities e ON e.id = m.entity_id",
        "quotes": "SELECT a.path, q.start, q.quote, q.cue, q.speaker, q.speaker_key, q.sentence FROM quotes q"
                  " JOIN articles a ON a.id = q.article_id",
        "dates": "SELECT a.path, d.start, d.mention, d.type, d.value FROM dates d JOIN articles a ON a.id = d.article_id",
        "entities": "SELECT key, name, type, mentions, articles FROM entities",
        "outlets": "SELECT id, key, name FROM outlets",
    })


def check_same(name, a, b):
    for table in a:
        check(f"{name}: {table}", a[table] == b[table],
              f"{len(a[table])} vs {len(b[table])} rows; first differences"
              f" {sorted(set(a[table]) ^ set(b[table]), key=repr)[:2]}")


def keys(db):
    """The linker's answers by stable keys (no ids: a fresh database numbers anew)."""
    return query_rows(db, {
        "mentions": "SELECT a.path, m.start, m.type, m.canonical, e.key FROM mentions m"
                    " JOIN articles a ON a.id = m.article_id LEFT JOIN entities e ON e.id = m.entity_id",
        "quotes": "SELECT a.path, q.start, q.speaker, q.speaker_key, e.key FROM quotes q"
                  " JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id",
        "entities": "SELECT key, name, type, mentions, articles FROM entities",
        "outlets": "SELECT a.path, o.key, o.name FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id",
    })


def committed(db):
    try:
        con = sqlite3.connect(db, timeout=0.05)
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        return n
    except sqlite3.Error:
        return 0


def kill_when(db, rows):
    """Start an ingest in a child process and kill -9 it once rows are committed."""
    child = subprocess.Popen([sys.executable, "-c",
                              "import sqlite3,sys; c=sqlite3.connect(sys.argv[2], isolation_level=None);"
                              "c.enable_load_extension(True); c.load_extension(sys.argv[1]);"
                              "c.execute('SELECT news_ingest(?, ?)', (sys.argv[3], sys.argv[4])).fetchone()",
                              ext, db, src, OPTS])
    deadline = time.time() + 120
    while time.time() < deadline and child.poll() is None and committed(db) < rows:
        time.sleep(0.005)
    finished = child.poll() is not None
    if not finished:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    return not finished


os.makedirs(work, exist_ok=True)
subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), src, str(COUNT)], check=True)
ref, killed = os.path.join(work, "ref.db"), os.path.join(work, "killed.db")
for f in (ref, killed):
    fresh(f)

summary = ingest(ref)
check("uninterrupted ingest adds every article", '"added":%d' % COUNT in summary, summary)

# Killed at two moments (while reading files, then later), then finished.
for rows in (60, 240):
    was_killed = kill_when(killed, rows)
    check(f"ingest killed midway ({rows} rows)", was_killed, "(it finished before the kill: make the corpus larger)")
    con = sqlite3.connect(killed)
    check(f"integrity after kill -9 at {rows}", con.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    # no half-stored article: an analysed row has its rows, no row points at a missing article
    orphans = con.execute("SELECT (SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles))"
                          " + (SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles))").fetchone()[0]
    check(f"no orphan rows after kill -9 at {rows}", orphans == 0, orphans)
    con.close()
summary = ingest(killed)
check("the rerun finishes the work", '"removed":0' in summary and '"failed":0' in summary, summary)
a, b = dump(ref), dump(killed)
for table in a:
    check(f"killed and resumed equals uninterrupted: {table}", a[table] == b[table],
          f"{len(a[table])} vs {len(b[table])} rows")
summary = ingest(killed)
check("a third run has nothing to do", '"analyzed":0' in summary and '"unchanged":%d' % COUNT in summary, summary)

# Hints (entity ids written with the rows once a run has resolved its first
# articles' names) change no key: the link rewrites every row whose entity
# the whole corpus places elsewhere.
unhinted = os.path.join(work, "unhinted.db")
fresh(unhinted)
ingest(unhinted, '{"batch": 5, "jobs": 2, "hint_after": 0}')
check_same("hinted ingest equals an ingest without hints", keys(unhinted), keys(ref))
# A run stopped after writing hints but before its link leaves entities
# uncounted: the next run, with nothing changed, links.
con = sqlite3.connect(ref)
con.execute("UPDATE entities SET mentions = NULL, articles = NULL WHERE id = (SELECT min(id) FROM entities)")
con.commit()
con.close()
ingest(ref)
check_same("an uncounted entity is relinked", keys(unhinted), keys(ref))

# A changed file for the error cases below.
with open(os.path.join(src, "part0", "late.txt"), "w") as f:
    f.write("Late News\n\nDaniel Okafor said the ferry was late on Monday.\n")

# Read-only: a clear error, nothing written.
con = connect("file:" + ref + "?mode=ro", uri=True)
try:
    con.execute("SELECT news_ingest(?)", (src,)).fetchone()
    check("read-only database is an error", False)
except sqlite3.Error as e:
    check("read-only database is an error", "read-only" in str(e), str(e))
con.close()

# Locked by another writer: with a short busy timeout, a clear error ...
holder = sqlite3.connect(ref, isolation_level=None, check_same_thread=False)
holder.execute("BEGIN IMMEDIATE")
con = connect(ref)
con.execute("PRAGMA busy_timeout = 100")
try:
    con.execute("SELECT news_ingest(?)", (src,)).fetchone()
    check("locked database is an error", False)
except sqlite3.Error as e:
    check("locked database is an error", "locked" in str(e), str(e))
con.close()
# ... and with the default one, the second writer waits for the first.
threading.Timer(0.5, lambda: holder.execute("COMMIT")).start()
con = connect(ref)
try:
    s = con.execute("SELECT news_ingest(?)", (src,)).fetchone()[0]
    check("a second writer waits for the first", '"added":1' in s, s)
except sqlite3.Error as e:
    check("a second writer waits for the first", False, str(e))
con.close()

# Two ingests into one database: the second waits for the first's ingest lock
# (a flock the kernel drops when its holder dies) and, past the busy timeout,
# fails saying so; they never take turns over the same files.

lock = open(ref + "-ingest.lock", "a")
fcntl.flock(lock, fcntl.LOCK_EX)
con = connect(ref)
con.execute("PRAGMA busy_timeout = 100")
try:
    con.execute("SELECT news_ingest(?)", (src,)).fetchone()
    check("a second ingest fails clearly past the busy timeout", False)
except sqlite3.Error as e:
    check("a second ingest fails clearly past the busy timeout", "another ingest" in str(e), str(e))
con.close()
threading.Timer(0.3, lambda: fcntl.flock(lock, fcntl.LOCK_UN)).start()
con = connect(ref)
try:
    s = con.execute("SELECT news_ingest(?)", (src,)).fetchone()[0]
    check("a second ingest waits for the first one's lock", '"failed":0' in s, s)
except sqlite3.Error as e:
    check("a second ingest waits for the first one's lock", False, str(e))
con.close()
lock.close()
holder.close()
os.remove(os.path.join(src, "part0", "late.txt"))

# A JSON Lines file that cannot be read: an error row, and its records stay;
# readable again, the error row goes.
feed, aside = os.path.join(src, "feed.jsonl"), os.path.join(work, "feed.jsonl.aside")
os.replace(feed, aside)
os.symlink("/nonexistent/feed.jsonl", feed)
records = "SELECT count(*) FROM articles WHERE path LIKE '%feed.jsonl#%'"
con = connect(ref)
kept = con.execute(records).fetchone()[0]
s = con.execute("SELECT news_ingest(?)", (src,)).fetchone()[0]
check("an unreadable feed keeps its records", con.execute(records).fetchone()[0] == kept > 0 and '"failed":1' in s, s)
check("an unreadable feed gets an error row",
      con.execute("SELECT error FROM articles WHERE path = ?", (feed,)).fetchone() == ("file vanished or is a broken link",))
os.remove(feed)
os.replace(aside, feed)
s = con.execute("SELECT news_ingest(?)", (src,)).fetchone()[0]
check("readable again, the error row goes", '"removed":1' in s and con.execute(records).fetchone()[0] == kept, s)
con.close()

# Relinking after a change is incremental (only the names whose entity changed
# are written): it must give exactly the keys a from-scratch ingest of the same
# files gives. Some files rewritten with other people, some deleted.
part = os.path.join(src, "part1")
names = sorted(n for n in os.listdir(part) if n.endswith(".txt"))
for k, name in enumerate(names[:6]):
    with open(os.path.join(part, name), "w") as f:
        f.write(f"Harbour Talks ({k})\n\nBy Valley Courier staff\n\n2031-03-0{k + 1}\n\n"
                f"Mayor Kenji Halvorsen met Sofia Nandakumar in Carrow on Monday. \"We agree,\" said Halvorsen. "
                f"Nandakumar said the talks would go on.\n")
for name in names[6:10]:
    os.remove(os.path.join(part, name))
s = ingest(ref)
check("changed and deleted files are relinked", '"changed":6' in s and '"removed":4' in s, s)
scratch = os.path.join(work, "scratch.db")
fresh(scratch)
ingest(scratch)
check_same("incremental relink equals a from-scratch ingest", keys(ref), keys(scratch))
con = sqlite3.connect(ref)
stale = con.execute("SELECT count(*) FROM mentions WHERE entity_id IS NOT NULL"
                    " AND entity_id NOT IN (SELECT id FROM entities)").fetchone()[0]
check("no mention points at a deleted entity", stale == 0, stale)
con.close()

# A full disk (PRAGMA max_page_count: the database cannot grow past it): a
# clear error, the committed batches consistent, and the next run with room
# finishes the work as an uninterrupted run would.
full = os.path.join(work, "full.db")
fresh(full)
con = connect(full)
con.execute("PRAGMA max_page_count = 120")
try:
    s = con.execute("SELECT news_ingest(?, ?)", (src, OPTS)).fetchone()[0]
    check("a full disk is an error", False, s)
except sqlite3.Error as e:
    check("a full disk is an error", "disk is full" in str(e), str(e))
con.close()
con = sqlite3.connect(full)
check("integrity after a full disk", con.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
half = con.execute("SELECT count(*) FROM articles WHERE analyzed_sha1 IS NOT NULL AND body <> '' AND NOT EXISTS"
                   " (SELECT 1 FROM mentions m WHERE m.article_id = articles.id)").fetchone()[0]
check("no half-stored article after a full disk", half == 0, half)
con.close()
s = ingest(full)
check("with room again the run finishes", '"failed":0' in s, s)
check_same("full disk then resumed equals uninterrupted", keys(ref), keys(full))

# A FIFO among the files (it would block a reader): an error row, nothing
# else lost. (Permissions: tests/cli/run.sh, as an unprivileged user.)
fifo = os.path.join(src, "part2", "pipe.txt")
os.mkfifo(fifo)
s = ingest(ref)
con = sqlite3.connect(ref)
err = con.execute("SELECT error FROM articles WHERE path = ?", (fifo,)).fetchone()
check("a FIFO gets an error row", '"failed":1' in s and err is not None and err[0], f"{s} {err}")
con.close()
os.remove(fifo)
s = ingest(ref)
check("the FIFO's error row goes with it", '"removed":1' in s, s)

# A folder removed while an ingest runs: files it listed but cannot read get
# error rows, the rest is stored whole; the next run removes what is gone and
# equals a from-scratch ingest of what is left.
vanish = os.path.join(work, "vanish.db")
gone = os.path.join(work, "part6.gone")
shutil.rmtree(gone, ignore_errors=True)
fresh(vanish)
child = subprocess.Popen([sys.executable, "-c",
                          "import sqlite3,sys; c=sqlite3.connect(sys.argv[2], isolation_level=None);"
                          "c.enable_load_extension(True); c.load_extension(sys.argv[1]);"
                          "print(c.execute('SELECT news_ingest(?, ?)', (sys.argv[3], sys.argv[4])).fetchone()[0])",
                          ext, vanish, src, OPTS], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
deadline = time.time() + 120
while time.time() < deadline and child.poll() is None and committed(vanish) < 40:
    time.sleep(0.005)
running = child.poll() is None
os.replace(os.path.join(src, "part6"), gone)
out, errout = child.communicate()
check("a folder removed mid-run: the run ends cleanly", running and child.returncode == 0 and '"added"' in out,
      f"running={running} rc={child.returncode} {out} {errout}")
con = sqlite3.connect(vanish)
check("integrity after a folder vanished", con.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
con.close()
ingest(vanish)
fresh(scratch)
ingest(scratch)
check_same("after a vanished folder, the next run equals a from-scratch ingest", keys(vanish), keys(scratch))
os.replace(gone, os.path.join(src, "part6"))

# The incremental link (ext/corpus/corpus_names.c keeps each article's names
# in article_names; a relink rebuilds only the articles analysed since) gives
# exactly the keys a from-scratch ingest gives, step by step while files are
# changed, added and deleted so that names move between groups: a surname
# alone joins the one full name of the corpus ending so, moves to another
# when that one appears nearer and more named, is alone again when it goes;
# an acronym joins its expansion named in another article. An unchanged
# re-ingest opens no article file (strace, when installed): a stat and a
# lookup per file.
def ingest_from(folder, db):
    con = connect(db)
    try:
        return con.execute("SELECT news_ingest(?, ?)", (folder, '{"jobs": 2, "batch": 2}')).fetchone()[0]
    finally:
        con.close()


def key_of(db, path_end, canonical):
    """The entity key of a name in one article."""
    con = sqlite3.connect(db)
    row = con.execute("SELECT DISTINCT e.key FROM mentions m JOIN articles a ON a.id = m.article_id"
                      " LEFT JOIN entities e ON e.id = m.entity_id WHERE a.path LIKE ? AND m.canonical = ?",
                      ("%" + path_end, canonical)).fetchall()
    con.close()
    return [r[0] for r in row]


def write(name, day, outlet, paragraphs):
    with open(os.path.join(names_src, name), "w") as f:
        f.write(f"Harbour Notes\n\nBy {outlet} staff\n\n2031-05-{day:02d}\n\n" + "\n\n".join(paragraphs) + "\n")


def step(label):
    """Ingest the changed folder into the incremental database and into a fresh one: the same keys."""
    s = ingest_from(names_src, inc)
    fresh(scratch)
    ingest_from(names_src, scratch)
    check_same(f"{label}: incremental as from scratch", keys(inc), keys(scratch))
    return s


names_src = os.path.join(work, "names")
shutil.rmtree(names_src, ignore_errors=True)
os.makedirs(names_src)
inc, scratch = os.path.join(work, "names_inc.db"), os.path.join(work, "names_scratch.db")

# Filler articles, never changed: their names must keep their keys without
# being rebuilt.
for k in range(6):
    write(f"filler{k}.txt", 1 + k, "Valley Courier",
          [f"The ferry board met in Carrow on Monday. Priya Okafor said the timetable would change ({k}).",
           "\u201cWe are ready,\u201d Okafor said."])
# A surname alone in its own article, and the only full name ending so.
write("surname.txt", 10, "River Times", ["\u201cThe bridge opens in June,\u201d Halvorsen said on Tuesday."])
write("kenji.txt", 11, "River Times",
      ["Kenji Halvorsen, the harbour master, met the council. Kenji Halvorsen said the bridge was safe."])
step("first ingest")
check("the surname joins the one full name", key_of(inc, "surname.txt", "Halvorsen") == ["Kenji Halvorsen"],
      key_of(inc, "surname.txt", "Halvorsen"))
con = sqlite3.connect(inc)
stored = dict(con.execute("SELECT a.path, n.names FROM article_names n JOIN articles a ON a.id = n.article_id"))
con.close()
check("every article's names are stored", len(stored) == 8, len(stored))

# Another full name with that surname, named more often, and nearer: the
# surname moves.
write("ruth.txt", 10, "River Times",
      ["Ruth Halvorsen opened the market. Ruth Halvorsen said trade was up.",
       "Ruth Halvorsen thanked the stallholders."])
write("ruth2.txt", 9, "River Times", ["Ruth Halvorsen met the ferry board in Carrow."])
step("a second full name added")
moved = key_of(inc, "surname.txt", "Halvorsen")
check("the surname moved to the nearer, more named person", moved == ["Ruth Halvorsen"], moved)

# The first full name changed away (its article now names someone else), an
# acronym and its expansion added, the surname's article changed too.
write("kenji.txt", 11, "River Times",
      ["Sofia Nandakumar, the harbour master, met the Carrow Port Authority on Monday."])
write("surname.txt", 10, "River Times", ["\u201cThe bridge opens in July,\u201d Halvorsen said on Tuesday. The CPA agreed."])
step("a full name changed away, an acronym added")
check("the acronym joins its expansion", key_of(inc, "surname.txt", "CPA") == ["Carrow Port Authority"],
      key_of(inc, "surname.txt", "CPA"))

# Both Ruth articles deleted: the surname is alone again.
os.remove(os.path.join(names_src, "ruth.txt"))
os.remove(os.path.join(names_src, "ruth2.txt"))
s = step("the second full name deleted")
check("the deletions were seen", '"removed":2' in s, s)
check("the surname has no full name left", key_of(inc, "surname.txt", "Halvorsen") == ["Halvorsen"],
      key_of(inc, "surname.txt", "Halvorsen"))

# Unchanged articles' stored names were never rebuilt from their rows; those
# whose entities did not change were not rewritten.
con = sqlite3.connect(inc)
now = dict(con.execute("SELECT a.path, n.names FROM article_names n JOIN articles a ON a.id = n.article_id"))
con.close()
same = [p for p in stored if p.endswith(("filler0.txt", "filler3.txt")) and stored[p] == now.get(p)]
check("untouched articles keep their stored names", len(same) == 2, same)

# A stored blob that does not parse is rebuilt from the rows, with the same keys.
con = sqlite3.connect(inc)
con.execute("UPDATE article_names SET names = x'ffff' WHERE article_id = (SELECT min(article_id) FROM article_names)")
con.execute("UPDATE mentions SET entity_id = NULL WHERE rowid = (SELECT min(rowid) FROM mentions)")
con.commit()
con.close()
step("a damaged stored row")

# An unchanged re-ingest reads no article: a stat and a lookup per file.
if shutil.which("strace"):
    prog = ("import sqlite3,sys; c=sqlite3.connect(sys.argv[2], isolation_level=None); c.enable_load_extension(True);"
            "c.load_extension(sys.argv[1]); print(c.execute('SELECT news_ingest(?)', (sys.argv[3],)).fetchone()[0])")
    trace = os.path.join(work, "trace")
    r = subprocess.run(["strace", "-f", "-e", "trace=open,openat", "-o", trace, sys.executable, "-c", prog, ext, inc, names_src],
                       capture_output=True, text=True)
    with open(trace) as f:
        opened = [line for line in f if names_src in line and ".txt" in line]
    check("an unchanged re-ingest opens no article file", r.returncode == 0 and '"unchanged":' in r.stdout and not opened,
          f"{r.stdout} {r.stderr[-300:]} {opened[:2]}")

# The counts behind the keys, kept right from step to step: a group whose
# key changes when another of its names becomes the most mentioned (a
# nickname of the same person), changes back when that article goes; a
# name's last mention removed (its entity goes); a surname whose only full
# name disappears stays apart.
write("brandt1.txt", 12, "River Times",
      ["William Brandt opened the new dock on Monday. William Brandt thanked the crews.",
       "Later William Brandt met the ferry board."])
write("lone.txt", 12, "River Times", ["Greta Solberg visited the market in Carrow on Monday."])
write("solberg.txt", 13, "River Times", ["\u201cThe market is open,\u201d Solberg said on Wednesday."])
step("a person and a lone name added")
check("the person's key is his one full name", key_of(inc, "brandt1.txt", "William Brandt") == ["William Brandt"],
      key_of(inc, "brandt1.txt", "William Brandt"))
check("the surname joins the lone full name", key_of(inc, "solberg.txt", "Solberg") == ["Greta Solberg"],
      key_of(inc, "solberg.txt", "Solberg"))
write("brandt2.txt", 13, "River Times",
      ["Bill Brandt spoke at the harbour on Tuesday. Bill Brandt said the dock was ready.",
       "Bill Brandt thanked the council. Bill Brandt left early. Bill Brandt returned on Friday."])
step("the nickname named more often")
check("the group's key follows its most mentioned name", key_of(inc, "brandt1.txt", "William Brandt") == ["Bill Brandt"],
      key_of(inc, "brandt1.txt", "William Brandt"))
os.remove(os.path.join(names_src, "brandt2.txt"))
step("the nickname's article deleted")
check("the key changes back", key_of(inc, "brandt1.txt", "William Brandt") == ["William Brandt"],
      key_of(inc, "brandt1.txt", "William Brandt"))
con = sqlite3.connect(inc)
orphans = con.execute("SELECT count(*) FROM article_names WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
con.close()
check("a deleted article's stored names go with it", orphans == 0, orphans)
write("lone.txt", 12, "River Times", ["The market in Carrow opened on Monday."])
step("a name's last mention removed")
con = sqlite3.connect(inc)
gone = con.execute("SELECT count(*) FROM entities WHERE key = 'Greta Solberg'").fetchone()[0]
con.close()
check("an entity no mention names any more is deleted", gone == 0, gone)
check("the surname whose full name went stays apart", key_of(inc, "solberg.txt", "Solberg") == ["Solberg"],
      key_of(inc, "solberg.txt", "Solberg"))

print(f"corpus: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
