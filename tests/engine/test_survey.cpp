// Inspection surveys: line spacing from the footprint and overlap (hand-worked), the order they
// are flown in, coverage of a concave area, and the errors for impossible asks.
#include <catch2/catch.hpp>

#include <cmath>

#include "geo/geodesy.h"
#include "geo/local_frame.h"
#include "geo/planar.h"
#include "mission/plan_format.h"
#include "mission/survey.h"
#include "mission/survey_figures.h"
#include "mission/survey_check.h"
#include "fixtures.h"
#include "mission/waypoints_format.h"

using namespace lowsky;
using geodesy::distance_m;

namespace {

const GeoPoint kOrigin{22.50, 113.90};

// Points of a shape given in metres east and north of kOrigin.
std::vector<GeoPoint> shape(const LocalFrame& f, std::initializer_list<LocalPoint> metres) {
    std::vector<GeoPoint> out;
    for (const LocalPoint& p : metres) out.push_back(f.to_geo(p));
    return out;
}

}  // namespace

TEST_CASE("A 1 km square, north-south lines, 100 m footprint, half overlap: 19 lines 50 m apart", "[survey]") {
    const LocalFrame f(kOrigin);
    SurveySpec spec;
    spec.polygon = shape(f, {{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}});
    spec.heading_deg = 0;
    spec.footprint_m = 100;
    spec.side_overlap = 0.5;
    const auto planned = plan_survey(spec);
    REQUIRE(planned.ok());
    const SurveyPattern& p = planned.value();
    // Hand-worked: at most 100 x (1 - 0.5) = 50 m apart; the outer lines 50 m inside the edges
    // see the edges; (1000 - 100) / 50 + 1 = 19 lines, exactly 50 m apart.
    REQUIRE(p.lines.size() == 19);
    CHECK(p.spacing_m == Approx(50).epsilon(0.002));
    for (size_t k = 0; k < p.lines.size(); ++k) {
        const LocalPoint a = f.to_local(p.lines[k].from), b = f.to_local(p.lines[k].to);
        CHECK(a.east_m == Approx(50 + 50.0 * double(k)).margin(1.0));
        CHECK(b.east_m == Approx(a.east_m).margin(1.0));
        // Back and forth: the first line flies north, the next south.
        if (k % 2 == 0) CHECK(b.north_m > a.north_m);
        else CHECK(b.north_m < a.north_m);
        CHECK(std::abs(b.north_m - a.north_m) == Approx(1000).margin(2.0));
    }
    CHECK(p.line_length_m == Approx(19 * 1000).epsilon(0.002));
    CHECK(p.path_length_m == Approx(19 * 1000 + 18 * 50).epsilon(0.002));
}

TEST_CASE("A concave area at a slant is covered to 99 % or more, with lines no further apart than asked", "[survey]") {
    const LocalFrame f(kOrigin);
    SurveySpec spec;
    // An L: 1,200 m by 900 m with a 700 m by 500 m bite out of its north-east.
    spec.polygon = shape(f, {{0, 0}, {1200, 0}, {1200, 400}, {500, 400}, {500, 900}, {0, 900}});
    spec.heading_deg = 330;  // north-north-west: lines from the lower arm cross the bite into the upright
    spec.footprint_m = 80;
    spec.side_overlap = 0.3;
    const auto planned = plan_survey(spec);
    REQUIRE(planned.ok());
    const SurveyPattern& p = planned.value();
    CHECK(p.spacing_m <= 80 * (1 - 0.3) + 1e-6);
    // Every point of a 10 m grid inside the L is seen if it is within half the footprint of a line.
    std::vector<std::pair<LocalPoint, LocalPoint>> lines;
    for (const SurveyLine& l : p.lines) lines.push_back({f.to_local(l.from), f.to_local(l.to)});
    const std::vector<LocalPoint> ring = {{0, 0}, {1200, 0}, {1200, 400}, {500, 400}, {500, 900}, {0, 900}};
    int inside = 0, seen = 0;
    for (double e = 5; e < 1200; e += 10)
        for (double n = 5; n < 900; n += 10) {
            const LocalPoint q{e, n};
            if (!planar::polygon_contains(ring, q)) continue;
            ++inside;
            for (const auto& [a, b] : lines)
                if (planar::point_segment(q, a, b).distance_m <= 40 + 0.5) { ++seen; break; }
        }
    REQUIRE(inside == 7300);  // 1,080,000 m² less the 350,000 m² bite, one point per 100 m²
    CHECK(double(seen) / inside >= 0.99);
    // The bite splits the lines that cross it in two, flown one after the other along the same line.
    int split = 0;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        const auto& [a, b] = lines[i];
        const double dx = b.east_m - a.east_m, dy = b.north_m - a.north_m, len = std::hypot(dx, dy);
        const LocalPoint c = lines[i + 1].first;
        if (std::abs((c.east_m - a.east_m) * dy - (c.north_m - a.north_m) * dx) / len < 1.0) ++split;
    }
    CHECK(split > 3);
}

