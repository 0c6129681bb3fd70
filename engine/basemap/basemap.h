#pragma once
// The embedded offline basemap: land, lake and island rings of the Greater Bay Area, plus the
// hand-made patch layer for land reclaimed after the shoreline survey (airport platforms,
// Qianhai). Made by tools/basemap from GSHHG; see assets/basemap/README.md.
//
// File layout (.lsbm, little-endian):
//   "LSBM"  u32 format_version
//   i32 west_e7 south_e7 east_e7 north_e7          bounds, 1e-7 degree
//   u32 attribution_length, attribution bytes (UTF-8)
//   u32 ring_count, then per ring:
//     u8 level (1 land, 2 lake, 3 island in lake, 4 pond)  u8 source (0 GSHHG, 1 patch)
//     u16 reserved (0)  u32 point_count (3..65535)  point_count x (i32 lon_e7, i32 lat_e7)
//     u32 triangle_count  triangle_count x 3 x u16 point index   (the ring's fill, made offline)
//   version 2 and later: u32 line_count, then per line:
//     u8 kind (1 river, 2 border)  u8 level (GSHHG's: 1 the largest)  u16 reserved (0)
//     u32 point_count (2..65535)  point_count x (i32 lon_e7, i32 lat_e7)
//   u32 crc32 of every byte before it

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "geo/geo_types.h"

namespace lowsky {

enum class RingSource : uint8_t { Gshhg = 0, Patch = 1 };

struct BasemapRing {
    uint8_t level = 1;  // GSHHG hierarchy: odd levels are land, even levels are water
    RingSource source = RingSource::Gshhg;
    std::vector<GeoPoint> points;     // closed implicitly: the last point is not repeated
    std::vector<uint16_t> triangles;  // 3 indices into points per triangle: the ring's area
};

// Rivers (GSHHG's WDBII rivers) and borders (Hong Kong's and Macau's with the mainland), drawn
// as lines over the land.
enum class LineKind : uint8_t { River = 1, Border = 2 };

struct BasemapLine {
    LineKind kind = LineKind::River;
    uint8_t level = 1;
    std::vector<GeoPoint> points;  // an open polyline
};

struct Basemap {
    GeoBounds bounds;
    std::string attribution;
    std::vector<BasemapRing> rings;
    std::vector<BasemapLine> lines;  // none in a version 1 file
};

enum class Surface { Water, Land };

constexpr uint32_t kBasemapFormatVersion = 2;  // version 1 (no lines) is still read

Result<Basemap> decode_basemap(const uint8_t* data, size_t size);
std::vector<uint8_t> encode_basemap(const Basemap& basemap);

// Land or water at a point: the deepest GSHHG ring that contains it decides, and a patch
// ring makes it land. Outside the bounds it is water.
Surface surface_at(const Basemap& basemap, GeoPoint p);

// Even-odd point in polygon test on degrees (rings are small enough for planar geometry).
bool ring_contains(const std::vector<GeoPoint>& ring, GeoPoint p);

size_t total_points(const Basemap& basemap);

// Fills every ring's triangles by ear clipping in Web Mercator (the plane the map is drawn
// in). Returns the number of ears that had to be forced (0 for clean rings).
int triangulate_rings(Basemap& basemap);

}  // namespace lowsky
