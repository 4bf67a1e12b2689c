/* act: see act.h. */
#include "act.h"

#include <string.h>

#include "opener.h"

const char *
act_text(const struct desk *desk, enum act_target target)
{
	switch (target) {
	case TARGET_PHONE:
		return desk_cell(desk, FIELD_PHONE);
	case TARGET_PAGE:
		return desk_cell(desk, FIELD_CYBER_URL);
	case TARGET_CONTACT:
		break;
	}
	return desk_contact_url(desk);
}

struct act_rules
act_rules_of(const struct browser_options *o, bool escapes)
{
	return (struct act_rules){o->osc52 && !o->restricted, !o->restricted,
		escapes, o->ascii ? LANG_EN : o->lang};
}

static void
say(const struct act_rules *r, struct act_result *res, enum label id,
    const char *arg)
{
	label_format(res->said, sizeof res->said, r->lang, id, arg ? arg : "");
}

/* Copies text the best way allowed, and says exactly what was done: a
 * copy is claimed only where it can be known to have happened. True when
 * the text was copied or sent. */
static bool
copy(const struct act_rules *r, const char *text, struct act_result *res)
{
	enum clip_route route = clip_route_from_env();
	enum clip_wrap wrap = route == CLIP_SCREEN ? CLIP_FOR_SCREEN :
	    route == CLIP_TMUX ? CLIP_FOR_TMUX : CLIP_BARE;
	enum label said;

	if (!r->can_copy) {
		say(r, res, L_COPY_OFF, NULL);
		return false;
	}
	if (route == CLIP_TMUX && (said = clip_by_tmux(text)) != L_COUNT) {
		say(r, res, said, text);
		return true;
	}
	if (!r->escapes) {
		say(r, res, L_LINE_NOT_COPIED, text);
		return false;
	}
	if (route == CLIP_IGNORED) {
		say(r, res, L_COPY_IGNORED, text);
		return false;
	}
	if (!(res->seq_len = clip_sequence(res->seq, sizeof res->seq, text,
	    wrap)))
		return false;
	say(r, res, L_COPY_SENT, text);
	return true;
}

static void
clear(struct act_result *res)
{
	res->said[0] = '\0';
	res->seq_len = 0;
	res->link = NULL;
}

void
act_copy(const struct act_rules *r, const char *text, struct act_result *res)
{
	clear(res);
	copy(r, text, res);
}

void
act_open(const struct act_rules *r, const char *url,
    void (*lend)(void *ctx, bool away), void *ctx, struct act_result *res)
{
	struct opened o;
	bool ok;

	clear(res);
	if (!r->can_open) {
		say(r, res, L_OPEN_OFF, NULL);
		return;
	}
	if (opener_over_ssh()) {
		/* A browser would start on the server: the URL is shown, a
		 * link, and copied where copying is on. */
		say(r, res, r->can_copy && copy(r, url, res) ?
		    L_OPEN_OVER_SSH_COPIED : L_OPEN_OVER_SSH, url);
		res->link = url;
		return;
	}
	lend(ctx, true);
	ok = opener_open(url, &o);
	lend(ctx, false);
	if (ok)
		say(r, res, L_OPENED, o.program);
	else if (o.ran)
		label_format(res->said, sizeof res->said, r->lang,
		    L_OPEN_EXITED, o.program, o.status, url);
	else /* nothing to open it with: the URL, copied as over SSH */
		say(r, res, r->can_copy && copy(r, url, res) ?
		    L_OPEN_FAILED_COPIED : L_OPEN_FAILED, url);
}
