#include <catch2/catch.hpp>

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

TEST_CASE("Zoom and centre stay within limits", "[map_camera]") {
    MapCamera camera = make_camera();
    camera.zoom_around(640, 360, 100);
    CHECK(camera.zoom() == Approx(camera.limits().max_zoom));
    camera.zoom_around(640, 360, -100);
    CHECK(camera.zoom() == Approx(camera.limits().min_zoom));
    camera.pan_by_pixels(1e9, -1e9);
    const GeoPoint c = camera.center();
    CHECK(c.lon_deg == Approx(camera.limits().center_bounds.west_deg));
    CHECK(c.lat_deg == Approx(camera.limits().center_bounds.south_deg));
    camera.set_view({std::nan(""), 0}, std::nan(""));
    CHECK(std::isfinite(camera.center().lat_deg));
    CHECK(camera.zoom() == Approx(camera.limits().min_zoom));
}
