// make_basemap: GSHHG full resolution + patch layer -> assets/basemap/gba.lsbm
//
//   make_basemap --gshhg /usr/share/gmt-gshhg/binned_GSHHS_f.nc --places assets/places/gba_places.json
//                --patches assets/basemap/patches.json --tolerance-m 10 -o assets/basemap/gba.lsbm
//                [--preview preview.svg]
#include <cstdio>
#include <cstdlib>
#include <string>

#include "basemap/basemap.h"
#include "core/file_io.h"
#include "gshhg_bins.h"
#include "patches.h"
#include "places/places.h"
#include "simplify.h"

using namespace lowsky;

namespace {

int fail(const Error& e) {
    std::fprintf(stderr, "make_basemap: %s\n", e.to_string().c_str());
    return 1;
}

Result<std::string> read_text(const std::string& path) {
    auto bytes = read_file_bytes(path);
    if (!bytes) return bytes.error();
    return std::string(bytes.value().begin(), bytes.value().end());
}

// An SVG of the rings, for a person to look at (convert it to PNG to view).
std::string preview_svg(const Basemap& map) {
    const double w = 1500, h = 1200;
    auto x = [&](double lon) { return (lon - map.bounds.west_deg) / (map.bounds.east_deg - map.bounds.west_deg) * w; };
    auto y = [&](double lat) { return (map.bounds.north_deg - lat) / (map.bounds.north_deg - map.bounds.south_deg) * h; };
    std::string svg = "<svg xmlns='http://www.w3.org/2000/svg' width='1500' height='1200'><rect width='1500' height='1200' fill='#9cc3e0'/>\n";
    const char* fills[5] = {"", "#efe9dc", "#9cc3e0", "#efe9dc", "#9cc3e0"};
    for (int pass = 1; pass <= 5; ++pass) {
        for (const auto& ring : map.rings) {
            const bool patch = ring.source == RingSource::Patch;
            if ((pass == 5) != patch || (!patch && ring.level != pass)) continue;
            svg += std::string("<path fill='") + (patch ? "#f3c98b" : fills[ring.level]) + "' stroke='#555' stroke-width='0.3' d='M";
            char buf[64];
            for (const auto& p : ring.points) {
                std::snprintf(buf, sizeof buf, "%.1f %.1f L", x(p.lon_deg), y(p.lat_deg));
                svg += buf;
            }
            svg.back() = 'Z';
            svg += "'/>\n";
        }
    }
    for (const auto& line : map.lines) {
        svg += std::string("<path fill='none' stroke='") + (line.kind == LineKind::River ? "#6fa6d0" : "#8a5a8a") + "' stroke-width='0.8' d='M";
        char buf[64];
        for (const auto& p : line.points) {
            std::snprintf(buf, sizeof buf, "%.1f %.1f L", x(p.lon_deg), y(p.lat_deg));
            svg += buf;
        }
        svg.pop_back();
        svg += "'/>\n";
    }
    return svg + "</svg>\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::string gshhg = "/usr/share/gmt-gshhg/binned_GSHHS_f.nc";
    std::string rivers_path = "/usr/share/gmt-gshhg/binned_river_f.nc", borders_path = "/usr/share/gmt-gshhg/binned_border_f.nc";
    std::string places_path = "assets/places/gba_places.json";
    std::string patches_path = "assets/basemap/patches.json";
    std::string out_path = "assets/basemap/gba.lsbm";
    std::string preview_path;
    double tolerance_m = 10.0;
    tools::BinRange range{111, 21, 116, 25};
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) { std::fprintf(stderr, "make_basemap: %s needs a value\n", a.c_str()); std::exit(2); }
            return argv[++i];
        };
        if (a == "--gshhg") gshhg = next();
        else if (a == "--rivers") rivers_path = next();
        else if (a == "--borders") borders_path = next();
        else if (a == "--places") places_path = next();
        else if (a == "--patches") patches_path = next();
        else if (a == "--tolerance-m") tolerance_m = std::atof(next().c_str());
        else if (a == "-o") out_path = next();
        else if (a == "--preview") preview_path = next();
        else { std::fprintf(stderr, "make_basemap: unknown option %s\n", a.c_str()); return 2; }
    }

    auto extract = tools::extract_gshhg(gshhg, range);
    if (!extract) return fail(extract.error());
    // WDBII's major rivers (level 1: double-lined, 2: permanent major, 3: additional major) and
    // its national boundaries (level 1: Hong Kong's and Macau's with the mainland, as drawn then).
    auto rivers = tools::extract_gshhg_lines(rivers_path, range, LineKind::River, {1, 2, 3});
    if (!rivers) return fail(rivers.error());
    auto borders = tools::extract_gshhg_lines(borders_path, range, LineKind::Border, {1});
    if (!borders) return fail(borders.error());
    auto places_text = read_text(places_path);
    if (!places_text) return fail(places_text.error());
    auto places = parse_places(places_text.value(), places_path);
    if (!places) return fail(places.error());
    auto patches_text = read_text(patches_path);
    if (!patches_text) return fail(patches_text.error());
    auto patches = tools::build_patches(patches_text.value(), patches_path, places.value());
    if (!patches) return fail(patches.error());

    Basemap map;
    map.bounds = {double(range.west_deg), double(range.south_deg), double(range.east_deg), double(range.north_deg)};
    map.attribution = "Shoreline: GSHHG " + extract->version +
                      " full resolution (Wessel & Smith, LGPL-3+), simplified to " + std::to_string(int(tolerance_m)) +
                      " m; rivers and borders: GSHHG's WDBII (LGPL-3+); reclamation patches: lowsky (hand-made)";
    size_t before = 0;
    for (auto& ring : extract->rings) {
        before += ring.points.size();
        ring.points = tools::simplify_ring(ring.points, tolerance_m);
        map.rings.push_back(std::move(ring));
    }
    for (auto& ring : patches.value()) map.rings.push_back(std::move(ring));
    size_t line_points = 0;
    for (auto* set : {&rivers.value(), &borders.value()}) {
        for (auto& line : *set) {
            line.points = tools::simplify_line(line.points, tolerance_m * 2);
            line_points += line.points.size();
            map.lines.push_back(std::move(line));
        }
    }
    for (const auto& ring : map.rings) {
        if (ring.points.size() > 65535) return fail(make_error("a ring has more than 65535 points; split it"));
    }
    const int forced = triangulate_rings(map);
    size_t triangles = 0;
    for (const auto& ring : map.rings) triangles += ring.triangles.size() / 3;

    const auto bytes = encode_basemap(map);
    auto check = decode_basemap(bytes.data(), bytes.size());
    if (!check) return fail(check.error());
    auto written = write_file_bytes(out_path, bytes);
    if (!written) return fail(written.error());
    std::printf("%s: %zu rings, %zu points (%zu before simplification), %zu triangles (%d forced ears), %zu lines of %zu points, %zu bytes\n",
                out_path.c_str(), map.rings.size(), total_points(map), before, triangles, forced, map.lines.size(), line_points, bytes.size());
    if (!preview_path.empty()) {
        const std::string svg = preview_svg(map);
        auto ok = write_file_bytes(preview_path, std::vector<uint8_t>(svg.begin(), svg.end()));
        if (!ok) return fail(ok.error());
    }
    return 0;
}
