// [SECTION] Times through the network and in free flight
// [SECTION] The corridor that brings most inside  [SECTION] Reading points
#include "assist/reach.h"

#include <algorithm>
#include <cmath>

#include "assist/corridor_draft.h"
#include "assist/visibility_search.h"
#include "core/json_read.h"
#include "core/numbers.h"
#include "energy/wind.h"
#include "flight/flight.h"
#include "geo/geodesy.h"
#include "routing/route.h"

namespace lowsky::assist {

namespace {

constexpr double kPi = 3.14159265358979323846;
// Free flight in the middle of the usual band.
double cruise_agl_m() { return (usual_band().floor.value_m + usual_band().ceiling.value_m) / 2; }

// Free flight out of a hub at its maximum payload, in the middle of the usual band.
StraightFlights straight_out(const Scenario& s, const DroneType& type, const Hub& hub) {
    return StraightFlights(s, type, type.max_payload_kg, {hub.position, hub.ground_elevation_m_amsl, cruise_agl_m()});
}

double bearing_of(LocalPoint from, LocalPoint to) {
    const double b = std::atan2(to.east_m - from.east_m, to.north_m - from.north_m) * 180 / kPi;
    return b < 0 ? b + 360 : b;
}

}  // namespace

// ---- [SECTION] Times through the network and in free flight ---------------------------------

namespace {

struct ReachedHub {
    const Hub* hub;
    LocalPoint at;
    double seconds;
    StraightFlights clock;  // a flight straight out of it
};

// Through the network: the best hub's time, and the last mile from it when beyond its approach radius.
double network_time(const std::vector<ReachedHub>& hubs, const VisibilityGraph& graph, LocalPoint p, double approach_m, double last_mile_m,
                    std::string* via) {
    double best = -1;
    for (const ReachedHub& h : hubs) {
        const double d = planar::distance(h.at, p);
        double t = h.seconds;
        if (d > approach_m) {
            if (d > last_mile_m || !graph.sees(h.at, p)) continue;
            const double leg = h.clock.seconds(d, bearing_of(h.at, p));
            if (leg < 0) continue;
            t += leg;
        }
        if (best < 0 || t < best) {
            best = t;
            if (via) *via = h.hub->id;
        }
    }
    return best;
}

}  // namespace

Result<ReachResult> reach(const CompiledScenario& compiled, const ReachRequest& request, const std::vector<ReachPoint>& points) {
    const Scenario& s = compiled.scenario();
    const Hub* origin = s.find_hub(request.from);
    if (!origin) return make_error("no hub \"" + request.from + "\"", "from", "reach.unknown_hub");
    const DroneType* type = s.find_drone_type(request.drone_type);
    if (!type) return make_error("no drone type \"" + request.drone_type + "\"", "drone", "reach.unknown_type");
    if (request.cell_m != 0 && !(request.cell_m >= 100)) return make_error("the grid's cells must be 100 m or more", "cell", "reach.bad_cell");
    const LocalFrame& frame = compiled.frame();
    const LocalPoint o = frame.to_local(origin->position);

    ReachResult out;
    out.from = origin->id;
    out.drone_type = type->id;
    // Through the network: the router's time to each hub the type lands at.
    std::vector<ReachedHub> hubs;
    hubs.push_back({origin, o, 0.0, straight_out(s, *type, *origin)});
    const RoutingNetwork network(compiled);
    for (const Hub& h : s.hubs) {
        if (&h == origin) continue;
        const auto route = network.route(RouteRequest{origin->id, h.id, type->id});
        if (!route) continue;
        hubs.push_back({&h, frame.to_local(h.position), route->time_s, straight_out(s, *type, h)});
    }
    for (const ReachedHub& h : hubs) out.hubs.push_back({h.hub->id, h.seconds});

    // Free flight: round the zones the rules close, at the usual band.
    ObstacleRules rules;
    rules.half_width_m = 0;
    rules.band = usual_band();
    rules.allow_controlled = request.allow_approvals;
    rules.corridors = false;
    const Obstacles obstacles(compiled, rules);
    const VisibilityGraph graph(obstacles);
    const bool origin_free = obstacles.containing(o).empty();
    // Each leg round them priced by its heading in the wind; take-off, landing and the speed
    // changes as a straight flight toward the point has them.
    const StraightFlights& clock = hubs.front().clock;
    const LegCost cruise(clock, RouteObjective::Fastest, false);
    const std::vector<double> from_origin = origin_free ? graph.costs_from(o, 1e6, cruise) : std::vector<double>{};
    auto free_time = [&](LocalPoint p) {
        if (!origin_free || !obstacles.containing(p).empty()) return -1.0;
        const double t = graph.cost_to(o, from_origin, p, cruise), fixed = clock.seconds(0, bearing_of(o, p));
        if (!std::isfinite(t) || fixed < 0) return -1.0;
        return fixed + t;
    };

    const double approach = s.rules.hub_approach_radius_m;
    for (const ReachPoint& point : points) {
        PointReach r;
        r.point = point;
        const LocalPoint p = frame.to_local(point.at);
        r.network_s = network_time(hubs, graph, p, approach, request.last_mile_m, &r.via_hub);
        r.free_s = free_time(p);
        out.points.push_back(std::move(r));
    }
    // The grid over the hubs' box and a margin (none asked for: the points alone).
    if (request.cell_m == 0) return out;
    planar::Box box;
    for (const Hub& h : s.hubs) box.add(frame.to_local(h.position));
    box = box.expanded(request.margin_m);
    ReachGrid& g = out.grid;
    g.cell_m = request.cell_m;
    g.cols = std::max(1, int((box.max_e - box.min_e) / g.cell_m));
    g.rows = std::max(1, int((box.max_n - box.min_n) / g.cell_m));
    if (double(g.cols) * g.rows > 4e6) return make_error("the grid would have more than 4 million cells: take larger cells", "cell", "reach.grid_too_big");
    g.origin = {box.min_e + g.cell_m / 2, box.min_n + g.cell_m / 2};
    g.network_s.assign(size_t(g.cols) * size_t(g.rows), -1.0f);
    g.free_s.assign(g.network_s.size(), -1.0f);
    for (int y = 0; y < g.rows; ++y)
        for (int x = 0; x < g.cols; ++x) {
            const LocalPoint p{g.origin.east_m + x * g.cell_m, g.origin.north_m + y * g.cell_m};
            const size_t i = size_t(y) * size_t(g.cols) + size_t(x);
            g.network_s[i] = float(network_time(hubs, graph, p, approach, request.last_mile_m, nullptr));
            g.free_s[i] = float(free_time(p));
        }
    return out;
}

// ---- [SECTION] The corridor that brings most inside -----------------------------------------

std::optional<CorridorSuggestion> best_new_corridor(const Scenario& scenario, const ReachRequest& request, const std::vector<ReachPoint>& points,
                                                    double minutes) {
    const double limit = minutes * 60;
    ReachRequest quick = request;
    quick.cell_m = 0;  // the points are what count here, not the grid
    auto inside = [&](const Scenario& s) {
        const CompiledScenario compiled(s);
        const auto r = reach(compiled, quick, points);
        int n = 0;
        if (r)
            for (const PointReach& p : r->points) n += p.network_s >= 0 && p.network_s <= limit;
        return n;
    };
    const int now = inside(scenario);
    const CompiledScenario compiled(scenario);
    std::optional<CorridorSuggestion> best;
    for (const Hub& h : scenario.hubs) {
        if (h.id == request.from) continue;
        DraftRequest d;
        d.from = request.from;
        d.to = h.id;
        d.drone_type = request.drone_type;
        d.allow_approvals = true;
        const auto draft = draft_corridor(compiled, d);
        if (!draft) continue;
        Scenario with = scenario;
        with.corridors.push_back(draft->corridor);
        const int gained = inside(with) - now;
        if (gained > 0 && (!best || gained > best->brought_inside)) best = CorridorSuggestion{draft->corridor, gained};
    }
    return best;
}

// ---- [SECTION] Reading points ---------------------------------------------------------------

Result<std::vector<ReachPoint>> read_reach_points(const std::string& text, const std::string& source) {
    std::vector<ReachPoint> out;
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
        // Every member read through the checked reader: a member of the wrong type is an error, never an abort.
        auto doc = parse_json_text(text, source);
        if (!doc) return doc.error();
        auto features = JsonObjectReader(doc.value(), source + ": $").array("features");
        if (!features) return make_error("a GeoJSON FeatureCollection of points is expected: " + features.error().message, features.error().where, "reach.bad_points");
        const Json& list = *features.value();
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string path = source + ": $.features[" + std::to_string(i) + "]";
            const JsonObjectReader feature(list[i], path);
            auto geometry = feature.object("geometry");
            const JsonObjectReader shape(geometry ? *geometry.value() : list[i], path + ".geometry");
            auto type = shape.string("type");
            if (!geometry || !type || type.value() != "Point") return make_error("not a Point feature", path, "reach.bad_points");
            auto coordinates = shape.array("coordinates");
            const Json* c = coordinates ? coordinates.value() : nullptr;
            if (!c || c->size() < 2 || !(*c)[0].is_number() || !(*c)[1].is_number())
                return make_error("coordinates must be [longitude, latitude]", path + ".geometry.coordinates", "reach.bad_points");
            const double lon = (*c)[0].get<double>(), lat = (*c)[1].get<double>();
            if (!(std::abs(lat) <= 90 && std::abs(lon) <= 180)) return make_error("a position off the Earth", path + ".geometry.coordinates", "reach.bad_points");
            std::string name = "#" + std::to_string(i + 1);
            const Json* properties = feature.member_value("properties");
            if (properties && properties->is_object()) {
                const Json* given = JsonObjectReader(*properties, path + ".properties").member_value("name");
                if (given && given->is_string()) name = given->get<std::string>();
            }
            out.push_back({name, {lat, lon}});
        }
        return out;
    }
    // CSV: name,lat,lon or lat,lon; a first line that is not numbers is a header.
    size_t line_no = 0, start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (end == text.size()) break;
            continue;
        }
        std::vector<std::string> cells;
        size_t at = 0;
        while (true) {
            const size_t comma = line.find(',', at);
            cells.push_back(line.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
            if (comma == std::string::npos) break;
            at = comma + 1;
        }
        const std::string where = source + ":" + std::to_string(line_no);
        if (cells.size() != 2 && cells.size() != 3) return make_error("expected name,lat,lon or lat,lon", where, "reach.bad_points");
        for (std::string& c : cells) {
            const size_t a = c.find_first_not_of(" \t\""), b = c.find_last_not_of(" \t\"");
            c = a == std::string::npos ? std::string() : c.substr(a, b - a + 1);
        }
        const size_t k = cells.size() - 2;
        const auto lat = parse_decimal(cells[k]), lon = parse_decimal(cells[k + 1]);
        if (!lat || !lon) {
            if (line_no == 1 && out.empty()) continue;  // a header
            return make_error("\"" + cells[k] + "\", \"" + cells[k + 1] + "\" are not a latitude and a longitude", where, "reach.bad_points");
        }
        if (!(std::abs(*lat) <= 90 && std::abs(*lon) <= 180)) return make_error("a position off the Earth", where, "reach.bad_points");
        out.push_back({k == 1 ? cells[0] : "line " + std::to_string(line_no), {*lat, *lon}});
        if (out.size() > 1000000) return make_error("more than a million points", where, "reach.bad_points");
        if (end == text.size()) break;
    }
    return out;
}

}  // namespace lowsky::assist
