// One passing and one failing case for every rule of the validator, made by changing the
// minimal fixture (two hubs 5 km apart, one corridor, no findings).
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

#include "fixtures.h"
#include "airspace/corridor_profile.h"
#include "validation/finding_json.h"
#include "validation/validate.h"

using namespace lowsky;

namespace {

Scenario minimal() { return test::load_scenario("tests/fixtures/scenarios/minimal.json"); }

ValidationReport run(const Scenario& s) {
    const CompiledScenario compiled(s);
    return validate(compiled);
}

std::vector<const Finding*> with_check(const ValidationReport& r, const std::string& check) {
    std::vector<const Finding*> out;
    for (const auto& f : r.findings) if (f.check == check) out.push_back(&f);
    return out;
}

AltitudeBand agl(double lo, double hi) { return {{lo, AltitudeReference::AboveGround}, {hi, AltitudeReference::AboveGround}}; }

// A restricted one is closed from 08:00 to 10:00.
Zone circle_zone(const std::string& id, ZoneKind kind, GeoPoint center, double radius_m, AltitudeBand band) {
    Zone z = test::circle_zone(id, kind, center, radius_m, band);
    if (kind == ZoneKind::Restricted) z.time_windows = {{8 * 3600, 10 * 3600}};
    return z;
}

const GeoPoint kMiddle{22.5, 113.425};  // halfway along c-ab

Corridor second_corridor(std::vector<GeoPoint> line, AltitudeBand band) {
    Corridor c = minimal().corridors[0];
    c.id = "c-second";
    c.centreline = std::move(line);
    c.band = band;
    return c;
}

struct RuleCase {
    const char* check;
    Severity severity;
    std::function<void(Scenario&)> fail;  // makes the finding appear
    std::function<void(Scenario&)> pass;  // the nearest change that does not
};

}  // namespace

TEST_CASE("The minimal fixture has no findings", "[validation]") {
    const ValidationReport r = run(minimal());
    for (const auto& f : r.findings) UNSCOPED_INFO(f.check << ": " << f.message);
    CHECK(r.findings.empty());
}

