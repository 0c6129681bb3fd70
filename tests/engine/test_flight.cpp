// The one flight profile: the simulator, the safety gate and the router give the same numbers
// for the same flight; heights are AMSL from end to end; the pieces against hand-worked cases.
#include <catch2/catch.hpp>

#include <tuple>

#include "fixtures.h"
#include "flight/flight.h"
#include "mission/exporters.h"
#include "sim/simulator.h"

using namespace lowsky;

namespace {

// The minimal scenario with one shared lane (no lane offsets: the simulation flies the
// centreline, as a mission does) and only the explicit orders given.
Scenario one_lane(std::vector<Order> orders) {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.corridors[0].lanes = LaneSeparation::None;
    s.demand_rates.clear();
    s.orders = std::move(orders);
    return s;
}

const SimFlight& flight_of(const SimResult& r, const std::string& order) {
    for (const auto& f : r.flights) if (f.order >= 0 && r.deliveries[size_t(f.order)].order == order) return f;
    FAIL("no flight for " << order);
    return r.flights.front();
}

}  // namespace

TEST_CASE("The simulator flies an order as the safety gate prices the same mission", "[flight][sim][gate]") {
    for (const bool windy : {false, true}) {
        INFO((windy ? "in a 3 m/s wind from the south-east" : "in still air"));
        Scenario s = one_lane({{"o1", "a", "b", 1.0, 3600, 3600}});
        if (windy) s.wind = {{0, 300, 135, 3}};
        const CompiledScenario compiled(s);
        const SimResult r = simulate(compiled, SimConfig{});
        INFO(r.deliveries.front().reason);
        REQUIRE(r.kpis.delivered == 1);
        const SimFlight& f = flight_of(r, "o1");

        const RoutingNetwork network(compiled);
        MissionOptions o;  // hover and release 15 m up, 5 s hold, 3 s settle, back through the corridors: the simulation's defaults
        o.firmware = Firmware::ArduPilot;
        auto checked = check_route_mission(compiled, network, {"a", "b", "quad", 1.0, RouteObjective::Fastest, Firmware::ArduPilot}, o);
        REQUIRE(checked.ok());
        const GateReport& g = checked->gate;
        CHECK(f.energy_wh == Approx(g.energy_wh).epsilon(1e-9));
        CHECK(f.landed_s - f.takeoff_s == Approx(g.time_s).margin(1e-6));
        CHECK(f.delivered_s - f.takeoff_s == Approx(g.delivered_s).margin(1e-6));
    }
}

TEST_CASE("The router's search and the profile it reports agree", "[flight][routing]") {
    // The search prices arcs with the profile's pieces (its own loop, for speed); the route's
    // figures are the profile's flight of the legs found. A corridor from hub to hub exactly has
    // no moves into it to leave out: the two must agree to the millisecond and milliwatt-hour.
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.wind = {{0, 300, 200, 4}};
    const CompiledScenario compiled(s);
    const RoutingNetwork net(compiled);
    for (const char* type : {"quad", "wing"}) {
        INFO(type);
        auto fast = net.route({"a", "b", type, 1.0, RouteObjective::Fastest});
        auto frugal = net.route({"a", "b", type, 1.0, RouteObjective::LeastEnergy});
        REQUIRE(fast.ok());
        REQUIRE(frugal.ok());
        CHECK(fast->searched_cost == Approx(fast->time_s).margin(0.002));
        CHECK(frugal->searched_cost == Approx(frugal->energy_wh).margin(0.002));
    }
    // The seed routes, whose corridors end near their hubs and meet at corners: within 1 %.
    const Scenario gba = test::load_scenario("assets/scenarios/gba.json");
    const CompiledScenario gc(gba);
    const RoutingNetwork gn(gc);
    for (const auto& [from, to, type] : {std::tuple{"baoan-ops", "songshan-lake", "vtol-fixed-wing"}, {"xiangzhou-port", "dongao-island", "vtol-fixed-wing"},
                                         {"guzhen", "xinhui", "heavy-octo"}, {"baoan-ops", "qianhai-hub", "quad-light"}}) {
        INFO(from << " to " << to);
        auto r = gn.route({from, to, type, -1, RouteObjective::Fastest});
        REQUIRE(r.ok());
        CHECK(r->searched_cost == Approx(r->time_s).epsilon(0.01));
    }
}

