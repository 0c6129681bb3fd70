// lowsky route FILE --from HUB --to HUB --drone TYPE [--objective fastest|energy] [--payload KG] [--json]
#include <cstdio>
#include <cstdlib>

#include "cli_common.h"
#include "commands.h"
#include "routing/route.h"

namespace lowsky::cli {

int run_route(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--from", "--to", "--drone", "--objective", "--payload"}, {"--json"}, error);
    const char* usage = "usage: lowsky route FILE --from HUB --to HUB --drone TYPE [--objective fastest|energy] [--payload KG] [--json]";
    if (!args || args->positional.size() != 1 || !args->option("--from") || !args->option("--to") || !args->option("--drone")) {
        std::fprintf(stderr, "lowsky route: %s\n%s\n", args ? "a scenario file, --from, --to and --drone are needed" : error.c_str(), usage);
        return kUnreadable;
    }
    RouteRequest request{*args->option("--from"), *args->option("--to"), *args->option("--drone"), -1, RouteObjective::Fastest};
    if (auto o = args->option("--objective")) {
        if (*o == "energy") request.objective = RouteObjective::LeastEnergy;
        else if (*o != "fastest") { std::fprintf(stderr, "lowsky route: --objective is fastest or energy\n"); return kUnreadable; }
    }
    if (auto p = args->option("--payload")) {
        char* end = nullptr;
        request.payload_kg = std::strtod(p->c_str(), &end);
        if (end == p->c_str() || *end != '\0' || !(request.payload_kg >= 0)) {
            std::fprintf(stderr, "lowsky route: --payload takes kilograms, 0 or more\n");
            return kUnreadable;
        }
    }
    const bool json = args->flag("--json");
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], json, warnings);
    if (!scenario) return kUnreadable;
    const CompiledScenario compiled(*scenario);
    const RoutingNetwork network(compiled);
    const auto route = network.route(request);
    if (!route) {
        if (json) std::printf("%s\n", Json{{"found", false}, {"error", error_json(route.error())}}.dump(2).c_str());
        else std::fprintf(stderr, "lowsky route: %s\n", route.error().to_string().c_str());
        return kFindings;
    }
    const Route& r = route.value();
    if (json) {
        Json legs = Json::array();
        for (const auto& leg : r.legs) {
            Json path = Json::array();
            for (const auto& p : leg.path) path.push_back(Json{{"lat_deg", p.lat_deg}, {"lon_deg", p.lon_deg}});
            legs.push_back(Json{{"corridor", leg.corridor}, {"reversed", leg.reversed}, {"from", leg.from_node}, {"to", leg.to_node},
                                {"distance_m", leg.distance_m}, {"speed_m_s", leg.speed_m_s}, {"height_m", leg.height_m},
                                {"time_s", leg.time_s}, {"energy_wh", leg.energy_wh}, {"path", path}});
        }
        Json out{{"found", true}, {"from", request.from_hub}, {"to", request.to_hub}, {"drone_type", request.drone_type},
                 {"objective", to_string(request.objective)}, {"payload_kg", r.payload_kg}, {"distance_m", r.distance_m},
                 {"time_s", r.time_s}, {"energy_wh", r.energy_wh}, {"climb_s", r.climb_s}, {"descent_s", r.descent_s},
                 {"usable_energy_wh", r.usable_energy_wh}, {"within_battery", r.within_battery}, {"assumptions", r.assumptions}, {"legs", legs}};
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        std::printf("%s route from %s to %s for %s carrying %.1f kg\n", to_string(request.objective), request.from_hub.c_str(),
                    request.to_hub.c_str(), request.drone_type.c_str(), r.payload_kg);
        std::printf("  climb %.0f s\n", r.climb_s);
        for (const auto& leg : r.legs) {
            std::printf("  %-28s %-14s -> %-14s %7.2f km  %5.1f m/s  at %5.0f m  %7.0f s  %8.1f Wh\n", (leg.corridor + (leg.reversed ? " (rev)" : "")).c_str(),
                        leg.from_node.c_str(), leg.to_node.c_str(), leg.distance_m / 1000, leg.speed_m_s, leg.height_m, leg.time_s, leg.energy_wh);
        }
        std::printf("  descent %.0f s\n", r.descent_s);
        std::printf("total %.2f km, %.1f min, %.0f Wh of %.0f Wh usable: %s\n", r.distance_m / 1000, r.time_s / 60, r.energy_wh, r.usable_energy_wh,
                    r.within_battery ? "within the battery" : "BEYOND the battery with reserve");
        std::printf("assumes %s\n", r.assumptions.c_str());
    }
    return kOk;
}

}  // namespace lowsky::cli
