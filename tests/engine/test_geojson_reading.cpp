// import_geojson reads a FeatureCollection's coordinates from the text only for the shapes it
// uses and leaves anything unusual to the whole tree (import_geojson_as_tree). The two must
// agree on every file: the same corridors, zones and notes, or the same error in the same place.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fixtures.h"
#include "mission/geojson_scan.h"
#include "mission/importers.h"
#include "scenario/scenario_io.h"

using namespace lowsky;
using test::read_text;

namespace {

// What an import gives, as text: every object as the scenario writes it, the notes, or the error.
std::string outcome(const Result<Imported>& r) {
    if (!r) return "error: " + r.error().to_string();
    const Imported& in = r.value();
    std::string text = in.format + " \"" + in.name + "\"";
    const auto dump = [](const ScenarioObject& o) { return object_to_json(o).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace); };
    for (const auto& c : in.corridors) text += "\ncorridor " + dump(c);
    for (const auto& z : in.zones) text += "\nzone " + dump(z);
    for (const auto& n : in.notes) text += "\nnote: " + n;
    return text;
}

void check_agree(const std::string& text, const std::string& name) {
    INFO(name);
    CHECK(outcome(import_geojson(text, name, {})) == outcome(import_geojson_as_tree(text, name, {})));
    ImportOptions gcj;
    gcj.from_gcj02 = true;
    CHECK(outcome(import_geojson(text, name, gcj)) == outcome(import_geojson_as_tree(text, name, gcj)));
}