TEST_CASE("Heights are AMSL: one corridor is one altitude whoever flies it, and the wind is read above its ground", "[flight][sim][frames]") {
    Scenario s = one_lane({{"ab", "a", "b", 1.0, 3600, 3600}, {"ba", "b", "a", 1.0, 3600, 3600}});
    s.hubs[1].ground_elevation_m_amsl = 25;  // B 20 m above A
    s.fleet.push_back({"b", "quad", 2});
    const CompiledScenario compiled(s);
    // The band 60-110 m above the ground, the ground under the corridor its lowest hub (A, 5 m).
    CHECK(compiled.corridors()[0].middle().m == Approx(90));
    const SimResult r = simulate(compiled, SimConfig{});
    REQUIRE(r.kpis.delivered == 2);
    auto cruise_height = [&](const SimFlight& f) {
        double top = 0;
        for (const auto& p : f.track) top = std::max(top, p.height.m);
        return top;
    };
    // Both flights cruise at 90 m AMSL, 85 m above A and 65 m above B: the same real altitude.
    CHECK(cruise_height(flight_of(r, "ab")) == Approx(90));
    CHECK(cruise_height(flight_of(r, "ba")) == Approx(90));
    // Each lands on its own hub's ground.
    CHECK(flight_of(r, "ab").track.back().height.m == Approx(5));
    CHECK(flight_of(r, "ba").track.back().height.m == Approx(25));
    // And the delivery hover is 15 m over the destination's own ground.
    const SimFlight& ab = flight_of(r, "ab");
    bool hovered_over_b = false;
    for (const auto& p : ab.track) hovered_over_b |= std::abs(p.height.m - (25 + 15)) < 1e-6;
    CHECK(hovered_over_b);

    // A head wind in the band 0-100 m above the ground: with the corridor at 85 m above its
    // ground it blows on the flight (at 90 m AMSL read as a height it would blow too; put the
    // ground at 50 m and only the height above ground finds it).
    Scenario high = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    for (auto& h : high.hubs) h.ground_elevation_m_amsl += 50;
    const CompiledScenario still_c(high);
    const RoutingNetwork still_n(still_c);
    Scenario high_windy = high;
    high_windy.wind = {{0, 100, 90, 6}};  // from the east: A to B flies east, into it
    const CompiledScenario windy_c(high_windy);
    const RoutingNetwork windy_n(windy_c);
    const auto still = still_n.route({"a", "b", "quad", 1.0, RouteObjective::Fastest});
    const auto windy = windy_n.route({"a", "b", "quad", 1.0, RouteObjective::Fastest});
    REQUIRE(still.ok());
    REQUIRE(windy.ok());
    CHECK(windy->legs[0].height.m == Approx(55 + 85));
    CHECK(windy->energy_wh > still->energy_wh * 1.1);  // the airspeed to hold 10 m/s over the ground is 16 m/s
}

TEST_CASE("A drone recharging at a higher hub is on the ground, not airborne", "[flight][sim][frames]") {
    Scenario s = one_lane({{"o1", "a", "b", 1.0, 3600, 3600}});
    s.hubs[1].ground_elevation_m_amsl = 45;  // B 40 m above A
    const CompiledScenario compiled(s);
    SimConfig cfg;
    cfg.land_at_destination = true;  // land at B, recharge there, fly back
    const SimResult r = simulate(compiled, cfg);
    REQUIRE(r.kpis.delivered == 1);
    const SimFlight& f = flight_of(r, "o1");
    // Find the time on B's pad: between the touchdown there and the take-off back.
    double touchdown = -1, lift = -1;
    for (size_t i = 1; i < f.track.size(); ++i) {
        const TrackPoint& p = f.track[i];
        if (p.on_ground && touchdown < 0 && std::abs(p.height.m - 45) < 1e-6) touchdown = p.t_s;
        if (touchdown >= 0 && lift < 0 && !p.on_ground) lift = f.track[i - 1].t_s;
    }
    REQUIRE(touchdown > 0);
    REQUIRE(lift > touchdown);
    const DroneSnapshot on_pad = drone_at(r, compiled, size_t(f.drone), (touchdown + lift) / 2);
    CHECK_FALSE(on_pad.airborne);
    CHECK(on_pad.height.m == Approx(45));
    CHECK(drone_at(r, compiled, size_t(f.drone), (f.takeoff_s + touchdown) / 2).airborne);
}

