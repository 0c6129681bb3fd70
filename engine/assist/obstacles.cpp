#include "assist/obstacles.h"

#include <algorithm>
#include <cmath>

#include "airspace/jurisdiction.h"
#include "scenario/altitude.h"
#include "geo/triangulate.h"

namespace lowsky::assist {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kCircleSides = 24;   // a circle grown into a polygon around it
constexpr int kCapSides = 12;      // the round ends of a corridor's segment

LocalPoint at_angle(LocalPoint c, double radius, double angle) {
    return {c.east_m + radius * std::cos(angle), c.north_m + radius * std::sin(angle)};
}

// A polygon that holds the circle: its sides touch it, so nothing inside the circle is outside.
void add_circle_points(std::vector<LocalPoint>& out, LocalPoint c, double radius, int sides) {
    const double step = 2 * kPi / sides, outer = radius / std::cos(step / 2);
    for (int k = 0; k < sides; ++k) out.push_back(at_angle(c, outer, (k + 0.5) * step));
}

// A convex polygon grown by d on every side, rounded corners drawn outside their arc.
std::vector<LocalPoint> grow_convex(const std::vector<LocalPoint>& hull, double d) {
    const size_t n = hull.size();
    std::vector<LocalPoint> out;
    if (n == 1) {
        add_circle_points(out, hull[0], d, kCircleSides);
        return out;
    }
    auto normal_angle = [&](size_t i) {  // outward normal of edge i -> i+1 (counter-clockwise polygon)
        const LocalPoint a = hull[i], b = hull[(i + 1) % n];
        return std::atan2(-(b.east_m - a.east_m), b.north_m - a.north_m);
    };
    for (size_t i = 0; i < n; ++i) {
        const double from = normal_angle((i + n - 1) % n);
        double turn = normal_angle(i) - from;
        while (turn < 0) turn += 2 * kPi;
        while (turn >= 2 * kPi) turn -= 2 * kPi;
        const int steps = std::max(1, int(std::ceil(turn / (kPi / 6))));
        const double step = turn / steps;
        for (int k = 0; k < steps; ++k) out.push_back(at_angle(hull[i], d / std::cos(step / 2), from + (k + 0.5) * step));
    }
    return convex_hull_local(std::move(out));
}

constexpr double kSimplify_m = 250;

// Douglas-Peucker on a closed ring: every point left out lies within `tolerance` of the result.
std::vector<LocalPoint> simplified(const std::vector<LocalPoint>& ring, double tolerance) {
    const size_t n = ring.size();
    if (n < 4) return ring;
    std::vector<char> keep(n, 0);
    // Split the ring at its first point and the point farthest from it.
    size_t far = 0;
    for (size_t k = 1; k < n; ++k) if (planar::distance(ring[k], ring[0]) > planar::distance(ring[far], ring[0])) far = k;
    keep[0] = keep[far] = 1;
    std::vector<std::pair<size_t, size_t>> todo{{0, far}, {far, n}};
    while (!todo.empty()) {
        const auto [i, j] = todo.back();
        todo.pop_back();
        const LocalPoint a = ring[i], b = ring[j % n];
        double worst = 0;
        size_t at = 0;
        for (size_t k = i + 1; k < j; ++k) {
            const double d = planar::point_segment(ring[k], a, b).distance_m;
            if (d > worst) worst = d, at = k;
        }
        if (worst <= tolerance) continue;
        keep[at] = 1;
        todo.push_back({i, at});
        todo.push_back({at, j});
    }
    std::vector<LocalPoint> out;
    for (size_t k = 0; k < n; ++k) if (keep[k]) out.push_back(ring[k]);
    return out;
}

double cross(LocalPoint o, LocalPoint a, LocalPoint b) {
    return (a.east_m - o.east_m) * (b.north_m - o.north_m) - (a.north_m - o.north_m) * (b.east_m - o.east_m);
}

}  // namespace

std::vector<LocalPoint> convex_hull_local(std::vector<LocalPoint> p) {
    std::sort(p.begin(), p.end(), [](LocalPoint a, LocalPoint b) { return a.east_m < b.east_m || (a.east_m == b.east_m && a.north_m < b.north_m); });
    if (p.size() < 3) return p;
    std::vector<LocalPoint> h(2 * p.size());
    size_t k = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
        h[k++] = p[i];
    }
    for (size_t i = p.size() - 1, t = k + 1; i-- > 0;) {
        while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0) --k;
        h[k++] = p[i];
    }
    h.resize(k - 1);
    return h;
}

