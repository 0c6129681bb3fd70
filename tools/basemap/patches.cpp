#include "patches.h"

#include <algorithm>

#include "core/json_read.h"
#include "geo/convex_hull.h"
#include "geo/geodesy.h"

namespace lowsky::tools {

namespace {

// The four corners of a runway's strip, extended by margins along and across it.
std::vector<GeoPoint> runway_corners(const Runway& r, double along_m, double across_m) {
    const double bearing = geodesy::inverse(r.end_a, r.end_b).initial_bearing_deg;
    const double back = geodesy::inverse(r.end_b, r.end_a).initial_bearing_deg;
    const GeoPoint a = geodesy::destination(r.end_a, back, along_m);
    const GeoPoint b = geodesy::destination(r.end_b, bearing, along_m);
    return {geodesy::destination(a, bearing - 90, across_m), geodesy::destination(a, bearing + 90, across_m),
            geodesy::destination(b, back - 90, across_m), geodesy::destination(b, back + 90, across_m)};
}

}  // namespace

Result<std::vector<BasemapRing>> build_patches(const std::string& patches_json, const std::string& source,
                                               const PlaceCatalog& places) {
    auto parsed = parse_json_text(patches_json, source);
    if (!parsed) return parsed.error();
    JsonObjectReader doc(parsed.value(), "$");
    auto list = doc.array("patches");
    if (!list) return list.error();

    std::vector<BasemapRing> rings;
    for (size_t i = 0; i < list.value()->size(); ++i) {
        const std::string path = "$.patches[" + std::to_string(i) + "]";
        const Json& item = (*list.value())[i];
        JsonObjectReader in(item, path);
        BasemapRing ring;
        ring.level = 1;
        ring.source = RingSource::Patch;
        if (in.has("runways_of")) {
            auto icao = in.string("runways_of");
            if (!icao) return icao.error();
            auto along = in.number_in("margin_along_m", 0, 5000);
            if (!along) return along.error();
            auto across = in.number_in("margin_across_m", 0, 5000);
            if (!across) return across.error();
            const Airport* airport = nullptr;
            for (const auto& a : places.airports) if (a.icao == icao.value()) airport = &a;
            if (!airport || airport->runways.empty())
                return make_error("no airport with runways called " + icao.value(), in.member_path("runways_of"));
            std::vector<GeoPoint> corners;
            for (const auto& r : airport->runways) {
                auto c = runway_corners(r, along.value(), across.value());
                corners.insert(corners.end(), c.begin(), c.end());
            }
            ring.points = convex_hull(corners);
        } else {
            auto polygon = in.array("polygon");
            if (!polygon) return polygon.error();
            for (size_t k = 0; k < polygon.value()->size(); ++k) {
                const Json& p = (*polygon.value())[k];
                if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
                    return make_error("expected [lat_deg, lon_deg]", path + ".polygon[" + std::to_string(k) + "]");
                ring.points.push_back({p[0].get<double>(), p[1].get<double>()});
            }
        }
        if (ring.points.size() < 3) return make_error("a patch needs at least 3 points", path);
        rings.push_back(std::move(ring));
    }
    return rings;
}

}  // namespace lowsky::tools
