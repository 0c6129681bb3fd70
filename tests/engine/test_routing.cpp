#include <catch2/catch.hpp>

#include "fixtures.h"
#include "routing/route.h"

using namespace lowsky;

namespace {
Route must_route(const RoutingNetwork& net, RouteRequest q) {
    auto r = net.route(q);
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.ok());
    return r.value();
}
}  // namespace

TEST_CASE("The seed routes of the default scenario", "[routing][gba]") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    const CompiledScenario compiled(s);
    const RoutingNetwork net(compiled);

    SECTION("Bao'an to Songshan Lake within one hour, around the airport") {
        const Route r = must_route(net, {"baoan-ops", "songshan-lake", "vtol-fixed-wing", -1, RouteObjective::Fastest});
        CHECK(r.time_s < 3600);
        CHECK(r.within_battery);
        CHECK(r.distance_m > 40800);  // longer than the straight 40.8 km line
        REQUIRE(r.legs.size() == 2);
        CHECK(r.legs[0].corridor == "c-baoan-shiyan");
        CHECK(r.legs[1].corridor == "c-shiyan-songshan");
        CHECK(r.legs[1].path.back().lat_deg == Approx(22.920));
    }
    SECTION("Xiangzhou Port to Dong'ao Island in about 25 minutes in still air, under 30 into the day's south-east wind") {
        const Route r = must_route(net, {"xiangzhou-port", "dongao-island", "vtol-fixed-wing", -1, RouteObjective::Fastest});
        CHECK(r.time_s / 60 < 30);
        CHECK(r.within_battery);
        Scenario still = s;
        still.wind.clear();
        const CompiledScenario still_compiled(still);
        const RoutingNetwork still_net(still_compiled);
        const Route calm = must_route(still_net, {"xiangzhou-port", "dongao-island", "vtol-fixed-wing", -1, RouteObjective::Fastest});
        // 38.45 km at 27 m/s is 23.7 min, plus take-off (26 s), the start and stop, and the landing (36 s).
        CHECK(calm.time_s / 60 == Approx(25).margin(1.5));
        CHECK(calm.time_s < r.time_s);
        // No multirotor of the scenario may fly it: the corridor allows the VTOL type only.
        CHECK_FALSE(net.route({"xiangzhou-port", "dongao-island", "quad-light", -1, RouteObjective::Fastest}).ok());
    }
    SECTION("Guzhen to Xinhui at full payload; back into the south-east wind with the demand's 25 kg, not with 30") {
        const Route there = must_route(net, {"guzhen", "xinhui", "heavy-octo", -1, RouteObjective::Fastest});
        const Route back_full = must_route(net, {"xinhui", "guzhen", "heavy-octo", -1, RouteObjective::Fastest});
        const Route back = must_route(net, {"xinhui", "guzhen", "heavy-octo", 25, RouteObjective::Fastest});
        CHECK(there.within_battery);
        CHECK_FALSE(back_full.within_battery);  // 12.5 m/s over the ground into the wind, not 15: 30 kg costs the reserve
        CHECK(back.within_battery);
        CHECK(back_full.energy_wh > there.energy_wh);
        CHECK(there.distance_m == Approx(back.distance_m).epsilon(0.001));
        CHECK(there.time_s + back.time_s < 86400);
    }
    SECTION("A route reversed follows its corridors backwards") {
        const Route r = must_route(net, {"songshan-lake", "baoan-ops", "vtol-fixed-wing", -1, RouteObjective::Fastest});
        REQUIRE(r.legs.size() == 2);
        CHECK(r.legs[0].reversed);
        CHECK(r.legs[0].path.front().lat_deg == Approx(22.920));
    }
}

TEST_CASE("Fastest and least-energy routes differ: a long fast detour against a short slow corridor", "[routing]") {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    // A second, longer way from A to B through a junction, with a higher speed limit.
    s.junctions.push_back({"j", {22.53, 113.425}});
    Corridor up = s.corridors[0], down = s.corridors[0];
    up.id = "c-aj"; up.centreline = {{22.5, 113.4}, {22.53, 113.425}}; up.speed_limit_m_s = 25;
    down.id = "c-jb"; down.centreline = {{22.53, 113.425}, {22.5, 113.45}}; down.speed_limit_m_s = 25;
    s.corridors[0].speed_limit_m_s = 10;  // the direct corridor is slow
    s.corridors.push_back(up);
    s.corridors.push_back(down);
    const CompiledScenario compiled(s);
    const RoutingNetwork net(compiled);
    // A fixed wing spends the same energy per metre at any cruise speed: shorter is cheaper.
    const Route fast = must_route(net, {"a", "b", "wing", 0, RouteObjective::Fastest});
    const Route frugal = must_route(net, {"a", "b", "wing", 0, RouteObjective::LeastEnergy});
    CHECK(fast.legs.size() == 2);    // the long, fast way
    CHECK(frugal.legs.size() == 1);  // the short, slow way
    CHECK(fast.time_s < frugal.time_s);
    CHECK(frugal.energy_wh < fast.energy_wh);
}

