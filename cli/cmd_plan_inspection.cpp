// lowsky plan-inspection: an inspection survey over an area, or a corridor scan along a line, as
// a mission a ground station loads.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>

#include "cli_common.h"
#include "commands.h"
#include "mission/survey.h"
#include "mission/survey_check.h"

namespace lowsky::cli {

namespace {

constexpr const char* kUsage =
    "usage: lowsky plan-inspection --area \"LAT,LON LAT,LON LAT,LON ...\" [--heading DEG] --home LAT,LON --footprint M -o OUT\n"
    "       lowsky plan-inspection --along \"LAT,LON LAT,LON ...\" --width M --home LAT,LON --footprint M -o OUT\n"
    "         [--overlap X] [--height M] [--home-amsl M] [--speed M/S] [--trigger M]\n"
    "         [--format plan|waypoints] [--firmware ardupilot|px4] [--scenario FILE --drone TYPE]\n"
    "       With a scenario and one of its drone types it also gives the flight's time and energy, and checks it against\n"
    "       the scenario's zones, the ceiling and the battery: an error refuses the survey (exit 1).\n";

// Points "LAT,LON LAT,LON ..." into `out`; false, having said which, for one that is not.
bool parse_points(const char* option, const std::string& text, std::vector<GeoPoint>& out);

bool parse_points(const char* option, const std::string& text, std::vector<GeoPoint>& out) {
    std::istringstream points(text);
    for (std::string p; points >> p;) {
        GeoPoint g;
        if (!parse_point(p, g)) {
            std::fprintf(stderr, "lowsky plan-inspection: %s: \"%s\" is not LAT,LON in degrees\n", option, p.c_str());
            return false;
        }
        out.push_back(g);
    }
    return true;
}

}  // namespace

int run_plan_inspection(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2,
                           {"--area", "--along", "--width", "--home", "--footprint", "--overlap", "--heading", "--height", "--home-amsl", "--speed",
                            "--trigger", "--format", "--firmware", "--output", "--scenario", "--drone"},
                           {}, error);
    if (!args || !args->positional.empty() || !args->option("--area") == !args->option("--along") || !args->option("--home") ||
        !args->option("--footprint") || !args->option("--output")) {
        std::fprintf(stderr, "lowsky plan-inspection: %s\n%s", args ? "one of --area and --along, and --home, --footprint and -o are needed" : error.c_str(), kUsage);
        return kUnreadable;
    }
    const bool scan = args->option("--along").has_value();
    if (scan ? !args->option("--width") || args->option("--heading") : args->option("--width").has_value()) {
        std::fprintf(stderr, "lowsky plan-inspection: %s\n%s", scan ? "--along needs --width, and takes no --heading (the passes follow the line)" : "--width goes with --along", kUsage);
        return kUnreadable;
    }
    SurveySpec spec;
    CorridorScanSpec scan_spec;
    if (!parse_points(scan ? "--along" : "--area", *args->option(scan ? "--along" : "--area"), scan ? scan_spec.line : spec.polygon)) return kUnreadable;
    SurveyFlight flight;
    if (!parse_point(*args->option("--home"), flight.home)) {
        std::fprintf(stderr, "lowsky plan-inspection: --home: \"%s\" is not LAT,LON in degrees\n", args->option("--home")->c_str());
        return kUnreadable;
    }
    const std::string format = args->option("--format").value_or("plan"), firmware = args->option("--firmware").value_or("ardupilot");
    if (format != "plan" && format != "waypoints") {
        std::fprintf(stderr, "lowsky plan-inspection: --format: expected plan or waypoints, found \"%s\"\n", format.c_str());
        return kUnreadable;
    }
    if (firmware != "ardupilot" && firmware != "px4") {
        std::fprintf(stderr, "lowsky plan-inspection: --firmware: expected ardupilot or px4, found \"%s\"\n", firmware.c_str());
        return kUnreadable;
    }
    flight.firmware = firmware == "px4" ? Firmware::Px4 : Firmware::ArduPilot;
    const char* verb = "plan-inspection";
    if (!number_option(*args, verb, "--footprint", 0.1, 10000, spec.footprint_m) || !number_option(*args, verb, "--overlap", 0, 0.95, spec.side_overlap) ||
        !number_option(*args, verb, "--heading", -360, 360, spec.heading_deg) || !number_option(*args, verb, "--height", 1, 1000, flight.height_m) ||
        !number_option(*args, verb, "--home-amsl", -500, 9000, flight.home_alt_m_amsl) || !number_option(*args, verb, "--speed", 0.5, 60, flight.speed_m_s) ||
        !number_option(*args, verb, "--trigger", 0, 10000, flight.trigger_distance_m) || !number_option(*args, verb, "--width", 0, 100000, scan_spec.width_m))
        return kUnreadable;
    scan_spec.footprint_m = spec.footprint_m, scan_spec.side_overlap = spec.side_overlap;
    const auto pattern = scan ? plan_corridor_scan(scan_spec) : plan_survey(spec);
    if (!pattern) {
        // The engine names the field; the planner typed the option.
        const std::string& field = pattern.error().where;
        const char* option = field == "polygon" ? "--area" : field == "line" ? "--along" : field == "width_m" ? "--width" : field == "footprint_m" ? "--footprint"
                             : field == "side_overlap" ? "--overlap" : field == "heading_deg" ? "--heading" : field.c_str();
        std::fprintf(stderr, "lowsky plan-inspection: %s: %s\n", option, pattern.error().message.c_str());
        return kUnreadable;
    }
    // The drone that flies it, for its time and energy.
    std::optional<Scenario> scenario;
    const DroneType* type = nullptr;
    if (args->option("--scenario").has_value() != args->option("--drone").has_value()) {
        std::fprintf(stderr, "lowsky plan-inspection: --scenario and --drone go together\n%s", kUsage);
        return kUnreadable;
    }
    if (args->option("--scenario")) {
        std::vector<Error> warnings;
        scenario = load_scenario_file(*args->option("--scenario"), false, warnings);
        if (!scenario) return kUnreadable;
        type = scenario->find_drone_type(*args->option("--drone"));
        if (!type) {
            std::fprintf(stderr, "lowsky plan-inspection: --drone: the scenario has no drone type \"%s\"\n", args->option("--drone")->c_str());
            return kUnreadable;
        }
    }
    const Mission mission = survey_mission(pattern.value(), flight);
    const SurveyPattern& p = pattern.value();
    // With a scenario: its airspace, ceilings and the type's battery decide first (errors refuse).
    if (type) {
        const CompiledScenario compiled(*scenario);
        const SurveyCheck check = check_survey(compiled, p, flight, *type);
        const SurveyFigures& fig = check.figures;
        std::fprintf(stderr, "flown by %s: %.2f km, %.1f min, %.0f of %.0f Wh usable\n", type->id.c_str(), fig.distance_m / 1000, fig.time_s / 60, fig.energy_wh,
                     fig.usable_energy_wh);
        for (const auto& w : check.warnings) std::fprintf(stderr, "warning %s: %s (%s)\n", w.check.c_str(), w.message.c_str(), w.where.c_str());
        for (const auto& e : check.errors) std::fprintf(stderr, "error %s: %s (%s)\n", e.check.c_str(), e.message.c_str(), e.where.c_str());
        if (!check.errors.empty()) {
            std::fprintf(stderr, "lowsky plan-inspection: not written: the survey has %zu error(s)\n", check.errors.size());
            return kFindings;
        }
    }
    if (!write_mission(verb, mission, format, *args->option("--output"))) return kUnreadable;
    // Lengths only: a flight's time is the flight profile's to give (flight/), not a length over a speed.
    std::fprintf(stderr, "%zu %s %.1f m apart, %.2f km of them, %.2f km with the moves between them; %zu mission items\n", p.lines.size(),
                 scan ? "passes" : "lines", p.spacing_m, p.line_length_m / 1000, p.path_length_m / 1000, mission.items.size());

    return kOk;
}

}  // namespace lowsky::cli
