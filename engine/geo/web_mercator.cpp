#include "geo/web_mercator.h"

#include <algorithm>
#include <cmath>

namespace lowsky::mercator {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180.0;
}  // namespace

MercatorPoint project(GeoPoint p) {
    const double lat = std::clamp(p.lat_deg, -kMaxLatitude_deg, kMaxLatitude_deg) * kDegToRad;
    return {kEarthRadius_m * p.lon_deg * kDegToRad, kEarthRadius_m * std::log(std::tan(kPi / 4 + lat / 2))};
}

GeoPoint unproject(MercatorPoint m) {
    const double lat = 2.0 * std::atan(std::exp(m.y_m / kEarthRadius_m)) - kPi / 2;
    return {lat / kDegToRad, m.x_m / kEarthRadius_m / kDegToRad};
}

double scale_factor(double lat_deg) {
    return 1.0 / std::cos(std::clamp(lat_deg, -kMaxLatitude_deg, kMaxLatitude_deg) * kDegToRad);
}

}  // namespace lowsky::mercator
