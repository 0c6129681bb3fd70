// The autopilot parameter files, written out by hand: settings and a type made up for the test,
// every line of the file as the firmware's loader reads it (ArduPilot's NAME,VALUE; QGroundControl's
// tab-separated PX4 file with MAVLink types: 6 is INT32, 9 is REAL32).
#include <catch2/catch.hpp>

#include "mission/param_file.h"
#include "scenario/scenario.h"

using namespace lowsky;

namespace {

AutopilotSettings made_up_settings(Firmware firmware) {
    AutopilotSettings s;
    s.firmware = firmware;
    s.max_horizontal_m_s = 21.5;
    s.max_lean_deg = 35.5;
    s.climb_m_s = 2.5;
    s.descent_m_s = 1.5;
    s.land_descent_m_s = 3;
    s.land_final_height_m = 2.345;
    s.land_final_m_s = 0.55;
    s.accel_m_s2 = 2.2;
    s.transition_decel_m_s2 = 1.25;
    return s;
}

DroneType made_up_type(Airframe airframe) {
    DroneType t;
    t.id = "test-type";
    t.name = "Test type";
    t.airframe = airframe;
    t.cruise_speed_m_s = airframe == Airframe::VtolFixedWing ? 23.456 : 12.34;
    return t;
}

// The ArduCopter file of the made-up settings and type.
std::string arducopter_file() {
    // Speeds in cm/s and heights in cm, rounded half away from zero: 2.345 m is 234.5 cm, so 235;
    // 0.55 m/s is 55 cm/s though 0.55 * 100 is a hair over 55 in doubles.
    return
        "# lowsky parameter set for test-type (Test type) on ArduCopter: what its missions assume. Load it before the flight and check each value.\n"
        "# WPNAV_SPEED: cruise speed between waypoints (cm/s)\n"
        "# WPNAV_SPEED_UP: climb speed the route assumes (cm/s)\n"
        "# WPNAV_SPEED_DN: descent speed the route assumes (cm/s)\n"
        "# LAND_SPEED_HIGH: landing descent above LAND_ALT_LOW (cm/s)\n"
        "# LAND_ALT_LOW: height where the landing slows (cm)\n"
        "# LAND_SPEED: final landing speed (cm/s)\n"
        "# WPNAV_ACCEL: horizontal acceleration (cm/s/s)\n"
        "# ANGLE_MAX: lean limit that lets the type reach its top airspeed loaded (cdeg)\n"
        "# FENCE_ENABLE: the mission's inclusion polygon and no-fly exclusions are enforced\n"
        "# FENCE_TYPE: polygon fences only: a circle fence trips on any long route\n"
        "# FENCE_ACTION: RTL or land on a breach\n"
        "WPNAV_SPEED,1234\n"
        "WPNAV_SPEED_UP,250\n"
        "WPNAV_SPEED_DN,150\n"
        "LAND_SPEED_HIGH,300\n"
        "LAND_ALT_LOW,235\n"
        "LAND_SPEED,55\n"
        "WPNAV_ACCEL,220\n"
        "ANGLE_MAX,3550\n"
        "FENCE_ENABLE,1\n"
        "FENCE_TYPE,4\n"
        "FENCE_ACTION,1\n";
}

}  // namespace

TEST_CASE("ArduCopter parameter file, worked by hand", "[param_file]") {
    const AutopilotSettings s = made_up_settings(Firmware::ArduPilot);
    const DroneType t = made_up_type(Airframe::Multirotor);
    CHECK(write_param_file(s, t) == arducopter_file());
    CHECK(parameter_checklist(s, t) ==
          "WPNAV_SPEED=1234, WPNAV_SPEED_UP=250, WPNAV_SPEED_DN=150, LAND_SPEED_HIGH=300, LAND_ALT_LOW=235, LAND_SPEED=55, "
          "WPNAV_ACCEL=220, ANGLE_MAX=3550, FENCE_ENABLE=1, FENCE_TYPE=4, FENCE_ACTION=1");
    CHECK(std::string(param_file_extension(Firmware::ArduPilot)) == "param");
}

TEST_CASE("ArduPlane QuadPlane parameter file, worked by hand", "[param_file]") {
    // The wing's airspeed and the VTOL heights in metres, as %.6g writes them; the VTOL speeds in cm/s.
    const std::string expected =
        "# lowsky parameter set for test-type (Test type) on ArduPlane QuadPlane: what its missions assume. Load it before the flight and check each value.\n"
        "# AIRSPEED_CRUISE: wing-borne cruise airspeed (m/s)\n"
        "# Q_PILOT_SPD_UP: VTOL take-off climb (cm/s)\n"
        "# Q_WP_SPEED_UP: VTOL climb between waypoints (cm/s)\n"
        "# Q_WP_SPEED_DN: VTOL descent (cm/s)\n"
        "# Q_LAND_FINAL_ALT: height where the landing slows (m)\n"
        "# Q_TRANS_DECEL: slowing to a hover: the approach before each drop and landing assumes it (m/s/s)\n"
        "# GRIP_ENABLE: the gripper releases the parcel (set GRIP_TYPE and its servo output for the hardware)\n"
        "# FENCE_ENABLE: the mission's inclusion polygon and no-fly exclusions are enforced\n"
        "# FENCE_TYPE: polygon fences only: a circle fence trips on any long route\n"
        "# FENCE_ACTION: RTL on a breach\n"
        "AIRSPEED_CRUISE,23.456\n"
        "Q_PILOT_SPD_UP,250\n"
        "Q_WP_SPEED_UP,250\n"
        "Q_WP_SPEED_DN,150\n"
        "Q_LAND_FINAL_ALT,2.345\n"
        "Q_TRANS_DECEL,1.25\n"
        "GRIP_ENABLE,1\n"
        "FENCE_ENABLE,1\n"
        "FENCE_TYPE,4\n"
        "FENCE_ACTION,1\n";
    CHECK(write_param_file(made_up_settings(Firmware::ArduPilot), made_up_type(Airframe::VtolFixedWing)) == expected);
}

