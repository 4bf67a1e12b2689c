/* places: see places.h. */
#include "places.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* The shortest partial name that searches places: shorter ones would find
 * some town in nearly every prefecture and stop the list from narrowing. */
#define MIN_KANJI_KANA 2
#define MIN_LETTERS 3
/* No name, in any script, is longer: an address is looked up by at most
 * this many of its first bytes at a time. */
#define KEY_MAX 160

static const char *const place_columns[] = {"code", "name", "kana"};
static const char *const former_columns[] = {"name", "now"};
static const char *const postal_columns[] = {"prefix", "cities", "endings"};
static const struct meta_key place_meta_keys[] = {
	{"source", 1, false}, {"date", 1, false}, {"count", 1, false},
};

struct loader {
	struct places *p;
	unsigned long counted;  /* postal codes, for @count */
	const char *promised;   /* the postal table's @count, if any */
	char promise[24];
};

static void
place_row(void *ctx, const struct tsv_cursor *c, char **cells)
{
	struct loader *l = ctx;
	struct place *pl = &l->p->places[l->p->count++];
	unsigned long code = strtoul(cells[0], NULL, 10);

	if (strlen(cells[0]) != 5 || !tsv_all_of(cells[0], TSV_DIGIT) ||
	    code / 1000 < 1 || code / 1000 > 47)
		tsv_report_cell(c, cells[0], "column '%s' is not a municipality "
		    "code (5 digits, prefecture 01 to 47): '%s'", "code",
		    cells[0]);
	else if (l->p->count > 1 && pl[-1].code >= code)
		tsv_report_cell(c, cells[0], "column '%s' is not ascending: '%s'",
		    "code", cells[0]);
	if (!*cells[1] || strlen(cells[1]) > KEY_MAX / 2)
		tsv_report_cell(c, cells[1], "column '%s' is empty or longer "
		    "than 80 bytes: '%s'", "name", cells[1]);
	if (!tsv_is_kana(cells[2]) || strlen(cells[2]) > KEY_MAX / 2)
		tsv_report_cell(c, cells[2], "column '%s' must be hiragana, at "
		    "most 80 bytes: '%s'", "kana", cells[2]);
	memset(pl, 0, sizeof *pl);
	pl->code = (unsigned)code;
	pl->name = cells[1];
	pl->kana = cells[2];
}

