#include "assist/visibility_search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <queue>

namespace lowsky::assist {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double side(LocalPoint o, LocalPoint a, LocalPoint b) {
    // The sine of the angle from oa to ob: the side b lies on, scale-free.
    const double ax = a.east_m - o.east_m, ay = a.north_m - o.north_m, bx = b.east_m - o.east_m, by = b.north_m - o.north_m;
    const double lab = std::sqrt((ax * ax + ay * ay) * (bx * bx + by * by));
    if (lab == 0) return 0;
    return (ax * by - ay * bx) / lab;
}

struct Open {
    double f;
    uint32_t node;
    bool operator<(const Open& o) const { return f > o.f; }  // the smallest first
};

}  // namespace

VisibilityGraph::VisibilityGraph(const Obstacles& obstacles) : obstacles_(obstacles) {
    const auto& pieces = obstacles.pieces();
    for (const ConvexPiece& piece : pieces) {
        const size_t n = piece.points.size();
        for (size_t k = 0; k < n; ++k) {
            const LocalPoint p = piece.points[k];
            if (!obstacles.containing(p).empty()) continue;  // inside another piece: never on a path
            points_.push_back(p);
            before_.push_back(piece.points[(k + n - 1) % n]);
            after_.push_back(piece.points[(k + 1) % n]);
            source_.push_back(piece.source);
        }
    }
}

bool VisibilityGraph::wraps(size_t k, LocalPoint other) const {
    const double a = side(other, points_[k], before_[k]), b = side(other, points_[k], after_[k]);
    constexpr double eps = 1e-9;
    return !((a > eps && b < -eps) || (a < -eps && b > eps));
}

PathSearch VisibilityGraph::cheapest(LocalPoint a, LocalPoint b, const LegCost& cost, const SearchLimits& limits) const {
    PathSearch out;
    const auto started = std::chrono::steady_clock::now();
    if (sees(a, b) && std::isfinite(cost.of(a, b))) {
        out.found = true;
        out.path = {a, b};
        return out;
    }
    if (!std::isfinite(cost.least_per_metre())) return out;  // no heading can be flown
    const uint32_t corners = uint32_t(points_.size()), start = corners, goal = corners + 1;
    auto point = [&](uint32_t i) { return i < corners ? points_[i] : i == start ? a : b; };
    std::vector<double> g(corners + 2, kInf);
    std::vector<uint32_t> parent(corners + 2, UINT32_MAX);
    std::vector<uint8_t> closed(corners + 2, 0);
    const double straight = planar::distance(a, b), least = cost.least_per_metre();
    // The straight line's cost is a bound on any way's (time in a uniform wind is a norm: its
    // triangle inequality holds), eased by a thousandth for the table's steps.
    // Where the straight line has no headway, the cheapest heading's cost per metre is.
    auto h = [&](uint32_t i) {
        const double c = cost.of(point(i), b);
        return std::isfinite(c) ? 0.999 * c : least * planar::distance(point(i), b);
    };
    std::priority_queue<Open> open;
    g[start] = 0;
    open.push({h(start), start});
    const double start_h = h(start);
    double best_h = start_h;
    while (!open.empty()) {
        const Open top = open.top();
        open.pop();
        const uint32_t u = top.node;
        if (closed[u]) continue;
        closed[u] = 1;
        if (u == goal) break;
        ++out.expanded;
        if ((out.expanded & 63) == 1) {  // the first expansion, then every 64
            if (limits.stop && limits.stop()) { out.cancelled = true; return out; }
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            if (seconds > limits.time_limit_s) { out.timed_out = true; return out; }
            if (limits.progress && straight > 0) limits.progress(1 - best_h / start_h);
        }
        const LocalPoint pu = point(u);
        if (u < corners) best_h = std::min(best_h, h(u));
        auto relax = [&](uint32_t v) {
            const LocalPoint pv = point(v);
            const double d = g[u] + cost.of(pu, pv);
            if (d >= g[v] || d + h(v) >= g[goal]) return;
            if (!sees(pu, pv)) return;
            g[v] = d;
            parent[v] = u;
            open.push({d + h(v), v});
        };
        if (!closed[goal] && (u == start || wraps(u, b))) relax(goal);
        for (uint32_t k = 0; k < corners; ++k) {
            if (closed[k] || k == u) continue;
            if (u < corners && !wraps(u, points_[k])) continue;  // it would leave u into its own piece
            if (!wraps(k, pu)) continue;                          // it would reach k from inside k's piece
            relax(k);
        }
    }
    if (g[goal] < kInf) {
        out.found = true;
        for (uint32_t i = goal; i != UINT32_MAX; i = parent[i]) out.path.push_back(point(i));
        std::reverse(out.path.begin(), out.path.end());
        return out;
    }
    for (uint32_t k = 0; k < corners; ++k) {
        if (!closed[k]) continue;
        ++out.reached;
        if (std::find(out.frontier.begin(), out.frontier.end(), source_[k]) == out.frontier.end()) out.frontier.push_back(source_[k]);
    }
    return out;
}

std::vector<double> VisibilityGraph::costs_from(LocalPoint a, double max_cost, const LegCost& cost) const {
    const uint32_t corners = uint32_t(points_.size()), start = corners;
    std::vector<double> g(corners + 1, kInf);
    std::vector<uint8_t> closed(corners + 1, 0);
    std::priority_queue<Open> open;
    g[start] = 0;
    open.push({0, start});
    while (!open.empty()) {
        const uint32_t u = open.top().node;
        open.pop();
        if (closed[u]) continue;
        closed[u] = 1;
        const LocalPoint pu = u < corners ? points_[u] : a;
        for (uint32_t k = 0; k < corners; ++k) {
            if (closed[k]) continue;
            if (u < corners && !wraps(u, points_[k])) continue;
            if (!wraps(k, pu)) continue;
            const double d = g[u] + cost.of(pu, points_[k]);
            if (d > max_cost || d >= g[k] || !sees(pu, points_[k])) continue;
            g[k] = d;
            open.push({d, k});
        }
    }
    g.pop_back();
    return g;
}

double VisibilityGraph::cost_to(LocalPoint a, const std::vector<double>& from_a, LocalPoint p, const LegCost& cost) const {
    if (sees(a, p)) {
        const double straight = cost.of(a, p);
        if (std::isfinite(straight)) return straight;  // else perhaps round by a heading it can fly
    }
    // The corners in order of the cost they would give, until one sees p: a heap, as the first
    // few usually do (a grid asks this of every cell).
    thread_local std::vector<std::pair<double, uint32_t>> order;
    order.clear();
    for (uint32_t k = 0; k < from_a.size(); ++k)
        if (from_a[k] < kInf) order.push_back({from_a[k] + cost.of(points_[k], p), k});
    const auto later = [](const std::pair<double, uint32_t>& x, const std::pair<double, uint32_t>& y) { return x > y; };
    std::make_heap(order.begin(), order.end(), later);
    for (auto end = order.end(); end != order.begin(); --end) {
        std::pop_heap(order.begin(), end, later);
        const auto [d, k] = *(end - 1);
        if (wraps(k, p) && sees(points_[k], p)) return d;
    }
    return kInf;
}

}  // namespace lowsky::assist
