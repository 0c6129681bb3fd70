#include "flight/autopilot.h"

#include <algorithm>
#include <cmath>

#include "core/numbers.h"
#include "energy/energy_model.h"

namespace lowsky {

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;
// lowsky's parameter set never asks for more lean than this, whatever the type's top speed.
constexpr double kMaxExportedLean_deg = 60;
// The parameter file is per airframe, not per day: size the lean for dense (standard) air.
constexpr double kStandardAir_kg_m3 = 1.225;

double drag_area_m2(const DroneType& t, double payload_kg) {
    return t.energy.drag_area_m2 + (payload_kg > 0 ? t.energy.parcel_drag_area_m2 : 0.0);
}

void apply_overrides(AutopilotSettings& s, const AutopilotOverrides& o) {
    if (o.spool_up_s >= 0) s.spool_up_s = o.spool_up_s;
    if (o.accel_m_s2 > 0) s.accel_m_s2 = o.accel_m_s2;
    if (o.land_final_height_m >= 0) s.land_final_height_m = o.land_final_height_m;
    if (o.land_final_m_s > 0) s.land_final_m_s = o.land_final_m_s;
    if (o.land_detect_s >= 0) s.land_detect_s = o.land_detect_s;
}

}  // namespace

const char* to_string(Firmware firmware) { return firmware == Firmware::Px4 ? "px4" : "ardupilot"; }

const char* to_string(SettingsSource source) {
    return source == SettingsSource::FirmwareDefaults ? "firmware defaults" : "lowsky parameter set";
}

double lean_needed_deg(const DroneType& t, double payload_kg, double airspeed, double rho) {
    const double weight = energy::mass_kg(t, payload_kg) * energy::kGravity_m_s2;
    const double drag = 0.5 * rho * airspeed * airspeed * drag_area_m2(t, payload_kg);
    return std::atan2(drag, weight) / kDeg;
}

double airspeed_at_lean_m_s(const DroneType& t, double payload_kg, double lean_deg, double rho) {
    if (lean_deg >= 89.9) return 1e9;
    const double weight = energy::mass_kg(t, payload_kg) * energy::kGravity_m_s2;
    const double area = drag_area_m2(t, payload_kg);
    if (area <= 0) return 1e9;
    return std::sqrt(2 * weight * std::tan(lean_deg * kDeg) / (rho * area));
}

double vtol_approach_m(const AutopilotSettings& s, double v) { return v * v / (2 * s.transition_decel_m_s2); }
double vtol_min_approach_m(const AutopilotSettings& s, double v) { return 0.75 * vtol_approach_m(s, v); }

double wing_turn_radius_m(const DroneType& type, double v) {
    if (type.cruise_speed_m_s <= 0) return type.min_turn_radius_m;
    const double k = v / type.cruise_speed_m_s;
    return type.min_turn_radius_m * k * k;
}

double vtol_departure_reach_m(const AutopilotSettings& s, const DroneType& type, double wind_m_s) {
    // A type without a stated minimum airspeed is taken to need its cruise speed: the larger reach.
    const double v = type.min_airspeed_m_s > 0 ? type.min_airspeed_m_s : type.cruise_speed_m_s;
    if (v <= 0) return 0;
    const double straight_m = v * v / (2 * s.transition_decel_m_s2);
    const double r = wing_turn_radius_m(type, v);
    const double time_s = v / s.transition_decel_m_s2 + 3.14159265358979323846 * r / v;
    return straight_m + 2 * r + std::max(0.0, wind_m_s) * time_s;
}

