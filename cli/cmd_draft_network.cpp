// lowsky draft-network FILE [--drone TYPE] [--width M] [--no-approvals] [--json] [-o OUT]
// A corridor network drafted for the scenario's hubs and demand (engine/assist/network_draft.h):
// its junctions and corridors, total length, and each demand pair's detour against the
// straight line; -o writes the scenario with the drafted network in place of its own.
#include <cstdio>

#include "assist/network_draft.h"
#include "cli_common.h"
#include "commands.h"
#include "scenario/scenario_objects.h"

namespace lowsky::cli {

namespace {

const char* kUsage = "usage: lowsky draft-network FILE [--drone TYPE] [--width M] [--no-approvals] [--json] [-o OUT]";

}  // namespace

int run_draft_network(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--drone", "--width", "--output"}, {"--json", "--no-approvals"}, error);
    if (!args || args->positional.size() != 1) {
        std::fprintf(stderr, "lowsky draft-network: %s\n%s\n", args ? "a scenario file is needed" : error.c_str(), kUsage);
        return kUnreadable;
    }
    assist::NetworkRequest request;
    request.drone_type = args->option("--drone").value_or("");
    request.allow_approvals = !args->flag("--no-approvals");
    if (!number_option(*args, "draft-network", "--width", 1, 5000, request.width_m)) return kUnreadable;
    const bool json = args->flag("--json");
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], json, warnings);
    if (!scenario) return kUnreadable;
    const auto drafted = assist::draft_network(*scenario, request);
    if (!drafted) {
        std::fprintf(stderr, "lowsky draft-network: %s\n", drafted.error().to_string().c_str());
        return kFindings;
    }
    const assist::NetworkDraft& d = drafted.value();
    if (auto o = args->option("--output")) {
        Scenario with = *scenario;
        with.corridors = d.corridors;
        with.junctions = d.junctions;
        const std::string text = save_scenario(with);
        if (!write_output("draft-network", *o, args->positional[0], std::vector<uint8_t>(text.begin(), text.end()))) return kUnreadable;
    }
    if (json) {
        Json corridors = Json::array(), junctions = Json::array(), pairs = Json::array(), missing = Json::array();
        for (const Corridor& c : d.corridors) corridors.push_back(object_to_json(ScenarioObject{c}));
        for (const Junction& j : d.junctions) junctions.push_back(object_to_json(ScenarioObject{j}));
        for (const auto& p : d.pairs) {
            Json j{{"from", p.from}, {"to", p.to}, {"per_day", p.per_day}, {"straight_m", p.straight_m}};
            if (p.network_m >= 0) j.update({{"network_m", p.network_m}, {"detour", p.network_m / p.straight_m - 1}});
            else j["network_m"] = nullptr;
            pairs.push_back(j);
        }
        for (const auto& m : d.not_drafted) missing.push_back(m);
        std::printf("%s\n", Json{{"total_length_m", d.total_length_m}, {"junctions", junctions}, {"corridors", corridors}, {"pairs", pairs}, {"not_drafted", missing}}
                                .dump(2, ' ', false, Json::error_handler_t::replace).c_str());
        return d.not_drafted.empty() ? kOk : kFindings;
    }
    std::printf("%zu corridors and %zu junctions, %.1f km in all\n", d.corridors.size(), d.junctions.size(), d.total_length_m / 1000);
    for (const Corridor& c : d.corridors) std::printf("  %s (%zu points)\n", c.id.c_str(), c.centreline.size());
    for (const auto& m : d.not_drafted) std::printf("  not drafted: %s\n", m.c_str());
    std::printf("demand pairs through it:\n");
    for (const auto& p : d.pairs) {
        if (p.network_m < 0) std::printf("  %-15s %-15s %6.0f a day  no way through\n", p.from.c_str(), p.to.c_str(), p.per_day);
        else std::printf("  %-15s %-15s %6.0f a day  %6.1f km, straight %6.1f km, detour %5.1f %%\n", p.from.c_str(), p.to.c_str(), p.per_day,
                         p.network_m / 1000, p.straight_m / 1000, 100 * (p.network_m / p.straight_m - 1));
    }
    return d.not_drafted.empty() ? kOk : kFindings;
}

}  // namespace lowsky::cli
