#include <catch2/catch.hpp>

#include <cmath>
#include <utility>

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

// 3D: the camera's geometry worked by hand. The vertical field of view is 2 atan(1/3), so the
// camera stands H = 1.5 x 720 = 1080 px from the centre of a 1280 x 720 view.
TEST_CASE("Tilted, the ground under the top edge is where the ray's angle puts it", "[map_camera][3d]") {
    MapCamera camera = make_camera();
    camera.set_orientation(60, 0);
    // The camera is H cos 60 = 540 px above the ground and H sin 60 = 935.3 px south of the
    // centre. The ray to the top edge leans 60 + atan(1/3) = 78.435 degrees from the vertical,
    // so it meets the ground 540 tan(78.435 deg) = 2638.9 px north of the camera's foot:
    // 1703.6 px north of the centre, on the centre's meridian.
    const double pi = 3.14159265358979323846, H = 1080;
    const double north_px = H * std::cos(pi / 3) * std::tan(pi / 3 + std::atan(1.0 / 3)) - H * std::sin(pi / 3);
    CHECK(north_px == Approx(1703.6).margin(0.1));
    const MercatorPoint c = camera.center_mercator();
    const MercatorPoint top = camera.screen_to_mercator(640, 0);
    CHECK((top.y_m - c.y_m) / camera.mercator_m_per_px() == Approx(north_px).epsilon(1e-9));
    CHECK(top.x_m == Approx(c.x_m).margin(1e-6));
    // And back to the top edge.
    double sx, sy;
    CHECK(camera.mercator_to_screen(top, sx, sy));
    CHECK(sx == Approx(640).margin(1e-6));
    CHECK(sy == Approx(0).margin(1e-6));
    // The centre keeps its place and its scale: one pixel east of it is one pixel's metres.
    const MercatorPoint east = camera.screen_to_mercator(641, 360);
    CHECK((east.x_m - c.x_m) == Approx(camera.mercator_m_per_px()).epsilon(1e-9));
}

TEST_CASE("Turned to a bearing of 90 degrees, east is up the screen", "[map_camera][3d]") {
    MapCamera camera = make_camera();
    camera.set_orientation(0, 90);
    const MercatorPoint c = camera.center_mercator();
    const double k = camera.mercator_m_per_px();
    double sx, sy;
    camera.mercator_to_screen({c.x_m + 100 * k, c.y_m}, sx, sy);  // 100 px east
    CHECK(sx == Approx(640).margin(1e-9));
    CHECK(sy == Approx(260));
    camera.mercator_to_screen({c.x_m, c.y_m + 100 * k}, sx, sy);  // 100 px north: to the left
    CHECK(sx == Approx(540));
    CHECK(sy == Approx(360).margin(1e-9));
}

TEST_CASE("In plan view heights are flat: everything is drawn on the ground", "[map_camera][3d]") {
    MapCamera camera = make_camera();
    CHECK(camera.heights_shown() == 0.0);
    double x0, y0, x1, y1;
    camera.geo_to_screen({22.55, 113.8}, x0, y0);
    camera.geo_to_screen({22.55, 113.8}, x1, y1, 300);
    CHECK(x1 == x0);
    CHECK(y1 == y0);
}

