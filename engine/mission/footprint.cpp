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

std::vector<GeoPoint> path_footprint(const std::vector<GeoPoint>& path_in, double w, FootprintEnd start, FootprintEnd end) {
    // Drop repeated points: they have no direction.
    std::vector<GeoPoint> path;
    for (const auto& p : path_in) {
        if (path.empty() || p.lat_deg != path.back().lat_deg || p.lon_deg != path.back().lon_deg) path.push_back(p);
    }
    if (path.size() < 2) return {};
    const LocalFrame frame(path.front());
    std::vector<LocalPoint> pts;
    for (const auto& p : path) pts.push_back(frame.to_local(p));
    // Points inside an end's disc are covered by it: leaving them out lets the disc meet the
    // strip of the first segment that leaves it.
    auto within = [](LocalPoint a, LocalPoint b, double r) { return std::hypot(a.east_m - b.east_m, a.north_m - b.north_m) < r; };
    while (pts.size() > 2 && start.disc_m > w && within(pts[1], pts[0], start.disc_m)) pts.erase(pts.begin() + 1);
    while (pts.size() > 2 && end.disc_m > w && within(pts[pts.size() - 2], pts.back(), end.disc_m)) pts.erase(pts.end() - 2);
    const size_t n = pts.size();

    std::vector<LocalPoint> left, right, start_arc, end_arc;
    auto push = [&](LocalPoint at, V offset) {
        left.push_back({at.east_m + offset.x, at.north_m + offset.y});
        right.push_back({at.east_m - offset.x, at.north_m - offset.y});
    };
    // A round end: a polygon around the disc of radius r about `at`, its vertices out at
    // r / cos(half a step) plus a metre for the file's 1e-7 degree rounding, so that its chords
    // hold the whole disc. It meets the strip's edges `s` along the path; the arc runs
    // counter-clockwise from angle a0 to a1, measured from `along` towards its left normal.
    constexpr double kPi = 3.14159265358979323846, kStep = kPi / 24;
    auto vertex_radius = [&](double r) { return r / std::cos(kStep / 2) + 1.0; };
    // Worked in a frame at the end point itself: the path's frame, tens of kilometres away, is
    // off by parts in a thousand, more than the metre of margin.
    auto arc = [&](const LocalFrame& at, V along, double r, double a0, double a1, std::vector<LocalPoint>& out) {
        const V nl = left_normal(along);
        const int steps = std::max(8, int(std::ceil((a1 - a0) / kStep)));
        for (int k = 1; k < steps; ++k) {
            const double a = a0 + (a1 - a0) * k / steps;
            const double c = std::cos(a) * r, s = std::sin(a) * r;
            out.push_back(frame.to_local(at.to_geo({along.x * c + nl.x * s, along.y * c + nl.y * s})));
        }
    };
    auto segment_m = [&](size_t i) { return std::hypot(pts[i + 1].east_m - pts[i].east_m, pts[i + 1].north_m - pts[i].north_m); };
    for (size_t i = 0; i < n; ++i) {
        const V d_in = i > 0 ? unit(sub(pts[i], pts[i - 1])) : unit(sub(pts[1], pts[0]));
        const V d_out = i + 1 < n ? unit(sub(pts[i + 1], pts[i])) : d_in;
        const V n_in = left_normal(d_in), n_out = left_normal(d_out);
        V miter = unit({n_in.x + n_out.x, n_in.y + n_out.y});
        const double cos_half = miter.x * n_in.x + miter.y * n_in.y;
        if (i == 0 || i + 1 == n) {
            const bool first = i == 0;
            const FootprintEnd& e = first ? start : end;
            const double r = vertex_radius(e.disc_m);
            const double s = e.disc_m > w ? std::sqrt(r * r - w * w) : 0.0;
            const double room = first ? segment_m(0) : segment_m(n - 2);
            if (e.disc_m > w && s < room) {
                const double a = std::atan2(w, s);
                const LocalFrame at(first ? path.front() : path.back());
                const LocalPoint next = at.to_local(frame.to_geo(first ? pts[1] : pts[n - 2]));
                const V along = first ? unit({next.east_m, next.north_m}) : unit({-next.east_m, -next.north_m});
                const V nl = left_normal(along);
                const double sign = first ? 1.0 : -1.0;  // the edges meet the disc ahead of the start, behind the end
                left.push_back(frame.to_local(at.to_geo({sign * along.x * s + nl.x * w, sign * along.y * s + nl.y * w})));
                right.push_back(frame.to_local(at.to_geo({sign * along.x * s - nl.x * w, sign * along.y * s - nl.y * w})));
                if (first) arc(at, along, r, a, 2 * kPi - a, start_arc);
                else arc(at, along, r, kPi + a, 3 * kPi - a, end_arc);
                continue;
            }
            // Square ends, extended so that take-off and landing (and a VTOL's overshoot) stay inside.
            const double reach = std::max({w, e.extension_m, e.disc_m});
            const V along = first ? V{-d_out.x, -d_out.y} : d_in;
            const LocalPoint at{pts[i].east_m + along.x * reach, pts[i].north_m + along.y * reach};
            push(at, {n_in.x * w, n_in.y * w});
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
    for (const auto& p : end_arc) ring.push_back(frame.to_geo(p));  // ...round the far end...
    for (size_t i = left.size(); i-- > 0;) ring.push_back(frame.to_geo(left[i]));  // ...left side back...
    for (const auto& p : start_arc) ring.push_back(frame.to_geo(p));  // ...round the start: counter-clockwise
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
