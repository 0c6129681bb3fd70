// Reachability on a hand-built network: three hubs 5.1 km apart in a row, joined by two
// corridors, flown by the fixture's quad at 10 m/s in still air; supplier points read from CSV
// and GeoJSON with errors that say where.
#include <catch2/catch.hpp>

#include "assist/reach.h"
#include "fixtures.h"
#include "geo/geodesy.h"
#include "flight/flight.h"
#include "routing/route.h"

using namespace lowsky;

namespace {

// a (113.40) - b (113.45) - c (113.50) along 22.5 N; corridors a-b and b-c.
Scenario row_of_three() {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    Hub c = s.hubs[1];
    c.id = "c";
    c.name = "Hub C";
    c.position = {22.5, 113.5};
    s.hubs.push_back(c);
    Corridor bc = s.corridors[0];
    bc.id = "c-bc";
    bc.centreline = {{22.5, 113.45}, {22.5, 113.5}};
    s.corridors.push_back(bc);
    return s;
}

}  // namespace

TEST_CASE("Free flight takes 100 s more for each kilometre more at the quad's 10 m/s on every heading in still air") {
    const Scenario s = row_of_three();
    const DroneType* quad = s.find_drone_type("quad");
    REQUIRE(quad);
    REQUIRE(quad->cruise_speed_m_s == 10);
    const assist::StraightFlights clock(s, *quad, quad->max_payload_kg, {s.hubs[0].position, s.hubs[0].ground_elevation_m_amsl, 85});
    for (double bearing : {0.0, 45.0, 95.0, 180.0, 271.0}) {
        INFO("bearing " << bearing);
        CHECK(clock.seconds(8000, bearing) - clock.seconds(3000, bearing) == Approx(500).margin(0.01));
        CHECK(clock.seconds(3000, bearing) > 300);  // the take-off and landing on top of the cruise
    }
}

TEST_CASE("Reach through a row of hubs: each hub at the router's time, a point off the network by its last mile, a point too far by how much") {
    const Scenario s = row_of_three();
    const CompiledScenario compiled(s);
    assist::ReachRequest request;
    request.from = "a";
    request.drone_type = "quad";
    request.last_mile_m = 4000;
    request.cell_m = 500;
    request.margin_m = 5000;
    const GeoPoint north_of_b = geodesy::destination({22.5, 113.45}, 0, 3000);
    const GeoPoint far_north = geodesy::destination({22.5, 113.45}, 0, 6000);
    const auto r = assist::reach(compiled, request, {{"at c", {22.5, 113.5}}, {"3 km north of b", north_of_b}, {"6 km north of b", far_north}});
    REQUIRE(r.ok());
    // The hubs at the router's times: b, and c beyond it by the 5.1 km between them at 10 m/s,
    // a stop at b and a start again (a mission's waypoint between two corridors; the router's
    // own tests price those to the millisecond), and nothing else.
    const RoutingNetwork network(compiled);
    const double to_b = network.route(RouteRequest{"a", "b", "quad"})->time_s, to_c = network.route(RouteRequest{"a", "c", "quad"})->time_s;
    REQUIRE(r->hubs.size() == 3);
    CHECK(r->hubs[1] == std::pair<std::string, double>{"b", to_b});
    CHECK(r->hubs[2] == std::pair<std::string, double>{"c", to_c});
    const double bc_m = geodesy::distance_m({22.5, 113.45}, {22.5, 113.5});
    const DroneType& quad = *s.find_drone_type("quad");
    const flight::Model model = flight::make_model(quad, autopilot_settings(Firmware::ArduPilot, SettingsSource::LowskyParameters, quad), s);
    CHECK(to_c - to_b >= bc_m / 10 + 2 * flight::start_or_stop_loss_s(model, 10));
    CHECK(to_c - to_b <= bc_m / 10 + 2 * flight::start_or_stop_loss_s(model, 10) + 5);
    // At c: inside its approach radius, so c's time. North of b: b's time and a flight out of b.
    REQUIRE(r->points.size() == 3);
    CHECK(r->points[0].network_s == to_c);
    CHECK(r->points[0].via_hub == "c");
    const assist::StraightFlights from_b(s, quad, quad.max_payload_kg, {s.hubs[1].position, s.hubs[1].ground_elevation_m_amsl, 85});
    CHECK(r->points[1].via_hub == "b");
    CHECK(r->points[1].network_s == Approx(to_b + from_b.seconds(3000, 0)).margin(0.5));
    // 6 km north of b is beyond the 4 km last mile from b, and farther still from a and c.
    CHECK(r->points[2].network_s < 0);
    // Free flight from a: straight to each point (nothing in the way), so no slower than the network.
    CHECK(r->points[0].free_s > 0);
    CHECK(r->points[0].free_s <= r->points[0].network_s + 1);
    CHECK(r->points[2].free_s > 0);
    // The grid: the cell on c is reached in c's time, give or take its last mile within the cell.
    const auto& g = r->grid;
    REQUIRE(g.cols > 0);
    int reached = 0;
    for (float t : g.network_s) reached += t >= 0;
    CHECK(reached > 0);
    CHECK(reached < int(g.network_s.size()));
}

TEST_CASE("Supplier points come from CSV or GeoJSON, and a bad line or feature is named") {
    auto csv = assist::read_reach_points("name,lat,lon\nmill, 22.61 ,113.9\n\n22.7,113.95\n", "s.csv");
    REQUIRE(csv.ok());
    REQUIRE(csv->size() == 2);
    CHECK(csv.value()[0].name == "mill");
    CHECK(csv.value()[0].at.lat_deg == 22.61);
    CHECK(csv.value()[1].name == "line 4");
    CHECK(csv.value()[1].at.lon_deg == 113.95);
    auto bad = assist::read_reach_points("name,lat,lon\nmill,22.6,113.9\nyard,north,113.9\n", "s.csv");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().where == "s.csv:3");
    auto off = assist::read_reach_points("a,95,113\n", "s.csv");
    REQUIRE_FALSE(off.ok());
    CHECK(off.error().where == "s.csv:1");
    auto geo = assist::read_reach_points(
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"dock"},"geometry":{"type":"Point","coordinates":[113.9,22.6]}}]})", "s.geojson");
    REQUIRE(geo.ok());
    REQUIRE(geo->size() == 1);
    CHECK(geo.value()[0].name == "dock");
    CHECK(geo.value()[0].at.lat_deg == 22.6);
    auto line = assist::read_reach_points(R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[]}}]})", "s.geojson");
    REQUIRE_FALSE(line.ok());
    CHECK(line.error().where == "s.geojson: $.features[0]");
    // Members of the wrong type or missing: refused with where, never an abort.
    for (const char* text : {R"({"features":3})", R"({"features":[{"geometry":{"type":7,"coordinates":[1,2]}}]})",
                             R"({"features":[{"geometry":{"type":"Point"}}]})", R"({"features":[{"geometry":{"type":"Point","coordinates":["a",2]}}]})",
                             R"({"features":[{"geometry":"Point"}]})", R"({"features":[5]})", R"({"type":"FeatureCollection"})"}) {
        INFO(text);
        auto r = assist::read_reach_points(text, "s.geojson");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().where.rfind("s.geojson: $", 0) == 0);
    }
    auto unnamed = assist::read_reach_points(R"({"features":[{"properties":{"name":9},"geometry":{"type":"Point","coordinates":[113.9,22.6]}}]})", "s.geojson");
    REQUIRE(unnamed.ok());
    CHECK(unnamed.value()[0].name == "#1");
}
