#pragma once
// The safety gate every export passes: the mission stays inside its corridors' volumes,
// outside every no-fly volume and under the ceiling, has the energy for its flight with the
// reserve (wind included), and every item is one the target firmware accepts.
// A failing mission is refused with each reason and where; an explicit override, with its
// reason, lets it through and is written into the file where the format has room.

#include <string>
#include <vector>

#include "mission/mission_builder.h"

namespace lowsky {

struct GateFailure {
    std::string check;    // "mission.outside_corridor", "mission.no_fly", "mission.above_ceiling", "mission.energy", "mission.firmware"
    std::string message;
    std::string where;    // "item 7", "path at 22.55, 113.88 (height 85 m)"
};

struct GateReport {
    std::vector<GateFailure> failures;
    double energy_wh = 0;         // outbound and return, wind included
    double usable_energy_wh = 0;  // battery less the reserve
    bool passed() const { return failures.empty(); }
};

GateReport check_mission(const CompiledScenario& compiled, const BuiltMission& built, const RouteRequest& request, const MissionOptions& options);

// The firmware check alone, for missions from files as well as built ones.
std::vector<GateFailure> check_items_for_firmware(const Mission& mission);

}  // namespace lowsky
