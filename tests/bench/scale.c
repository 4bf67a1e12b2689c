/* scale: how the table and the filter grow with rows. Generates tables of
 * valid desks (the 47 built-in ones, renamed and renumbered), and reports
 * load time and per-keystroke filter time for each size:
 *   scale [ROWS...]          default 1000 10000 100000 1000000
 *   scale --write ROWS FILE  write such a table, for timing the CLI */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "builtin.h"
#include "filter.h"
#include "pages.h"
#include "table.h"
#include "text.h"

static struct place_source *places; /* for keystroke_ms, when set */

static const char header[] = "code\tname\tprefecture\tkana\tromaji\tregion\t"
    "region_romaji\tbureau\tphone\tphone_kind\tcyber_url\tcontact\t"
    "contact_kind\n";

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Row i: a built-in desk with a unique code and a name, kana and romaji
 * made distinct by the digits of i (in kanji digits, kana and letters). */
static size_t
make_row(char *out, size_t cap, const struct desk *k, unsigned long i)
{
	static const char *const kanji[] = {"〇", "一", "二", "三", "四", "五",
		"六", "七", "八", "九"};
	static const char *const kana[] = {"あ", "い", "う", "え", "お", "か",
		"き", "く", "け", "こ"};
	char name[64] = "", reading[64] = "", letters[16] = "";
	int n;

	for (unsigned long d = i; d; d /= 10) {
		strcat(name, kanji[d % 10]);
		strcat(reading, kana[d % 10]);
		letters[strlen(letters)] = (char)('a' + d % 10);
	}
	n = snprintf(out, cap, "%lu\t%s%s\t%s\t%s%s\t%s%s\t%s\t%s\t%s\t"
	    "0%lu-%04lu-%04lu\t%s\t%s?n=%lu\t%s\t%s\n", i + 1,
	    desk_cell(k, FIELD_NAME), name, desk_cell(k, FIELD_PREFECTURE),
	    desk_cell(k, FIELD_KANA), reading, desk_cell(k, FIELD_ROMAJI),
	    letters,
	    desk_cell(k, FIELD_REGION), desk_cell(k, FIELD_REGION_ROMAJI),
	    desk_cell(k, FIELD_BUREAU), 1 + i % 9, (i / 10000) % 10000,
	    i % 10000,
	    desk_cell(k, FIELD_PHONE_KIND), desk_cell(k, FIELD_CYBER_URL), i,
	    desk_cell(k, FIELD_CONTACT), desk_cell(k, FIELD_CONTACT_KIND));
	return n > 0 ? (size_t)n : 0;
}

static char *
generate(const struct table *base, unsigned long rows, size_t *len)
{
	size_t cap = rows * 512 + sizeof header, n = sizeof header - 1;
	char *text = malloc(cap);

	memcpy(text, header, n);
	for (unsigned long i = 0; i < rows; i++)
		n += make_row(text + n, cap - n, &base->desks[i % base->count], i);
	*len = n;
	return text;
}

static int
compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median time of compiling and running each query prefix, in ms. */
static double
keystroke_ms(const struct table *t, const char *query, size_t *rows)
{
	double times[5];
	size_t len = strlen(query);
	char prefix[256];
	struct filter f;

	for (int r = 0; r < 5; r++) {
		double total = 0;

		for (size_t n = 1; n <= len; n++) {
			double start = now_ms();

			memcpy(prefix, query, n);
			prefix[n] = '\0';
			filter_compile(&f, prefix, places);
			filter_run(&f, t, rows, NULL);
			total += now_ms() - start;
		}
		times[r] = total / (double)len;
	}
	qsort(times, 5, sizeof times[0], compare_double);
	return times[2];
}

/* The median time of compiling and running the whole query, in ms: the
 * keystroke that ends it. */
static double
last_key_ms(const struct table *t, const char *query, size_t *rows)
{
	double times[5];
	struct filter f;

	for (int r = 0; r < 5; r++) {
		double start = now_ms();

		filter_compile(&f, query, places);
		filter_run(&f, t, rows, NULL);
		times[r] = now_ms() - start;
	}
	qsort(times, 5, sizeof times[0], compare_double);
	return times[2];
}

/* The place search: loading the built-in places, and a keystroke of a
 * town or a postal code over the 47 desks and over 100,000 rows. */
