// Mission files: the reference's rules (one broken fixture per rule), round trips, the
// safety gate, and the shape imports.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "fixtures.h"
#include "core/json_read.h"
#include "core/zip_writer.h"
#include "core/xml_text.h"
#include "geo/gcj02.h"
#include "geo/geodesy.h"
#include "mission/exporters.h"
#include "mission/footprint.h"
#include "mission/importers.h"
#include "mission/plan_format.h"
#include "mission/shape_formats.h"
#include "mission/waypoints_format.h"
#include "mission/wpml_format.h"

using namespace lowsky;
using test::read_text;

TEST_CASE("Valid mission fixtures load, CRLF included", "[missions]") {
    auto plan = read_plan(read_text("tests/fixtures/missions/valid-px4.plan"), "valid-px4.plan");
    REQUIRE(plan.ok());
    CHECK(plan->firmware == Firmware::Px4);
    CHECK(plan->items.size() == 5);
    CHECK(std::isnan(plan->items[0].params[3]));  // null yaw
    CHECK(plan->fence_polygons.size() == 1);
    CHECK(plan->fence_circles.size() == 1);
    CHECK(plan->rally_points.size() == 1);
    for (const char* f : {"valid-ardupilot.waypoints", "valid-crlf.waypoints"}) {
        INFO(f);
        auto wp = read_waypoints(read_text(std::string("tests/fixtures/missions/") + f), f);
        REQUIRE(wp.ok());
        CHECK(wp->home.lat_deg == Approx(22.5521));
        CHECK(wp->home_alt_m_amsl == Approx(5));
        CHECK(wp->items.size() == 4);
    }
}

TEST_CASE("Every broken mission fixture is refused with the reason and where", "[missions]") {
    auto expected = parse_json_text(read_text("tests/fixtures/missions/broken/expected.json"), "expected.json");
    REQUIRE(expected.ok());
    REQUIRE(expected.value().size() >= 30);
    for (const auto& c : expected.value()) {
        const std::string file = c["file"].get<std::string>();
        INFO(file);
        const std::string text = read_text("tests/fixtures/missions/broken/" + file);
        auto imported = import_file(file, text, {});
        REQUIRE_FALSE(imported.ok());
        CHECK(imported.error().where.rfind(c["where"].get<std::string>(), 0) == 0);
        CHECK(imported.error().message.rfind(c["message"].get<std::string>(), 0) == 0);
        UNSCOPED_INFO(imported.error().to_string());
    }
}

TEST_CASE("A huge altitude loads, and the firmware check refuses it", "[missions]") {
    auto m = read_plan(read_text("tests/fixtures/missions/broken/huge-number.plan"), "huge-number.plan");
    REQUIRE(m.ok());
    const auto problems = check_items_for_firmware(m.value());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where.rfind("item 3", 0) == 0);
}

TEST_CASE("Export, import, export again gives identical bytes", "[missions][golden]") {
    for (const char* name : {"baoan-songshan.px4.plan", "baoan-songshan.ardupilot.plan", "xiangzhou-dongao.px4.plan", "guzhen-xinhui.ardupilot.plan",
                             "xinhui-guzhen.px4.plan"}) {
        INFO(name);
        const std::string golden = read_text(std::string("tests/golden/missions/") + name);
        auto m = read_plan(golden, name);
        REQUIRE(m.ok());
        CHECK(write_plan(m.value()) == golden);
    }
    for (const char* name : {"baoan-songshan.ardupilot.waypoints", "xiangzhou-dongao.ardupilot.waypoints", "guzhen-xinhui.ardupilot.waypoints"}) {
        INFO(name);
        const std::string golden = read_text(std::string("tests/golden/missions/") + name);
        auto m = read_waypoints(golden, name);
        REQUIRE(m.ok());
        auto again = write_waypoints(m.value());
        REQUIRE(again.ok());
        CHECK(again.value() == golden);
    }
}

TEST_CASE("Coordinates keep 1e-7 degree through every mission format", "[missions]") {
    Mission m;
    m.firmware = Firmware::ArduPilot;
    m.home = {22.5521234, 113.8829876};
    m.items.push_back({mav::kNavWaypoint, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, 22.1234567, 113.7654321, 85.25, true});
    auto plan = read_plan(write_plan(m), "p");
    REQUIRE(plan.ok());
    auto wp = read_waypoints(write_waypoints(m).value(), "w");
    REQUIRE(wp.ok());
    for (const Mission* back : {&plan.value(), &wp.value()}) {
        CHECK(std::abs(back->items[0].lat_deg - 22.1234567) < 1e-7);
        CHECK(std::abs(back->items[0].lon_deg - 113.7654321) < 1e-7);
        CHECK(std::abs(back->home.lat_deg - 22.5521234) < 1e-7);
        CHECK(back->items[0].alt_m == Approx(85.25));
    }
}

TEST_CASE("A PX4 mission is not written as .waypoints", "[missions]") {
    Mission m;
    m.firmware = Firmware::Px4;
    auto text = write_waypoints(m);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().where == "mission.firmware");
}

