// The 3D view's solids, counted by hand: how many faces and outline segments each shape makes,
// at which heights and how wide; and the order faces are drawn in as the camera turns.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "geo/map_camera.h"
#include "geo/web_mercator.h"
#include "scenario/compiled_scenario.h"
#include "view/airspace_volumes.h"

using namespace lowsky;

namespace {

Corridor east_corridor() {
    Corridor c;
    c.id = "c1";
    c.centreline = {{22.5, 113.5}, {22.5, 113.51}};  // 0.01 degree east: 1113.2 Mercator metres
    c.width_m = 100;
    c.band.floor.value_m = 60;
    c.band.ceiling.value_m = 120;
    return c;
}

Zone square_zone(double ceiling_m) {
    Zone z;
    z.id = "z1";
    z.kind = ZoneKind::Restricted;
    z.shape.polygon = {{22.6, 113.6}, {22.6, 113.61}, {22.61, 113.61}, {22.61, 113.6}};
    z.band.floor.value_m = 0;
    z.band.ceiling.value_m = ceiling_m;
    return z;
}

std::set<double> heights(const AirspaceVolumes& v) {
    std::set<double> out;
    for (const auto& p : v.vertices) out.insert(p.height_m);
    return out;
}

}  // namespace

TEST_CASE("A straight corridor is a box: four long faces and two ends", "[volumes]") {
    Scenario s;
    s.corridors.push_back(east_corridor());
    const CompiledScenario compiled(s);
    // One piece a face when pieces may be 2 km: 4 faces x 2 triangles + 2 ends x 2 = 12; the
    // outline: 4 long edges (left and right, at floor and ceiling) and 4 uprights at the ends.
    const AirspaceVolumes v = build_airspace_volumes(compiled, {VolumeLook::CorridorWarning});
    CHECK(v.triangles.size() == 12 * 3);
    CHECK(v.edges.size() == 8 * 2);
    REQUIRE(v.owners.size() == 1);
    CHECK(v.owners[0].kind == "corridor");
    CHECK(v.owners[0].id == "c1");
    CHECK(v.owners[0].look == VolumeLook::CorridorWarning);
    // No hub under it: its ground is sea level, so the band is 60 to 120 m AMSL.
    CHECK(heights(v) == std::set<double>{60, 120});
    // 100 m across on the ellipsoid, north-south at 22.5 N, is 100 / M degrees of latitude
    // (M, the meridian's radius of curvature there, 6,344,767 m), which spherical Mercator
    // stretches by R / cos(lat) (R = 6,378,137 m): 100 x 6378137 / (6344767 x 0.92388) = 108.81 m.
    double south = 1e300, north = -1e300;
    for (const auto& p : v.vertices) south = std::min(south, p.at.y_m), north = std::max(north, p.at.y_m);
    CHECK(north - south == Approx(108.81).epsilon(2e-4));

    // Pieces of at most 500 m: each long face in ceil(1113.2 / 500) = 3, so 4 x 3 x 2 + 4 = 28.
    VolumeOptions small;
    small.max_piece_m = 500;
    CHECK(build_airspace_volumes(compiled, {}, small).triangles.size() == 28 * 3);
}

TEST_CASE("A zone is extruded from its floor to its ceiling, cut at the view's top", "[volumes]") {
    Scenario s;
    s.zones.push_back(square_zone(200));
    const CompiledScenario compiled(s);
    // Four walls of 2 triangles and a lid of 2; no floor (it is on the ground, which the map
    // draws). Outline: the ring at the floor and at the top, and 4 uprights.
    const AirspaceVolumes v = build_airspace_volumes(compiled, {});
    CHECK(v.triangles.size() == 10 * 3);
    CHECK(v.edges.size() == 12 * 2);
    CHECK(v.owners.at(0).look == VolumeLook::Restricted);
    CHECK(heights(v) == std::set<double>{0, 200});

    // A ceiling above the 300 m top is cut there and left open: walls only, no top ring.
    Scenario tall;
    tall.zones.push_back(square_zone(1000));
    const CompiledScenario tall_compiled(tall);
    const AirspaceVolumes t = build_airspace_volumes(tall_compiled, {});
    CHECK(t.triangles.size() == 8 * 3);
    CHECK(t.edges.size() == 8 * 2);
    CHECK(heights(t) == std::set<double>{0, 300});

    // A circle is a 72-gon: 72 walls; its lid is 70 triangles (some split to stay under 2 km).
    Scenario round;
    Zone c = square_zone(100);
    c.shape.kind = ZoneShape::Kind::Circle;
    c.shape.center = {22.6, 113.6};
    c.shape.radius_m = 500;  // sides of 43.6 m, the lid's longest chord 1 km: no splitting
    round.zones.push_back(c);
    const CompiledScenario round_compiled(round);
    const AirspaceVolumes r = build_airspace_volumes(round_compiled, {});
    CHECK(r.triangles.size() == (72 * 2 + 70) * 3);
    CHECK(r.edges.size() == 72 * 2 * 2);  // rings at floor and top; no uprights on a circle
}

TEST_CASE("The rules' ceiling is a plane at its height over the volumes", "[volumes]") {
    Scenario s;
    s.corridors.push_back(east_corridor());
    s.rules.ceiling_m_agl = 120;
    const CompiledScenario compiled(s);
    VolumeOptions o;
    o.ceiling = true;
    const AirspaceVolumes v = build_airspace_volumes(compiled, {}, o);
    // The corridor's 12 and the plane over 1.2 x its 1113 x 108 m extent: one 8 km piece, 2 triangles.
    CHECK(v.triangles.size() == 14 * 3);
    CHECK(v.owners.back().kind == "ceiling");
    CHECK(v.triangle_owner.back() == 1);
}

TEST_CASE("Faces are drawn farthest first, and the order turns with the camera", "[volumes]") {
    // Two small flat faces, one 2 km north of the other, seen tilted from the south: the
    // northern one is farther. Turned to look south (bearing 180), the southern one is.
    AirspaceVolumes v;
    const MercatorPoint c = mercator::project({22.5, 113.7});
    for (const double dy : {-1000.0, 1000.0}) {
        const uint32_t base = uint32_t(v.vertices.size());
        v.vertices.push_back({{c.x_m, c.y_m + dy}, 100});
        v.vertices.push_back({{c.x_m + 10, c.y_m + dy}, 100});
        v.vertices.push_back({{c.x_m, c.y_m + dy + 10}, 100});
        v.triangles.insert(v.triangles.end(), {base, base + 1, base + 2});
        v.triangle_owner.push_back(0);
    }
    MapCamera camera({22.5, 113.7}, 12);
    camera.set_viewport(1280, 720, 1);
    camera.set_orientation(45, 0);
    std::vector<uint32_t> order;
    order_back_to_front(v, camera, order);
    CHECK(order == std::vector<uint32_t>{1, 0});
    camera.set_orientation(45, 180);
    order_back_to_front(v, camera, order);
    CHECK(order == std::vector<uint32_t>{0, 1});
}
