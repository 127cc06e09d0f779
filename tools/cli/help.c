/* The manual `sqlite-news --help` prints, and the per-command usage lines. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static const char manual[] =
    "sqlite-news - build and update a corpus database of news articles\n"
    "\n"
    "USAGE\n"
    "  sqlite-news ingest SOURCE DB [--jobs N] [--shard I/N] [--batch N] [--wait S] [--json]\n"
    "  sqlite-news analyze DB [--jobs N] [--batch N] [--wait S] [--json]\n"
    "  sqlite-news merge OUT.db SHARD.db... [--wait S] [--json]\n"
    "  sqlite-news report DB [-o report.html]\n"
    "  sqlite-news --help | --version\n"
    "\n"
    "  The corpus database is an ordinary SQLite file with the tables articles,\n"
    "  outlets, entities, mentions, quotes and dates (created on first use). Query\n"
    "  it with any SQLite client; the analysis queries in sql/ read it:\n"
    "    sqlite3 corpus.db < sql/who_said_what.sql\n"
    "\n"
    "COMMANDS\n"
    "  ingest SOURCE DB\n"
    "    Reads the files of SOURCE (a folder, read recursively; a glob such as\n"
    "    'feeds/*.jsonl'; or one file: .txt, .html, .jsonl) into DB and analyses\n"
    "    them: entities, quotations with their speakers, dates. Incremental: a\n"
    "    file whose size and modification time (then content hash) are unchanged\n"
    "    is skipped, a changed file is analysed again, the rows of a file that is\n"
    "    gone are removed. Rows you inserted into articles yourself (no file)\n"
    "    stay. Work is committed in batches: after a crash, kill or Ctrl-C, run\n"
    "    the same command again and it continues where it stopped.\n"
    "\n"
    "  analyze DB\n"
    "    Analyses every articles row that is not analysed yet or whose body\n"
    "    changed (for example rows inserted with SQL: path, body, published),\n"
    "    then recomputes the corpus-wide keys of entities, speakers and outlets.\n"
    "\n"
    "  merge OUT.db SHARD.db...\n"
    "    Copies shard databases (made by ingest --shard) into OUT.db: article ids\n"
    "    are given anew, an article whose path is already in OUT.db is replaced\n"
    "    by the shard's, and the keys are recomputed over the whole corpus. The\n"
    "    shards are only read. Running a merge again gives the same result.\n"
    "    Rows a shard had not analysed yet (an interrupted shard ingest) come\n"
    "    over as they are: `sqlite-news analyze OUT.db` finishes them.\n"
    "\n"
    "  report DB\n"
    "    Writes one self-contained HTML page (no scripts, nothing fetched) with\n"
    "    four charts of DB: articles per day by outlet, the most quoted speakers\n"
    "    and the most mentioned entities split by outlet, and a co-mention\n"
    "    network of the top entities. DB is only read.\n"
    "\n"
    "OPTIONS\n"
    "  --jobs N     worker threads running the extractors (default: the number\n"
    "               of processors); one writer inserts their results\n"
    "  --shard I/N  ingest only the files of shard I of N (0 <= I < N): a fixed\n"
    "               split by path, so N machines can each build one shard and\n"
    "               `merge` joins them (examples/dask_ingest.py does this on a\n"
    "               Dask cluster)\n"
    "  --batch N    articles per committed transaction (default: the engine's)\n"
    "  --wait S     how long to wait for another process writing to the same\n"
    "               database before giving up with \"locked\" (default 5 s)\n"
    "  --json       print the summary as one JSON object\n"
    "  -o FILE      report: write the page to FILE (default: stdout)\n"
    "  --help       this manual\n"
    "  --version    the version of the command and of SQLite\n"
    "\n"
    "OUTPUT\n"
    "  On a terminal, ingest and analyze show one updating line on stderr: files\n"
    "  and MB done of the total, the rate, the time left and the errors so far.\n"
    "  When stderr is not a terminal nothing is drawn. At the end a summary goes\n"
    "  to stdout: articles added, changed, unchanged, removed, failed (files that\n"
    "  could not be read: their articles rows carry the error), analysed, and\n"
    "  the seconds taken.\n"
    "\n"
    "EXIT STATUS\n"
    "  0    done (failed files are counted in the summary, not an exit status)\n"
    "  1    an error: no such source, a read-only or locked database, a shard\n"
    "       that is not a corpus database, a full disk; the message says which\n"
    "  2    wrong usage\n"
    "  130  interrupted by Ctrl-C: the current batch was committed, the summary\n"
    "       says \"interrupted\"; the same command continues the work\n"
    "\n"
    "EXAMPLES\n"
    "  sqlite-news ingest corpus/ corpus.db --jobs 2\n"
    "  sqlite-news ingest corpus/ shard-0.db --shard 0/2    # on one machine\n"
    "  sqlite-news ingest corpus/ shard-1.db --shard 1/2    # on another\n"
    "  sqlite-news merge corpus.db shard-0.db shard-1.db\n"
    "  sqlite3 corpus.db < sql/most_quoted.sql\n";

void cli_help(FILE *out) { fputs(manual, out); }

void cli_usage(const char *command) {
  /* The manual's USAGE line for the command. */
  const char *p = strstr(manual, "USAGE\n");
  char needle[64];
  snprintf(needle, sizeof needle, "  sqlite-news %s ", command ? command : "");
  const char *line = command ? strstr(p, needle) : NULL;
  if (line) {
    const char *end = strchr(line, '\n');
    fprintf(stderr, "usage:%.*s\n", (int)(end - line - 1), line + 1);
  } else {
    const char *end = strstr(p, "\n\n");
    fprintf(stderr, "%.*s\n", (int)(end - p), p);
  }
  fputs("Run `sqlite-news --help` for the manual.\n", stderr);
}
