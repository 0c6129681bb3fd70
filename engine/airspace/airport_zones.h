#pragma once
// Airport zones from runway ends (docs/scenario.md):
// - a no-fly core: the hull of circles of core_radius_m around every runway end, the tier
//   where DJI's China geofence allows 30 m, which no logistics corridor can use;
// - the clearance-protection area: the hull of rectangles reaching protection_side_m either
//   side of each runway centreline and protection_end_m beyond each end. Controlled
//   airspace: a corridor needs an approval to enter it.

#include <vector>

#include "scenario/scenario.h"

namespace lowsky {

std::vector<Zone> generate_airport_zones(const AirportZones& airport);

}  // namespace lowsky
