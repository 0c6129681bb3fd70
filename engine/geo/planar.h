#pragma once
// Planar geometry in a local frame (metres): the distance and intersection tests that
// corridor and airspace checks are made of.

#include <optional>
#include <utility>
#include <vector>

#include "geo/local_frame.h"

namespace lowsky::planar {

struct Box {
    double min_e = 1e300, min_n = 1e300, max_e = -1e300, max_n = -1e300;
    void add(LocalPoint p);
    Box expanded(double margin_m) const { return {min_e - margin_m, min_n - margin_m, max_e + margin_m, max_n + margin_m}; }
    bool overlaps(const Box& o) const { return min_e <= o.max_e && o.min_e <= max_e && min_n <= o.max_n && o.min_n <= max_n; }
};

struct Closest {
    double distance_m = 0.0;
    LocalPoint on_first;   // the closest point on the first argument
    LocalPoint on_second;  // ... and on the second
};

double distance(LocalPoint a, LocalPoint b);
Closest point_segment(LocalPoint p, LocalPoint a, LocalPoint b);              // on_first = p
bool segments_intersect(LocalPoint a, LocalPoint b, LocalPoint c, LocalPoint d);  // touching counts
Closest segment_segment(LocalPoint a, LocalPoint b, LocalPoint c, LocalPoint d);  // 0 when they intersect

// Even-odd test; a point on an edge may go either way (callers test distances to edges).
bool polygon_contains(const std::vector<LocalPoint>& polygon, LocalPoint p);

// Distance from a segment to a polygon's area: 0 when the segment touches or enters it.
// on_first is on the segment.
Closest segment_polygon(LocalPoint a, LocalPoint b, const std::vector<LocalPoint>& polygon);

// The part of segment ab outside a circle, or nothing when all of it is inside (where two
// corridors ending at one hub may converge: its approach radius).
std::optional<std::pair<LocalPoint, LocalPoint>> outside_circle(LocalPoint a, LocalPoint b, LocalPoint center, double radius);

// Turn at b when going a -> b -> c, in degrees: 0 straight on, 180 back the same way.
double turn_angle_deg(LocalPoint a, LocalPoint b, LocalPoint c);

// Whether a fly-by arc of `radius_m`, tangent to both legs, turns a corner of `theta_deg`
// between legs of these lengths: it starts R tan(theta/2) before the vertex, which must lie
// within half of each leg, and strays R (1 - cos(theta/2)) from the centreline, which must stay
// within `half_width_m`. A U-turn never fits. (The validator's turn rule; the corridor draft
// shapes its corners by it.)
bool fly_by_fits(double theta_deg, double leg_in_m, double leg_out_m, double radius_m, double half_width_m);

}  // namespace lowsky::planar
