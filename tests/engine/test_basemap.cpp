#include <catch2/catch.hpp>

#include <algorithm>

#include "basemap/basemap.h"
#include "core/bytes.h"
#include "core/file_io.h"

using namespace lowsky;

namespace {

Basemap small_map() {
    Basemap map;
    map.bounds = {113.0, 22.0, 114.0, 23.0};
    map.attribution = "test";
    // A square island with a lake in it, and an island in that lake.
    map.rings.push_back({1, RingSource::Gshhg, {{22.1, 113.1}, {22.1, 113.9}, {22.9, 113.9}, {22.9, 113.1}}, {}});
    map.rings.push_back({2, RingSource::Gshhg, {{22.3, 113.3}, {22.3, 113.7}, {22.7, 113.7}, {22.7, 113.3}}, {}});
    map.rings.push_back({3, RingSource::Gshhg, {{22.45, 113.45}, {22.45, 113.55}, {22.55, 113.55}, {22.55, 113.45}}, {}});
    // A reclaimed platform in the sea.
    map.rings.push_back({1, RingSource::Patch, {{22.02, 113.02}, {22.02, 113.08}, {22.08, 113.08}}, {}});
    triangulate_rings(map);
    return map;
}

// Rewrites the trailing checksum so that a deliberately broken field is what the decoder meets.
void fix_crc(std::vector<uint8_t>& bytes) {
    const size_t body = bytes.size() - 4;
    const uint32_t crc = crc32(bytes.data(), body);
    for (int i = 0; i < 4; ++i) bytes[body + i] = uint8_t(crc >> (8 * i));
}

Result<Basemap> decode(const std::vector<uint8_t>& bytes) { return decode_basemap(bytes.data(), bytes.size()); }

}  // namespace

TEST_CASE("CRC-32 matches the standard check value", "[bytes]") {
    const char* text = "123456789";
    CHECK(crc32(reinterpret_cast<const uint8_t*>(text), 9) == 0xCBF43926u);
    // Every length and starting offset against the definition, a bit at a time: the fast
    // path's steps and the bytes left after them.
    std::vector<uint8_t> bytes(64);
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = uint8_t(i * 37 + 11);
    for (size_t from = 0; from < 8; ++from) {
        for (size_t n = 0; from + n <= bytes.size(); ++n) {
            uint32_t c = 0xFFFFFFFFu;
            for (size_t k = from; k < from + n; ++k) {
                c ^= bytes[k];
                for (int b = 0; b < 8; ++b) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            INFO("from " << from << " length " << n);
            CHECK(crc32(bytes.data() + from, n) == (c ^ 0xFFFFFFFFu));
        }
    }
}

TEST_CASE("Basemap encodes and decodes losslessly at 1e-7 degree", "[basemap]") {
    const Basemap map = small_map();
    const auto bytes = encode_basemap(map);
    auto back = decode(bytes);
    REQUIRE(back.ok());
    CHECK(back->attribution == "test");
    REQUIRE(back->rings.size() == map.rings.size());
    for (size_t r = 0; r < map.rings.size(); ++r) {
        CHECK(back->rings[r].level == map.rings[r].level);
        CHECK(back->rings[r].source == map.rings[r].source);
        CHECK(back->rings[r].triangles == map.rings[r].triangles);
        REQUIRE(back->rings[r].points.size() == map.rings[r].points.size());
        for (size_t i = 0; i < map.rings[r].points.size(); ++i) {
            CHECK(back->rings[r].points[i].lat_deg == Approx(map.rings[r].points[i].lat_deg).margin(5e-8));
            CHECK(back->rings[r].points[i].lon_deg == Approx(map.rings[r].points[i].lon_deg).margin(5e-8));
        }
    }
    CHECK(encode_basemap(back.value()) == bytes);  // stable
    CHECK(map.rings[0].triangles.size() == 6);     // a square is two triangles
}

TEST_CASE("Basemap lines (rivers, borders) come back as written, and a version 1 file still reads", "[basemap]") {
    Basemap map = small_map();
    map.lines.push_back({LineKind::River, 2, {{22.2, 113.2}, {22.25, 113.4}, {22.3, 113.8}}});
    map.lines.push_back({LineKind::Border, 1, {{22.5, 113.1}, {22.5, 113.9}}});
    const auto bytes = encode_basemap(map);
    auto back = decode(bytes);
    REQUIRE(back.ok());
    REQUIRE(back->lines.size() == 2);
    CHECK(back->lines[0].kind == LineKind::River);
    CHECK(back->lines[0].level == 2);
    REQUIRE(back->lines[0].points.size() == 3);
    CHECK(back->lines[0].points[1].lon_deg == Approx(113.4).margin(5e-8));
    CHECK(back->lines[1].kind == LineKind::Border);
    // Version 1: the same bytes without the line section and with version 1.
    const Basemap no_lines = small_map();
    auto v1 = encode_basemap(no_lines);
    v1.erase(v1.end() - 8, v1.end() - 4);  // the line count (0), before the checksum
    v1[4] = 1;
    fix_crc(v1);
    auto old = decode(v1);
    REQUIRE(old.ok());
    CHECK(old->rings.size() == 4);
    CHECK(old->lines.empty());
    // A line of one point, and an unknown kind, are refused with the line named.
    Basemap bad = small_map();
    bad.lines.push_back({LineKind::River, 1, {{22.2, 113.2}}});
    auto r = decode(encode_basemap(bad));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "line has 1 points (2 to 65535 allowed)");
    CHECK(r.error().where.find("(line 0)") != std::string::npos);
    auto kind = encode_basemap(map);
    const size_t first_line = kind.size() - 4 - 2 * 8 - 8 - 3 * 8 - 8;  // back from the checksum: line 1, then line 0
    kind[first_line] = 7;
    fix_crc(kind);
    r = decode(kind);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "line kind 7 is unknown");
}

