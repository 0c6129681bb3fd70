#!/usr/bin/env python3
"""The interface's Chinese table (web/i18n_zh.cpp) against the code: every string of web/ that
goes through tr() or is marked N_() has its Chinese (ids after "##" aside), each Chinese format
takes the same arguments in the same order as its English, no English appears twice, and the
Chinese font subset the build makes (tools/fonts/chinese_chars.py, then fontTools) holds every
character the table and the names use.  usage: i18n_table.py ROOT"""
import glob
import json
import os
import re
import sys
import tempfile

LITERAL = r'"((?:[^"\\]|\\.)*)"'


def unescape(s):
    return bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def conversions(fmt):
    """The printf arguments a format takes, by kind: %.0s takes a string like %s."""
    kinds = []
    for m in re.finditer(r"%([-+ #0-9.*]*)(zu|lld|ll[dux]|l[dfux]|[diuxXfFeEgGcsp%])", fmt):
        if m.group(2) == "%":
            continue
        kinds.append("s" if m.group(2) == "s" else "f" if m.group(2) in "fFeEgG" else m.group(2))
    return kinds


def main(root):
    failures = []
    table_text = open(os.path.join(root, "web", "i18n_zh.cpp"), encoding="utf-8").read()
    pairs = [(unescape(a), unescape(b)) for a, b in re.findall(r"\{" + LITERAL + r",\s*" + LITERAL + r"\}", table_text)]
    table = {}
    for en, zh in pairs:
        if en in table:
            failures.append(f"{en!r} is in the table twice")
        table[en] = zh
    keys = set()
    # The app's sources, and the engine's tour, whose patterns the app says in the reader's language.
    for path in glob.glob(os.path.join(root, "web", "**", "*.cpp"), recursive=True) + glob.glob(os.path.join(root, "web", "*.h")) + [os.path.join(root, "engine", "view", "tour.cpp")]:
        if path.endswith("i18n_zh.cpp"):
            continue
        for m in re.finditer(r"\b(?:tr|N_)\(" + LITERAL + r"\)", open(path, encoding="utf-8").read()):
            keys.add((unescape(m.group(1)).split("##")[0], os.path.relpath(path, root)))
    for key, where in sorted(keys):
        if key not in table:
            failures.append(f"{where}: {key!r} has no Chinese in web/i18n_zh.cpp")
        elif conversions(key) != conversions(table[key]):
            failures.append(f"{key!r}: the Chinese takes {conversions(table[key])}, the English {conversions(key)}")
    # The font: build the subset as the build does and read its character map.
    from fontTools.ttLib import TTFont
    import subprocess
    with tempfile.TemporaryDirectory() as tmp:
        chars = os.path.join(tmp, "chars.txt")
        font = os.path.join(tmp, "chinese.ttf")
        subprocess.run([sys.executable, os.path.join(root, "tools", "fonts", "chinese_chars.py"), root, chars], check=True)
        subprocess.run([sys.executable, "-m", "fontTools.subset", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                        f"--text-file={chars}", "--no-hinting", f"--output-file={font}"], check=True)
        cmap = TTFont(font).getBestCmap()
        wanted = set(open(chars, encoding="utf-8").read().strip())
        names = json.load(open(os.path.join(root, "assets", "places", "gba_places.json"), encoding="utf-8"))
        scenario = json.load(open(os.path.join(root, "assets", "scenarios", "gba.json"), encoding="utf-8"))
        shown = "".join(zh for _, zh in pairs) + "".join(p.get("name_zh", "") for k in ("places", "airports", "cities") for p in names.get(k, []))
        shown += "".join(h.get("name_zh", "") for h in scenario["hubs"])
        for c in sorted(set(shown)):
            if ord(c) >= 0x2E80 and (c not in wanted or ord(c) not in cmap):
                failures.append(f"{c!r} (U+{ord(c):04X}) is shown but not in the Chinese font subset")
    for f in failures:
        print(f)
    print(f"{len(keys)} strings in the code, {len(table)} in the table, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
