// The editor's commands, each with its undo and redo. "Exactly as before" is the saved
// document, byte for byte (what `lowsky format` writes); the effect of each command is checked
// against what the command says, in the scenario's own numbers.
#include <catch2/catch.hpp>

#include "edit/editor.h"
#include "edit/live_checks.h"

#include <algorithm>
#include "fixtures.h"
#include "geo/geodesy.h"
#include "scenario/scenario_io.h"

using namespace lowsky;

namespace {

EditCommand parse(const char* text) {
    auto c = command_from_json(nlohmann::json::parse(text), "$");
    INFO(text << " -> " << (c ? std::string() : c.error().to_string()));
    REQUIRE(c.ok());
    return c.value();
}

// Applies, then checks undo gives back the document exactly and redo the edited one.
void round_trip(Editor& ed, const EditCommand& c) {
    const std::string before = save_scenario(ed.scenario());
    auto r = ed.apply(c);
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.ok());
    const std::string after = save_scenario(ed.scenario());
    CHECK(after != before);
    CHECK(ed.undo_name() == command_name(c));
    REQUIRE(ed.undo());
    CHECK(save_scenario(ed.scenario()) == before);
    REQUIRE(ed.redo());
    CHECK(save_scenario(ed.scenario()) == after);
}

const Corridor& corridor(const Editor& ed, const std::string& id) { return *ed.scenario().find_corridor(id); }

}  // namespace