bool segment_enters_convex(LocalPoint a, LocalPoint b, const std::vector<LocalPoint>& polygon, double tolerance_m) {
    return entry_along(a, b, polygon, tolerance_m) >= 0;
}

double entry_along(LocalPoint a, LocalPoint b, const std::vector<LocalPoint>& polygon, double tolerance_m) {
    // Clip the segment to the polygon shrunk by the tolerance, one edge's half-plane at a time.
    double t0 = 0, t1 = 1;
    const size_t n = polygon.size();
    if (n < 3) return -1;
    const double de = b.east_m - a.east_m, dn = b.north_m - a.north_m;
    for (size_t i = 0; i < n; ++i) {
        const LocalPoint p = polygon[i], q = polygon[(i + 1) % n];
        const double ex = q.east_m - p.east_m, ey = q.north_m - p.north_m, len = std::hypot(ex, ey);
        if (len <= 0) continue;
        const double nx = ey / len, ny = -ex / len;  // outward for counter-clockwise
        const double f0 = nx * (a.east_m - p.east_m) + ny * (a.north_m - p.north_m) + tolerance_m;
        const double df = nx * de + ny * dn;
        // Inside this half-plane where f0 + t df < 0.
        if (df == 0) {
            if (f0 >= 0) return -1;
            continue;
        }
        const double t = -f0 / df;
        if (df > 0) t1 = std::min(t1, t);
        else t0 = std::max(t0, t);
        if (t0 >= t1) return -1;
    }
    return t1 - t0 > 1e-9 ? t0 : -1;
}

