// [SECTION] The tree  [SECTION] Junctions  [SECTION] Drafting the links  [SECTION] Detours
#include "assist/network_draft.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "assist/corridor_draft.h"
#include "energy/energy_model.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"

namespace lowsky::assist {

namespace {

struct Link {
    int a = 0, b = 0;       // indices into the points
    double per_day = 0;     // the demand whose way through the tree uses it
};

double angle_at(LocalPoint h, LocalPoint u, LocalPoint v) {
    const double a = std::atan2(u.north_m - h.north_m, u.east_m - h.east_m), b = std::atan2(v.north_m - h.north_m, v.east_m - h.east_m);
    double d = std::abs(a - b);
    return d > M_PI ? 2 * M_PI - d : d;
}

}  // namespace

Result<NetworkDraft> draft_network(const Scenario& scenario, const NetworkRequest& request, const std::function<bool()>& stop) {
    const auto started = std::chrono::steady_clock::now();
    auto out_of_time = [&] {
        return (stop && stop()) || std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() > request.time_limit_s;
    };
    Scenario work = scenario;
    work.corridors.clear();
    work.junctions.clear();
    const size_t n = work.hubs.size();
    if (n < 2) return make_error("a network needs two hubs or more", "hubs", "network.too_few_hubs");
    // The type: the one asked for, or the one that flies farthest.
    const DroneType* type = request.drone_type.empty() ? nullptr : work.find_drone_type(request.drone_type);
    if (!request.drone_type.empty() && !type) return make_error("no drone type \"" + request.drone_type + "\"", "drone", "network.unknown_type");
    const energy::Air air{work.rules.air_density_kg_m3};
    for (const DroneType& t : work.drone_types)
        if (!type || energy::cruise_range_m(t, t.max_payload_kg, work.rules.energy_reserve_fraction, air) >
                         energy::cruise_range_m(*type, type->max_payload_kg, work.rules.energy_reserve_fraction, air))
            if (request.drone_type.empty()) type = &t;
    if (!type) return make_error("the scenario has no drone type", "drone_types", "network.no_type");

    // ---- [SECTION] The tree: Prim's, on straight distances ------------------------------------
    std::vector<LocalPoint> points;
    {
        const CompiledScenario compiled(work);
        for (const Hub& h : work.hubs) points.push_back(compiled.frame().to_local(h.position));
    }
    std::vector<Link> links;
    std::vector<char> in(n, 0);
    std::vector<double> best(n, 1e300);
    std::vector<int> from(n, -1);
    best[0] = 0;
    for (size_t step = 0; step < n; ++step) {
        size_t u = n;
        for (size_t i = 0; i < n; ++i) if (!in[i] && (u == n || best[i] < best[u])) u = i;
        in[u] = 1;
        if (from[u] >= 0) links.push_back({from[u], int(u)});
        for (size_t v = 0; v < n; ++v)
            if (!in[v] && planar::distance(points[u], points[v]) < best[v]) best[v] = planar::distance(points[u], points[v]), from[v] = int(u);
    }

    // ---- [SECTION] Junctions: where two links leave a node less than 120 degrees apart, the
    // point that makes the three ends' links shortest (Fermat's) joins them, so that one trunk
    // serves both (a shortest tree's links never meet closer than 60 degrees).
    NetworkDraft out;
    const CompiledScenario zones_only(work);
    for (size_t h = 0; h < n; ++h) {
        std::vector<size_t> mine;
        for (size_t k = 0; k < links.size(); ++k) if (links[k].a == int(h) || links[k].b == int(h)) mine.push_back(k);
        double narrowest = 2 * M_PI / 3;
        std::pair<size_t, size_t> pair{SIZE_MAX, SIZE_MAX};
        auto other = [&](size_t k) { return links[k].a == int(h) ? links[k].b : links[k].a; };
        for (size_t i = 0; i < mine.size(); ++i)
            for (size_t j = i + 1; j < mine.size(); ++j) {
                const double angle = angle_at(points[h], points[size_t(other(mine[i]))], points[size_t(other(mine[j]))]);
                if (angle < narrowest) narrowest = angle, pair = {mine[i], mine[j]};
            }
        if (pair.first == SIZE_MAX) continue;
        const int u = other(pair.first), v = other(pair.second);
        const LocalPoint H = points[h], U = points[size_t(u)], V = points[size_t(v)];
        // Weiszfeld's iteration from the centroid.
        LocalPoint J{(H.east_m + U.east_m + V.east_m) / 3, (H.north_m + U.north_m + V.north_m) / 3};
        for (int k = 0; k < 200; ++k) {
            double we = 0, wn = 0, w = 0;
            for (const LocalPoint& p : {H, U, V}) {
                const double d = std::max(1e-3, planar::distance(J, p));
                we += p.east_m / d, wn += p.north_m / d, w += 1 / d;
            }
            J = {we / w, wn / w};
        }
        const double before = planar::distance(H, U) + planar::distance(H, V);
        const double after = planar::distance(J, H) + planar::distance(J, U) + planar::distance(J, V);
        if (after > 0.99 * before) continue;  // not worth a junction
        bool near_node = false;
        for (const LocalPoint& p : points) near_node |= planar::distance(p, J) < 2 * work.rules.hub_approach_radius_m;
        const GeoPoint at = zones_only.frame().to_geo(J);
        bool closed = false;  // in a zone the links could not enter
        for (size_t z : zones_only.zones_met(at, at)) {
            const ZoneKind kind = zones_only.zones()[zones_only.local_zones()[z].zone].kind;
            closed |= kind != ZoneKind::Controlled || !request.allow_approvals;
        }
        if (near_node || closed) continue;  // never at a hub's door or in a closed zone
        Junction j;
        j.id = "j-draft-" + std::to_string(out.junctions.size() + 1);
        j.position = at;
        out.junctions.push_back(j);
        const int jn = int(points.size());
        points.push_back(J);
        links[pair.first] = {int(h), jn};
        links[pair.second] = {jn, u};
        links.push_back({jn, v});
    }
    work.junctions = out.junctions;
    auto id_of = [&](int i) { return i < int(n) ? work.hubs[size_t(i)].id : work.junctions[size_t(i) - n].id; };

    // ---- [SECTION] Drafting the links, the busiest first ---------------------------------------
    // A link's demand: of every pair, along its way through the tree.
    std::map<std::pair<std::string, std::string>, double> demand;
    for (const DemandRate& r : work.demand_rates) demand[std::minmax(r.from, r.to)] += r.per_day;
    for (const Order& o : work.orders) demand[std::minmax(o.from, o.to)] += 1;
    std::vector<std::vector<int>> adjacent(points.size());
    for (size_t k = 0; k < links.size(); ++k) adjacent[size_t(links[k].a)].push_back(int(k)), adjacent[size_t(links[k].b)].push_back(int(k));
    auto hub_index = [&](const std::string& id) {
        for (size_t i = 0; i < n; ++i) if (work.hubs[i].id == id) return int(i);
        return -1;
    };
    for (const auto& [pair, per_day] : demand) {
        const int a = hub_index(pair.first), b = hub_index(pair.second);
        if (a < 0 || b < 0 || a == b) continue;
        // The tree's one way from a to b (a search that keeps the link it came by).
        std::vector<int> via(points.size(), -2);
        std::vector<int> queue{a};
        via[size_t(a)] = -1;
        for (size_t q = 0; q < queue.size(); ++q)
            for (int k : adjacent[size_t(queue[q])]) {
                const int next = links[size_t(k)].a == queue[q] ? links[size_t(k)].b : links[size_t(k)].a;
                if (via[size_t(next)] != -2) continue;
                via[size_t(next)] = k;
                queue.push_back(next);
            }
        for (int at = b; at != a && via[size_t(at)] >= 0;) {
            Link& l = links[size_t(via[size_t(at)])];
            l.per_day += per_day;
            at = l.a == at ? l.b : l.a;
        }
    }
    std::stable_sort(links.begin(), links.end(), [&](const Link& x, const Link& y) {
        if (x.per_day != y.per_day) return x.per_day > y.per_day;
        return planar::distance(points[size_t(x.a)], points[size_t(x.b)]) < planar::distance(points[size_t(y.a)], points[size_t(y.b)]);
    });
    for (const Link& l : links) {
        if (out_of_time()) return make_error("the network was not drafted within its time limit", "", "network.timeout");
        const CompiledScenario compiled(work);
        DraftRequest d;
        d.from = id_of(l.a);
        d.to = id_of(l.b);
        d.drone_type = type->id;
        d.width_m = request.width_m;
        d.allow_approvals = request.allow_approvals;
        d.id = "net-" + d.from + "-" + d.to;
        const auto draft = draft_corridor(compiled, d);
        if (!draft) {
            out.not_drafted.push_back(d.from + " to " + d.to + ": " + draft.error().message);
            continue;
        }
        out.total_length_m += draft->length_m;
        // Every type may fly it; where one cannot turn a corner or reach the end, the validator says so.
        Corridor c = draft->corridor;
        c.drone_types.clear();
        for (const DroneType& t : work.drone_types) c.drone_types.push_back(t.id);
        work.corridors.push_back(std::move(c));
    }
    out.corridors = work.corridors;

    // ---- [SECTION] Detours: each demand pair's way through the network -----------------------
    const CompiledScenario compiled(work);
    const RoutingNetwork network(compiled, RoutingPolicy{true});
    for (const auto& [pair, per_day] : demand) {
        const Hub* a = work.find_hub(pair.first);
        const Hub* b = work.find_hub(pair.second);
        if (!a || !b) continue;
        PairDetour p{pair.first, pair.second, per_day, planar::distance(compiled.frame().to_local(a->position), compiled.frame().to_local(b->position))};
        for (const DroneType& t : work.drone_types) {  // any type the two hubs serve
            const auto route = network.route(RouteRequest{pair.first, pair.second, t.id});
            if (route && (p.network_m < 0 || route->distance_m < p.network_m)) p.network_m = route->distance_m;
        }
        out.pairs.push_back(p);
    }
    return out;
}

}  // namespace lowsky::assist
