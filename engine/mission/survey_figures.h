#pragma once
// The length, time and energy of an inspection survey or a sightseeing loop for a drone type:
// the mission lowsky writes for it, flown through the one flight profile (flight/) that prices
// deliveries. The map's preview, the command-line tool, the validator and the tests read these,
// never a length over a speed.

#include "flight/flight.h"
#include "mission/sightseeing.h"
#include "mission/survey.h"
#include "scenario/scenario.h"

namespace lowsky {

struct SurveyFigures {
    double distance_m = 0;        // over the ground: out, the pattern or the loop, home again
    double time_s = 0;            // take-off to disarm
    double energy_wh = 0;         // no payload, the scenario's wind
    double usable_energy_wh = 0;  // the battery less the scenario's reserve
    bool within_battery() const { return energy_wh <= usable_energy_wh; }
};

// Take-off at home to the survey height, the lines in order at the survey speed (turning as the
// profile turns), straight home at the autopilot's return speed (the mission ends with RTL),
// and the landing.
SurveyFigures fly_survey(const SurveyPattern& pattern, const SurveyFlight& flight, const DroneType& type, const Scenario& scenario);

// Take-off, to each viewpoint in turn at the loop's speed (stopping there) and the look at it,
// straight home at the return speed, the landing.
SurveyFigures fly_sightseeing(const SightseeingLoop& loop, const SightseeingSpec& spec, const DroneType& type, const Scenario& scenario);

// The same loop on a flight started on the ground at home, up to over home again: the
// simulation waits there for its pad before it lands.
void fly_sightseeing_to_home(flight::Flight& f, const SightseeingLoop& loop, const SightseeingSpec& spec);

}  // namespace lowsky
