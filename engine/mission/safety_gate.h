#pragma once
// The safety gate every export passes: the mission stays inside its corridors' volumes,
// outside every no-fly volume and under the ceiling; the aircraft can fly every leg as
// commanded (airspeed within what the type holds, headway in the wind); the whole flight
// (outbound, delivery and the chosen return, as flight/mission_flight.h flies it) fits the
// battery with the reserve; every item is one the target firmware accepts.
// A failing mission is refused with each reason and where: one failure per stretch of path,
// with its extent. An explicit override, with its reason, lets it through and is written into
// the file where the format has room.

#include <string>
#include <vector>

#include "mission/mission_builder.h"

namespace lowsky {

struct GateFailure {
    std::string check;    // "mission.outside_corridor", "mission.no_fly", "mission.above_ceiling", "mission.energy", "mission.airspeed", "mission.firmware"
    std::string message;
    std::string where;    // "item 7", "path from 22.55, 113.88 to 22.56, 113.89 at 85-90 m AMSL (80-85 m above home)"
};

struct GateReport {
    std::vector<GateFailure> failures;
    double energy_wh = 0;         // the whole flight, wind included
    double usable_energy_wh = 0;  // battery less the reserve
    double time_s = 0;            // mission start to disarm
    double delivered_s = 0;       // mission start to the release (or landing) at the destination
    std::vector<flight::PhaseCost> phases;
    bool passed() const { return failures.empty(); }
    bool within_battery() const { return flight::EnergyVerdict{energy_wh, usable_energy_wh}.within(); }
};

GateReport check_mission(const CompiledScenario& compiled, const BuiltMission& built, const RouteRequest& request, const MissionOptions& options);

// The flight of a built mission through the profile: what the gate decides on, and what the
// preview shows.
struct MissionFigures {
    flight::Totals totals;
    std::vector<flight::PhaseCost> phases;
    flight::MissionFlightTimes times;
    flight::EnergyVerdict verdict;
    bool headway = true;
    double worst_airspeed_m_s = 0, airspeed_limit_m_s = 0;
    std::string worst_corridor;  // where the commanded speed asks the most of the airframe
};
MissionFigures mission_figures(const CompiledScenario& compiled, const Route& outbound, const Route* inbound, const MissionOptions& options,
                               const std::string& from_hub, const std::string& to_hub);

// The firmware check alone, for missions from files as well as built ones.
std::vector<GateFailure> check_items_for_firmware(const Mission& mission);

}  // namespace lowsky
