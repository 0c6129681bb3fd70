#!/usr/bin/env python3
"""The Chinese characters lowsky shows: those of the interface's table and any other source in
web/, of the place names and of the default scenario's names. Writes them, one line, to OUT;
the build subsets the Chinese font to exactly these, and the app builds its glyph ranges from
the same file.  usage: chinese_chars.py ROOT OUT"""
import glob
import os
import sys


def wide(c):
    # CJK punctuation and ideographs, full-width forms: what the Latin interface font lacks.
    o = ord(c)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F


def main(root, out):
    sources = sorted(glob.glob(os.path.join(root, "web", "**", "*.cpp"), recursive=True) + glob.glob(os.path.join(root, "web", "*.h")))
    sources += [os.path.join(root, "assets", "places", "gba_places.json"), os.path.join(root, "assets", "scenarios", "gba.json")]
    chars = set()
    for path in sources:
        chars.update(c for c in open(path, encoding="utf-8").read() if wide(c))
    text = "".join(sorted(chars))
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    os.replace(tmp, out)


if __name__ == "__main__":
    main(*sys.argv[1:])
