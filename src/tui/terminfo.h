/* terminfo: compiled terminfo entries of common terminals, built into the
 * binary (build/terminfo_data.c) for systems that have no terminfo
 * database, such as a minimal root with only the static binary. */
#ifndef MADOGUCHI_TERMINFO_H
#define MADOGUCHI_TERMINFO_H

struct builtin_terminfo {
	const char *name;
	const unsigned char *data;
	unsigned long len;
};

/* Ends with an entry whose name is NULL. */
extern const struct builtin_terminfo builtin_terminfo[];

#endif
