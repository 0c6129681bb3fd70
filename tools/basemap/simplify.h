#pragma once
// Douglas-Peucker simplification of closed rings, in metres. Points on whole-degree lines
// (the GSHHG bin edges) are kept, so neighbouring bins still meet without gaps.

#include <vector>

#include "geo/geo_types.h"

namespace lowsky::tools {

std::vector<GeoPoint> simplify_ring(const std::vector<GeoPoint>& ring, double tolerance_m);
// The same for an open line: its two ends are kept.
std::vector<GeoPoint> simplify_line(const std::vector<GeoPoint>& line, double tolerance_m);

}  // namespace lowsky::tools
