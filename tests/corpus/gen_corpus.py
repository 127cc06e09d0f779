"""Writes an invented corpus (text files, web pages and a JSON Lines feed)
for the corpus tests: python3 gen_corpus.py OUT_DIR COUNT. Deterministic:
the same COUNT gives the same files."""
import json
import os
import random
import sys

FIRST = ["Maria", "Daniel", "Ines", "Hugo", "Ruth", "Priya", "Tomas", "Lena", "Omar", "Sofia", "Kenji", "Amara"]
LAST = ["Lopez", "Okafor", "Varga", "Brandt", "Adeyemi", "Nandakumar", "Berg", "Halvorsen", "Haddad", "Moreau"]
PLACES = ["Eastport", "Millbrook", "Northfield", "Carrow", "Lindale", "Westmere"]
ROLES = ["Mayor", "Councillor", "Minister", "Professor", "Director"]
OUTLETS = ["Eastport Daily News", "Valley Courier", "River Times"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = [("bridge", "opened"), ("library", "closed"), ("market", "reopened"), ("harbour", "expanded"),
          ("school", "moved"), ("hospital", "hired staff")]


def article(rng, i):
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place = rng.choice(PLACES)
    thing, verb = rng.choice(TOPICS)
    day = rng.choice(DAYS)
    date = f"2031-{1 + i % 12:02d}-{1 + i % 27:02d}"
    title = f"The {thing.title()} in {place} {verb.title()} ({i})"
    paras = [
        f"The {thing} in {place} {verb} on {day}, {rng.choice(ROLES)} {who} said.",
        f"\"This is a good week for {place},\" said {who}. {other} disagreed and said the plan cost too much.",
        f"\"We will keep working until next month,\" {other} told reporters in {rng.choice(PLACES)}.",
        f"Work will continue for two weeks, and {who.split()[1]} will visit again in the spring.",
    ]
    return title, who, date, rng.choice(OUTLETS), paras


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(7)
    feed = []
    for i in range(count):
        title, who, date, outlet, paras = article(rng, i)
        folder = os.path.join(out, f"part{i % 7}")
        os.makedirs(folder, exist_ok=True)
        if i % 10 == 9:
            feed.append(json.dumps({"title": title, "text": "\n\n".join(paras), "date_publish": date + " 10:00:00",
                                    "source": {"name": outlet}}))
        elif i % 5 == 2:
            body = "".join(f"<p>{p}</p>\n" for p in paras)
            page = (f"<!DOCTYPE html><html><head><title>{title} | {outlet}</title>"
                    f"<meta property=\"og:site_name\" content=\"{outlet}\">"
                    f"<meta property=\"article:published_time\" content=\"{date}T08:00:00+00:00\"></head>"
                    f"<body><article><h1>{title}</h1>\n{body}</article></body></html>\n")
            with open(os.path.join(folder, f"story{i:05d}.html"), "w") as f:
                f.write(page)
        else:
            text = f"{title}\n\nBy {who}, {outlet}\n\n{date}\n\n" + "\n\n".join(paras) + "\n"
            with open(os.path.join(folder, f"story{i:05d}.txt"), "w") as f:
                f.write(text)
    with open(os.path.join(out, "feed.jsonl"), "w") as f:
        f.write("\n".join(feed) + "\n")


if __name__ == "__main__":
    main()