TEST_CASE("An impossible survey says what is wrong", "[survey]") {
    const LocalFrame f(kOrigin);
    SurveySpec spec;
    spec.polygon = shape(f, {{0, 0}, {1000, 0}});
    spec.footprint_m = 50;
    CHECK(plan_survey(spec).error().where == "polygon");
    spec.polygon = shape(f, {{0, 0}, {1000, 0}, {0, 1000}});
    spec.footprint_m = 0;
    CHECK(plan_survey(spec).error().where == "footprint_m");
    spec.footprint_m = 50;
    spec.side_overlap = 0.99;
    CHECK(plan_survey(spec).error().where == "side_overlap");
    spec.side_overlap = 0.5;
    spec.polygon = shape(f, {{0, 0}, {1000, 0}, {0, 1000}});
    spec.polygon[1].lat_deg = std::nan("");
    CHECK(plan_survey(spec).error().where == "polygon");
    spec.polygon = shape(f, {{0, 0}, {400000, 0}, {0, 400000}});  // 400 km at a 25 m spacing
    const auto huge = plan_survey(spec);
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error().message.find("10,000") != std::string::npos);
}

TEST_CASE("A survey's mission: a waypoint at each end of each line, the camera on along it, and the .plan and .waypoints read back", "[survey][missions]") {
    const LocalFrame f(kOrigin);
    SurveySpec spec;
    spec.polygon = shape(f, {{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}});
    spec.footprint_m = 100;
    spec.side_overlap = 0.5;
    const auto pattern = plan_survey(spec);
    REQUIRE(pattern.ok());
    SurveyFlight flight;
    flight.home = f.to_geo({-200, -200});
    flight.home_alt_m_amsl = 12;
    flight.height_m = 80;
    flight.trigger_distance_m = 30;
    const Mission m = survey_mission(pattern.value(), flight);
    // Take-off and the speed, then 4 items per line (19 lines), then RTL: 2 + 76 + 1.
    REQUIRE(m.items.size() == 79);
    CHECK(m.items.front().command == mav::kNavTakeoff);
    CHECK(m.items.back().command == mav::kNavReturnToLaunch);
    for (size_t k = 0; k < 19; ++k) {
        const MissionItem* line = &m.items[2 + 4 * k];
        CHECK(line[0].command == mav::kNavWaypoint);
        CHECK(line[1].command == mav::kDoSetCamTriggDist);
        CHECK(line[1].params[0] == 30);
        CHECK(line[2].command == mav::kNavWaypoint);
        CHECK(line[3].command == mav::kDoSetCamTriggDist);
        CHECK(line[3].params[0] == 0);
        CHECK(line[0].frame == mav::kFrameGlobalRelativeAlt);
        CHECK(line[0].alt_m == 80);
    }
    // The files the ground stations load, read back by lowsky's importers (which judge as they do).
    const auto plan = read_plan(write_plan(m), "survey.plan");
    REQUIRE(plan.ok());
    CHECK(plan.value().items.size() == 79);
    const auto text = write_waypoints(m);
    REQUIRE(text.ok());
    const auto wp = read_waypoints(text.value(), "survey.waypoints");
    REQUIRE(wp.ok());
    CHECK(wp.value().items.size() == 79);
}

