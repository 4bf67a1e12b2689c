/* act: what acting on a desk means, one rule for the browser and the line
 * mode: which text a copy or an open takes, whether it is allowed
 * (restricted mode, --no-osc52), how a copy travels (clip: into tmux, or
 * an OSC 52 sequence for the front end to write, or not at all where no
 * escape may be written), where a URL opens (a browser, or over SSH
 * nowhere: it is shown and copied instead), and what to say after. The
 * front ends only carry it out: write the bytes, lend the terminal. */
#ifndef MADOGUCHI_ACT_H
#define MADOGUCHI_ACT_H

#include <stdbool.h>
#include <stddef.h>

#include "clip.h"
#include "labels.h"
#include "options.h"
#include "table.h"

/* What of a desk is acted on. */
enum act_target { TARGET_PHONE, TARGET_PAGE, TARGET_CONTACT };

/* The target's text: the phone, the cyber crime page, the consultation
 * address (the page for 上記ページから); NULL when none is listed. */
const char *act_text(const struct desk *desk, enum act_target target);

/* What this session may do. */
struct act_rules {
	bool can_copy, can_open;
	bool escapes; /* the front end may write an escape sequence (OSC 52) */
	enum lang lang;
};

/* The rules of a session with these options; escapes as above. */
struct act_rules act_rules_of(const struct browser_options *o, bool escapes);

struct act_result {
	char said[512];     /* what to tell the person, never more than done */
	char seq[CLIP_MAX_SEQUENCE]; /* bytes for the terminal: OSC 52 */
	size_t seq_len;     /* 0: none */
	const char *link;   /* a URL the message begins with, or NULL */
};

/* Copies text (a phone or a URL) as the rules allow. */
void act_copy(const struct act_rules *r, const char *text,
    struct act_result *res);

/* Opens url as the rules allow. lend(ctx, true) gives the terminal away
 * before a browser starts (a text browser uses it), lend(ctx, false) takes
 * it back after. */
void act_open(const struct act_rules *r, const char *url,
    void (*lend)(void *ctx, bool away), void *ctx, struct act_result *res);

#endif