/* The place with this code (current places are sorted by code), or -1. */
static long
find_place(const struct places *p, unsigned code)
{
	size_t lo = 0, hi = p->current;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (p->places[mid].code == code)
			return (long)mid;
		if (p->places[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* "01102,01103": codes of current places, at most max of them, into out
 * (indexes); false when one is not a place. */
static bool
parse_codes(const struct places *p, const char *s, unsigned short *out,
    size_t max, size_t *n)
{
	for (*n = 0; *s; (*n)++) {
		size_t digits = tsv_span(s, TSV_DIGIT);
		long at = digits == 5 ? find_place(p, (unsigned)strtoul(s, NULL,
		    10)) : -1;

		if (at < 0 || *n == max || (s[digits] && s[digits] != ','))
			return false;
		out[*n] = (unsigned short)at;
		s += digits + (s[digits] == ',');
	}
	return *n > 0;
}

static void
former_row(void *ctx, const struct tsv_cursor *c, char **cells)
{
	struct loader *l = ctx;
	struct places *p = l->p;
	struct place *pl = &p->places[p->count];
	size_t n;

	memset(pl, 0, sizeof *pl);
	if (!*cells[0] || strlen(cells[0]) > KEY_MAX / 2) {
		tsv_report_cell(c, cells[0], "column '%s' is empty or longer "
		    "than 80 bytes: '%s'", "name", cells[0]);
		return;
	}
	pl->first_now = (unsigned short)(pl - p->places - (long)p->current) *
	    POSTAL_MAX_CITIES;
	if (!parse_codes(p, cells[1], p->now + pl->first_now,
	    POSTAL_MAX_CITIES, &n)) {
		tsv_report_cell(c, cells[1], "column '%s' names no municipality "
		    "of places.tsv, or more than 8: '%s'", "now", cells[1]);
		return;
	}
	pl->name = cells[0];
	pl->kana = "";
	pl->nnow = (unsigned char)n;
	pl->code = p->places[p->now[pl->first_now]].code;
	p->count++;
}

/* "00 10-40 45": two-digit endings and ranges of them, ascending. */
static bool
parse_endings(const char *s, uint64_t endings[2], unsigned long *count)
{
	int last = -1;

	while (*s) {
		char *end;
		long first = strtol(s, &end, 10), to = first;

		if (end != s + 2 || first <= last)
			return false;
		if (*end == '-') {
			to = strtol(end + 1, &end, 10);
			if (end != s + 5 || to <= first)
				return false;
		}
		for (long n = first; n <= to; n++)
			endings[n / 64] |= 1ULL << (n % 64);
		*count += (unsigned long)(to - first + 1);
		last = (int)to;
		s = end;
		if (*s == ' ' && s[1])
			s++;
		else if (*s)
			return false;
	}
	return last >= 0;
}

static void
postal_row(void *ctx, const struct tsv_cursor *c, char **cells)
{
	struct loader *l = ctx;
	struct places *p = l->p;
	struct postal_range *r = &p->postal[p->npostal++];
	size_t n;

	memset(r, 0, sizeof *r);
	if (strlen(cells[0]) != 5 || !tsv_all_of(cells[0], TSV_DIGIT))
		tsv_report_cell(c, cells[0], "column '%s' is not 5 digits: '%s'",
		    "prefix", cells[0]);
	r->prefix = (unsigned)strtoul(cells[0], NULL, 10);
	if (!parse_codes(p, cells[1], p->postal_places + p->npostal_places,
	    POSTAL_MAX_CITIES, &n)) {
		tsv_report_cell(c, cells[1], "column '%s' names no municipality "
		    "of places.tsv, or more than 8: '%s'", "cities", cells[1]);
		return;
	}
	r->first = (unsigned short)p->npostal_places;
	r->nplaces = (unsigned char)n;
	p->npostal_places += n;
	if (!parse_endings(cells[2], r->endings, &l->counted))
		tsv_report_cell(c, cells[2], "column '%s' is not ascending "
		    "two-digit endings and ranges (00 10-40): '%s'", "endings",
		    cells[2]);
}

/* The postal table is read a line at a time: its @count is kept here. */
static void
postal_meta(void *ctx, const struct meta *m)
{
	struct loader *l = ctx;

	if (strcmp(m->key, "count") == 0) {
		snprintf(l->promise, sizeof l->promise, "%s", m->value);
		l->promised = l->promise;
	}
}

static const struct tsv_schema place_schema = {
	place_columns, 3, place_meta_keys, 3, place_row, NULL,
};

static const struct tsv_schema former_schema = {
	former_columns, 2, place_meta_keys, 3, former_row, NULL,
};

static const struct tsv_schema postal_schema = {
	postal_columns, 3, place_meta_keys, 3, postal_row, postal_meta,
};

/* The row count a table's @count promises (NULL: none), checked against
 * what loaded. */
static void
check_count(struct diags *d, const char *promised, unsigned long found,
    const char *what)
{
	if (promised && strtoul(promised, NULL, 10) != found)
		tsv_report(d, 1, 1, "@count says %s %s, the table has %lu",
		    promised, what, found);
}

/* Building the search keys. */

struct key_builder {
	struct places *p;
	size_t cap_keys, cap_text, text_len;
	bool failed;
};

static void
add_key(struct key_builder *b, size_t place, const char *text, size_t len,
    unsigned kind)
{
	struct places *p = b->p;
	char folded[KEY_MAX * 2 + 1];

	if (len == 0 || len > KEY_MAX || b->failed)
		return;
	len = text_fold(text, len, folded, NULL);
	if (b->text_len + len + 1 > b->cap_text) {
		size_t cap = b->cap_text * 2 + len + 4096;
		char *grown = realloc(p->key_text, cap);

		if (!grown) {
			b->failed = true;
			return;
		}
		p->key_text = grown, b->cap_text = cap;
	}
	if (p->nkeys == b->cap_keys) {
		size_t cap = b->cap_keys * 2 + 1024;
		struct place_key *grown = realloc(p->keys, cap * sizeof *grown);

		if (!grown) {
			b->failed = true;
			return;
		}
		p->keys = grown, b->cap_keys = cap;
	}
	memcpy(p->key_text + b->text_len, folded, len + 1);
	p->keys[p->nkeys++] = (struct place_key){(uint32_t)b->text_len,
		(unsigned short)place, (unsigned char)kind};
	b->text_len += len + 1;
}

/* Readings of the administrative suffixes, and their other romaji as
 * people write them in English (森町 -machi or -cho). */
static const struct {
	const char *kanji, *kana, *other_romaji;
} suffixes[] = {
	{"市", "し", NULL}, {"区", "く", NULL}, {"郡", "ぐん", NULL},
	{"町", "まち", "cho"}, {"町", "ちょう", "machi"},
	{"村", "むら", "son"}, {"村", "そん", "mura"},
	{"都", "と", NULL}, {"府", "ふ", NULL}, {"県", "けん", NULL},
};

/* A name part in kanji and kana, the suffix found at its end (or -1). */
struct part {
	const char *name, *kana;
	size_t name_len, kana_len;
	int suffix;
};

static bool
ends_with(const char *s, size_t len, const char *end)
{
	size_t n = strlen(end);

	return len > n && memcmp(s + len - n, end, n) == 0;
}

static void
find_suffix(struct part *pt)
{
	pt->suffix = -1;
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (ends_with(pt->name, pt->name_len, suffixes[i].kanji) &&
		    ends_with(pt->kana, pt->kana_len, suffixes[i].kana)) {
			pt->suffix = (int)i;
			return;
		}
}

static size_t
romaji_of(const char *kana, size_t len, char *out)
{
	return text_fold_romaji(out, text_kana_romaji(kana, len, out), NULL);
}

/* Adds a part's forms: kanji and kana unless only romaji is asked for,
 * and romaji, with the suffix and (when it has one) without it. */
static void
add_part(struct key_builder *b, size_t place, const struct part *pt,
    unsigned kind, bool romaji_only)
{
	char romaji[KEY_MAX * 2 + 1];
	size_t n;

	if (!romaji_only) {
		add_key(b, place, pt->name, pt->name_len,
		    kind | PLACE_KEY_SUFFIXED);
		add_key(b, place, pt->kana, pt->kana_len,
		    kind | PLACE_KEY_SUFFIXED);
	}
	if (pt->kana_len * 2 > KEY_MAX)
		return;
	n = romaji_of(pt->kana, pt->kana_len, romaji);
	add_key(b, place, romaji, n, kind | PLACE_KEY_SUFFIXED);
	if (pt->suffix < 0)
		return;
	const char *kanji_end = suffixes[pt->suffix].kanji;
	size_t bare_kana = pt->kana_len - strlen(suffixes[pt->suffix].kana);
	const char *other = suffixes[pt->suffix].other_romaji;

	if (!romaji_only) {
		add_key(b, place, pt->name, pt->name_len - strlen(kanji_end),
		    kind);
		add_key(b, place, pt->kana, bare_kana, kind);
	}
	n = romaji_of(pt->kana, bare_kana, romaji);
	add_key(b, place, romaji, n, kind);
	if (other && n + strlen(other) < sizeof romaji) {
		memcpy(romaji + n, other, strlen(other) + 1);
		add_key(b, place, romaji, n + strlen(other),
		    kind | PLACE_KEY_SUFFIXED);
	}
}

/* Two parts as one: first then second (横浜西区, yokohamanishiku; in
 * romaji only, the ward first, as an envelope from abroad has it:
 * chuokusapporoshi). */
static void
add_pair(struct key_builder *b, size_t place, const struct part *first,
    bool first_bare, const struct part *second, bool romaji_only)
{
	char name[KEY_MAX + 1], kana[KEY_MAX + 1];
	struct part joined = *second;
	size_t nl = first->name_len, kl = first->kana_len;

	if (first_bare && first->suffix >= 0) {
		nl -= strlen(suffixes[first->suffix].kanji);
		kl -= strlen(suffixes[first->suffix].kana);
	}
	if (nl + second->name_len > KEY_MAX || kl + second->kana_len > KEY_MAX)
		return;
	memcpy(name, first->name, nl);
	memcpy(name + nl, second->name, second->name_len);
	memcpy(kana, first->kana, kl);
	memcpy(kana + kl, second->kana, second->kana_len);
	joined.name = name, joined.name_len = nl + second->name_len;
	joined.kana = kana, joined.kana_len = kl + second->kana_len;
	add_part(b, place, &joined, 0, romaji_only);
}

/* Where a municipality's county (郡) or designated city (市, before a
 * ward) ends in its name: 0 for none. 郡上市 has no county. */
static size_t
upper_end(const char *name)
{
	const char *county = strstr(name, "郡"), *city = strstr(name, "市");
	size_t len = strlen(name);

	if (county && county > name && strlen(county) >= 3 * 3)
		return (size_t)(county - name) + strlen("郡");
	if (city && city > name && ends_with(name, len, "区") &&
	    strlen(city) >= 3 * 3)
		return (size_t)(city - name) + strlen("市");
	return 0;
}

static bool
is_county(const struct place *pl)
{
	return pl->upper_len >= 3 &&
	    memcmp(pl->name + pl->upper_len - 3, "郡", 3) == 0;
}

/* The bytes of kana that read the county or city: the longest common
 * start of the readings of the places that share it, cut back to its last
 * ぐん or し; for a county of one place, its last ぐん. 0 when not found. */
static size_t
upper_kana_len(const struct places *p, size_t i, size_t upper)
{
	const struct place *pl = &p->places[i];
	const char *mark = is_county(pl) ? "ぐん" : "し";
	size_t common = strlen(pl->kana), ml = strlen(mark);
	bool shared = false;

	for (size_t j = i > 0 ? i - 1 : 0; j < p->current && j <= i + 1; j++) {
		const struct place *o = &p->places[j];
		size_t n = 0;

		if (j == i || o->code / 1000 != pl->code / 1000 ||
		    upper_end(o->name) != upper ||
		    memcmp(o->name, pl->name, upper) != 0)
			continue;
		/* The neighbours in code order share it, when any does. */
		while (pl->kana[n] && pl->kana[n] == o->kana[n])
			n++;
		if (!shared || n < common)
			common = n;
		shared = true;
	}
	if (!shared)
		common = strlen(pl->kana) - 2 * 3;
	while (common >= ml && memcmp(pl->kana + common - ml, mark, ml) != 0)
		common--;
	return common >= ml ? common : 0;
}

/* Neighbours are not enough for a city of many wards: the common start
 * of all the wards' readings is what two neighbours share, so a ward's
 * neighbours give the city's reading as long as no two of its wards
 * begin with the same kana after it. The test of places checks that. */
static void
add_place_keys(struct key_builder *b, size_t i)
{
	const struct place *pl = &b->p->places[i];
	struct part whole = {pl->name, pl->kana, strlen(pl->name),
		strlen(pl->kana), -1};
	size_t upper = pl->upper_len;

	find_suffix(&whole);
	if (pl->nnow) { /* a former name: its kanji, and without the county */
		add_key(b, i, pl->name, whole.name_len, PLACE_KEY_SUFFIXED);
		if (upper && is_county(pl))
			add_key(b, i, pl->name + upper, whole.name_len - upper,
			    PLACE_KEY_SUFFIXED);
		return;
	}
	if (pl->code % 1000 == 0) {
		add_part(b, i, &whole, PLACE_KEY_PREF, false);
		return;
	}
	add_part(b, i, &whole, 0, false);
	if (!upper)
		return;
	size_t ukana = upper_kana_len(b->p, i, upper);

	if (!ukana)
		return;
	struct part up = {pl->name, pl->kana, upper, ukana, -1};
	struct part own = {pl->name + upper, pl->kana + ukana,
		whole.name_len - upper, whole.kana_len - ukana, -1};

	find_suffix(&up);
	find_suffix(&own);
	add_part(b, i, &own, 0, false);
	add_part(b, i, &up, PLACE_KEY_UPPER, false);
	add_pair(b, i, &up, true, &own, false);
	add_pair(b, i, &own, false, &up, true);
	add_pair(b, i, &own, true, &up, true);
}

static const char *sort_text; /* qsort has no context argument */

static int
key_order(const void *a, const void *b)
{
	const struct place_key *x = a, *y = b;
	int c = strcmp(sort_text + x->text, sort_text + y->text);

	if (c)
		return c;
	return x->place < y->place ? -1 : x->place > y->place;
}

static bool
build_keys(struct places *p)
{
	struct key_builder b = {.p = p};
	size_t n = 0;

	for (size_t i = 0; i < p->count; i++)
		add_place_keys(&b, i);
	if (b.failed)
		return false;
	sort_text = p->key_text;
	qsort(p->keys, p->nkeys, sizeof *p->keys, key_order);
	/* One key a text and place: a name read two ways is one name. */
	for (size_t i = 0; i < p->nkeys; i++)
		if (n > 0 && p->keys[n - 1].place == p->keys[i].place &&
		    strcmp(p->key_text + p->keys[n - 1].text,
		    p->key_text + p->keys[i].text) == 0)
			p->keys[n - 1].kind |= p->keys[i].kind;
		else
			p->keys[n++] = p->keys[i];
	p->nkeys = n;
	return true;
}

enum table_status
places_load(const char *places_tsv, size_t places_len, const char *former_tsv,
    size_t former_len, struct places **out, struct diags *d, int *which)
{
	size_t pm, plines = tsv_count_lines(places_tsv, places_len, &pm);
	size_t fm, flines = tsv_count_lines(former_tsv, former_len, &fm);
	size_t rows = plines + flines;
	struct places *p = calloc(1, sizeof *p);
	struct loader l = {.p = p};
	struct meta scratch[8];
	size_t nscratch = 0;
	const struct meta *m;
	char *text;

	*out = NULL;
	*which = 0;
	memset(d, 0, sizeof *d);
	if (!p)
		return TABLE_IO_ERROR;
	p->storage = malloc(rows * sizeof(struct place) +
	    flines * POSTAL_MAX_CITIES * sizeof(unsigned short) +
	    pm * sizeof(struct meta) + places_len + former_len + 2);
	if (!p->storage) {
		free(p);
		return TABLE_IO_ERROR;
	}
	p->places = p->storage;
	p->now = (unsigned short *)(p->places + rows);
	p->meta = (struct meta *)(p->now + flines * POSTAL_MAX_CITIES);
	text = (char *)(p->meta + pm);
	memcpy(text, places_tsv, places_len);
	text[places_len] = '\0';
	tsv_parse(text, places_len, &place_schema, &l, p->meta, &p->meta_count, d);
	m = tsv_meta(p->meta, p->meta_count, "count", NULL, 0);
	check_count(d, m ? m->value : NULL, p->count, "places");
	p->current = p->count;
	for (size_t i = 0; i < p->count; i++)
		p->places[i].upper_len = (unsigned char)upper_end(p->places[i].name);
	if (d->count == 0 && fm <= sizeof scratch / sizeof scratch[0]) {
		text += places_len + 1;
		memcpy(text, former_tsv, former_len);
		text[former_len] = '\0';
		*which = 1;
		tsv_parse(text, former_len, &former_schema, &l, scratch,
		    &nscratch, d);
		m = tsv_meta(scratch, nscratch, "count", NULL, 0);
		check_count(d, m ? m->value : NULL, p->count - p->current,
		    "former names");
		for (size_t i = p->current; i < p->count; i++)
			p->places[i].upper_len =
			    (unsigned char)upper_end(p->places[i].name);
	} else if (d->count == 0) {
		*which = 1;
		tsv_report(d, 1, 1, "more than 8 metadata lines");
	}
	if (d->count > 0) {
		places_free(p);
		return TABLE_INVALID;
	}
	if (!build_keys(p)) {
		places_free(p);
		return TABLE_IO_ERROR;
	}
	*out = p;
	return TABLE_OK;
}

enum table_status
places_add_postal(struct places *p, const char *postal_tsv, size_t postal_len,
    struct diags *d)
{
	size_t qm, qlines = tsv_count_lines(postal_tsv, postal_len, &qm);
	struct postal_range *ranges = malloc(qlines * (sizeof *ranges +
	    POSTAL_MAX_CITIES * sizeof(unsigned short)));
	struct loader l = {.p = p};

	memset(d, 0, sizeof *d);
	if (!ranges)
		return TABLE_IO_ERROR;
	free(p->postal);
	p->postal = ranges;
	p->postal_places = (unsigned short *)(ranges + qlines);
	p->npostal = p->npostal_places = 0;
	/* Only the ranges stay: read a line at a time, not copied. */
	tsv_parse_stream(postal_tsv, postal_len, &postal_schema, &l, d);
	check_count(d, l.promised, l.counted, "postal codes");
	if (d->count > 0) {
		free(p->postal);
		p->postal = NULL;
		p->postal_places = NULL;
		p->npostal = p->npostal_places = 0;
		return TABLE_INVALID;
	}
	p->postal_codes = l.counted;
	return TABLE_OK;
}

void
places_free(struct places *p)
{
	if (!p)
		return;
	free(p->postal);
	free(p->keys);
	free(p->key_text);
	free(p->storage);
	free(p);
}

/* Searching. */

/* Records that place (an index) matched with this rank: per prefecture,
 * the best rank, then a county or city found as itself, then the first
 * place. */
static void
hit(const struct places *p, struct place_hits *hits, size_t place,
    enum place_rank rank, bool upper)
{
	const struct place *pl = &p->places[place];
	size_t n = pl->nnow ? pl->nnow : 1;

	for (size_t k = 0; k < n; k++) {
		unsigned pref = (pl->nnow ? p->places[p->now[pl->first_now + k]].code
		    : pl->code) / 1000;
		bool had = hits->prefectures >> pref & 1;

		if (had && (rank > hits->rank[pref] || (rank == hits->rank[pref] &&
		    (hits->upper[pref] > upper || (hits->upper[pref] == upper &&
		    hits->first[pref] <= place)))))
			continue;
		hits->prefectures |= 1ULL << pref;
		hits->first[pref] = (unsigned short)place;
		hits->rank[pref] = (unsigned char)rank;
		hits->upper[pref] = upper;
	}
}

static const char *
key_text(const struct places *p, size_t k)
{
	return p->key_text + p->keys[k].text;
}

/* The first key not before s[0..len). */
static size_t
lower_bound(const struct places *p, const char *s, size_t len)
{
	size_t lo = 0, hi = p->nkeys;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *k = key_text(p, mid);
		int c = strncmp(k, s, len);

		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
key_is(const struct places *p, size_t k, const char *s, size_t len)
{
	const char *t = key_text(p, k);

	return strncmp(t, s, len) == 0 && t[len] == '\0';
}

static bool
in_pref(const struct places *p, size_t k, unsigned pref)
{
	const struct place *pl = &p->places[p->keys[k].place];

	if (!pref)
		return true;
	if (!pl->nnow)
		return pl->code / 1000 == pref;
	for (size_t i = 0; i < pl->nnow; i++)
		if (p->places[p->now[pl->first_now + i]].code / 1000 == pref)
			return true;
	return false;
}

/* Whether key k may begin an address of more than itself: a name with its
 * suffix, or a prefecture's in kanji or kana (東京千代田区); 森 or 中央
 * only alone, and so nara in narashino. */
static bool
may_lead(const struct places *p, size_t k, bool alone)
{
	unsigned kind = p->keys[k].kind;

	return alone || kind & PLACE_KEY_SUFFIXED || (kind & PLACE_KEY_PREF &&
	    (unsigned char)key_text(p, k)[0] >= 0x80);
}

/* The longest key, in pref (0: any) and not a prefecture when pref is
 * set, that s starts with: its length, and its first index in *at; 0 when
 * none. */
static size_t
longest_key(const struct places *p, const char *s, unsigned pref, size_t *at)
{
	size_t len = strlen(s);

	for (size_t n = len < KEY_MAX ? len : KEY_MAX; n > 0; n--) {
		if (((unsigned char)s[n] & 0xC0) == 0x80)
			continue;
		for (size_t k = lower_bound(p, s, n); k < p->nkeys &&
		    key_is(p, k, s, n); k++)
			if (may_lead(p, k, n == len) && in_pref(p, k, pref) &&
			    !(pref && p->keys[k].kind & PLACE_KEY_PREF)) {
				*at = k;
				return n;
			}
	}
	return 0;
}

/* Every key equal to s[0..len) in pref (0: any), as exact hits; whether
 * one had its suffix. */
static bool
hit_equal(const struct places *p, const char *s, size_t len, unsigned pref,
    struct place_hits *hits)
{
	bool suffixed = false;

	for (size_t k = lower_bound(p, s, len); k < p->nkeys &&
	    key_is(p, k, s, len); k++)
		if (in_pref(p, k, pref) && !(pref && p->keys[k].kind &
		    PLACE_KEY_PREF)) {
			hit(p, hits, p->keys[k].place, PLACE_EXACT,
			    p->keys[k].kind & PLACE_KEY_UPPER);
			suffixed |= p->keys[k].kind & PLACE_KEY_SUFFIXED;
		}
	return suffixed;
}

/* Every key that starts with s, in pref (0: any), with this rank; whether
 * there was one. */
static bool
hit_starting(const struct places *p, const char *s, unsigned pref,
    enum place_rank rank, struct place_hits *hits)
{
	size_t len = strlen(s);
	bool any = false;

	for (size_t k = lower_bound(p, s, len); k < p->nkeys &&
	    strncmp(key_text(p, k), s, len) == 0; k++)
		if (in_pref(p, k, pref) && !(pref && p->keys[k].kind &
		    PLACE_KEY_PREF)) {
			hit(p, hits, p->keys[k].place, rank,
			    p->keys[k].kind & PLACE_KEY_UPPER);
			any = true;
		}
	return any;
}

static size_t
characters(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static bool
is_romaji(const char *term)
{
	return *term && term[strspn(term, "abcdefghijklmnopqrstuvwxyz")] == '\0';
}

static bool
long_enough(const char *s, bool romaji)
{
	return romaji ? strlen(s) >= MIN_LETTERS : characters(s) >= MIN_KANJI_KANA;
}

/* After a prefecture: the municipality in it that s starts with, or
 * starts; else the prefecture itself, when it was written with its suffix
 * (宮城県 and a town) or s begins with a municipality of elsewhere
 * (大阪 and 狭山市). false when it is neither (宮城x). */
static bool
find_in_prefecture(const struct places *p, size_t key, const char *s,
    bool romaji, struct place_hits *hits)
{
	size_t pref_place = p->keys[key].place, at;
	unsigned pref = p->places[pref_place].code / 1000;
	size_t n = longest_key(p, s, pref, &at);

	if (n > 0)
		hit_equal(p, s, n, pref, hits);
	else if (long_enough(s, romaji) &&
	    hit_starting(p, s, pref, PLACE_EXACT, hits))
		return true;
	else if (p->keys[key].kind & PLACE_KEY_SUFFIXED ||
	    longest_key(p, s, 0, &at) > 0)
		hit(p, hits, pref_place, PLACE_EXACT, false);
	else
		return false;
	return true;
}

void
places_find(const struct places *p, const char *term, const char *romaji,
    struct place_hits *hits)
{
	bool by_romaji = is_romaji(term);
	const char *s = by_romaji ? romaji : term;
	size_t len = strlen(s), at, n;

	memset(hits, 0, sizeof *hits);
	if (!p || len == 0)
		return;
	n = longest_key(p, s, 0, &at);
	if (n == len) { /* a name; without its suffix, maybe the start of
	                 * longer ones (tsu-shi is 津市, tsu 津島 too) */
		hits->anchor = hit_equal(p, s, n, 0, hits);
		hits->whole = true;
		if (!hits->anchor && long_enough(s, by_romaji))
			hit_starting(p, s, 0, PLACE_BY_START, hits);
		return;
	}
	/* An address: what follows the name does not matter, but a
	 * prefecture is followed by the municipality in it. */
	if (n > 0 && p->keys[at].kind & PLACE_KEY_PREF)
		hits->anchor = find_in_prefecture(p, at, s + n, by_romaji, hits);
	else if (n > 0) {
		hit_equal(p, s, n, 0, hits);
		hits->anchor = true;
	}
	if (!hits->anchor) { /* the start of names, or nothing */
		hits->whole = long_enough(s, by_romaji) &&
		    hit_starting(p, s, 0, PLACE_BY_START, hits);
		return;
	}
	/* Still being typed: 札幌市中 is also the start of 札幌市中央区. */
	if (long_enough(s, by_romaji))
		hit_starting(p, s, 0, PLACE_BY_START, hits);
}

void
places_by_postal(const struct places *p, const char *digits,
    struct place_hits *hits)
{
	size_t len = strlen(digits);
	unsigned long value = strtoul(digits, NULL, 10), scale = 1;

	memset(hits, 0, sizeof *hits);
	if (!p || len < 3 || len > 7)
		return;
	for (size_t i = len; i < 7; i++)
		scale *= 10;
	/* The codes the digits stand for: [low, high] of 7-digit values. */
	for (size_t i = 0; i < p->npostal; i++) {
		const struct postal_range *r = &p->postal[i];
		unsigned long low = value * scale, high = low + scale - 1;
		unsigned long base = r->prefix * 100UL;

		if (base + 99 < low || base > high)
			continue;
		for (unsigned long n = low > base ? low - base : 0;
		    n <= 99 && base + n <= high; n++)
			if (r->endings[n / 64] >> (n % 64) & 1) {
				for (unsigned k = 0; k < r->nplaces; k++)
					hit(p, hits, p->postal_places[r->first + k],
					    PLACE_EXACT, false);
				break;
			}
	}
	hits->anchor = hits->whole = hits->prefectures != 0;
}

void
place_display_name(const struct places *p, size_t place, bool upper,
    char *out, size_t cap)
{
	const struct place *pl = &p->places[place];
	size_t len = upper && pl->upper_len ? pl->upper_len : strlen(pl->name);
	int n = snprintf(out, cap, "%.*s", (int)len, pl->name);

	for (size_t i = 0; i < pl->nnow && n >= 0 && (size_t)n < cap; i++) {
		const char *now = p->places[p->now[pl->first_now + i]].name;
		int more = snprintf(out + n, cap - (size_t)n, "%s%s",
		    i ? ", " : " → ", now);

		n = more < 0 ? more : n + more;
	}
}

const struct places *
place_source_get(struct place_source *s, bool postal)
{
	if (!s)
		return NULL;
	if (!s->tried) {
		s->tried = true;
		if (!s->diags)
			s->diags = malloc(sizeof *s->diags);
		s->status = s->diags ? s->load(&s->places, s->diags, &s->which)
		    : TABLE_IO_ERROR;
	}
	if (postal && s->places && !s->postal_tried) {
		enum table_status st;

		s->postal_tried = true;
		st = s->load_postal(s->places, s->diags);
		if (st != TABLE_OK) {
			s->status = st;
			s->which = 2;
		}
	}
	return s->places;
}

void
place_source_free(struct place_source *s)
{
	places_free(s->places);
	free(s->diags);
	s->places = NULL;
	s->diags = NULL;
}
