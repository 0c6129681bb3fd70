// lowsky draft FILE --from HUB --to HUB --drone TYPE [--width M] [--floor M] [--ceiling M]
//                   [--objective fastest|energy] [--one-way] [--allow-approvals]
//                   [--through-restricted] [--time-limit S] [--json] [-o OUT]
// A drafted corridor between two hubs (engine/assist/corridor_draft.h), the validator's findings
// on it and the flight along it; -o writes the scenario with the draft added.
#include <cstdio>

#include "assist/corridor_draft.h"
#include "assist/draft_check.h"
#include "cli_common.h"
#include "commands.h"
#include "scenario/scenario_objects.h"

namespace lowsky::cli {

namespace {

const char* kUsage =
    "usage: lowsky draft FILE --from HUB --to HUB --drone TYPE [--width M] [--floor M] [--ceiling M]\n"
    "                   [--objective fastest|energy] [--one-way] [--allow-approvals]\n"
    "                   [--through-restricted] [--time-limit S] [--json] [-o OUT]";

}  // namespace

int run_draft(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--from", "--to", "--drone", "--width", "--floor", "--ceiling", "--time-limit", "--objective", "--output"},
                           {"--json", "--allow-approvals", "--through-restricted", "--one-way"}, error);
    if (!args || args->positional.size() != 1 || !args->option("--from") || !args->option("--to") || !args->option("--drone")) {
        std::fprintf(stderr, "lowsky draft: %s\n%s\n", args ? "a scenario file, --from, --to and --drone are needed" : error.c_str(), kUsage);
        return kUnreadable;
    }
    assist::DraftRequest request;
    request.from = *args->option("--from");
    request.to = *args->option("--to");
    request.drone_type = *args->option("--drone");
    request.allow_approvals = args->flag("--allow-approvals");
    request.avoid_restricted = !args->flag("--through-restricted");
    request.direction = args->flag("--one-way") ? Direction::OneWay : Direction::TwoWay;
    if (!choice_option(*args, "draft", "--objective", {{"fastest", RouteObjective::Fastest}, {"energy", RouteObjective::LeastEnergy}}, request.objective)) return kUnreadable;
    if (!number_option(*args, "draft", "--width", 1, 5000, request.width_m) ||
        !number_option(*args, "draft", "--floor", 0, 1000, request.band.floor.value_m) ||
        !number_option(*args, "draft", "--ceiling", 0, 1000, request.band.ceiling.value_m) ||
        !number_option(*args, "draft", "--time-limit", 0.001, 3600, request.time_limit_s))
        return kUnreadable;
    if (request.band.floor.value_m >= request.band.ceiling.value_m) {
        std::fprintf(stderr, "lowsky draft: --floor must be below --ceiling\n");
        return kUnreadable;
    }
    const bool json = args->flag("--json");
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], json, warnings);
    if (!scenario) return kUnreadable;
    const CompiledScenario compiled(*scenario);
    const auto draft = assist::draft_corridor(compiled, request);
    if (!draft) {
        if (json) std::printf("%s\n", Json{{"found", false}, {"error", error_json(draft.error())}}.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
        else std::fprintf(stderr, "lowsky draft: %s\n", draft.error().to_string().c_str());
        return kFindings;
    }
    const Corridor& c = draft->corridor;
    const assist::DraftCheck check = assist::check_draft(*scenario, c, request.from, request.to, request.drone_type);
    if (auto out = args->option("--output")) {
        Scenario with = *scenario;
        with.corridors.push_back(c);
        const std::string text = save_scenario(with);
        if (!write_output("draft", *out, args->positional[0], std::vector<uint8_t>(text.begin(), text.end()))) return kUnreadable;
    }
    if (json) {
        Json findings = Json::array();
        for (const Finding& f : check.findings)
            findings.push_back(Json{{"check", f.check}, {"severity", to_string(f.severity)}, {"message", f.message}});
        Json notes = Json::array();
        for (const std::string& n : draft->notes) notes.push_back(n);
        Json out{{"found", true}, {"corridor", object_to_json(ScenarioObject{c})}, {"length_m", draft->length_m},
                 {"straight_m", draft->straight_m}, {"detour", draft->length_m / draft->straight_m - 1}, {"notes", notes},
                 {"findings", findings}, {"errors", check.errors}, {"warnings", check.warnings},
                 {"search", Json{{"objective", to_string(request.objective)}, {"one_way", request.direction == Direction::OneWay},
                                 {"cost", draft->cost}, {"corners", draft->corners}, {"expanded", draft->expanded}}}};
        if (check.flight) out["flight"] = Json{{"time_s", check.flight->time_s}, {"energy_wh", check.flight->energy_wh}, {"within_battery", check.flight->within_battery}};
        else out["flight"] = Json{{"error", error_json(check.flight.error())}};
        std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
    } else {
        std::printf("%s: %.1f km through %zu points (straight %.1f km, %.1f %% longer), %.0f m wide, %.0f to %.0f m above ground, %s at %.0f m/s\n",
                    c.id.c_str(), draft->length_m / 1000, c.centreline.size(), draft->straight_m / 1000, 100 * (draft->length_m / draft->straight_m - 1),
                    c.width_m, c.band.floor.value_m, c.band.ceiling.value_m, request.drone_type.c_str(), c.speed_limit_m_s);
        std::printf("  drafted the %s%s in the scenario's wind\n", request.objective == RouteObjective::Fastest ? "quickest" : "least energy",
                    request.direction == Direction::OneWay ? ", one way" : ", both ways averaged");
        if (check.flight)
            std::printf("  flight along it: %.1f min, %.0f Wh%s\n", check.flight->time_s / 60, check.flight->energy_wh,
                        check.flight->within_battery ? "" : " (beyond the battery with its reserve)");
        for (const std::string& n : draft->notes) std::printf("  note: %s\n", n.c_str());
        if (check.findings.empty()) std::printf("  the validator finds nothing on it\n");
        for (const Finding& f : check.findings) std::printf("  %s %s: %s\n", to_string(f.severity), f.check.c_str(), f.message.c_str());
    }
    return check.errors > 0 ? kFindings : kOk;
}

}  // namespace lowsky::cli