// Corridor scans: passes along a line, offset either side (hand-worked in metres east and north
// of kOrigin, measured back with the geodesic distance, not the local frame the scan uses).
TEST_CASE("A corridor scan along a straight line: 7 passes 23.3 m apart cover a 200 m strip, flown back and forth", "[survey]") {
    const LocalFrame f(kOrigin);
    CorridorScanSpec spec;
    spec.line = shape(f, {{0, 0}, {1000, 0}});  // due east
    spec.width_m = 200;
    spec.footprint_m = 60;
    spec.side_overlap = 0.6;  // at most 24 m apart: (200 - 60) / 24 = 5.8, so 6 gaps, 7 passes, 140 / 6 m apart
    const auto scan = plan_corridor_scan(spec);
    REQUIRE(scan.ok());
    const SurveyPattern& p = scan.value();
    REQUIRE(p.lines.size() == 7);
    CHECK(p.spacing_m == Approx(140.0 / 6).margin(1e-9));
    for (size_t k = 0; k < 7; ++k) {
        const double offset = -70 + 140.0 / 6 * double(k);  // right of an eastward line is south
        const SurveyLine& pass = p.lines[k];
        CHECK(pass.via.empty());
        const GeoPoint west = k % 2 == 0 ? pass.from : pass.to, east = k % 2 == 0 ? pass.to : pass.from;  // odd passes fly west
        CHECK(east.lon_deg > west.lon_deg);
        CHECK(distance_m(spec.line[0], west) == Approx(std::abs(offset)).margin(0.05));
        CHECK(distance_m(spec.line[1], east) == Approx(std::abs(offset)).margin(0.05));
        CHECK((west.lat_deg > spec.line[0].lat_deg) == (offset < 0));  // the negative offsets lie north, on the left
        CHECK(distance_m(west, east) == Approx(1000).margin(0.05));
    }
    CHECK(p.line_length_m == Approx(7000).margin(0.5));
    CHECK(p.path_length_m == Approx(7000 + 6 * 140.0 / 6).margin(0.5));
    // The footprints, 30 m either side of each pass as measured, cover the strip from -100 to
    // 100 m, neighbours no further apart than 24 m.
    std::vector<double> measured;
    for (size_t k = 0; k < 7; ++k) {
        const GeoPoint west = k % 2 == 0 ? p.lines[k].from : p.lines[k].to;
        measured.push_back(distance_m(spec.line[0], west) * (west.lat_deg > spec.line[0].lat_deg ? -1 : 1));
    }
    CHECK(measured.front() - 30 <= -100 + 0.05);
    CHECK(measured.back() + 30 >= 100 - 0.05);
    for (size_t k = 1; k < 7; ++k) CHECK(measured[k] - measured[k - 1] <= 24);
}

TEST_CASE("A corridor scan round a right-angle bend keeps its offset from both legs (a mitre, 30 m x root 2 from the corner)", "[survey]") {
    const LocalFrame f(kOrigin);
    CorridorScanSpec spec;
    spec.line = shape(f, {{0, 0}, {1000, 0}, {1000, 1000}});  // east, then north: a left turn
    spec.width_m = 120;
    spec.footprint_m = 60;
    spec.side_overlap = 0;  // 60 m apart: two passes, 30 m either side
    const auto scan = plan_corridor_scan(spec);
    REQUIRE(scan.ok());
    REQUIRE(scan.value().lines.size() == 2);
    const SurveyLine& left = scan.value().lines[0];   // offset -30: north of the first leg, west of the second
    const SurveyLine& right = scan.value().lines[1];  // offset +30, flown back
    REQUIRE(left.via.size() == 1);
    REQUIRE(right.via.size() == 1);
    const GeoPoint inner = f.to_geo({970, 30}), outer = f.to_geo({1030, -30});
    CHECK(distance_m(spec.line[1], left.via[0]) == Approx(30 * std::sqrt(2.0)).margin(0.05));
    CHECK(distance_m(left.via[0], inner) < 0.05);
    CHECK(distance_m(right.via[0], outer) < 0.05);
    CHECK(distance_m(left.from, f.to_geo({0, 30})) < 0.05);
    CHECK(distance_m(left.to, f.to_geo({970, 1000})) < 0.05);
    CHECK(distance_m(right.from, f.to_geo({1030, 1000})) < 0.05);
    CHECK(distance_m(right.to, f.to_geo({0, -30})) < 0.05);
    // Inner pass 970 + 970 m, outer 1030 + 1030 m; between them the 60 m across at the far end.
    CHECK(scan.value().line_length_m == Approx(4000).margin(0.5));
    CHECK(scan.value().path_length_m == Approx(4060).margin(0.5));
    // Flown: take-off and speed, per pass a waypoint at each end and the bend with the camera on
    // and off, then RTL: 2 + 2 x 5 + 1 items.
    SurveyFlight flight;
    flight.home = kOrigin;
    flight.trigger_distance_m = 20;
    const Mission m = survey_mission(scan.value(), flight);
    REQUIRE(m.items.size() == 13);
    const uint16_t pass[5] = {mav::kNavWaypoint, mav::kDoSetCamTriggDist, mav::kNavWaypoint, mav::kNavWaypoint, mav::kDoSetCamTriggDist};
    for (size_t k = 0; k < 2; ++k)
        for (size_t i = 0; i < 5; ++i) CHECK(m.items[2 + 5 * k + i].command == pass[i]);
    // The bend's position to MAVLink's 1e-7 degree, as every mission item carries it.
    CHECK(m.items[4].lat_deg == std::round(left.via[0].lat_deg * 1e7) / 1e7);
    CHECK(std::abs(m.items[4].lat_deg - left.via[0].lat_deg) <= 0.5e-7);
    const auto plan = read_plan(write_plan(m), "scan.plan");
    REQUIRE(plan.ok());
    CHECK(plan.value().items.size() == 13);
}

