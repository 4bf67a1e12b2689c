#include "browser.h"
#include <stdio.h>
int
browser_run(const struct table *t, const struct browser_options *o)
{
	(void)t; (void)o;
	fputs("madoguchi: the browser is not built yet\n", stderr);
	return 2;
}
