/* words: see words.h. */
#include "words.h"

#include <stdbool.h>
#include <string.h>

#include "count_of.h"
#include "text.h"

#define POSTAL_MARK "〒"

bool
words_is_number(const char *s)
{
	static const char *const words[] = {"丁目", "番地", "番", "号", "の",
		"階", "棟", "室", "一", "二", "三", "四", "五", "六", "七", "八",
		"九", "十", "〇", "百", "千"};
	size_t nwords = COUNT_OF(words);
	bool digit = false;

	while (*s) {
		size_t i, n = strspn(s, "0123456789-#f");

		digit |= strcspn(s, "0123456789") < n;
		s += n;
		if (!*s)
			break;
		for (i = 0; i < nwords && !text_starts(s, words[i]); i++)
			continue;
		if (i == nwords)
			return false;
		s += strlen(words[i]);
		digit |= i >= 8;
	}
	return digit;
}

void
words_join_romaji(char *s)
{
	char *o = s;

	if (s[strspn(s, "abcdefghijklmnopqrstuvwxyz'-.")] != '\0' ||
	    !strpbrk(s, "abcdefghijklmnopqrstuvwxyz"))
		return;
	for (; *s; s++)
		if (*s != '\'' && *s != '-' && *s != '.')
			*o++ = *s;
	*o = '\0';
}

const char *
words_english_suffix(const char *word)
{
	static const char *const words[][2] = {
		{"city", "shi"}, {"ward", "ku"}, {"town", "machi"},
		{"village", "mura"}, {"county", "gun"}, {"district", "gun"},
		{"prefecture", ""}, {"pref", ""}, {"metropolis", ""},
		/* Romaji suffixes written apart: shinjuku ku, kaga shi. */
		{"ku", "ku"}, {"shi", "shi"}, {"si", "shi"}, {"cho", "cho"},
		{"machi", "machi"}, {"mura", "mura"}, {"son", "son"},
		{"gun", "gun"}, {"ken", ""},
	};

	for (size_t i = 0; i < COUNT_OF(words); i++)
		if (strcmp(word, words[i][0]) == 0)
			return words[i][1];
	return NULL;
}

bool
words_is_country(const char *word)
{
	static const char *const names[] = {"japan", "nippon", "nihon",
		"日本", "日本国"};

	for (size_t i = 0; i < COUNT_OF(names); i++)
		if (strcmp(word, names[i]) == 0)
			return true;
	return false;
}

static bool
is_space(const char *s)
{
	return *s == ' ' || *s == ',' || *s == '\t' || *s == '\n' ||
	    *s == '\r' || text_starts(s, "、");
}

/* A word that says a postal code follows (郵便番号：, ZIP, Postcode),
 * with its colon and spaces: how many bytes, 0 when there is none or no
 * digit follows. */
static size_t
postal_word(const char *s)
{
	static const char *const marks[] = {"郵便番号", "zip code", "zipcode",
		"zip", "postal code", "postcode", "post code"};

	for (size_t i = 0; i < COUNT_OF(marks); i++)
		if (text_starts(s, marks[i])) {
			size_t n = strlen(marks[i]);

			n += strspn(s + n, ": ");
			if (s[n] >= '0' && s[n] <= '9')
				return n;
		}
	return 0;
}

/* A postal code glued to the address after it (100-0001東京都,
 * 1000001東京都): its length, 0 when s does not start with one. */
static size_t
glued_code(const char *s)
{
	size_t n = strspn(s, "0123456789");

	if (n == 3 && s[3] == '-' && strspn(s + 4, "0123456789") == 4)
		n = 8;
	else if (n != 7)
		return 0;
	return (unsigned char)s[n] >= 0x80 ? n : 0;
}

/* 〒 and the code after its mark, apart from what is glued after it. */
static void
copy_marked_code(const char **in, char **o)
{
	size_t n;

	memcpy(*o, POSTAL_MARK, strlen(POSTAL_MARK));
	*o += strlen(POSTAL_MARK);
	while (**in == ' ')
		(*in)++;
	n = strspn(*in, "0123456789-");
	memcpy(*o, *in, n);
	*o += n;
	*in += n;
	if (n && **in && !is_space(*in))
		*(*o)++ = ' ';
}

void
words_split(const char *in, char *out)
{
	char *o = out;

	while (*in) {
		size_t mark = o == out || o[-1] == ' ' ? postal_word(in) : 0,
		    code = o == out || o[-1] == ' ' ? glued_code(in) : 0;

		if (mark || text_starts(in, POSTAL_MARK)) {
			in += mark ? mark : strlen(POSTAL_MARK);
			copy_marked_code(&in, &o);
			continue;
		}
		if (code) {
			memcpy(o, in, code);
			o += code;
			in += code;
			*o++ = ' ';
			continue;
		}
		if (is_space(in)) {
			in += text_starts(in, "、") ? strlen("、") : 1;
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
			continue;
		}
		if ((o == out || o[-1] == ' ') && strspn(in, "0123456789") == 3 &&
		    in[3] == ' ' && strspn(in + 4, "0123456789") == 4 &&
		    (!in[8] || is_space(in + 8))) {
			memcpy(o, in, 3);
			o[3] = '-';
			memcpy(o + 4, in + 4, 4);
			o += 8;
			in += 8;
			continue;
		}
		*o++ = *in++;
	}
	*o = '\0';
}
