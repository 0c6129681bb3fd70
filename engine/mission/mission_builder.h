#pragma once
// From a route to a flyable mission: take-off, climb to the corridor's height, waypoints
// along the corridor centrelines with the transitions between corridors, speed changes,
// the delivery (land, or hover and release the parcel with DO_GRIPPER), and the return
// (back through the corridors, or RTL). Altitudes are converted by the engine from the
// corridors' own references to the frame the file uses.

#include <optional>
#include <string>

#include "core/result.h"
#include "mission/mission.h"
#include "flight/mission_flight.h"
#include "routing/route.h"

namespace lowsky {

enum class Delivery { Land, HoverRelease };
enum class ReturnMode { None, Corridors, Rtl };
enum class MissionAltitudeFrame { RelativeToHome, Amsl };

struct MissionOptions {
    Firmware firmware = Firmware::Px4;
    Delivery delivery = Delivery::HoverRelease;
    double release_height_m = 15;    // above the destination's ground
    double release_hold_s = 5;       // hover before the gripper opens
    double release_settle_s = 3;     // hover after it opens, before climbing away
    ReturnMode return_mode = ReturnMode::Corridors;
    MissionAltitudeFrame altitude = MissionAltitudeFrame::RelativeToHome;
    double fence_reach_m = 10000;    // no-fly zones and hubs this close to the path go into the fence and rally points
    double rally_height_m = 50;      // above home
};

struct BuiltMission {
    Mission mission;
    Route outbound;
    std::optional<Route> inbound;          // the return through the corridors
    std::vector<GeoPoint> flown_path;      // every position the mission flies through, in order
    std::vector<HeightAmsl> flown_height;  // ... and its height
};

// What the flight profile needs to fly these options (flight/mission_flight.h).
flight::MissionFlightSpec flight_spec(const MissionOptions& options);

Result<BuiltMission> build_mission(const CompiledScenario& compiled, const RoutingNetwork& network, const RouteRequest& request,
                                   const MissionOptions& options);

}  // namespace lowsky