TEST_CASE("Each edit command does what it says, and undo puts the document back byte for byte", "[edit]") {
    Editor ed(test::load_scenario("assets/scenarios/gba.json"));
    const std::string original = save_scenario(ed.scenario());
    const size_t corridors = ed.scenario().corridors.size(), hubs = ed.scenario().hubs.size(), zones = ed.scenario().zones.size();

    SECTION("move, insert and delete a corridor vertex") {
        round_trip(ed, parse(R"({"op":"move_vertex","kind":"corridor","id":"c-baoan-shiyan","vertex":1,"to":{"lat_deg":22.61,"lon_deg":113.92}})"));
        CHECK(corridor(ed, "c-baoan-shiyan").centreline[1].lat_deg == 22.61);
        CHECK(corridor(ed, "c-baoan-shiyan").centreline[1].lon_deg == 113.92);
        round_trip(ed, parse(R"({"op":"insert_vertex","kind":"corridor","id":"c-baoan-shiyan","vertex":2,"to":{"lat_deg":22.65,"lon_deg":113.93}})"));
        REQUIRE(corridor(ed, "c-baoan-shiyan").centreline.size() == 4);
        CHECK(corridor(ed, "c-baoan-shiyan").centreline[2].lat_deg == 22.65);
        CHECK(corridor(ed, "c-baoan-shiyan").centreline[3].lat_deg == 22.7);  // the old third moved on
        round_trip(ed, parse(R"({"op":"delete_vertex","kind":"corridor","id":"c-baoan-shiyan","vertex":1})"));
        CHECK(corridor(ed, "c-baoan-shiyan").centreline.size() == 3);
        CHECK(corridor(ed, "c-baoan-shiyan").centreline[1].lat_deg == 22.65);
        // Undo all three: the file as loaded.
        REQUIRE(ed.undo());
        REQUIRE(ed.undo());
        REQUIRE(ed.undo());
        CHECK_FALSE(ed.undo());
        CHECK(save_scenario(ed.scenario()) == original);
    }
    SECTION("add a corridor, a hub, a junction and zones of both shapes") {
        round_trip(ed, parse(R"({"op":"add","kind":"hub","object":{"id":"new-hub","name":"New","kind":"vertiport","position":{"lat_deg":22.6,"lon_deg":113.8},
            "ground_elevation_m_amsl":4,"pads":{"count":2,"slot_s":60},"energy":{"kind":"charger","count":1,"charge_power_w":2000}}})"));
        CHECK(ed.scenario().hubs.size() == hubs + 1);
        CHECK(ed.scenario().hubs.back().id == "new-hub");
        round_trip(ed, parse(R"({"op":"add","kind":"junction","object":{"id":"j-new","position":{"lat_deg":22.62,"lon_deg":113.82}}})"));
        CHECK(ed.scenario().junctions.back().id == "j-new");
        round_trip(ed, parse(R"({"op":"add","kind":"corridor","object":{"id":"c-new","name":"New","centreline":[{"lat_deg":22.6,"lon_deg":113.8},
            {"lat_deg":22.55213,"lon_deg":113.88288}],"width_m":120,"floor":{"value_m":60,"reference":"above_ground"},"ceiling":{"value_m":110,"reference":"above_ground"},
            "direction":"two_way","lanes":"none","speed_limit_m_s":15,"drone_types":["quad-light"]}})"));
        CHECK(ed.scenario().corridors.size() == corridors + 1);
        CHECK(corridor(ed, "c-new").width_m == 120);
        round_trip(ed, parse(R"({"op":"add","kind":"zone","object":{"id":"z-poly","name":"P","kind":"no_fly","jurisdiction":"mainland",
            "polygon":[{"lat_deg":22.5,"lon_deg":113.6},{"lat_deg":22.51,"lon_deg":113.6},{"lat_deg":22.51,"lon_deg":113.61}],
            "floor":{"value_m":0,"reference":"above_ground"},"ceiling":{"value_m":300,"reference":"above_ground"}}})"));
        round_trip(ed, parse(R"({"op":"add","kind":"zone","object":{"id":"z-circle","name":"C","kind":"controlled","jurisdiction":"mainland",
            "circle":{"center":{"lat_deg":22.4,"lon_deg":113.6},"radius_m":500},
            "floor":{"value_m":0,"reference":"above_ground"},"ceiling":{"value_m":300,"reference":"above_ground"}}})"));
        CHECK(ed.scenario().zones.size() == zones + 2);
        // An id already taken gets a fresh one.
        auto again = ed.apply(parse(R"({"op":"add","kind":"junction","object":{"id":"j-new","position":{"lat_deg":22.63,"lon_deg":113.83}}})"));
        REQUIRE(again.ok());
        CHECK(again->created.front().id == "j-new-2");
    }
    SECTION("remove, with undo putting the zone back where it was in the list") {
        const std::string second = ed.scenario().zones[1].id;
        round_trip(ed, parse((R"({"op":"remove","targets":[{"kind":"zone","id":")" + second + R"("}]})").c_str()));
        CHECK(ed.scenario().zones.size() == zones - 1);
        REQUIRE(ed.undo());
        CHECK(ed.scenario().zones[1].id == second);
    }
    SECTION("duplicate several objects of different kinds at once") {
        round_trip(ed, parse(R"({"op":"duplicate","targets":[{"kind":"corridor","id":"c-baoan-qianhai"},{"kind":"hub","id":"dongguan"}]})"));
        CHECK(ed.scenario().corridors.back().id == "c-baoan-qianhai-copy");
        CHECK(ed.scenario().hubs.back().id == "dongguan-copy");
        // 0.002 degrees north and east of the original.
        CHECK(ed.scenario().hubs.back().position.lat_deg == Approx(ed.scenario().find_hub("dongguan")->position.lat_deg + 0.002));
    }
    SECTION("set fields at any depth") {
        round_trip(ed, parse(R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/width_m","value":180})"));
        CHECK(corridor(ed, "c-baoan-qianhai").width_m == 180);
        round_trip(ed, parse(R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/ceiling/value_m","value":115})"));
        CHECK(corridor(ed, "c-baoan-qianhai").band.ceiling.value_m == 115);
        round_trip(ed, parse(R"({"op":"set","kind":"drone_type","id":"quad-light","field":"/battery_wh","value":900})"));
        CHECK(ed.scenario().find_drone_type("quad-light")->battery_wh == 900);
        round_trip(ed, parse(R"({"op":"set","kind":"wind_band","id":"#0","field":"/speed_m_s","value":9})"));
        CHECK(ed.scenario().wind[0].speed_m_s == 9);
        round_trip(ed, parse(R"({"op":"set","kind":"fleet","id":"#1","field":"/count","value":7})"));
        CHECK(ed.scenario().fleet[1].count == 7);
        round_trip(ed, parse(R"({"op":"set","kind":"rules","id":"#0","field":"/lateral_separation_m","value":80})"));
        CHECK(ed.scenario().rules.lateral_separation_m == 80);
    }
    SECTION("rename a hub: every reference follows, and undo takes them all back") {
        size_t uses = 0;
        for (const auto& f : ed.scenario().fleet) uses += f.hub == "baoan-ops";
        REQUIRE(uses > 0);
        round_trip(ed, parse(R"({"op":"set","kind":"hub","id":"baoan-ops","field":"/id","value":"baoan"})"));
        CHECK(ed.undo_name() == "rename hub");
        size_t renamed = 0, old = 0;
        for (const auto& f : ed.scenario().fleet) renamed += f.hub == "baoan", old += f.hub == "baoan-ops";
        CHECK(renamed == uses);
        CHECK(old == 0);
        for (const auto& d : ed.scenario().demand_rates) CHECK((d.from != "baoan-ops" && d.to != "baoan-ops"));
    }
    SECTION("rename a drone type: corridors, hubs and fleet follow") {
        round_trip(ed, parse(R"({"op":"set","kind":"drone_type","id":"vtol-fixed-wing","field":"/id","value":"vtol"})"));
        for (const auto& c : ed.scenario().corridors)
            for (const auto& t : c.drone_types) CHECK(t != "vtol-fixed-wing");
        CHECK(ed.scenario().find_drone_type("vtol") != nullptr);
    }
    SECTION("move a hub, and the corridor ends that meet it go with it") {
        const GeoPoint at = ed.scenario().find_hub("qianhai-hub")->position;
        size_t ends = 0;
        for (const auto& c : ed.scenario().corridors)
            for (const GeoPoint& p : {c.centreline.front(), c.centreline.back()}) ends += geodesy::distance_m(p, at) <= ed.scenario().rules.node_snap_m;
        REQUIRE(ends == 3);  // c-baoan-qianhai, c-qianhai-zhuhai and c-qianhai-laufaushan end there
        round_trip(ed, parse(R"({"op":"move","targets":[{"kind":"hub","id":"qianhai-hub"}],"by":{"lat_deg":0.001,"lon_deg":-0.002}})"));
        const GeoPoint moved = ed.scenario().find_hub("qianhai-hub")->position;
        CHECK(moved.lat_deg == Approx(at.lat_deg + 0.001));
        CHECK(moved.lon_deg == Approx(at.lon_deg - 0.002));
        size_t followed = 0;
        for (const auto& c : ed.scenario().corridors)
            for (const GeoPoint& p : {c.centreline.front(), c.centreline.back()}) followed += geodesy::distance_m(p, moved) <= ed.scenario().rules.node_snap_m;
        CHECK(followed == 3);
    }
    SECTION("move a whole corridor and a circle zone") {
        const Corridor before = corridor(ed, "c-guzhen-xinhui");
        round_trip(ed, parse(R"({"op":"move","targets":[{"kind":"corridor","id":"c-guzhen-xinhui"}],"by":{"lat_deg":0.01,"lon_deg":0.02}})"));
        for (size_t i = 0; i < before.centreline.size(); ++i) {
            CHECK(corridor(ed, "c-guzhen-xinhui").centreline[i].lat_deg == Approx(before.centreline[i].lat_deg + 0.01));
            CHECK(corridor(ed, "c-guzhen-xinhui").centreline[i].lon_deg == Approx(before.centreline[i].lon_deg + 0.02));
        }
    }
    SECTION("paste objects under fresh ids") {
        round_trip(ed, parse(R"({"op":"paste","objects":[{"kind":"junction","object":{"id":"j-shiyan","position":{"lat_deg":22.71,"lon_deg":113.94}}},
            {"kind":"wind_band","object":{"floor_m_agl":300,"ceiling_m_agl":400,"from_deg":90,"speed_m_s":3}}],
            "by":{"lat_deg":0.01,"lon_deg":-0.02}})"));
        CHECK(ed.scenario().junctions.back().id == "j-shiyan-2");
        CHECK(ed.scenario().junctions.back().position.lat_deg == Approx(22.72));  // moved by "by"
        CHECK(ed.scenario().junctions.back().position.lon_deg == Approx(113.92));
        CHECK(ed.scenario().wind.back().floor_m_agl == 300);
    }
}

TEST_CASE("A bad edit is refused with what and where, and changes nothing", "[edit]") {
    Editor ed(test::load_scenario("assets/scenarios/gba.json"));
    const std::string original = save_scenario(ed.scenario());
    auto refused = [&](const char* text, const std::string& where, const std::string& words) {
        INFO(text);
        auto r = ed.apply(parse(text));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().where == where);
        CHECK(r.error().message.find(words) != std::string::npos);
        CHECK(save_scenario(ed.scenario()) == original);
        CHECK(ed.undo_depth() == 0);
    };
    refused(R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/width_m","value":-5})", "$.corridors[0].width_m", "");
    refused(R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/width_m","value":"wide"})", "$.corridors[0].width_m", "");
    refused(R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/floor/value_m","value":500})", "$.corridors[0].ceiling.value_m", "above the floor");
    refused(R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/nothing/here","value":1})", "$.corridors[0]/nothing/here", "no member");
    refused(R"({"op":"set","kind":"corridor","id":"c-missing","field":"/width_m","value":100})", "$.corridors", "no corridor");
    refused(R"({"op":"delete_vertex","kind":"corridor","id":"c-baoan-qianhai","vertex":0})", "$.corridors[0].centreline", "at least 2");
    refused(R"({"op":"move_vertex","kind":"corridor","id":"c-baoan-qianhai","vertex":7,"to":{"lat_deg":22,"lon_deg":113}})", "$.corridors[0].centreline", "no vertex 7");
    refused(R"({"op":"move_vertex","kind":"corridor","id":"c-baoan-qianhai","vertex":0,"to":{"lat_deg":95,"lon_deg":113}})", "$.corridors[0].centreline[0].lat_deg", "");
    // The hub is where fleet and demand start: removing it would leave them pointing nowhere.
    refused(R"({"op":"remove","targets":[{"kind":"hub","id":"baoan-ops"}]})", "$.fleet[0].hub", "still in use");
    refused(R"({"op":"remove","targets":[{"kind":"rules","id":"#0"}]})", "$.rules", "one object");
    refused(R"({"op":"set","kind":"rules","id":"#0","field":"/ceiling_m_agl","value":0})", "$.rules.ceiling_m_agl", "");
    // Renaming a corridor to an id another corridor has.
    refused(R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/id","value":"c-baoan-shiyan"})", "$.corridors[1].id", "duplicate id");
    // A paste built in code with no array of objects is refused, not read as one.
    EditCommand odd;
    odd.op = EditOp::Paste;
    odd.value = nlohmann::json{{"kind", "hub"}};
    auto pasted = ed.apply(odd);
    REQUIRE_FALSE(pasted.ok());
    CHECK(pasted.error().where == "$.objects");
    // Malformed commands say where, too.
    for (const char* text : {R"({"op":"spin"})", R"({"op":"set","kind":"corridor","id":"c"})", R"({"op":"move","targets":[{"kind":"hub","id":"x"}]})",
                             R"([1,2])", R"({"op":"add","kind":"planet","object":{}})"}) {
        INFO(text);
        CHECK_FALSE(command_from_json(nlohmann::json::parse(text), "$").ok());
    }
}

TEST_CASE("A drag is one step to undo, and a new edit clears what was undone", "[edit]") {
    Editor ed(test::load_scenario("assets/scenarios/gba.json"));
    const std::string original = save_scenario(ed.scenario());
    for (int i = 1; i <= 5; ++i) {
        EditCommand c = parse(R"({"op":"move_vertex","kind":"corridor","id":"c-baoan-shiyan","vertex":1,"to":{"lat_deg":22.6,"lon_deg":113.925}})");
        c.point.lat_deg += i * 0.001;
        REQUIRE(ed.apply(c, true).ok());
    }
    CHECK(ed.undo_depth() == 1);
    CHECK(corridor(ed, "c-baoan-shiyan").centreline[1].lat_deg == Approx(22.605));
    REQUIRE(ed.undo());
    CHECK(save_scenario(ed.scenario()) == original);
    CHECK(ed.redo_name() == "move vertex");
    REQUIRE(ed.apply(parse(R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/width_m","value":180})")).ok());
    CHECK_FALSE(ed.redo());  // the branch undone is gone
    // A command and its JSON form say the same thing.
    const EditCommand c = parse(R"({"op":"move","targets":[{"kind":"hub","id":"dongguan"},{"kind":"corridor","id":"c-guzhen-xinhui"}],"by":{"lat_deg":0.5,"lon_deg":-0.25}})");
    CHECK(command_to_json(c) == command_to_json(command_from_json(command_to_json(c), "$").value()));
    CHECK(command_name(c) == "move 2 objects");
}

namespace {

// A finding as text, for comparing reports whatever their order.
std::vector<std::string> finding_set(const ValidationReport& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings)
        out.push_back(f.check + "|" + to_string(f.severity) + "|" + f.object + "|" + f.other + "|" + std::to_string(f.segment) + "|" + f.message + "|" + f.explanation);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("The live checks after each edit are the findings a full validation gives", "[edit][validation]") {
    Editor ed(test::load_scenario("assets/scenarios/gba.json"));
    LiveChecks live(ed);
    // A walk of edits that make and clear findings: a vertex into Bao'an airport's core and
    // out, a width that makes two corridors conflict, a band over the ceiling, undo and redo.
    const char* steps[] = {
        R"({"op":"move_vertex","kind":"corridor","id":"c-baoan-shiyan","vertex":1,"to":{"lat_deg":22.639,"lon_deg":113.811}})",
        R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/width_m","value":3000})",
        R"({"op":"set","kind":"corridor","id":"c-shiyan-songshan","field":"/ceiling/value_m","value":200})",
        R"({"op":"move_vertex","kind":"corridor","id":"c-baoan-shiyan","vertex":1,"to":{"lat_deg":22.6,"lon_deg":113.925}})",
        R"({"op":"add","kind":"hub","object":{"id":"h-new","name":"N","kind":"drop_point","position":{"lat_deg":22.4,"lon_deg":113.5},
            "ground_elevation_m_amsl":2,"pads":{"count":1,"slot_s":60},"energy":{"kind":"none"}}})",
        R"({"op":"move","targets":[{"kind":"corridor","id":"c-guzhen-xinhui"}],"by":{"lat_deg":0.05,"lon_deg":0.0}})",
    };
    int partial = 0, errors_seen = 0;
    auto compare = [&] {
        live.update(ed);
        partial += live.last_was_partial();
        const CompiledScenario fresh(ed.scenario());
        const ValidationReport full = validate(fresh);
        errors_seen = std::max(errors_seen, full.errors);
        CHECK(finding_set(live.report()) == finding_set(full));
        CHECK(live.report().errors == full.errors);
        CHECK(live.report().warnings == full.warnings);
    };
    for (const char* step : steps) {
        INFO(step);
        REQUIRE(ed.apply(parse(step)).ok());
        compare();
    }
    while (ed.undo()) compare();
    while (ed.redo()) compare();
    CHECK(partial == 5 * 3);  // the five corridor-only edits (all but the hub), applied, undone and redone
    CHECK(errors_seen >= 3);  // the walk did make findings to keep track of
}

TEST_CASE("Several commands applied together are one step to undo, and a refused one leaves nothing behind", "[edit]") {
    Editor ed(test::load_scenario("assets/scenarios/gba.json"));
    REQUIRE(ed.apply(parse(R"({"op":"set","kind":"corridor","id":"c-baoan-qianhai","field":"/width_m","value":180})")).ok());
    REQUIRE(ed.undo());  // something to redo, which a refused batch must keep
    const std::string original = save_scenario(ed.scenario());
    const size_t corridors = ed.scenario().corridors.size();
    const std::vector<EditCommand> both = {parse(R"({"op":"remove","targets":[{"kind":"corridor","id":"c-guzhen-xinhui"}]})"),
                                           parse(R"({"op":"set","kind":"corridor","id":"c-zhongshan-guzhen","field":"/width_m","value":250})")};
    auto r = ed.apply_all(both, "replace two");
    REQUIRE(r.ok());
    CHECK(ed.scenario().corridors.size() == corridors - 1);
    CHECK(corridor(ed, "c-zhongshan-guzhen").width_m == 250);
    CHECK(ed.undo_depth() == 1);
    CHECK(ed.undo_name() == "replace two");
    REQUIRE(ed.undo());
    CHECK(save_scenario(ed.scenario()) == original);
    REQUIRE(ed.redo());
    CHECK(ed.scenario().corridors.size() == corridors - 1);
    REQUIRE(ed.undo());
    // The second refused (no such corridor): the first is taken back, the redo kept.
    const std::vector<EditCommand> bad = {parse(R"({"op":"remove","targets":[{"kind":"corridor","id":"c-guzhen-xinhui"}]})"),
                                          parse(R"({"op":"set","kind":"corridor","id":"no-such","field":"/width_m","value":250})")};
    auto refused = ed.apply_all(bad, "bad");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.rfind("command 2 of 2: ", 0) == 0);
    CHECK(save_scenario(ed.scenario()) == original);
    CHECK(ed.undo_depth() == 0);
    CHECK(ed.redo_name() == "replace two");
}
