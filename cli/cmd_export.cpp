// lowsky export FILE --from HUB --to HUB --drone TYPE --format plan|waypoints|kml|geojson|wpml|params
//               (or --inspection ID | --sightseeing ID: export_scenario_mission.cpp)
//               [--firmware px4|ardupilot] [--delivery release|land] [--return corridors|rtl|none]
//               [--altitude relative|amsl] [--kml-altitude absolute|relative] [--override REASON] -o OUT
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "core/file_io.h"
#include "mission/exporters.h"
#include "mission/param_file.h"
#include "mission/safety_gate.h"

namespace lowsky::cli {

namespace {

const char* kUsage =
    "usage: lowsky export FILE --format plan|waypoints|kml|geojson|wpml|params -o OUT\n"
    "                     [--from HUB --to HUB --drone TYPE] (all but geojson need the route)\n"
    "                     [--firmware px4|ardupilot] [--delivery release|land] [--return corridors|rtl|none]\n"
    "                     [--altitude relative|amsl] [--kml-altitude absolute|relative] [--objective fastest|energy]\n"
    "                     [--payload KG] [--override REASON]\n"
    "       lowsky export FILE --inspection ID | --sightseeing ID --format plan|waypoints [--firmware px4|ardupilot] -o OUT";

}  // namespace

int run_export(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2,
                           {"--from", "--to", "--drone", "--format", "--firmware", "--delivery", "--return", "--altitude", "--kml-altitude",
                            "--objective", "--payload", "--override", "--output", "--inspection", "--sightseeing"},
                           {}, error);
    if (!args || args->positional.size() != 1 || !args->option("--format") || !args->option("--output")) {
        std::fprintf(stderr, "lowsky export: %s\n%s\n", args ? "a scenario file, --format and -o are needed" : error.c_str(), kUsage);
        return kUnreadable;
    }
    if (args->option("--inspection") || args->option("--sightseeing")) {
        Firmware firmware = Firmware::ArduPilot;
        if (args->option("--inspection") && args->option("--sightseeing")) {
            std::fprintf(stderr, "lowsky export: one of --inspection and --sightseeing\n%s\n", kUsage);
            return kUnreadable;
        }
        for (const char* route_option : {"--from", "--to", "--drone", "--delivery", "--return", "--payload", "--objective"}) {
            if (!args->option(route_option)) continue;
            std::fprintf(stderr, "lowsky export: %s is for delivery routes, not with --inspection or --sightseeing\n", route_option);
            return kUnreadable;
        }
        if (!choice_option(*args, "export", "--firmware", {{"px4", Firmware::Px4}, {"ardupilot", Firmware::ArduPilot}}, firmware)) return kUnreadable;
        return export_scenario_mission(*args, firmware);
    }
    ExportRequest request;
    request.options.return_mode = ReturnMode::Corridors;
    if (!choice_option(*args, "export", "--format", {{"plan", ExportFormat::Plan}, {"waypoints", ExportFormat::Waypoints}, {"kml", ExportFormat::Kml},
                                  {"geojson", ExportFormat::GeoJson}, {"wpml", ExportFormat::Wpml}, {"params", ExportFormat::Params}}, request.format) ||
        !choice_option(*args, "export", "--firmware", {{"px4", Firmware::Px4}, {"ardupilot", Firmware::ArduPilot}}, request.options.firmware) ||
        !choice_option(*args, "export", "--delivery", {{"release", Delivery::HoverRelease}, {"land", Delivery::Land}}, request.options.delivery) ||
        !choice_option(*args, "export", "--return", {{"corridors", ReturnMode::Corridors}, {"rtl", ReturnMode::Rtl}, {"none", ReturnMode::None}}, request.options.return_mode) ||
        !choice_option(*args, "export", "--altitude", {{"relative", MissionAltitudeFrame::RelativeToHome}, {"amsl", MissionAltitudeFrame::Amsl}}, request.options.altitude) ||
        !choice_option(*args, "export", "--kml-altitude", {{"absolute", KmlAltitude::Absolute}, {"relative", KmlAltitude::RelativeToGround}}, request.kml_altitude) ||
        !choice_option(*args, "export", "--objective", {{"fastest", RouteObjective::Fastest}, {"energy", RouteObjective::LeastEnergy}}, request.route.objective))
        return kUnreadable;
    // A landing delivery ends the mission unless a return was asked for explicitly.
    if (request.options.delivery == Delivery::Land && !args->option("--return")) request.options.return_mode = ReturnMode::None;
    if ((request.format == ExportFormat::Waypoints || request.format == ExportFormat::Params) && !args->option("--firmware"))
        request.options.firmware = Firmware::ArduPilot;
    request.route.from_hub = args->option("--from").value_or("");
    request.route.to_hub = args->option("--to").value_or("");
    request.route.drone_type = args->option("--drone").value_or("");
    if (!number_option(*args, "export", "--payload", 0, 10000, request.route.payload_kg)) return kUnreadable;
    request.override_reason = args->option("--override").value_or("");
    if (args->option("--override") && request.override_reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        std::fprintf(stderr, "lowsky export: --override needs a reason, in words: it is written into the file\n");
        return kUnreadable;
    }

    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], false, warnings);
    if (!scenario) return kUnreadable;
    const CompiledScenario compiled(*scenario);
    const RoutingNetwork network(compiled);
    const ExportResult result = export_mission(compiled, network, request);
    for (const auto& f : result.gate.failures) std::fprintf(stderr, "safety gate: %-26s %s (%s)\n", f.check.c_str(), f.message.c_str(), f.where.c_str());
    if (!result.ok()) {
        std::fprintf(stderr, "lowsky export: %s\n", result.error.to_string().c_str());
        // A refusal or a missing route is a finding (1); bad names or options are bad input (2).
        const std::string& code = result.error.code;
        const bool no_route = code == "route.no_route" || code == "mission.no_way_back" || code == "route.hub_does_not_serve";
        return result.refused_by_gate || no_route ? kFindings : kUnreadable;
    }
    if (!result.gate.failures.empty()) std::fprintf(stderr, "lowsky export: exported despite the safety gate, as asked: %s\n", request.override_reason.c_str());
    const std::string out = *args->option("--output");
    if (!write_output("export", out, args->positional[0], result.bytes)) return kUnreadable;
    if (out == "-") return kOk;  // the file is the output: nothing else goes to standard output
    std::printf("%s: %zu bytes", out.c_str(), result.bytes.size());
    if (result.items > 0) std::printf(", %zu mission items, %.0f Wh of %.0f Wh usable (wind included)", result.items, result.gate.energy_wh, result.gate.usable_energy_wh);
    std::printf("\n");
    for (const auto& note : result.notes) std::printf("note: %s\n", note.c_str());
    if (request.format == ExportFormat::Waypoints)
        std::printf("note: a .waypoints file carries no geofence and no rally points: take them from the .plan, or set them on the vehicle\n");
    if (request.format == ExportFormat::Plan || request.format == ExportFormat::Waypoints)
        std::printf("pre-flight: load the parameter set this mission assumes (--format params), or check: %s\n",
                    parameter_checklist(autopilot_settings(request.options.firmware, SettingsSource::LowskyParameters, *scenario->find_drone_type(request.route.drone_type)),
                                        *scenario->find_drone_type(request.route.drone_type)).c_str());
    return kOk;
}

}  // namespace lowsky::cli
