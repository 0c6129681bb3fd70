#include <catch2/catch.hpp>

#include <cmath>

#include "geo/map_camera.h"
#include "geo/web_mercator.h"

using namespace lowsky;

namespace {
MapCamera make_camera(double zoom = 10.0, double ratio = 1.0) {
    MapCamera camera({22.5, 113.7}, zoom);
    camera.set_viewport(1280 * ratio, 720 * ratio, ratio);
    return camera;
}
}  // namespace

TEST_CASE("Camera centre maps to the middle of the viewport", "[map_camera]") {
    const MapCamera camera = make_camera();
    double sx, sy;
    camera.geo_to_screen({22.5, 113.7}, sx, sy);
    CHECK(sx == Approx(640.0));
    CHECK(sy == Approx(360.0));
    const GeoPoint back = camera.screen_to_geo(640.0, 360.0);
    CHECK(back.lat_deg == Approx(22.5));
    CHECK(back.lon_deg == Approx(113.7));
}

TEST_CASE("Zoom follows the XYZ convention in CSS pixels", "[map_camera]") {
    // At zoom 0 the world is 256 CSS px wide; at zoom 10, 262144 px.
    const MapCamera camera = make_camera(10.0);
    CHECK(camera.mercator_m_per_px() == Approx(2 * mercator::kHalfWorld_m / 262144.0));
    // A device pixel ratio of 2 halves the metres per device pixel at the same zoom.
    const MapCamera retina = make_camera(10.0, 2.0);
    CHECK(retina.mercator_m_per_px() == Approx(camera.mercator_m_per_px() / 2));
    // Ground metres per pixel shrink by cos(latitude).
    CHECK(camera.ground_m_per_px() == Approx(camera.mercator_m_per_px() * std::cos(22.5 * 3.14159265358979 / 180)));
}

TEST_CASE("Zooming keeps the point under the cursor in place", "[map_camera]") {
    MapCamera camera = make_camera();
    const double cx = 200, cy = 600;
    const GeoPoint before = camera.screen_to_geo(cx, cy);
    camera.zoom_around(cx, cy, 1.5);
    CHECK(camera.zoom() == Approx(11.5));
    const GeoPoint after = camera.screen_to_geo(cx, cy);
    CHECK(after.lat_deg == Approx(before.lat_deg).margin(1e-9));
    CHECK(after.lon_deg == Approx(before.lon_deg).margin(1e-9));
}

TEST_CASE("Panning moves content with the pointer", "[map_camera]") {
    MapCamera camera = make_camera();
    const GeoPoint grabbed = camera.screen_to_geo(100, 100);
    camera.pan_by_pixels(50, -30);
    double sx, sy;
    camera.geo_to_screen(grabbed, sx, sy);
    CHECK(sx == Approx(150));
    CHECK(sy == Approx(70));
}

TEST_CASE("The view stays over the map: no zooming out or panning past its edges", "[map_camera]") {
    MapCamera camera = make_camera();
    camera.zoom_around(640, 360, 100);
    CHECK(camera.zoom() == Approx(camera.limits().max_zoom));
    // 111-116 E is 5/360 of the world: it fills 1280 CSS pixels when 256 * 2^z * 5 / 360 = 1280,
    // z = log2(360) = 8.49; 21-25 N (0.012074 of the world's height in Mercator) would allow 7.86.
    camera.zoom_around(640, 360, -100);
    CHECK(camera.zoom() == Approx(std::log2(360.0)));
    const double mercator_span = (std::log(std::tan(M_PI / 4 + 25.0 * M_PI / 360)) - std::log(std::tan(M_PI / 4 + 21.0 * M_PI / 360))) / (2 * M_PI);
    CHECK(mercator_span == Approx(0.012074).epsilon(1e-4));
    // Far to the south-west: the screen's bottom-left corner is the map's.
    camera.pan_by_pixels(1e9, -1e9);
    GeoPoint corner = camera.screen_to_geo(0, 720);
    CHECK(corner.lon_deg == Approx(111.0));
    CHECK(corner.lat_deg == Approx(21.0));
    // Zoomed in and far to the north-east: the top-right corner is the map's.
    camera.set_view({23, 114}, 12);
    camera.pan_by_pixels(-1e9, 1e9);
    corner = camera.screen_to_geo(1280, 0);
    CHECK(corner.lon_deg == Approx(116.0));
    CHECK(corner.lat_deg == Approx(25.0));
    CHECK(camera.zoom() == Approx(12));
    // A phone held upright is limited by the map's height: 256 * 2^z * 0.012074 = 844.
    MapCamera phone({22.5, 113.7}, 3);
    phone.set_viewport(390 * 3, 844 * 3, 3);
    CHECK(phone.zoom() == Approx(std::log2(844 / (256 * mercator_span))));
    // A bigger window zooms in as far as it must.
    camera.set_view({22.5, 113.7}, 8.5);
    camera.set_viewport(2560, 1440, 1);
    CHECK(camera.zoom() == Approx(std::log2(720.0)));
    camera.set_view({std::nan(""), 0}, std::nan(""));
    CHECK(std::isfinite(camera.center().lat_deg));
    CHECK(camera.zoom() == Approx(camera.lowest_zoom()));
}