TEST_CASE("The firmware check follows PX4's and ArduPilot's upload rules", "[missions][gate]") {
    struct Case { Firmware firmware; MissionItem item; bool accepted; const char* what; };
    const double nan = std::nan("");
    const Case cases[] = {
        {Firmware::Px4, {16, 3, {0, 0, 0, nan}, 22.5, 113.9, 80, true}, true, "PX4 waypoint, relative frame"},
        {Firmware::Px4, {16, 10, {0, 0, 0, nan}, 22.5, 113.9, 80, true}, false, "PX4 refuses the terrain frame"},
        {Firmware::Px4, {183, 2, {9, 1500, 0, 0}, 0, 0, 0, true}, false, "PX4 refuses DO_SET_SERVO"},
        {Firmware::Px4, {20, 3, {0, 0, 0, 0}, 0, 0, 0, true}, false, "PX4 takes RTL only in frame 2"},
        {Firmware::Px4, {20, 2, {0, 0, 0, 0}, 0, 0, 0, true}, true, "PX4 RTL, frame 2"},
        {Firmware::Px4, {94, 3, {5, 0, 0, 0}, 22.5, 113.9, 20, true}, false, "PX4 refuses PAYLOAD_PLACE"},
        {Firmware::ArduPilot, {16, 10, {0, 0, 0, 0}, 22.5, 113.9, 80, true}, true, "ArduPilot takes the terrain frame"},
        {Firmware::ArduPilot, {16, 3, {0, 0, 0, 0}, 22.5, 113.9, nan, true}, false, "ArduPilot refuses a null altitude"},
        {Firmware::ArduPilot, {16, 3, {0, 0, 0, 0}, 22.5, 113.9, 90000, true}, false, "altitude beyond LOCATION_ALT_MAX_M"},
        {Firmware::ArduPilot, {183, 2, {9, 1500, 0, 0}, 0, 0, 0, true}, true, "ArduPilot takes DO_SET_SERVO"},
        {Firmware::ArduPilot, {16, 7, {0, 0, 0, 0}, 22.5, 113.9, 80, true}, false, "an unknown frame"},
        {Firmware::ArduPilot, {4242, 2, {0, 0, 0, 0}, 0, 0, 0, true}, false, "an unknown command"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        Mission m;
        m.firmware = c.firmware;
        m.items = {c.item};
        CHECK(check_items_for_firmware(m).empty() == c.accepted);
    }
}

namespace {

struct GateFixture {
    Scenario scenario = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    // The network routes through flagged corridors too: the gate must refuse what slips past.
    ExportResult run(const RouteRequest& q, MissionOptions options = {}, std::string override_reason = {}) {
        const CompiledScenario compiled(scenario);
        const RoutingNetwork network(compiled, RoutingPolicy{true});
        ExportRequest request;
        request.route = q;
        request.options = options;
        request.override_reason = override_reason;
        return export_mission(compiled, network, request);
    }
    bool has(const ExportResult& r, const std::string& check) {
        for (const auto& f : r.gate.failures) if (f.check == check) return true;
        return false;
    }
};

}  // namespace

TEST_CASE("The safety gate passes a clean mission and refuses an unsafe one, with the reason and where", "[missions][gate]") {
    GateFixture g;
    const RouteRequest q{"a", "b", "quad", 1.0, RouteObjective::Fastest};
    const ExportResult clean = g.run(q);
    for (const auto& f : clean.gate.failures) UNSCOPED_INFO(f.check << ": " << f.message << " at " << f.where);
    REQUIRE(clean.ok());
    CHECK(clean.gate.passed());
    CHECK(clean.gate.energy_wh > 0);

    SECTION("a no-fly zone across the corridor") {
        g.scenario.zones.push_back(test::no_fly_across_ab());
        const ExportResult r = g.run(q);
        CHECK_FALSE(r.ok());
        CHECK(r.refused_by_gate);
        CHECK(g.has(r, "mission.no_fly"));
        // One crossing, out and back: exactly two findings (one per stretch), each with its extent.
        std::vector<const GateFailure*> no_fly;
        for (const auto& f : r.gate.failures) if (f.check == "mission.no_fly") no_fly.push_back(&f);
        REQUIRE(no_fly.size() == 2);
        CHECK(no_fly[0]->where.find("path from 22.5") == 0);
        CHECK(no_fly[0]->where.find(" to 22.5") != std::string::npos);
        // And without the explicit allowance the corridor is not routable: no mission at all.
        const CompiledScenario compiled(g.scenario);
        const RoutingNetwork strict(compiled);
        auto refused = strict.route(q);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find("avoided c-ab (airspace.no_fly") != std::string::npos);
    }
    SECTION("not enough energy") {
        g.scenario.drone_types[0].battery_wh = 60;
        const ExportResult r = g.run(q);
        CHECK(g.has(r, "mission.energy"));
    }
    SECTION("a head wind that costs the reserve") {
        const ExportResult still = g.run(q);
        g.scenario.wind = {{0, 200, 90, 8}};  // from the east, where the drone flies first
        const ExportResult windy = g.run(q);
        CHECK(windy.gate.energy_wh > still.gate.energy_wh);
    }
    SECTION("above the ceiling without an approval") {
        g.scenario.corridors[0].band = {{130, AltitudeReference::AboveGround}, {150, AltitudeReference::AboveGround}};
        const ExportResult r = g.run(q);
        CHECK(g.has(r, "mission.above_ceiling"));
        // One stretch out along the corridor and one back: two findings, not one per sample.
        int above = 0;
        for (const auto& f : r.gate.failures) above += f.check == "mission.above_ceiling";
        CHECK(above == 2);
        g.scenario.corridors[0].approval = "TEST-APPROVAL";
        CHECK_FALSE(g.has(g.run(q), "mission.above_ceiling"));
    }
    SECTION("an explicit override exports anyway and says so in the file") {
        g.scenario.drone_types[0].battery_wh = 60;
        const ExportResult r = g.run(q, {}, "bench test with a tethered battery");
        REQUIRE(r.ok());
        CHECK_FALSE(r.gate.passed());
        const std::string text(r.bytes.begin(), r.bytes.end());
        auto doc = parse_json_text(text, "override.plan");
        REQUIRE(doc.ok());
        CHECK(doc.value()["lowsky"]["safety_gate_override"] == "bench test with a tethered battery");
    }
    SECTION("the return is counted whichever way the mission comes home") {
        MissionOptions none, rtl, corridors;
        none.return_mode = ReturnMode::None;
        rtl.return_mode = ReturnMode::Rtl;
        const ExportResult one_way = g.run(q, none), by_rtl = g.run(q, rtl), by_corridors = g.run(q, corridors);
        // The corridor is the straight line A-B: RTL flies the same distance home, at the default
        // speed of lowsky's parameters (the type's cruise), so it costs what the corridors cost
        // within the start, stop and lane offsets; neither is the one-way figure.
        CHECK(by_rtl.gate.energy_wh > one_way.gate.energy_wh * 1.5);
        CHECK(by_rtl.gate.energy_wh == Approx(by_corridors.gate.energy_wh).epsilon(0.05));
        g.scenario.drone_types[0].battery_wh = one_way.gate.energy_wh / 0.8 + 1;  // enough one way, not for the return
        CHECK(g.run(q, none).gate.passed());
        CHECK(g.has(g.run(q, rtl), "mission.energy"));
        CHECK(g.has(g.run(q, corridors), "mission.energy"));
    }
    SECTION("an airframe that cannot hold the commanded speed on the autopilot's settings") {
        // Priced on ArduCopter's defaults (30 degrees of lean) a draggy airframe holds
        // sqrt(2 * 8.3 * 9.807 * tan 30 / (1.18 * 1.2)) = 8.1 m/s loaded: 10 m/s is refused.
        g.scenario.drone_types[0].energy.drag_area_m2 = 1.0;
        RouteRequest on_defaults = q;
        on_defaults.settings = SettingsSource::FirmwareDefaults;
        MissionOptions ardupilot;
        ardupilot.firmware = Firmware::ArduPilot;
        CHECK(g.has(g.run(on_defaults, ardupilot), "mission.airspeed"));
        // With lowsky's parameter set (the lean its top speed needs) it is not.
        CHECK_FALSE(g.has(g.run(q, ardupilot), "mission.airspeed"));
    }
    SECTION("into a head wind the mission commands a lower ground speed, never more airspeed than in calm") {
        g.scenario.wind = {{0, 200, 90, 4}};  // 4 m/s from the east; A to B flies east at 10 m/s in calm
        const CompiledScenario compiled(g.scenario);
        const RoutingNetwork network(compiled);
        auto out = network.route(q);
        REQUIRE(out.ok());
        CHECK(out->legs[0].speed_m_s == Approx(6.0));  // 10 m/s of air less 4 of head wind
        auto back = network.route({"b", "a", "quad", 0.0, RouteObjective::Fastest});
        REQUIRE(back.ok());
        CHECK(back->legs[0].speed_m_s == Approx(10.0));  // with the wind: 10 over the ground, 6 through the air
    }
    SECTION("a landing delivery cannot also return") {
        MissionOptions o;
        o.delivery = Delivery::Land;
        o.return_mode = ReturnMode::Corridors;
        const ExportResult r = g.run(q, o);
        CHECK_FALSE(r.ok());
        CHECK(r.error.where == "options.delivery");
        CHECK(r.error.code == "mission.land_then_return");
    }
}

