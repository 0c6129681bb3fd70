#include "geo/geodesy.h"

#include <GeographicLib/Geodesic.hpp>
#include <cmath>

namespace lowsky::geodesy {

Inverse inverse(GeoPoint from, GeoPoint to) {
    Inverse r;
    GeographicLib::Geodesic::WGS84().Inverse(from.lat_deg, from.lon_deg, to.lat_deg, to.lon_deg, r.distance_m,
                                             r.initial_bearing_deg, r.final_bearing_deg);
    return r;
}

double distance_m(GeoPoint from, GeoPoint to) {
    double s12 = 0.0;
    GeographicLib::Geodesic::WGS84().Inverse(from.lat_deg, from.lon_deg, to.lat_deg, to.lon_deg, s12);
    return s12;
}

GeoPoint destination(GeoPoint from, double bearing_deg, double distance_m) {
    GeoPoint to;
    GeographicLib::Geodesic::WGS84().Direct(from.lat_deg, from.lon_deg, bearing_deg, distance_m, to.lat_deg,
                                            to.lon_deg);
    return to;
}

Hop short_hop(GeoPoint from, GeoPoint to) {
    constexpr double kA = 6378137.0, kE2 = 0.00669437999014, kRad = 3.14159265358979323846 / 180.0;
    const double phi = (from.lat_deg + to.lat_deg) / 2 * kRad;
    const double w = 1 - kE2 * std::sin(phi) * std::sin(phi);
    const double meridian = kA * (1 - kE2) / (w * std::sqrt(w)), prime = kA / std::sqrt(w);
    const double north = (to.lat_deg - from.lat_deg) * kRad * meridian;
    const double east = (to.lon_deg - from.lon_deg) * kRad * prime * std::cos(phi);
    Hop h;
    h.distance_m = std::hypot(east, north);
    if (h.distance_m > 0) { h.east = east / h.distance_m; h.north = north / h.distance_m; }
    return h;
}

}  // namespace lowsky::geodesy
