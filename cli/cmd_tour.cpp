// lowsky tour FILE [--json]: the guided tour's steps with the engine's figure for each, the
// day simulated with the default settings (seed 1), as the app's tour shows them.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "sim/simulator.h"
#include "view/tour.h"

namespace lowsky::cli {

int run_tour(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {}, {"--json"}, error);
    if (!args || args->positional.size() != 1) {
        std::fprintf(stderr, "lowsky tour: %s\nusage: lowsky tour FILE [--json]\n", args ? "one scenario file expected" : error.c_str());
        return kUnreadable;
    }
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], false, warnings);
    if (!scenario) return kUnreadable;
    const CompiledScenario compiled(*scenario);
    const RoutingNetwork network(compiled);
    const SimResult day = simulate(compiled, SimConfig{});
    const std::vector<TourStep> steps = region_tour(compiled, network, &day);
    if (args->flag("--json")) {
        Json out = Json::array();
        for (const TourStep& s : steps)
            out.push_back({{"id", s.id}, {"title", s.title}, {"claim", s.claim}, {"figure", s.figure}, {"verdict", to_string(s.verdict)},
                           {"value", s.value}, {"at", {s.at.lat_deg, s.at.lon_deg}}, {"span_m", s.span_m}, {"view3d", s.view3d}, {"time_s", s.time_s}});
        std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
        return kOk;
    }
    for (size_t i = 0; i < steps.size(); ++i)
        std::printf("%zu. %s\n   claim: %s\n   lowsky: %s (%s)\n", i + 1, steps[i].title.c_str(), steps[i].claim.c_str(), steps[i].figure.c_str(),
                    to_string(steps[i].verdict));
    return kOk;
}

}  // namespace lowsky::cli
