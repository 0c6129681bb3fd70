#include "view/airspace_volumes.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "geo/geodesy.h"
#include "geo/map_camera.h"
#include "geo/offset_line.h"
#include "geo/triangulate.h"
#include "geo/web_mercator.h"

namespace lowsky {

std::vector<GeoPoint> zone_outline(const ZoneShape& shape) {
    if (shape.kind == ZoneShape::Kind::Polygon) return shape.polygon;
    std::vector<GeoPoint> ring;
    for (int i = 0; i < 72; ++i) ring.push_back(geodesy::destination(shape.center, i * 5.0, shape.radius_m));
    return ring;
}

DrawnBand drawn_band(const AltitudeBand& band, double top_m) {
    const double floor = std::max(0.0, band.floor.value_m), ceiling = band.ceiling.value_m;
    return {floor, std::min(ceiling, top_m), ceiling > top_m};
}

namespace {

MercatorPoint lerp(MercatorPoint a, MercatorPoint b, double t) { return {a.x_m + (b.x_m - a.x_m) * t, a.y_m + (b.y_m - a.y_m) * t}; }
double length(MercatorPoint a, MercatorPoint b) { return std::hypot(b.x_m - a.x_m, b.y_m - a.y_m); }

class Builder {
public:
    Builder(AirspaceVolumes& out, double max_piece_m) : out_(out), max_(max_piece_m) {}

    void owner(std::string kind, std::string id, VolumeLook look) {
        owner_ = uint32_t(out_.owners.size());
        out_.owners.push_back({std::move(kind), std::move(id), look});
    }
    uint32_t vertex(MercatorPoint m, double h) {
        out_.vertices.push_back({m, h});
        return uint32_t(out_.vertices.size() - 1);
    }
    void triangle(uint32_t a, uint32_t b, uint32_t c) {
        out_.triangles.insert(out_.triangles.end(), {a, b, c});
        out_.triangle_owner.push_back(owner_);
    }
    void quad(uint32_t a, uint32_t b, uint32_t c, uint32_t d) { triangle(a, b, c), triangle(a, c, d); }
    void edge(uint32_t a, uint32_t b) {
        out_.edges.insert(out_.edges.end(), {a, b});
        out_.edge_owner.push_back(owner_);
    }
    int pieces(double len) const { return std::max(1, int(std::ceil(len / max_))); }

    // A ribbon between two lines of equal length, cut into `n` pieces along them.
    void ribbon(MercatorPoint a0, double ha0, MercatorPoint a1, double ha1, MercatorPoint b0, double hb0, MercatorPoint b1, double hb1, int n) {
        uint32_t pa = vertex(a0, ha0), pb = vertex(b0, hb0);
        for (int k = 1; k <= n; ++k) {
            const double t = double(k) / n;
            const uint32_t qa = vertex(lerp(a0, a1, t), ha0 + (ha1 - ha0) * t), qb = vertex(lerp(b0, b1, t), hb0 + (hb1 - hb0) * t);
            quad(pa, qa, qb, pb);
            pa = qa, pb = qb;
        }
    }

