// lowsky flight FILE [--from HUB --to HUB --drone TYPE [--payload KG]] [--json]
// The flight profile's figures: for the seed routes and a short hop (or one route), the
// predicted time per phase of the one-way flight under ArduCopter's defaults, PX4's defaults
// and lowsky's parameter set, and the safety gate's time and energy for each return mode.
#include <cstdio>
#include <cstdlib>
#include <map>

#include "cli_common.h"
#include "commands.h"
#include "mission/exporters.h"

namespace lowsky::cli {

namespace {

struct Case {
    std::string from, to, drone;
    double payload_kg;
};

// The seed routes of the default scenario and a short hop.
const std::vector<Case> kSeedCases = {
    {"baoan-ops", "songshan-lake", "vtol-fixed-wing", -1},
    {"xiangzhou-port", "dongao-island", "vtol-fixed-wing", -1},
    {"guzhen", "xinhui", "heavy-octo", 20},
    {"qianhai-hub", "baoan-ops", "quad-light", -1},
};

struct Column {
    const char* name;
    Firmware firmware;
    SettingsSource settings;
};
const Column kColumns[] = {
    {"ArduPilot defaults", Firmware::ArduPilot, SettingsSource::FirmwareDefaults},
    {"PX4 defaults", Firmware::Px4, SettingsSource::FirmwareDefaults},
    {"lowsky set (ArduPilot)", Firmware::ArduPilot, SettingsSource::LowskyParameters},
    {"lowsky set (PX4)", Firmware::Px4, SettingsSource::LowskyParameters},
};

const flight::Phase kPhases[] = {flight::Phase::SpoolUp, flight::Phase::Climb,   flight::Phase::Accelerate, flight::Phase::Cruise,
                                 flight::Phase::Corner,  flight::Phase::Decelerate, flight::Phase::Descend, flight::Phase::Hover,
                                 flight::Phase::LandFinal, flight::Phase::LandDetect};

}  // namespace

int run_flight(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--from", "--to", "--drone", "--payload"}, {"--json"}, error);
    const char* usage = "usage: lowsky flight FILE [--from HUB --to HUB --drone TYPE [--payload KG]] [--json]";
    if (!args || args->positional.size() != 1 || (args->option("--from") || args->option("--to") || args->option("--drone")) !=
                                                      (args->option("--from") && args->option("--to") && args->option("--drone"))) {
        std::fprintf(stderr, "lowsky flight: %s\n%s\n", args ? "a scenario file, and --from, --to and --drone together" : error.c_str(), usage);
        return kUnreadable;
    }
    std::vector<Case> cases = kSeedCases;
    if (args->option("--from")) {
        double payload = -1;
        if (!number_option(*args, "flight", "--payload", 0, 10000, payload)) return kUnreadable;
        cases = {{*args->option("--from"), *args->option("--to"), *args->option("--drone"), payload}};
    }
    const bool json = args->flag("--json");
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], json, warnings);
    if (!scenario) return kUnreadable;
    const CompiledScenario compiled(*scenario);
    const RoutingNetwork network(compiled);

    Json out = Json::array();
    int failures = 0;
    for (const Case& c : cases) {
        Json jc{{"from", c.from}, {"to", c.to}, {"drone_type", c.drone}};
        if (!json) std::printf("%s -> %s, %s%s\n", c.from.c_str(), c.to.c_str(), c.drone.c_str(), c.payload_kg >= 0 ? (", " + std::to_string(int(c.payload_kg)) + " kg").c_str() : ", full payload");
        // One-way flight, phase by phase, under each column's settings.
        std::vector<std::map<flight::Phase, double>> times;
        std::vector<double> totals;
        Json columns = Json::array();
        bool ok = true;
        for (const Column& col : kColumns) {
            auto r = network.route({c.from, c.to, c.drone, c.payload_kg, RouteObjective::Fastest, col.firmware, col.settings});
            if (!r) {
                std::fprintf(stderr, "lowsky flight: %s\n", r.error().to_string().c_str());
                ok = false;
                break;
            }
            std::map<flight::Phase, double> by_phase;
            for (const auto& p : r->phases) by_phase[p.phase] += p.time_s;
            times.push_back(by_phase);
            totals.push_back(r->time_s);
            Json phases = Json::object();
            for (const auto& [phase, t] : by_phase) phases[flight::to_string(phase)] = t;
            columns.push_back(Json{{"settings", col.name}, {"time_s", r->time_s}, {"energy_wh", r->energy_wh}, {"distance_m", r->distance_m}, {"phases", phases}});
        }
        if (!ok) { ++failures; continue; }
        jc["one_way"] = columns;
        if (!json) {
            std::printf("  one way, time per phase (s)  ");
            for (const Column& col : kColumns) std::printf("%24s", col.name);
            std::printf("\n");
            for (const flight::Phase ph : kPhases) {
                bool any = false;
                for (const auto& t : times) any = any || t.count(ph);
                if (!any) continue;
                std::printf("    %-26s", flight::to_string(ph));
                for (const auto& t : times) std::printf("%24.1f", t.count(ph) ? t.at(ph) : 0.0);
                std::printf("\n");
            }
            std::printf("    %-26s", "total (min)");
            for (double t : totals) std::printf("%24.2f", t / 60);
            std::printf("\n");
        }
        // The safety gate on the mission for each return (lowsky's set, ArduPilot).
        Json gates = Json::array();
        const std::pair<const char*, ReturnMode> returns[] = {{"corridors", ReturnMode::Corridors}, {"rtl", ReturnMode::Rtl}, {"none", ReturnMode::None}};
        for (const auto& [name, mode] : returns) {
            MissionOptions o;
            o.firmware = Firmware::ArduPilot;
            o.return_mode = mode;
            RouteRequest q{c.from, c.to, c.drone, c.payload_kg, RouteObjective::Fastest, Firmware::ArduPilot};
            auto checked = check_route_mission(compiled, network, q, o);
            if (!checked) {
                gates.push_back(Json{{"return", name}, {"error", error_json(checked.error())}});
                if (!json) std::printf("  gate, return %-10s %s\n", name, checked.error().to_string().c_str());
                continue;
            }
            const GateReport& g = checked->gate;
            Json f = Json::array();
            for (const auto& x : g.failures) f.push_back(x.check);
            gates.push_back(Json{{"return", name}, {"time_s", g.time_s}, {"delivered_s", g.delivered_s}, {"energy_wh", g.energy_wh},
                                 {"usable_energy_wh", g.usable_energy_wh}, {"passed", g.passed()}, {"failures", f}});
            if (!json) {
                std::string why;
                for (const auto& x : g.failures) why += (why.empty() ? "" : ", ") + x.check;
                std::printf("  gate, return %-10s %6.1f min, delivered at %5.1f min, %5.0f of %5.0f Wh: %s%s\n", name, g.time_s / 60, g.delivered_s / 60,
                            g.energy_wh, g.usable_energy_wh, g.passed() ? "passes" : "refused: ", why.c_str());
            }
        }
        jc["gate"] = gates;
        out.push_back(jc);
        if (!json) std::printf("\n");
    }
    if (json) std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
    return failures ? kFindings : kOk;
}

}  // namespace lowsky::cli