TEST_CASE("Every rule has a failing and a passing case", "[validation]") {
    const std::vector<RuleCase> cases = {
        {"airspace.no_fly", Severity::Error,
         [](Scenario& s) { s.zones.push_back(circle_zone("nf", ZoneKind::NoFly, kMiddle, 500, agl(0, 500))); },
         [](Scenario& s) { s.zones.push_back(circle_zone("nf", ZoneKind::NoFly, kMiddle, 500, agl(110, 500))); }},  // starts at the corridor's ceiling
        {"airspace.no_fly", Severity::Error,  // the swept width counts, not only the centreline
         [](Scenario& s) { s.zones.push_back(circle_zone("nf", ZoneKind::NoFly, {22.5045, 113.425}, 450, agl(0, 500))); },
         [](Scenario& s) { s.zones.push_back(circle_zone("nf", ZoneKind::NoFly, {22.5045, 113.425}, 350, agl(0, 500))); }},
        {"airspace.controlled_without_approval", Severity::Error,
         [](Scenario& s) { s.zones.push_back(circle_zone("ctl", ZoneKind::Controlled, kMiddle, 800, agl(0, 1000))); },
         [](Scenario& s) {
             s.zones.push_back(circle_zone("ctl", ZoneKind::Controlled, kMiddle, 800, agl(0, 1000)));
             s.corridors[0].approval = "TEST-1";
         }},
        {"airspace.controlled_with_approval", Severity::Info,
         [](Scenario& s) {
             s.zones.push_back(circle_zone("ctl", ZoneKind::Controlled, kMiddle, 800, agl(0, 1000)));
             s.corridors[0].approval = "TEST-1";
         },
         [](Scenario& s) { s.corridors[0].approval = "TEST-1"; }},
        {"airspace.restricted_hours", Severity::Warning,
         [](Scenario& s) { s.zones.push_back(circle_zone("r", ZoneKind::Restricted, kMiddle, 300, agl(0, 200))); },
         [](Scenario& s) { s.zones.push_back(circle_zone("r", ZoneKind::Restricted, {22.52, 113.425}, 300, agl(0, 200))); }},
        {"altitude.above_ceiling", Severity::Error,
         [](Scenario& s) { s.corridors[0].band = agl(60, 150); },
         [](Scenario& s) { s.corridors[0].band = agl(60, 120); }},
        {"altitude.ceiling_unverifiable", Severity::Warning,
         [](Scenario& s) { s.corridors[0].band = {{60, AltitudeReference::Amsl}, {110, AltitudeReference::Amsl}}; },
         [](Scenario& s) { s.corridors[0].band = agl(60, 110); }},
        {"corridor.conflict", Severity::Error,
         [](Scenario& s) {
             s.corridors.push_back(second_corridor({{22.48, 113.425}, {22.52, 113.425}}, agl(60, 110)));
             s.junctions = {{"j1", {22.48, 113.425}}, {"j2", {22.52, 113.425}}};
         },
         [](Scenario& s) {  // the same crossing, 30 m above: vertically separated
             s.corridors.push_back(second_corridor({{22.48, 113.425}, {22.52, 113.425}}, agl(140, 170)));
             s.corridors.back().approval = "TEST-2";
             s.junctions = {{"j1", {22.48, 113.425}}, {"j2", {22.52, 113.425}}};
         }},
        {"corridor.conflict", Severity::Error,  // parallel and too close
         [](Scenario& s) {
             s.corridors.push_back(second_corridor({{22.5022, 113.4}, {22.5022, 113.45}}, agl(60, 110)));
             s.junctions = {{"j1", {22.5022, 113.4}}, {"j2", {22.5022, 113.45}}};
         },
         [](Scenario& s) {  // 300 m apart: 100 + 100 + 50 m of separation fits
             s.corridors.push_back(second_corridor({{22.5027, 113.4}, {22.5027, 113.45}}, agl(60, 110)));
             s.junctions = {{"j1", {22.5027, 113.4}}, {"j2", {22.5027, 113.45}}};
         }},
        {"corridor.turn_too_sharp", Severity::Error,  // a 150 degree hairpin in 100 m: the VTOL cannot
         [](Scenario& s) {
             s.corridors[0].width_m = 100;
             s.corridors[0].centreline = {{22.5, 113.4}, {22.5, 113.43}, {22.505, 113.42}, {22.5, 113.45}};
         },
         [](Scenario& s) { s.corridors[0].centreline = {{22.5, 113.4}, {22.502, 113.425}, {22.5, 113.45}}; }},
        {"corridor.turn_too_sharp", Severity::Warning,  // only the quadcopter flies it: it must slow down
         [](Scenario& s) {
             s.corridors[0].drone_types = {"quad"};
             s.corridors[0].width_m = 20;
             s.corridors[0].centreline = {{22.5, 113.4}, {22.5, 113.425}, {22.51, 113.426}, {22.5, 113.45}};
         },
         [](Scenario& s) {
             s.corridors[0].drone_types = {"quad"};
             s.corridors[0].centreline = {{22.5, 113.4}, {22.5, 113.425}, {22.51, 113.426}, {22.5, 113.45}};
         }},
        {"corridor.dangling_end", Severity::Error,
         [](Scenario& s) { s.corridors[0].centreline.back() = {22.5, 113.445}; },  // 500 m short of B
         [](Scenario& s) { s.corridors[0].centreline.back() = {22.5, 113.4495}; }},  // 50 m: snaps to B
        {"corridor.beyond_range", Severity::Error,
         [](Scenario& s) { for (auto& t : s.drone_types) t.battery_wh = 20; },
         [](Scenario& s) { for (auto& t : s.drone_types) t.battery_wh = 400; }},
        {"corridor.beyond_loaded_range", Severity::Warning,
         [](Scenario& s) { s.drone_types[0].battery_wh = 70; s.drone_types[1].battery_wh = 50; s.drone_types[1].max_payload_kg = 14; },
         [](Scenario& s) { s.drone_types[0].battery_wh = 300; s.drone_types[1].battery_wh = 50; s.drone_types[1].max_payload_kg = 14; }},
        {"hub.no_corridor", Severity::Warning,
         [](Scenario& s) { Hub h = s.hubs[1]; h.id = "c"; h.position = {22.6, 113.5}; s.hubs.push_back(h); },
         [](Scenario& s) {
             Hub h = s.hubs[1]; h.id = "c"; h.position = {22.5, 113.47}; s.hubs.push_back(h);
             s.corridors.push_back(second_corridor({{22.5, 113.45}, {22.5, 113.47}}, agl(60, 110)));
         }},
        {"demand.unreachable", Severity::Error,
         [](Scenario& s) { s.corridors[0].direction = Direction::OneWay; s.corridors[0].lanes = LaneSeparation::None;
                           s.demand_rates[0].from = "b"; s.demand_rates[0].to = "a"; },
         [](Scenario& s) { s.corridors[0].direction = Direction::OneWay; s.corridors[0].lanes = LaneSeparation::None; }},
        {"corridor.below_min_airspeed", Severity::Error,  // the wing stalls below 18 m/s; the corridor says 15
         [](Scenario& s) { s.drone_types[1].min_airspeed_m_s = 18; },
         [](Scenario& s) { s.drone_types[1].min_airspeed_m_s = 15; }},
        {"fleet.hub_serves", Severity::Error,
         [](Scenario& s) { s.hubs[0].serves = {"wing"}; },   // the minimal fleet has quads at A
         [](Scenario& s) { s.hubs[0].serves = {}; }},        // no list: every type
    };
    for (const auto& c : cases) {
        INFO(c.check);
        Scenario failing = minimal();
        c.fail(failing);
        const ValidationReport bad = run(failing);
        const auto found = with_check(bad, c.check);
        for (const auto& f : bad.findings) UNSCOPED_INFO("found " << f.check << ": " << f.message);
        REQUIRE(found.size() >= 1);
        CHECK(found[0]->severity == c.severity);
        CHECK_FALSE(found[0]->message.empty());
        CHECK(found[0]->position.has_value());

        Scenario passing = minimal();
        c.pass(passing);
        CHECK(with_check(run(passing), c.check).empty());
    }
}