TEST_CASE("Land and water follow the GSHHG levels and the patches", "[basemap]") {
    const Basemap map = small_map();
    struct Case { GeoPoint p; Surface expected; const char* what; };
    const Case cases[] = {
        {{22.05, 113.5}, Surface::Water, "sea south of the island"},
        {{22.2, 113.5}, Surface::Land, "island"},
        {{22.35, 113.5}, Surface::Water, "lake"},
        {{22.5, 113.5}, Surface::Land, "island in the lake"},
        {{22.04, 113.05}, Surface::Land, "reclaimed platform"},
        {{21.5, 113.5}, Surface::Water, "outside the bounds"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(surface_at(map, c.p) == c.expected);
    }
}

TEST_CASE("Point in ring handles winding, concavity and degenerate rings", "[basemap][geometry]") {
    const std::vector<GeoPoint> ccw{{0, 0}, {0, 4}, {4, 4}, {4, 0}};
    const std::vector<GeoPoint> cw{{0, 0}, {4, 0}, {4, 4}, {0, 4}};
    // A "C" shape open to the east: the notch is outside.
    const std::vector<GeoPoint> concave{{0, 0}, {0, 4}, {1, 4}, {1, 1}, {3, 1}, {3, 4}, {4, 4}, {4, 0}};
    const std::vector<GeoPoint> flat{{0, 0}, {0, 4}, {0, 2}};
    struct Case { const std::vector<GeoPoint>* ring; GeoPoint p; bool inside; const char* what; };
    const Case cases[] = {
        {&ccw, {2, 2}, true, "inside, one winding"},
        {&cw, {2, 2}, true, "inside, other winding"},
        {&ccw, {5, 2}, false, "outside"},
        {&ccw, {2, -0.000001}, false, "just outside the west edge"},
        {&concave, {0.5, 2}, true, "in the C's bottom bar"},
        {&concave, {2, 2}, false, "in the C's notch"},
        {&concave, {3.5, 2}, true, "in the C's top bar"},
        {&flat, {0, 1}, false, "a ring with no area contains nothing"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(ring_contains(*c.ring, c.p) == c.inside);
    }
}

TEST_CASE("Broken basemap files are refused with a reason and a place", "[basemap]") {
    const auto good = encode_basemap(small_map());

    SECTION("empty") {
        auto r = decode({});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("too short") != std::string::npos);
    }
    SECTION("not a basemap") {
        auto bytes = good;
        bytes[0] = 'X';
        auto r = decode(bytes);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "not a lowsky basemap (bad magic)");
        CHECK(r.error().where == "byte 0");
    }
    SECTION("newer format") {
        auto bytes = good;
        bytes[4] = 9;
        auto r = decode(bytes);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("newer") != std::string::npos);
    }
    SECTION("truncated") {
        for (size_t keep : {size_t(40), good.size() / 2, good.size() - 1}) {
            auto bytes = std::vector<uint8_t>(good.begin(), good.begin() + long(keep));
            auto r = decode(bytes);
            INFO(keep);
            CHECK_FALSE(r.ok());
        }
    }
    SECTION("a flipped bit") {
        auto bytes = good;
        bytes[bytes.size() / 2] ^= 0x10;
        auto r = decode(bytes);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("checksum") != std::string::npos);
    }
    SECTION("bad ring level behind a valid checksum") {
        auto bytes = good;
        const size_t first_ring = 4 + 4 + 16 + 4 + 4 + 4;  // magic, version, bounds, attribution "test", count
        bytes[first_ring] = 7;
        fix_crc(bytes);
        auto r = decode(bytes);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "ring level 7 is not 1 to 4");
        CHECK(r.error().where == "byte 36 (ring 0)");
    }
    SECTION("a huge point count behind a valid checksum") {
        auto bytes = good;
        const size_t count_at = 4 + 4 + 16 + 4 + 4 + 4 + 4;
        bytes[count_at + 2] = 0xF0;
        fix_crc(bytes);
        auto r = decode(bytes);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "ring has 15728644 points (3 to 65535 allowed)");

        bytes = good;
        bytes[count_at + 1] = 0xEA;  // 59908 points: allowed, but the file is far shorter
        fix_crc(bytes);
        r = decode(bytes);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "file ends inside the ring's points");
    }
    SECTION("a triangle pointing past its ring behind a valid checksum") {
        auto bytes = good;
        // First ring: header (8 bytes) + 4 points; then its triangle count and first index.
        const size_t first_index = 36 + 8 + 4 * 8 + 4;
        bytes[first_index] = 9;
        fix_crc(bytes);
        auto r = decode(bytes);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "a triangle refers to point 9 of 4");
    }
    SECTION("trailing bytes") {
        auto bytes = good;
        bytes.insert(bytes.end() - 4, {1, 2, 3});
        fix_crc(bytes);
        auto r = decode(bytes);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("unexpected bytes") != std::string::npos);
    }
}

