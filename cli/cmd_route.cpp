// lowsky route FILE --from HUB --to HUB --drone TYPE [--objective fastest|energy] [--payload KG]
//                   [--firmware ardupilot|px4] [--delivery release|land] [--return corridors|rtl|none]
//                   [--allow-flagged] [--json]
// The route and the mission's verdict: the same flight profile and safety gate as `export`.
#include <cstdio>
#include <cstdlib>

#include "airspace/jurisdiction.h"
#include "cli_common.h"
#include "commands.h"
#include "core/numbers.h"
#include "mission/exporters.h"
#include "routing/route.h"

namespace lowsky::cli {

namespace {

const char* kUsage =
    "usage: lowsky route FILE --from HUB --to HUB --drone TYPE [--objective fastest|energy] [--payload KG]\n"
    "                   [--firmware ardupilot|px4] [--delivery release|land] [--return corridors|rtl|none]\n"
    "                   [--allow-flagged] [--json]";

Json phases_json(const std::vector<flight::PhaseCost>& phases) {
    Json out = Json::array();
    for (const auto& p : phases) {
        Json j{{"phase", flight::to_string(p.phase)}, {"time_s", p.time_s}, {"energy_wh", p.energy_wh}, {"distance_m", p.distance_m}};
        if (p.leg >= 0) j["leg"] = p.leg;
        out.push_back(j);
    }
    return out;
}

}  // namespace

int run_route(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--from", "--to", "--drone", "--objective", "--payload", "--firmware", "--delivery", "--return"},
                           {"--json", "--allow-flagged"}, error);
    if (!args || args->positional.size() != 1 || !args->option("--from") || !args->option("--to") || !args->option("--drone")) {
        std::fprintf(stderr, "lowsky route: %s\n%s\n", args ? "a scenario file, --from, --to and --drone are needed" : error.c_str(), kUsage);
        return kUnreadable;
    }
    RouteRequest request{*args->option("--from"), *args->option("--to"), *args->option("--drone"), -1, RouteObjective::Fastest};
    MissionOptions options;
    options.firmware = Firmware::ArduPilot;
    auto bad = [&](const char* what) { std::fprintf(stderr, "lowsky route: %s\n%s\n", what, kUsage); return kUnreadable; };
    if (auto o = args->option("--objective")) {
        if (*o == "energy") request.objective = RouteObjective::LeastEnergy;
        else if (*o != "fastest") return bad("--objective is fastest or energy");
    }
    if (auto o = args->option("--firmware")) {
        if (*o == "px4") options.firmware = Firmware::Px4;
        else if (*o != "ardupilot") return bad("--firmware is ardupilot or px4");
    }
    if (auto o = args->option("--delivery")) {
        if (*o == "land") { options.delivery = Delivery::Land; options.return_mode = ReturnMode::None; }
        else if (*o != "release") return bad("--delivery is release or land");
    }
    if (auto o = args->option("--return")) {
        if (*o == "rtl") options.return_mode = ReturnMode::Rtl;
        else if (*o == "none") options.return_mode = ReturnMode::None;
        else if (*o == "corridors") options.return_mode = ReturnMode::Corridors;
        else return bad("--return is corridors, rtl or none");
    }
    request.firmware = options.firmware;
    if (!number_option(*args, "route", "--payload", 0, 10000, request.payload_kg)) return kUnreadable;
    const bool json = args->flag("--json");
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], json, warnings);
    if (!scenario) return kUnreadable;
    const CompiledScenario compiled(*scenario);
    const RoutingNetwork network(compiled, RoutingPolicy{args->flag("--allow-flagged")});
    const auto route = network.route(request);
    if (!route) {
        if (json) std::printf("%s\n", Json{{"found", false}, {"error", error_json(route.error())}}.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
        else std::fprintf(stderr, "lowsky route: %s\n", route.error().to_string().c_str());
        return kFindings;
    }
    const Route& r = route.value();
    // The mission the operator would export: the gate's verdict, from the same profile.
    auto checked = check_route_mission(compiled, network, request, options);
    std::optional<GateReport> gate;
    if (checked) gate = checked->gate;
    const double origin_ground = r.origin_ground.m;

    if (json) {
        Json legs = Json::array();
        for (const auto& leg : r.legs) {
            Json path = Json::array();
            for (const auto& p : leg.path) path.push_back(Json{{"lat_deg", p.lat_deg}, {"lon_deg", p.lon_deg}});
            legs.push_back(Json{{"corridor", leg.corridor}, {"reversed", leg.reversed}, {"from", leg.from_node}, {"to", leg.to_node},
                                // To the millimetre: a length measured in the local frame (sines) may differ
                                // in its last bit between the platforms' maths libraries.
                                {"distance_m", round_to_decimals(leg.distance_m, 3)}, {"speed_m_s", leg.speed_m_s}, {"height_m_amsl", leg.height.m},
                                {"height_m_above_origin", leg.height.over(r.origin_ground)}, {"ground_m_amsl", leg.ground.m},
                                {"time_s", leg.time_s}, {"energy_wh", leg.energy_wh}, {"path", path}});
        }
        Json crossings = Json::array();
        for (const auto& x : route_crossings(r, *scenario))
            crossings.push_back(Json{{"corridor", x.corridor}, {"lat_deg", x.at.lat_deg}, {"lon_deg", x.at.lon_deg}, {"from", to_string(x.from)},
                                     {"to", to_string(x.to)}, {"approval", x.approval}});
        Json avoided = Json::array();
        for (const auto& a : r.avoided) avoided.push_back(Json{{"corridor", a.corridor}, {"check", a.check}, {"message", a.message}});
        Json mission{{"firmware", to_string(options.firmware)},
                     {"delivery", options.delivery == Delivery::Land ? "land" : "release"},
                     {"return", options.return_mode == ReturnMode::Corridors ? "corridors" : options.return_mode == ReturnMode::Rtl ? "rtl" : "none"}};
        if (gate) {
            Json failures = Json::array();
            for (const auto& f : gate->failures) failures.push_back(Json{{"check", f.check}, {"message", f.message}, {"where", f.where}});
            mission.update(Json{{"time_s", gate->time_s}, {"delivered_s", gate->delivered_s}, {"energy_wh", gate->energy_wh},
                                {"usable_energy_wh", gate->usable_energy_wh}, {"within_battery", gate->within_battery()},
                                {"gate_passed", gate->passed()}, {"failures", failures}, {"phases", phases_json(gate->phases)}});
        } else {
            mission["error"] = error_json(checked.error());
        }
        Json out{{"found", true}, {"from", request.from_hub}, {"to", request.to_hub}, {"drone_type", request.drone_type},
                 {"objective", to_string(request.objective)}, {"payload_kg", r.payload_kg}, {"distance_m", r.distance_m},
                 {"time_s", r.time_s}, {"energy_wh", r.energy_wh}, {"climb_s", r.climb_s}, {"descent_s", r.descent_s},
                 {"usable_energy_wh", r.usable_energy_wh},
                 {"within_battery", gate ? gate->within_battery() : false},
                 {"one_way_within_battery", r.within_battery}, {"origin_ground_m_amsl", origin_ground},
                 {"destination_ground_m_amsl", r.destination_ground.m}, {"assumptions", r.assumptions}, {"legs", legs},
                 {"phases", phases_json(r.phases)}, {"crossings", crossings}, {"avoided", avoided}, {"mission", mission}};
        std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
        return kOk;
    }
    std::printf("%s route from %s to %s for %s carrying %.1f kg (%s, %s)\n", to_string(request.objective), request.from_hub.c_str(),
                request.to_hub.c_str(), request.drone_type.c_str(), r.payload_kg, to_string(options.firmware), to_string(r.autopilot.source));
    std::printf("  take-off %.0f s\n", r.climb_s);
    for (const auto& leg : r.legs) {
        std::printf("  %-28s %-14s -> %-14s %7.2f km  %5.1f m/s  at %4.0f m AMSL (%4.0f above %s)  %6.0f s  %7.1f Wh\n",
                    (leg.corridor + (leg.reversed ? " (rev)" : "")).c_str(), leg.from_node.c_str(), leg.to_node.c_str(), leg.distance_m / 1000,
                    leg.speed_m_s, leg.height.m, leg.height.over(r.origin_ground), request.from_hub.c_str(), leg.time_s, leg.energy_wh);
    }
    std::printf("  landing %.0f s\n", r.descent_s);
    std::printf("one way: %.2f km, %.1f min, %.0f Wh\n", r.distance_m / 1000, r.time_s / 60, r.energy_wh);
    for (const auto& x : route_crossings(r, *scenario))
        std::printf("crosses from %s into %s in %s at %.5f, %.5f: %s\n", jurisdiction_name(x.from), jurisdiction_name(x.to), x.corridor.c_str(), x.at.lat_deg,
                    x.at.lon_deg, x.approval.empty() ? "NO cross-border approval" : ("under cross-border approval \"" + x.approval + "\"").c_str());
    for (const auto& a : r.avoided) std::printf("avoided %s: %s (%s)\n", a.corridor.c_str(), a.message.c_str(), a.check.c_str());
    if (gate) {
        const char* back = options.return_mode == ReturnMode::Corridors ? "back through the corridors" : options.return_mode == ReturnMode::Rtl ? "RTL home" : "no return";
        std::printf("mission (%s, %s): %.1f min, delivered after %.1f min, %.0f Wh of %.0f Wh usable: %s\n",
                    options.delivery == Delivery::Land ? "land" : "hover and release", back, gate->time_s / 60, gate->delivered_s / 60,
                    gate->energy_wh, gate->usable_energy_wh, gate->within_battery() ? "within the battery" : "BEYOND the battery with reserve");
        for (const auto& f : gate->failures) std::printf("  safety gate: %-26s %s (%s)\n", f.check.c_str(), f.message.c_str(), f.where.c_str());
        if (gate->passed()) std::printf("  safety gate: passed\n");
    } else {
        std::printf("mission: %s\n", checked.error().to_string().c_str());
    }
    std::printf("assumes %s\n", r.assumptions.c_str());
    return kOk;
}

}  // namespace lowsky::cli