Obstacles::Obstacles(const CompiledScenario& compiled, const ObstacleRules& rules) : compiled_(compiled) {
    const Scenario& s = compiled.scenario();
    const double grow = rules.half_width_m + rules.margin_m;
    for (const LocalZone& lz : compiled.local_zones()) {
        const Zone& zone = compiled.zones()[lz.zone];
        if (zone.kind == ZoneKind::Controlled && rules.allow_controlled) continue;
        if (zone.kind == ZoneKind::Restricted && !rules.avoid_restricted) continue;
        if (bands_overlap(rules.band, zone.band, 0.0, {}) == Overlap::No) continue;
        const uint32_t source = uint32_t(sources_.size());
        sources_.push_back({ObstacleSource::Kind::Zone, lz.zone});
        if (lz.circle) {
            std::vector<LocalPoint> ring;
            add_circle_points(ring, lz.center, lz.radius_m + grow, kCircleSides);
            add_piece(std::move(ring), source);
            continue;
        }
        std::vector<PlanarPoint> ring;
        for (LocalPoint p : lz.polygon) ring.push_back({p.east_m, p.north_m});
        const Triangulation tri = triangulate_ring(ring);
        for (size_t k = 0; k + 2 < tri.indices.size(); k += 3) {
            std::vector<LocalPoint> triangle;
            for (int j = 0; j < 3; ++j) triangle.push_back(lz.polygon[tri.indices[k + j]]);
            add_piece(grow_convex(convex_hull_local(triangle), grow), source);
        }
    }
    // Hong Kong and Macau kept out of: their outlines simplified to within kSimplify_m, and so
    // grown by that much more.
    for (Jurisdiction j : rules.keep_out_of) {
        std::vector<LocalPoint> outline;
        for (GeoPoint p : jurisdiction_outline(j)) outline.push_back(compiled.frame().to_local(p));
        outline = simplified(outline, kSimplify_m);
        if (outline.size() < 3) continue;
        const uint32_t source = uint32_t(sources_.size());
        sources_.push_back({ObstacleSource::Kind::Jurisdiction, size_t(j)});
        std::vector<PlanarPoint> ring;
        for (LocalPoint p : outline) ring.push_back({p.east_m, p.north_m});
        const Triangulation tri = triangulate_ring(ring);
        for (size_t k = 0; k + 2 < tri.indices.size(); k += 3) {
            std::vector<LocalPoint> triangle;
            for (int m = 0; m < 3; ++m) triangle.push_back(outline[tri.indices[k + m]]);
            add_piece(grow_convex(convex_hull_local(triangle), grow + kSimplify_m), source);
        }
    }
    // Existing corridors whose bands come within the vertical separation of the draft's.
    const auto& nodes = compiled.nodes();
    for (const LocalCorridor& lc : compiled.corridors()) {
        if (!rules.corridors) break;
        const Corridor& corridor = s.corridors[lc.corridor];
        if (bands_overlap(rules.band, corridor.band, s.rules.vertical_separation_m, {}) == Overlap::No) continue;
        const double radius = corridor.width_m / 2 + grow + s.rules.lateral_separation_m;
        std::vector<int> shared;
        for (int node : {lc.start_node, lc.end_node})
            if (node >= 0 && std::find(rules.end_nodes.begin(), rules.end_nodes.end(), node) != rules.end_nodes.end()) shared.push_back(node);
        const uint32_t source = uint32_t(sources_.size());
        sources_.push_back({ObstacleSource::Kind::Corridor, lc.corridor});
        for (size_t k = 0; k + 1 < lc.points.size(); ++k) {
            std::optional<std::pair<LocalPoint, LocalPoint>> part{{lc.points[k], lc.points[k + 1]}};
            // Inside the approach radius of an end both share they may converge (as the validator allows).
            for (int node : shared)
                if (part) part = planar::outside_circle(part->first, part->second, nodes[size_t(node)].local, s.rules.hub_approach_radius_m);
            if (!part) continue;
            const auto [a, b] = *part;
            std::vector<LocalPoint> capsule;
            add_circle_points(capsule, a, radius, kCapSides);
            add_circle_points(capsule, b, radius, kCapSides);
            add_piece(convex_hull_local(std::move(capsule)), source);
        }
    }
    // The grid over every piece.
    planar::Box all;
    for (const ConvexPiece& p : pieces_) all.add({p.box.min_e, p.box.min_n}), all.add({p.box.max_e, p.box.max_n});
    if (pieces_.empty()) return;
    cell_m_ = std::max(1000.0, std::max(all.max_e - all.min_e, all.max_n - all.min_n) / 128);
    min_e_ = all.min_e, min_n_ = all.min_n;
    cols_ = int((all.max_e - all.min_e) / cell_m_) + 1;
    rows_ = int((all.max_n - all.min_n) / cell_m_) + 1;
    cells_.assign(size_t(cols_) * size_t(rows_), {});
    for (uint32_t i = 0; i < pieces_.size(); ++i) {
        const planar::Box& b = pieces_[i].box;
        const int x0 = int((b.min_e - min_e_) / cell_m_), x1 = int((b.max_e - min_e_) / cell_m_);
        const int y0 = int((b.min_n - min_n_) / cell_m_), y1 = int((b.max_n - min_n_) / cell_m_);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) cells_[size_t(y) * size_t(cols_) + size_t(x)].push_back(i);
    }
    seen_.assign(pieces_.size(), 0);
}

void Obstacles::add_piece(std::vector<LocalPoint> hull, uint32_t source) {
    if (hull.size() < 3) return;
    ConvexPiece piece;
    piece.points = std::move(hull);
    for (LocalPoint p : piece.points) piece.box.add(p);
    piece.source = source;
    pieces_.push_back(std::move(piece));
}

std::string Obstacles::describe(uint32_t source) const {
    const ObstacleSource& o = sources_[source];
    if (o.kind == ObstacleSource::Kind::Corridor) return "corridor " + compiled_.scenario().corridors[o.index].id;
    if (o.kind == ObstacleSource::Kind::Jurisdiction) return std::string(jurisdiction_name(Jurisdiction(o.index))) + " (a border the draft need not cross)";
    const Zone& zone = compiled_.zones()[o.index];
    const char* kind = zone.kind == ZoneKind::NoFly ? "no-fly" : zone.kind == ZoneKind::Controlled ? "controlled" : "restricted";
    return std::string(kind) + " zone " + zone.id + " \"" + zone.name + "\"";
}