// The defaults, as shipped (docs/flight.md says which were measured in software-in-the-loop
// simulation and which come from the firmware's parameter documentation).
AutopilotSettings firmware_defaults(Firmware firmware, const DroneType& type) {
    AutopilotSettings s;
    s.firmware = firmware;
    s.source = SettingsSource::FirmwareDefaults;
    const bool vtol = type.airframe == Airframe::VtolFixedWing;
    s.wing_borne_cruise = vtol;
    if (firmware == Firmware::ArduPilot && !vtol) {
        // ArduCopter 4.x: WPNAV_SPEED_UP 250, WPNAV_SPEED_DN 150, LAND_SPEED_HIGH 0 (= WPNAV_SPEED_DN),
        // LAND_ALT_LOW 1000, LAND_SPEED 50 (cm, cm/s), WPNAV_ACCEL 250 cm/s², WPNAV_JERK 1, ANGLE_MAX 3000.
        s.default_speed_m_s = 10;  // WPNAV_SPEED 1000
        s.max_lean_deg = 30;
        s.climb_m_s = 2.5;
        s.descent_m_s = 1.5;
        s.land_descent_m_s = 1.5;
        s.land_final_height_m = 10;
        s.land_final_m_s = 0.5;
        s.accel_m_s2 = 2.5;
        s.jerk_m_s3 = 1.0;
        s.corner_offset_m = 1.5;
        s.spool_up_s = 4.5;
        s.land_detect_s = 2.0;
    } else if (firmware == Firmware::ArduPilot) {
        // ArduPlane QuadPlane: Q_PILOT_SPD_UP 250, Q_WP_SPEED_DN 150, Q_LAND_FINAL_ALT 6 m, Q_LAND_SPEED 50;
        // RTL at AIRSPEED_CRUISE; its stops and starts on the wing are the transitions, at
        // Q_TRANS_DECEL with no jerk term.
        s.default_speed_m_s = type.cruise_speed_m_s;
        s.climb_m_s = 2.5;
        s.descent_m_s = 1.5;
        s.land_descent_m_s = 1.5;
        s.land_final_height_m = 6;
        s.land_final_m_s = 0.5;
        s.accel_m_s2 = s.transition_decel_m_s2;
        s.jerk_m_s3 = 0;
        s.spool_up_s = 4.5;
        s.land_detect_s = 2.0;
    } else {
        // PX4 (multicopter, and the hover parts of a VTOL): MPC_XY_VEL_MAX 12, MPC_TILTMAX_AIR 45,
        // MPC_Z_V_AUTO_UP 3, MPC_Z_V_AUTO_DN 1.5, MPC_LAND_ALT2 5, MPC_LAND_SPEED 0.7, MPC_ACC_HOR 3,
        // MPC_JERK_AUTO 4; spool-up and land detection from COM_SPOOLUP_TIME, MPC_TKO_RAMP_T and
        // COM_DISARM_LAND (not flown here: estimates).
        s.default_speed_m_s = vtol ? type.cruise_speed_m_s : 5;  // MPC_XY_CRUISE
        s.max_horizontal_m_s = vtol ? 1e9 : 12;
        s.max_lean_deg = vtol ? 90 : 45;
        s.climb_m_s = 3.0;
        s.descent_m_s = 1.5;
        s.land_descent_m_s = 1.5;
        s.land_final_height_m = 5;
        s.land_final_m_s = 0.7;
        s.accel_m_s2 = 3.0;
        s.jerk_m_s3 = 4.0;
        s.corner_offset_m = 3.0;
        s.spool_up_s = 3.0;
        s.land_detect_s = 3.0;
        if (vtol) {  // back-transition at VT_B_DEC_MSS (2 m/s/s)
            s.accel_m_s2 = s.transition_decel_m_s2;
            s.jerk_m_s3 = 0;
        }
    }
    apply_overrides(s, type.autopilot);
    return s;
}

// What the exported parameter file sets: the type's own climb, descent and speed; the lean its
// top speed needs at full payload (never above 60 degrees); the rest stays as shipped.
AutopilotSettings lowsky_parameters(Firmware firmware, const DroneType& type) {
    AutopilotSettings s = firmware_defaults(firmware, type);
    s.source = SettingsSource::LowskyParameters;
    s.climb_m_s = type.climb_rate_m_s;
    s.descent_m_s = type.descent_rate_m_s;
    s.land_descent_m_s = type.descent_rate_m_s;
    s.default_speed_m_s = type.cruise_speed_m_s;
    if (!s.wing_borne_cruise) {
        if (firmware == Firmware::Px4) s.max_horizontal_m_s = std::max(s.max_horizontal_m_s, type.max_speed_m_s);
        const double lean = std::ceil(lean_needed_deg(type, type.max_payload_kg, type.max_speed_m_s, kStandardAir_kg_m3));
        s.max_lean_deg = std::clamp(lean, s.max_lean_deg, kMaxExportedLean_deg);
    }
    return s;
}

AutopilotSettings autopilot_settings(Firmware firmware, SettingsSource source, const DroneType& type) {
    return source == SettingsSource::FirmwareDefaults ? firmware_defaults(firmware, type) : lowsky_parameters(firmware, type);
}

