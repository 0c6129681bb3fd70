#include "geo/triangulate.h"

#include <algorithm>
#include <cmath>

namespace lowsky {

namespace {

double cross(PlanarPoint o, PlanarPoint a, PlanarPoint b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Inside or on the edge of the counter-clockwise triangle abc.
bool in_triangle(PlanarPoint p, PlanarPoint a, PlanarPoint b, PlanarPoint c) {
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

// A uniform grid over the ring's vertices, so that "is any vertex inside this ear?" looks at
// the few cells under the ear instead of every vertex.
class VertexGrid {
public:
    VertexGrid(const std::vector<PlanarPoint>& pts, const std::vector<uint32_t>& ids) : pts_(pts) {
        min_x_ = min_y_ = 1e300;
        double max_x = -1e300, max_y = -1e300;
        for (uint32_t i : ids) {
            min_x_ = std::min(min_x_, pts[i].x); max_x = std::max(max_x, pts[i].x);
            min_y_ = std::min(min_y_, pts[i].y); max_y = std::max(max_y, pts[i].y);
        }
        cells_ = std::max(1, int(std::sqrt(double(ids.size()) / 2)));
        cell_w_ = std::max((max_x - min_x_) / cells_, 1e-12);
        cell_h_ = std::max((max_y - min_y_) / cells_, 1e-12);
        buckets_.resize(size_t(cells_) * size_t(cells_));
        for (uint32_t i : ids) buckets_[cell_of(pts[i])].push_back(i);
    }

    void remove(uint32_t id) {
        auto& bucket = buckets_[cell_of(pts_[id])];
        bucket.erase(std::find(bucket.begin(), bucket.end(), id));
    }

    // Any remaining vertex other than a, b, c inside triangle abc (counter-clockwise)?
    bool any_inside(uint32_t a, uint32_t b, uint32_t c) const {
        const PlanarPoint pa = pts_[a], pb = pts_[b], pc = pts_[c];
        const int x0 = col(std::min({pa.x, pb.x, pc.x})), x1 = col(std::max({pa.x, pb.x, pc.x}));
        const int y0 = row(std::min({pa.y, pb.y, pc.y})), y1 = row(std::max({pa.y, pb.y, pc.y}));
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                for (uint32_t v : buckets_[size_t(y) * size_t(cells_) + size_t(x)]) {
                    if (v == a || v == b || v == c) continue;
                    const PlanarPoint p = pts_[v];
                    // Vertices at the same place as a corner (a ring touching itself) do not block.
                    if ((p.x == pa.x && p.y == pa.y) || (p.x == pb.x && p.y == pb.y) || (p.x == pc.x && p.y == pc.y)) continue;
                    if (in_triangle(p, pa, pb, pc)) return true;
                }
            }
        }
        return false;
    }

private:
    int col(double x) const { return std::clamp(int((x - min_x_) / cell_w_), 0, cells_ - 1); }
    int row(double y) const { return std::clamp(int((y - min_y_) / cell_h_), 0, cells_ - 1); }
    size_t cell_of(PlanarPoint p) const { return size_t(row(p.y)) * size_t(cells_) + size_t(col(p.x)); }

    const std::vector<PlanarPoint>& pts_;
    double min_x_, min_y_, cell_w_, cell_h_;
    int cells_;
    std::vector<std::vector<uint32_t>> buckets_;
};

}  // namespace

double signed_area2(const std::vector<PlanarPoint>& ring) {
    double a = 0;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) a += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return a;
}

Triangulation triangulate_ring(const std::vector<PlanarPoint>& ring) {
    Triangulation out;
    // Vertex ids in counter-clockwise order, without repeated points.
    std::vector<uint32_t> ids;
    for (uint32_t i = 0; i < ring.size(); ++i) {
        if (!ids.empty() && ring[ids.back()].x == ring[i].x && ring[ids.back()].y == ring[i].y) continue;
        ids.push_back(i);
    }
    while (ids.size() > 1 && ring[ids.front()].x == ring[ids.back()].x && ring[ids.front()].y == ring[ids.back()].y) ids.pop_back();
    if (ids.size() < 3) return out;
    if (signed_area2(ring) < 0) std::reverse(ids.begin(), ids.end());

    const size_t n = ids.size();
    std::vector<uint32_t> prev(n), next(n);
    for (size_t k = 0; k < n; ++k) {
        prev[k] = uint32_t((k + n - 1) % n);
        next[k] = uint32_t((k + 1) % n);
    }
    VertexGrid grid(ring, ids);
    out.indices.reserve(3 * (n - 2));

    size_t remaining = n;
    uint32_t k = 0;
    size_t since_last_ear = 0;
    auto cut = [&](uint32_t v, bool emit) {
        if (emit) out.indices.insert(out.indices.end(), {ids[prev[v]], ids[v], ids[next[v]]});
        grid.remove(ids[v]);
        next[prev[v]] = next[v];
        prev[next[v]] = prev[v];
        --remaining;
        since_last_ear = 0;
        return next[v];
    };
    while (remaining > 3) {
        const PlanarPoint a = ring[ids[prev[k]]], b = ring[ids[k]], c = ring[ids[next[k]]];
        const double turn = cross(a, b, c);
        const double scale = std::abs(b.x - a.x) + std::abs(b.y - a.y) + std::abs(c.x - b.x) + std::abs(c.y - b.y);
        if (std::abs(turn) <= 1e-12 * scale * scale) {
            k = cut(k, false);  // collinear (or a zero-width spike): no area to fill
            continue;
        }
        if (turn > 0 && !grid.any_inside(ids[prev[k]], ids[k], ids[next[k]])) {
            k = cut(k, true);
            continue;
        }
        k = next[k];
        if (++since_last_ear > remaining) {
            // No clean ear left: the ring touches or crosses itself. Cut the first convex
            // vertex anyway (or any vertex) so that the fill stays close and the loop ends.
            uint32_t v = k;
            for (size_t step = 0; step < remaining; ++step, v = next[v]) {
                if (cross(ring[ids[prev[v]]], ring[ids[v]], ring[ids[next[v]]]) > 0) break;
            }
            const bool convex = cross(ring[ids[prev[v]]], ring[ids[v]], ring[ids[next[v]]]) > 0;
            ++out.forced_clips;
            k = cut(v, convex);
        }
    }
    if (remaining == 3 && cross(ring[ids[prev[k]]], ring[ids[k]], ring[ids[next[k]]]) > 0) {
        out.indices.insert(out.indices.end(), {ids[prev[k]], ids[k], ids[next[k]]});
    }
    return out;
}

}  // namespace lowsky
