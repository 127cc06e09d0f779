#!/usr/bin/env python3
"""Generates the bad-input fixtures of tests/sql/bad_input.sql under build/bad/
(run by `make test` through mk/bad_input.mk; nothing here is committed).

Every fixture is invented here: broken encodings, pathological sizes and
shapes, and a folder of files that are hard to read (links that loop, no
permission, empty files by the thousand)."""
import os
import shutil
import stat
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "build/bad"
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)


def write(rel, data):
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


SENTENCE = "Ms. Adeyemi said on Friday, March 4, 2022 that the bridge \u201cwill reopen\u201d. "

# Invalid UTF-8, one kind per file, each kind set inside ordinary text.
BAD_UTF8 = {
    "lone_continuation": b"\x80\xbf",
    "overlong_2": b"\xc0\xaf\xc1\xbf",
    "overlong_3": b"\xe0\x80\xaf",
    "overlong_4": b"\xf0\x80\x80\xaf",
    "surrogate": b"\xed\xa0\x80\xed\xbf\xbf",
    "above_10ffff": b"\xf4\x90\x80\x80",
    "never_valid": b"\xf5\xf8\xfc\xfe\xff",
    "truncated_mid": b"\xe2\x82A\xf0\x9f\x98B",
    "lead_then_lead": b"\xc3\xc3\xe2\xe2",
    "five_continuations": b"\xc3\x80\x80\x80\x80\x80",
}
for name, bad in BAD_UTF8.items():
    write(f"utf8/{name}.txt", SENTENCE.encode() + bad + b" " + SENTENCE.encode())
# a sequence cut off by the end of the text
write("utf8/truncated_end.txt", SENTENCE.encode() + b"\xf0\x9f\x98")
# every byte value, then every invalid kind in one text
write("utf8/all_bytes.txt", bytes(range(256)) + b" " + b" ".join(BAD_UTF8.values()))
# valid but unusual: BOM, noncharacters, UTF-16 text with its BOM
write("utf8/bom_nonchars.txt", "\ufeff" + SENTENCE + "\ufffe\uffff \U0010ffff")
write("utf8/utf16.txt", ("\ufeff" + SENTENCE).encode("utf-16-le"))

write("nul.txt", SENTENCE.encode() + b"\x00\x00" + SENTENCE.encode() + b"\x00")
# 20 MB, one line, no spaces
write("long_line.txt", b"Bridgewaterreopening2022" * (20 * 1024 * 1024 // 24))
# 100 000 quotation marks, straight and curly, and the same with words between
write("quotes.txt", '"' * 100000)
write("curly_quotes.txt", "\u201c" * 50000 + "\u201d" * 50000)
write("quotes_words.txt", ' said "a" '.join(['"'] * 100000))

# HTML: 10 000 nested elements; unterminated tags and comments; Windows-1252.
write("html/nested.html", "<html><body>" + "<div><span>" * 5000 + "deep text" + "</span></div>" * 5000 + "</body></html>")
write("html/nested_unclosed.html", "<html><body>" + "<div>" * 10000 + "never closed")
write("html/unterminated_tag.html", '<html><head><title>Cut off</title></head><body><p>Text before <a href="http://x.example/')
write("html/unterminated_comment.html", "<html><body><p>Visible paragraph.</p><!-- a comment that never ends <p>hidden")
write("html/unterminated_script.html", "<html><body><p>Before.</p><script>var s = '<p>not text</p>';")
write("html/unterminated_cdata.html", "<html><body><p>Before.</p><![CDATA[ never ends")
write("html/cdata_in_comment.html", "<html><body><!-- ad slot <![CDATA[ legacy --><p>After the comment.</p><!-- footer --></body></html>")
# One sentence of 20 000 quotations attributed to "he": each pronoun looks back a bounded way.
write("pronoun_quotes.txt", "the cat sat on the mat and " * 2000 + "".join("\u201cWe will win match %d,\u201d he said, " % i for i in range(20000)))
write("html/cdata_in_script.html", "<html><head><script>//<![CDATA[\nvar a = 1;</script></head><body><p>After the script.</p></body></html>")
cp1252_body = "Caf\u00e9 owners said \u201cprices rose 5\u20ac\u201d \u2013 na\u00efve? \u2026"
write("html/cp1252.html",
      ('<html><head><meta charset="windows-1252"><title>Caf\u00e9 prices</title></head><body><article>'
       "<p>" + cp1252_body + "</p></article></body></html>").encode("cp1252"))
write("html/cp1252_nometa.html",
      ("<html><head><title>Caf\u00e9</title></head><body><p>" + cp1252_body + "</p></body></html>").encode("cp1252"))
write("cp1252.txt", (cp1252_body + "\n").encode("cp1252"))

# A folder with files that cannot be read, links that loop, and an empty file
# (inside scan/, so that the link back up reaches only scan/sibling.txt).
write("scan/sibling.txt", "A file next to the tree.\n")
tree = os.path.join(out, "scan", "tree")
write("scan/tree/ok.txt", "Bridge reopens\n\n" + SENTENCE + "\n")
write("scan/tree/empty.txt", b"")
write("scan/tree/nul.txt", b"\x00" * 64)
secret = write("scan/tree/unreadable.txt", "You should not read this.\n")
os.chmod(secret, 0)
os.symlink(".", os.path.join(tree, "loop"))               # a directory link to itself
os.symlink("..", os.path.join(tree, "sub_up"))             # a link back up the tree
os.symlink("b_link.txt", os.path.join(tree, "a_link.txt"))  # two links to each other
os.symlink("a_link.txt", os.path.join(tree, "b_link.txt"))
os.symlink("missing.txt", os.path.join(tree, "dangling.txt"))
os.makedirs(os.path.join(tree, "folder.txt"))              # a directory named like a file
write("scan/tree/folder.txt/inside.txt", "A file inside a folder named folder.txt.\n")
os.symlink("ok.txt", os.path.join(tree, "link_to_ok.txt"))
os.mkfifo(os.path.join(tree, "pipe.txt"))                  # named pipes: reading one would wait forever
os.mkfifo(os.path.join(tree, "pipe.jsonl"))

# a folder whose files the SQL test removes while scanning it (it writes them)
os.makedirs(os.path.join(out, "vanish"))

# 10 000 empty files
empties = os.path.join(out, "empties")
os.makedirs(empties)
for i in range(10000):
    open(os.path.join(empties, f"e{i:05d}.txt"), "wb").close()
