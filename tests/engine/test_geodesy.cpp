#include <catch2/catch.hpp>

#include "geo/geodesy.h"
#include "geo/local_frame.h"

using namespace lowsky;

TEST_CASE("Geodesic distances on WGS84 match known values", "[geo][geodesy]") {
    // One degree of longitude along the equator is a * pi / 180 on WGS84.
    CHECK(geodesy::distance_m({0, 0}, {0, 1}) == Approx(111319.49079327357).margin(1e-6));
    // One degree of latitude from the equator (meridian arc, WGS84): 110574.3886 m.
    CHECK(geodesy::distance_m({0, 0}, {1, 0}) == Approx(110574.3886).margin(1e-3));

    // The seed routes of shared/reference/GBA.md, straight line, rounded to 0.1 km there.
    struct Route { const char* name; GeoPoint a; GeoPoint b; double km; };
    const Route routes[] = {
        {"Bao'an to Songshan Lake", {22.55213, 113.88288}, {22.920, 113.900}, 40.8},
        {"Xiangzhou Port to Dong'ao Island", {22.2914, 113.5819}, {22.02203, 113.70802}, 32.5},
        {"Guzhen to Xinhui", {22.611, 113.190}, {22.5281, 113.031}, 18.8},
    };
    for (const auto& r : routes) {
        INFO(r.name);
        CHECK(geodesy::distance_m(r.a, r.b) / 1000.0 == Approx(r.km).margin(0.05));
    }
}

TEST_CASE("Geodesic direct and inverse problems agree", "[geo][geodesy]") {
    const GeoPoint start{22.55213, 113.88288};
    for (double bearing = -180; bearing < 180; bearing += 22.5) {
        const GeoPoint end = geodesy::destination(start, bearing, 25000.0);
        const geodesy::Inverse inv = geodesy::inverse(start, end);
        CHECK(inv.distance_m == Approx(25000.0).margin(1e-6));
        CHECK(inv.initial_bearing_deg == Approx(bearing == -180 ? 180 : bearing).margin(1e-9));
    }
    // Due north is bearing 0, due east about 90 at these latitudes.
    CHECK(geodesy::inverse({22.0, 113.0}, {23.0, 113.0}).initial_bearing_deg == Approx(0.0).margin(1e-9));
    CHECK(geodesy::inverse({22.0, 113.0}, {22.0, 113.1}).initial_bearing_deg == Approx(90.0).margin(0.05));
}

TEST_CASE("A local frame's way back to latitude and longitude is the inverse of its way there, tens of kilometres out", "[geo]") {
    // Bao'an to Songshan Lake is 42 km: the ellipsoid lies about 140 m below the tangent plane
    // there, and reading the plane's point as if it were on the ellipsoid put it 0.8 m off.
    const lowsky::LocalFrame frame({22.55213, 113.88288});
    for (const lowsky::GeoPoint p : {lowsky::GeoPoint{22.92, 113.9}, lowsky::GeoPoint{22.2, 113.5}, lowsky::GeoPoint{22.553, 113.883}}) {
        const lowsky::GeoPoint back = frame.to_geo(frame.to_local(p));
        CHECK(lowsky::geodesy::distance_m(back, p) < 0.001);
    }
}
