#include "geo/gcj02.h"

#include <cmath>

namespace lowsky {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kKrasovskyA = 6378245.0;                  // semi-major axis of the Krasovsky 1940 ellipsoid
constexpr double kKrasovskyE2 = 0.00669342162296594323;    // its first eccentricity squared

bool outside_china(GeoPoint p) { return p.lon_deg < 72.004 || p.lon_deg > 137.8347 || p.lat_deg < 0.8293 || p.lat_deg > 55.8271; }

// The two polynomial-and-sine offsets of the published transform, in metres-ish units,
// of x = lon - 105 and y = lat - 35.
double lat_offset(double x, double y) {
    double v = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    v += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    v += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    v += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return v;
}

double lon_offset(double x, double y) {
    double v = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    v += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    v += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    v += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return v;
}

}  // namespace

GeoPoint wgs84_to_gcj02(GeoPoint p) {
    if (outside_china(p)) return p;
    const double x = p.lon_deg - 105.0, y = p.lat_deg - 35.0;
    const double rad_lat = p.lat_deg / 180.0 * kPi;
    double magic = std::sin(rad_lat);
    magic = 1 - kKrasovskyE2 * magic * magic;
    const double sqrt_magic = std::sqrt(magic);
    const double d_lat = (lat_offset(x, y) * 180.0) / ((kKrasovskyA * (1 - kKrasovskyE2)) / (magic * sqrt_magic) * kPi);
    const double d_lon = (lon_offset(x, y) * 180.0) / (kKrasovskyA / sqrt_magic * std::cos(rad_lat) * kPi);
    return {p.lat_deg + d_lat, p.lon_deg + d_lon};
}

GeoPoint gcj02_to_wgs84(GeoPoint g) {
    if (outside_china(g)) return g;
    // The offset changes slowly: move the guess by the error of its own transform.
    GeoPoint w = g;
    for (int i = 0; i < 30; ++i) {
        const GeoPoint f = wgs84_to_gcj02(w);
        const double e_lat = f.lat_deg - g.lat_deg, e_lon = f.lon_deg - g.lon_deg;
        w.lat_deg -= e_lat;
        w.lon_deg -= e_lon;
        if (std::abs(e_lat) < 1e-10 && std::abs(e_lon) < 1e-10) break;
    }
    return w;
}

}  // namespace lowsky
