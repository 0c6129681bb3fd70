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


}  // namespace lowsky
