#include "mission/exporters.h"

#include "mission/param_file.h"
#include "mission/plan_format.h"
#include "mission/waypoints_format.h"
#include "mission/wpml_format.h"

namespace lowsky {

namespace {
std::vector<uint8_t> bytes_of(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }
}

Result<MissionCheck> check_route_mission(const CompiledScenario& compiled, const RoutingNetwork& network, const RouteRequest& request,
                                         const MissionOptions& options) {
    auto built = build_mission(compiled, network, request, options);
    if (!built) return built.error();
    MissionCheck check{std::move(built.value()), {}};
    check.gate = check_mission(compiled, check.built, request, options);
    return check;
}

ExportResult export_mission(const CompiledScenario& compiled, const RoutingNetwork& network, const ExportRequest& request) {
    ExportResult result;
    const bool needs_route = request.format != ExportFormat::GeoJson || !request.route.from_hub.empty();
    if (!needs_route) {
        result.bytes = bytes_of(write_scenario_geojson(compiled, nullptr));
        return result;
    }
    if (request.route.from_hub.empty() || request.route.to_hub.empty() || request.route.drone_type.empty()) {
        result.error = make_error("this format needs a route: --from, --to and --drone");
        return result;
    }
    auto checked = check_route_mission(compiled, network, request.route, request.options);
    if (!checked) {
        result.error = checked.error();
        return result;
    }
    auto built = Result<BuiltMission>(std::move(checked->built));
    result.gate = std::move(checked->gate);
    result.items = built->mission.items.size();
    if (!result.gate.passed()) {
        if (request.override_reason.empty()) {
            result.refused_by_gate = true;
            result.error = make_error("the safety gate refuses this mission (" + std::to_string(result.gate.failures.size()) +
                                      " problem(s)); fix them, or export with an explicit override and its reason");
            return result;
        }
        built->mission.gate_override = request.override_reason;
        built->mission.notes.push_back("exported although the safety gate refused it: " + request.override_reason);
    }
    switch (request.format) {
        case ExportFormat::Plan: result.bytes = bytes_of(write_plan(built->mission)); break;
        case ExportFormat::Waypoints: {
            auto text = write_waypoints(built->mission);
            if (!text) { result.error = text.error(); return result; }
            result.bytes = bytes_of(text.value());
            break;
        }
        case ExportFormat::Kml: result.bytes = bytes_of(write_kml(compiled, built.value(), request.route, request.kml_altitude)); break;
        case ExportFormat::GeoJson: result.bytes = bytes_of(write_scenario_geojson(compiled, &built.value())); break;
        case ExportFormat::Wpml: {
            auto kmz = write_wpml_kmz(built->mission, *compiled.scenario().find_drone_type(request.route.drone_type));
            if (!kmz) { result.error = kmz.error(); return result; }
            result.bytes = std::move(kmz->kmz);
            result.notes = std::move(kmz->notes);
            break;
        }
        case ExportFormat::Params:
            result.bytes = bytes_of(write_param_file(built->outbound.autopilot, *compiled.scenario().find_drone_type(request.route.drone_type)));
            break;
    }
    return result;
}

}  // namespace lowsky
