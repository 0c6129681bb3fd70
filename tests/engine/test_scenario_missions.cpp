// Inspections and sightseeing loops as objects of the scenario document: read and written, refused
// with what and where, validated as their missions would fly, and edited like every other object.
#include <catch2/catch.hpp>

#include <algorithm>

#include "edit/editor.h"
#include "fixtures.h"
#include "mission/scenario_missions.h"
#include "scenario/scenario_io.h"
#include "validation/validate.h"

using namespace lowsky;

namespace {

std::string with(const std::string& member, const std::string& json) {
    // The default scenario's document with one top-level member replaced.
    auto doc = nlohmann::json::parse(test::read_text("assets/scenarios/gba.json"));
    doc[member] = nlohmann::json::parse(json);
    return doc.dump();
}

std::vector<Finding> findings_of(const Scenario& s, const std::string& object) {
    const CompiledScenario compiled(s);
    std::vector<Finding> out;
    for (const Finding& f : validate(compiled).findings) if (f.object == object) out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("The default scenario keeps two inspections and a sightseeing loop, and writes them back as it read them", "[scenario][missions]") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    REQUIRE(s.inspections.size() == 2);
    CHECK(s.inspections[0].area.size() == 4);
    CHECK(s.inspections[0].heading_deg == 20);
    CHECK(s.inspections[1].along.size() == 3);
    CHECK(s.inspections[1].width_m == 100);
    REQUIRE(s.sightseeing.size() == 1);
    CHECK(s.sightseeing[0].stops.size() == 2);
    CHECK(s.sightseeing[0].departures_s == std::vector<double>{36000, 41400, 50400, 55800, 61200});
    const std::string saved = save_scenario(s);
    CHECK(saved == test::read_text("assets/scenarios/gba.json"));  // the bundled file is canonical
    const ScenarioLoad again = parse_scenario(saved, "saved");
    REQUIRE(again.scenario);
    CHECK(save_scenario(*again.scenario) == saved);
}

TEST_CASE("An inspection or sightseeing loop that cannot be read is refused with its path", "[scenario][missions]") {
    auto first_error = [](const std::string& text) {
        const ScenarioLoad load = parse_scenario(text, "test");
        REQUIRE_FALSE(load.errors.empty());
        return load.errors.front();
    };
    const std::string pts = R"([{"lat_deg":22.53,"lon_deg":113.88},{"lat_deg":22.53,"lon_deg":113.89},{"lat_deg":22.54,"lon_deg":113.89}])";
    Error e = first_error(with("inspections", R"([{"id":"both","hub":"qianhai-hub","drone_type":"m350-drop","area":)" + pts + R"(,"along":)" + pts + R"(,"width_m":50}])"));
    CHECK(e.where == "$.inspections[0]");
    CHECK(e.message.find("either an \"area\"") != std::string::npos);
    e = first_error(with("inspections", R"([{"id":"w","hub":"qianhai-hub","drone_type":"m350-drop","area":)" + pts + R"(,"width_m":50}])"));
    CHECK(e.where == "$.inspections[0].width_m");
    e = first_error(with("inspections", R"([{"id":"x","hub":"nowhere","drone_type":"m350-drop","area":)" + pts + R"(}])"));
    CHECK(e.where == "$.inspections[0].hub");
    CHECK(e.message == "unknown hub \"nowhere\"");
    e = first_error(with("sightseeing", R"([{"id":"t","hub":"qianhai-hub","drone_type":"m350-drop","stops":[{"name":"A","position":{"lat_deg":22.52,"lon_deg":113.9}}],"departures":["11:00","10:00"]}])"));
    CHECK(e.where == "$.sightseeing[0].departures[1]");
    e = first_error(with("sightseeing", R"([{"id":"qianhai-coast-scan","hub":"qianhai-hub","drone_type":"m350-drop","stops":[{"name":"A","position":{"lat_deg":22.52,"lon_deg":113.9}}]}])"));
    CHECK(e.where == "$.sightseeing[0].id");  // inspections and loops share their ids
}

TEST_CASE("The validator flies each inspection and sightseeing loop: its zones, ceiling, speed and battery", "[scenario][missions][validation]") {
    Scenario s = test::load_scenario("assets/scenarios/gba.json");
    // As bundled: each flies in Bao'an's clearance-protection area (a warning, explained), nothing else.
    for (const char* id : {"qianhai-waterfront-survey", "qianhai-coast-scan", "qianhai-bay-loop"}) {
        const auto found = findings_of(s, id);
        REQUIRE(found.size() == 1);
        CHECK(found[0].severity == Severity::Warning);
        CHECK(found[0].check.find(".approval") != std::string::npos);
        CHECK_FALSE(found[0].explanation.empty());
    }
    // The survey moved onto Bao'an's runways (22.63, 113.81): into the airport's no-fly core.
    for (GeoPoint& p : s.inspections[0].area) p.lat_deg += 0.101, p.lon_deg -= 0.072;
    // The loop at 30 m/s (the M350 flies 23) and 130 m above its hub (the mainland's ceiling is 120).
    s.sightseeing[0].speed_m_s = 30;
    s.sightseeing[0].height_m = 130;
    auto checks = [&](const char* id) {
        std::vector<std::string> out;
        for (const Finding& f : findings_of(s, id)) if (f.severity == Severity::Error) out.push_back(f.check);
        std::sort(out.begin(), out.end());
        return out;
    };
    // 11 km from its hub, the way there and back is also beyond the M350's battery (some 22 km,
    // over half an hour, at a hover-class power of 600 W and more: over its 420 Wh usable).
    CHECK(checks("qianhai-waterfront-survey") == std::vector<std::string>{"inspection.energy", "inspection.no_fly"});
    CHECK(checks("qianhai-bay-loop") == std::vector<std::string>{"sightseeing.above_ceiling", "sightseeing.too_fast"});
    // A corridor scan bending back on itself cannot be laid.
    s.inspections[1].along = {{22.50, 113.80}, {22.50, 113.81}, {22.501, 113.80}};
    CHECK(checks("qianhai-coast-scan") == std::vector<std::string>{"inspection.impossible"});
}

TEST_CASE("Inspections are edited like every other object: added, changed and undone", "[scenario][missions][edit]") {
    Editor ed(test::load_scenario("assets/scenarios/gba.json"));
    const std::string before = save_scenario(ed.scenario());
    auto add = command_from_json(nlohmann::json::parse(R"({"op":"add","kind":"inspection","object":{"id":"new-survey","hub":"qianhai-hub","drone_type":"quad-light",
        "area":[{"lat_deg":22.53,"lon_deg":113.88},{"lat_deg":22.53,"lon_deg":113.885},{"lat_deg":22.534,"lon_deg":113.885}]}})"), "$");
    REQUIRE(add.ok());
    REQUIRE(ed.apply(add.value()).ok());
    REQUIRE(ed.scenario().inspections.size() == 3);
    CHECK(ed.scenario().inspections[2].footprint_m == 60);  // the defaults
    auto set = command_from_json(nlohmann::json::parse(R"({"op":"set","kind":"inspection","id":"new-survey","field":"/height_m","value":90})"), "$");
    REQUIRE(set.ok());
    REQUIRE(ed.apply(set.value()).ok());
    CHECK(ed.scenario().inspections[2].height_m == 90);
    REQUIRE(ed.undo());
    REQUIRE(ed.undo());
    CHECK(save_scenario(ed.scenario()) == before);
}
