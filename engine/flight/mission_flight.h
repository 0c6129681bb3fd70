#pragma once
// A whole delivery flight as the exported mission flies it: take-off, the corridors out, the
// delivery (land, or hover and release), and the return the operator chose (back through the
// corridors, RTL straight home, or none). The safety gate, the route preview and the
// simulator all fly a mission through this one function.

#include <vector>

#include "flight/flight.h"

namespace lowsky::flight {

enum class ReturnKind { None, Corridors, Rtl };

struct MissionFlightSpec {
    bool land_at_destination = false;   // deliver by landing (the mission ends there unless it returns)
    double release_height_m = 15;       // above the destination's ground
    double release_hold_s = 5;          // hover before the release
    double release_settle_s = 3;        // hover after it, before climbing away
    ReturnKind back = ReturnKind::Corridors;
};

struct MissionLegs {
    std::vector<const LegGeometry*> out, back;  // back: for ReturnKind::Corridors
    GeoPoint origin, destination;
    HeightAmsl origin_ground, destination_ground;
};

struct MissionFlightTimes {
    double delivered_s = 0;  // parcel released (after the hold) or landed
};

// Flies the mission into `flight`, started on the ground at the origin; `loaded` and `empty`
// are the powers with and without the parcel. Stops short of the last landing when
// `final_landing` is false (the simulator lands after waiting for a pad).
MissionFlightTimes fly_mission(Flight& flight, Powers& loaded, Powers& empty, const MissionLegs& legs, const MissionFlightSpec& spec,
                               bool final_landing = true);

}  // namespace lowsky::flight
