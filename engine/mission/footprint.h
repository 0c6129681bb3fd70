#pragma once
// The ground footprint of a path flown with a lateral margin: a polygon around the polyline
// (mitred joins, bevelled where a turn is too sharp), for geofences and maps.

#include <vector>

#include "geo/geo_types.h"

namespace lowsky {

// Counter-clockwise, first point not repeated. Empty for a path of fewer than 2 points. The ends
// reach past the path's end points by the margin, or by `end_extension_m` if that is more.
std::vector<GeoPoint> path_footprint(const std::vector<GeoPoint>& path, double half_width_m, double end_extension_m = 0);

// True when no two non-adjacent edges of the ring cross (the fence must be a simple polygon).
bool is_simple_ring(const std::vector<GeoPoint>& ring);

}  // namespace lowsky
