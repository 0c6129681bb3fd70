// The sightseeing loop: viewpoints worked out by hand on straight approaches, the items each stop
// takes, what each autopilot loads, and the refusals.
#include <catch2/catch.hpp>

#include <cmath>

#include "geo/geodesy.h"
#include "mission/plan_format.h"
#include "mission/safety_gate.h"
#include "mission/sightseeing.h"

using namespace lowsky;

namespace {
SightseeingSpec two_stops() {
    SightseeingSpec spec;
    spec.home = {22.5, 113.9};
    // A: due east of home on its parallel; B: due north of A.
    spec.stops = {{"A", {22.5, 113.92}}, {"B", {22.52, 113.92}}};
    spec.height_m = 80;
    spec.speed_m_s = 8;
    spec.look_s = 30;
    spec.standoff_m = 150;
    return spec;
}
}  // namespace

TEST_CASE("A sightseeing loop looks at each point from the standoff on its way in, then goes home", "[sightseeing][missions]") {
    const auto loop = plan_sightseeing(two_stops());
    REQUIRE(loop);
    const SightseeingLoop& l = loop.value();
    REQUIRE(l.viewpoints.size() == 2);
    // A is approached from home, due east: its viewpoint is 150 m short of it, on the way.
    const GeoPoint home{22.5, 113.9}, a{22.5, 113.92}, b{22.52, 113.92};
    CHECK(geodesy::distance_m(l.viewpoints[0], a) == Approx(150).margin(1e-6));
    CHECK(geodesy::distance_m(home, l.viewpoints[0]) + 150 == Approx(geodesy::distance_m(home, a)).margin(1e-3));
    // B from A's viewpoint, nearly due north (the viewpoint is 150 m west of A): 150 m short of B.
    CHECK(geodesy::distance_m(l.viewpoints[1], b) == Approx(150).margin(1e-6));
    CHECK(geodesy::distance_m(l.viewpoints[0], l.viewpoints[1]) + 150 == Approx(geodesy::distance_m(l.viewpoints[0], b)).margin(1e-3));
    CHECK(l.length_m == Approx(geodesy::distance_m(home, l.viewpoints[0]) + geodesy::distance_m(l.viewpoints[0], l.viewpoints[1]) +
                               geodesy::distance_m(l.viewpoints[1], home)));
    // Take-off, speed, then per stop ROI, waypoint, loiter; ArduPilot's ROI off, return: 2 + 3 x 2 + 2.
    const auto& items = l.mission.items;
    REQUIRE(items.size() == 10);
    CHECK(items[0].command == mav::kNavTakeoff);
    CHECK(items[0].alt_m == 80);
    CHECK(items[1].command == mav::kDoChangeSpeed);
    CHECK(items[1].params[1] == 8);
    for (size_t k = 0; k < 2; ++k) {
        const MissionItem &roi = items[2 + 3 * k], &wp = items[3 + 3 * k], &look = items[4 + 3 * k];
        const GeoPoint poi = k == 0 ? a : b;
        CHECK(roi.command == 201);
        CHECK(roi.params[0] == 3);  // MAV_ROI_LOCATION
        CHECK(roi.lat_deg == poi.lat_deg);
        CHECK(roi.lon_deg == poi.lon_deg);
        CHECK(wp.command == mav::kNavWaypoint);
        CHECK(wp.lat_deg == std::round(l.viewpoints[k].lat_deg * 1e7) / 1e7);  // MAVLink's 1e-7 degree
        CHECK(wp.alt_m == 80);
        CHECK(wp.frame == mav::kFrameGlobalRelativeAlt);
        CHECK(look.command == mav::kNavLoiterTime);
        CHECK(look.params[0] == 30);
        CHECK(look.lat_deg == wp.lat_deg);
        CHECK(look.lon_deg == wp.lon_deg);
    }
    CHECK(items[8].command == 201);
    CHECK(items[8].lat_deg == 0);
    CHECK(items[8].lon_deg == 0);
    CHECK(items[9].command == mav::kNavReturnToLaunch);
    // Both autopilots load every item; the .plan reads back as written.
    CHECK(check_items_for_firmware(l.mission).empty());
    SightseeingSpec px4 = two_stops();
    px4.firmware = Firmware::Px4;
    const auto on_px4 = plan_sightseeing(px4);
    REQUIRE(on_px4);
    CHECK(on_px4.value().mission.items.size() == 9);  // no ROI-off item: PX4 loads none
    CHECK(check_items_for_firmware(on_px4.value().mission).empty());
    const auto back = read_plan(write_plan(l.mission), "loop.plan");
    REQUIRE(back);
    CHECK(write_plan(back.value()) == write_plan(l.mission));
}

TEST_CASE("A sightseeing loop is refused with the field to change", "[sightseeing][missions]") {
    SightseeingSpec none = two_stops();
    none.stops.clear();
    CHECK(plan_sightseeing(none).error().where == "stops");
    SightseeingSpec close = two_stops();
    close.stops[1].position = {22.5005, 113.915};  // about 490 m from A's viewpoint, which is 1000 m west of A
    close.standoff_m = 1000;
    const auto refused = plan_sightseeing(close);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().where == "stops[1]");
    CHECK(refused.error().message.rfind("stop 2 (B) is no farther than the standoff (1000 m)", 0) == 0);
    SightseeingSpec slow = two_stops();
    slow.speed_m_s = 0;
    CHECK(plan_sightseeing(slow).error().where == "speed_m_s");
}
