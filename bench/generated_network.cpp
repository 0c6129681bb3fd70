#include "generated_network.h"

#include <cmath>
#include <string>

#include "timing.h"

namespace lowsky::bench {

namespace {

DroneType make_type(const std::string& id, Airframe airframe, double empty, double payload, double battery, double cruise, double radius) {
    DroneType t;
    t.id = id;
    t.name = id;
    t.airframe = airframe;
    t.empty_mass_kg = empty;
    t.max_payload_kg = payload;
    t.battery_wh = battery;
    t.cruise_speed_m_s = cruise;
    t.max_speed_m_s = cruise * 1.25;
    t.climb_rate_m_s = 3;
    t.descent_rate_m_s = 2.5;
    t.min_turn_radius_m = radius;
    t.energy.rotor_count = airframe == Airframe::Multirotor ? 6 : 4;
    t.energy.rotor_diameter_m = 0.7;
    t.energy.drag_area_m2 = 0.35;
    t.energy.parcel_drag_area_m2 = 0.2;
    t.energy.lift_to_drag = airframe == Airframe::VtolFixedWing ? 16 : 0;
    return t;
}

AltitudeBand agl(double lo, double hi) { return {{lo, AltitudeReference::AboveGround}, {hi, AltitudeReference::AboveGround}}; }

}  // namespace

Scenario generate_network(const NetworkSpec& spec) {
    Random rng(spec.seed);
    Scenario s;
    s.name = "generated network";
    s.drone_types = {make_type("quad", Airframe::Multirotor, 7, 2.5, 800, 18, 40),
                     make_type("octo", Airframe::Multirotor, 65, 30, 3968, 15, 60),
                     make_type("vtol", Airframe::VtolFixedWing, 60, 10, 2200, 27, 130)};
    // The grid spans about 200 km by 150 km around the Pearl River estuary.
    const double lat0 = 21.9, lon0 = 112.7, dlat = 1.35 / spec.rows, dlon = 2.0 / spec.columns;
    auto hub_id = [&](int c, int r) { return "h" + std::to_string(r * spec.columns + c); };
    std::vector<GeoPoint> where;
    for (int r = 0; r < spec.rows; ++r) {
        for (int c = 0; c < spec.columns; ++c) {
            Hub h;
            h.id = hub_id(c, r);
            h.name = h.id;
            h.position = {lat0 + (r + rng.uniform(-0.2, 0.2)) * dlat, lon0 + (c + rng.uniform(-0.2, 0.2)) * dlon};
            h.ground_elevation_m_amsl = rng.uniform(0, 40);
            h.serves = {"quad", "octo", "vtol"};
            where.push_back(h.position);
            s.hubs.push_back(h);
        }
    }
    auto add_corridor = [&](int a, int b) {
        if (spec.target_corridors > 0 && int(s.corridors.size()) >= spec.target_corridors) return;
        Corridor c;
        c.id = "c" + std::to_string(s.corridors.size());
        c.name = c.id;
        const GeoPoint p = where[size_t(a)], q = where[size_t(b)];
        // Two bends between the hubs, as drawn corridors have.
        c.centreline = {p,
                        {p.lat_deg + (q.lat_deg - p.lat_deg) / 3 + rng.uniform(-0.004, 0.004), p.lon_deg + (q.lon_deg - p.lon_deg) / 3 + rng.uniform(-0.004, 0.004)},
                        {p.lat_deg + 2 * (q.lat_deg - p.lat_deg) / 3 + rng.uniform(-0.004, 0.004), p.lon_deg + 2 * (q.lon_deg - p.lon_deg) / 3 + rng.uniform(-0.004, 0.004)},
                        q};
        c.width_m = rng.uniform(100, 300);
        const double floor = rng.uniform(30, 70);
        c.band = agl(floor, floor + 40);
        c.speed_limit_m_s = rng.uniform(12, 28);
        c.drone_types = rng.uniform(0, 1) < 0.5 ? std::vector<std::string>{"quad", "octo", "vtol"} : std::vector<std::string>{"octo", "vtol"};
        if (rng.uniform(0, 1) < 0.2) c.approval = "bench-approval";
        s.corridors.push_back(c);
    };
    for (int r = 0; r < spec.rows; ++r) {
        for (int c = 0; c < spec.columns; ++c) {
            const int here = r * spec.columns + c;
            if (c + 1 < spec.columns) add_corridor(here, here + 1);
            if (r + 1 < spec.rows) add_corridor(here, here + spec.columns);
        }
    }
    for (int r = 0; spec.diagonals && r + 1 < spec.rows; ++r) {
        for (int c = 0; c + 1 < spec.columns; c += 2) add_corridor(r * spec.columns + c, (r + 1) * spec.columns + c + 1);
    }
    for (int z = 0; z < spec.zones; ++z) {
        Zone zone;
        zone.id = "z" + std::to_string(z);
        zone.name = zone.id;
        const double u = rng.uniform(0, 1);
        zone.kind = u < 0.4 ? ZoneKind::NoFly : u < 0.8 ? ZoneKind::Controlled : ZoneKind::Restricted;
        if (zone.kind == ZoneKind::Restricted) zone.time_windows = {{7 * 3600, 9 * 3600}};
        const GeoPoint center{lat0 + rng.uniform(0, 1.35), lon0 + rng.uniform(0, 2.0)};
        const double radius = rng.uniform(300, 2500);
        if (z % 2 == 0) {
            zone.shape.kind = ZoneShape::Kind::Circle;
            zone.shape.center = center;
            zone.shape.radius_m = radius;
        } else {
            const int n = 5 + int(rng.uniform(0, 6));
            for (int k = 0; k < n; ++k) {
                const double angle = 2 * 3.14159265358979 * k / n, r = radius * rng.uniform(0.6, 1.0);
                zone.shape.polygon.push_back({center.lat_deg + r * std::sin(angle) / 110574.0,
                                              center.lon_deg + r * std::cos(angle) / (111320.0 * std::cos(center.lat_deg * 3.14159265358979 / 180))});
            }
        }
        zone.band = agl(0, rng.uniform(80, 300));
        s.zones.push_back(zone);
    }
    return s;
}

}  // namespace lowsky::bench
