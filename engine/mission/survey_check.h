#pragma once
// What the airspace and the aircraft say of an inspection survey before it is exported: the
// path it flies (home, the lines in order, home) against the scenario's zones at the survey
// height, the ceiling of each jurisdiction it is in, the battery, and the firmware's items. The
// app and the command-line tool decide on these; errors refuse the export, warnings go with it.

#include <vector>

#include "mission/safety_gate.h"
#include "mission/survey_figures.h"
#include "scenario/compiled_scenario.h"

namespace lowsky {

struct SurveyCheck {
    SurveyFigures figures;
    // "survey.no_fly", "survey.above_ceiling", "survey.energy", "mission.firmware"
    std::vector<GateFailure> errors;
    // "survey.approval": controlled or restricted airspace, flown with its authority's approval
    std::vector<GateFailure> warnings;
};

SurveyCheck check_survey(const CompiledScenario& compiled, const SurveyPattern& pattern, const SurveyFlight& flight, const DroneType& type);

}  // namespace lowsky
