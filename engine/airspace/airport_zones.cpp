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
    const AltitudeBand band{{0, AltitudeReference::AboveGround}, {airport.ceiling_m_agl, AltitudeReference::AboveGround}};
    std::vector<Zone> zones;
    if (airport.runways.empty()) return zones;

    Zone protection;
    protection.id = airport.icao + "-protection";
    protection.name = airport.name + " clearance-protection area";
    protection.kind = ZoneKind::Controlled;
    protection.jurisdiction = airport.jurisdiction;
    protection.shape.polygon = convex_hull(protection_points);
    protection.band = band;
    protection.source = "generated from " + airport.icao + " runways";
    zones.push_back(protection);

    if (airport.core_radius_m > 0) {
        Zone core;
        core.id = airport.icao + "-core";
        core.name = airport.name + " no-fly core";
        core.kind = ZoneKind::NoFly;
        core.jurisdiction = airport.jurisdiction;
        core.shape.polygon = convex_hull(core_points);
        core.band = band;
        core.source = protection.source;
        zones.push_back(core);
    }
    return zones;
}

}  // namespace lowsky