TEST_CASE("The mission flies take-off, corridor waypoints, release with the gripper, and the way back", "[missions]") {
    GateFixture g;
    const CompiledScenario compiled(g.scenario);
    const RoutingNetwork network(compiled);
    MissionOptions o;
    o.firmware = Firmware::ArduPilot;
    auto built = build_mission(compiled, network, {"a", "b", "quad", 1.0, RouteObjective::Fastest}, o);
    REQUIRE(built.ok());
    std::vector<uint16_t> commands;
    for (const auto& it : built->mission.items) commands.push_back(it.command);
    CHECK(commands == std::vector<uint16_t>{22, 178, 16, 16, 211, 93, 16, 16, 21});
    const auto& items = built->mission.items;
    CHECK(items[0].alt_m == Approx(85));                 // the corridor's 60-110 m band, middle, above home
    CHECK(items[4].frame == mav::kFrameMission);          // DO_GRIPPER
    CHECK(items[4].params[1] == 0);                       // release
    CHECK(items[3].params[0] == Approx(o.release_hold_s));
    CHECK(items[3].alt_m == Approx(3 + o.release_height_m));  // B's ground is 3 m above A's
    CHECK(items.back().alt_m == Approx(0));
    for (const auto& it : items) {
        if (mav::is_positional(it.command)) CHECK(it.frame == mav::kFrameGlobalRelativeAlt);
        for (double p : it.params) CHECK(std::isfinite(p));  // ArduPilot flavour: no null
    }
    // AMSL: the same heights plus the home elevation.
    o.altitude = MissionAltitudeFrame::Amsl;
    auto amsl = build_mission(compiled, network, {"a", "b", "quad", 1.0, RouteObjective::Fastest}, o);
    REQUIRE(amsl.ok());
    CHECK(amsl->mission.items[0].frame == mav::kFrameGlobal);
    CHECK(amsl->mission.items[0].alt_m == Approx(85 + 5));
    CHECK(amsl->mission.global_altitude_mode == 2);
}