    // A flat triangle at height h, split at its longest edge until no edge is longer than the piece.
    void flat(MercatorPoint a, MercatorPoint b, MercatorPoint c, double h, int depth = 0) {
        const double ab = length(a, b), bc = length(b, c), ca = length(c, a);
        const double longest = std::max({ab, bc, ca});
        if (longest <= max_ || depth > 12) {
            triangle(vertex(a, h), vertex(b, h), vertex(c, h));
            return;
        }
        if (longest == ab) { const MercatorPoint m = lerp(a, b, 0.5); flat(a, m, c, h, depth + 1), flat(m, b, c, h, depth + 1); }
        else if (longest == bc) { const MercatorPoint m = lerp(b, c, 0.5); flat(a, b, m, h, depth + 1), flat(a, m, c, h, depth + 1); }
        else { const MercatorPoint m = lerp(c, a, 0.5); flat(a, b, m, h, depth + 1), flat(m, b, c, h, depth + 1); }
    }

private:
    AirspaceVolumes& out_;
    double max_;
    uint32_t owner_ = 0;
};

VolumeLook zone_look(ZoneKind k) { return k == ZoneKind::NoFly ? VolumeLook::NoFly : k == ZoneKind::Controlled ? VolumeLook::Controlled : VolumeLook::Restricted; }

void add_zone(Builder& b, const Zone& zone, const VolumeOptions& o) {
    const DrawnBand drawn = drawn_band(zone.band, o.top_m);
    if (!(drawn.top_m > drawn.floor_m)) return;
    const double floor = drawn.floor_m, top = drawn.top_m;
    const bool cut = drawn.cut;
    std::vector<MercatorPoint> ring;
    for (const GeoPoint& g : zone_outline(zone.shape)) ring.push_back(mercator::project(g));
    if (ring.size() < 3) return;
    b.owner("zone", zone.id, zone_look(zone.kind));
    const size_t n = ring.size();
    for (size_t i = 0; i < n; ++i) {
        const MercatorPoint p = ring[i], q = ring[(i + 1) % n];
        b.ribbon(p, floor, q, floor, p, top, q, top, b.pieces(length(p, q)));
        b.edge(b.vertex(p, floor), b.vertex(q, floor));
        if (!cut) b.edge(b.vertex(p, top), b.vertex(q, top));
        if (n <= 16) b.edge(b.vertex(p, floor), b.vertex(p, top));
    }
    std::vector<PlanarPoint> plane;
    for (const auto& m : ring) plane.push_back({m.x_m, m.y_m});
    const Triangulation t = triangulate_ring(plane);
    for (size_t k = 0; k + 2 < t.indices.size(); k += 3) {
        const MercatorPoint a = ring[t.indices[k]], c = ring[t.indices[k + 1]], d = ring[t.indices[k + 2]];
        if (!cut) b.flat(a, c, d, top);
        if (floor > 0.5) b.flat(a, c, d, floor);  // a zone on the ground has its floor drawn by the map
    }
}

void add_corridor(Builder& b, const Corridor& corridor, const LocalCorridor& lc, VolumeLook look) {
    if (corridor.centreline.size() < 2) return;
    const double floor = lc.floor.m, ceiling = lc.ceiling.m;
    std::vector<MercatorPoint> left, right;
    for (const GeoPoint& g : offset_right(corridor.centreline, -corridor.width_m / 2)) left.push_back(mercator::project(g));
    for (const GeoPoint& g : offset_right(corridor.centreline, corridor.width_m / 2)) right.push_back(mercator::project(g));
    b.owner("corridor", corridor.id, look);
    for (size_t i = 0; i + 1 < left.size(); ++i) {
        const int n = b.pieces(std::max(length(left[i], left[i + 1]), length(right[i], right[i + 1])));
        b.ribbon(left[i], floor, left[i + 1], floor, left[i], ceiling, left[i + 1], ceiling, n);        // left wall
        b.ribbon(right[i], floor, right[i + 1], floor, right[i], ceiling, right[i + 1], ceiling, n);    // right wall
        b.ribbon(left[i], ceiling, left[i + 1], ceiling, right[i], ceiling, right[i + 1], ceiling, n);  // top
        b.ribbon(left[i], floor, left[i + 1], floor, right[i], floor, right[i + 1], floor, n);          // bottom
        for (const auto* side : {&left, &right})
            for (const double h : {floor, ceiling}) b.edge(b.vertex((*side)[i], h), b.vertex((*side)[i + 1], h));
    }
    for (const size_t end : {size_t(0), left.size() - 1}) {
        b.ribbon(left[end], floor, right[end], floor, left[end], ceiling, right[end], ceiling, 1);
        for (const auto* side : {&left, &right}) b.edge(b.vertex((*side)[end], floor), b.vertex((*side)[end], ceiling));
    }
}

}  // namespace

AirspaceVolumes build_airspace_volumes(const CompiledScenario& compiled, const std::vector<VolumeLook>& corridor_looks, const VolumeOptions& options) {
    AirspaceVolumes out;
    Builder b(out, options.max_piece_m);
    for (const Zone& z : compiled.zones()) add_zone(b, z, options);
    const Scenario& sc = compiled.scenario();
    for (size_t i = 0; i < sc.corridors.size() && i < compiled.corridors().size(); ++i)
        add_corridor(b, sc.corridors[i], compiled.corridors()[i], i < corridor_looks.size() ? corridor_looks[i] : VolumeLook::CorridorClean);
    if (options.ceiling && !out.vertices.empty()) {
        // Over what the volumes cover, a tenth more on each side, in pieces four times the size.
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (const auto& v : out.vertices) x0 = std::min(x0, v.at.x_m), y0 = std::min(y0, v.at.y_m), x1 = std::max(x1, v.at.x_m), y1 = std::max(y1, v.at.y_m);
        const double mx = (x1 - x0) * 0.1, my = (y1 - y0) * 0.1, h = sc.rules.ceiling_m_agl;
        x0 -= mx, x1 += mx, y0 -= my, y1 += my;
        b.owner("ceiling", "", VolumeLook::Ceiling);
        const int nx = std::max(1, int(std::ceil((x1 - x0) / (4 * options.max_piece_m)))), ny = std::max(1, int(std::ceil((y1 - y0) / (4 * options.max_piece_m))));
        for (int j = 0; j < ny; ++j) {
            const double ya = y0 + (y1 - y0) * j / ny, yb = y0 + (y1 - y0) * (j + 1) / ny;
            b.ribbon({x0, ya}, h, {x1, ya}, h, {x0, yb}, h, {x1, yb}, h, nx);
        }
    }
    return out;
}

void order_back_to_front(const AirspaceVolumes& volumes, const MapCamera& camera, std::vector<uint32_t>& order) {
    const size_t n = volumes.triangles.size() / 3;
    std::vector<std::pair<double, uint32_t>> keyed(n);
    for (size_t t = 0; t < n; ++t) {
        const VolumeVertex& a = volumes.vertices[volumes.triangles[3 * t]];
        const VolumeVertex& b = volumes.vertices[volumes.triangles[3 * t + 1]];
        const VolumeVertex& c = volumes.vertices[volumes.triangles[3 * t + 2]];
        const MercatorPoint centre{(a.at.x_m + b.at.x_m + c.at.x_m) / 3, (a.at.y_m + b.at.y_m + c.at.y_m) / 3};
        keyed[t] = {camera.depth_of(centre, (a.height_m + b.height_m + c.height_m) / 3), uint32_t(t)};
    }
    // Farthest first; ties by index, so that equal depths never swap from one frame to the next.
    std::sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
    order.resize(n);
    for (size_t t = 0; t < n; ++t) order[t] = keyed[t].second;
}

}  // namespace lowsky
