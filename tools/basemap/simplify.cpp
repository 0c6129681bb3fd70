#include "simplify.h"

#include <cmath>

namespace lowsky::tools {

namespace {

constexpr double kMetresPerDegLat = 110574.0;
constexpr double kMetresPerDegLonAtEquator = 111320.0;

bool on_bin_edge(GeoPoint p) {
    return std::abs(p.lat_deg - std::round(p.lat_deg)) < 1e-9 || std::abs(p.lon_deg - std::round(p.lon_deg)) < 1e-9;
}

double distance_to_segment_m(GeoPoint p, GeoPoint a, GeoPoint b, double lon_scale) {
    const double ax = a.lon_deg * lon_scale, ay = a.lat_deg * kMetresPerDegLat;
    const double bx = b.lon_deg * lon_scale, by = b.lat_deg * kMetresPerDegLat;
    const double px = p.lon_deg * lon_scale, py = p.lat_deg * kMetresPerDegLat;
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0.0;
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

void simplify_span(const std::vector<GeoPoint>& pts, size_t first, size_t last, double tol, double lon_scale,
                   std::vector<bool>& keep) {
    // Iterative to survive long coastlines without deep recursion.
    std::vector<std::pair<size_t, size_t>> stack{{first, last}};
    while (!stack.empty()) {
        auto [i, j] = stack.back();
        stack.pop_back();
        if (j <= i + 1) continue;
        double worst = -1;
        size_t worst_k = i;
        for (size_t k = i + 1; k < j; ++k) {
            const double d = distance_to_segment_m(pts[k % pts.size()], pts[i % pts.size()], pts[j % pts.size()], lon_scale);
            if (d > worst) { worst = d; worst_k = k; }
        }
        if (worst > tol) {
            keep[worst_k % pts.size()] = true;
            stack.push_back({i, worst_k});
            stack.push_back({worst_k, j});
        }
    }
}

}  // namespace

std::vector<GeoPoint> simplify_ring(const std::vector<GeoPoint>& ring, double tolerance_m) {
    const size_t n = ring.size();
    if (n <= 4 || tolerance_m <= 0) return ring;
    const double lon_scale = kMetresPerDegLonAtEquator * std::cos(ring[0].lat_deg * 3.14159265358979 / 180);

    // Anchors: every bin-edge point, plus two far-apart points so that a ring with none is split.
    std::vector<bool> keep(n, false);
    std::vector<size_t> anchors;
    for (size_t i = 0; i < n; ++i) {
        if (on_bin_edge(ring[i])) { keep[i] = true; anchors.push_back(i); }
    }
    if (anchors.size() < 2) {
        keep[0] = keep[n / 2] = true;
        anchors = {0, n / 2};
    }
    for (size_t a = 0; a < anchors.size(); ++a) {
        const size_t i = anchors[a];
        const size_t j = a + 1 < anchors.size() ? anchors[a + 1] : anchors[0] + n;  // wrap around
        simplify_span(ring, i, j, tolerance_m, lon_scale, keep);
    }
    std::vector<GeoPoint> out;
    for (size_t i = 0; i < n; ++i) if (keep[i]) out.push_back(ring[i]);
    return out.size() >= 3 ? out : ring;
}

std::vector<GeoPoint> simplify_line(const std::vector<GeoPoint>& line, double tolerance_m) {
    const size_t n = line.size();
    if (n <= 2 || tolerance_m <= 0) return line;
    const double lon_scale = kMetresPerDegLonAtEquator * std::cos(line[0].lat_deg * 3.14159265358979 / 180);
    std::vector<bool> keep(n, false);
    keep[0] = keep[n - 1] = true;
    simplify_span(line, 0, n - 1, tolerance_m, lon_scale, keep);
    std::vector<GeoPoint> out;
    for (size_t i = 0; i < n; ++i) if (keep[i]) out.push_back(line[i]);
    return out;
}

}  // namespace lowsky::tools
