#pragma once
// The DJI aircraft that fly WPML waylines (DJI Pilot 2, FlightHub 2, the docks), with the enum
// values DJI's WPML reference gives them, and the payload each carries by default. A scenario's
// drone type names one (`dji_model`) to be exported as a .kmz; other types are refused.

#include <string>
#include <string_view>
#include <vector>

namespace lowsky {

struct DjiAircraft {
    const char* name;          // as the scenario names it, e.g. "M350 RTK"
    int drone_enum;            // wpml:droneEnumValue
    int drone_sub_enum;        // wpml:droneSubEnumValue
    int payload_enum;          // wpml:payloadEnumValue: its own camera, or 65534 (a PSDK payload: a winch or a release)
    double max_wayline_speed_m_s;  // the fastest a wayline may ask of it
};

const std::vector<DjiAircraft>& dji_aircraft();
const DjiAircraft* find_dji_aircraft(std::string_view name);
std::string dji_aircraft_names();  // "M350 RTK, M300 RTK, ..." for messages

}  // namespace lowsky
