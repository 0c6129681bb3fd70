#include "airspace/corridor_profile.h"

#include <algorithm>
#include <cmath>

namespace lowsky {

CorridorProfile corridor_profile(const CompiledScenario& compiled, size_t index) {
    const Scenario& s = compiled.scenario();
    const LocalCorridor& lc = compiled.corridors().at(index);
    const Corridor& c = s.corridors[lc.corridor];
    CorridorProfile p;
    p.length_m = lc.length_m;
    p.ground = lc.ground;
    auto hub_ground = [&](int node) {
        return node >= 0 && compiled.nodes()[size_t(node)].hub ? HeightAmsl(compiled.nodes()[size_t(node)].hub->ground_elevation_m_amsl) : lc.ground;
    };
    p.start_ground = hub_ground(lc.start_node);
    p.end_ground = hub_ground(lc.end_node);
    p.floor = lc.floor;
    p.ceiling = lc.ceiling;
    p.airspace_ceiling = lc.ground.above(s.rules.ceiling_m_agl);

    // Each zone's stretch along the centreline: samples a few metres apart (at most 2,000 a corridor).
    const double step = std::max(5.0, lc.length_m / 2000);
    for (const LocalZone& lz : compiled.local_zones()) {
        if (!lz.box.expanded(c.width_m / 2).overlaps(lc.box)) continue;
        const Zone& zone = compiled.zones()[lz.zone];
        bool in = false;
        for (size_t k = 0; k + 1 < lc.points.size(); ++k) {
            const LocalPoint a = lc.points[k], b = lc.points[k + 1];
            const double seg = lc.along_m[k + 1] - lc.along_m[k];
            const int n = std::max(1, int(std::ceil(seg / step)));
            for (int i = (k == 0 ? 0 : 1); i <= n; ++i) {
                const double t = double(i) / n;
                const LocalPoint q{a.east_m + (b.east_m - a.east_m) * t, a.north_m + (b.north_m - a.north_m) * t};
                const double d = compiled.segment_to_zone(q, q, lz).distance_m;
                const bool inside = d <= c.width_m / 2;
                const double at = lc.along_m[k] + seg * t;
                if (inside && !in) {
                    auto amsl = [&](const Altitude& x) { return x.reference == AltitudeReference::Amsl ? HeightAmsl(x.value_m) : lc.ground.above(x.value_m); };
                    p.zones.push_back({zone.id, zone.name, zone.kind, at, at, amsl(zone.band.floor), amsl(zone.band.ceiling)});
                }
                if (inside) p.zones.back().to_m = at;
                in = inside;
            }
        }
    }
    std::sort(p.zones.begin(), p.zones.end(), [](const ProfileZone& a, const ProfileZone& b) { return a.from_m < b.from_m; });
    return p;
}

}  // namespace lowsky