TEST_CASE("PX4 parameter files, worked by hand", "[param_file]") {
    const std::string header =
        "# Onboard parameters for Vehicle 1\n"
        "#\n"
        "# lowsky parameter set for test-type (Test type): what its missions assume. Load it before the flight and check each value.\n"
        "#\n";
    // Metres and degrees, six decimals for REAL32; GF_ACTION is the one INT32. Both airframes
    // end with the same vertical and landing parameters, after their own.
    const std::string vertical_reasons =
        "# MPC_Z_V_AUTO_UP: climb speed the route assumes (m/s)\n"
        "# MPC_Z_VEL_MAX_UP: so that the climb speed is allowed (m/s)\n"
        "# MPC_Z_V_AUTO_DN: descent speed the route assumes (m/s)\n"
        "# MPC_Z_VEL_MAX_DN: so that the descent speed is allowed (m/s)\n"
        "# MPC_LAND_ALT2: height where the landing slows (m)\n"
        "# MPC_LAND_SPEED: final landing speed (m/s)\n"
        "# GF_ACTION: return on a geofence breach\n";
    const std::string columns = "#\n# Vehicle-Id Component-Id Name Value Type\n";
    const std::string vertical_values =
        "1\t1\tMPC_Z_V_AUTO_UP\t2.500000\t9\n"
        "1\t1\tMPC_Z_VEL_MAX_UP\t2.500000\t9\n"
        "1\t1\tMPC_Z_V_AUTO_DN\t1.500000\t9\n"
        "1\t1\tMPC_Z_VEL_MAX_DN\t1.500000\t9\n"
        "1\t1\tMPC_LAND_ALT2\t2.345000\t9\n"
        "1\t1\tMPC_LAND_SPEED\t0.550000\t9\n"
        "1\t1\tGF_ACTION\t3\t6\n";
    const std::string multirotor = header +
        "# MPC_XY_CRUISE: cruise speed between waypoints (m/s)\n"
        "# MPC_XY_VEL_MAX: highest horizontal speed, at least the type's top speed (m/s)\n"
        "# MPC_TILTMAX_AIR: lean limit that lets the type reach its top airspeed loaded (deg)\n"
        "# MPC_ACC_HOR: horizontal acceleration (m/s/s)\n" +
        vertical_reasons + columns +
        "1\t1\tMPC_XY_CRUISE\t12.340000\t9\n"
        "1\t1\tMPC_XY_VEL_MAX\t21.500000\t9\n"
        "1\t1\tMPC_TILTMAX_AIR\t35.500000\t9\n"
        "1\t1\tMPC_ACC_HOR\t2.200000\t9\n" +
        vertical_values;
    const AutopilotSettings s = made_up_settings(Firmware::Px4);
    CHECK(write_param_file(s, made_up_type(Airframe::Multirotor)) == multirotor);
    const std::string vtol = header + "# FW_AIRSPD_TRIM: wing-borne cruise airspeed (m/s)\n" + vertical_reasons + columns +
                             "1\t1\tFW_AIRSPD_TRIM\t23.456000\t9\n" + vertical_values;
    CHECK(write_param_file(s, made_up_type(Airframe::VtolFixedWing)) == vtol);
    CHECK(parameter_checklist(s, made_up_type(Airframe::VtolFixedWing)) ==
          "FW_AIRSPD_TRIM=23.456, MPC_Z_V_AUTO_UP=2.5, MPC_Z_VEL_MAX_UP=2.5, MPC_Z_V_AUTO_DN=1.5, MPC_Z_VEL_MAX_DN=1.5, "
          "MPC_LAND_ALT2=2.345, MPC_LAND_SPEED=0.55, GF_ACTION=3");
    CHECK(std::string(param_file_extension(Firmware::Px4)) == "params");
}

TEST_CASE("Two types' parameter files differ only in their headers and the type's speed", "[param_file]") {
    // Written one after the other: the second is its own type's file, not the first's again.
    DroneType a = made_up_type(Airframe::Multirotor), b = a;
    b.id = "other";
    b.name = "Other";
    b.cruise_speed_m_s = 7.5;
    const AutopilotSettings s = made_up_settings(Firmware::ArduPilot);
    std::string expected = arducopter_file();
    expected.replace(expected.find("test-type (Test type)"), 21, "other (Other)");
    expected.replace(expected.find("WPNAV_SPEED,1234"), 16, "WPNAV_SPEED,750");
    CHECK(write_param_file(s, a) == arducopter_file());
    CHECK(write_param_file(s, b) == expected);
}
