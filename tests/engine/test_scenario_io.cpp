#include <catch2/catch.hpp>

#include "fixtures.h"
#include "core/json_read.h"

using namespace lowsky;
using lowsky::test::load_scenario;
using lowsky::test::read_text;

TEST_CASE("The default GBA scenario loads with its hubs, types and airports", "[scenario]") {
    const Scenario s = load_scenario("assets/scenarios/gba.json");
    for (const char* id : {"baoan-ops", "songshan-lake", "xiangzhou-port", "dongao-island", "guzhen", "xinhui", "qianhai-hub", "dongguan",
                           "zhongshan", "zhuhai"}) {
        INFO(id);
        CHECK(s.find_hub(id) != nullptr);
    }
    for (const char* id : {"quad-light", "heavy-octo", "vtol-fixed-wing"}) CHECK(s.find_drone_type(id) != nullptr);
    std::vector<std::string> icao;
    for (const auto& a : s.airport_zones) icao.push_back(a.icao);
    CHECK(icao == std::vector<std::string>{"ZGSZ", "VHHH", "VMMC", "ZGSD", "ZGGG"});
}

TEST_CASE("Saving is canonical: save(load(x)) is stable, and the bundled files are already canonical", "[scenario]") {
    for (const char* file : {"assets/scenarios/gba.json", "tests/fixtures/scenarios/minimal.json"}) {
        INFO(file);
        const std::string once = save_scenario(load_scenario(file));
        ScenarioLoad again = parse_scenario(once, "saved");
        REQUIRE(again.ok());
        CHECK(save_scenario(*again.scenario) == once);
        if (std::string(file).find("assets/") == 0) CHECK(once == read_text(file));
    }
}

TEST_CASE("Unknown members are warnings with their path, and the document still loads", "[scenario]") {
    std::string text = read_text("tests/fixtures/scenarios/minimal.json");
    text.replace(text.find("\"name\": \"Hub B\""), 15, "\"name\": \"Hub B\", \"colour\": \"red\"");
    text.replace(text.find("\"junctions\""), 11, "\"future_feature\": {}, \"junctions\"");
    ScenarioLoad load = parse_scenario(text, "t.json");
    REQUIRE(load.ok());
    REQUIRE(load.warnings.size() == 2);
    CHECK(load.warnings[0].where == "$.future_feature");
    CHECK(load.warnings[1].where == "$.hubs[1].colour");
    CHECK(load.warnings[1].message == "unknown member, ignored");
}

TEST_CASE("Every kind of broken scenario names what and where, and nothing throws", "[scenario]") {
    auto parsed = parse_json_text(read_text("tests/fixtures/scenarios/broken/expected.json"), "expected.json");
    REQUIRE(parsed.ok());
    REQUIRE(parsed.value().size() >= 20);
    for (const auto& c : parsed.value()) {
        const std::string file = c["file"].get<std::string>();
        INFO(file);
        ScenarioLoad load = parse_scenario(read_text("tests/fixtures/scenarios/broken/" + file), file);
        REQUIRE_FALSE(load.ok());
        REQUIRE_FALSE(load.errors.empty());
        bool matched = false;
        for (const auto& e : load.errors) {
            if (e.where.rfind(c["where"].get<std::string>(), 0) == 0 && e.message.find(c["message"].get<std::string>()) == 0) matched = true;
        }
        if (!matched) for (const auto& e : load.errors) UNSCOPED_INFO(e.to_string());
        CHECK(matched);
    }
}

TEST_CASE("Several problems are all reported, not just the first", "[scenario]") {
    std::string text = read_text("tests/fixtures/scenarios/minimal.json");
    text.replace(text.find("\"width_m\": 200"), 14, "\"width_m\": -1");
    text.replace(text.find("\"count\": 2}]"), 10, "\"count\": \"two\"");
    ScenarioLoad load = parse_scenario(text, "t.json");
    REQUIRE_FALSE(load.ok());
    REQUIRE(load.errors.size() == 2);
    CHECK(load.errors[0].where == "$.corridors[0].width_m");
    CHECK(load.errors[1].where == "$.fleet[0].count");
}

TEST_CASE("Clock times parse and print", "[scenario]") {
    CHECK(parse_clock("00:00") == 0);
    CHECK(parse_clock("08:30") == 30600);
    CHECK(parse_clock("24:00") == 86400);
    CHECK_FALSE(parse_clock("24:01"));
    CHECK_FALSE(parse_clock("8:30"));
    CHECK_FALSE(parse_clock("08:60"));
    CHECK_FALSE(parse_clock("08:3x"));
    CHECK_FALSE(parse_clock(" 8:30"));  // four digits, as written
    CHECK_FALSE(parse_clock("08:+5"));
    CHECK_FALSE(parse_clock("-1:30"));
    CHECK(format_clock(30600) == "08:30");
}

