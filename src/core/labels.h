/* labels: the words the program itself says, in Japanese or English.
 * Data is never translated; only what madoguchi writes around it. */
#ifndef MADOGUCHI_LABELS_H
#define MADOGUCHI_LABELS_H

#include <stdbool.h>

enum lang { LANG_EN, LANG_JA };

enum label {
	L_REGION,       /* a format: region, its romaji */
	L_REGION_ASCII, /* a format: romaji */
	L_BUREAU,
	L_BUREAU_NONE,
	L_PHONE,
	L_PHONE_KIND_GENERAL,
	L_PHONE_KIND_SWITCHBOARD,
	L_PHONE_KIND_CYBER,
	L_PHONE_ALSO_GENERAL,
	L_CYBER_PAGE,
	L_CONTACT,
	L_CONTACT_SAME_PAGE,
	L_CONTACT_NONE,    /* the source writes 「-」 */
	L_CONTACT_NO_LINE, /* the source has no line */
	L_CONTACT_KIND_ALL,
	L_CONTACT_KIND_CYBER,
	L_CONTACT_KIND_INFO,
	L_CONTACT_KIND_NONE,
	L_NO_MATCH,
	L_MISS_HINT,       /* what can be typed, after a miss */
	L_MISS_HINT_ASCII,
	L_DID_YOU_MEAN,    /* a format: the place or the desk a slip meant */
	L_LINE_GUESSES,    /* before a list of only what slips meant */
	L_TOO_SMALL,
	L_HELP_TITLE,
	L_HELP_KEYS,
	L_HELP_MARKS,
	L_HELP_NATIONAL,
	L_HELP_ABROAD,     /* a caller outside Japan: doc/sources.md */
	L_HELP_ABROAD_NUMBER, L_HELP_ABROAD_EXAMPLE,
	L_HELP_9110_WHERE,  /* where #9110 reaches: doc/sources.md */
	L_HELP_9110_LINES,
	L_HELP_SOURCE,
	L_OWN_NOTE,        /* a format: madoguchi's note on the source */
	L_HELP_QUERY,
	L_COPIED_TMUX,     /* a format: the text */
	L_COPY_SENT,       /* a format: the text */
	L_COPY_IGNORED,    /* a format: the text */
	L_COPIED_TMUX_KEPT,   /* a format: the text */
	L_COPIED_TMUX_NESTED, /* a format: the text */
	L_COPY_OFF,
	L_NO_CONTACT,
	L_OPENED,          /* a format: the program */
	L_OPEN_FAILED,     /* a format: the URL */
	L_OPEN_FAILED_COPIED, /* a format: the URL */
	L_OPEN_EXITED,     /* a format: the program, its status, the URL */
	L_OPEN_OVER_SSH,   /* a format: the URL */
	L_OPEN_OVER_SSH_COPIED, /* a format: the URL */
	L_OPEN_OFF,
	L_USAGE,          /* --help */
	L_ASCII_LOCALE,    /* a format: the locale's character set */
	L_ASCII_TERMINAL,  /* a format: TERM */
	L_FOUND_VIA,       /* a format: the place */
	L_HELP_COMMANDS,
	L_HELP_WORDS,
	L_SOURCE_TITLE,    /* the source's title in English */
	L_LINE_INTRO,
	L_LINE_MATCHES,    /* a format: the count (%zu) */
	L_LINE_NO_DESK,
	L_LINE_UNKNOWN,    /* a format: the word */
	L_LINE_NOT_COPIED, /* a format: the text */
	L_LINE_CUT,        /* a format: the bytes kept (%zu) */
	L_COUNT
};

/* The language named by LC_ALL, LC_MESSAGES or LANG (the first one set and
 * non-empty), whether or not that locale is installed. */
enum lang labels_lang_from_env(void);

/* Parses "ja" or "en". */
bool labels_parse_lang(const char *name, enum lang *out);

#include <stdarg.h>
#include <stdio.h>

const char *label(enum lang lang, enum label id);

/* A label that is a format, filled: into out (cap bytes) or printed (at
 * most 4,095 bytes of it). Its arguments are what label_conversions says,
 * in that order; test_labels holds both languages of every label to it (a
 * format from a table cannot be checked where it is used, so it is filled
 * by text_fill, not by printf). Return as snprintf and fprintf. */
int label_format(char *out, size_t cap, enum lang lang, enum label id, ...);
int label_vformat(char *out, size_t cap, enum lang lang, enum label id,
    va_list ap);
int label_print(FILE *out, enum lang lang, enum label id, ...);

/* The conversions a label takes, as they are written in it ("s", "zu",
 * "sds"), or "" for a label that is no format. */
const char *label_conversions(enum label id);

/* The lang code for table_meta: "ja" or "en". */
const char *labels_code(enum lang lang);

#endif
