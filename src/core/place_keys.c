/* place_keys: the search keys of the places (places.h): every name in
 * kanji, kana and romaji; whole, without its county or city, the county or
 * city alone, and without the suffix; sorted for binary search. */
#include "place_keys.h"

#include <stdlib.h>
#include <string.h>

#include "count_of.h"
#include "text.h"

struct key_builder {
	const struct places *p;
	struct place_key *keys;
	char *text;
	size_t nkeys, cap_keys, cap_text, text_len;
	bool failed;
};

static void
add_key(struct key_builder *b, size_t place, const char *text, size_t len,
    unsigned kind)
{
	char folded[PLACE_KEY_MAX * 2 + 1];

	if (len == 0 || len > PLACE_KEY_MAX || b->failed)
		return;
	len = text_fold(text, len, folded, NULL);
	if (b->text_len + len + 1 > b->cap_text) {
		size_t cap = b->cap_text * 2 + len + 4096;
		char *grown = realloc(b->text, cap);

		if (!grown) {
			b->failed = true;
			return;
		}
		b->text = grown;
		b->cap_text = cap;
	}
	if (b->nkeys == b->cap_keys) {
		size_t cap = b->cap_keys * 2 + 1024;
		struct place_key *grown = realloc(b->keys, cap * sizeof *grown);

		if (!grown) {
			b->failed = true;
			return;
		}
		b->keys = grown;
		b->cap_keys = cap;
	}
	memcpy(b->text + b->text_len, folded, len + 1);
	b->keys[b->nkeys++] = (struct place_key){(uint32_t)b->text_len,
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
	for (size_t i = 0; i < COUNT_OF(suffixes); i++)
		if (ends_with(pt->name, pt->name_len, suffixes[i].kanji) &&
		    ends_with(pt->kana, pt->kana_len, suffixes[i].kana)) {
			pt->suffix = (int)i;
			return;
		}
}

size_t
place_suffix_kana(const char *kana, size_t len)
{
	for (size_t i = 0; i < COUNT_OF(suffixes); i++) {
		size_t n = strlen(suffixes[i].kana);

		if (len > n && memcmp(kana + len - n, suffixes[i].kana, n) == 0)
			return n;
	}
	return 0;
}

/* Adds a part's forms: kanji and kana unless only romaji is asked for,
 * and romaji, with the suffix and (when it has one) without it. */
static void
add_part(struct key_builder *b, size_t place, const struct part *pt,
    unsigned kind, bool romaji_only)
{
	char romaji[PLACE_KEY_MAX * 2 + 1];
	size_t n;

	if (!romaji_only) {
		add_key(b, place, pt->name, pt->name_len,
		    kind | PLACE_KEY_SUFFIXED);
		add_key(b, place, pt->kana, pt->kana_len,
		    kind | PLACE_KEY_SUFFIXED);
	}
	if (pt->kana_len * 2 > PLACE_KEY_MAX)
		return;
	n = text_romaji_key(pt->kana, pt->kana_len, romaji);
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
	n = text_romaji_key(pt->kana, bare_kana, romaji);
	add_key(b, place, romaji, n, kind);
	if (other && n + strlen(other) < sizeof romaji) {
		memcpy(romaji + n, other, strlen(other) + 1);
		add_key(b, place, romaji, text_fold_romaji(romaji,
		    n + strlen(other), NULL), kind | PLACE_KEY_SUFFIXED);
	}
}

/* Two parts as one: first then second (横浜西区, yokohamanishiku; in
 * romaji only, the ward first, as an envelope from abroad has it:
 * chuokusapporoshi). */
static void
add_pair(struct key_builder *b, size_t place, const struct part *first,
    bool first_bare, const struct part *second, bool romaji_only)
{
	char name[PLACE_KEY_MAX + 1], kana[PLACE_KEY_MAX + 1];
	struct part joined = *second;
	size_t nl = first->name_len, kl = first->kana_len;

	if (first_bare && first->suffix >= 0) {
		nl -= strlen(suffixes[first->suffix].kanji);
		kl -= strlen(suffixes[first->suffix].kana);
	}
	if (nl + second->name_len > PLACE_KEY_MAX || kl + second->kana_len > PLACE_KEY_MAX)
		return;
	memcpy(name, first->name, nl);
	memcpy(name + nl, second->name, second->name_len);
	memcpy(kana, first->kana, kl);
	memcpy(kana + kl, second->kana, second->kana_len);
	joined.name = name;
	joined.name_len = nl + second->name_len;
	joined.kana = kana;
	joined.kana_len = kl + second->kana_len;
	add_part(b, place, &joined, 0, romaji_only);
}

size_t
place_upper_end(const char *name)
{
	const char *county = strstr(name, "郡"), *city = strstr(name, "市");
	const char *island = strstr(name, "島");
	size_t len = strlen(name);

	/* Only towns and villages are in a county: 大和郡山市 is a city. */
	if (county && county > name && strlen(county) >= 3 * 3 &&
	    (ends_with(name, len, "町") || ends_with(name, len, "村")))
		return (size_t)(county - name) + strlen("郡");
	if (city && city > name && ends_with(name, len, "区") &&
	    strlen(city) >= 3 * 3)
		return (size_t)(city - name) + strlen("市");
	/* Japan Post names Tokyo's islands by island and town (八丈島八丈町,
	 * 三宅島三宅村): people write the town alone. */
	if (island && island > name && strlen(island) >= 4 * 3 &&
	    (ends_with(name, len, "町") || ends_with(name, len, "村")))
		return (size_t)(island - name) + strlen("島");
	return 0;
}

static bool
is_county(const struct places *p, const struct place *pl)
{
	return pl->upper_len >= 3 &&
	    memcmp(place_name(p, pl) + pl->upper_len - 3, "郡", 3) == 0;
}

/* The bytes of kana that read the county or city: the longest common
 * start of the readings of the places that share it, cut back to its last
 * ぐん or し; for a county of one place, its last ぐん. 0 when not found. */
size_t
place_upper_kana_len(const struct places *p, size_t i, size_t upper)
{
	const struct place *pl = &p->list[i];
	const char *mark = is_county(p, pl) ? "ぐん" : memcmp(place_name(p, pl) +
	    upper - 3, "島", 3) == 0 ? "じま" : "し";
	const char *name = place_name(p, pl), *kana = place_kana(p, pl);
	size_t common = strlen(kana), ml = strlen(mark);
	bool shared = false;
	size_t first = i;

	while (first > 0 && p->list[first - 1].code / 1000 == pl->code / 1000)
		first--;
	/* Every place of the prefecture with the same county or city. */
	for (size_t j = first; j < p->current &&
	    p->list[j].code / 1000 == pl->code / 1000; j++) {
		const struct place *o = &p->list[j];
		size_t n = 0;

		if (j == i || o->upper_len != upper ||
		    memcmp(place_name(p, o), name, upper) != 0)
			continue;
		while (kana[n] && kana[n] == place_kana(p, o)[n])
			n++;
		if (!shared || n < common)
			common = n;
		shared = true;
	}
	if (!shared)
		common = strlen(kana) - 2 * 3;
	while (common >= ml && memcmp(kana + common - ml, mark, ml) != 0)
		common--;
	return common >= ml ? common : 0;
}

static void
add_place_keys(struct key_builder *b, size_t i)
{
	const struct place *pl = &b->p->list[i];
	const char *name = place_name(b->p, pl), *kana = place_kana(b->p, pl);
	struct part whole = {name, kana, strlen(name), strlen(kana), -1};
	size_t upper = pl->upper_len;

	find_suffix(&whole);
	if (pl->nnow) { /* a former name: its kanji, and without the county */
		add_key(b, i, name, whole.name_len, PLACE_KEY_SUFFIXED);
		if (upper && is_county(b->p, pl))
			add_key(b, i, name + upper, whole.name_len - upper,
			    PLACE_KEY_SUFFIXED);
		return;
	}
	if (pl->code % 1000 == 0) {
		add_part(b, i, &whole, PLACE_KEY_PREF, false);
		return;
	}
	add_part(b, i, &whole, 0, false);
	/* Tokyo's wards call themselves cities in English: Shinjuku City,
	 * Minato City (shinjukushi, as "City" is read). */
	if (pl->code > 13100 && pl->code < 13200 && whole.suffix >= 0 &&
	    whole.kana_len * 2 < PLACE_KEY_MAX) {
		char romaji[PLACE_KEY_MAX * 2 + 1];
		size_t n = text_romaji_key(kana, whole.kana_len -
		    strlen(suffixes[whole.suffix].kana), romaji);

		memcpy(romaji + n, "shi", 4);
		add_key(b, i, romaji, text_fold_romaji(romaji, n + 3, NULL),
		    PLACE_KEY_SUFFIXED);
	}
	if (!upper)
		return;
	size_t ukana = place_upper_kana_len(b->p, i, upper);

	if (!ukana)
		return;
	struct part up = {name, kana, upper, ukana, -1};
	struct part own = {name + upper, kana + ukana,
		whole.name_len - upper, whole.kana_len - ukana, -1};

	find_suffix(&up);
	find_suffix(&own);
	add_part(b, i, &own, PLACE_KEY_PART, false);
	add_part(b, i, &up, PLACE_KEY_UPPER, false);
	/* 横浜西区, but never a county cut from its town: 大飯高浜町 would make
	 * ooita the start of a town of Fukui. */
	if (!is_county(b->p, pl))
		add_pair(b, i, &up, true, &own, false);
	add_pair(b, i, &own, false, &up, true);
	add_pair(b, i, &own, true, &up, true);
}

static void
shrink(void **block, size_t size)
{
	void *smaller = size ? realloc(*block, size) : NULL;

	if (smaller)
		*block = smaller;
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

bool
place_keys_build(struct places *p)
{
	struct key_builder b = {.p = p};
	size_t n = 0;

	for (size_t i = 0; i < p->count; i++)
		add_place_keys(&b, i);
	if (b.failed) {
		free(b.keys);
		free(b.text);
		return false;
	}
	sort_text = b.text;
	qsort(b.keys, b.nkeys, sizeof *b.keys, key_order);
	/* One key a text and place: a name read two ways is one name. */
	for (size_t i = 0; i < b.nkeys; i++)
		if (n > 0 && b.keys[n - 1].place == b.keys[i].place &&
		    strcmp(b.text + b.keys[n - 1].text,
		    b.text + b.keys[i].text) == 0)
			b.keys[n - 1].kind |= b.keys[i].kind;
		else
			b.keys[n++] = b.keys[i];
	/* The session keeps them: give back what growing left over. */
	shrink((void **)&b.keys, n * sizeof *b.keys);
	shrink((void **)&b.text, b.text_len);
	p->keys = p->key_storage = b.keys;
	p->key_text = p->key_text_storage = b.text;
	p->nkeys = n;
	return true;
}

