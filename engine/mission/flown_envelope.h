#pragma once
// Where a fixed-wing VTOL really goes flying a mission, beyond the straight lines between its
// waypoints (measured in ArduPlane's software-in-the-loop simulation; docs/flight.md):
//   - a transition to the wing (after the take-off, and after a hover delivery) starts in
//     whatever heading the aircraft has: it may reach anywhere within vtol_departure_reach_m;
//   - a wing-borne corner is flown as an arc tangent to both legs, at the turn radius for the
//     ground speed (the commanded airspeed with the strongest wind behind it);
//   - a back-transition (to a hover, or into a VTOL landing) may run transition_overshoot_m past
//     its point and climb transition_balloon_m above the height it starts at.
// The fence must hold all of it and the airspace rules apply to all of it: the safety gate
// checks these points, the mission builder shapes the fence for the first.

#include <string>
#include <vector>

#include "flight/autopilot.h"
#include "geo/geo_types.h"
#include "mission/mission.h"
#include "scenario/altitude.h"

namespace lowsky {

struct EnvelopePoint {
    GeoPoint at;
    HeightAmsl height;
    size_t item = 0;   // the mission item (0-based) whose flight reaches here
    const char* what;  // "transition to the wing", "turn", "back-transition"
};

std::vector<EnvelopePoint> vtol_flown_envelope(const Mission& mission, const DroneType& type, const AutopilotSettings& settings, double wind_m_s);

// The envelope's wind: the strongest of the scenario's bands at or below the highest the flight
// goes above home (`flown`), a back-transition's climb included. The fence and the gate both
// take it from here.
double envelope_wind_m_s(const std::vector<WindBand>& bands, const std::vector<HeightAmsl>& flown, HeightAmsl home, const AutopilotSettings& settings);

}  // namespace lowsky
