#include "routing/route.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

#include "airspace/jurisdiction.h"
#include "core/numbers.h"
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
    uint32_t query = 0;         // the query that priced it (entries of other queries are stale)
    double speed = 0;           // commanded
    Costs cruise, start, stop;  // start: from rest into it; stop: to rest at its end
    double first_gs = 0, last_gs = 0, first_w = 0;
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
    std::vector<std::pair<size_t, std::string>> type_excluded;  // (corridor, type): an error that concerns one type only
    for (const Finding& f : report.findings) {
        if (policy_.allow_flagged_corridors) break;
        if (f.severity != Severity::Error || f.object_kind != "corridor") continue;
        if (f.check == "corridor.below_min_airspeed") {
            if (const Corridor* c = s.find_corridor(f.object)) type_excluded.push_back({size_t(c - s.corridors.data()), f.other});
            continue;
        }
        const Corridor* c = s.find_corridor(f.object);
        if (!c) continue;
        const size_t i = size_t(c - s.corridors.data());
        if (corridor_blocked_[i]) continue;  // the first error says why
        corridor_blocked_[i] = 1;
        blocked_.push_back({f.object, f.check, f.message});
    }
    avoided_by_type_.resize(s.drone_types.size());
    for (const AvoidedCorridor& b : blocked_) {
        const Corridor* c = s.find_corridor(b.corridor);
        for (size_t t = 0; t < s.drone_types.size(); ++t)
            if (c && std::find(c->drone_types.begin(), c->drone_types.end(), s.drone_types[t].id) != c->drone_types.end()) avoided_by_type_[t].push_back(b);
    }
    outgoing_.resize(compiled_.nodes().size());
    for (const LocalCorridor& lc : compiled_.corridors()) {
        if (lc.start_node < 0 || lc.end_node < 0 || lc.start_node == lc.end_node || corridor_blocked_[lc.corridor]) continue;
        const Corridor& c = s.corridors[lc.corridor];
        Arc arc;
        arc.corridor = lc.corridor;
        arc.length_m = lc.length_m;
        arc.speed_limit_m_s = c.speed_limit_m_s;
        arc.height = lc.middle();
        arc.wind = flight::wind_velocity(energy::wind_at(s.wind, lc.middle().over(lc.ground)));
        std::vector<uint8_t> allowed(s.drone_types.size(), 0);
        for (size_t t = 0; t < s.drone_types.size(); ++t) {
            allowed[t] = std::find(c.drone_types.begin(), c.drone_types.end(), s.drone_types[t].id) != c.drone_types.end();
            for (const auto& [corridor, type] : type_excluded)
                if (corridor == lc.corridor && type == s.drone_types[t].id) allowed[t] = 0;
        }
        const flight::LegGeometry forward = flight::make_leg(c.centreline, {}, {}, 0);
        for (const bool reversed : {false, true}) {
            if (reversed && c.direction == Direction::OneWay) break;
            arc.reversed = reversed;
            const flight::LegGeometry geometry = reversed ? flight::make_leg({c.centreline.rbegin(), c.centreline.rend()}, {}, {}, 0) : forward;
            arc.segment_m = geometry.segment_m;
            arc.track = geometry.track;
            arc.from = reversed ? lc.end_node : lc.start_node;
            arc.to = reversed ? lc.start_node : lc.end_node;
            outgoing_[size_t(arc.from)].push_back(uint32_t(arcs_.size()));
            allowed_.insert(allowed_.end(), allowed.begin(), allowed.end());
            for (const DroneType& t : s.drone_types) commanded_.push_back(flight::commanded_speed_m_s(t, arc.speed_limit_m_s, arc.track, arc.wind));
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

Result<Route> RoutingNetwork::route(const RouteRequest& q) const {
    const Scenario& s = compiled_.scenario();
    const int from = compiled_.node_index(q.from_hub), to = compiled_.node_index(q.to_hub);
    const Hub* origin = s.find_hub(q.from_hub);
    const Hub* destination = s.find_hub(q.to_hub);
    if (!origin) return make_error("unknown hub \"" + q.from_hub + "\"", "request.from_hub", "route.unknown_hub");
    if (!destination) return make_error("unknown hub \"" + q.to_hub + "\"", "request.to_hub", "route.unknown_hub");
    if (from == to) return make_error("origin and destination are the same hub", "request.to_hub", "route.same_hub");
    const DroneType* type = s.find_drone_type(q.drone_type);
    if (!type) return make_error("unknown drone type \"" + q.drone_type + "\"", "request.drone_type", "route.unknown_type");
    if (!origin->serves_type(type->id)) return make_error(origin->id + " does not serve " + type->id + " (its serves list)", "request.from_hub", "route.hub_does_not_serve");
    if (!destination->serves_type(type->id)) return make_error(destination->id + " does not serve " + type->id + " (its serves list)", "request.to_hub", "route.hub_does_not_serve");
    const size_t type_index = size_t(type - s.drone_types.data());
    const double payload = q.payload_kg < 0 ? type->max_payload_kg : q.payload_kg;
    if (payload > type->max_payload_kg) return make_error("payload is above the type's maximum", "request.payload_kg", "route.payload");

    const flight::Model model = flight::make_model(*type, autopilot_settings(q.firmware, q.settings, *type), s);
    flight::Powers powers(model, payload);
    const double limit = flight::airspeed_limit_m_s(model, payload);
    const HeightAmsl origin_ground(origin->ground_elevation_m_amsl), destination_ground(destination->ground_elevation_m_amsl);

    // Each arc flown at the type's speed in its band's wind (both directions differ in wind),
    // priced when the search first reaches it.
    const size_t n = arcs_.size(), types = s.drone_types.size();
    const auto& lcs = compiled_.corridors();
    // One buffer per thread, reused across queries: stamped, never cleared (a query would
    // otherwise allocate and zero a few hundred kilobytes on a large network).
    thread_local std::vector<ArcFlight> flown;
    thread_local uint32_t query = 0;
    if (flown.size() < n) flown.resize(n);
    if (++query == 0) {  // wrapped: clear the stamps once
        for (auto& f : flown) f.query = 0;
        query = 1;
    }
    auto fly = [&](size_t a) -> const ArcFlight& {
        ArcFlight& af = flown[a];
        if (af.query == query) return af;
        af = ArcFlight{};
        af.query = query;
        const Arc& arc = arcs_[a];
        const double speed = commanded_[a * types + type_index];
        af.speed = speed;
        if (speed <= 0) {  // the wind leaves no headway at the type's cruise airspeed: not flyable now
            const double inf = std::numeric_limits<double>::infinity();
            af.cruise = af.start = af.stop = {inf, inf};
            return af;
        }
        const flight::WindVelocity wind = arc.wind;
        for (size_t k = 0; k < arc.segment_m.size(); ++k) {
            const flight::SegmentMotion m = flight::segment_motion(model, limit, speed, arc.track[k], wind);
            const double gs = std::max(m.ground_m_s, flight::Constants::kMinGroundSpeed_m_s);
            const double w = powers.cruise_w(m.airspeed_m_s);
            double t = round_half_away(arc.segment_m[k] / gs * 1000) / 1000;
            if (k > 0) t += flight::corner_loss_s(model, gs, arc.track[k - 1], arc.track[k]);
            else af.first_gs = gs, af.first_w = w;
            af.cruise = af.cruise + Costs{t, w * t / 3600};
            af.last_gs = gs;
            if (k + 1 == arc.segment_m.size()) {
                const double stop = flight::start_or_stop_loss_s(model, gs);
                af.stop = {stop, w * stop / 3600};
            }
        }
        const double start = flight::start_or_stop_loss_s(model, af.first_gs);
        af.start = {start, af.first_w * start / 3600};
        return af;
    };
    // Vertical moves and landings priced by the profile's own moves.
    auto vertical_cost = [&](HeightAmsl from_h, HeightAmsl to_h, bool take_off, bool landing) {
        const double dh = to_h.over(from_h);
        const flight::Move m = take_off ? flight::take_off_move(model, powers, dh)
                               : landing ? flight::landing_move(model, powers, -dh)
                                         : flight::vertical_move(model, powers, dh);
        return Costs{m.time_s, m.energy_wh};
    };
    auto height = [&](size_t a) { return arcs_[a].height; };
    auto allowed = [&](size_t a) { return allowed_[a * types + type_index] != 0; };
    auto cost = [&](const Costs& c) { return q.objective == RouteObjective::Fastest ? c.time_s : c.energy_wh; };

    // Dijkstra over arcs (so that the move between two corridors can be costed), with one
    // extra state: "landed at the destination".
    const size_t landed = n;
    std::vector<double> best(n + 1, std::numeric_limits<double>::infinity());
    std::vector<int64_t> previous(n + 1, -1);
    using Item = std::pair<double, uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> open;
    for (uint32_t a : outgoing_[size_t(from)]) {
        if (!allowed(a)) continue;
        const ArcFlight& af = fly(a);
        best[a] = cost(vertical_cost(origin_ground, height(a), true, false) + af.start + af.cruise);
        open.push({best[a], a});
    }
    while (!open.empty()) {
        const auto [d, a] = open.top();
        open.pop();
        if (d > best[a]) continue;
        if (a == landed) break;
        const Arc& arc = arcs_[a];
        const ArcFlight& fa = fly(a);
        if (arc.to == to) {
            const double total = d + cost(fa.stop + vertical_cost(height(a), destination_ground, false, true));
            if (total < best[landed]) { best[landed] = total; previous[landed] = a; open.push({total, uint32_t(landed)}); }
        }
        for (uint32_t b : outgoing_[size_t(arc.to)]) {
            const Arc& next = arcs_[b];
            if (!allowed(b) || (next.corridor == arc.corridor && next.reversed != arc.reversed)) continue;
            const ArcFlight& fb = fly(b);
            Costs move;
            if (std::abs(height(b).over(height(a))) > 0.01) {
                move = fa.stop + vertical_cost(height(a), height(b), false, false) + fb.start;
            } else {
                const double t = flight::corner_loss_s(model, std::min(fa.last_gs, fb.first_gs), arc.track.back(), next.track.front());
                move = {t, fb.first_w * t / 3600};
            }
            const double nd = d + cost(move + fb.cruise);
            if (nd < best[b]) { best[b] = nd; previous[b] = a; open.push({nd, b}); }
        }
    }
    const std::vector<AvoidedCorridor>& avoided = avoided_by_type_[type_index];
    if (previous[landed] < 0) {
        std::string why = "no route from " + q.from_hub + " to " + q.to_hub + " for " + type->id + ": no chain of corridors that allow this type connects them";
        for (const auto& b : avoided) why += "; avoided " + b.corridor + " (" + b.check + ": " + b.message + ")";
        return make_error(why, "", "route.no_route");
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
    route.avoided = avoided;
    route.searched_cost = best[landed];
    for (const uint32_t a : chain) {
        const Arc& arc = arcs_[a];
        const Corridor& c = s.corridors[arc.corridor];
        RouteLeg leg;
        leg.corridor = c.id;
        leg.reversed = arc.reversed;
        leg.from_node = compiled_.nodes()[size_t(arc.from)].id;
        leg.to_node = compiled_.nodes()[size_t(arc.to)].id;
        leg.distance_m = arc.length_m;
        leg.speed_m_s = fly(a).speed;
        leg.height = height(a);
        leg.ground = lcs[arc.corridor].ground;
        leg.path = c.centreline;
        if (arc.reversed) std::reverse(leg.path.begin(), leg.path.end());
        route.legs.push_back(std::move(leg));
    }
    // The figures: the profile flies the legs found (their geometry is the arcs', computed once).
    std::vector<flight::LegGeometry> geometry;
    std::vector<const flight::LegGeometry*> order;
    geometry.reserve(chain.size());
    for (size_t i = 0; i < chain.size(); ++i) {
        const Arc& arc = arcs_[chain[i]];
        const RouteLeg& leg = route.legs[i];
        geometry.push_back({leg.path, arc.segment_m, arc.track, leg.height, leg.ground, leg.speed_m_s, int(arc.corridor)});
        order.push_back(&geometry.back());
    }
    flight::Flight f(model, powers, true);
    f.start(origin->position, origin_ground, 0);
    f.take_off(route.legs.front().height);
    f.follow(order, &destination->position);
    f.land(destination_ground);
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

std::vector<RouteCrossing> route_crossings(const Route& route, const Scenario& scenario) {
    std::vector<RouteCrossing> out;
    for (const RouteLeg& leg : route.legs) {
        const Corridor* corridor = scenario.find_corridor(leg.corridor);
        for (const BorderCrossing& x : border_crossings(leg.path))
            out.push_back({leg.corridor, x.at, x.from, x.to, corridor ? corridor->border_approval : std::string()});
    }
    return out;
}

}  // namespace lowsky
