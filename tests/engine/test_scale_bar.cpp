#include <catch2/catch.hpp>

#include "geo/scale_bar.h"

using namespace lowsky;

TEST_CASE("Scale bar picks the longest 1-2-5 length that fits", "[geo][scale_bar]") {
    struct Case { double m_per_px; double max_px; double length_m; const char* label; };
    const Case cases[] = {
        {1.0, 120.0, 100.0, "100 m"},
        {1.0, 199.0, 100.0, "100 m"},
        {1.0, 200.0, 200.0, "200 m"},
        {1.0, 500.0, 500.0, "500 m"},
        {10.0, 150.0, 1000.0, "1 km"},
        {100.0, 150.0, 10000.0, "10 km"},
        {30.0, 150.0, 2000.0, "2 km"},
        {0.05, 150.0, 5.0, "5 m"},
    };
    for (const auto& c : cases) {
        const ScaleBar bar = make_scale_bar(c.m_per_px, c.max_px);
        INFO(c.m_per_px << " m/px, " << c.max_px << " px");
        CHECK(bar.length_m == Approx(c.length_m));
        CHECK(bar.label == c.label);
        CHECK(bar.length_px <= c.max_px + 1e-9);
        CHECK(bar.length_px > c.max_px / 2.5 - 1e-9);  // a 1-2-5 series never wastes more than 60 %
    }
}

TEST_CASE("Scale bar refuses nonsense input", "[geo][scale_bar]") {
    CHECK(make_scale_bar(0.0, 100.0).length_m == 0.0);
    CHECK(make_scale_bar(-1.0, 100.0).length_m == 0.0);
    CHECK(make_scale_bar(1.0, 0.0).length_m == 0.0);
    CHECK(make_scale_bar(std::numeric_limits<double>::infinity(), 100.0).length_m == 0.0);
    CHECK(make_scale_bar(std::numeric_limits<double>::quiet_NaN(), 100.0).label.empty());
}