TEST_CASE("An impossible corridor scan says what is wrong", "[survey]") {
    const LocalFrame f(kOrigin);
    CorridorScanSpec spec;
    spec.footprint_m = 50;
    spec.width_m = 100;
    spec.line = shape(f, {{0, 0}, {0, 0.001}});  // one distinct point
    CHECK(plan_corridor_scan(spec).error().where == "line");
    spec.line = shape(f, {{0, 0}, {1000, 0}, {0, 300}});  // back on itself: a turn of about 163 degrees
    const auto hairpin = plan_corridor_scan(spec);
    REQUIRE_FALSE(hairpin.ok());
    CHECK(hairpin.error().message.find("point 2") != std::string::npos);
    spec.line = shape(f, {{0, 0}, {1000, 0}, {0, 1000}});  // a turn of 135 degrees: refused too
    CHECK_FALSE(plan_corridor_scan(spec).ok());
    spec.line = shape(f, {{0, 0}, {1000, 0}, {1000, 1000}});  // 90: fine
    CHECK(plan_corridor_scan(spec).ok());
    spec.width_m = -1;
    CHECK(plan_corridor_scan(spec).error().where == "width_m");
    spec.width_m = 1e6;  // 1,000 km at 15 m apart
    spec.side_overlap = 0.7;
    CHECK(plan_corridor_scan(spec).error().where == "width_m");
    spec.width_m = 100;
    spec.footprint_m = 0;
    CHECK(plan_corridor_scan(spec).error().where == "footprint_m");
}

TEST_CASE("A survey's time and energy come from the flight profile: one 1 km line out and straight home", "[survey][figures]") {
    // A strip 50 m wide and 1 km long, narrower than the 100 m footprint: one line up its middle,
    // south to north, from a home at its south end. Flown by the light quad of the default
    // scenario in still air (its wind left out), at 60 m and 10 m/s.
    Scenario still = test::load_scenario("assets/scenarios/gba.json");
    still.wind.clear();
    const DroneType& quad = *still.find_drone_type("quad-light");
    const LocalFrame f(kOrigin);
    SurveySpec spec;
    spec.polygon = shape(f, {{-25, 0}, {25, 0}, {25, 1000}, {-25, 1000}});
    spec.footprint_m = 100;
    const auto planned = plan_survey(spec);
    REQUIRE(planned.ok());
    REQUIRE(planned.value().lines.size() == 1);
    SurveyFlight flight;
    flight.home = f.to_geo({0, 0});
    flight.height_m = 60;
    flight.speed_m_s = 10;
    const SurveyFigures one = fly_survey(planned.value(), flight, quad, still);
    // Over the ground: 1 km out along the line, 1 km straight home.
    CHECK(one.distance_m == Approx(2000).margin(1.0));
    // Worked by hand from the type's rates (lowsky's parameters set the autopilot's climb and
    // descent speeds to them, and its return speed to the type's cruise speed) and ArduCopter's
    // landing (the last 10 m at 0.5 m/s): 4.5 s spool-up, 60 m up, 1 km at 10 m/s, 1 km home,
    // 50 m down, 20 s for the last 10 m, 2 s to disarm; each of the four starts and stops costs
    // a few seconds more (at 2.5 m/s2 and a jerk of 1 m/s3, under 5 s each).
    const double by_hand = 4.5 + 60 / quad.climb_rate_m_s + 1000.0 / 10 + 1000 / quad.cruise_speed_m_s + 50 / quad.descent_rate_m_s + 20 + 2;
    CHECK(one.time_s > by_hand);
    CHECK(one.time_s < by_hand + 4 * 5);
    // The battery less the scenario's reserve (20 %).
    CHECK(one.usable_energy_wh == Approx(quad.battery_wh * 0.8));
    CHECK(one.within_battery());
    CHECK(one.energy_wh > 0);
    // A 1 km square at a 40 m footprint and 70 % overlap: lines at most 12 m apart, the outer ones
    // 20 m inside the edges, so (1000 - 40) / 12 = 80 gaps and 81 lines, 81 km: more than a light
    // quad's battery holds, and the verdict says so.
    SurveySpec wide;
    wide.polygon = shape(f, {{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}});
    wide.footprint_m = 40;
    wide.side_overlap = 0.7;
    const auto big = plan_survey(wide);
    REQUIRE(big.ok());
    CHECK(big.value().lines.size() == 81);
    const SurveyFigures many = fly_survey(big.value(), flight, quad, still);
    CHECK(many.distance_m > big.value().path_length_m);
    CHECK(many.time_s > many.distance_m / 10);
    CHECK_FALSE(many.within_battery());
}

