#pragma once
// The ground footprint of a path flown with a lateral margin: a polygon around the polyline
// (mitred joins, bevelled where a turn is too sharp), for geofences and maps.

#include <vector>

#include "geo/geo_types.h"

namespace lowsky {

// How the footprint closes at each end of the path: square, reaching past the end point by the
// margin or by `extension_m` if that is more; and, when `disc_m` is more than the margin, round
// out to a disc of that radius around the end point (a keyhole), for what an aircraft does there
// in any heading (a VTOL's transition to the wing).
struct FootprintEnd {
    double extension_m = 0;
    double disc_m = 0;
};

// Counter-clockwise, first point not repeated. Empty for a path of fewer than 2 points. A disc
// that would reach past the path's first (or last) corner is left out, the square end kept.
std::vector<GeoPoint> path_footprint(const std::vector<GeoPoint>& path, double half_width_m, FootprintEnd start = {}, FootprintEnd end = {});

// True when no two non-adjacent edges of the ring cross (the fence must be a simple polygon).
bool is_simple_ring(const std::vector<GeoPoint>& ring);

}  // namespace lowsky
