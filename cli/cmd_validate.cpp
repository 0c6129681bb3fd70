// lowsky validate FILE [--json] [--max-findings N]: the validator's findings, for people or as
// JSON. At most N findings of each check are printed (200 unless told; 0: all), then how many
// more there are: a thousand overlapping corridors make half a million conflicts.
#include <cstdio>
#include <cstdlib>
#include <map>

#include "cli_common.h"
#include "commands.h"
#include "validation/finding_json.h"
#include "validation/validate.h"

namespace lowsky::cli {

int run_validate(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--max-findings"}, {"--json"}, error);
    if (!args || args->positional.size() != 1) {
        std::fprintf(stderr, "lowsky validate: %s\nusage: lowsky validate FILE [--json] [--max-findings N]\n", args ? "one scenario file expected" : error.c_str());
        return kUnreadable;
    }
    long long cap = 200;
    if (!integer_option(*args, "validate", "--max-findings", 0, 1000000000, cap)) return kUnreadable;
    const std::string path = args->positional[0];
    const bool json = args->flag("--json");
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(path, json, warnings);
    if (!scenario) return kUnreadable;

    const CompiledScenario compiled(*scenario);
    const ValidationReport report = validate(compiled);
    // Which findings are printed: the first `cap` of each check.
    std::map<std::string, long long> shown, omitted;
    auto prints = [&](const Finding& f) {
        if (cap == 0 || shown[f.check] < cap) return ++shown[f.check], true;
        ++omitted[f.check];
        return false;
    };
    if (json) {
        Json findings = Json::array();
        for (const auto& f : report.findings) if (prints(f)) findings.push_back(finding_json(f));
        Json more = Json::object();
        for (const auto& [check, n] : omitted) more[check] = n;
        Json load_warnings = Json::array();
        for (const auto& w : warnings) load_warnings.push_back(error_json(w));
        Json out{{"file", path}, {"readable", true}, {"valid", report.errors == 0}, {"errors", report.errors}, {"warnings", report.warnings},
                 {"unexplained_warnings", report.unexplained_warnings}, {"infos", report.infos}, {"findings", findings},
                 {"findings_total", report.findings.size()}, {"findings_not_printed", more},
                 {"load_warnings", load_warnings}};
        std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
        for (const auto& w : warnings) std::printf("load warning  %s\n", w.to_string().c_str());
        for (const auto& f : report.findings) {
            if (!prints(f)) continue;
            std::printf("%-7s %-38s %s\n", to_string(f.severity), f.check.c_str(), f.message.c_str());
            if (f.position) std::printf("        at %.6f, %.6f\n", f.position->lat_deg, f.position->lon_deg);
            if (!f.explanation.empty()) std::printf("        explained: %s\n", f.explanation.c_str());
        }
        for (const auto& [check, n] : omitted)
            std::printf("... and %lld more %s finding%s (--max-findings 0 prints them all)\n", n, check.c_str(), n == 1 ? "" : "s");
        std::printf("%s: %d error%s, %d warning%s (%d unexplained), %d info\n", path.c_str(), report.errors, report.errors == 1 ? "" : "s",
                    report.warnings, report.warnings == 1 ? "" : "s", report.unexplained_warnings, report.infos);
    }
    return report.errors == 0 ? kOk : kFindings;
}

}  // namespace lowsky::cli
