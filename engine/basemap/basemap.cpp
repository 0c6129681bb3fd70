#include "basemap/basemap.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

#include "core/bytes.h"
#include "geo/even_odd.h"
#include "geo/triangulate.h"
#include "geo/web_mercator.h"

namespace lowsky {

namespace {

constexpr char kMagic[4] = {'L', 'S', 'B', 'M'};
constexpr uint32_t kMaxAttribution = 4096;
constexpr uint32_t kMaxRings = 1u << 20;
constexpr uint32_t kMaxPointsPerRing = 65535;  // triangle indices are 16-bit
constexpr double kE7 = 1e7;
constexpr double kBoundsSlack_deg = 0.01;  // patches may reach just past the GSHHG bins

std::string at_offset(size_t offset) { return "byte " + std::to_string(offset); }

int32_t to_e7(double deg) { return int32_t(std::lround(deg * kE7)); }

// `points.size()` positions at the reader (the caller has checked that they are there), each
// inside `bounds`; an error named `where` when one is not.
std::optional<Error> read_points(ByteReader& in, std::vector<GeoPoint>& points, const GeoBounds& bounds, const std::string& where) {
    for (auto& p : points) {
        p.lon_deg = in.i32() / kE7;
        p.lat_deg = in.i32() / kE7;
        if (!bounds.contains(p)) return make_error("a point lies outside the basemap bounds", where);
    }
    return std::nullopt;
}

void write_points(ByteWriter& out, const std::vector<GeoPoint>& points) {
    for (const auto& p : points) {
        out.i32(to_e7(p.lon_deg));
        out.i32(to_e7(p.lat_deg));
    }
}

}  // namespace

Result<Basemap> decode_basemap(const uint8_t* data, size_t size) {
    ByteReader in(data, size);
    if (size < 4 + 4 + 16 + 4 + 4 + 4) return make_error("file is too short to be a basemap (" + std::to_string(size) + " bytes)", at_offset(0));
    char magic[4];
    in.read_bytes(magic, 4);
    if (std::memcmp(magic, kMagic, 4) != 0) return make_error("not a lowsky basemap (bad magic)", at_offset(0));
    const uint32_t version = in.u32();
    if (version > kBasemapFormatVersion)
        return make_error("basemap format version " + std::to_string(version) + " is newer than this lowsky reads (" +
                              std::to_string(kBasemapFormatVersion) + ")", at_offset(4));
    if (version < 1) return make_error("basemap format version 0 is invalid", at_offset(4));

    // The checksum covers everything else, so test it before trusting any count.
    const size_t body = size - 4;
    ByteReader crc_reader(data + body, 4);
    const uint32_t stored_crc = crc_reader.u32();
    if (crc32(data, body) != stored_crc) return make_error("checksum mismatch: the file is corrupted or truncated", at_offset(body));

    Basemap map;
    const size_t bounds_at = in.offset();
    map.bounds.west_deg = in.i32() / kE7;
    map.bounds.south_deg = in.i32() / kE7;
    map.bounds.east_deg = in.i32() / kE7;
    map.bounds.north_deg = in.i32() / kE7;
    if (!(map.bounds.west_deg < map.bounds.east_deg && map.bounds.south_deg < map.bounds.north_deg) ||
        map.bounds.west_deg < -180 || map.bounds.east_deg > 180 || map.bounds.south_deg < -90 || map.bounds.north_deg > 90)
        return make_error("bounds are empty or outside the globe", at_offset(bounds_at));

    const size_t attribution_at = in.offset();
    const uint32_t attribution_length = in.u32();
    if (attribution_length > kMaxAttribution || attribution_length > in.remaining())
        return make_error("attribution length " + std::to_string(attribution_length) + " is out of range", at_offset(attribution_at));
    map.attribution.resize(attribution_length);
    in.read_bytes(map.attribution.data(), attribution_length);

    const size_t count_at = in.offset();
    const uint32_t ring_count = in.u32();
    if (ring_count > kMaxRings) return make_error("ring count " + std::to_string(ring_count) + " is out of range", at_offset(count_at));
    map.rings.reserve(ring_count);
    GeoBounds slack = map.bounds;
    slack.west_deg -= kBoundsSlack_deg; slack.south_deg -= kBoundsSlack_deg;
    slack.east_deg += kBoundsSlack_deg; slack.north_deg += kBoundsSlack_deg;

    for (uint32_t r = 0; r < ring_count; ++r) {
        const size_t ring_at = in.offset();
        const std::string where = at_offset(ring_at) + " (ring " + std::to_string(r) + ")";
        BasemapRing ring;
        ring.level = in.u8();
        const uint8_t source = in.u8();
        const uint16_t reserved = in.u16();
        const uint32_t point_count = in.u32();
        if (in.failed() || in.offset() > body) return make_error("file ends inside a ring header", where);
        if (ring.level < 1 || ring.level > 4) return make_error("ring level " + std::to_string(ring.level) + " is not 1 to 4", where);
        if (source > 1) return make_error("ring source " + std::to_string(source) + " is unknown", where);
        if (reserved != 0) return make_error("reserved field is not zero", where);
        if (point_count < 3 || point_count > kMaxPointsPerRing)
            return make_error("ring has " + std::to_string(point_count) + " points (3 to " + std::to_string(kMaxPointsPerRing) + " allowed)", where);
        if (uint64_t(point_count) * 8 > body - in.offset()) return make_error("file ends inside the ring's points", where);
        ring.source = RingSource(source);
        ring.points.resize(point_count);
        if (auto outside = read_points(in, ring.points, slack, where)) return *outside;
        const uint32_t triangle_count = in.u32();
        if (in.failed() || in.offset() > body) return make_error("file ends before the ring's triangles", where);
        if (triangle_count > 2 * point_count) return make_error("ring has " + std::to_string(triangle_count) + " triangles for " + std::to_string(point_count) + " points", where);
        if (uint64_t(triangle_count) * 6 > body - in.offset()) return make_error("file ends inside the ring's triangles", where);
        ring.triangles.resize(size_t(triangle_count) * 3);
        for (auto& index : ring.triangles) {
            index = in.u16();
            if (index >= point_count) return make_error("a triangle refers to point " + std::to_string(index) + " of " + std::to_string(point_count), where);
        }
        map.rings.push_back(std::move(ring));
    }
    if (version >= 2) {
        const size_t lines_at = in.offset();
        const uint32_t line_count = in.u32();
        if (in.failed() || in.offset() > body) return make_error("file ends before the line count", at_offset(lines_at));
        if (line_count > kMaxRings) return make_error("line count " + std::to_string(line_count) + " is out of range", at_offset(lines_at));
        map.lines.reserve(std::min<uint32_t>(line_count, uint32_t((body - in.offset()) / 24)));
        for (uint32_t l = 0; l < line_count; ++l) {
            const std::string where = at_offset(in.offset()) + " (line " + std::to_string(l) + ")";
            BasemapLine line;
            const uint8_t kind = in.u8();
            line.level = in.u8();
            const uint16_t reserved = in.u16();
            const uint32_t point_count = in.u32();
            if (in.failed() || in.offset() > body) return make_error("file ends inside a line header", where);
            if (kind != uint8_t(LineKind::River) && kind != uint8_t(LineKind::Border)) return make_error("line kind " + std::to_string(kind) + " is unknown", where);
            if (line.level < 1 || line.level > 15) return make_error("line level " + std::to_string(line.level) + " is not 1 to 15", where);
            if (reserved != 0) return make_error("reserved field is not zero", where);
            if (point_count < 2 || point_count > kMaxPointsPerRing)
                return make_error("line has " + std::to_string(point_count) + " points (2 to " + std::to_string(kMaxPointsPerRing) + " allowed)", where);
            if (uint64_t(point_count) * 8 > body - in.offset()) return make_error("file ends inside the line's points", where);
            line.kind = LineKind(kind);
            line.points.resize(point_count);
            if (auto outside = read_points(in, line.points, slack, where)) return *outside;
            map.lines.push_back(std::move(line));
        }
    }
    if (in.offset() != body) return make_error(std::to_string(body - in.offset()) + " unexpected bytes after the last " + (version >= 2 ? "line" : "ring"), at_offset(in.offset()));
    return map;
}

std::vector<uint8_t> encode_basemap(const Basemap& map) {
    ByteWriter out;
    out.bytes(kMagic, 4);
    out.u32(kBasemapFormatVersion);
    out.i32(to_e7(map.bounds.west_deg));
    out.i32(to_e7(map.bounds.south_deg));
    out.i32(to_e7(map.bounds.east_deg));
    out.i32(to_e7(map.bounds.north_deg));
    out.u32(uint32_t(map.attribution.size()));
    out.bytes(map.attribution.data(), map.attribution.size());
    out.u32(uint32_t(map.rings.size()));
    for (const auto& ring : map.rings) {
        out.u8(ring.level);
        out.u8(uint8_t(ring.source));
        out.u16(0);
        out.u32(uint32_t(ring.points.size()));
        write_points(out, ring.points);
        out.u32(uint32_t(ring.triangles.size() / 3));
        for (uint16_t index : ring.triangles) out.u16(index);
    }
    out.u32(uint32_t(map.lines.size()));
    for (const auto& line : map.lines) {
        out.u8(uint8_t(line.kind));
        out.u8(line.level);
        out.u16(0);
        out.u32(uint32_t(line.points.size()));
        write_points(out, line.points);
    }
    std::vector<uint8_t> bytes = out.take();
    const uint32_t crc = crc32(bytes.data(), bytes.size());
    for (int i = 0; i < 4; ++i) bytes.push_back(uint8_t(crc >> (8 * i)));
    return bytes;
}

bool ring_contains(const std::vector<GeoPoint>& ring, GeoPoint p) {
    return even_odd_contains(ring, p, [](const GeoPoint& q) { return q.lon_deg; }, [](const GeoPoint& q) { return q.lat_deg; });
}

Surface surface_at(const Basemap& map, GeoPoint p) {
    if (!map.bounds.contains(p)) return Surface::Water;
    int deepest = 0;
    for (const auto& ring : map.rings) {
        if (!ring_contains(ring.points, p)) continue;
        if (ring.source == RingSource::Patch) return Surface::Land;
        if (ring.level > deepest) deepest = ring.level;
    }
    return deepest % 2 == 1 ? Surface::Land : Surface::Water;
}

size_t total_points(const Basemap& map) {
    size_t n = 0;
    for (const auto& ring : map.rings) n += ring.points.size();
    return n;
}

}  // namespace lowsky

namespace lowsky {

int triangulate_rings(Basemap& map) {
    int forced = 0;
    for (auto& ring : map.rings) {
        const MercatorPoint origin = mercator::project(ring.points.front());
        std::vector<PlanarPoint> plane;
        plane.reserve(ring.points.size());
        for (const auto& p : ring.points) {
            const MercatorPoint m = mercator::project(p);
            plane.push_back({m.x_m - origin.x_m, m.y_m - origin.y_m});
        }
        const Triangulation t = triangulate_ring(plane);
        forced += t.forced_clips;
        ring.triangles.assign(t.indices.begin(), t.indices.end());
    }
    return forced;
}

}  // namespace lowsky
