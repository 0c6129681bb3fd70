#pragma once
// What the command-line verbs share: reading a scenario file and reporting load problems.

#include <cstdio>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/json_read.h"
#include "core/text.h"
#include "mission/mission.h"
#include "scenario/scenario_io.h"

namespace lowsky::cli {

// Exit codes shared by the verbs.
constexpr int kOk = 0;
constexpr int kFindings = 1;   // the input is readable but has errors (or no route)
constexpr int kUnreadable = 2; // unreadable, malformed, or bad arguments

struct Args {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options;  // --name value
    std::vector<std::string> flags;                             // --name
    bool flag(const std::string& name) const;
    std::optional<std::string> option(const std::string& name) const;
};

// Splits argv after the verb. `with_value` lists the options that take a value.
std::optional<Args> parse_args(int argc, char** argv, int first, const std::vector<std::string>& with_value,
                               const std::vector<std::string>& known_flags, std::string& error);

// Loads a scenario; on failure prints every error (as text or JSON) and returns nullopt.
std::optional<Scenario> load_scenario_file(const std::string& path, bool json_output, std::vector<Error>& warnings);

Json error_json(const Error& e);

// Writes a verb's output: "-" is standard output; a path that is the input file is refused
// (the input would be lost if the verb failed half-way); anything else is written atomically.
// Prints why on stderr and returns false when not written.
bool write_output(const char* verb, const std::string& out, const std::string& input, const std::vector<uint8_t>& bytes);
// The mission as a .plan or a .waypoints file (`format`, "plan" or "waypoints") at `out`, as
// write_output writes; false, having said why.
bool write_mission(const char* verb, const Mission& mission, const std::string& format, const std::string& out);

// lowsky export with --inspection or --sightseeing (export_scenario_mission.cpp).
int export_scenario_mission(const Args& args, Firmware firmware);
// "LAT,LON": both numbers in full, within range.
bool parse_point(const std::string& text, GeoPoint& out);

// A number option read strictly: all of its text a finite number within [lo, hi] ("nan", "abc",
// "5kg" and values out of range are refused, with the option named, on stderr after `verb`).
// Absent: `out` is left as it was. Returns false when given and refused.
bool number_option(const Args& args, const char* verb, const char* name, double lo, double hi, double& out);
// ... and a whole number.
bool integer_option(const Args& args, const char* verb, const char* name, long long lo, long long hi, long long& out);
// ... and one of a few names: `out` set to the value named; refused with what it takes.
template <typename E>
bool choice_option(const Args& args, const char* verb, const char* name, std::initializer_list<std::pair<const char*, E>> names, E& out) {
    const auto v = args.option(name);
    if (!v) return true;
    std::string takes;
    for (const auto& [n, e] : names) {
        if (*v == n) { out = e; return true; }
        takes += (takes.empty() ? "" : "|") + std::string(n);
    }
    std::fprintf(stderr, "lowsky %s: %s takes %s, not \"%s\"\n", verb, name, takes.c_str(), printable(*v).c_str());
    return false;
}

}  // namespace lowsky::cli