std::string edited(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("Every GeoJSON in the repository imports the same through the text reader and the tree", "[missions][geojson]") {
    const auto files = test::repository_files({"tests/fixtures/shapes", "tests/golden/missions"}, ".geojson");
    for (const std::string& relative : files) {
        const std::string text = read_text(relative);
        check_agree(text, relative);
        // The text reader takes every one of them (nothing falls back to the tree).
        const auto scanned = scan_geojson(text);
        REQUIRE(scanned.has_value());
        CHECK(scanned->features.size() == Json::parse(text)["features"].size());
    }
    CHECK(files.size() >= 6);
}

TEST_CASE("Unusual GeoJSON imports the same through the text reader and the tree", "[missions][geojson]") {
    // lowsky's own export: hubs, corridors with their footprints, zones and generated zones.
    const std::string base = read_text("tests/golden/missions/scenario.geojson");
    const std::string line = "\"type\": \"LineString\"";
    const std::string line_start = "\"geometry\": {\n    \"coordinates\": [\n     [\n      113.88288,";
    const std::string footprint = "\"kind\": \"corridor_footprint\"";
    const std::vector<std::pair<std::string, std::string>> edits = {
        {line, line + ", \"coordinates\": []"},                          // repeated: the tree reads the last
        {line, line + ", \"coordinates\": [[1, 2], [3, 4]]"},
        {line_start, "\"geometry\": null, \"geometry\": {\n    \"coordinates\": [\n     [\n      113.88288,"},
        {line_start, "\"geometry\": {\n    \"co\\u006frdinates\": [\n     [\n      113.88288,"},  // an escaped key
        {line_start, "\"geometry\": {\n    \"coordinates\": [\n     [\n      \"113.88288\","},
        {line_start, "\"geometry\": {\n    \"coordinates\": [\n     [\n      200,"},
        {line_start, "\"geometry\": {\n    \"coordinates\": [\n     [\n      113.88288e999,"},
        {line_start, "\"geometry\": {\n    \"coordinates\": [\n     [\n      \"\xC3\x28\","},  // not UTF-8
        {line_start, "\"geometry\": {\n    \"coordinates\": [\n     [\n      113.88288 113,"},  // not JSON
        {line_start, "\"geometry\": {\n    \"coordinates\": 7, \"x\": [\n     [\n      113.88288,"},
        {line_start, "\"geometry\": {\n    \"coordinates\": null, \"x\": [\n     [\n      113.88288,"},
        {line_start, "\"geometry\": [\n    \"coordinates\", [\n     [\n      113.88288,"},
        {line, "\"type\": \"Polygon\""},                                   // a corridor's line as a zone's shape
        {line, "\"type\": \"MultiLineString\""},
        {line, "\"type\": 5"},
        {footprint, "\"kind\": \"corridor\""},                             // a footprint taken as a corridor
        {footprint, "\"kind\": \"zone\""},
        {footprint, "\"kind\": \"other\""},                                // a footprint taken as a plain polygon
        {"\"generated\": true", "\"generated\": false"},
        {"\"generated\": true", "\"generated\": 1"},
        {"\"features\": [", "\"features\": [7, "},                          // a feature that is no object
        {"\"features\": [", "\"features\": [{\"type\": \"Feature\", \"geometry\": null}, "},
        {"\"features\": [", "\"features\": [{\"type\": \"Feature\"}, "},
        {"\"features\": [", "\"features\": [], \"features\": ["},           // repeated: the tree reads the last
        {"\"features\": [", "\"features\": {}, \"x\": ["},
        {"\"features\": [", "\"type\": \"Feature\", \"x\": ["},
        {"\"type\": \"FeatureCollection\"", "\"type\": \"Topology\""},
        {"\"type\": \"FeatureCollection\"", "\"type\": \"FeatureCollection\", \"type\": \"Feature\""},
    };
    for (const auto& [from, to] : edits) check_agree(edited(base, from, to), "replace " + from + " with " + to);
    check_agree("\xEF\xBB\xBF" + base, "with a byte order mark");
    check_agree(base + "  \n\t", "white space after");
    check_agree(base + std::string(1, '\0'), "a NUL after");
    check_agree(base.substr(0, base.size() / 2), "cut in half");
    check_agree(base.substr(0, base.find(line_start) + line_start.size()), "cut in a coordinate");
    // Nesting inside the coordinates: the limit falls the same way in both (they sit four
    // containers deep).
    for (const int arrays : {58, 59, 60, 61}) {
        const std::string deep = std::string(size_t(arrays), '[') + std::string(size_t(arrays), ']');
        check_agree(edited(base, line_start, "\"geometry\": {\n    \"coordinates\": [" + deep + ",\n     [\n      113.88288,"), "nested " + std::to_string(arrays));
        check_agree(edited(base, footprint, footprint + ", \"deep\": " + deep), "nested in properties " + std::to_string(arrays));
    }
    // A third-party file: properties before the geometry, no lowsky kinds.
    const std::string plain = read_text("tests/fixtures/shapes/corridor-and-zone.geojson");
    check_agree(edited(plain, "[[113.40, 22.50, 70], [113.45, 22.50, 90]]", "[[113.40, 22.50, 70], [113.45, 22.50, 90, 1]]"), "four numbers");
    check_agree(edited(plain, "[[113.40, 22.50, 70], [113.45, 22.50, 90]]", "[[113.40, 22.50, 70]]"), "one position");
    check_agree(edited(plain, "\"type\": \"Polygon\", \"coordinates\": [[[113.41", "\"type\": \"Polygon\", \"coordinates\": [[[1e400"), "a huge longitude");
    check_agree(edited(plain, "\"type\": \"Polygon\", \"coordinates\": [[[113.41, 22.49], [113.42, 22.49],", "\"type\": \"Polygon\", \"coordinates\": [[["),
                "a short ring");
}

TEST_CASE("The GeoJSON text reader keeps the last of a repeated member and reads escaped keys, as the tree does", "[missions][geojson]") {
    const std::string plain = read_text("tests/fixtures/shapes/corridor-and-zone.geojson");
    const std::string coordinates = "\"coordinates\": [[113.40, 22.50, 70], [113.45, 22.50, 90]]";
    auto repeated = import_geojson(edited(plain, coordinates, coordinates + ", \"coordinates\": [[113.1, 22.1], [113.2, 22.2], [113.3, 22.3]]"), "r.geojson", {});
    REQUIRE(repeated.ok());
    REQUIRE(repeated->corridors.size() == 1);
    CHECK(repeated->corridors[0].centreline.size() == 3);
    CHECK(repeated->corridors[0].centreline[2].lon_deg == 113.3);
    auto escaped = import_geojson(edited(plain, coordinates, "\"\\u0063oordinates\": [[113.5, 22.6], [113.6, 22.7]]"), "e.geojson", {});
    REQUIRE(escaped.ok());
    REQUIRE(escaped->corridors.size() == 1);
    CHECK(escaped->corridors[0].centreline[1].lat_deg == 22.7);
}
