#include <catch2/catch.hpp>

#include "geo/geodesy.h"
#include "geo/local_frame.h"
#include "geo/planar.h"
#include "geo/segment_grid.h"

#include <algorithm>
#include <vector>

using namespace lowsky;
using namespace lowsky::planar;

TEST_CASE("Local frame distances agree with geodesics across the GBA", "[geo][local_frame]") {
    const LocalFrame frame({22.5, 113.6});
    const GeoPoint a{22.55213, 113.88288}, b{22.920, 113.900}, c{22.02203, 113.70802};
    for (auto [p, q] : {std::pair{a, b}, std::pair{a, c}, std::pair{b, c}}) {
        const double planar_m = distance(frame.to_local(p), frame.to_local(q));
        CHECK(planar_m == Approx(geodesy::distance_m(p, q)).epsilon(0.001));  // within 0.1 %
    }
    const GeoPoint back = frame.to_geo(frame.to_local(a));
    CHECK(back.lat_deg == Approx(a.lat_deg).margin(1e-9));
    CHECK(back.lon_deg == Approx(a.lon_deg).margin(1e-9));
}

TEST_CASE("Segment distances, with crossings, touches and parallels", "[geo][planar]") {
    struct Case { LocalPoint a, b, c, d; double distance; const char* what; };
    const Case cases[] = {
        {{0, 0}, {10, 0}, {5, -5}, {5, 5}, 0.0, "crossing"},
        {{0, 0}, {10, 0}, {10, 0}, {20, 5}, 0.0, "touching at an end"},
        {{0, 0}, {10, 0}, {5, 0}, {5, 7}, 0.0, "T: an end on the other segment"},
        {{0, 0}, {10, 0}, {0, 3}, {10, 3}, 3.0, "parallel"},
        {{0, 0}, {10, 0}, {12, 0}, {20, 0}, 2.0, "collinear, apart"},
        {{0, 0}, {10, 0}, {5, 0}, {20, 0}, 0.0, "collinear, overlapping"},
        {{0, 0}, {10, 0}, {13, 4}, {20, 10}, 5.0, "end to end"},
        {{0, 0}, {0, 0}, {3, 4}, {3, 4}, 5.0, "two degenerate segments"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const Closest r = segment_segment(c.a, c.b, c.c, c.d);
        CHECK(r.distance_m == Approx(c.distance).margin(1e-9));
        CHECK(distance(r.on_first, r.on_second) == Approx(c.distance).margin(1e-9));
        CHECK(segment_segment(c.c, c.d, c.a, c.b).distance_m == Approx(c.distance).margin(1e-9));
    }
    const Closest x = segment_segment({0, 0}, {10, 10}, {0, 10}, {10, 0});
    CHECK(x.on_first.east_m == Approx(5));
    CHECK(x.on_first.north_m == Approx(5));
}

TEST_CASE("Segment against polygon: inside, crossing, outside, either winding", "[geo][planar]") {
    const std::vector<LocalPoint> ccw{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    const std::vector<LocalPoint> cw{{0, 0}, {0, 10}, {10, 10}, {10, 0}};
    // A concave "U": the notch between x = 3 and x = 7 above y = 3 is outside.
    const std::vector<LocalPoint> u{{0, 0}, {10, 0}, {10, 10}, {7, 10}, {7, 3}, {3, 3}, {3, 10}, {0, 10}};
    struct Case { const std::vector<LocalPoint>* poly; LocalPoint a, b; double distance; const char* what; };
    const Case cases[] = {
        {&ccw, {2, 2}, {3, 3}, 0.0, "inside"},
        {&cw, {2, 2}, {3, 3}, 0.0, "inside, clockwise polygon"},
        {&ccw, {-5, 5}, {15, 5}, 0.0, "crossing right through"},
        {&ccw, {-5, 5}, {0, 5}, 0.0, "touching an edge"},
        {&ccw, {-5, -5}, {-1, -5}, std::hypot(1.0, 5.0), "outside, nearest a corner"},
        {&ccw, {12, 2}, {12, 8}, 2.0, "outside, parallel to an edge"},
        {&u, {5, 5}, {5, 9}, 2.0, "in the U's notch"},
        {&u, {5, 1}, {5, 2}, 0.0, "in the U's base"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(segment_polygon(c.a, c.b, *c.poly).distance_m == Approx(c.distance).margin(1e-9));
    }
    // Degenerate polygons contain nothing and do not crash.
    CHECK_FALSE(polygon_contains({{0, 0}, {5, 5}, {10, 10}}, {5, 5.0001}));
}

TEST_CASE("Turn angles", "[geo][planar]") {
    CHECK(turn_angle_deg({0, 0}, {1, 0}, {2, 0}) == Approx(0).margin(1e-9));
    CHECK(turn_angle_deg({0, 0}, {1, 0}, {1, 1}) == Approx(90));
    CHECK(turn_angle_deg({0, 0}, {1, 0}, {1, -1}) == Approx(90));
    CHECK(turn_angle_deg({0, 0}, {1, 0}, {0, 0.0000001}) == Approx(180).margin(1e-3));
    CHECK(turn_angle_deg({0, 0}, {1, 0}, {2, 1}) == Approx(45));
}

TEST_CASE("The segment grid keeps a segment across the map aside, and finds every segment once", "[planar][grid]") {
    SegmentGrid grid(1000);  // 1 km cells
    grid.insert({0, 0}, {0, 0, 500, 500});                        // one cell
    grid.insert({1, 0}, {-2.4e6, -2.4e6, 2.4e6, 2.4e6});          // a leg with a typo'd latitude: 23 million cells
    grid.insert({2, 0}, {10500, 10500, 12500, 11500});            // six cells
    auto found = [&](const planar::Box& box) {
        std::vector<uint32_t> corridors;
        grid.query(box, [&](SegmentRef r) { corridors.push_back(r.corridor); });
        std::sort(corridors.begin(), corridors.end());
        return corridors;
    };
    CHECK(found({100, 100, 200, 200}) == std::vector<uint32_t>{0, 1});
    CHECK(found({11000, 11000, 11100, 11100}) == std::vector<uint32_t>{1, 2});
    CHECK(found({50000, 50000, 50100, 50100}) == std::vector<uint32_t>{1});
    // A query box wider than the grid looks at the cells there are: each segment once.
    CHECK(found({-3e6, -3e6, 3e6, 3e6}) == std::vector<uint32_t>{0, 1, 2});
    CHECK(found({-3e6, -3e6, 5000, 5000}) == std::vector<uint32_t>{0, 1});
}
