"""Articles per day by outlet, as a pandas DataFrame and a chart: a notebook-style
script (each "# %%" cell runs as it is in Jupyter or VS Code). Run from the project
folder after `make`, with a Python whose sqlite3 module can load extensions
(Debian's /usr/bin/python3, with python3-pandas and python3-matplotlib):

    /usr/bin/python3 examples/pandas_example.py [FOLDER [DATABASE [CHART.png]]]

FOLDER (default examples/corpus) is read into the corpus DATABASE (default
build/examples/corpus.db; a second run reads only new and changed files); the
chart goes to CHART.png (default build/examples/timeline.png).
"""
# %% Build, or bring up to date, the corpus database of a folder.
import os
import sqlite3
import sys

import matplotlib

matplotlib.use("Agg")  # draw to a file: no display needed
import matplotlib.pyplot as plt  # noqa: E402 (after the backend is chosen)
import pandas as pd  # noqa: E402

folder, database, chart = (sys.argv[1:] + [None] * 3)[:3]
folder = folder or "examples/corpus"
database = database or "build/examples/corpus.db"
chart = chart or "build/examples/timeline.png"
for path in (database, chart):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)

con = sqlite3.connect(database)
con.enable_load_extension(True)
con.load_extension("dist/news")
con.enable_load_extension(False)
con.execute("SELECT news_ingest(?)", (folder,))
articles, outlets = con.execute("SELECT count(*), count(DISTINCT outlet_id) FROM articles").fetchone()
print(f"{database}: {articles} articles from {outlets} outlets")

# %% Articles per day by outlet: one row per day, one column per outlet.
# Only full dates count as days (an article may carry just a month or nothing).
per_day = pd.read_sql_query(
    """SELECT a.published AS day, coalesce(o.name, '(no outlet)') AS outlet, count(*) AS articles
       FROM articles AS a LEFT JOIN outlets AS o ON o.id = a.outlet_id
       WHERE a.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
       GROUP BY 1, 2""",
    con, parse_dates=["day"])
if per_day.empty:
    sys.exit(f"{database}: no article with a publication date to draw")
timeline = per_day.pivot_table(index="day", columns="outlet", values="articles",
                               aggfunc="sum", fill_value=0)
# Days without any article are part of the timeline too; over more than four
# months, weeks make readable bars.
days = (timeline.index.max() - timeline.index.min()).days + 1
period, unit, label = ("D", "day", "day") if days <= 120 else ("W-MON", "week", "week to")
timeline = timeline.resample(period).sum()
timeline.index = timeline.index.strftime("%Y-%m-%d")
timeline.index.name = label
timeline.columns.name = None
print(f"{unit}s with articles:")
print(timeline[timeline.sum(axis=1) > 0].to_string())

# %% Draw it: one stacked bar per day (or week), a colour per outlet.
ax = timeline.plot.bar(stacked=True, figsize=(8, 4), width=0.8)
ax.set_title(f"Articles per {unit} by outlet")
ax.set_xlabel(f"{label} (publication date)")
ax.set_ylabel("articles")
ax.yaxis.get_major_locator().set_params(integer=True)
plt.setp(ax.get_xticklabels(), rotation=45, ha="right", rotation_mode="anchor")
step = -(-len(timeline) // 16)  # at most 16 labels on the axis
for i, label in enumerate(ax.get_xticklabels()):
    label.set_visible(i % step == 0)
ax.legend(title="outlet", fontsize="small", loc="upper left", bbox_to_anchor=(1, 1))
plt.tight_layout()
plt.savefig(chart, dpi=100)
bars = sum(1 for bar in ax.patches if bar.get_height() > 0)
print(f"{chart}: {len(timeline)} {unit}s, {bars} bars")