TEST_CASE("Corridors may meet where they share a hub", "[validation]") {
    Scenario s = minimal();
    // A second corridor from A, diverging 20 degrees from c-ab, to a hub of its own.
    Hub c = s.hubs[1];
    c.id = "c";
    c.position = {22.5154, 113.4469};
    s.hubs.push_back(c);
    s.corridors.push_back(second_corridor({{22.5, 113.4}, {22.5154, 113.4469}}, agl(60, 110)));
    s.rules.hub_approach_radius_m = 1200;
    CHECK(with_check(run(s), "corridor.conflict").empty());
    s.rules.hub_approach_radius_m = 100;  // too small for a 20 degree split of 200 m corridors
    CHECK(with_check(run(s), "corridor.conflict").size() == 1);
}

TEST_CASE("An explained warning carries its explanation", "[validation]") {
    Scenario s = minimal();
    s.zones.push_back(circle_zone("r", ZoneKind::Restricted, kMiddle, 300, agl(0, 200)));
    s.explanations.push_back({"airspace.restricted_hours", "c-ab", "because"});
    const ValidationReport r = run(s);
    REQUIRE(with_check(r, "airspace.restricted_hours").size() == 1);
    CHECK(with_check(r, "airspace.restricted_hours")[0]->explanation == "because");
    CHECK(r.warnings == 1);
    CHECK(r.unexplained_warnings == 0);
}

