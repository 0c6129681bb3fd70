#pragma once
// A sightseeing loop: from home past named points of interest, each looked at from a viewpoint
// on the way in (the camera, or the passengers, held on it by a region of interest) for a
// while, and home again. Written as plain MAVLink mission items that QGroundControl, PX4 and
// ArduPilot load: DO_SET_ROI (a location), a waypoint, LOITER_TIME; then home.

#include <string>
#include <vector>

#include "core/result.h"
#include "mission/mission.h"

namespace lowsky {

struct PointOfInterest {
    std::string name;
    GeoPoint position;
};

struct SightseeingSpec {
    GeoPoint home;
    double home_alt_m_amsl = 0;
    std::vector<PointOfInterest> stops;  // in visiting order
    double height_m = 80;      // above home, the frame of every item
    double speed_m_s = 8;      // ground speed between viewpoints
    double look_s = 30;        // hover at each viewpoint, facing the point
    double standoff_m = 150;   // a viewpoint is this far short of its point, on the way in
    Firmware firmware = Firmware::ArduPilot;
};

struct SightseeingLoop {
    Mission mission;
    std::vector<GeoPoint> viewpoints;  // one per stop
    double length_m = 0;               // home, the viewpoints in order, home
};

// The loop, or what is wrong with the spec (its field in `where`): no stops, a stop no farther
// than the standoff from the point before it, a height, speed or time out of range.
Result<SightseeingLoop> plan_sightseeing(const SightseeingSpec& spec);

}  // namespace lowsky
