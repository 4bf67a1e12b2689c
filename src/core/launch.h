/* launch: runs a program the way madoguchi runs every other program: found
 * on PATH, with an argument vector and never a shell, with no signal
 * blocked, and waits for it. */
#ifndef MADOGUCHI_LAUNCH_H
#define MADOGUCHI_LAUNCH_H

#include <stdbool.h>
#include <stddef.h>

/* What LAUNCH_NOT_STARTED means: the program could not be run at all. */
#define LAUNCH_NOT_STARTED 127

/* Runs argv[0] with argv (NULL-terminated), input (may be NULL) on its
 * standard input, and, when quiet, its output and errors thrown away;
 * waits. Returns its exit status, 128 + n when signal n ended it, or
 * LAUNCH_NOT_STARTED. */
int launch_wait(char *const argv[], const char *input, bool quiet);

/* Runs argv[0] as launch_wait does, quiet, and keeps what it prints: at
 * most cap - 1 bytes of it in out, NUL-terminated. Returns its status. */
int launch_output(char *const argv[], char *out, size_t cap);

#endif