namespace {
struct SurveyAt {
    Scenario scenario = test::load_scenario("assets/scenarios/gba.json");
    std::unique_ptr<CompiledScenario> compiled = std::make_unique<CompiledScenario>(scenario);
    SurveyCheck check;
    // A block `east_m` x `north_m` with its south-west corner at `corner`, 60 m footprint, flown
    // by the light quad from `home` at `height_m`.
    SurveyAt(GeoPoint corner, double east_m, double north_m, GeoPoint home, double height_m) {
        const LocalFrame f(corner);
        SurveySpec spec;
        spec.polygon = {corner, f.to_geo({east_m, 0}), f.to_geo({east_m, north_m}), f.to_geo({0, north_m})};
        spec.footprint_m = 60;
        const auto pattern = plan_survey(spec);
        REQUIRE(pattern.ok());
        SurveyFlight flight;
        flight.home = home;
        flight.height_m = height_m;
        check = check_survey(*compiled, pattern.value(), flight, *scenario.find_drone_type("quad-light"));
    }
    bool has(const std::vector<GateFailure>& list, const std::string& id, const std::string& text) const {
        return std::any_of(list.begin(), list.end(), [&](const GateFailure& f) { return f.check == id && f.message.find(text) != std::string::npos; });
    }
};
}  // namespace

TEST_CASE("A survey is checked against the zones it flies through, the ceiling where it is, and the battery", "[survey][check]") {
    // Qianhai's waterfront, 3 km south of Shenzhen Bao'an's runways: inside the airport's
    // controlled clearance area (approval), clear of its no-fly core.
    const SurveyAt qianhai({22.530, 113.880}, 600, 440, {22.53612, 113.88744}, 60);
    for (const auto& w : qianhai.check.warnings) INFO(w.message);
    CHECK(qianhai.check.errors.empty());
    CHECK(qianhai.has(qianhai.check.warnings, "inspection.approval", "ZGSZ"));
    // The same at 150 m: over the mainland's 120 m ceiling.
    const SurveyAt high({22.530, 113.880}, 600, 440, {22.53612, 113.88744}, 150);
    CHECK(high.has(high.check.errors, "inspection.above_ceiling", "the mainland: the inspection flies 150 m above the ground, over the 120 m ceiling"));
    // Across Bao'an's runways: the no-fly core.
    const SurveyAt runway({22.630, 113.805}, 500, 500, {22.53612, 113.88744}, 60);
    CHECK(runway.has(runway.check.errors, "inspection.no_fly", "ZGSZ"));
    // In Hong Kong at 100 m: over its 300 ft (91.44 m) ceiling, and named so.
    const SurveyAt hong_kong({22.45, 114.10}, 300, 300, {22.45, 114.10}, 100);
    CHECK(hong_kong.has(hong_kong.check.errors, "inspection.above_ceiling", "Hong Kong: the inspection flies 100 m above the ground, over the 91 m ceiling"));
    CHECK_FALSE(hong_kong.has(hong_kong.check.errors, "inspection.above_ceiling", "the mainland"));
    // 3 km x 3 km at a 60 m footprint is 166 lines and some 500 km: no battery holds it.
    const SurveyAt huge({22.70, 113.95}, 3000, 3000, {22.70, 113.95}, 60);
    CHECK(huge.has(huge.check.errors, "inspection.energy", "needs"));
}
