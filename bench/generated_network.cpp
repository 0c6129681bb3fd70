#include "generated_network.h"

#include <algorithm>
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

namespace lowsky::bench {

Scenario generate_day(const DaySpec& spec) {
    Random rng(spec.seed);
    Scenario s;
    s.name = "generated region-wide day: " + std::to_string(spec.orders) + " orders, " + std::to_string(spec.drones) + " drones";
    DroneType quad = make_type("quad", Airframe::Multirotor, 7, 2.5, 800, 18, 40);
    quad.energy.rotor_diameter_m = 0.56;
    s.drone_types = {quad, make_type("vtol", Airframe::VtolFixedWing, 60, 10, 2200, 27, 130)};
    struct City { const char* id; double lat, lon, size; };
    // City centres (Shenzhen's at Longhua, its ring clear of the Hong Kong border); size weighs their demand.
    const City cities[] = {{"shenzhen", 22.650, 114.040, 1.6}, {"longgang", 22.720, 114.247, 1.0}, {"dongguan", 23.021, 113.752, 1.2},
                           {"guangzhou", 23.129, 113.264, 1.8}, {"foshan", 23.022, 113.122, 1.1}, {"jiangmen", 22.579, 113.081, 0.6},
                           {"zhongshan", 22.517, 113.392, 0.8}, {"zhuhai", 22.271, 113.576, 0.9}};
    const std::pair<int, int> links[] = {{0, 1}, {0, 2}, {2, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 7}};
    const double kPi = 3.14159265358979;
    auto corridor = [&](const Hub& a, const Hub& b, double lo, double hi, const std::vector<std::string>& types, double speed) {
        Corridor c;
        c.id = a.id + "-" + b.id;
        c.name = c.id;
        const GeoPoint p = a.position, q = b.position;
        c.centreline = {p, q};
        // Its two lanes 60 m apart (beyond the 50 m conflict radius), yet narrow enough for a spoke
        // and the ring to part within a hub's approach radius.
        c.width_m = 120;
        c.band = agl(lo, hi);
        c.speed_limit_m_s = speed;
        c.drone_types = types;
        s.corridors.push_back(c);
    };
    struct Flow { int from, to; double weight; bool vtol; };
    std::vector<Flow> flows;
    for (const City& city : cities) {
        const size_t first = s.hubs.size();
        for (int k = 0; k < 5; ++k) {
            Hub h;
            h.id = std::string(city.id) + (k == 0 ? "-centre" : "-" + std::to_string(k));
            h.name = h.id;
            h.kind = k == 0 ? HubKind::OperationsCentre : HubKind::Vertiport;
            const double angle = kPi / 4 + (k - 1) * kPi / 2 + rng.uniform(-0.1, 0.1), r = k == 0 ? 0 : rng.uniform(4500, 5500);
            h.position = {city.lat + r * std::sin(angle) / 110574.0, city.lon + r * std::cos(angle) / (111320.0 * std::cos(city.lat * kPi / 180))};
            h.ground_elevation_m_amsl = rng.uniform(2, 30);
            h.serves = k == 0 ? std::vector<std::string>{"quad", "vtol"} : std::vector<std::string>{"quad"};
            s.hubs.push_back(h);
        }
        // Spokes from the centre and a ring around it, both ways.
        for (int k = 1; k <= 4; ++k) {
            const int centre = int(first), spoke = int(first) + k, next = int(first) + k % 4 + 1;
            corridor(s.hubs[size_t(centre)], s.hubs[size_t(spoke)], 75, 110, {"quad"}, 18);
            corridor(s.hubs[size_t(spoke)], s.hubs[size_t(next)], 75, 110, {"quad"}, 18);
            const double w = city.size * rng.uniform(0.7, 1.3);
            flows.push_back({centre, spoke, 2 * w, false});
            flows.push_back({spoke, centre, 2 * w, false});
            flows.push_back({spoke, next, w, false});
            flows.push_back({next, spoke, w, false});
        }
    }
    double intra = 0;
    for (const Flow& f : flows) intra += f.weight;
    const size_t intra_flows = flows.size();
    for (const auto& [a, b] : links) {
        const int ca = a * 5, cb = b * 5;
        corridor(s.hubs[size_t(ca)], s.hubs[size_t(cb)], 20, 45, {"vtol"}, 27);
        flows.push_back({ca, cb, 1, true});
        flows.push_back({cb, ca, 1, true});
    }
    // Nine parcels in ten stay in their city.
    const double intra_orders = 0.9 * spec.orders, inter_orders = 0.1 * spec.orders;
    const double inter_each = inter_orders / double(flows.size() - intra_flows);
    std::vector<double> out_quad(s.hubs.size(), 0), out_vtol(s.hubs.size(), 0);
    for (size_t i = 0; i < flows.size(); ++i) {
        const Flow& f = flows[i];
        const double per_day = i < intra_flows ? intra_orders * f.weight / intra : inter_each;
        const Hub &from = s.hubs[size_t(f.from)], &to = s.hubs[size_t(f.to)];
        s.demand_rates.push_back({from.id, to.id, per_day, f.vtol ? 0.5 : 0.2, f.vtol ? 8.0 : 2.5, f.vtol ? 3600.0 : 1800.0, {}});
        // A VTOL flight is about six times a city hop's length at one and a half times its speed.
        (f.vtol ? out_vtol : out_quad)[size_t(f.from)] += f.vtol ? 4 * per_day : per_day;
    }
    double total = 0;
    for (size_t h = 0; h < s.hubs.size(); ++h) total += out_quad[h] + out_vtol[h];
    for (size_t h = 0; h < s.hubs.size(); ++h) {
        Hub& hub = s.hubs[h];
        int here = 0;
        for (const auto& [type, out] : {std::pair<const char*, double>{"quad", out_quad[h]}, {"vtol", out_vtol[h]}}) {
            const int count = int(std::lround(spec.drones * out / total));
            if (count > 0) s.fleet.push_back({hub.id, type, count});
            here += count;
        }
        hub.pad_count = std::max(2, here / 3);
        hub.energy = EnergySupply::Swap;
        hub.energy_points = std::max(1, here / 4);
        hub.swap_time_s = 90;
    }
    return s;
}

}  // namespace lowsky::bench
