/* sqlite-news, the command: shared declarations of tools/cli/. */
#ifndef CLI_H
#define CLI_H
#include <stdio.h>

void cli_help(FILE *out);
/* The usage line of command (NULL: all of them) on stderr. */
void cli_usage(const char *command);

#endif
