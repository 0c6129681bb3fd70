// [SECTION] Ends and obstacles  [SECTION] Corners the type can turn  [SECTION] Band and
// approvals  [SECTION] Why there is no way  [SECTION] draft_corridor
#include "assist/corridor_draft.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "airspace/jurisdiction.h"
#include "core/text.h"
#include "assist/straight_flight.h"
#include "assist/visibility_search.h"
#include "energy/energy_model.h"
#include "flight/flight.h"

namespace lowsky::assist {

namespace {

constexpr double kPi = 3.14159265358979323846;

// ---- [SECTION] Corners the type can turn ---------------------------------------------------

// The validator's rule (planar::fly_by_fits). The path found bends at many small corners (a
// grown circle is a polygon); where two of them come too close for the type, they become one
// corner where their outer legs meet, when the lines there stay clear.
bool corner_flyable(const std::vector<LocalPoint>& p, size_t k, double radius_m, double half_width_m) {
    return planar::fly_by_fits(planar::turn_angle_deg(p[k - 1], p[k], p[k + 1]), planar::distance(p[k - 1], p[k]), planar::distance(p[k], p[k + 1]),
                               radius_m, half_width_m);
}

bool meet(LocalPoint a, LocalPoint b, LocalPoint c, LocalPoint d, LocalPoint& out) {
    // Where the line a->b, beyond b, meets the line d->c, beyond c.
    const double rx = b.east_m - a.east_m, ry = b.north_m - a.north_m, sx = c.east_m - d.east_m, sy = c.north_m - d.north_m;
    const double den = rx * sy - ry * sx;
    if (std::abs(den) < 1e-12) return false;
    const double qx = d.east_m - a.east_m, qy = d.north_m - a.north_m;
    const double t = (qx * sy - qy * sx) / den, u = (qx * ry - qy * rx) / den;
    if (t < 1 || u < 1) return false;
    out = {a.east_m + t * rx, a.north_m + t * ry};
    return true;
}

void merge_tight_corners(std::vector<LocalPoint>& p, double radius_m, double half_width_m, const VisibilityGraph& graph) {
    for (int guard = 0; guard < 1000; ++guard) {
        bool changed = false;
        for (size_t k = 1; k + 1 < p.size() && !changed; ++k) {
            if (corner_flyable(p, k, radius_m, half_width_m)) continue;
            // A corner whose neighbours see each other goes.
            if (graph.sees(p[k - 1], p[k + 1])) {
                p.erase(p.begin() + long(k));
                changed = true;
                break;
            }
            // Two corners k and k+1 (or k-1 and k) become one where their outer legs meet.
            for (size_t j : {k, k - 1}) {
                if (j < 1 || j + 2 >= p.size()) continue;
                LocalPoint x;
                if (!meet(p[j - 1], p[j], p[j + 1], p[j + 2], x)) continue;
                if (!graph.sees(p[j - 1], x) || !graph.sees(x, p[j + 2])) continue;
                p[j] = x;
                p.erase(p.begin() + long(j) + 1);
                changed = true;
                break;
            }
        }
        if (!changed) return;
    }
}

double length_of(const std::vector<LocalPoint>& p) {
    double m = 0;
    for (size_t k = 0; k + 1 < p.size(); ++k) m += planar::distance(p[k], p[k + 1]);
    return m;
}

// ---- [SECTION] Band and approvals ----------------------------------------------------------

// The draft's band under each jurisdiction's ceiling it enters; notes say what was lowered.
void fit_band(Corridor& corridor, const Scenario& s, std::vector<std::string>& notes) {
    if (corridor.band.ceiling.reference != AltitudeReference::AboveGround) return;
    for (const JurisdictionStretch& stretch : jurisdiction_stretches(corridor.centreline)) {
        const double limit = stretch.jurisdiction == Jurisdiction::Mainland ? s.rules.ceiling_m_agl : s.rules.of(stretch.jurisdiction)->ceiling_m_agl;
        if (corridor.band.ceiling.value_m <= limit) continue;
        corridor.band.ceiling.value_m = std::floor(limit);
        notes.push_back(std::string("its ceiling lowered to ") + metres(corridor.band.ceiling.value_m) + " above ground for " + jurisdiction_name(stretch.jurisdiction));
    }
    if (corridor.band.floor.value_m > corridor.band.ceiling.value_m - 20) corridor.band.floor.value_m = std::max(0.0, corridor.band.ceiling.value_m - 20);
}

// The controlled zones the corridor enters (with its width) and the borders it crosses: the
// approvals it will fly under, named so that nobody mistakes them for granted ones.
void name_approvals(Corridor& corridor, const CompiledScenario& compiled, const std::vector<LocalPoint>& path, std::vector<std::string>& notes) {
    std::vector<std::string> entered;
    for (const LocalZone& lz : compiled.local_zones()) {
        const Zone& zone = compiled.zones()[lz.zone];
        if (zone.kind != ZoneKind::Controlled || bands_overlap(corridor.band, zone.band, 0.0, {}) == Overlap::No) continue;
        for (size_t k = 0; k + 1 < path.size(); ++k)
            if (compiled.segment_to_zone(path[k], path[k + 1], lz).distance_m < corridor.width_m / 2) {
                entered.push_back(zone.id);
                break;
            }
    }
    if (!entered.empty()) {
        std::string list;
        for (const std::string& id : entered) list += (list.empty() ? "" : ", ") + id;
        corridor.approval = "to be sought: controlled airspace " + list;
        notes.push_back("it enters controlled airspace (" + list + "): it needs an approval");
    }
    const std::vector<BorderCrossing> crossings = border_crossings(corridor.centreline);
    if (!crossings.empty()) {
        corridor.border_approval = std::string("to be sought: cross-border approval, ") + jurisdiction_name(crossings.front().from) + " and " + jurisdiction_name(crossings.front().to);
        notes.push_back(std::string("it crosses from ") + jurisdiction_name(crossings.front().from) + " into " + jurisdiction_name(crossings.front().to) + ": it needs a cross-border approval");
    }
}

// ---- [SECTION] Why there is no way ---------------------------------------------------------

// The zone-to-zone gaps among what closes the end in that are narrower than the corridor needs.
std::string narrow_gaps(const CompiledScenario& compiled, const Obstacles& obstacles, const std::vector<uint32_t>& around, double needed_m) {
    std::string out;
    const auto& zones = compiled.local_zones();
    auto local_zone = [&](size_t zone) -> const LocalZone* {
        for (const LocalZone& lz : zones) if (lz.zone == zone) return &lz;
        return nullptr;
    };
    int listed = 0;
    for (size_t i = 0; i < around.size() && listed < 3; ++i)
        for (size_t j = i + 1; j < around.size() && listed < 3; ++j) {
            const ObstacleSource& a = obstacles.sources()[around[i]];
            const ObstacleSource& b = obstacles.sources()[around[j]];
            if (a.kind != ObstacleSource::Kind::Zone || b.kind != ObstacleSource::Kind::Zone) continue;
            const LocalZone* za = local_zone(a.index);
            const LocalZone* zb = local_zone(b.index);
            if (!za || !zb) continue;
            double gap = 1e300;
            if (za->circle && zb->circle) {
                gap = planar::distance(za->center, zb->center) - za->radius_m - zb->radius_m;
            } else {
                const LocalZone* poly = za->circle ? zb : za;
                const LocalZone* other = za->circle ? za : zb;
                for (size_t k = 0; k < poly->polygon.size(); ++k)
                    gap = std::min(gap, compiled.segment_to_zone(poly->polygon[k], poly->polygon[(k + 1) % poly->polygon.size()], *other).distance_m);
            }
            if (gap <= 0 || gap >= needed_m) continue;
            out += "; the gap between " + compiled.zones()[a.index].id + " and " + compiled.zones()[b.index].id + " is " + metres(gap) +
                   ", narrower than the " + metres(needed_m) + " the corridor needs";
            ++listed;
        }
    return out;
}

std::string listed(const Obstacles& obstacles, const std::vector<uint32_t>& sources, size_t most) {
    std::string out;
    for (size_t i = 0; i < sources.size() && i < most; ++i) out += (out.empty() ? "" : ", ") + obstacles.describe(sources[i]);
    if (sources.size() > most) out += " and " + std::to_string(sources.size() - most) + " more";
    return out;
}

// A way flown by the profile (assist/straight_flight.h): what the draft minimises, and whether
// the battery holds for the flight that needs the most (either way of a two-way corridor).
struct Flown {
    double cost = std::numeric_limits<double>::infinity();
    flight::EnergyVerdict verdict;
    bool within = false;
};

struct DraftSearch {
    Result<std::vector<LocalPoint>> path = make_error("not searched");
    size_t corners = 0, expanded = 0;
    Flown flown;
};

// Where the draft's flights are priced: out of the first end, in the middle of the band, over
// the ground a compiled corridor between the two ends takes. The wind is the same everywhere at
// one height, so only the heading matters.
StraightFlightPlace flight_place(const CompiledScenario& compiled, const DraftRequest& request, int from, int to) {
    const HeightAmsl ground = compiled.corridor_ground(from, to);
    const double middle = (CompiledScenario::band_height(request.band.floor, ground).m + CompiledScenario::band_height(request.band.ceiling, ground).m) / 2;
    return {compiled.nodes()[size_t(from)].position, ground.m, middle - ground.m};
}

double payload_of(const DraftRequest& request, const DroneType& type) { return request.payload_kg < 0 ? type.max_payload_kg : request.payload_kg; }

Flown fly_both(const Scenario& s, const DroneType& type, const DraftRequest& request, const StraightFlightPlace& place, const std::vector<GeoPoint>& line) {
    const CorridorFlight there = fly_corridor(s, type, payload_of(request, type), place, line);
    CorridorFlight back = there;
    if (request.direction == Direction::TwoWay) back = fly_corridor(s, type, payload_of(request, type), place, {line.rbegin(), line.rend()});
    Flown f;
    const bool time = request.objective == RouteObjective::Fastest;
    f.cost = ((time ? there.time_s : there.energy_wh) + (time ? back.time_s : back.energy_wh)) / 2;
    f.verdict = flight::energy_verdict(std::max(there.energy_wh, back.energy_wh), type, s.rules.energy_reserve_fraction);
    f.within = f.verdict.within();
    return f;
}

// The centreline between the ends around what `rules` keeps it out of, its corners merged
// where the type cannot turn them; or why there is none.
DraftSearch search_path(const CompiledScenario& compiled, const DraftRequest& request, const ObstacleRules& rules, const StraightFlightPlace& place, const Node& a,
                        const Node& b, const DraftControl& control) {
    DraftSearch out;
    const Obstacles obstacles(compiled, rules);
    for (const Node* end : {&a, &b}) {
        std::vector<uint32_t> in;
        for (uint32_t piece : obstacles.containing(end->local)) {
            const uint32_t source = obstacles.pieces()[piece].source;
            if (std::find(in.begin(), in.end(), source) == in.end()) in.push_back(source);
        }
        if (in.empty()) continue;
        out.path = make_error(end->id + " lies in or within " + metres(request.width_m / 2) + " (half the corridor's width) of " + listed(obstacles, in, 4) +
                                  (request.allow_approvals ? "" : "; allow approvals to draft through controlled airspace"),
                              end == &a ? "from" : "to", "draft.end_blocked");
        return out;
    }
    const VisibilityGraph graph(obstacles);
    out.corners = graph.corners();
    const SearchLimits limits{control.stop, control.progress, request.time_limit_s};
    const Scenario& s = compiled.scenario();
    const DroneType* type = s.find_drone_type(request.drone_type);
    const bool both_ways = request.direction == Direction::TwoWay;
    const LegCost cost(StraightFlights(s, *type, payload_of(request, *type), place, type->cruise_speed_m_s), request.objective, both_ways);
    const PathSearch search = graph.cheapest(a.local, b.local, cost, limits);
    out.expanded = search.expanded;
    if (search.cancelled) {
        out.path = make_error("the draft was cancelled", "", "draft.cancelled");
    } else if (search.timed_out) {
        char limit[32];
        std::snprintf(limit, sizeof limit, "%g s", request.time_limit_s);
        out.path = make_error(std::string("no draft within the time limit of ") + limit, "", "draft.timeout");
    } else if (!search.found && graph.cheapest(a.local, b.local, LegCost(), limits).found) {
        out.path = make_error("the wind leaves " + request.drone_type + " no headway on a heading every way from " + a.id + " to " + b.id + " needs", "",
                              "draft.no_headway");
    } else if (!search.found) {
        // Which end is closed in: the side that reached fewer corners.
        const PathSearch back = graph.cheapest(b.local, a.local, LegCost(), limits);
        const bool a_closed = search.reached <= back.reached;
        std::vector<uint32_t> around = a_closed ? search.frontier : back.frontier;
        // And what a look all round from the closed end meets first (it may reach no corner).
        const LocalPoint end = a_closed ? a.local : b.local;
        for (int k = 0; k < 36; ++k) {
            const double angle = k * kPi / 18;
            const int64_t hit = obstacles.first_hit(end, {end.east_m + 1e6 * std::cos(angle), end.north_m + 1e6 * std::sin(angle)});
            if (hit < 0) continue;
            const uint32_t source = obstacles.pieces()[size_t(hit)].source;
            if (std::find(around.begin(), around.end(), source) == around.end()) around.push_back(source);
        }
        const double needed = request.width_m + 2 * rules.margin_m;
        out.path = make_error("no way from " + a.id + " to " + b.id + " for a corridor " + metres(request.width_m) + " wide: " + (a_closed ? a.id : b.id) +
                                  " is closed in by " + listed(obstacles, around, 6) + narrow_gaps(compiled, obstacles, around, needed) +
                                  (request.allow_approvals ? "" : " (allow approvals to draft through controlled airspace)"),
                              "", "draft.walled_in");
    } else {
        // The search prices each leg at its own heading's speed; a corridor is flown at one
        // commanded speed, the lowest its segments allow. So the way it found and the shortest
        // way are both flown by the profile, and the cheaper kept (in still air they are one),
        // unless only the other is within the battery.
        auto flown = [&](std::vector<LocalPoint> path, Flown& f) {
            merge_tight_corners(path, type->min_turn_radius_m, request.width_m / 2, graph);
            std::vector<GeoPoint> line{a.position};
            for (size_t k = 1; k + 1 < path.size(); ++k) line.push_back(compiled.frame().to_geo(path[k]));
            line.push_back(b.position);
            f = fly_both(s, *type, request, place, line);
            return path;
        };
        std::vector<LocalPoint> path = flown(search.path, out.flown);
        if (!cost.is_length()) {
            const PathSearch shortest = graph.cheapest(a.local, b.local, LegCost(), limits);
            out.expanded += shortest.expanded;
            Flown theirs;
            std::vector<LocalPoint> other = shortest.found ? flown(shortest.path, theirs) : std::vector<LocalPoint>{};
            const bool better = theirs.within != out.flown.within ? theirs.within : theirs.cost < out.flown.cost;
            if (shortest.found && better) path = std::move(other), out.flown = theirs;
        }
        out.path = std::move(path);
    }
    return out;
}

}  // namespace

// ---- [SECTION] draft_corridor ---------------------------------------------------------------

Result<CorridorDraft> draft_corridor(const CompiledScenario& compiled, const DraftRequest& request, const DraftControl& control) {
    const Scenario& s = compiled.scenario();
    const int from = compiled.node_index(request.from), to = compiled.node_index(request.to);
    if (from < 0) return make_error("no hub or junction \"" + request.from + "\"", "from", "draft.unknown_end");
    if (to < 0) return make_error("no hub or junction \"" + request.to + "\"", "to", "draft.unknown_end");
    if (from == to) return make_error("a corridor needs two different ends", "to", "draft.same_end");
    const DroneType* type = s.find_drone_type(request.drone_type);
    if (!type) return make_error("no drone type \"" + request.drone_type + "\"", "drone", "draft.unknown_type");
    if (!(request.width_m > 0) || request.width_m > 5000) return make_error("the width must be above 0 and at most 5 km", "width", "draft.bad_width");

    const Node& a = compiled.nodes()[size_t(from)];
    const Node& b = compiled.nodes()[size_t(to)];
    ObstacleRules rules;
    rules.half_width_m = request.width_m / 2;
    rules.band = request.band;
    rules.allow_controlled = request.allow_approvals;
    rules.avoid_restricted = request.avoid_restricted;
    rules.end_nodes = {from, to};
    // Hong Kong and Macau, where neither end is, stay out of the way unless there is no other.
    for (Jurisdiction j : {Jurisdiction::HongKong, Jurisdiction::Macau})
        if (jurisdiction_at(a.position) != j && jurisdiction_at(b.position) != j) rules.keep_out_of.push_back(j);
    const StraightFlightPlace place = flight_place(compiled, request, from, to);
    DraftSearch found = search_path(compiled, request, rules, place, a, b, control);
    if (!found.path && found.path.error().code == "draft.walled_in" && !rules.keep_out_of.empty() && request.allow_approvals) {
        rules.keep_out_of.clear();
        found = search_path(compiled, request, rules, place, a, b, control);
    }
    if (!found.path) return found.path.error();
    std::vector<LocalPoint> path = found.path.value();

    CorridorDraft draft;
    draft.corners = found.corners;
    draft.expanded = found.expanded;
    draft.cost = found.flown.cost;
    draft.length_m = length_of(path);
    draft.straight_m = planar::distance(a.local, b.local);
    Corridor& c = draft.corridor;
    c.id = request.id.empty() ? "draft-" + a.id + "-" + b.id : request.id;
    c.name = "Draft: " + a.id + " to " + b.id;
    c.width_m = request.width_m;
    c.band = request.band;
    c.speed_limit_m_s = type->cruise_speed_m_s;
    c.drone_types = {type->id};
    c.direction = request.direction;
    c.centreline.push_back(a.position);
    for (size_t k = 1; k + 1 < path.size(); ++k) c.centreline.push_back(compiled.frame().to_geo(path[k]));
    c.centreline.push_back(b.position);
    fit_band(c, s, draft.notes);
    const bool crosses = !border_crossings(c.centreline).empty();
    if (crosses && !request.allow_approvals)
        return make_error("the way from " + a.id + " to " + b.id + " crosses a border: a cross-border corridor needs the approval of each authority; allow approvals to draft it",
                          "", "draft.crosses_border");
    name_approvals(c, compiled, path, draft.notes);
    char load[32];
    std::snprintf(load, sizeof load, "%.1f kg", payload_of(request, *type));
    const double range = energy::cruise_range_m(*type, payload_of(request, *type), s.rules.energy_reserve_fraction, energy::Air{s.rules.air_density_kg_m3});
    if (draft.length_m > range)
        return make_error("the draft from " + a.id + " to " + b.id + " is " + metres(draft.length_m) + " long, beyond the " + metres(range) + " " + type->id +
                              " flies with " + load + " and its reserve",
                          "", "draft.beyond_range");
    // Within its range in still air, but the wind may make one way too long for the battery:
    // said, not refused (the lane may serve calmer days, or lighter loads; each flight's gate decides).
    if (!found.flown.within) {
        char needed[32], usable[32];
        std::snprintf(needed, sizeof needed, "%.0f Wh", found.flown.verdict.needed_wh);
        std::snprintf(usable, sizeof usable, "%.0f Wh", found.flown.verdict.usable_wh);
        draft.notes.push_back(std::string("in the scenario's wind, flown ") + (request.direction == Direction::TwoWay ? "the harder way " : "") + "with " + load +
                              ", it needs " + needed + ", more than the " + usable + " " + type->id + " has above its reserve");
    }
    return draft;
}

}  // namespace lowsky::assist
