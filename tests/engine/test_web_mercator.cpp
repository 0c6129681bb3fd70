#include <catch2/catch.hpp>

#include "geo/web_mercator.h"

using namespace lowsky;

TEST_CASE("Web Mercator projects known points", "[geo][mercator]") {
    struct Case { GeoPoint geo; double x_m; double y_m; };
    // Values from the EPSG:3857 definition: x = R*lon, y = R*ln(tan(pi/4 + lat/2)), R = 6378137.
    const Case cases[] = {
        {{0.0, 0.0}, 0.0, 0.0},
        {{0.0, 180.0}, 20037508.342789244, 0.0},
        {{0.0, -180.0}, -20037508.342789244, 0.0},
        {{85.0511287798066, 0.0}, 0.0, 20037508.342789244},
        {{22.5, 113.5}, 12634762.20503655, 2571663.047173645},  // the GBA, computed in double by hand
    };
    for (const auto& c : cases) {
        const MercatorPoint m = mercator::project(c.geo);
        CHECK(m.x_m == Approx(c.x_m).margin(1e-6));
        CHECK(m.y_m == Approx(c.y_m).margin(1e-6));
    }
}

TEST_CASE("Web Mercator round-trips and clamps the poles", "[geo][mercator]") {
    for (double lat = -80; lat <= 80; lat += 7.3) {
        for (double lon = -179; lon <= 179; lon += 11.9) {
            const GeoPoint back = mercator::unproject(mercator::project({lat, lon}));
            CHECK(back.lat_deg == Approx(lat).margin(1e-9));
            CHECK(back.lon_deg == Approx(lon).margin(1e-9));
        }
    }
    CHECK(mercator::project({90.0, 0.0}).y_m == Approx(mercator::kHalfWorld_m));
    CHECK(mercator::project({-90.0, 0.0}).y_m == Approx(-mercator::kHalfWorld_m));
}

TEST_CASE("Mercator scale factor is 1/cos(latitude)", "[geo][mercator]") {
    CHECK(mercator::scale_factor(0.0) == Approx(1.0));
    CHECK(mercator::scale_factor(60.0) == Approx(2.0));
    CHECK(mercator::scale_factor(22.5) == Approx(1.0823922));
}
