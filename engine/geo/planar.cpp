#include "geo/planar.h"

#include <algorithm>
#include <cmath>

#include "geo/even_odd.h"

namespace lowsky::planar {

namespace {
double cross(LocalPoint o, LocalPoint a, LocalPoint b) {
    return (a.east_m - o.east_m) * (b.north_m - o.north_m) - (a.north_m - o.north_m) * (b.east_m - o.east_m);
}
bool on_segment(LocalPoint p, LocalPoint a, LocalPoint b) {
    return std::min(a.east_m, b.east_m) <= p.east_m && p.east_m <= std::max(a.east_m, b.east_m) &&
           std::min(a.north_m, b.north_m) <= p.north_m && p.north_m <= std::max(a.north_m, b.north_m);
}
int sign(double v) { return (v > 0) - (v < 0); }
}  // namespace

void Box::add(LocalPoint p) {
    min_e = std::min(min_e, p.east_m);
    max_e = std::max(max_e, p.east_m);
    min_n = std::min(min_n, p.north_m);
    max_n = std::max(max_n, p.north_m);
}

// Not std::hypot: glibc's guards against overflow that local metres never reach, at several
// times the cost (half of a draft's search was spent in it).
double distance(LocalPoint a, LocalPoint b) {
    const double de = a.east_m - b.east_m, dn = a.north_m - b.north_m;
    return std::sqrt(de * de + dn * dn);
}

Closest point_segment(LocalPoint p, LocalPoint a, LocalPoint b) {
    const double de = b.east_m - a.east_m, dn = b.north_m - a.north_m;
    const double len2 = de * de + dn * dn;
    double t = len2 > 0 ? ((p.east_m - a.east_m) * de + (p.north_m - a.north_m) * dn) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const LocalPoint q{a.east_m + t * de, a.north_m + t * dn};
    return {distance(p, q), p, q};
}

bool segments_intersect(LocalPoint a, LocalPoint b, LocalPoint c, LocalPoint d) {
    const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    if (sign(d1) * sign(d2) < 0 && sign(d3) * sign(d4) < 0) return true;  // a proper crossing
    return (d1 == 0 && on_segment(a, c, d)) || (d2 == 0 && on_segment(b, c, d)) || (d3 == 0 && on_segment(c, a, b)) ||
           (d4 == 0 && on_segment(d, a, b));
}

Closest segment_segment(LocalPoint a, LocalPoint b, LocalPoint c, LocalPoint d) {
    if (segments_intersect(a, b, c, d)) {
        const LocalPoint r{b.east_m - a.east_m, b.north_m - a.north_m}, q{d.east_m - c.east_m, d.north_m - c.north_m};
        const double denom = r.east_m * q.north_m - r.north_m * q.east_m;
        LocalPoint x;
        if (std::abs(denom) > 1e-12) {
            const double t = ((c.east_m - a.east_m) * q.north_m - (c.north_m - a.north_m) * q.east_m) / denom;
            x = {a.east_m + t * r.east_m, a.north_m + t * r.north_m};
        } else {  // collinear and overlapping: any shared point
            x = on_segment(a, c, d) ? a : on_segment(b, c, d) ? b : c;
        }
        return {0.0, x, x};
    }
    Closest best = point_segment(a, c, d);
    auto consider = [&](Closest candidate, bool swapped) {
        if (swapped) std::swap(candidate.on_first, candidate.on_second);
        if (candidate.distance_m < best.distance_m) best = candidate;
    };
    consider(point_segment(b, c, d), false);
    consider(point_segment(c, a, b), true);
    consider(point_segment(d, a, b), true);
    return best;
}

bool polygon_contains(const std::vector<LocalPoint>& polygon, LocalPoint p) {
    return even_odd_contains(polygon, p, [](const LocalPoint& q) { return q.east_m; }, [](const LocalPoint& q) { return q.north_m; });
}

Closest segment_polygon(LocalPoint a, LocalPoint b, const std::vector<LocalPoint>& polygon) {
    if (polygon_contains(polygon, a)) return {0.0, a, a};
    Closest best{1e300, a, a};
    for (size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const Closest c = segment_segment(a, b, polygon[j], polygon[i]);
        if (c.distance_m < best.distance_m) best = c;
        if (best.distance_m == 0.0) break;
    }
    return best;
}

double turn_angle_deg(LocalPoint a, LocalPoint b, LocalPoint c) {
    const double h1 = std::atan2(b.north_m - a.north_m, b.east_m - a.east_m);
    const double h2 = std::atan2(c.north_m - b.north_m, c.east_m - b.east_m);
    double d = std::abs(h2 - h1) * 180.0 / 3.14159265358979323846;
    if (d > 180.0) d = 360.0 - d;
    return d;
}

bool fly_by_fits(double theta_deg, double leg_in_m, double leg_out_m, double radius_m, double half_width_m) {
    if (theta_deg < 1e-6) return true;
    const double half = theta_deg * 3.14159265358979323846 / 360.0;
    const bool too_wide = radius_m * (1 - std::cos(half)) > half_width_m;
    const bool too_long = theta_deg >= 179.999 || radius_m * std::tan(half) > std::min(leg_in_m, leg_out_m) / 2;
    return !too_wide && !too_long;
}

std::optional<std::pair<LocalPoint, LocalPoint>> outside_circle(LocalPoint a, LocalPoint b, LocalPoint center, double radius) {
    const bool a_in = distance(a, center) < radius, b_in = distance(b, center) < radius;
    if (!a_in && !b_in) return std::pair{a, b};
    if (a_in && b_in) return std::nullopt;
    // Walk from the inside end to where the segment leaves the circle.
    const LocalPoint in = a_in ? a : b, out = a_in ? b : a;
    const double de = out.east_m - in.east_m, dn = out.north_m - in.north_m;
    const double fe = in.east_m - center.east_m, fn = in.north_m - center.north_m;
    const double qa = de * de + dn * dn, qb = 2 * (fe * de + fn * dn), qc = fe * fe + fn * fn - radius * radius;
    const double t = (-qb + std::sqrt(std::max(0.0, qb * qb - 4 * qa * qc))) / (2 * qa);
    const LocalPoint edge{in.east_m + t * de, in.north_m + t * dn};
    return a_in ? std::pair{edge, b} : std::pair{a, edge};
}

}  // namespace lowsky::planar
