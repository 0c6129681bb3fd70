#pragma once
// The even-odd point-in-polygon test, for any point type: `x` and `y` read its coordinates.
// A point exactly on an edge may go either way; callers that care test distances to edges.

#include <vector>

namespace lowsky {

template <typename Point, typename X, typename Y>
bool even_odd_contains(const std::vector<Point>& ring, const Point& p, X x, Y y) {
    bool inside = false;
    const size_t n = ring.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const Point& a = ring[i];
        const Point& b = ring[j];
        if ((y(a) > y(p)) != (y(b) > y(p))) {
            const double crossing = x(a) + (y(p) - y(a)) * (x(b) - x(a)) / (y(b) - y(a));
            if (x(p) < crossing) inside = !inside;
        }
    }
    return inside;
}

}  // namespace lowsky
