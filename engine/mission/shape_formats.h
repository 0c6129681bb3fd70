#pragma once
// Exports for viewing and for GIS tools: KML (the flown path in 3D and the corridors it uses,
// for Google Earth) and GeoJSON (the whole scenario, RFC 7946). DJI WPML: mission/wpml_format.h.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mission/mission_builder.h"

namespace lowsky {

enum class KmlAltitude { Absolute, RelativeToGround };

std::string write_kml(const CompiledScenario& compiled, const BuiltMission& built, const RouteRequest& request, KmlAltitude altitude);

// The scenario's hubs, junctions, corridors (centrelines and footprints) and zones (explicit
// and generated), and the route's path when one is given.
std::string write_scenario_geojson(const CompiledScenario& compiled, const BuiltMission* built);

}  // namespace lowsky
