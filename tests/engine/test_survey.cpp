// Inspection surveys: line spacing from the footprint and overlap (hand-worked), the order they
// are flown in, coverage of a concave area, and the errors for impossible asks.
#include <catch2/catch.hpp>

#include <cmath>

#include "geo/local_frame.h"
#include "geo/planar.h"
#include "mission/plan_format.h"
#include "mission/survey.h"
#include "mission/waypoints_format.h"

using namespace lowsky;

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
