#pragma once
// Spherical Web Mercator (EPSG:3857), the projection of every XYZ web map.

#include "geo/geo_types.h"

namespace lowsky::mercator {

constexpr double kEarthRadius_m = 6378137.0;             // the sphere EPSG:3857 uses
constexpr double kHalfWorld_m = 20037508.342789244;      // pi * kEarthRadius_m
constexpr double kMaxLatitude_deg = 85.0511287798066;    // where y reaches kHalfWorld_m

MercatorPoint project(GeoPoint p);          // latitude is clamped to +-kMaxLatitude_deg
GeoPoint unproject(MercatorPoint m);

// How many Mercator metres one ground metre spans at this latitude (1 / cos(lat)).
double scale_factor(double lat_deg);

}  // namespace lowsky::mercator