// Visits the pieces in the grid cells the segment crosses, each once (a walk cell by cell).
template <typename Visit>
void Obstacles::along(LocalPoint a, LocalPoint b, Visit visit) const {
    if (cells_.empty()) return;
    if (++stamp_ == 0) std::fill(seen_.begin(), seen_.end(), 0), stamp_ = 1;
    double x = (a.east_m - min_e_) / cell_m_, y = (a.north_m - min_n_) / cell_m_;
    const double ex = (b.east_m - min_e_) / cell_m_, ey = (b.north_m - min_n_) / cell_m_;
    // Clip to the grid's box first.
    double t0 = 0, t1 = 1;
    const double dx = ex - x, dy = ey - y;
    auto clip = [&](double p, double d, double lo, double hi) {
        if (d == 0) return p >= lo && p <= hi;
        double ta = (lo - p) / d, tb = (hi - p) / d;
        if (ta > tb) std::swap(ta, tb);
        t0 = std::max(t0, ta), t1 = std::min(t1, tb);
        return t0 <= t1;
    };
    if (!clip(x, dx, 0, cols_) || !clip(y, dy, 0, rows_)) return;
    const double sx = x + t0 * dx, sy = y + t0 * dy;
    int cx = std::clamp(int(sx), 0, cols_ - 1), cy = std::clamp(int(sy), 0, rows_ - 1);
    const int last_x = std::clamp(int(x + t1 * dx), 0, cols_ - 1), last_y = std::clamp(int(y + t1 * dy), 0, rows_ - 1);
    const int step_x = dx > 0 ? 1 : -1, step_y = dy > 0 ? 1 : -1;
    const double inf = 1e300;
    double next_x = dx != 0 ? ((dx > 0 ? cx + 1 : cx) - x) / dx : inf;
    double next_y = dy != 0 ? ((dy > 0 ? cy + 1 : cy) - y) / dy : inf;
    const double delta_x = dx != 0 ? std::abs(1 / dx) : inf, delta_y = dy != 0 ? std::abs(1 / dy) : inf;
    for (int guard = 0; guard < cols_ + rows_ + 4; ++guard) {
        for (uint32_t i : cells_[size_t(cy) * size_t(cols_) + size_t(cx)]) {
            if (seen_[i] == stamp_) continue;
            seen_[i] = stamp_;
            if (visit(i)) return;
        }
        if (cx == last_x && cy == last_y) return;
        if (next_x < next_y) {
            cx += step_x, next_x += delta_x;
        } else {
            cy += step_y, next_y += delta_y;
        }
        if (cx < 0 || cy < 0 || cx >= cols_ || cy >= rows_) return;
    }
}

bool Obstacles::blocked(LocalPoint a, LocalPoint b) const {
    planar::Box box;
    box.add(a), box.add(b);
    bool hit = false;
    along(a, b, [&](uint32_t i) {
        const ConvexPiece& p = pieces_[i];
        if (!p.box.overlaps(box)) return false;
        hit = segment_enters_convex(a, b, p.points, 0.01);
        return hit;
    });
    return hit;
}

int64_t Obstacles::first_hit(LocalPoint a, LocalPoint b) const {
    planar::Box box;
    box.add(a), box.add(b);
    int64_t best = -1;
    double best_t = 2;
    along(a, b, [&](uint32_t i) {
        const ConvexPiece& p = pieces_[i];
        if (!p.box.overlaps(box)) return false;
        const double t = entry_along(a, b, p.points, 0.01);
        if (t >= 0 && t < best_t) best_t = t, best = i;
        return false;
    });
    return best;
}

std::vector<uint32_t> Obstacles::containing(LocalPoint p) const {
    std::vector<uint32_t> out;
    if (cells_.empty()) return out;
    const int x = int(std::floor((p.east_m - min_e_) / cell_m_)), y = int(std::floor((p.north_m - min_n_) / cell_m_));
    if (x < 0 || y < 0 || x >= cols_ || y >= rows_) return out;
    for (uint32_t i : cells_[size_t(y) * size_t(cols_) + size_t(x)]) {
        const ConvexPiece& piece = pieces_[i];
        if (p.east_m < piece.box.min_e || p.east_m > piece.box.max_e || p.north_m < piece.box.min_n || p.north_m > piece.box.max_n) continue;
        bool inside = true;  // deeper than a centimetre past every edge
        for (size_t k = 0; k < piece.points.size() && inside; ++k) {
            const LocalPoint a = piece.points[k], b = piece.points[(k + 1) % piece.points.size()];
            const double c = cross(a, b, p), de = b.east_m - a.east_m, dn = b.north_m - a.north_m;
            inside = c > 0 && c * c > 1e-4 * (de * de + dn * dn);  // c > 0.01 |ab|, without a square root
        }
        if (inside) out.push_back(i);
    }
    return out;
}

}  // namespace lowsky::assist
