#pragma once
// One entry point for every export: route, mission, safety gate, then the file's bytes.

#include <cstdint>
#include <vector>

#include "mission/safety_gate.h"
#include "mission/shape_formats.h"

namespace lowsky {

enum class ExportFormat { Plan, Waypoints, Kml, GeoJson, Wpml, Params };

struct ExportRequest {
    ExportFormat format = ExportFormat::Plan;
    RouteRequest route;              // not needed for GeoJSON of the scenario alone
    MissionOptions options;
    KmlAltitude kml_altitude = KmlAltitude::Absolute;
    std::string override_reason;     // export although the gate refuses, and say why in the file
};

struct ExportResult {
    std::vector<uint8_t> bytes;
    GateReport gate;
    size_t items = 0;
    std::vector<std::string> notes;  // what the format could not say as the mission has it (WPML)
    Error error;                     // empty message: success
    bool refused_by_gate = false;
    bool ok() const { return error.message.empty(); }
};

// The mission a route request and options make, and the gate's verdict on it: what an export
// would write and decide, without writing. The route preview and `lowsky route` show this.
struct MissionCheck {
    BuiltMission built;
    GateReport gate;
};
Result<MissionCheck> check_route_mission(const CompiledScenario& compiled, const RoutingNetwork& network, const RouteRequest& request,
                                         const MissionOptions& options);

ExportResult export_mission(const CompiledScenario& compiled, const RoutingNetwork& network, const ExportRequest& request);

}  // namespace lowsky
