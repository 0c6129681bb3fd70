#include "scenario/dji_aircraft.h"

namespace lowsky {

// Enum values from DJI's WPML reference ("Common elements": droneInfo, payloadInfo). The
// wayline speed limit is DJI's waypoint speed range, 1 to 15 m/s, for every one of them.
const std::vector<DjiAircraft>& dji_aircraft() {
    static const std::vector<DjiAircraft> all = {
        {"M350 RTK", 89, 0, 65534, 15}, {"M300 RTK", 60, 0, 65534, 15},
        {"M30", 67, 0, 52, 15},         {"M30T", 67, 1, 53, 15},
        {"M3E", 77, 0, 66, 15},         {"M3T", 77, 1, 67, 15},        {"M3M", 77, 2, 68, 15},
        {"M3D", 91, 0, 80, 15},         {"M3TD", 91, 1, 81, 15},
    };
    return all;
}

const DjiAircraft* find_dji_aircraft(std::string_view name) {
    for (const auto& a : dji_aircraft())
        if (name == a.name) return &a;
    return nullptr;
}

std::string dji_aircraft_names() {
    std::string out;
    for (const auto& a : dji_aircraft()) out += (out.empty() ? "" : ", ") + std::string(a.name);
    return out;
}

}  // namespace lowsky
