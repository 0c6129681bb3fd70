#include "cli_common.h"

#include <algorithm>
#include <climits>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdlib.h>  // realpath

#include "core/file_io.h"
#include "core/numbers.h"
#include "mission/plan_format.h"
#include "mission/waypoints_format.h"

namespace lowsky::cli {

bool Args::flag(const std::string& name) const { return std::find(flags.begin(), flags.end(), name) != flags.end(); }

std::optional<std::string> Args::option(const std::string& name) const {
    for (const auto& [k, v] : options) if (k == name) return v;
    return std::nullopt;
}

std::optional<Args> parse_args(int argc, char** argv, int first, const std::vector<std::string>& with_value,
                               const std::vector<std::string>& known_flags, std::string& error) {
    Args args;
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--", 0) != 0 && !(a.size() == 2 && a[0] == '-' && a[1] != '-')) {
            args.positional.push_back(a);
            continue;
        }
        const std::string name = a == "-o" ? "--output" : a;
        if (std::find(with_value.begin(), with_value.end(), name) != with_value.end()) {
            if (i + 1 >= argc) { error = a + " needs a value"; return std::nullopt; }
            args.options.push_back({name, argv[++i]});
        } else if (std::find(known_flags.begin(), known_flags.end(), name) != known_flags.end()) {
            args.flags.push_back(name);
        } else {
            error = "unknown option " + a;
            return std::nullopt;
        }
    }
    return args;
}

Json error_json(const Error& e) {
    Json j{{"where", e.where}, {"message", e.message}};
    if (!e.code.empty()) j["code"] = e.code;
    return j;
}

std::optional<Scenario> load_scenario_file(const std::string& path, bool json_output, std::vector<Error>& warnings) {
    auto bytes = read_file_bytes(path);
    std::vector<Error> errors;
    std::optional<Scenario> scenario;
    if (!bytes) {
        errors.push_back(bytes.error());
    } else {
        ScenarioLoad load = parse_scenario(std::string_view(reinterpret_cast<const char*>(bytes.value().data()), bytes.value().size()), path);
        errors = std::move(load.errors);
        warnings = std::move(load.warnings);
        scenario = std::move(load.scenario);
    }
    if (scenario) return scenario;
    if (json_output) {
        Json list = Json::array();
        for (const auto& e : errors) list.push_back(error_json(e));
        std::printf("%s\n", Json{{"file", path}, {"readable", false}, {"load_errors", list}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
        std::fprintf(stderr, "lowsky: %s cannot be loaded (%zu error%s):\n", path.c_str(), errors.size(), errors.size() == 1 ? "" : "s");
        for (const auto& e : errors) std::fprintf(stderr, "  %s\n", e.to_string().c_str());
    }
    return std::nullopt;
}

// Both read the whole text as written: no leading blanks, hexadecimal or "inf" (which strtod
// and strtoll would take).
bool number_option(const Args& args, const char* verb, const char* name, double lo, double hi, double& out) {
    const auto text = args.option(name);
    if (!text) return true;
    const auto v = parse_decimal(*text);
    if (!v || !std::isfinite(*v) || *v < lo || *v > hi) {
        std::fprintf(stderr, "lowsky %s: %s takes a number from %g to %g, not \"%s\"\n", verb, name, lo, hi, printable(*text).c_str());
        return false;
    }
    out = *v + 0.0;  // "-0" is 0
    return true;
}

bool integer_option(const Args& args, const char* verb, const char* name, long long lo, long long hi, long long& out) {
    const auto text = args.option(name);
    if (!text) return true;
    const size_t sign = !text->empty() && (*text)[0] == '-' ? 1 : 0;
    const bool digits = text->size() > sign && std::all_of(text->begin() + long(sign), text->end(), [](char c) { return c >= '0' && c <= '9'; });
    char* end = nullptr;
    errno = 0;
    const long long v = digits ? std::strtoll(text->c_str(), &end, 10) : 0;
    if (!digits || errno == ERANGE || v < lo || v > hi) {
        std::fprintf(stderr, "lowsky %s: %s takes a whole number from %lld to %lld, not \"%s\"\n", verb, name, lo, hi, printable(*text).c_str());
        return false;
    }
    out = v;
    return true;
}

bool write_output(const char* verb, const std::string& out, const std::string& input, const std::vector<uint8_t>& bytes) {
    if (out == "-") {
        const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size() && std::fflush(stdout) == 0;
        if (!ok) std::fprintf(stderr, "lowsky %s: could not write to standard output\n", verb);
        return ok;
    }
    char a[PATH_MAX], b[PATH_MAX];
    if (realpath(out.c_str(), a) && realpath(input.c_str(), b) && std::string(a) == std::string(b)) {
        std::fprintf(stderr, "lowsky %s: %s is the input file: write to another name (the input stays as it is)\n", verb, out.c_str());
        return false;
    }
    auto written = write_file_bytes(out, bytes);
    if (!written) std::fprintf(stderr, "lowsky %s: %s\n", verb, written.error().to_string().c_str());
    return written.ok();
}

bool parse_point(const std::string& text, GeoPoint& out) {
    const size_t comma = text.find(',');
    if (comma == std::string::npos) return false;
    // Each number whole, as written (no blanks, hexadecimal or "inf").
    const auto lat = parse_decimal(std::string_view(text).substr(0, comma)), lon = parse_decimal(std::string_view(text).substr(comma + 1));
    if (!lat || !lon || !std::isfinite(*lat) || !std::isfinite(*lon) || std::abs(*lat) > 90 || std::abs(*lon) > 180) return false;
    out = {*lat, *lon};
    return true;
}

bool write_mission(const char* verb, const Mission& mission, const std::string& format, const std::string& out) {
    std::string text;
    if (format == "plan") {
        text = write_plan(mission);
    } else {
        auto written = write_waypoints(mission);
        if (!written) {
            std::fprintf(stderr, "lowsky %s: %s\n", verb, written.error().to_string().c_str());
            return false;
        }
        text = written.value();
    }
    return write_output(verb, out, "", std::vector<uint8_t>(text.begin(), text.end()));
}

}  // namespace lowsky::cli
