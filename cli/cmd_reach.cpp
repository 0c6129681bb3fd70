// lowsky reach FILE --from HUB --drone TYPE [--minutes 10,20,30] [--points FILE] [--limit MIN]
//                   [--allow-approvals] [--cell M] [--last-mile M] [--json|--geojson] [-o OUT]
// Where a drone type gets from a hub within so many minutes, through the corridor network and
// in free flight (engine/assist/reach.h); for a list of supplier points, the share within the
// limit, those outside and by how much, and the corridor that would bring most of them inside.
#include <cmath>
#include <cstdio>

#include "assist/reach.h"
#include "cli_common.h"
#include "commands.h"
#include "core/file_io.h"
#include "core/numbers.h"
#include "scenario/scenario_objects.h"

namespace lowsky::cli {

namespace {

const char* kUsage =
    "usage: lowsky reach FILE --from HUB --drone TYPE [--minutes 10,20,30] [--points FILE] [--limit MIN]\n"
    "                   [--allow-approvals] [--cell M] [--last-mile M] [--json|--geojson] [-o OUT]";

// The cells within `seconds` as rectangles, one per run of cells along a row, in lon/lat.
Json band_polygons(const assist::ReachGrid& g, const std::vector<float>& times, double seconds, const LocalFrame& frame, double& area_km2) {
    Json polygons = Json::array();
    area_km2 = 0;
    const double h = g.cell_m / 2;
    for (int y = 0; y < g.rows; ++y) {
        int x = 0;
        while (x < g.cols) {
            auto in = [&](int c) { const float t = times[size_t(y) * size_t(g.cols) + size_t(c)]; return t >= 0 && t <= seconds; };
            if (!in(x)) { ++x; continue; }
            const int x0 = x;
            while (x < g.cols && in(x)) ++x;
            const double w = g.origin.east_m + x0 * g.cell_m - h, e = g.origin.east_m + (x - 1) * g.cell_m + h;
            const double s = g.origin.north_m + y * g.cell_m - h, n = s + g.cell_m;
            Json ring = Json::array();
            for (const LocalPoint p : {LocalPoint{w, s}, LocalPoint{e, s}, LocalPoint{e, n}, LocalPoint{w, n}, LocalPoint{w, s}}) {
                const GeoPoint q = frame.to_geo(p);
                ring.push_back(Json::array({q.lon_deg, q.lat_deg}));
            }
            polygons.push_back(Json::array({ring}));
            area_km2 += (e - w) * (n - s) / 1e6;
        }
    }
    return polygons;
}

std::string minutes_text(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f min", s / 60);
    return text;
}

}  // namespace

int run_reach(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--from", "--drone", "--minutes", "--points", "--limit", "--cell", "--last-mile", "--output"},
                           {"--json", "--geojson", "--allow-approvals"}, error);
    if (!args || args->positional.size() != 1 || !args->option("--from") || !args->option("--drone")) {
        std::fprintf(stderr, "lowsky reach: %s\n%s\n", args ? "a scenario file, --from and --drone are needed" : error.c_str(), kUsage);
        return kUnreadable;
    }
    assist::ReachRequest request;
    request.from = *args->option("--from");
    request.drone_type = *args->option("--drone");
    request.allow_approvals = args->flag("--allow-approvals");
    if (auto m = args->option("--minutes")) {
        request.minutes.clear();
        size_t at = 0;
        while (at <= m->size()) {
            const size_t comma = m->find(',', at);
            const auto v = parse_decimal(m->substr(at, comma == std::string::npos ? std::string::npos : comma - at));
            if (!v || !(*v > 0 && *v <= 1440) || (!request.minutes.empty() && *v <= request.minutes.back())) {
                std::fprintf(stderr, "lowsky reach: --minutes takes rising minutes above 0, such as 10,20,30\n");
                return kUnreadable;
            }
            request.minutes.push_back(*v);
            if (comma == std::string::npos) break;
            at = comma + 1;
        }
    }
    double limit = request.minutes.back();
    if (!number_option(*args, "reach", "--limit", 0.1, 1440, limit) || !number_option(*args, "reach", "--cell", 100, 20000, request.cell_m) ||
        !number_option(*args, "reach", "--last-mile", 0, 100000, request.last_mile_m))
        return kUnreadable;
    const bool json = args->flag("--json"), geojson = args->flag("--geojson");
    if (json && geojson) {
        std::fprintf(stderr, "lowsky reach: --json or --geojson, not both\n");
        return kUnreadable;
    }
    std::vector<assist::ReachPoint> points;
    if (auto p = args->option("--points")) {
        auto bytes = read_file_bytes(*p);
        if (!bytes) {
            std::fprintf(stderr, "lowsky reach: %s\n", bytes.error().to_string().c_str());
            return kUnreadable;
        }
        auto read = assist::read_reach_points(std::string(bytes.value().begin(), bytes.value().end()), *p);
        if (!read) {
            std::fprintf(stderr, "lowsky reach: %s\n", read.error().to_string().c_str());
            return kUnreadable;
        }
        points = std::move(read.value());
    }
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], json, warnings);
    if (!scenario) return kUnreadable;
    const CompiledScenario compiled(*scenario);
    const auto result = assist::reach(compiled, request, points);
    if (!result) {
        std::fprintf(stderr, "lowsky reach: %s\n", result.error().to_string().c_str());
        return kFindings;
    }
    const assist::ReachResult& r = result.value();
    int inside = 0;
    for (const auto& p : r.points) inside += p.network_s >= 0 && p.network_s <= limit * 60;
    std::optional<assist::CorridorSuggestion> suggestion;
    if (!points.empty() && inside < int(points.size())) suggestion = assist::best_new_corridor(*scenario, request, points, limit);

    Json bands = Json::array(), features = Json::array();
    for (double m : request.minutes)
        for (const bool network : {true, false}) {
            double area = 0;
            Json polygons = band_polygons(r.grid, network ? r.grid.network_s : r.grid.free_s, m * 60, compiled.frame(), area);
            bands.push_back(Json{{"minutes", m}, {"kind", network ? "network" : "free_flight"}, {"area_km2", area}});
            features.push_back(Json{{"type", "Feature"}, {"properties", Json{{"minutes", m}, {"kind", network ? "network" : "free_flight"}, {"area_km2", area}}},
                                    {"geometry", Json{{"type", "MultiPolygon"}, {"coordinates", polygons}}}});
        }
    Json point_list = Json::array();
    for (const auto& p : r.points) {
        Json j{{"name", p.point.name}, {"lat_deg", p.point.at.lat_deg}, {"lon_deg", p.point.at.lon_deg},
               {"inside", p.network_s >= 0 && p.network_s <= limit * 60}};
        if (p.network_s >= 0) j.update({{"network_s", p.network_s}, {"via", p.via_hub}, {"over_s", std::max(0.0, p.network_s - limit * 60)}});
        if (p.free_s >= 0) j["free_flight_s"] = p.free_s;
        point_list.push_back(j);
        features.push_back(Json{{"type", "Feature"}, {"properties", j}, {"geometry", Json{{"type", "Point"}, {"coordinates", Json::array({p.point.at.lon_deg, p.point.at.lat_deg})}}}});
    }
    Json hubs = Json::array();
    for (const auto& [id, s] : r.hubs) hubs.push_back(Json{{"hub", id}, {"time_s", s}});
    Json out;
    if (geojson) {
        out = Json{{"type", "FeatureCollection"}, {"features", features}};
    } else {
        out = Json{{"from", r.from}, {"drone_type", r.drone_type}, {"hubs", hubs}, {"bands", bands}, {"limit_min", limit}};
        if (!points.empty()) out.update({{"points", point_list}, {"inside", inside}, {"share_inside", double(inside) / double(points.size())}});
        if (suggestion)
            out["suggestion"] = Json{{"corridor", object_to_json(ScenarioObject{suggestion->corridor})}, {"brought_inside", suggestion->brought_inside}};
    }
    if (json || geojson) {
        const std::string text = out.dump(geojson ? -1 : 2, ' ', false, Json::error_handler_t::replace) + "\n";
        if (auto o = args->option("--output")) return write_output("reach", *o, args->positional[0], std::vector<uint8_t>(text.begin(), text.end())) ? kOk : kUnreadable;
        std::fputs(text.c_str(), stdout);
        return kOk;
    }
    std::printf("from %s, %s: hubs reached through the network\n", r.from.c_str(), r.drone_type.c_str());
    for (const auto& [id, s] : r.hubs) std::printf("  %-20s %s\n", id.c_str(), minutes_text(s).c_str());
    for (const Json& b : bands)
        std::printf("  within %3.0f min, %-11s %8.0f km2\n", b["minutes"].get<double>(), b["kind"].get<std::string>() == "network" ? "network:" : "free flight:",
                    b["area_km2"].get<double>());
    if (!points.empty()) {
        std::printf("%d of %zu points (%.0f %%) within %.0f min through the network\n", inside, points.size(), 100.0 * inside / double(points.size()), limit);
        for (const auto& p : r.points) {
            if (p.network_s >= 0 && p.network_s <= limit * 60) continue;
            if (p.network_s < 0) std::printf("  outside: %s, no hub within %.0f km", p.point.name.c_str(), request.last_mile_m / 1000);
            else std::printf("  outside: %s, %s via %s (%s over)", p.point.name.c_str(), minutes_text(p.network_s).c_str(), p.via_hub.c_str(),
                             minutes_text(p.network_s - limit * 60).c_str());
            if (p.free_s >= 0) std::printf("; free flight %s", minutes_text(p.free_s).c_str());
            std::printf("\n");
        }
        if (suggestion)
            std::printf("the drafted corridor %s (%zu points; lowsky draft makes it) would bring %d more inside\n", suggestion->corridor.id.c_str(),
                        suggestion->corridor.centreline.size(), suggestion->brought_inside);
    }
    return kOk;
}

}  // namespace lowsky::cli