TEST_CASE("KML and GeoJSON shapes import as corridors and zones, with their altitude", "[missions][import]") {
    auto kml = import_file("corridor-and-zone.kml", read_text("tests/fixtures/shapes/corridor-and-zone.kml"), {});
    REQUIRE(kml.ok());
    REQUIRE(kml->corridors.size() == 1);
    REQUIRE(kml->zones.size() == 1);
    CHECK(kml->corridors[0].name == "Shekou & Qianhai link");
    CHECK(kml->corridors[0].centreline.size() == 3);
    CHECK(kml->corridors[0].centreline[0].lat_deg == Approx(22.5361));
    CHECK(kml->corridors[0].band.floor.reference == AltitudeReference::AboveGround);
    CHECK(kml->corridors[0].band.floor.value_m == Approx(70));
    CHECK(kml->corridors[0].band.ceiling.value_m == Approx(110));
    CHECK(kml->zones[0].name == "Port <restricted>");
    CHECK(kml->zones[0].shape.polygon.size() == 4);  // the closing point dropped

    auto geojson = import_file("corridor-and-zone.geojson", read_text("tests/fixtures/shapes/corridor-and-zone.geojson"), {});
    REQUIRE(geojson.ok());
    REQUIRE(geojson->corridors.size() == 1);
    CHECK(geojson->corridors[0].id == "c-test");
    CHECK(geojson->corridors[0].width_m == 150);
    CHECK(geojson->corridors[0].band.floor.value_m == Approx(60));
    CHECK(geojson->zones.size() == 1);
}

TEST_CASE("GCJ-02 coordinates are converted to WGS84", "[missions][import][geo]") {
    // In the GBA a WGS84 point is drawn about 500-560 m east and 300-340 m south on GCJ-02 maps.
    const GeoPoint wgs{22.55213, 113.88288};
    const GeoPoint gcj = wgs84_to_gcj02(wgs);
    const double east = geodesy::distance_m(wgs, {wgs.lat_deg, gcj.lon_deg});
    const double north = geodesy::distance_m(wgs, {gcj.lat_deg, wgs.lon_deg});
    CHECK(gcj.lon_deg > wgs.lon_deg);
    CHECK(gcj.lat_deg < wgs.lat_deg);
    CHECK(east == Approx(530).margin(35));
    CHECK(north == Approx(320).margin(25));
    const GeoPoint back = gcj02_to_wgs84(gcj);
    CHECK(std::abs(back.lat_deg - wgs.lat_deg) < 1e-8);
    CHECK(std::abs(back.lon_deg - wgs.lon_deg) < 1e-8);
    // Outside China nothing moves.
    CHECK(wgs84_to_gcj02({48.85, 2.35}).lat_deg == 48.85);

    ImportOptions from_chinese_map;
    from_chinese_map.from_gcj02 = true;
    auto shifted = import_file("c.geojson", read_text("tests/fixtures/shapes/corridor-and-zone.geojson"), from_chinese_map);
    REQUIRE(shifted.ok());
    const GeoPoint first = shifted->corridors[0].centreline[0];
    CHECK(geodesy::distance_m(first, {22.50, 113.40}) == Approx(610).margin(60));
}