TEST_CASE("A height shows above its ground point, by the exaggeration the camera states", "[map_camera][3d]") {
    MapCamera camera = make_camera(10.0);
    camera.set_heights_shown(1);
    // At zoom 10 a CSS pixel is 152.87 m at the equator, 141.23 m at 22.5 N; 80 px for 150 m
    // is then an exaggeration of 80 x 141.23 / 150 = 75.3.
    CHECK(camera.height_exaggeration() == Approx(80 * 2 * mercator::kHalfWorld_m / 262144 * std::cos(22.5 * 3.14159265358979 / 180) / 150));
    CHECK(camera.height_exaggeration() == Approx(75.3).margin(0.1));
    // Zoomed in to a metre a pixel, heights are true.
    MapCamera close = make_camera(17.0);
    CHECK(close.height_exaggeration() == 1.0);
    // Seen from straight above, 150 m up at the centre is at the centre: nearer the camera by
    // 80 px of the 1080 px distance, it stays on the axis.
    double sx, sy;
    camera.geo_to_screen({22.5, 113.7}, sx, sy, 150);
    CHECK(sx == Approx(640));
    CHECK(sy == Approx(360));
    // Tilted 90 degrees it would be 80 px up; at 45 degrees, 80 sin 45 = 56.6 px up, and the
    // nearer distance (1080 - 80 cos 45) magnifies it to 56.57 x 1080 / 1023.4 = 59.7 px.
    camera.set_orientation(45, 0);
    camera.geo_to_screen({22.5, 113.7}, sx, sy, 150);
    CHECK(sx == Approx(640));
    CHECK(360 - sy == Approx(80 * std::sqrt(0.5) * 1080 / (1080 - 80 * std::sqrt(0.5))).epsilon(1e-6));
    // And the ray through that pixel meets the 150 m level at the centre.
    const GeoPoint back = camera.screen_to_geo(sx, sy, 150);
    CHECK(back.lat_deg == Approx(22.5).margin(1e-9));
    CHECK(back.lon_deg == Approx(113.7).margin(1e-9));
}

TEST_CASE("Tilted and turned, screen and ground round-trip, and zoom and pan keep the grabbed point", "[map_camera][3d]") {
    MapCamera camera = make_camera();
    camera.set_orientation(50, 37);
    for (const auto& [x, y] : {std::pair{10.0, 700.0}, {640.0, 360.0}, {1270.0, 80.0}, {300.0, 20.0}}) {
        const GeoPoint g = camera.screen_to_geo(x, y);
        double sx, sy;
        CHECK(camera.geo_to_screen(g, sx, sy));
        CHECK(sx == Approx(x).margin(1e-6));
        CHECK(sy == Approx(y).margin(1e-6));
    }
    const GeoPoint under = camera.screen_to_geo(200, 600);
    camera.zoom_around(200, 600, 0.75);
    GeoPoint after = camera.screen_to_geo(200, 600);
    CHECK(after.lat_deg == Approx(under.lat_deg).margin(1e-9));
    CHECK(after.lon_deg == Approx(under.lon_deg).margin(1e-9));
    const GeoPoint grabbed = camera.screen_to_geo(900, 200);
    camera.pan_by_pixels(-40, 25, 860, 225);
    double sx, sy;
    camera.geo_to_screen(grabbed, sx, sy);
    CHECK(sx == Approx(860).margin(1e-6));
    CHECK(sy == Approx(225).margin(1e-6));
}

TEST_CASE("The GL matrix projects as the camera does", "[map_camera][3d]") {
    MapCamera camera = make_camera();
    camera.set_orientation(40, 300);
    camera.set_heights_shown(1);
    const MercatorPoint origin = mercator::project({22.5, 113.5});
    float m[16];
    camera.view_projection(origin, m);
    const MercatorPoint p = mercator::project({22.6, 113.75});
    const double v[4] = {p.x_m - origin.x_m, p.y_m - origin.y_m, 120.0, 1.0};
    double clip[4] = {0, 0, 0, 0};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) clip[r] += double(m[c * 4 + r]) * v[c];
    double sx, sy;
    camera.mercator_to_screen(p, sx, sy, 120.0);
    CHECK((clip[0] / clip[3] + 1) * 640 == Approx(sx).margin(0.05));
    CHECK((1 - clip[1] / clip[3]) * 360 == Approx(sy).margin(0.05));
    CHECK(std::abs(clip[2] / clip[3]) < 1.0);  // between the near and far planes
    CHECK(clip[3] == Approx(camera.depth_of(p, 120.0)).epsilon(1e-4));
}
