#include "geo/convex_hull.h"

#include <algorithm>

namespace lowsky {

namespace {
double cross(GeoPoint o, GeoPoint a, GeoPoint b) {
    return (a.lon_deg - o.lon_deg) * (b.lat_deg - o.lat_deg) - (a.lat_deg - o.lat_deg) * (b.lon_deg - o.lon_deg);
}
}  // namespace

// Andrew's monotone chain.
std::vector<GeoPoint> convex_hull(std::vector<GeoPoint> pts) {
    if (pts.size() < 3) return pts;
    std::sort(pts.begin(), pts.end(), [](GeoPoint a, GeoPoint b) {
        return a.lon_deg < b.lon_deg || (a.lon_deg == b.lon_deg && a.lat_deg < b.lat_deg);
    });
    std::vector<GeoPoint> hull(2 * pts.size());
    size_t k = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) --k;
        hull[k++] = pts[i];
    }
    for (size_t i = pts.size() - 1, lower = k + 1; i > 0; --i) {
        while (k >= lower && cross(hull[k - 2], hull[k - 1], pts[i - 1]) <= 0) --k;
        hull[k++] = pts[i - 1];
    }
    hull.resize(k - 1);
    return hull;
}

}  // namespace lowsky
