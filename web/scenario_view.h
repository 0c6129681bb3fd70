#pragma once
// The open scenario as the map draws it: the document under edit (the engine's Editor, the
// single source of truth), its live checks, plus what only drawing needs (zone outlines and
// fills in degrees, each corridor's worst finding). The UI changes the document only through
// edit commands; after each, refresh() brings the rest up to date.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/editor.h"
#include "edit/live_checks.h"
#include "mission/survey_figures.h"
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

// An inspection or sightseeing loop of the scenario as the map draws it: its outline (the area,
// the line, or the sights) and the path it flies (its lines, or home past the viewpoints).
struct MissionOverlay {
    std::string id;
    bool sightseeing = false;
    bool closed = false;                         // the outline is an area
    std::vector<GeoPoint> outline;               // the area, the line scanned, or the sights
    std::vector<std::vector<GeoPoint>> strokes;  // the survey's lines, or the loop's path
    CheckState state = CheckState::Clean;
    std::optional<SurveyFigures> figures;        // as its drone type flies it (none: it cannot be laid)
    size_t items = 0;                            // in its mission
};

struct ScenarioView {
    std::string source;
    std::unique_ptr<Editor> editor;
    std::unique_ptr<LiveChecks> live;
    const Scenario* scenario = nullptr;         // the editor's document
    const CompiledScenario* compiled = nullptr;  // the live checks' compiled form
    ValidationReport report;
    std::vector<ZoneShapeView> zones;          // parallel to compiled->zones()
    std::vector<CheckState> corridor_state;    // parallel to scenario->corridors
    std::vector<CheckState> hub_state;         // parallel to scenario->hubs
    std::vector<MissionOverlay> missions;      // the inspections, then the sightseeing loops

    // The routing network, built when first asked for after a change (routing is not needed
    // while a vertex is dragged).
    const RoutingNetwork& network() const;
    // After an edit, an undo or a redo of `editor`.
    void refresh();

private:
    mutable std::unique_ptr<RoutingNetwork> network_;
};

// Compiles, validates and prepares a loaded scenario for drawing and editing.
std::unique_ptr<ScenarioView> make_scenario_view(Scenario scenario, std::string source);

}  // namespace lowsky::web
