// lowsky: the command-line face of the engine.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"
#include "validation/finding.h"
#include "version.h"

namespace {

constexpr const char* kUsage =
    "usage: lowsky <command> [arguments]\n"
    "\n"
    "lowsky plans low-altitude drone logistics corridors in the Greater Bay Area.\n"
    "\n"
    "commands:\n"
    "  validate FILE [--json]\n"
    "      check a scenario: airspace, ceiling, separation, turns, ends, range, reachability.\n"
    "      exit 0 valid, 1 errors found, 2 unreadable or malformed\n"
    "  route FILE --from HUB --to HUB --drone TYPE [--objective fastest|energy] [--payload KG] [--json]\n"
    "      the fastest (or least-energy) route with its legs, distance, time and energy.\n"
    "      exit 0 found, 1 no route, 2 unreadable\n"
    "  format FILE [-o OUT]\n"
    "      rewrite a scenario in canonical form (what lowsky saves)\n"
    "  checks\n"
    "      list the validator's checks and their ids\n"
    "\n"
    "options:\n"
    "  --help       show this text\n"
    "  --version    print the version\n";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string verb = argv[1];
    if (verb == "--help" || verb == "-h" || verb == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (verb == "--version") {
        std::printf("lowsky %s\n", lowsky::version_string());
        return 0;
    }
    if (verb == "validate") return lowsky::cli::run_validate(argc, argv);
    if (verb == "route") return lowsky::cli::run_route(argc, argv);
    if (verb == "format") return lowsky::cli::run_format(argc, argv);
    if (verb == "checks") {
        for (const auto& c : lowsky::all_checks()) std::printf("%-38s %s\n", c.id, c.rule);
        return 0;
    }
    std::fprintf(stderr, "lowsky: unknown command or option '%s'\n\n%s", verb.c_str(), kUsage);
    return 2;
}
