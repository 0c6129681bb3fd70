#include "airspace/airport_zones.h"

#include "geo/convex_hull.h"
#include "geo/geodesy.h"

namespace lowsky {

namespace {
constexpr int kCircleSteps = 48;
}

std::vector<Zone> generate_airport_zones(const AirportZones& airport) {
    std::vector<GeoPoint> core_points, protection_points;
    for (const Runway& r : airport.runways) {
        const double forward = geodesy::inverse(r.end_a, r.end_b).initial_bearing_deg;
        const double backward = geodesy::inverse(r.end_b, r.end_a).initial_bearing_deg;
        for (const GeoPoint end : {r.end_a, r.end_b}) {
            for (int i = 0; i < kCircleSteps; ++i)
                core_points.push_back(geodesy::destination(end, 360.0 * i / kCircleSteps, airport.core_radius_m));
        }
        const GeoPoint far_a = geodesy::destination(r.end_a, backward, airport.protection_end_m);
        const GeoPoint far_b = geodesy::destination(r.end_b, forward, airport.protection_end_m);
        for (const double side : {-90.0, 90.0}) {
            protection_points.push_back(geodesy::destination(far_a, backward + side, airport.protection_side_m));
            protection_points.push_back(geodesy::destination(far_b, forward + side, airport.protection_side_m));
        }
    }
    std::vector<Zone> zones;
    if (airport.runways.empty()) return zones;
    // Both zones reach from the ground to the airport's ceiling.
    auto zone = [&](const char* suffix, const char* what, ZoneKind kind, std::vector<GeoPoint> points) {
        Zone z;
        z.id = airport.icao + suffix;
        z.name = airport.name + what;
        z.kind = kind;
        z.jurisdiction = airport.jurisdiction;
        z.shape.polygon = convex_hull(std::move(points));
        z.band = {{0, AltitudeReference::AboveGround}, {airport.ceiling_m_agl, AltitudeReference::AboveGround}};
        z.source = "generated from " + airport.icao + " runways";
        zones.push_back(std::move(z));
    };
    zone("-protection", " clearance-protection area", ZoneKind::Controlled, std::move(protection_points));
    if (airport.core_radius_m > 0) zone("-core", " no-fly core", ZoneKind::NoFly, std::move(core_points));
    return zones;
}

}  // namespace lowsky