TEST_CASE("The profile's pieces against hand-worked cases", "[flight]") {
    const Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    const DroneType& quad = s.drone_types[0];
    const flight::Model model = flight::make_model(quad, firmware_defaults(Firmware::ArduPilot, quad), s);
    // ArduCopter: WPNAV_ACCEL 2.5 m/s/s, WPNAV_JERK 1 m/s/s/s: from rest to 15 m/s takes 6 + 2.5 s
    // at an average of 7.5 m/s, 4.25 s more than the same distance at 15 m/s.
    CHECK(flight::start_or_stop_loss_s(model, 15) == Approx(4.25));
    // A right angle at 15 m/s passing 1.5 m inside the corner: radius 1.5 / (sqrt 2 - 1) = 3.62 m,
    // 3.0 m/s round it at 2.5 m/s/s; (15 - 3.0)^2 / (2.5 * 15) = 3.84 s lost.
    CHECK(flight::corner_loss_s(model, 15, {0, 1}, {1, 0}) == Approx(3.84).margin(0.01));
    CHECK(flight::corner_loss_s(model, 15, {0, 1}, {0, 1}) == 0);
    // Holding 10 m/s over the ground into 6 m/s of head wind takes 16 m/s of air; 5 m/s of
    // crosswind, sqrt(10^2 + 5^2) = 11.18 m/s.
    CHECK(flight::segment_motion(model, 100, 10, {1, 0}, {-6, 0}).required_airspeed_m_s == Approx(16));
    CHECK(flight::segment_motion(model, 100, 10, {1, 0}, {0, 5}).required_airspeed_m_s == Approx(11.18));
    // Beyond what the type holds, it flies at its limit and makes less ground speed.
    const flight::SegmentMotion capped = flight::segment_motion(model, 12, 10, {1, 0}, {-6, 0});
    CHECK(capped.airspeed_m_s == 12);
    CHECK(capped.ground_m_s == Approx(6));
    // The speeds commanded: a multirotor into 4 m/s of head wind on a 10 m/s leg, 6 m/s over the
    // ground; a fixed wing on a 15 m/s corridor with 5 m/s behind it, 10 m/s of airspeed (15 over
    // the ground), but never below its minimum airspeed.
    CHECK(flight::commanded_speed_m_s(quad, 15, {{1, 0}}, {-4, 0}) == Approx(6));
    DroneType wing = s.drone_types[1];
    CHECK(flight::commanded_speed_m_s(wing, 15, {{1, 0}}, {5, 0}) == Approx(10));
    wing.min_airspeed_m_s = 12;
    CHECK(flight::commanded_speed_m_s(wing, 15, {{1, 0}}, {5, 0}) == Approx(12));
    // A QuadPlane's stops and starts on the wing are its transitions: 27 m/s to a hover at
    // Q_TRANS_DECEL's 2 m/s/s takes 13.5 s over 182 m, 6.75 s more than at 27 m/s; so on
    // ArduPlane's defaults and on lowsky's set alike.
    DroneType vtol = wing;
    vtol.cruise_speed_m_s = 27;
    for (const SettingsSource source : {SettingsSource::FirmwareDefaults, SettingsSource::LowskyParameters}) {
        const flight::Model m = flight::make_model(vtol, autopilot_settings(Firmware::ArduPilot, source, vtol), s);
        CHECK(flight::start_or_stop_loss_s(m, 27) == Approx(6.75));
        CHECK(vtol_approach_m(m.autopilot, 27) == Approx(182.25));
        CHECK(m.autopilot.default_speed_m_s == 27);  // RTL at AIRSPEED_CRUISE
    }
    // A landing from 50 m at ArduCopter's defaults: 40 m at 1.5 m/s, 10 m at 0.5 m/s, 2 s.
    const flight::LandingTimes land = flight::landing_times(model.autopilot, 50);
    CHECK(land.descend_s == Approx(40 / 1.5).margin(0.001));
    CHECK(land.final_s == Approx(20));
    CHECK(land.detect_s == Approx(2));
    // ArduCopter's 30 degree lean limit and the loaded Stolaroff quad (8.3 kg, C_D·A 0.349 + 0.204):
    // drag 0.5 · 1.18 · v² · 0.553 = 81.4 N · tan 30 = 47.0 N at v = 12.0 m/s.
    CHECK(airspeed_at_lean_m_s(quad, 2.0, 30, 1.18) == Approx(12.0).margin(0.01));
}

