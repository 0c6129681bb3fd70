#pragma once
// Triangulation of simple polygons by ear clipping, so that the map fills each pixel once.
// Used offline for the basemap (tools/basemap) and at run time for small polygons (zones).

#include <cstdint>
#include <vector>

namespace lowsky {

struct PlanarPoint {
    double x = 0.0;
    double y = 0.0;
};

struct Triangulation {
    std::vector<uint32_t> indices;  // 3 per triangle, into the input points, counter-clockwise
    int forced_clips = 0;           // ears cut although not clean (self-touching input); 0 for a simple polygon
};

// Triangulates a closed ring (last point not repeated) of either winding. Duplicate and
// collinear points are skipped. Never fails: a self-intersecting ring still yields triangles,
// and forced_clips says how many were cut without a clean ear.
Triangulation triangulate_ring(const std::vector<PlanarPoint>& ring);

// Twice the signed area (positive for counter-clockwise).
double signed_area2(const std::vector<PlanarPoint>& ring);

}  // namespace lowsky
