#include <catch2/catch.hpp>

#include "airspace/airport_zones.h"
#include "geo/local_frame.h"
#include "geo/planar.h"
#include "fixtures.h"

using namespace lowsky;

namespace {
bool inside(const Zone& z, GeoPoint p) {
    const LocalFrame frame(p);
    std::vector<LocalPoint> poly;
    for (const auto& q : z.shape.polygon) poly.push_back(frame.to_local(q));
    return planar::polygon_contains(poly, {0, 0});
}
}  // namespace

TEST_CASE("ZGSZ zones follow the reference's rule", "[airspace]") {
    const Scenario s = test::load_scenario("assets/scenarios/gba.json");
    const AirportZones* zgsz = nullptr;
    for (const auto& a : s.airport_zones) if (a.icao == "ZGSZ") zgsz = &a;
    REQUIRE(zgsz);
    const auto zones = generate_airport_zones(*zgsz);
    REQUIRE(zones.size() == 2);
    const Zone& protection = zones[0];
    const Zone& core = zones[1];
    CHECK(protection.kind == ZoneKind::Controlled);
    CHECK(core.kind == ZoneKind::NoFly);
    CHECK(protection.id == "ZGSZ-protection");

    struct Case { GeoPoint p; bool in_core, in_protection; const char* what; };
    const Case cases[] = {
        {{22.6393, 113.8110}, true, true, "the airport reference point"},
        {{22.55213, 113.88288}, false, true, "Bao'an operations centre: 3.5 km off the centreline, 11 km beyond the runway ends"},
        {{22.70, 113.93}, false, false, "the Shiyan junction, 16 km off the centreline"},
        {{22.920, 113.900}, false, false, "Songshan Lake"},
        {{22.75, 113.75}, false, true, "on the extended centreline, 12 km north-west of the runways"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(inside(core, c.p) == c.in_core);
        CHECK(inside(protection, c.p) == c.in_protection);
    }
}

TEST_CASE("An airport without runways generates nothing", "[airspace]") {
    AirportZones empty;
    empty.icao = "ZZZZ";
    CHECK(generate_airport_zones(empty).empty());
}