TEST_CASE("Cruise power read off the grid stays within 0.05 % of the model", "[flight][energy]") {
    // The grid solves the model every 0.25 m/s and interpolates between: against the model
    // solved at the very airspeed, for every GBA type at empty and full payload, every 0.01 m/s.
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    double worst = 0;
    for (const DroneType& t : s.drone_types) {
        const flight::Model model = flight::make_model(t, lowsky_parameters(Firmware::ArduPilot, t), s);
        for (const double payload : {0.0, t.max_payload_kg}) {
            flight::Powers grid(model, payload);
            for (int cm = 100; cm <= int(t.max_speed_m_s * 100); ++cm) {
                const double v = cm / 100.0;
                const double exact = energy::cruise_power_w(t, payload, v, energy::Air{s.rules.air_density_kg_m3});
                worst = std::max(worst, std::abs(grid.cruise_w(v) - exact) / exact);
            }
        }
    }
    INFO("worst relative difference " << worst);
    CHECK(worst < 0.0005);  // measured: 0.04 %, round the bottom of the Stolaroff curve
}

TEST_CASE("The simulation does not fly a corridor the validator finds an error on, and says so", "[flight][sim][routing]") {
    Scenario s = one_lane({{"o1", "a", "b", 1.0, 3600, 3600}});
    s.zones.push_back(test::no_fly_across_ab());
    const CompiledScenario compiled(s);
    const SimResult r = simulate(compiled, SimConfig{});
    CHECK(r.kpis.delivered == 0);
    int left_out = 0, unserved = 0;
    for (const auto& f : r.findings) {
        if (f.check == "routing.corridor_left_out" && f.object == "c-ab") ++left_out;
        if (f.check == "demand.unserviceable" && f.message.find("c-ab is left out (airspace.no_fly)") != std::string::npos) ++unserved;
    }
    CHECK(left_out == 1);
    CHECK(unserved == 1);
    SimConfig allow;
    allow.allow_flagged_corridors = true;  // the user's explicit choice
    CHECK(simulate(compiled, allow).kpis.delivered == 1);
}

TEST_CASE("The short hop ArduCopter flew in 222 s is predicted within 5 %", "[flight][autopilot]") {
    // Measured in ArduCopter's software-in-the-loop simulation (4.7.0-dev, still air): Qianhai to
    // Bao'an, 1.8 km at 15 m/s and 80 m up, flew in 222 s where climb + distance / speed +
    // descent predicted 181 s. The flight profile with the parameter set the mission assumes:
    Scenario s = test::load_scenario("assets/scenarios/gba.json");
    s.wind.clear();
    const CompiledScenario compiled(s);
    const RoutingNetwork net(compiled);
    auto r = net.route({"qianhai-hub", "baoan-ops", "quad-light", -1, RouteObjective::Fastest, Firmware::ArduPilot});
    REQUIRE(r.ok());
    const double old_model = 80.0 / 3 + r->legs[0].distance_m / 15 + 80.0 / 2.5;
    CHECK(old_model == Approx(181).margin(1));
    CHECK(r->time_s == Approx(222).epsilon(0.05));
}

TEST_CASE("A corridor with an AMSL band is flown at that altitude from either end; the file says it relative to each home", "[flight][frames]") {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.corridors[0].band = {{100, AltitudeReference::Amsl}, {140, AltitudeReference::Amsl}};
    s.hubs[1].ground_elevation_m_amsl = 30;
    const CompiledScenario compiled(s);
    const RoutingNetwork net(compiled, RoutingPolicy{true});  // the band's true height cannot be checked without terrain: a warning, routable
    auto ab = net.route({"a", "b", "quad", 1.0, RouteObjective::Fastest});
    auto ba = net.route({"b", "a", "quad", 1.0, RouteObjective::Fastest});
    REQUIRE(ab.ok());
    REQUIRE(ba.ok());
    CHECK(ab->legs[0].height.m == Approx(120));
    CHECK(ba->legs[0].height.m == Approx(120));
    // Climbs from each hub's own ground: 115 m from A (5 m), 90 m from B (30 m).
    CHECK(ab->climb_s == Approx(4.5 + 115.0 / 2));
    CHECK(ba->climb_s == Approx(4.5 + 90.0 / 2));
    MissionOptions o;
    o.firmware = Firmware::ArduPilot;
    o.return_mode = ReturnMode::None;
    auto from_b = build_mission(compiled, net, {"b", "a", "quad", 1.0, RouteObjective::Fastest}, o);
    REQUIRE(from_b.ok());
    CHECK(from_b->mission.items[0].alt_m == Approx(90));  // take-off to 120 m AMSL, written relative to B's 30 m
}
