#pragma once
// Cheapest straight-line paths around convex obstacles, a leg priced by its length or by its
// length and heading (assist/straight_flight.h: time or energy in a wind). Such a path bends
// only at the obstacles' corners, wrapping round them, so the searches run over those corners:
// A* between two points, Dijkstra from one point to every corner (for reachability). A line of
// sight is tested only when it could improve a corner's best cost, and only toward corners it
// would wrap round (a tangent test that costs two cross products).

#include <functional>
#include <vector>

#include "assist/obstacles.h"
#include "assist/straight_flight.h"

namespace lowsky::assist {

struct SearchLimits {
    std::function<bool()> stop;                 // polled; true cancels
    std::function<void(double)> progress;       // the share of the straight distance covered so far
    double time_limit_s = 1e9;
};

struct PathSearch {
    bool found = false;
    bool cancelled = false;
    bool timed_out = false;
    std::vector<LocalPoint> path;      // from a to b, when found
    size_t expanded = 0;
    std::vector<uint32_t> frontier;    // when not found: the sources (Obstacles::sources) of the corners reached
    size_t reached = 0;                // ... and how many corners were reached
};

class VisibilityGraph {
public:
    // Keeps a reference to the obstacles. Corners inside another piece are left out.
    explicit VisibilityGraph(const Obstacles& obstacles);

    size_t corners() const { return points_.size(); }
    PathSearch cheapest(LocalPoint a, LocalPoint b, const LegCost& cost = {}, const SearchLimits& limits = {}) const;
    // The cost from `a` to every corner, up to `max_cost` (beyond: infinity).
    std::vector<double> costs_from(LocalPoint a, double max_cost, const LegCost& cost = {}) const;
    // The cost to p given costs_from()'s answer for `a` (a itself included as a corner of cost
    // 0): the best of the corners that see p. Infinity when none within reach does.
    double cost_to(LocalPoint a, const std::vector<double>& from_a, LocalPoint p, const LegCost& cost = {}) const;

    bool sees(LocalPoint a, LocalPoint b) const { return !obstacles_.blocked(a, b); }

private:
    // Whether the line from `from` leaves (or reaches) corner k without entering k's piece.
    bool wraps(size_t k, LocalPoint other) const;

    const Obstacles& obstacles_;
    std::vector<LocalPoint> points_;
    std::vector<LocalPoint> before_, after_;  // per corner: its neighbours on its piece
    std::vector<uint32_t> source_;
};

}  // namespace lowsky::assist