TEST_CASE("Hostile shape files end in a clear error", "[missions][import]") {
    struct Case { const char* name; std::string text; const char* message_start; };
    const std::vector<Case> cases = {
        {"a.kml", "<?xml version=\"1.0\"?><!DOCTYPE kml [<!ENTITY x \"y\">]><kml/>", "document type declarations are not accepted"},
        {"b.kml", "<kml>" + std::string(2000, '\0').replace(0, 2000, std::string(100, 'x')) + "", "missing </kml>"},
        {"c.kml", std::string(200 * 3, ' ').replace(0, 600, [] { std::string s; for (int i = 0; i < 100; ++i) s += "<a>"; return s; }()), "elements nest deeper than 64 levels"},
        {"d.kml", "<kml><Placemark><name>&bogus;</name></Placemark></kml>", "unknown entity &bogus;"},
        {"e.kml", "<kml><Placemark><LineString><coordinates>113.8,22.5 1e999,22.6</coordinates></LineString></Placemark></kml>", "bad coordinate tuple"},
        {"h.kml", "<kml><Placemark><LineString><coordinates>113.8,22.5 0x71,22.6</coordinates></LineString></Placemark></kml>", "bad coordinate tuple"},
        {"f.kml", "<kml><Placemark><LineString><coordinates>22.5,113.8 22.6,113.9</coordinates></LineString></Placemark></kml>", "coordinate out of range"},
        {"g.kml", "<gpx/>", "not a KML document"},
        {"h.geojson", "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[113.4, \"22.5\"], [113.5, 22.5]]}}]}", "a position holds numbers only"},
        {"i.geojson", "{\"type\": \"Topology\"}", "expected a FeatureCollection or a Feature"},
        {"j.geojson", "[1, 2]", "not a GeoJSON object"},
        {"k.shp", "binary", "unknown file type"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        auto r = import_file(c.name, c.text, {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.rfind(c.message_start, 0) == 0);
        UNSCOPED_INFO(r.error().to_string());
    }
}

TEST_CASE("The ZIP writer stores entries with their CRC", "[zip]") {
    const std::string a = "hello";
    const auto zip = write_zip({{"wpmz/a.txt", a}});
    // Local header, then the name, then the data; the CRC-32 of "hello" is 0x3610A686.
    CHECK(zip[0] == 'P');
    CHECK(zip[1] == 'K');
    CHECK(zip[14] == 0x86);
    CHECK(zip[15] == 0xA6);
    CHECK(zip[16] == 0x10);
    CHECK(zip[17] == 0x36);
    CHECK(std::string(zip.begin() + 30, zip.begin() + 40) == "wpmz/a.txt");
    CHECK(std::string(zip.begin() + 40, zip.begin() + 45) == "hello");
    CHECK(write_zip({{"wpmz/a.txt", a}}) == zip);  // deterministic
}

TEST_CASE("A VTOL mission arms on ArduPlane and delivers with items it keeps", "[missions][vtol]") {
    GateFixture g;
    const CompiledScenario compiled(g.scenario);
    const RoutingNetwork network(compiled);
    MissionOptions o;
    o.firmware = Firmware::ArduPilot;
    o.altitude = MissionAltitudeFrame::Amsl;
    const RouteRequest q{"a", "b", "wing", 1.0, RouteObjective::Fastest};
    auto built = build_mission(compiled, network, q, o);
    REQUIRE(built.ok());
    const auto& items = built->mission.items;
    std::vector<uint16_t> commands;
    for (const auto& it : items) commands.push_back(it.command);
    // take-off, airspeed, the approach (B's corridor end is within it, so it goes), hover, drop,
    // hold, release, settle, climb, wing, the approach to A (the corridor's end at A goes too), land
    CHECK(commands == std::vector<uint16_t>{84, 178, 16, 3000, 16, 19, 211, 19, 31, 3000, 16, 85});
    CHECK(items[1].params[0] == 0);  // speed type 0: airspeed on the wing
    for (const auto& it : items) if (it.command == mav::kNavWaypoint) CHECK(it.params[0] == 0);  // no hold time: ArduPlane drops it
    CHECK(std::find(commands.begin(), commands.end(), mav::kNavDelay) == commands.end());     // NAV_DELAY does nothing in flight there
    CHECK(items[5].params[0] == Approx(o.release_hold_s));
    CHECK(items[7].params[0] == Approx(o.release_settle_s));
    // NAV_VTOL_TAKEOFF relative to the take-off point even in an AMSL mission: 85 m, not 90.
    CHECK(items[0].frame == mav::kFrameGlobalRelativeAlt);
    CHECK(items[0].alt_m == Approx(85));
    CHECK(items[2].frame == mav::kFrameGlobal);
    // The approach: 22 m/s to a hover at 2 m/s/s takes 121 m; ArduPlane wants at least 91 m.
    auto apart = [&](size_t a, size_t b) { return geodesy::distance_m({items[a].lat_deg, items[a].lon_deg}, {items[b].lat_deg, items[b].lon_deg}); };
    CHECK(apart(2, 4) == Approx(121).margin(0.5));    // the approach waypoint before the drop
    CHECK(apart(10, 11) == Approx(121).margin(0.5));  // and before the landing at home
    GateReport gate = check_mission(compiled, built.value(), q, o);
    for (const auto& f : gate.failures) UNSCOPED_INFO(f.check << ": " << f.message);
    CHECK(gate.passed());
    // A fence that ends 20 m past the hubs holds neither the back-transitions' 60 m overshoot nor
    // the transitions to the wing, which may start in any heading.
    BuiltMission tight = built.value();
    for (auto& f : tight.mission.fence_polygons)
        if (f.inclusion) f.vertices = path_footprint({g.scenario.hubs[0].position, g.scenario.hubs[1].position}, 20);
    std::vector<std::string> fence_failures;
    for (const auto& f : check_mission(compiled, tight, q, o).failures)
        if (f.check == "mission.fence") fence_failures.push_back(f.where.substr(0, f.where.find(')') + 1));
    CHECK(fence_failures == std::vector<std::string>{"item 1 (transition to the wing)", "item 5 (back-transition)",
                                                     "item 10 (transition to the wing)", "item 12 (back-transition)"});
    // Pull the last waypoint in to 50 m: the gate says ArduPlane will not arm.
    BuiltMission short_approach = built.value();
    MissionItem& last = short_approach.mission.items[10];
    const GeoPoint land{items[11].lat_deg, items[11].lon_deg};
    const GeoPoint closer = geodesy::destination(land, geodesy::inverse(land, {last.lat_deg, last.lon_deg}).initial_bearing_deg, 50);
    last.lat_deg = closer.lat_deg;
    last.lon_deg = closer.lon_deg;
    gate = check_mission(compiled, short_approach, q, o);
    bool refused = false;
    for (const auto& f : gate.failures) refused |= f.check == "mission.vtol_approach" && f.where == "item 12";
    CHECK(refused);
}

TEST_CASE("The gate holds a VTOL's turns and back-transitions to the fence and the ceiling", "[missions][vtol][gate]") {
    GateFixture g;
    const RouteRequest q{"a", "b", "wing", 1.0, RouteObjective::Fastest};
    MissionOptions o;
    o.firmware = Firmware::ArduPilot;
    auto count = [](const ExportResult& r, const std::string& check, const std::string& what) {
        int n = 0;
        for (const auto& f : r.gate.failures) n += f.check == check && f.where.find(what) != std::string::npos;
        return n;
    };
    SECTION("a corner too tight for the corridor's width at the wing's turn radius") {
        // A V through (22.53, 113.425): legs at bearings 37.8 and 142.2 degrees, a 104.4 degree
        // turn. On a 15 m/s corridor in still air the wing (90 m radius at 22 m/s) turns at
        // 90 * (15/22)^2 = 41.8 m: the arc passes 41.8 * (1/cos 52.2 - 1) = 26.5 m inside the
        // corner, where a 30 m wide corridor's inner edge is 15 / cos 52.2 = 24.5 m from it.
        g.scenario.corridors[0].centreline = {{22.5, 113.4}, {22.53, 113.425}, {22.5, 113.45}};
        g.scenario.corridors[0].width_m = 30;
        const ExportResult narrow = g.run(q, o);
        CHECK(count(narrow, "mission.fence", "(turn)") == 2);  // out and back
        // 60 m wide: the inner edge is 49 m from the corner, and the turn fits.
        g.scenario.corridors[0].width_m = 60;
        const ExportResult wide = g.run(q, o);
        CHECK(count(wide, "mission.fence", "(turn)") == 0);
    }
    SECTION("a back-transition that balloons over the ceiling") {
        // Band 100-118 m over A (5 m): cruise at 109 m above A, 114 m AMSL. A back-transition
        // climbs 17 m: 123 m over B (8 m) and 126 m over A, both over 120 m (1 m tolerance).
        g.scenario.corridors[0].band = {{100, AltitudeReference::AboveGround}, {118, AltitudeReference::AboveGround}};
        const ExportResult r = g.run(q, o);
        CHECK(count(r, "mission.above_ceiling", "(back-transition)") == 2);
        // At 60-110 m the same manoeuvre stays under it.
        g.scenario.corridors[0].band = {{60, AltitudeReference::AboveGround}, {110, AltitudeReference::AboveGround}};
        CHECK(count(g.run(q, o), "mission.above_ceiling", "(back-transition)") == 0);
    }
}

TEST_CASE("What a loader would ignore is imported with a note, never dropped in silence", "[missions][robustness]") {
    // A geoFence without a version: QGroundControl ignores the section. Its one polygon is not
    // read, and the import says so.
    const std::string plan = read_text("tests/fixtures/missions/fence-without-version.plan");
    auto m = read_plan(plan, "fence-without-version.plan");
    REQUIRE(m.ok());
    CHECK(m->fence_polygons.empty());
    const bool said = std::any_of(m->notes.begin(), m->notes.end(), [](const std::string& n) {
        return n.find("geoFence has no version") == 0 && n.find("its 1 fence was not read") != std::string::npos;
    });
    CHECK(said);
    // CRLF line endings read, with a note that MAVSDK refuses them.
    auto wp = read_waypoints(read_text("tests/fixtures/missions/valid-crlf.waypoints"), "valid-crlf.waypoints");
    REQUIRE(wp.ok());
    CHECK(std::any_of(wp->notes.begin(), wp->notes.end(), [](const std::string& n) { return n.find("CRLF") != std::string::npos; }));
}

TEST_CASE("ArduPilot's take-off at 0, 0 (here) is no firmware problem; a waypoint at 0, 0 is", "[missions]") {
    Mission m;
    m.firmware = Firmware::ArduPilot;
    m.home = {22.5, 113.9};
    m.items.push_back({mav::kNavTakeoff, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, 0, 0, 30, true});
    m.items.push_back({mav::kNavWaypoint, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, 0, 0, 30, true});
    const auto problems = check_items_for_firmware(m);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where.rfind("item 2", 0) == 0);
}

TEST_CASE("Our own GeoJSON and KML come back as they went out", "[missions][roundtrip]") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    const CompiledScenario compiled(s);
    auto same = [](const auto& a, const auto& b) {
        return object_to_json(ScenarioObject(a)).dump() == object_to_json(ScenarioObject(b)).dump();
    };
    SECTION("GeoJSON: every corridor and zone exactly; the zones made from airports left out with a note") {
        const std::string text = write_scenario_geojson(compiled, nullptr);
        auto imported = import_geojson(text, "gba.geojson", {});
        REQUIRE(imported.ok());
        REQUIRE(imported->corridors.size() == s.corridors.size());
        REQUIRE(imported->zones.size() == s.zones.size());  // 3, not the 13 drawn
        for (size_t i = 0; i < s.corridors.size(); ++i) CHECK(same(imported->corridors[i], s.corridors[i]));
        for (size_t i = 0; i < s.zones.size(); ++i) CHECK(same(imported->zones[i], s.zones[i]));
        CHECK(std::find(imported->notes.begin(), imported->notes.end(),
                        "10 zones generated from airports left out: a scenario makes them from its airports' runways") != imported->notes.end());
        // And out again: the same bytes.
        Scenario again = s;
        again.corridors = imported->corridors;
        again.zones = imported->zones;
        const CompiledScenario recompiled(again);
        CHECK(write_scenario_geojson(recompiled, nullptr) == text);
    }
    SECTION("KML: the route's corridors exactly, the flight path left out with a note") {
        const RoutingNetwork network(compiled);
        const RouteRequest q{"baoan-ops", "songshan-lake", "vtol-fixed-wing", -1, RouteObjective::Fastest};
        auto built = build_mission(compiled, network, q, MissionOptions{});
        REQUIRE(built.ok());
        const std::string kml = write_kml(compiled, built.value(), q, KmlAltitude::Absolute);
        auto imported = import_kml(kml, "route.kml", {});
        REQUIRE(imported.ok());
        CHECK(imported->zones.empty());  // the footprints are pictures of the corridors
        REQUIRE(imported->corridors.size() == 2);  // c-baoan-shiyan, c-shiyan-songshan
        CHECK(same(imported->corridors[0], *s.find_corridor("c-baoan-shiyan")));
        CHECK(same(imported->corridors[1], *s.find_corridor("c-shiyan-songshan")));
        CHECK(std::find(imported->notes.begin(), imported->notes.end(), "the flight path is a picture of the mission, not a corridor: left out") !=
              imported->notes.end());
    }
}

