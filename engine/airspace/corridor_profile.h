#pragma once
// A corridor seen from the side: distance along its centreline against height AMSL, with its
// band, the true-height ceiling, the zones it passes through (where along it, and their floors
// and ceilings) and the ground it is placed over. What the app's altitude profile draws; the
// heights are the ones the checks and the flights use (compiled_scenario.h).

#include <string>
#include <vector>

#include "scenario/compiled_scenario.h"

namespace lowsky {

struct ProfileZone {
    std::string id, name;
    ZoneKind kind = ZoneKind::NoFly;
    double from_m = 0, to_m = 0;  // along the centreline, where the corridor's width reaches into it
    HeightAmsl floor, ceiling;
};

struct CorridorProfile {
    double length_m = 0;
    HeightAmsl ground;                  // the lowest hub at its ends (no terrain model)
    HeightAmsl start_ground, end_ground;  // each end's hub, or the ground when the end is no hub
    HeightAmsl floor, ceiling;          // the band
    HeightAmsl airspace_ceiling;        // the rules' true-height ceiling over the ground
    std::vector<ProfileZone> zones;     // in the order they are met
};

CorridorProfile corridor_profile(const CompiledScenario& compiled, size_t corridor);

}  // namespace lowsky
