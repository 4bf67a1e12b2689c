#!/usr/bin/env python3
"""Writes src/core/nfkc.h: the compatibility characters that text_fold maps as
NFKC does (Kangxi radicals from PDFs, compatibility ideographs, enclosed
and squared forms, small and vertical punctuation, the half-width forms
that text.c does not already fold). A mapping whose result would be longer
than the character in UTF-8 loses its ASCII parentheses and spaces (㈱ ->
株); one still longer is left out, as text_fold never lengthens text.
Run it again with a newer Python for a newer Unicode:

    python3 src/tools/make-nfkc.py > src/core/nfkc.h
"""
import unicodedata

# Folded by text.c itself: ASCII, full-width ASCII, the ideographic space,
# half-width katakana (with their voiced marks), the spacing voiced marks.
HANDLED = [(0x00, 0x7F), (0xFF01, 0xFF5E), (0x3000, 0x3000), (0xFF66, 0xFF9D),
           (0x309B, 0x309C)]


def wanted(cp):
    if any(a <= cp <= b for a, b in HANDLED) or 0xD800 <= cp <= 0xDFFF:
        return None
    c = chr(cp)
    n = unicodedata.normalize("NFKC", c)
    if n == c:
        return None
    if any(unicodedata.combining(x) or ord(x) < 0x20 for x in n):
        return None
    if len(n.encode()) > len(c.encode()):
        n = n.replace("(", "").replace(")", "").replace(" ", "")
    if not n or len(n.encode()) > len(c.encode()):
        return None
    return n


rows = [(cp, wanted(cp)) for cp in range(0x80, 0x30000)]
rows = [(cp, n) for cp, n in rows if n is not None]
print("/* Made by src/tools/make-nfkc.py from Unicode %s: do not edit by hand."
      % unicodedata.unidata_version)
print(" * Compatibility characters and what NFKC makes of them, by code point. */")
print("static const struct nfkc_map {\n\tuint32_t cp;\n\tchar to[5];\n} nfkc_maps[] = {")
# Eight a line: the table stays short enough to read through.
for at in range(0, len(rows), 8):
    print("\t" + " ".join('{0x%04X, "%s"},' % (cp, "".join("\\x%02X" % b for b in n.encode()))
                           for cp, n in rows[at:at + 8]))
print("};")
