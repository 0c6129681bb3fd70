#pragma once
// ArduPilot / Mission Planner .waypoints files ("QGC WPL 110"): what QGroundControl,
// pymavlink and MAVSDK all load (docs/missions.md).

#include <string>
#include <string_view>

#include "core/result.h"
#include "mission/mission.h"

namespace lowsky {

// Tab-separated, \n line endings, no comments or blank lines; line 0 is home (AMSL).
// Refuses a PX4 mission: the format cannot carry PX4's "default" (NaN) parameters.
Result<std::string> write_waypoints(const Mission& mission);

// Strict like QGroundControl (tabs, 12 columns, integer columns as integers, no blank or
// comment lines); errors name the line. The mission comes back as an ArduPilot one.
Result<Mission> read_waypoints(std::string_view text, const std::string& source);

}  // namespace lowsky
