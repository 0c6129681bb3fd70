#pragma once
// A polyline moved sideways: a corridor's lane (a quarter of its width right of the centreline)
// and its edges (half its width either side) come from the same construction.

#include <vector>

#include "geo/geo_types.h"

namespace lowsky {

// The polyline moved `offset_m` to the right of its direction of travel (negative: to the
// left), with mitred corners (the mitre never longer than twice the offset).
std::vector<GeoPoint> offset_right(const std::vector<GeoPoint>& path, double offset_m);

}  // namespace lowsky
