#pragma once
// The autopilot parameters a lowsky mission assumes, as a file the ground station loads
// before the flight: ArduPilot's `.param` (NAME,VALUE lines, as Mission Planner and MAVProxy
// read them) or QGroundControl's parameter file for PX4 (tab-separated, with MAVLink types).
// The same list goes into the mission's notes as a pre-flight checklist.

#include <string>

#include "flight/autopilot.h"

namespace lowsky {

std::string write_param_file(const AutopilotSettings& settings, const DroneType& type);
// "WPNAV_SPEED=1500, WPNAV_SPEED_UP=300, ..." for a note or a dialog.
std::string parameter_checklist(const AutopilotSettings& settings, const DroneType& type);
// The file name's ending: "param" for ArduPilot, "params" for PX4.
const char* param_file_extension(Firmware firmware);

}  // namespace lowsky
