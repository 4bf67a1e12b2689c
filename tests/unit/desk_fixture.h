/* desk_fixture.h: a desk made by hand, for tests that hand the view or
 * the printers cells no table would pass (hostile text, names too long). */
#ifndef MADOGUCHI_TEST_DESK_FIXTURE_H
#define MADOGUCHI_TEST_DESK_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "table.h"

/* Points k at cells, copied one after another into buf (cap bytes), as a
 * table lays a row out. False when they do not fit. */
static bool
desk_set_cells(struct desk *k, char *buf, size_t cap,
    const char *const cells[FIELD_COUNT])
{
	size_t at = 0;

	for (size_t i = 0; i < FIELD_COUNT; i++) {
		size_t n = strlen(cells[i]) + 1;

		if (at + n > cap || at > UINT16_MAX)
			return false;
		memcpy(buf + at, cells[i], n);
		k->cell_at[i] = (uint16_t)at;
		at += n;
	}
	k->text = buf;
	return true;
}

#endif
