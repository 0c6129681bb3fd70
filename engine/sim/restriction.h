#pragma once
// Temporary restrictions: airspace closed at short notice (an accident, an event, a VIP
// movement). Active from `start_s` to `end_s`, announced `notice_s` before it starts. The
// simulation plans around what has been announced (docs/simulation.md, "Temporary restrictions").

#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "sim/sim_types.h"

namespace lowsky {

// Does the track go inside the restriction's area while it is active? A drone standing on a
// pad there does not count.
bool track_crosses(const std::vector<TrackPoint>& track, const TemporaryRestriction& r);

// The restriction as a no-fly zone from the ground to 10 km: a scenario with it added routes
// around it.
Zone restriction_zone(const TemporaryRestriction& r);

}  // namespace lowsky
