#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "core/file_io.h"
#include "places/places.h"

using namespace lowsky;

namespace {
std::string read_text(const std::string& path) {
    auto bytes = read_file_bytes(path);
    REQUIRE(bytes.ok());
    return std::string(bytes.value().begin(), bytes.value().end());
}
}  // namespace

TEST_CASE("The bundled GBA places load", "[places]") {
    const std::string path = std::string(LOWSKY_SOURCE_DIR) + "/assets/places/gba_places.json";
    auto catalog = parse_places(read_text(path), path);
    REQUIRE(catalog.ok());
    CHECK(catalog->places.size() == 9);
    CHECK(catalog->airports.size() == 7);
    bool found_vhhh = false;
    for (const auto& a : catalog->airports) {
        if (a.icao == "VHHH") {
            found_vhhh = true;
            CHECK(a.runways.size() == 3);
            CHECK(a.reference_point.lat_deg == Approx(22.3089));
        }
    }
    CHECK(found_vhhh);
    // Cities and districts from tools/places/cities.tsv: ten cities, eighteen districts, each
    // with its Chinese name; Shenzhen where GeoNames puts it.
    CHECK(catalog->cities.size() == 28);
    CHECK(std::count_if(catalog->cities.begin(), catalog->cities.end(), [](const Place& p) { return p.kind == PlaceKind::City; }) == 10);
    CHECK(std::all_of(catalog->cities.begin(), catalog->cities.end(), [](const Place& p) { return !p.name_zh.empty(); }));
    CHECK(catalog->cities[0].id == "shenzhen");
    CHECK(catalog->cities[0].name_zh == "深圳");
    CHECK(catalog->cities[0].position.lat_deg == Approx(22.54554));
    CHECK(catalog->places[0].name_zh == "宝安");
}

TEST_CASE("Broken place files name what and where", "[places]") {
    struct Case { const char* text; const char* where; const char* message_start; };
    const Case cases[] = {
        {R"({"format": "lowsky-places", "version": 1, "places": [], "airports": [)", "p.json:1:70", "invalid JSON"},
        {R"({"format": "other", "version": 1, "places": [], "airports": []})", "$.format", "expected \"lowsky-places\""},
        {R"({"format": "lowsky-places", "version": 2, "places": [], "airports": []})", "$.version", "version 2 is newer"},
        {R"({"format": "lowsky-places", "version": 1, "airports": []})", "$.places", "required member is missing"},
        {R"({"format": "lowsky-places", "version": 1, "places": [{"id": "a", "name": "A", "lat_deg": 95, "lon_deg": 1}], "airports": []})",
         "$.places[0].lat_deg", "value 95.0 is outside"},
        {R"({"format": "lowsky-places", "version": 1, "places": [{"id": "", "name": "A", "lat_deg": 5, "lon_deg": 1}], "airports": []})",
         "$.places[0].id", "must not be empty"},
        {R"({"format": "lowsky-places", "version": 1, "places": [], "airports": [{"icao": "X", "name": "Y", "lat_deg": 1, "lon_deg": 2, "runways": [{"from": [1, 2], "to": [1]}]}]})",
         "$.airports[0].runways[0].to", "expected [lat_deg, lon_deg]"},
        {R"({"format": "lowsky-places", "version": 1, "places": [{"id": "a", "name": "A", "lat_deg": "22", "lon_deg": 1}], "airports": []})",
         "$.places[0].lat_deg", "expected a number, found a string"},
        {R"({"format": "lowsky-places", "version": 1, "places": [], "airports": [], "cities": [{"id": "x", "name": "X", "kind": "town", "lat_deg": 22, "lon_deg": 113}]})",
         "$.cities[0].kind", "expected \"city\" or \"district\""},
        {R"({"format": "lowsky-places", "version": 1, "places": [{"id": "x", "name": "X", "name_zh": "", "lat_deg": 22, "lon_deg": 113}], "airports": []})",
         "$.places[0].name_zh", "must not be empty"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        auto r = parse_places(c.text, "p.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().where == c.where);
        CHECK(r.error().message.rfind(c.message_start, 0) == 0);
    }
}