TEST_CASE("The bundled GBA basemap loads and knows land from water", "[basemap][asset]") {
    const std::string path = std::string(LOWSKY_SOURCE_DIR) + "/assets/basemap/gba.lsbm";
    auto bytes = read_file_bytes(path);
    REQUIRE(bytes.ok());
    auto map = decode_basemap(bytes.value().data(), bytes.value().size());
    REQUIRE(map.ok());
    CHECK(map->attribution.find("GSHHG") != std::string::npos);
    CHECK(total_points(map.value()) > 10000);
    // Rivers and borders: the Shenzhen River border between Shenzhen and Hong Kong runs at about
    // 22.5 N from 114.0 to 114.15 E.
    const auto count = [&](LineKind k) { return std::count_if(map->lines.begin(), map->lines.end(), [&](const BasemapLine& l) { return l.kind == k; }); };
    CHECK(count(LineKind::River) > 10);
    CHECK(count(LineKind::Border) >= 2);
    bool shenzhen_river = false;
    for (const auto& l : map->lines)
        for (const auto& p : l.points)
            if (l.kind == LineKind::Border && p.lat_deg > 22.48 && p.lat_deg < 22.56 && p.lon_deg > 114.0 && p.lon_deg < 114.15) shenzhen_river = true;
    CHECK(shenzhen_river);
    for (const auto& ring : map->rings) {
        INFO("ring with " << ring.points.size() << " points");
        CHECK(ring.triangles.size() >= 3);  // every ring can be filled
    }

    struct Case { GeoPoint p; Surface expected; const char* what; };
    const Case cases[] = {
        {{22.40, 113.75}, Surface::Water, "Lingding Bay"},
        {{22.05, 114.20}, Surface::Water, "South China Sea off Lamma"},
        {{23.01797, 113.74866}, Surface::Land, "Dongguan city centre"},
        {{22.52306, 113.37912}, Surface::Land, "Zhongshan city centre"},
        {{22.5281, 113.031}, Surface::Land, "Xinhui"},
        {{22.02203, 113.70802}, Surface::Land, "Dong'ao Island"},
        {{22.3150, 113.9100}, Surface::Land, "Hong Kong airport platform (patch)"},
        {{22.1490, 113.5915}, Surface::Land, "Macau airport runway (patch)"},
        {{22.6393, 113.8000}, Surface::Land, "Shenzhen Bao'an runways (patch)"},
        {{22.53612, 113.88744}, Surface::Land, "Qianhai (patch)"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(surface_at(map.value(), c.p) == c.expected);
    }
}
