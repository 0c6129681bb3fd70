#include "routing/route.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

#include "energy/energy_model.h"

namespace lowsky {

namespace {

constexpr double kLaneChange_s = 10.0;  // settling into another corridor's lane at a node

double band_height_m(const AltitudeBand& band, double takeoff_elevation_m) {
    const double mid = (band.floor.value_m + band.ceiling.value_m) / 2;
    return band.floor.reference == AltitudeReference::Amsl ? mid - takeoff_elevation_m : mid;
}

struct Costs {
    double time_s = 0;
    double energy_wh = 0;
};

// The vertical side of a flight for one type and payload, computed once per query.
struct Vertical {
    double climb_rate_m_s, descent_rate_m_s, climb_w, descent_w, hover_w;
    Vertical(const DroneType& t, double payload, energy::Air air)
        : climb_rate_m_s(t.climb_rate_m_s), descent_rate_m_s(t.descent_rate_m_s), climb_w(energy::climb_power_w(t, payload, air)),
          descent_w(energy::descent_power_w(t, payload, air)), hover_w(energy::hover_power_w(t, payload, air)) {}

    // Climbing or descending `dh` metres (negative: down).
    Costs change(double dh) const {
        if (dh >= 0) return {dh / climb_rate_m_s, climb_w * dh / climb_rate_m_s / 3600};
        return {-dh / descent_rate_m_s, descent_w * -dh / descent_rate_m_s / 3600};
    }
    // Changing corridors at a node: the altitude change and settling into the new lane.
    Costs transition(double dh) const {
        Costs c = change(dh);
        c.time_s += kLaneChange_s;
        c.energy_wh += hover_w * kLaneChange_s / 3600;
        return c;
    }
};

}  // namespace

const char* to_string(RouteObjective objective) { return objective == RouteObjective::Fastest ? "fastest" : "least-energy"; }

RoutingNetwork::RoutingNetwork(const CompiledScenario& compiled) : compiled_(compiled) {
    const Scenario& s = compiled.scenario();
    outgoing_.resize(compiled.nodes().size());
    for (const LocalCorridor& lc : compiled.corridors()) {
        if (lc.start_node < 0 || lc.end_node < 0 || lc.start_node == lc.end_node) continue;
        const Corridor& c = s.corridors[lc.corridor];
        Arc arc;
        arc.corridor = lc.corridor;
        arc.length_m = lc.length_m;
        arc.speed_limit_m_s = c.speed_limit_m_s;
        arc.allowed.assign(s.drone_types.size(), 0);
        for (size_t t = 0; t < s.drone_types.size(); ++t)
            arc.allowed[t] = std::find(c.drone_types.begin(), c.drone_types.end(), s.drone_types[t].id) != c.drone_types.end();
        for (const bool reversed : {false, true}) {
            if (reversed && c.direction == Direction::OneWay) break;
            arc.reversed = reversed;
            arc.from = reversed ? lc.end_node : lc.start_node;
            arc.to = reversed ? lc.start_node : lc.end_node;
            outgoing_[size_t(arc.from)].push_back(uint32_t(arcs_.size()));
            arcs_.push_back(arc);
        }
    }
}

Result<Route> RoutingNetwork::route(const RouteRequest& q) const {
    const Scenario& s = compiled_.scenario();
    const int from = compiled_.node_index(q.from_hub), to = compiled_.node_index(q.to_hub);
    const Hub* origin = s.find_hub(q.from_hub);
    if (!origin) return make_error("unknown hub \"" + q.from_hub + "\"", "--from");
    if (!s.find_hub(q.to_hub)) return make_error("unknown hub \"" + q.to_hub + "\"", "--to");
    if (from == to) return make_error("origin and destination are the same hub", "--to");
    const DroneType* type = s.find_drone_type(q.drone_type);
    if (!type) return make_error("unknown drone type \"" + q.drone_type + "\"", "--drone");
    const size_t type_index = size_t(type - s.drone_types.data());
    const double payload = q.payload_kg < 0 ? type->max_payload_kg : q.payload_kg;
    if (payload > type->max_payload_kg) return make_error("payload is above the type's maximum", "--payload");
    const energy::Air air{s.rules.air_density_kg_m3};
    const Vertical vertical(*type, payload, air);

    // Per arc: its height (relative to this origin) and the costs of flying it. Both
    // directions of a corridor cost the same, and corridors share a few speed limits.
    const size_t n = arcs_.size();
    std::vector<double> height(n);
    std::vector<Costs> fly(n);
    std::vector<std::pair<double, double>> power_at_speed;  // (speed, cruise power)
    for (size_t a = 0; a < n; ++a) {
        const Arc& arc = arcs_[a];
        if (a > 0 && arcs_[a - 1].corridor == arc.corridor) {
            height[a] = height[a - 1];
            fly[a] = fly[a - 1];
            continue;
        }
        height[a] = band_height_m(s.corridors[arc.corridor].band, origin->ground_elevation_m_amsl);
        const double speed = std::min(arc.speed_limit_m_s, type->cruise_speed_m_s);
        auto cached = std::find_if(power_at_speed.begin(), power_at_speed.end(), [&](const auto& p) { return p.first == speed; });
        double power;
        if (cached != power_at_speed.end()) {
            power = cached->second;
        } else {
            power = energy::cruise_power_w(*type, payload, speed, air);
            if (power_at_speed.size() < 16) power_at_speed.push_back({speed, power});
        }
        const double t = arc.length_m / speed;
        fly[a] = {t, power * t / 3600};
    }
    auto cost = [&](const Costs& c) { return q.objective == RouteObjective::Fastest ? c.time_s : c.energy_wh; };

    // Dijkstra over arcs (so that the altitude change between two corridors can be costed),
    // with one extra state: "landed at the destination".
    const size_t landed = n;
    std::vector<double> best(n + 1, std::numeric_limits<double>::infinity());
    std::vector<int64_t> previous(n + 1, -1);
    using Item = std::pair<double, uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> open;
    for (uint32_t a : outgoing_[size_t(from)]) {
        if (!arcs_[a].allowed[type_index]) continue;
        const Costs up = vertical.change(height[a]);
        best[a] = cost(up) + cost(fly[a]);
        open.push({best[a], a});
    }
    while (!open.empty()) {
        const auto [d, a] = open.top();
        open.pop();
        if (d > best[a]) continue;
        if (a == landed) break;
        const Arc& arc = arcs_[a];
        if (arc.to == to) {
            const double total = d + cost(vertical.change(-height[a]));
            if (total < best[landed]) { best[landed] = total; previous[landed] = a; open.push({total, uint32_t(landed)}); }
        }
        for (uint32_t b : outgoing_[size_t(arc.to)]) {
            const Arc& next = arcs_[b];
            if (!next.allowed[type_index] || (next.corridor == arc.corridor && next.reversed != arc.reversed)) continue;
            const double nd = d + cost(vertical.transition(height[b] - height[a])) + cost(fly[b]);
            if (nd < best[b]) { best[b] = nd; previous[b] = a; open.push({nd, b}); }
        }
    }
    if (previous[landed] < 0) {
        return make_error("no route from " + q.from_hub + " to " + q.to_hub + " for " + type->id +
                          ": no chain of corridors that allow this type connects them");
    }

    // Walk back, then cost each leg in flying order.
    std::vector<uint32_t> chain;
    for (int64_t a = previous[landed]; a >= 0; a = previous[size_t(a)]) chain.push_back(uint32_t(a));
    std::reverse(chain.begin(), chain.end());
    Route route;
    route.payload_kg = payload;
    double last_height = 0;
    for (size_t i = 0; i < chain.size(); ++i) {
        const Arc& arc = arcs_[chain[i]];
        const Corridor& c = s.corridors[arc.corridor];
        RouteLeg leg;
        leg.corridor = c.id;
        leg.reversed = arc.reversed;
        leg.from_node = compiled_.nodes()[size_t(arc.from)].id;
        leg.to_node = compiled_.nodes()[size_t(arc.to)].id;
        leg.distance_m = arc.length_m;
        leg.speed_m_s = std::min(arc.speed_limit_m_s, type->cruise_speed_m_s);
        leg.height_m = height[chain[i]];
        const Costs change = i == 0 ? vertical.change(leg.height_m) : vertical.transition(leg.height_m - last_height);
        if (i == 0) route.climb_s = change.time_s;
        leg.time_s = change.time_s + fly[chain[i]].time_s;
        leg.energy_wh = change.energy_wh + fly[chain[i]].energy_wh;
        leg.path = c.centreline;
        if (arc.reversed) std::reverse(leg.path.begin(), leg.path.end());
        last_height = leg.height_m;
        route.distance_m += leg.distance_m;
        route.time_s += leg.time_s;
        route.energy_wh += leg.energy_wh;
        route.legs.push_back(std::move(leg));
    }
    const Costs down = vertical.change(-last_height);
    route.descent_s = down.time_s;
    route.time_s += down.time_s;
    route.energy_wh += down.energy_wh;
    route.usable_energy_wh = type->battery_wh * (1 - s.rules.energy_reserve_fraction);
    route.within_battery = route.energy_wh <= route.usable_energy_wh;
    route.assumptions = "still air; flat ground (corridor heights taken above the take-off hub); " +
                        std::string(type->airframe == Airframe::VtolFixedWing ? "wing-borne cruise, rotor-borne climb and descent"
                                                                              : (type->energy.kind == EnergyModelKind::Stolaroff ? "Stolaroff forward-flight model" : "Dorling hover model"));
    return route;
}

}  // namespace lowsky