TEST_CASE("Routing refuses what it cannot do, with the reason", "[routing]") {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.corridors[0].direction = Direction::OneWay;
    s.corridors[0].lanes = LaneSeparation::None;
    const CompiledScenario compiled(s);
    const RoutingNetwork net(compiled);
    CHECK(net.route({"a", "b", "quad", -1, RouteObjective::Fastest}).ok());
    auto back = net.route({"b", "a", "quad", -1, RouteObjective::Fastest});
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().message.find("no route from b to a") == 0);
    Scenario unserved = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    unserved.hubs[1].serves = {"wing"};
    const CompiledScenario uc(unserved);
    const RoutingNetwork un(uc);
    auto refused = un.route({"a", "b", "quad", -1, RouteObjective::Fastest});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == "b does not serve quad (its serves list)");
    CHECK(un.route({"a", "b", "wing", -1, RouteObjective::Fastest}).ok());
    // Each error names the request's field (never a command-line flag) and a stable code.
    CHECK(back.error().code == "route.no_route");
    CHECK(net.route({"a", "nowhere", "quad", -1, RouteObjective::Fastest}).error().where == "request.to_hub");
    CHECK(net.route({"a", "nowhere", "quad", -1, RouteObjective::Fastest}).error().code == "route.unknown_hub");
    CHECK(net.route({"a", "b", "jet", -1, RouteObjective::Fastest}).error().where == "request.drone_type");
    CHECK(net.route({"a", "b", "quad", 99, RouteObjective::Fastest}).error().where == "request.payload_kg");
    CHECK(net.route({"a", "a", "quad", -1, RouteObjective::Fastest}).error().code == "route.same_hub");
}

TEST_CASE("Route times add up from spool-up, climb, the start and stop, cruise and the landing (worked by hand)", "[routing][flight]") {
    const Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    const CompiledScenario compiled(s);
    const RoutingNetwork net(compiled);
    const Route r = must_route(net, {"a", "b", "quad", 1.0, RouteObjective::Fastest});
    REQUIRE(r.legs.size() == 1);
    // The corridor's 60-110 m true-height band over its lowest hub (A, 5 m AMSL): 90 m AMSL.
    CHECK(r.legs[0].height.m == Approx(90));
    // ArduCopter with lowsky's parameters: 4.5 s spool-up, then 85 m up at the type's 2 m/s.
    CHECK(r.climb_s == Approx(4.5 + 42.5));
    // Down to B (8 m AMSL): 72 m at 2 m/s to LAND_ALT_LOW (10 m), 10 m at 0.5 m/s, 2 s to disarm.
    CHECK(r.descent_s == Approx(36 + 20 + 2));
    // Start and stop at WPNAV_ACCEL 2.5 m/s/s and WPNAV_JERK 1 m/s/s/s: (10/2.5 + 2.5/1)/2 = 3.25 s each.
    CHECK(r.legs[0].speed_m_s == Approx(10));
    CHECK(r.time_s == Approx(47 + 3.25 + r.legs[0].distance_m / 10 + 3.25 + 58).margin(0.01));
    CHECK(r.legs[0].distance_m == Approx(5150).margin(20));
    // Firmware defaults: 2.5 m/s up, 1.5 m/s down (LAND_SPEED_HIGH 0), the rest as above.
    RouteRequest q{"a", "b", "quad", 1.0, RouteObjective::Fastest, Firmware::ArduPilot, SettingsSource::FirmwareDefaults};
    const Route d = must_route(net, q);
    CHECK(d.climb_s == Approx(4.5 + 85 / 2.5));
    CHECK(d.descent_s == Approx(72 / 1.5 + 20 + 2));
}

TEST_CASE("A corridor slower than a fixed wing's minimum airspeed is closed to that type only", "[routing]") {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.drone_types[1].min_airspeed_m_s = 18;  // the wing; the corridor's limit is 15 m/s
    const CompiledScenario compiled(s);
    const RoutingNetwork net(compiled);
    auto wing = net.route({"a", "b", "wing", -1, RouteObjective::Fastest});
    REQUIRE_FALSE(wing.ok());
    CHECK(wing.error().code == "route.no_route");
    CHECK(net.route({"a", "b", "quad", -1, RouteObjective::Fastest}).ok());  // the multirotor still flies it
    CHECK(net.blocked().empty());
}
