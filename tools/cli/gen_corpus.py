#!/usr/bin/env python3
"""Invented news articles for the corpus bench and tests: varied text files
(title, byline, date, paragraphs with named people, organisations, places,
quotations and dates; an original-url footer naming the outlet), written as
OUT/<outlet>/<date>-<slug>-<n>.txt. Deterministic for a given --seed.

  python3 tools/cli/gen_corpus.py OUT --count 10000 [--seed 1]
  python3 tools/cli/gen_corpus.py OUT --count 10000 --change 1   # rewrite 1 % of them

Everything here is made up: names, outlets (.example domains), events."""
import argparse
import datetime
import os
import random

FIRST = ("Lena Omar Helena Tomas Priya Kai Maria Jonas Amara Felix Ingrid Rafael Sana Milo Greta Nikolai Aisha "
         "Bruno Clara Dmitri Elena Farid Hana Ivo Jana Kofi Lucia Mateo Nadia Oskar Petra Quentin Rosa Stefan Tara "
         "Ulla Viktor Wanda Yusuf Zora").split()
LAST = ("Ortiz Haddad Varga Lind Nair Brenner Lopez Reed Keller Moreau Okafor Novak Silva Tanaka Berg Costa "
        "Dimitrov Eriksen Fischer Gallo Hansen Ivanova Jensen Kowalski Larsen Mendes Nilsen Olsen Petrov Quinn "
        "Rossi Schmidt Torres Ueda Vogel Weber Young Zeller").split()
ROLES = ("mayor|minister of transport|chief executive|spokeswoman|spokesman|chair|director|senator|governor|"
         "union leader|professor of economics|police chief|harbour master|finance minister|ambassador").split("|")
ORGS = ("Harbor Authority|Northport Energy Board|Riverside City Council|Eastport Rail Union|Fairview Hospital|"
        "Coastal Fisheries Association|National Weather Office|Green Valley Cooperative|Atlas Shipping|"
        "Meridian Bank|Summit Steel|Bluewater Ferries|Lakeside University|Central Statistics Office|"
        "Port Workers Federation|Silverline Airways").split("|")
PLACES = ("Northport|Eastport|Fairview|Riverside|Green Valley|Lakeside|Westhaven|Brookfield|Stonebridge|"
          "Millbrook|Ashford|Kingsbay|Redcliff|Elmstead").split("|")
OUTLETS = [("Northport News", "northport-news.example"), ("Riverside Herald", "riverside-herald.example"),
           ("Wire Desk", "wire-desk.example"), ("Eastport Gazette", "eastport-gazette.example"),
           ("Coastal Times", "coastal-times.example"), ("Valley Post", "valley-post.example")]
TOPICS = ("budget|ferry|bridge|strike|wind farm|hospital|harbour|school|election|flood|rail line|museum|"
          "steel plant|airport|fishing quota|housing plan").split("|")
VERBS = ("approved|rejected|delayed|announced|opened|closed|expanded|reviewed|funded|cancelled").split("|")
MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
QUOTES = ("This is the largest step our region has taken in a decade|We will not accept these terms|"
          "The numbers speak for themselves|Nobody expected the costs to rise this fast|"
          "We have listened to residents and changed the plan|It is too early to say what went wrong|"
          "Our members are ready to return to work|The review found no evidence of fraud|"
          "We need more time to study the proposal|This decision will cost jobs|"
          "The water came faster than anyone predicted|Trust us, the work will be finished on time").split("|")


def person(r):
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def date_words(d):
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def sentence(r, day, cast):
    """One sentence from a family of constructions; cast holds the article's people."""
    p, role = r.choice(cast)
    last = p.split()[-1]
    org, place, topic = r.choice(ORGS), r.choice(PLACES), r.choice(TOPICS)
    later = day + datetime.timedelta(days=r.randint(2, 120))
    k = r.randrange(9)
    if k == 0:
        return f"{p}, the {role} of {org}, said on {WEEKDAYS[day.weekday()]} that the {topic} in {place} would be {r.choice(VERBS)}."
    if k == 1:
        return f"“{r.choice(QUOTES)},” {p} said."
    if k == 2:
        return f"“{r.choice(QUOTES)},” said {last}, who has led {org} since {r.randint(2015, 2030)}."
    if k == 3:
        return f"{org} {r.choice(VERBS)} the {topic} plan on {date_words(later)}, according to officials in {place}."
    if k == 4:
        return f"According to {org}, the {topic} will cost {r.randint(2, 900)} million dollars by {MONTHS[later.month - 1]} {later.year}."
    if k == 5:
        q, (p2, _) = r.choice(QUOTES), r.choice(cast)
        return f"{p} met {p2} in {place} on {WEEKDAYS[later.weekday()]}. “{q},” {last} told reporters."
    if k == 6:
        return f"Residents of {place} gathered near the {topic} site, where {r.randint(20, 4000)} people signed a petition."
    if k == 7:
        return f"The {topic} vote is scheduled for {date_words(later)}, {r.randint(2, 9)} weeks after the first hearing."
    return f"{last} said {org} had {r.choice(VERBS)} talks with the {r.choice(ORGS)} last week."


def article(r, n):
    name, domain = OUTLETS[r.randrange(len(OUTLETS))]
    day = datetime.date(2031, 1, 1) + datetime.timedelta(days=r.randrange(365))
    topic, place = r.choice(TOPICS), r.choice(PLACES)
    cast = [(person(r), r.choice(ROLES)) for _ in range(r.randint(2, 4))]
    title = f"{place} {topic.title()} {r.choice(VERBS).title()} After {r.choice(['Long', 'Heated', 'Brief', 'Second'])} Debate"
    paragraphs = [" ".join(sentence(r, day, cast) for _ in range(r.randint(1, 3))) for _ in range(r.randint(3, 9))]
    slug = f"{day.isoformat()}-{place.lower().replace(' ', '-')}-{topic.replace(' ', '-')}-{n}"
    byline = f"By {person(r)} for {name}"
    text = (f"{title}\n\n{byline}\n\n{date_words(day)}\n\n" + "\n\n".join(paragraphs) +
            f"\n\nOriginal url:\n\n<https://www.{domain}/{day.year}/{day.month:02d}/{day.day:02d}/{slug}>\n")
    return domain, slug, text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--change", type=float, default=0, help="rewrite this percentage of the files (an added paragraph)")
    a = ap.parse_args()
    r = random.Random(a.seed)
    every = round(100 / a.change) if a.change else 0
    total = 0
    for n in range(a.count):
        domain, slug, text = article(r, n)
        path = os.path.join(a.out, domain, slug + ".txt")
        if every:
            if n % every:
                continue
            u = random.Random(n)  # the main stream stays as it was: the other files are unchanged
            text += f"\nUpdate: {person(u)} said the {u.choice(TOPICS)} figures were revised.\n"
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
    print(f"{a.out}: {a.count if not every else -(-a.count // every)} files, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