namespace {
// The text of every `<wpml:NAME>` element in a stored (uncompressed) .kmz, in order.
std::vector<std::string> wpml_values(const std::vector<uint8_t>& kmz, const std::string& name) {
    const std::string bytes(kmz.begin(), kmz.end()), open = "<wpml:" + name + ">", close = "</wpml:" + name + ">";
    std::vector<std::string> values;
    for (size_t at = bytes.find(open); at != std::string::npos; at = bytes.find(open, at + 1)) {
        const size_t from = at + open.size();
        values.push_back(bytes.substr(from, bytes.find(close, from) - from));
    }
    return values;
}
}  // namespace

TEST_CASE("DJI WPML: the aircraft's own enums, its speed limit, hovers as actions, and a refusal for a type DJI does not make", "[missions][wpml]") {
    GateFixture g;
    const RouteRequest q{"a", "b", "quad", 1.0, RouteObjective::Fastest};
    auto wpml = [&]() {
        const CompiledScenario compiled(g.scenario);
        const RoutingNetwork network(compiled, RoutingPolicy{true});
        ExportRequest request;
        request.format = ExportFormat::Wpml;
        request.route = q;
        request.options.firmware = Firmware::ArduPilot;
        return export_mission(compiled, network, request);
    };
    const ExportResult refused = wpml();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error.code == "export.wpml");
    CHECK(refused.error.message.rfind("drone type 'quad' is not a DJI aircraft", 0) == 0);

    // An M30T flying at 18 m/s: DJI's table makes it 67/1 with its own camera, 53, and its
    // waylines go no faster than 15 m/s.
    g.scenario.drone_types[0].dji_model = "M30T";
    g.scenario.drone_types[0].cruise_speed_m_s = 18;
    g.scenario.drone_types[0].max_speed_m_s = 20;
    g.scenario.drone_types[0].battery_wh = 800;
    const ExportResult r = wpml();
    INFO(r.error.to_string());
    for (const auto& f : r.gate.failures) UNSCOPED_INFO(f.check << ": " << f.message);
    REQUIRE(r.ok());
    CHECK(wpml_values(r.bytes, "droneEnumValue") == std::vector<std::string>{"67", "67"});
    CHECK(wpml_values(r.bytes, "droneSubEnumValue") == std::vector<std::string>{"1", "1"});
    CHECK(wpml_values(r.bytes, "payloadEnumValue") == std::vector<std::string>{"53", "53"});
    const auto speeds = wpml_values(r.bytes, "waypointSpeed");
    // Items 22 178 16 16 211 93 16 16 21: over the pad, over B, the release at B, the climb at B,
    // over A again, where the landing is (finishAction): five waypoints in each of the two files.
    REQUIRE(speeds.size() == 2 * 5);
    for (const auto& s : speeds) CHECK(std::stod(s) <= 15.0);
    REQUIRE(r.notes.size() == 2);
    CHECK(r.notes[0].find("flown at 15 m/s") != std::string::npos);
    CHECK(r.notes[1].find("no gripper action") != std::string::npos);
    // The release hold (WAYPOINT param 1) and the settle (NAV_DELAY): two hovers, in one group.
    MissionOptions o;
    CHECK(wpml_values(r.bytes, "hoverTime") == std::vector<std::string>{std::to_string(int(o.release_hold_s)) + ".0", std::to_string(int(o.release_settle_s)) + ".0",
                                                                        std::to_string(int(o.release_hold_s)) + ".0", std::to_string(int(o.release_settle_s)) + ".0"});
    CHECK(wpml_values(r.bytes, "actionGroupId") == std::vector<std::string>{"0", "0"});
    CHECK(wpml_values(r.bytes, "finishAction") == std::vector<std::string>{"autoLand", "autoLand"});
}

