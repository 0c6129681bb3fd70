#pragma once
// Geodesics on the WGS84 ellipsoid (GeographicLib): the distances a planner reads and a
// flight controller flies.

#include "geo/geo_types.h"

namespace lowsky::geodesy {

struct Inverse {
    double distance_m = 0.0;
    double initial_bearing_deg = 0.0;  // true bearing at the start, [-180, 180]
    double final_bearing_deg = 0.0;    // true bearing at the end
};

Inverse inverse(GeoPoint from, GeoPoint to);
double distance_m(GeoPoint from, GeoPoint to);
GeoPoint destination(GeoPoint from, double bearing_deg, double distance_m);

// A short hop (up to a few kilometres) on the ellipsoid's local tangent plane at its middle:
// its length and the unit vector of its direction (east, north). Within a millimetre of the
// geodesic over a kilometre, and without its iterations: for the many short moves of a flight.
struct Hop {
    double distance_m = 0.0;
    double east = 0.0, north = 0.0;
};
Hop short_hop(GeoPoint from, GeoPoint to);

}  // namespace lowsky::geodesy
