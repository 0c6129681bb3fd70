// lowsky format FILE [-o OUT]: rewrites a scenario in its canonical form (what lowsky saves).
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "core/file_io.h"

namespace lowsky::cli {

int run_format(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--output"}, {}, error);
    if (!args || args->positional.size() != 1) {
        std::fprintf(stderr, "lowsky format: %s\nusage: lowsky format FILE [-o OUT]\n", args ? "one scenario file expected" : error.c_str());
        return kUnreadable;
    }
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], false, warnings);
    if (!scenario) return kUnreadable;
    for (const auto& w : warnings) std::fprintf(stderr, "lowsky format: %s (dropped)\n", w.to_string().c_str());
    const std::string text = save_scenario(*scenario);
    const std::string out = args->option("--output").value_or("");
    if (out.empty()) {
        std::fputs(text.c_str(), stdout);
        return kOk;
    }
    if (!write_output("format", out, args->positional[0], std::vector<uint8_t>(text.begin(), text.end()))) return kUnreadable;
    return kOk;
}

}  // namespace lowsky::cli
