#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "geo/triangulate.h"

using namespace lowsky;

namespace {

double triangles_area2(const std::vector<PlanarPoint>& pts, const Triangulation& t) {
    double sum = 0;
    for (size_t i = 0; i < t.indices.size(); i += 3) {
        const PlanarPoint a = pts[t.indices[i]], b = pts[t.indices[i + 1]], c = pts[t.indices[i + 2]];
        const double area2 = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
        CHECK(area2 > 0);  // every triangle counter-clockwise and not degenerate
        sum += area2;
    }
    return sum;
}

// A star-shaped polygon: always simple, and full of reflex vertices.
std::vector<PlanarPoint> random_star(std::mt19937& rng, int n) {
    std::uniform_real_distribution<double> radius(0.2, 1.0);
    std::vector<PlanarPoint> pts;
    for (int i = 0; i < n; ++i) {
        const double angle = 2 * 3.14159265358979 * i / n;
        const double r = radius(rng);
        pts.push_back({r * std::cos(angle), r * std::sin(angle)});
    }
    return pts;
}

}  // namespace

TEST_CASE("Simple polygons triangulate into their exact area", "[triangulate][geometry]") {
    struct Case { const char* what; std::vector<PlanarPoint> ring; size_t triangles; };  // 0: any count
    const std::vector<Case> cases = {
        {"triangle", {{0, 0}, {1, 0}, {0, 1}}, 1},
        {"square, counter-clockwise", {{0, 0}, {4, 0}, {4, 4}, {0, 4}}, 2},
        {"square, clockwise", {{0, 0}, {0, 4}, {4, 4}, {4, 0}}, 2},
        {"C shape (concave)", {{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 3}, {4, 3}, {4, 4}, {0, 4}}, 6},
        {"square with collinear points on its edges", {{0, 0}, {2, 0}, {4, 0}, {4, 2}, {4, 4}, {0, 4}}, 0},
        {"square with a repeated point", {{0, 0}, {4, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}, 2},
        {"comb", {{0, 0}, {10, 0}, {10, 5}, {9, 5}, {9, 1}, {7, 1}, {7, 5}, {5, 5}, {5, 1}, {3, 1}, {3, 5}, {1, 5}, {1, 1}, {0, 1}}, 0},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const Triangulation t = triangulate_ring(c.ring);
        CHECK(t.forced_clips == 0);
        if (c.triangles > 0) CHECK(t.indices.size() == 3 * c.triangles);
        CHECK(t.indices.size() <= 3 * (c.ring.size() - 2));
        CHECK(triangles_area2(c.ring, t) == Approx(std::abs(signed_area2(c.ring))));
    }
}

TEST_CASE("Random star polygons keep their area and need no forced ears", "[triangulate][geometry]") {
    std::mt19937 rng(20261128);  // seeded: the same polygons every run
    for (int trial = 0; trial < 200; ++trial) {
        const int n = 3 + trial * 5;
        const auto ring = random_star(rng, n);
        const Triangulation t = triangulate_ring(ring);
        INFO("trial " << trial << ", " << n << " vertices");
        CHECK(t.forced_clips == 0);
        CHECK(t.indices.size() == size_t(3 * (n - 2)));
        CHECK(triangles_area2(ring, t) == Approx(std::abs(signed_area2(ring))).epsilon(1e-9));
    }
}

TEST_CASE("Degenerate rings end without hanging", "[triangulate][geometry]") {
    CHECK(triangulate_ring({}).indices.empty());
    CHECK(triangulate_ring({{0, 0}, {1, 1}}).indices.empty());
    CHECK(triangulate_ring({{0, 0}, {1, 1}, {2, 2}, {3, 3}}).indices.empty());  // all collinear
    CHECK(triangulate_ring({{1, 1}, {1, 1}, {1, 1}}).indices.empty());
    // A bow tie crosses itself: some triangles come out, and the loop ends.
    const Triangulation bowtie = triangulate_ring({{0, 0}, {2, 2}, {2, 0}, {0, 2}});
    CHECK(bowtie.indices.size() % 3 == 0);
}
