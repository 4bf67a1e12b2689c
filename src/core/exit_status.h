/* exit_status: what madoguchi exits with, as grep and fzf have it; the
 * front ends return these too. */
#ifndef MADOGUCHI_EXIT_STATUS_H
#define MADOGUCHI_EXIT_STATUS_H

enum exit_status {
	EXIT_FOUND = 0,   /* found (or done) */
	EXIT_NONE = 1,    /* nothing found; an invalid table for --check */
	EXIT_TROUBLE = 2, /* a usage error, an unreadable table, no memory */
};

#endif
