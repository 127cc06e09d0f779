/* sqlite-news, the command: shared declarations of tools/cli/. */
#ifndef CLI_H
#define CLI_H
#include <stdio.h>

void cli_help(FILE *out);
/* The usage line of command (NULL: all of them) on stderr. */
void cli_usage(const char *command);
/* `sqlite-news report DB -o OUT`: the corpus as one HTML page (OUT NULL or "-": stdout); the exit status. */
int cli_report(const char *dbpath, const char *outpath);

#endif
