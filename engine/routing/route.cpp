#include "routing/route.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

#include "validation/validate.h"

namespace lowsky {

namespace {

struct Costs {
    double time_s = 0;
    double energy_wh = 0;
};

Costs operator+(Costs a, Costs b) { return {a.time_s + b.time_s, a.energy_wh + b.energy_wh}; }

// An arc flown at its commanded speed in its band's wind, corner to corner, with what the
// moves into and out of it need (the speed and power at its first and last segment).
struct ArcFlight {
    Costs cruise;
    double first_gs = 0, last_gs = 0, first_w = 0, last_w = 0, first_bearing = 0, last_bearing = 0;
};

}  // namespace

const char* to_string(RouteObjective objective) { return objective == RouteObjective::Fastest ? "fastest" : "least-energy"; }

RoutingNetwork::RoutingNetwork(const CompiledScenario& compiled, RoutingPolicy policy) : compiled_(compiled), policy_(policy) {
    build(validate(compiled));
}

RoutingNetwork::RoutingNetwork(const CompiledScenario& compiled, const ValidationReport& report, RoutingPolicy policy)
    : compiled_(compiled), policy_(policy) {
    build(report);
}

void RoutingNetwork::build(const ValidationReport& report) {
    const Scenario& s = compiled_.scenario();
    corridor_blocked_.assign(s.corridors.size(), 0);
    for (const Finding& f : report.findings) {
        if (f.severity != Severity::Error || f.object_kind != "corridor") continue;
        const Corridor* c = s.find_corridor(f.object);
        if (!c) continue;
        const size_t i = size_t(c - s.corridors.data());
        if (corridor_blocked_[i]) continue;  // the first error says why
        corridor_blocked_[i] = 1;
        blocked_.push_back({f.object, f.check, f.message});
    }
    if (policy_.allow_flagged_corridors) {
        corridor_blocked_.assign(s.corridors.size(), 0);
        blocked_.clear();
    }
    outgoing_.resize(compiled_.nodes().size());
    for (const LocalCorridor& lc : compiled_.corridors()) {
        if (lc.start_node < 0 || lc.end_node < 0 || lc.start_node == lc.end_node || corridor_blocked_[lc.corridor]) continue;
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

std::vector<flight::LegGeometry> leg_geometry(const Route& route) {
    std::vector<flight::LegGeometry> legs;
    legs.reserve(route.legs.size());
    for (const RouteLeg& leg : route.legs) legs.push_back(flight::make_leg(leg.path, leg.height, leg.ground, leg.speed_m_s));
    return legs;
}

flight::Flight fly_route(const flight::Model& model, flight::Powers& powers, const Route& route, GeoPoint origin, GeoPoint destination,
                         flight::Observer* observer) {
    const std::vector<flight::LegGeometry> legs = leg_geometry(route);
    std::vector<const flight::LegGeometry*> order;
    for (const auto& l : legs) order.push_back(&l);
    flight::Flight f(model, powers, true, observer);
    f.start(origin, route.origin_ground, 0);
    if (!route.legs.empty()) f.take_off(route.legs.front().height);
    f.follow(order, &destination);
    f.land(route.destination_ground);
    return f;
}

Result<Route> RoutingNetwork::route(const RouteRequest& q) const {
    const Scenario& s = compiled_.scenario();
    const int from = compiled_.node_index(q.from_hub), to = compiled_.node_index(q.to_hub);
    const Hub* origin = s.find_hub(q.from_hub);
    const Hub* destination = s.find_hub(q.to_hub);
    if (!origin) return make_error("unknown hub \"" + q.from_hub + "\"", "--from");
    if (!destination) return make_error("unknown hub \"" + q.to_hub + "\"", "--to");
    if (from == to) return make_error("origin and destination are the same hub", "--to");
    const DroneType* type = s.find_drone_type(q.drone_type);
    if (!type) return make_error("unknown drone type \"" + q.drone_type + "\"", "--drone");
    if (!origin->serves_type(type->id)) return make_error(origin->id + " does not serve " + type->id + " (its serves list)", "--from");
    if (!destination->serves_type(type->id)) return make_error(destination->id + " does not serve " + type->id + " (its serves list)", "--to");
    const size_t type_index = size_t(type - s.drone_types.data());
    const double payload = q.payload_kg < 0 ? type->max_payload_kg : q.payload_kg;
    if (payload > type->max_payload_kg) return make_error("payload is above the type's maximum", "--payload");

    const flight::Model model = flight::make_model(*type, autopilot_settings(q.firmware, q.settings, *type), s);
    flight::Powers powers(model, payload);
    const double limit = flight::airspeed_limit_m_s(model, payload);
    const HeightAmsl origin_ground(origin->ground_elevation_m_amsl), destination_ground(destination->ground_elevation_m_amsl);

    // Each arc flown at the type's speed in its band's wind (both directions differ in wind).
    const size_t n = arcs_.size();
    const auto& lcs = compiled_.corridors();
    std::vector<ArcFlight> fly(n);
    for (size_t a = 0; a < n; ++a) {
        const Arc& arc = arcs_[a];
        if (!arc.allowed[type_index]) continue;
        const LocalCorridor& lc = lcs[arc.corridor];
        const Corridor& c = s.corridors[arc.corridor];
        const double speed = std::min(arc.speed_limit_m_s, type->cruise_speed_m_s);
        const energy::WindVector wind = energy::wind_at(s.wind, lc.middle().over(lc.ground));
        const size_t segments = c.centreline.size() - 1;
        ArcFlight& af = fly[a];
        for (size_t k = 0; k < segments; ++k) {
            const size_t i = arc.reversed ? segments - k : k, j = arc.reversed ? i - 1 : i + 1;
            const double bearing = std::atan2(lc.points[j].east_m - lc.points[i].east_m, lc.points[j].north_m - lc.points[i].north_m) * 180 / 3.14159265358979323846;
            const double length = std::abs(lc.along_m[j] - lc.along_m[i]);
            const flight::SegmentMotion m = flight::segment_motion(model, limit, speed, bearing, wind);
            const double gs = std::max(m.ground_m_s, flight::Constants::kMinGroundSpeed_m_s);
            const double w = powers.cruise_w(m.airspeed_m_s);
            double t = std::round(length / gs * 1000) / 1000;
            if (k > 0) {
                double d = std::fmod(std::abs(bearing - af.last_bearing), 360.0);
                t += flight::corner_loss_s(model, gs, d > 180 ? 360 - d : d);
            } else {
                af.first_gs = gs, af.first_w = w, af.first_bearing = bearing;
            }
            af.cruise = af.cruise + Costs{t, w * t / 3600};
            af.last_gs = gs, af.last_w = w, af.last_bearing = bearing;
        }
    }
    auto loss = [&](double gs, double w) { const double t = flight::start_or_stop_loss_s(model, gs); return Costs{t, w * t / 3600}; };
    // Vertical moves and landings priced by the profile itself.
    auto vertical_cost = [&](HeightAmsl from_h, HeightAmsl to_h, bool take_off, bool landing) {
        flight::Flight f(model, powers, false);
        f.start({}, from_h, 0);
        if (take_off) f.take_off(to_h);
        else if (landing) f.land(to_h);
        else f.vertical(to_h);
        return Costs{f.totals().time_s, f.totals().energy_wh};
    };
    auto height = [&](size_t a) { return lcs[arcs_[a].corridor].middle(); };
    auto cost = [&](const Costs& c) { return q.objective == RouteObjective::Fastest ? c.time_s : c.energy_wh; };

    // Dijkstra over arcs (so that the move between two corridors can be costed), with one
    // extra state: "landed at the destination".
    const size_t landed = n;
    std::vector<double> best(n + 1, std::numeric_limits<double>::infinity());
    std::vector<int64_t> previous(n + 1, -1);
    using Item = std::pair<double, uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> open;
    for (uint32_t a : outgoing_[size_t(from)]) {
        if (!arcs_[a].allowed[type_index]) continue;
        best[a] = cost(vertical_cost(origin_ground, height(a), true, false) + loss(fly[a].first_gs, fly[a].first_w) + fly[a].cruise);
        open.push({best[a], a});
    }
    while (!open.empty()) {
        const auto [d, a] = open.top();
        open.pop();
        if (d > best[a]) continue;
        if (a == landed) break;
        const Arc& arc = arcs_[a];
        if (arc.to == to) {
            const double total = d + cost(loss(fly[a].last_gs, fly[a].last_w) + vertical_cost(height(a), destination_ground, false, true));
            if (total < best[landed]) { best[landed] = total; previous[landed] = a; open.push({total, uint32_t(landed)}); }
        }
        for (uint32_t b : outgoing_[size_t(arc.to)]) {
            const Arc& next = arcs_[b];
            if (!next.allowed[type_index] || (next.corridor == arc.corridor && next.reversed != arc.reversed)) continue;
            Costs move;
            if (std::abs(height(b).over(height(a))) > 0.01) {
                move = loss(fly[a].last_gs, fly[a].last_w) + vertical_cost(height(a), height(b), false, false) + loss(fly[b].first_gs, fly[b].first_w);
            } else {
                double dd = std::fmod(std::abs(fly[b].first_bearing - fly[a].last_bearing), 360.0);
                const double t = flight::corner_loss_s(model, std::min(fly[a].last_gs, fly[b].first_gs), dd > 180 ? 360 - dd : dd);
                move = {t, fly[b].first_w * t / 3600};
            }
            const double nd = d + cost(move + fly[b].cruise);
            if (nd < best[b]) { best[b] = nd; previous[b] = a; open.push({nd, b}); }
        }
    }
    std::vector<AvoidedCorridor> avoided;
    for (const AvoidedCorridor& b : blocked_) {
        const Corridor* c = s.find_corridor(b.corridor);
        if (c && std::find(c->drone_types.begin(), c->drone_types.end(), type->id) != c->drone_types.end()) avoided.push_back(b);
    }
    if (previous[landed] < 0) {
        std::string why = "no route from " + q.from_hub + " to " + q.to_hub + " for " + type->id + ": no chain of corridors that allow this type connects them";
        for (const auto& b : avoided) why += "; avoided " + b.corridor + " (" + b.check + ": " + b.message + ")";
        return make_error(why);
    }

    // Walk back; the figures are the profile's.
    std::vector<uint32_t> chain;
    for (int64_t a = previous[landed]; a >= 0; a = previous[size_t(a)]) chain.push_back(uint32_t(a));
    std::reverse(chain.begin(), chain.end());
    Route route;
    route.drone_type = type->id;
    route.payload_kg = payload;
    route.origin_ground = origin_ground;
    route.destination_ground = destination_ground;
    route.autopilot = model.autopilot;
    route.avoided = std::move(avoided);
    for (const uint32_t a : chain) {
        const Arc& arc = arcs_[a];
        const Corridor& c = s.corridors[arc.corridor];
        RouteLeg leg;
        leg.corridor = c.id;
        leg.reversed = arc.reversed;
        leg.from_node = compiled_.nodes()[size_t(arc.from)].id;
        leg.to_node = compiled_.nodes()[size_t(arc.to)].id;
        leg.distance_m = arc.length_m;
        leg.speed_m_s = std::min(arc.speed_limit_m_s, type->cruise_speed_m_s);
        leg.height = height(a);
        leg.ground = lcs[arc.corridor].ground;
        leg.path = c.centreline;
        if (arc.reversed) std::reverse(leg.path.begin(), leg.path.end());
        route.legs.push_back(std::move(leg));
    }
    const flight::Flight f = fly_route(model, powers, route, origin->position, destination->position);
    route.phases = f.phases();
    route.time_s = f.totals().time_s;
    route.energy_wh = f.totals().energy_wh;
    route.distance_m = f.totals().distance_m;
    // Each leg's share; before the first leg is the take-off, after the last the landing.
    size_t first = route.phases.size(), last = 0;
    for (size_t i = 0; i < route.phases.size(); ++i) {
        const flight::PhaseCost& p = route.phases[i];
        if (p.leg < 0) continue;
        route.legs[size_t(p.leg)].time_s += p.time_s;
        route.legs[size_t(p.leg)].energy_wh += p.energy_wh;
        first = std::min(first, i);
        last = i;
    }
    for (size_t i = 0; i < route.phases.size(); ++i) {
        const flight::PhaseCost& p = route.phases[i];
        if (i < first) {
            route.climb_s += p.time_s;
        } else if (i > last) {
            route.descent_s += p.time_s;
        } else if (p.leg < 0) {  // the height change between two legs counts to the one it leads into
            size_t j = i;
            while (route.phases[j].leg < 0) ++j;
            route.legs[size_t(route.phases[j].leg)].time_s += p.time_s;
            route.legs[size_t(route.phases[j].leg)].energy_wh += p.energy_wh;
        }
    }
    const flight::EnergyVerdict verdict = flight::energy_verdict(route.energy_wh, *type, s.rules.energy_reserve_fraction);
    route.usable_energy_wh = verdict.usable_wh;
    route.within_battery = verdict.within() && f.headway();
    route.assumptions = std::string("the scenario's wind; ") + to_string(model.autopilot.source) + " of " + to_string(q.firmware) +
                        "; heights AMSL, each corridor's true-height band taken over the lowest hub it touches (no terrain model); " +
                        (type->airframe == Airframe::VtolFixedWing ? "wing-borne cruise at the commanded airspeed, rotor-borne climb and descent"
                                                                  : "the commanded ground speed held in the wind");
    return route;
}

}  // namespace lowsky
