#pragma once
// What the mission panel works on: the chosen route and export settings, the last export's
// safety-gate report, and a mission or shapes imported from a file, shown as an overlay.
// The engine does all the work; this only holds the user's choices and the results.

#include <optional>
#include <string>
#include <vector>

#include "mission/exporters.h"
#include "mission/importers.h"
#include "mission/scenario_missions.h"
#include "routing/route.h"

namespace lowsky::web {

enum class ExportChoice { PlanPx4, PlanArduPilot, WaypointsArduPilot, Kml, GeoJson, Wpml, ParamsArduPilot, ParamsPx4 };

// The firmware a format is for (KML, GeoJSON and WPML are priced as ArduPilot flies them).
inline Firmware firmware_of(ExportChoice c) { return c == ExportChoice::PlanPx4 || c == ExportChoice::ParamsPx4 ? Firmware::Px4 : Firmware::ArduPilot; }

struct MissionWorkbench {
    int from = 0, to = 1, drone = 0;  // indices into the scenario's hubs and drone types
    ExportChoice format = ExportChoice::PlanPx4;
    Delivery delivery = Delivery::HoverRelease;
    ReturnMode return_mode = ReturnMode::Corridors;
    char override_reason[160] = "";

    std::optional<Route> preview;            // the route of the current choice
    std::optional<GateReport> preview_gate;  // the gate's verdict on the mission the choices make (what Export decides)
    std::string preview_checklist;           // the autopilot parameters that mission assumes
    std::string preview_error;
    GateReport last_gate;                    // of the last export attempt
    std::string last_message;                // what happened, for the panel
    bool last_failed = false;

    std::optional<Imported> imported;        // the overlay
    std::string imported_name;

    // An inspection survey drawn on the map (the Survey tool): a draft of the scenario's own
    // inspection object, flown from the hub nearest to it by the chosen drone type and planned
    // by the engine as the scenario's are; Keep pastes the draft into the scenario.
    Inspection survey_draft;                  // no area: no survey
    std::optional<PlannedInspection> survey;  // its pattern, mission, figures and checks
    std::string survey_error;                 // why there is none
};

}  // namespace lowsky::web
