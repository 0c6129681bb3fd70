#pragma once
// What the airspace and the aircraft say of an inspection survey or a sightseeing loop before it
// is exported: the path it flies (home, the lines or viewpoints in order, home) against the
// scenario's zones at its height, the ceiling of each jurisdiction it is in, the type's speed and
// battery, and the firmware's items. The app, the command-line tool and the validator decide on
// these; errors refuse the export, warnings go with it.

#include <vector>

#include "mission/safety_gate.h"
#include "mission/survey_figures.h"
#include "scenario/compiled_scenario.h"

namespace lowsky {

struct SurveyCheck {
    SurveyFigures figures;
    // "inspection.no_fly", ".above_ceiling", ".too_fast", ".energy" (or "sightseeing.…"), "mission.firmware"
    std::vector<GateFailure> errors;
    // "inspection.approval" (or "sightseeing.approval"): controlled or restricted airspace,
    // flown with its authority's approval
    std::vector<GateFailure> warnings;
};

SurveyCheck check_survey(const CompiledScenario& compiled, const SurveyPattern& pattern, const SurveyFlight& flight, const DroneType& type);
SurveyCheck check_sightseeing(const CompiledScenario& compiled, const SightseeingLoop& loop, const SightseeingSpec& spec, const DroneType& type);

}  // namespace lowsky
