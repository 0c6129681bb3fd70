// Corridors against airspace: no-fly, controlled and restricted zones, and the ceiling.
#include <cmath>
#include <cstdio>
#include <map>

#include "scenario/scenario_io.h"
#include "validation/checks.h"

namespace lowsky::checks {

GeoPoint to_geo(const Context& c, LocalPoint p) { return c.compiled.frame().to_geo(p); }

namespace {

std::string band_text(const AltitudeBand& b) { return describe(b.floor) + " to " + describe(b.ceiling); }

struct Hit {
    double depth_m = -1e300;  // how far the corridor's edge reaches into the zone (width/2 - distance)
    int segment = -1;
    LocalPoint at;
    int places = 0;           // segments that reach into it
};

}  // namespace

void airspace(const Context& c) {
    const Scenario& s = c.compiled.scenario();
    const auto& corridors = c.compiled.corridors();
    for (const LocalZone& lz : c.compiled.local_zones()) {
        const Zone& zone = c.compiled.zones()[lz.zone];
        // The worst segment of each corridor that reaches into this zone.
        std::map<uint32_t, Hit> hits;
        if (!c.only.empty() && !lz.box.expanded(c.max_half_width_m).overlaps(c.only_box)) continue;
        c.segments.query(lz.box.expanded(c.max_half_width_m), [&](SegmentRef ref) {
            if (!c.wants(ref.corridor)) return;
            const LocalCorridor& lc = corridors[ref.corridor];
            const Corridor& corridor = s.corridors[lc.corridor];
            const auto closest = c.compiled.segment_to_zone(lc.points[ref.segment], lc.points[ref.segment + 1], lz);
            const double depth = corridor.width_m / 2 - closest.distance_m;
            if (depth <= 0) return;
            Hit& hit = hits[ref.corridor];
            ++hit.places;
            if (depth > hit.depth_m) {
                hit.depth_m = depth;
                hit.segment = int(ref.segment);
                hit.at = closest.on_first;
            }
        });
        for (const auto& [index, hit] : hits) {
            const Corridor& corridor = s.corridors[corridors[index].corridor];
            const Overlap vertical = bands_overlap(corridor.band, zone.band, 0.0, {});
            if (vertical == Overlap::No) continue;
            const std::string uncertain = vertical == Overlap::Unknown
                ? " (their altitude references differ and terrain is unknown, so the bands are taken to overlap)" : "";
            Finding f;
            f.object_kind = "corridor";
            f.object = corridor.id;
            f.other = zone.id;
            f.segment = hit.segment;
            f.places = hit.places;
            f.position = to_geo(c, hit.at);
            const std::string where = "corridor " + corridor.id + " (" + band_text(corridor.band) + ") enters " +
                                      std::string(to_string(zone.jurisdiction)) + " zone " + zone.id + " \"" + zone.name + "\" (" +
                                      band_text(zone.band) + ")" + (hit.depth_m >= corridor.width_m / 2 ? " with its centreline" : " with its edge, " + metres(hit.depth_m) + " deep,") +
                                      " at segment " + std::to_string(hit.segment) +
                                      (hit.places > 1 ? ", the deepest of " + std::to_string(hit.places) + " segments in it" : std::string()) + uncertain;
            switch (zone.kind) {
                case ZoneKind::NoFly:
                    f.check = "airspace.no_fly";
                    f.severity = Severity::Error;
                    f.message = where + ": no-fly airspace, no approval opens it";
                    break;
                case ZoneKind::Controlled:
                    if (corridor.approval.empty()) {
                        f.check = "airspace.controlled_without_approval";
                        f.severity = Severity::Error;
                        f.message = where + ": controlled airspace needs an approval, and the corridor has none";
                    } else {
                        f.check = "airspace.controlled_with_approval";
                        f.severity = Severity::Info;
                        f.message = where + ": controlled airspace, flown under approval \"" + corridor.approval + "\"";
                    }
                    break;
                case ZoneKind::Restricted: {
                    std::string hours;
                    for (const auto& w : zone.time_windows) hours += (hours.empty() ? "" : ", ") + format_clock(w.start_s) + "-" + format_clock(w.end_s);
                    f.check = "airspace.restricted_hours";
                    f.severity = Severity::Warning;
                    f.message = where + ": restricted " + hours + "; flights then must wait or take another corridor";
                    break;
                }
            }
            c.out.push_back(std::move(f));
        }
    }
}

void ceiling(const Context& c) {
    const Scenario& s = c.compiled.scenario();
    for (const LocalCorridor& lc : c.compiled.corridors()) {
        if (!c.wants(lc.corridor)) continue;
        const Corridor& corridor = s.corridors[lc.corridor];
        Finding f;
        f.object_kind = "corridor";
        f.object = corridor.id;
        f.position = to_geo(c, lc.points.front());
        if (corridor.band.ceiling.reference != AltitudeReference::AboveGround) {
            f.check = "altitude.ceiling_unverifiable";
            f.severity = Severity::Warning;
            f.message = "corridor " + corridor.id + " has its band " + (corridor.band.ceiling.reference == AltitudeReference::Amsl ? "in AMSL" : "above take-off") +
                        "; without a terrain model its true height, and so the " + metres(s.rules.ceiling_m_agl) + " ceiling, cannot be checked";
            c.out.push_back(std::move(f));
            continue;
        }
        // Outside the mainland Hong Kong's or Macau's own ceiling applies (checks_jurisdiction).
        if (corridor.band.ceiling.value_m <= s.rules.ceiling_m_agl || !reaches_mainland(corridor)) continue;
        f.check = "altitude.above_ceiling";
        const std::string what = "corridor " + corridor.id + " reaches " + describe(corridor.band.ceiling) + ", above the " +
                                 metres(s.rules.ceiling_m_agl) + " true-height ceiling of uncontrolled airspace";
        if (corridor.approval.empty()) {
            f.severity = Severity::Error;
            f.message = what + ", with no approval";
        } else {
            f.severity = Severity::Info;
            f.message = what + ", flown under approval \"" + corridor.approval + "\"";
        }
        c.out.push_back(std::move(f));
    }
}

}  // namespace lowsky::checks