TEST_CASE("A drone type's dji_model is one DJI makes for WPML, and a multirotor", "[scenario][wpml]") {
    std::string text = read_text("tests/fixtures/scenarios/minimal.json");
    const std::string quad = "\"id\": \"quad\",", wing = "\"id\": \"wing\",";
    REQUIRE(text.find(quad) != std::string::npos);
    REQUIRE(text.find(wing) != std::string::npos);
    auto load_with = [&](const std::string& id, const std::string& model) {
        std::string t = text;
        t.insert(t.find(id) + id.size(), " \"dji_model\": \"" + model + "\",");
        return parse_scenario(t, "minimal.json");
    };
    CHECK(load_with(quad, "M350 RTK").ok());
    const ScenarioLoad unknown = load_with(quad, "FlyCart 30");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.errors.front().where == "$.drone_types[0].dji_model");
    CHECK(unknown.errors.front().message.find("\"FlyCart 30\" is not a DJI aircraft that flies WPML waylines: one of M350 RTK, M300 RTK") == 0);
    const ScenarioLoad vtol = load_with(wing, "M30");
    REQUIRE_FALSE(vtol.ok());
    CHECK(vtol.errors.front().message == "DJI's WPML aircraft are multirotors, and this type is not");
}

TEST_CASE("XML text escapes the five special characters and keeps everything else", "[missions][kml]") {
    CHECK(xml_escape("") == "");
    CHECK(xml_escape("Bao'an <ops> & \"hub\"") == "Bao&apos;an &lt;ops&gt; &amp; &quot;hub&quot;");
    CHECK(xml_escape("深圳 113.88,22.53") == "深圳 113.88,22.53");
    CHECK(xml_escape("&&") == "&amp;&amp;");
}

