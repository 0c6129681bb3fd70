#pragma once
// Convex hull of points in longitude/latitude (fine over the few kilometres of an airport).

#include <vector>

#include "geo/geo_types.h"

namespace lowsky {

// Counter-clockwise (east of north), without repeating the first point.
std::vector<GeoPoint> convex_hull(std::vector<GeoPoint> points);

}  // namespace lowsky
