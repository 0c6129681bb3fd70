#include "geo/geodesy.h"

#include <GeographicLib/Geodesic.hpp>

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

}  // namespace lowsky::geodesy