TEST_CASE("The default GBA scenario validates with no errors, and every warning is explained", "[validation][gba]") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    const ValidationReport r = run(s);
    for (const auto& f : r.findings) UNSCOPED_INFO(to_string(f.severity) << " " << f.check << ": " << f.message);
    CHECK(r.errors == 0);
    CHECK(r.unexplained_warnings == 0);
    // Its corridors into the airports' protection areas are there under approvals.
    CHECK(r.infos > 0);
}

TEST_CASE("Every check the validator lists has an id and a rule", "[validation]") {
    CHECK(all_checks().size() >= 12);
    for (const auto& c : all_checks()) {
        CHECK(std::string(c.id).find('.') != std::string::npos);
        CHECK_FALSE(std::string(c.rule).empty());
    }
}

TEST_CASE("A corridor's side view: its band, the ceiling and the zones it passes, in the heights the checks use", "[validation][profile]") {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.zones.push_back(test::no_fly_across_ab());  // a 300 m circle on the centreline, 0-500 m above ground
    const CompiledScenario compiled(s);
    const CorridorProfile p = corridor_profile(compiled, 0);
    // A (5 m) to B (8 m) along 22.5 N: 0.05 degrees of longitude on a parallel of radius
    // N cos(22.5) = 6,381,270 m x 0.92388: 5,144.8 m.
    CHECK(p.length_m == Approx(5144.8).margin(0.5));
    CHECK(p.ground.m == 5);  // the lower end
    CHECK(p.start_ground.m == 5);
    CHECK(p.end_ground.m == 8);
    CHECK(p.floor.m == 65);    // 60 m above ground
    CHECK(p.ceiling.m == 115);  // 110 m above ground
    CHECK(p.airspace_ceiling.m == 125);
    REQUIRE(p.zones.size() == 1);
    // Halfway along, and the corridor's 100 m half-width reaches it 400 m either side of its centre.
    CHECK(p.zones[0].id == "nf");
    CHECK(p.zones[0].from_m == Approx(p.length_m / 2 - 400).margin(6));
    CHECK(p.zones[0].to_m == Approx(p.length_m / 2 + 400).margin(6));
    CHECK(p.zones[0].floor.m == 5);
    CHECK(p.zones[0].ceiling.m == 505);
}

TEST_CASE("A finding stands for every place of its pair of objects: the worst one named, the places counted", "[validation]") {
    // c-ab runs along 22.5 N from 113.40 to 113.45 E in one segment, 200 m wide. A second
    // corridor 0.0022 degrees (245 m) north of it, in three segments (113.40-113.41-113.43-113.45),
    // is as wide: every one of its segments is closer to c-ab's than 100 + 100 + 50 m allow.
    Scenario s = minimal();
    s.corridors.push_back(second_corridor({{22.5022, 113.4}, {22.5022, 113.41}, {22.5022, 113.43}, {22.5022, 113.45}}, agl(60, 110)));
    s.junctions = {{"j1", {22.5022, 113.4}}, {"j2", {22.5022, 113.45}}};
    // A no-fly circle of 500 m around the second corridor's first bend: its first two segments
    // pass through the centre, its third starts 0.02 degrees (2.06 km) away. c-ab passes 245 m
    // from the centre, within 500 m and its 100 m half-width, in its one segment.
    s.zones.push_back(circle_zone("nf", ZoneKind::NoFly, {22.5022, 113.41}, 500, agl(0, 500)));
    const ValidationReport r = run(s);

    const auto conflicts = with_check(r, "corridor.conflict");
    REQUIRE(conflicts.size() == 1);
    CHECK(conflicts[0]->places == 3);
    CHECK(conflicts[0]->segment == 0);
    CHECK(conflicts[0]->message.find("the closest of 3 places") != std::string::npos);
    CHECK(finding_json(*conflicts[0])["places"] == 3);

    const auto no_fly = with_check(r, "airspace.no_fly");
    REQUIRE(no_fly.size() == 2);
    for (const Finding* f : no_fly) {
        INFO(f->message);
        CHECK(f->places == (f->object == "c-second" ? 2 : 1));
        CHECK(finding_json(*f).contains("places") == (f->object == "c-second"));
    }
}
