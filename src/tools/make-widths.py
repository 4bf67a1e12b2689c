#!/usr/bin/env python3
"""Writes src/core/widths.h: the columns a character takes, from one
version of the Unicode Character Database (Debian's unicode-data), by the
rule glibc's wcwidth follows, so that what madoguchi measures is what the
terminal's C library says:

- zero: the general categories Mn (nonspacing marks, the variation
  selectors among them), Me (enclosing marks) and Cf (format characters,
  U+200B ZERO WIDTH SPACE among them) but U+00AD SOFT HYPHEN and the
  prepended concatenation marks (U+0600, U+06DD: PropList.txt), which are
  shown; and the Hangul vowels and final consonants that join a syllable
  (U+1160..U+11FF, U+D7B0..U+D7FF);
- two: East Asian Width W (wide) or F (full-width): the kana, the kanji,
  emoji shown as such (U+1F680 🚀, U+2615 ☕), the enclosed ideographs
  (U+1F202 🈂), the Kana Supplement; and, as glibc has them, the circled
  numbers on black squares (U+3248..U+324F, ambiguous) and the Yijing
  hexagrams (U+4DC0..U+4DFF, wide from Unicode 16);
- one: the rest.

Control characters and unassigned code points are text.c's affair (they
are shown escaped). Run it again for another version:

    python3 src/tools/make-widths.py /usr/share/unicode > src/core/widths.h
"""
import os
import re
import sys


def ranges_of(path, wanted):
    """(first, last) of every line whose value is in wanted."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*;\s*(\w+)", line)
            if m and m.group(3) in wanted:
                first = int(m.group(1), 16)
                out.append((first, int(m.group(2) or m.group(1), 16)))
    return out


def merged(ranges, minus=()):
    cps = set()
    for a, b in ranges:
        cps.update(range(a, b + 1))
    cps -= set(minus)
    out = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def version(path):
    with open(path, encoding="utf-8") as f:
        return re.search(r"EastAsianWidth-([0-9.]+)\.txt", f.readline()).group(1)


def table(name, ranges):
    lines = [f"static const struct range {name}[] = {{"]
    row = ""
    for a, b in ranges:
        item = f"{{0x{a:04X}, 0x{b:04X}}}, "
        if len(row) + len(item) > 72:
            lines.append("\t" + row.rstrip())
            row = ""
        row += item
    lines.append("\t" + row.rstrip())
    lines.append("};")
    return "\n".join(lines)


def main(ucd):
    eaw = os.path.join(ucd, "EastAsianWidth.txt")
    zero = merged(ranges_of(os.path.join(ucd, "extracted",
                                         "DerivedGeneralCategory.txt"),
                            {"Mn", "Me", "Cf"}) +
                  [(0x1160, 0x11FF), (0xD7B0, 0xD7FF)],
                  minus=[0x00AD] + [cp for a, b in ranges_of(
                      os.path.join(ucd, "PropList.txt"),
                      {"Prepended_Concatenation_Mark"})
                      for cp in range(a, b + 1)])
    zero_cps = {cp for a, b in zero for cp in range(a, b + 1)}
    wide = merged(ranges_of(eaw, {"W", "F"}) +
                  [(0x3248, 0x324F), (0x4DC0, 0x4DFF)], minus=zero_cps)
    print(f"/* widths.h: made by src/tools/make-widths.py from the Unicode "
          f"Character\n * Database {version(eaw)} (Debian's unicode-data); "
          "do not edit. The ranges of\n * characters that take no column "
          "and two, sorted, for text.c. */")
    print(table("zero_width", zero))
    print(table("wide", wide))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode")
