/* fixture.h: the shipped desk table, loaded once for a group of tests:
 * cmocka_run_group_tests_name(name, tests, load, unload). */
#ifndef MADOGUCHI_TEST_FIXTURE_H
#define MADOGUCHI_TEST_FIXTURE_H

#include "table.h"

static struct table *table;

static int
load(void **state)
{
	struct diags d;

	(void)state;
	return table_load_file("data/desks.tsv", &table, &d) == TSV_OK ? 0 : -1;
}

static int
unload(void **state)
{
	(void)state;
	table_free(table);
	return 0;
}

/* The desk of that name (静岡, 警視庁); a test that asks for none fails. */
static inline const struct desk *
desk(const char *name)
{
	for (size_t i = 0; i < table->count; i++)
		if (strcmp(desk_cell(&table->desks[i], FIELD_NAME), name) == 0)
			return &table->desks[i];
	fail_msg("no desk %s", name);
	return NULL;
}

#endif
