#pragma once
// The scenario's inspections and sightseeing loops (scenario.h) as missions: flown from their hub
// by their drone type, with their figures and what the airspace, the ceiling, the type and the
// firmware say of them. The validator, the command-line tool, the app and the simulation all
// start from here.

#include "core/result.h"
#include "mission/survey_check.h"

namespace lowsky {

struct PlannedInspection {
    SurveyPattern pattern;
    SurveyFlight flight;
    Mission mission;
    SurveyCheck check;
};
// Fails (with the field in `where`) where the pattern cannot be laid (plan_survey,
// plan_corridor_scan) or the hub or type is unknown. The camera triggers every line spacing.
Result<PlannedInspection> plan_inspection(const CompiledScenario& compiled, const Inspection& inspection, Firmware firmware);

struct PlannedSightseeing {
    SightseeingSpec spec;
    SightseeingLoop loop;
    SurveyCheck check;
};
Result<PlannedSightseeing> plan_scenario_sightseeing(const CompiledScenario& compiled, const Sightseeing& sightseeing, Firmware firmware);

}  // namespace lowsky