TEST_CASE(".waypoints lines read the same whether plain or written unusually, and each fault is named with its line", "[missions]") {
    // Hand-written: line 3 spells its numbers unusually (exponent, plus sign, blanks), line 4
    // ends without a newline; the values are the ones written. (Not hexadecimal: strtod reads
    // it, but QGroundControl and pymavlink refuse it.)
    const std::string text =
        "QGC WPL 110\r\n"
        "0\t1\t0\t16\t0\t0\t0\t0\t22.5\t113.9\t5\t1\r\n"
        "1\t0\t3\t16\t1.6e1 \t0\t0\t0\t+22.51\t1.139e2\t60\t1\r\n"
        "2\t0\t3\t21\t0\t0\t0\t0\t22.52\t113.91\t0\t1";
    auto m = read_waypoints(text, "hand.waypoints");
    REQUIRE(m.ok());
    REQUIRE(m->items.size() == 2);
    CHECK(m->home_alt_m_amsl == 5);
    CHECK(m->items[0].params[0] == 16);
    CHECK(m->items[0].lat_deg == 22.51);
    CHECK(m->items[0].lon_deg == 113.9);
    CHECK(m->items[1].command == 21);
    CHECK(m->items[1].lon_deg == 113.91);
    CHECK(m->notes.size() == 1);

    const std::string home = "QGC WPL 110\n0\t1\t0\t16\t0\t0\t0\t0\t22.5\t113.9\t5\t1\n";
    struct Bad { std::string line; const char* message; };
    for (const Bad& b : {Bad{"1\t0\t3\t16\t0\t0\t0\t0\t22.5\t113.9\t60\t1\r\t\n", "expected 12 tab-separated columns, found 13"},
                         Bad{"1\t0\t3\t16\t0\t0\t0\t0\t22.5\t113.9\t60\t2\n", "autocontinue must be 0 or 1"},
                         Bad{"1\t0\t3\t16\t0\t0\t0\t0\t92.5\t113.9\t60\t1\n", "latitude or longitude out of range"},
                         Bad{"1\t0\t3\t16\t0\t0\t0\t0\t22.5\t113.9\t1e400\t1\n", "column 11 is not a finite number"},
                         Bad{"1\t0\t3\t16\t0x10\t0\t0\t0\t22.5\t113.9\t60\t1\n", "column 5 is not a finite number"},
                         Bad{"2\t0\t3\t16\t0\t0\t0\t0\t22.5\t113.9\t60\t1\n", "sequence number 2 where 1 was expected"},
                         Bad{"1\t0\t3\t16\t0\t0\t0\t0\t22.5\t113.9\t60\n", "expected 12 tab-separated columns, found 11"},
                         Bad{"\n", "blank line (QGroundControl refuses the whole file)"},
                         // Found by fuzzing: a 20-digit whole number overflowed while it was read.
                         Bad{"1\t0\t3\t16\t0\t0\t0\t0\t22.5\t113.9\t60\t50000564843243201746\n", "autocontinue must be 0 or 1"},
                         Bad{"50000564843243201746\t0\t3\t16\t0\t0\t0\t0\t22.5\t113.9\t60\t1\n", "sequence number is not a whole number"}}) {
        INFO(b.line);
        auto r = read_waypoints(home + b.line, "bad.waypoints");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == b.message);
        CHECK(r.error().where == "bad.waypoints:3");
    }
}

TEST_CASE("A .waypoints number may have blanks around it as the loaders allow but not be hexadecimal", "[missions][import]") {
    const std::string head = "QGC WPL 110\n0\t1\t0\t16\t0\t0\t0\t0\t22.5521000\t113.8829000\t5.000000\t1\n";
    auto blanks = read_waypoints(head + "1\t0\t3\t22\t0\t0\t0\t0\t 22.5521\t113.8829 \t60.000000\t1\n", "blanks.waypoints");
    REQUIRE(blanks.ok());
    CHECK(blanks->items[0].lat_deg == 22.5521);
    CHECK(blanks->items[0].lon_deg == 113.8829);
    auto hex = read_waypoints(head + "1\t0\t3\t22\t0\t0\t0\t0\t22.5521\t0x71\t60.000000\t1\n", "hex.waypoints");
    REQUIRE_FALSE(hex.ok());
    CHECK(hex.error().where == "hex.waypoints:3");
    CHECK(hex.error().message == "column 10 is not a finite number");
}

TEST_CASE("DJI WPML: a note with dashes becomes an XML comment with no double dash in it", "[missions][wpml]") {
    Mission m;
    m.home = {22.5, 113.9};
    m.home_alt_m_amsl = 5;
    m.items.push_back({mav::kNavTakeoff, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, 22.5, 113.9, 60, true});
    m.items.push_back({mav::kNavWaypoint, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, 22.51, 113.9, 60, true});
    m.items.push_back({mav::kNavLand, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, 22.51, 113.9, 0, true});
    m.notes = {"a--b---c-"};
    DroneType type;
    type.id = "m30";
    type.dji_model = "M30T";
    type.airframe = Airframe::Multirotor;
    type.cruise_speed_m_s = 10;
    const auto r = write_wpml_kmz(m, type);
    REQUIRE(r.ok());
    // By hand: a space into each "--" as it is met, and one after a closing dash. The entries
    // are stored, so each document's text is in the archive as it is: once in each of the two.
    const std::string kmz(r.value().kmz.begin(), r.value().kmz.end());
    const std::string comment = "<!-- lowsky: a- -b- - -c-  -->";
    size_t found = 0;
    for (size_t at = kmz.find(comment); at != std::string::npos; at = kmz.find(comment, at + 1)) ++found;
    CHECK(found == 2);
}
