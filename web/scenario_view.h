#pragma once
// The open scenario as the map draws it: the engine's scenario, its compiled form and its
// validation report, plus what only drawing needs (zone outlines and fills in degrees, each
// corridor's worst finding). Rebuilt whenever the scenario changes; the engine stays the
// single source of truth.

#include <memory>
#include <string>
#include <vector>

#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "scenario/scenario.h"
#include "validation/finding.h"

namespace lowsky::web {

enum class CheckState { Clean, Info, Warning, Error };

struct ZoneShapeView {
    std::vector<GeoPoint> ring;        // circles become 72-gons
    std::vector<uint32_t> triangles;   // fill, 3 indices per triangle
};

struct ScenarioView {
    std::string source;
    std::unique_ptr<Scenario> scenario;
    std::unique_ptr<CompiledScenario> compiled;
    std::unique_ptr<RoutingNetwork> network;
    ValidationReport report;
    std::vector<ZoneShapeView> zones;          // parallel to compiled->zones()
    std::vector<CheckState> corridor_state;    // parallel to scenario->corridors
    std::vector<CheckState> hub_state;         // parallel to scenario->hubs
};

// Compiles, validates and prepares a loaded scenario for drawing.
std::unique_ptr<ScenarioView> make_scenario_view(Scenario scenario, std::string source);

}  // namespace lowsky::web
