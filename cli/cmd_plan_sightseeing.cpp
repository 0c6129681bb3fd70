// lowsky plan-sightseeing: a sightseeing loop past points of interest, as a mission a ground
// station loads.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "mission/sightseeing.h"

namespace lowsky::cli {

namespace {

constexpr const char* kUsage =
    "usage: lowsky plan-sightseeing --home LAT,LON --stops \"[NAME@]LAT,LON; [NAME@]LAT,LON; ...\" -o OUT\n"
    "         [--height M] [--speed M/S] [--look S] [--standoff M] [--home-amsl M] [--format plan|waypoints] [--firmware ardupilot|px4]\n";

// "Name@LAT,LON; LAT,LON; ..." into `out`; false, having said which, for one that is not.
bool parse_stops(const std::string& text, std::vector<PointOfInterest>& out) {
    size_t from = 0;
    while (from <= text.size()) {
        const size_t end = std::min(text.find(';', from), text.size());
        std::string one = text.substr(from, end - from);
        from = end + 1;
        const size_t first = one.find_first_not_of(' '), last = one.find_last_not_of(' ');
        if (first == std::string::npos) continue;
        one = one.substr(first, last - first + 1);
        PointOfInterest stop;
        const size_t at = one.rfind('@');
        if (at != std::string::npos) stop.name = one.substr(0, at), one = one.substr(at + 1);
        if (!parse_point(one, stop.position)) {
            std::fprintf(stderr, "lowsky plan-sightseeing: --stops: \"%s\" is not [NAME@]LAT,LON in degrees\n", one.c_str());
            return false;
        }
        out.push_back(stop);
    }
    return true;
}

}  // namespace

int run_plan_sightseeing(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--home", "--stops", "--height", "--speed", "--look", "--standoff", "--home-amsl", "--format", "--firmware", "--output"},
                           {}, error);
    if (!args || !args->positional.empty() || !args->option("--home") || !args->option("--stops") || !args->option("--output")) {
        std::fprintf(stderr, "lowsky plan-sightseeing: %s\n%s", args ? "--home, --stops and -o are needed" : error.c_str(), kUsage);
        return kUnreadable;
    }
    SightseeingSpec spec;
    if (!parse_point(*args->option("--home"), spec.home)) {
        std::fprintf(stderr, "lowsky plan-sightseeing: --home: \"%s\" is not LAT,LON in degrees\n", args->option("--home")->c_str());
        return kUnreadable;
    }
    if (!parse_stops(*args->option("--stops"), spec.stops)) return kUnreadable;
    const std::string format = args->option("--format").value_or("plan"), firmware = args->option("--firmware").value_or("ardupilot");
    if ((format != "plan" && format != "waypoints") || (firmware != "ardupilot" && firmware != "px4")) {
        std::fprintf(stderr, "lowsky plan-sightseeing: --format is plan or waypoints, --firmware ardupilot or px4\n");
        return kUnreadable;
    }
    spec.firmware = firmware == "px4" ? Firmware::Px4 : Firmware::ArduPilot;
    const char* verb = "plan-sightseeing";
    if (!number_option(*args, verb, "--height", 1, 1000, spec.height_m) || !number_option(*args, verb, "--speed", 0.5, 60, spec.speed_m_s) ||
        !number_option(*args, verb, "--look", 0, 3600, spec.look_s) || !number_option(*args, verb, "--standoff", 0, 10000, spec.standoff_m) ||
        !number_option(*args, verb, "--home-amsl", -500, 9000, spec.home_alt_m_amsl))
        return kUnreadable;
    const auto loop = plan_sightseeing(spec);
    if (!loop) {
        std::fprintf(stderr, "lowsky plan-sightseeing: --%s: %s\n", loop.error().where.rfind("stops", 0) == 0 ? "stops" : loop.error().where.c_str(),
                     loop.error().message.c_str());
        return kUnreadable;
    }
    if (!write_mission(verb, loop->mission, format, *args->option("--output"))) return kUnreadable;
    // Lengths only: a flight's time is the flight profile's to give (flight/), not a length over a speed.
    std::fprintf(stderr, "%zu point(s) of interest, %.2f km round, %.0f s looking; %zu mission items\n", spec.stops.size(), loop->length_m / 1000,
                 spec.look_s * double(spec.stops.size()), loop->mission.items.size());
    return kOk;
}

}  // namespace lowsky::cli