std::vector<AutopilotParameter> parameter_list(const AutopilotSettings& s, const DroneType& type) {
    std::vector<AutopilotParameter> p;
    p.reserve(11);  // the longest lists (ArduCopter, PX4 multirotor)
    const bool vtol = type.airframe == Airframe::VtolFixedWing;
    auto cm = [](double m) { return round_half_away(m * 100); };  // std::round to the bit, inline
    if (s.firmware == Firmware::ArduPilot && !vtol) {
        p.push_back({"WPNAV_SPEED", cm(type.cruise_speed_m_s), "cruise speed between waypoints (cm/s)"});
        p.push_back({"WPNAV_SPEED_UP", cm(s.climb_m_s), "climb speed the route assumes (cm/s)"});
        p.push_back({"WPNAV_SPEED_DN", cm(s.descent_m_s), "descent speed the route assumes (cm/s)"});
        p.push_back({"LAND_SPEED_HIGH", cm(s.land_descent_m_s), "landing descent above LAND_ALT_LOW (cm/s)"});
        p.push_back({"LAND_ALT_LOW", cm(s.land_final_height_m), "height where the landing slows (cm)"});
        p.push_back({"LAND_SPEED", cm(s.land_final_m_s), "final landing speed (cm/s)"});
        p.push_back({"WPNAV_ACCEL", cm(s.accel_m_s2), "horizontal acceleration (cm/s/s)"});
        p.push_back({"ANGLE_MAX", round_half_away(s.max_lean_deg * 100), "lean limit that lets the type reach its top airspeed loaded (cdeg)"});
        p.push_back({"FENCE_ENABLE", 1, "the mission's inclusion polygon and no-fly exclusions are enforced"});
        p.push_back({"FENCE_TYPE", 4, "polygon fences only: a circle fence trips on any long route"});
        p.push_back({"FENCE_ACTION", 1, "RTL or land on a breach"});
    } else if (s.firmware == Firmware::ArduPilot) {
        p.push_back({"AIRSPEED_CRUISE", type.cruise_speed_m_s, "wing-borne cruise airspeed (m/s)"});
        p.push_back({"Q_PILOT_SPD_UP", cm(s.climb_m_s), "VTOL take-off climb (cm/s)"});
        p.push_back({"Q_WP_SPEED_UP", cm(s.climb_m_s), "VTOL climb between waypoints (cm/s)"});
        p.push_back({"Q_WP_SPEED_DN", cm(s.descent_m_s), "VTOL descent (cm/s)"});
        p.push_back({"Q_LAND_FINAL_ALT", s.land_final_height_m, "height where the landing slows (m)"});
        p.push_back({"Q_TRANS_DECEL", s.transition_decel_m_s2, "slowing to a hover: the approach before each drop and landing assumes it (m/s/s)"});
        p.push_back({"GRIP_ENABLE", 1, "the gripper releases the parcel (set GRIP_TYPE and its servo output for the hardware)"});
        p.push_back({"FENCE_ENABLE", 1, "the mission's inclusion polygon and no-fly exclusions are enforced"});
        p.push_back({"FENCE_TYPE", 4, "polygon fences only: a circle fence trips on any long route"});
        p.push_back({"FENCE_ACTION", 1, "RTL on a breach"});
    } else {
        if (!vtol) {
            p.push_back({"MPC_XY_CRUISE", type.cruise_speed_m_s, "cruise speed between waypoints (m/s)"});
            p.push_back({"MPC_XY_VEL_MAX", s.max_horizontal_m_s, "highest horizontal speed, at least the type's top speed (m/s)"});
            p.push_back({"MPC_TILTMAX_AIR", s.max_lean_deg, "lean limit that lets the type reach its top airspeed loaded (deg)"});
            p.push_back({"MPC_ACC_HOR", s.accel_m_s2, "horizontal acceleration (m/s/s)"});
        } else {
            p.push_back({"FW_AIRSPD_TRIM", type.cruise_speed_m_s, "wing-borne cruise airspeed (m/s)"});
        }
        p.push_back({"MPC_Z_V_AUTO_UP", s.climb_m_s, "climb speed the route assumes (m/s)"});
        p.push_back({"MPC_Z_VEL_MAX_UP", s.climb_m_s, "so that the climb speed is allowed (m/s)"});
        p.push_back({"MPC_Z_V_AUTO_DN", s.descent_m_s, "descent speed the route assumes (m/s)"});
        p.push_back({"MPC_Z_VEL_MAX_DN", s.descent_m_s, "so that the descent speed is allowed (m/s)"});
        p.push_back({"MPC_LAND_ALT2", s.land_final_height_m, "height where the landing slows (m)"});
        p.push_back({"MPC_LAND_SPEED", s.land_final_m_s, "final landing speed (m/s)"});
        p.push_back({"GF_ACTION", 3, "return on a geofence breach"});
    }
    return p;
}

}  // namespace lowsky
