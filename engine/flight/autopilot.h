#pragma once
// How an autopilot flies what a mission commands: the speeds it holds, how fast it speeds up
// and slows down, how it takes off and lands. Two sources of settings:
//   - the firmware's defaults (ArduCopter / ArduPlane QuadPlane, PX4), which is what an
//     aircraft flies with if nobody loads anything else;
//   - lowsky's parameter set, the one exported beside each mission (mission/param_file.h),
//     which raises the speed limits to what the mission assumes.
// Every flight the engine prices (route, safety gate, simulation, preview) uses one of these.
// The values and where they come from: docs/flight.md.

#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.h"

namespace lowsky {

enum class Firmware { Px4, ArduPilot };
const char* to_string(Firmware firmware);

enum class SettingsSource { FirmwareDefaults, LowskyParameters };
const char* to_string(SettingsSource source);

struct AutopilotSettings {
    Firmware firmware = Firmware::ArduPilot;
    SettingsSource source = SettingsSource::LowskyParameters;
    bool wing_borne_cruise = false;         // VTOL: holds airspeed on the wing; multirotor: holds ground speed
    double default_speed_m_s = 10;          // WPNAV_SPEED / MPC_XY_CRUISE: RTL flies home at this speed
    double max_horizontal_m_s = 1e9;        // PX4 MPC_XY_VEL_MAX caps every mission speed; ArduCopter has no such cap
    double max_lean_deg = 90;               // ArduCopter ANGLE_MAX, PX4 MPC_TILTMAX_AIR: caps the airspeed a multirotor can hold
    double climb_m_s = 2.5;                 // WPNAV_SPEED_UP / MPC_Z_V_AUTO_UP / Q_PILOT_SPD_UP
    double descent_m_s = 1.5;               // WPNAV_SPEED_DN / MPC_Z_V_AUTO_DN / Q_WP_SPEED_DN
    double land_descent_m_s = 1.5;          // a landing's descent above land_final_height_m (LAND_SPEED_HIGH, 0 = WPNAV_SPEED_DN)
    double land_final_height_m = 10;        // LAND_ALT_LOW / MPC_LAND_ALT2 / Q_LAND_FINAL_ALT
    double land_final_m_s = 0.5;            // LAND_SPEED / MPC_LAND_SPEED / Q_LAND_SPEED
    double accel_m_s2 = 2.5;                // WPNAV_ACCEL / MPC_ACC_HOR
    double jerk_m_s3 = 1.0;                 // WPNAV_JERK / MPC_JERK_AUTO
    double corner_offset_m = 1.5;           // how far inside a corridor corner the rounded path passes
    double transition_decel_m_s2 = 2.0;     // VTOL: slowing from the wing to a hover (Q_TRANS_DECEL, VT_B_DEC_MSS)
    double transition_overshoot_m = 60;     // VTOL: how far past its hover point a back-transition may run (43-60 m measured)
    double transition_balloon_m = 17;       // VTOL: how far a back-transition climbs above the height it starts at (15-17 m measured)
    double spool_up_s = 4.5;                // mission start to lift-off
    double land_detect_s = 2.0;             // touchdown to disarm
};

// A VTOL's landing approach: the distance it needs to slow from `airspeed_m_s` to a hover
// (v² / 2a), what lowsky leaves before every VTOL landing and hover; and the least ArduPlane
// accepts before a VTOL landing when it arms (three quarters of it: "VTOL land too short").
double vtol_approach_m(const AutopilotSettings& settings, double airspeed_m_s);
double vtol_min_approach_m(const AutopilotSettings& settings, double airspeed_m_s);

// A wing-borne turn at constant bank: the radius grows with the square of the speed over the
// ground (the type's min_turn_radius_m is at its cruise airspeed in still air).
double wing_turn_radius_m(const DroneType& type, double ground_speed_m_s);

// How far a VTOL's transition to the wing may carry it from where it starts, whatever heading it
// starts in: straight on while it gains its minimum airspeed (v² / 2a), then a turn back at that
// speed (two turn radii), while the wind drifts it for the time all that takes. ArduPlane keeps
// the heading it took off (or hovered) with, so the heading is not the mission's to choose.
double vtol_departure_reach_m(const AutopilotSettings& settings, const DroneType& type, double wind_m_s);

AutopilotSettings firmware_defaults(Firmware firmware, const DroneType& type);
AutopilotSettings lowsky_parameters(Firmware firmware, const DroneType& type);
AutopilotSettings autopilot_settings(Firmware firmware, SettingsSource source, const DroneType& type);

// The lean angle a multirotor needs to hold `airspeed_m_s` level at a payload (drag against
// weight), and the airspeed a lean angle allows.
double lean_needed_deg(const DroneType& type, double payload_kg, double airspeed_m_s, double air_density_kg_m3);
double airspeed_at_lean_m_s(const DroneType& type, double payload_kg, double lean_deg, double air_density_kg_m3);

// The parameters lowsky's set writes for a firmware, in the firmware's names and units.
struct AutopilotParameter {
    std::string_view name;  // both are literals: no string is made for a parameter file
    double value = 0;
    std::string_view why;   // for the pre-flight checklist
};
std::vector<AutopilotParameter> parameter_list(const AutopilotSettings& settings, const DroneType& type);

}  // namespace lowsky