TEST_CASE("A hub's serves list: absent means every type, empty is an error with its path, and a type's autopilot overrides round-trip", "[scenario]") {
    nlohmann::json doc = nlohmann::json::parse(read_text("tests/fixtures/scenarios/minimal.json"));
    doc["hubs"][1].erase("serves");
    ScenarioLoad load = parse_scenario(doc.dump(), "t.json");
    INFO((load.errors.empty() ? std::string() : load.errors.front().to_string()));
    REQUIRE(load.ok());
    CHECK(load.scenario->hubs[1].serves.empty());
    CHECK(load.scenario->hubs[1].serves_type("quad"));
    const std::string saved = save_scenario(*load.scenario);
    CHECK(saved.find("\"serves\"") == saved.rfind("\"serves\""));  // only hub A writes one

    doc["hubs"][1]["serves"] = nlohmann::json::array();
    ScenarioLoad bad = parse_scenario(doc.dump(), "t.json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.errors.front().where == "$.hubs[1].serves");

    Scenario s = load_scenario("tests/fixtures/scenarios/minimal.json");
    s.drone_types[0].autopilot.spool_up_s = 3.5;
    s.drone_types[0].autopilot.land_final_m_s = 0.3;
    ScenarioLoad again = parse_scenario(save_scenario(s), "saved");
    REQUIRE(again.ok());
    CHECK(again.scenario->drone_types[0].autopilot.spool_up_s == 3.5);
    CHECK(again.scenario->drone_types[0].autopilot.land_final_m_s == 0.3);
    CHECK(again.scenario->drone_types[0].autopilot.accel_m_s2 < 0);
    CHECK(again.scenario->drone_types[1].autopilot.any() == false);
}

TEST_CASE("An order's priority: emergency is read and written back, normal is the default, anything else is refused", "[scenario][emergency]") {
    Scenario s = load_scenario("tests/fixtures/scenarios/minimal.json");
    s.orders = {{"sos", s.hubs[0].id, s.hubs[1].id, 2, 600, 1200, OrderPriority::Emergency}, {"parcel", s.hubs[0].id, s.hubs[1].id, 1, 0, 3600}};
    const std::string saved = save_scenario(s);
    CHECK(saved.find("\"priority\": \"emergency\"") != std::string::npos);
    CHECK(saved.find("\"priority\": \"normal\"") == std::string::npos);  // the default is not written
    ScenarioLoad back = parse_scenario(saved, "saved.json");
    REQUIRE(back.ok());
    REQUIRE(back.scenario->orders.size() == 2);
    CHECK(back.scenario->orders[0].priority == OrderPriority::Emergency);
    CHECK(back.scenario->orders[1].priority == OrderPriority::Normal);
    std::string wrong = saved;
    wrong.replace(wrong.find("\"emergency\""), 11, "\"urgent\"");
    ScenarioLoad refused = parse_scenario(wrong, "wrong.json");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errors.front().where == "$.demand.orders[0].priority");
    CHECK(refused.errors.front().message == "expected one of \"normal\", \"emergency\", found \"urgent\"");
}

TEST_CASE("A scenario's temporary restrictions are read and written back, and a bad one says where", "[scenario][restriction]") {
    Scenario s = load_scenario("tests/fixtures/scenarios/minimal.json");
    CHECK(save_scenario(s).find("\"restrictions\"") == std::string::npos);  // none: not written
    TemporaryRestriction t;
    t.id = "fire";
    t.shape.polygon = {{22.5, 113.4}, {22.5, 113.41}, {22.51, 113.41}};
    t.start_s = 36000;
    t.end_s = 39600;
    t.notice_s = 900;
    s.restrictions = {t};
    const std::string saved = save_scenario(s);
    CHECK(saved.find("\"start\": \"10:00\"") != std::string::npos);
    CHECK(saved.find("\"end\": \"11:00\"") != std::string::npos);
    ScenarioLoad back = parse_scenario(saved, "saved.json");
    REQUIRE(back.ok());
    REQUIRE(back.scenario->restrictions.size() == 1);
    const TemporaryRestriction& r = back.scenario->restrictions[0];
    CHECK(r.id == "fire");
    CHECK(r.start_s == 36000);
    CHECK(r.end_s == 39600);
    CHECK(r.notice_s == 900);
    CHECK(r.announced_s() == 35100);
    CHECK(r.shape.polygon.size() == 3);
    CHECK(save_scenario(*back.scenario) == saved);
    std::string reversed = saved;
    reversed.replace(reversed.find("\"end\": \"11:00\""), 14, "\"end\": \"09:00\"");
    ScenarioLoad refused = parse_scenario(reversed, "reversed.json");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errors.front().where == "$.restrictions[0].end");
    CHECK(refused.errors.front().message == "must be after the start");
    std::string garbled = saved;
    garbled.replace(garbled.find("\"start\": \"10:00\""), 16, "\"start\": \"ten\"");
    ScenarioLoad bad = parse_scenario(garbled, "garbled.json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.errors.front().where == "$.restrictions[0].start");
}