static void
places_report(const struct table *base, struct diags *d)
{
	/* The last: a 30-character address as written on a letter. */
	static const char *const queries[] = {"はままつ", "hamamatsu", "中央区",
		"〒100-0001", "〒430-0929 静岡県浜松市中央区元城町１０３－２ 浜松ビル"};
	static size_t rows[100000];
	size_t len;
	char *text = generate(base, 100000, &len);
	struct table *big;
	struct place_source source = builtin_place_source();
	double start = now_ms(), names, postal;

	if (!place_source_get(&source, false))
		return;
	names = now_ms() - start;
	if (!place_source_get(&source, true)->postal) {
		place_source_free(&source);
		free(text);
		return;
	}
	postal = now_ms() - start - names;
	places = &source;
	if (table_load_buffer(text, len, &big, d) != TSV_OK)
		return;
	/* Compiled in: nothing to load (the static binary loads its text). */
	printf("\nplaces: ready at the first query (compiled in): %zu "
	    "places and %zu search keys in %.2f ms, %zu postal ranges in "
	    "%.2f ms\n", source.places->count, source.places->nkeys, names,
	    source.places->npostal, postal);
	printf("%-12s %14s %18s\n", "query", "47 desks ms", "100,000 rows ms");
	for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
		printf("%-12.12s %14.3f %18.3f\n", queries[q],
		    keystroke_ms(base, queries[q], rows),
		    keystroke_ms(big, queries[q], rows));
	/* Issue 23's budget: a 40-character address read as one, each of its
	 * keystrokes, against a word's in the same run. */
	{
		static const char address[] = "愛知県 名古屋市 中区 栄 3丁目4番5号 "
		    "福岡ビル3階 Nagoya, Aichi";
		double word = keystroke_ms(base, "hamamatsu", rows);
		double full = keystroke_ms(base, address, rows);

		printf("address of %zu characters: %.3f ms a keystroke "
		    "(goal <= 0.2), %.1fx a word's (hamamatsu %.3f ms)\n",
		    text_chars(address), full, full / word, word);
	}
	/* Issue 24's budget: a word that finds nothing is looked for with
	 * slips over every key; the slowest of these keystrokes. */
	{
		static const char *const slips[] = {"hamamtsu", "tokio",
			"sapporroshi", "shziuoka", "nishishinjyuku", "とうきお",
			"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"};
		double worst = 0, word = last_key_ms(base, "hamamatsu", rows);
		const char *slowest = slips[0];

		for (size_t i = 0; i < sizeof slips / sizeof slips[0]; i++) {
			double ms = last_key_ms(base, slips[i], rows);

			if (ms > worst)
				worst = ms, slowest = slips[i];
		}
		printf("a slip, looked for over the %zu keys: %.3f ms a "
		    "keystroke at worst (%.12s; goal <= 2), %.1fx a word's "
		    "(hamamatsu %.3f ms)\n", source.places->nkeys, worst,
		    slowest, worst / word, word);
	}
	places = NULL;
	place_source_free(&source);
	table_free(big);
	free(text);
}

/* The help of a table with n notes, built: ms. */
static double
help_ms(const struct table *base, size_t n, struct diags *d)
{
	size_t cap = n * 40 + 64 * 1024, len = 0;
	char *text = malloc(cap);
	struct table *t;
	struct page p = {0};
	struct page_setup setup = {LANG_JA, false, 80, NULL, false};
	double start;

	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, cap - len,
		    "@note\tja\tnote %zu\n", i);
	memcpy(text + len, header, sizeof header - 1);
	len += sizeof header - 1;
	for (size_t i = 0; i < base->count; i++)
		len += make_row(text + len, cap - len, &base->desks[i], i);
	if (table_load_buffer(text, len, &t, d) != TSV_OK) {
		free(text);
		return -1;
	}
	start = now_ms();
	page_help(&p, t, &setup);
	start = now_ms() - start;
	page_free(&p);
	table_free(t);
	free(text);
	return start;
}

int
main(int argc, char **argv)
{
	static const char *const queries[] = {"tokyo", "東京", "とうきょう",
		"03-1234", "関東 !tokyo"};
	unsigned long sizes[8] = {1000, 10000, 100000, 1000000};
	size_t nsizes = 4;
	struct table *base;
	struct diags *d = malloc(sizeof *d);

	if (builtin_desks(&base, d) != TSV_OK)
		return 1;
	if (argc == 4 && strcmp(argv[1], "--write") == 0) {
		size_t len;
		char *text = generate(base, strtoul(argv[2], NULL, 10), &len);
		FILE *f = fopen(argv[3], "w");

		if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0)
			return 1;
		return 0;
	}
	if (argc > 1)
		for (nsizes = 0; nsizes < 8 && (int)nsizes < argc - 1; nsizes++)
			sizes[nsizes] = strtoul(argv[nsizes + 1], NULL, 10);
	printf("%10s %10s %12s %14s %12s\n", "rows", "load ms", "key ms",
	    "key ns/row", "load ns/row");
	for (size_t s = 0; s < nsizes; s++) {
		size_t len, *rows = malloc(sizes[s] * sizeof *rows + 1);
		char *text = generate(base, sizes[s], &len);
		struct table *t;
		double start = now_ms(), load, key = 0;

		if (table_load_buffer(text, len, &t, d) != TSV_OK) {
			fprintf(stderr, "generated table invalid: %lu:%lu: %s\n",
			    d->items[0].line, d->items[0].col, d->items[0].message);
			return 1;
		}
		load = now_ms() - start;
		for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++)
			key += keystroke_ms(t, queries[q], rows);
		key /= sizeof queries / sizeof queries[0];
		printf("%10lu %10.1f %12.3f %14.1f %12.1f\n", sizes[s], load, key,
		    key * 1e6 / (double)sizes[s], load * 1e6 / (double)sizes[s]);
		fflush(stdout);
		table_free(t);
		free(text);
		free(rows);
	}
	places_report(base, d);
	/* Issue 26: the help reads its notes once (4x the notes, 4x the
	 * time; it was 16x). */
	{
		double small = help_ms(base, 10000, d), large = help_ms(base,
		    40000, d);

		printf("help with 10,000 and 40,000 notes: %.1f and %.1f ms, "
		    "%.1fx for 4x the notes (linear: 4, quadratic: 16)\n",
		    small, large, large / small);
	}
	table_free(base);
	free(d);
	return 0;
}
