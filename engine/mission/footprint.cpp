#include "mission/footprint.h"

#include <algorithm>
#include <cmath>

#include "geo/local_frame.h"
#include "geo/planar.h"

namespace lowsky {

namespace {

struct V { double x, y; };
V sub(LocalPoint a, LocalPoint b) { return {a.east_m - b.east_m, a.north_m - b.north_m}; }
V unit(V v) { const double n = std::hypot(v.x, v.y); return n > 0 ? V{v.x / n, v.y / n} : V{0, 0}; }
V left_normal(V d) { return {-d.y, d.x}; }

}  // namespace

std::vector<GeoPoint> path_footprint(const std::vector<GeoPoint>& path_in, double w, double end_extension_m) {
    const double reach = std::max(w, end_extension_m);
    // Drop repeated points: they have no direction.
    std::vector<GeoPoint> path;
    for (const auto& p : path_in) {
        if (path.empty() || p.lat_deg != path.back().lat_deg || p.lon_deg != path.back().lon_deg) path.push_back(p);
    }
    if (path.size() < 2) return {};
    const LocalFrame frame(path.front());
    std::vector<LocalPoint> pts;
    for (const auto& p : path) pts.push_back(frame.to_local(p));
    const size_t n = pts.size();

    std::vector<LocalPoint> left, right;
    auto push = [&](LocalPoint at, V offset) {
        left.push_back({at.east_m + offset.x, at.north_m + offset.y});
        right.push_back({at.east_m - offset.x, at.north_m - offset.y});
    };
    for (size_t i = 0; i < n; ++i) {
        const V d_in = i > 0 ? unit(sub(pts[i], pts[i - 1])) : unit(sub(pts[1], pts[0]));
        const V d_out = i + 1 < n ? unit(sub(pts[i + 1], pts[i])) : d_in;
        const V n_in = left_normal(d_in), n_out = left_normal(d_out);
        V miter = unit({n_in.x + n_out.x, n_in.y + n_out.y});
        const double cos_half = miter.x * n_in.x + miter.y * n_in.y;
        if (i == 0 || i + 1 == n) {
            // Square ends, extended so that take-off and landing (and a VTOL's overshoot) stay inside.
            const V along = i == 0 ? V{-d_out.x, -d_out.y} : d_in;
            const LocalPoint end{pts[i].east_m + along.x * reach, pts[i].north_m + along.y * reach};
            push(end, {n_in.x * w, n_in.y * w});
        } else if (cos_half > 0.5) {
            push(pts[i], {miter.x * w / cos_half, miter.y * w / cos_half});
        } else {
            // Too sharp for a mitre (over 120 degrees): bevel with both normals.
            push(pts[i], {n_in.x * w, n_in.y * w});
            push(pts[i], {n_out.x * w, n_out.y * w});
        }
    }
    std::vector<GeoPoint> ring;
    for (const auto& p : right) ring.push_back(frame.to_geo(p));  // right side forwards...
    for (size_t i = left.size(); i-- > 0;) ring.push_back(frame.to_geo(left[i]));  // ...left side back: counter-clockwise
    return ring;
}

bool is_simple_ring(const std::vector<GeoPoint>& ring) {
    if (ring.size() < 3) return false;
    const LocalFrame frame(ring.front());
    std::vector<LocalPoint> p;
    for (const auto& g : ring) p.push_back(frame.to_local(g));
    const size_t n = p.size();
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
            if (j == i + 1 || (i == 0 && j == n - 1)) continue;  // neighbours share a vertex
            if (planar::segments_intersect(p[i], p[(i + 1) % n], p[j], p[(j + 1) % n])) return false;
        }
    }
    return true;
}

}  // namespace lowsky
