#pragma once
// A flyable mission in MAVLink terms: what QGroundControl, Mission Planner, MAVSDK, PX4 and
// ArduPilot load (docs/missions.md). Positions are WGS84 degrees, altitudes
// metres in each item's own frame; `params` hold NaN where a file writes null ("use default").

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/numbers.h"
#include "flight/autopilot.h"
#include "geo/geo_types.h"

namespace lowsky {

// MAVLink values used here (common.xml).
namespace mav {
constexpr uint16_t kNavWaypoint = 16, kNavLoiterTime = 19, kNavLoiterToAlt = 31, kNavReturnToLaunch = 20, kNavLand = 21, kNavTakeoff = 22, kNavVtolTakeoff = 84,
                   kNavVtolLand = 85, kNavDelay = 93, kConditionDelay = 112, kDoJump = 177, kDoChangeSpeed = 178, kDoSetServo = 183,
                   kDoGripper = 211, kNavPayloadPlace = 94, kDoSetCamTriggDist = 206, kDoVtolTransition = 3000;
constexpr double kVtolStateMultirotor = 3, kVtolStateFixedWing = 4;  // DO_VTOL_TRANSITION param 1
constexpr uint8_t kFrameGlobal = 0, kFrameMission = 2, kFrameGlobalRelativeAlt = 3, kFrameGlobalTerrainAlt = 10;
constexpr int kAutopilotArduPilot = 3, kAutopilotPx4 = 12;
constexpr int kTypeQuadrotor = 2, kTypeHexarotor = 13, kTypeOctorotor = 14, kTypeVtolFixedRotor = 22;
bool is_positional(uint16_t command);  // a command with a position (lat, lon, alt)
bool is_known_command(uint16_t command);  // in MAVLink's MAV_CMD (common, ArduPilot's or PX4's)
// Mission files carry positions to 1e-7 degree (MAVLink's integer positions): every builder
// rounds its items' positions so, once, and what is checked, written, read back and flown is the
// same number on every platform.
inline double e7(double deg) { return round_to_decimals(deg, 7); }
inline GeoPoint e7(GeoPoint p) { return {e7(p.lat_deg), e7(p.lon_deg)}; }
}  // namespace mav


struct MissionItem {
    uint16_t command = mav::kNavWaypoint;
    uint8_t frame = mav::kFrameGlobalRelativeAlt;
    std::array<double, 4> params{0, 0, 0, 0};  // NaN: "use default", written as null in a .plan
    double lat_deg = 0, lon_deg = 0, alt_m = 0;  // x, y, z; lat/lon 0 for commands without a position
    bool autocontinue = true;
};

struct FencePolygon {
    bool inclusion = true;
    std::vector<GeoPoint> vertices;  // 3 or more, first not repeated
};

struct FenceCircle {
    bool inclusion = false;
    GeoPoint center;
    double radius_m = 0;
};

struct RallyPoint {
    GeoPoint position;
    double alt_m = 0;  // relative to home
};

struct Mission {
    Firmware firmware = Firmware::Px4;
    int vehicle_type = mav::kTypeQuadrotor;
    GeoPoint home;
    double home_alt_m_amsl = 0;      // plannedHomePosition's altitude
    double cruise_speed_m_s = 15;
    double hover_speed_m_s = 5;
    int global_altitude_mode = 1;    // QGC AltMode: 1 relative, 2 absolute
    std::vector<MissionItem> items;  // home is not an item
    std::vector<FencePolygon> fence_polygons;
    std::vector<FenceCircle> fence_circles;
    std::vector<RallyPoint> rally_points;
    std::vector<std::string> notes;  // provenance and assumptions, written where the format has room
    std::string gate_override;       // why this mission was exported although the safety gate refused it
};

}  // namespace lowsky
