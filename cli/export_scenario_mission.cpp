// lowsky export FILE --inspection ID | --sightseeing ID --format plan|waypoints [--firmware] -o OUT:
// one of the scenario's inspections or sightseeing loops as a mission, after its checks
// (mission/scenario_missions.h). An error refuses it (exit 1); warnings are printed with it.
#include <algorithm>
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "mission/scenario_missions.h"

namespace lowsky::cli {

int export_scenario_mission(const Args& args, Firmware firmware) {
    const std::string format = args.option("--format").value_or("");
    if (format != "plan" && format != "waypoints") {
        std::fprintf(stderr, "lowsky export: an inspection or a sightseeing loop is written as --format plan or waypoints, not \"%s\"\n", format.c_str());
        return kUnreadable;
    }
    if (args.option("--override")) {
        std::fprintf(stderr, "lowsky export: --override is for delivery routes; an inspection or sightseeing loop with an error is changed in the scenario\n");
        return kUnreadable;
    }
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args.positional[0], false, warnings);
    if (!scenario) return kUnreadable;
    const CompiledScenario compiled(*scenario);
    const bool inspection = args.option("--inspection").has_value();
    const std::string id = *args.option(inspection ? "--inspection" : "--sightseeing");
    Mission mission;
    SurveyCheck check;
    // The object by its id, planned; false (said why) when there is none or it cannot be laid.
    auto plan = [&](const auto& list, const char* noun, auto planner, auto take) {
        const auto it = std::find_if(list.begin(), list.end(), [&](const auto& o) { return o.id == id; });
        if (it == list.end()) {
            std::fprintf(stderr, "lowsky export: the scenario has no %s \"%s\"\n", noun, id.c_str());
            return kUnreadable;
        }
        auto planned = planner(compiled, *it, firmware);
        if (!planned) {
            std::fprintf(stderr, "lowsky export: %s %s: %s (%s)\n", noun, id.c_str(), planned.error().message.c_str(), planned.error().where.c_str());
            return kFindings;
        }
        take(planned.value());
        return kOk;
    };
    const int planned = inspection ? plan(scenario->inspections, "inspection", plan_inspection, [&](PlannedInspection& p) {
                                         mission = std::move(p.mission);
                                         check = std::move(p.check);
                                     })
                                   : plan(scenario->sightseeing, "sightseeing loop", plan_scenario_sightseeing, [&](PlannedSightseeing& p) {
                                         mission = std::move(p.loop.mission);
                                         check = std::move(p.check);
                                     });
    if (planned != kOk) return planned;
    for (const auto& w : check.warnings) std::fprintf(stderr, "warning %s: %s (%s)\n", w.check.c_str(), w.message.c_str(), w.where.c_str());
    for (const auto& e : check.errors) std::fprintf(stderr, "error %s: %s (%s)\n", e.check.c_str(), e.message.c_str(), e.where.c_str());
    if (!check.errors.empty()) {
        std::fprintf(stderr, "lowsky export: not written: %s %s has %zu error(s)\n", inspection ? "inspection" : "sightseeing loop", id.c_str(), check.errors.size());
        return kFindings;
    }
    const std::string out = *args.option("--output");
    if (!write_mission("export", mission, format, out)) return kUnreadable;
    if (out == "-") return kOk;
    const SurveyFigures& f = check.figures;
    std::printf("%s: %zu mission items; %.2f km, %.1f min, %.0f of %.0f Wh usable\n", out.c_str(), mission.items.size(), f.distance_m / 1000, f.time_s / 60,
                f.energy_wh, f.usable_energy_wh);
    return kOk;
}

}  // namespace lowsky::cli
