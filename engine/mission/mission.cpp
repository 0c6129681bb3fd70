#include "mission/mission.h"

namespace lowsky {

bool mav::is_positional(uint16_t command) {
    switch (command) {
        case kNavWaypoint: case kNavLand: case kNavTakeoff: case kNavVtolTakeoff: case kNavVtolLand: case kNavPayloadPlace:
        case 17: case 18: case 19: case 31:  // loiter unlimited / turns / time / to altitude
            return true;
        default:
            return false;
    }
}

// MAVLink's MAV_CMD values that mission files carry (common.xml, and ArduPilot's and PX4's own
// ranges): a command outside all of them is one no autopilot would fly.
bool mav::is_known_command(uint16_t c) {
    static const uint16_t kSingles[] = {16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  30,  31,  32,  33,  34,  35,  80,  81,  82,  83,
                                        84,  85,  92,  93,  94,  95,  112, 113, 114, 115, 159, 300, 530, 531, 532, 600, 601, 1000, 1001,
                                        2000, 2001, 2003, 2004, 2005, 2010, 2500, 2501, 2502, 2503, 2504, 2505, 2510, 2511, 2520, 2600, 2800,
                                        3000, 3001, 4000, 4001, 4501, 5000, 5001, 5002, 5003, 5004, 5100, 5200, 10001, 30001, 30002};
    for (uint16_t s : kSingles) if (c == s) return true;
    return (c >= 176 && c <= 252)          // the DO_ commands
           || (c >= 31000 && c <= 31014)  // the user-defined waypoint, spatial and other commands
           || (c >= 42000 && c <= 43999);  // ArduPilot's own
}

}  // namespace lowsky
