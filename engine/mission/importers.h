#pragma once
// Imports: .plan and .waypoints back into a mission; KML and GeoJSON line strings and
// polygons as corridors and zones (with their altitude when the file has one). Files from
// Chinese web maps are in GCJ-02: `from_gcj02` converts them to WGS84 first.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_read.h"
#include "core/result.h"
#include "mission/mission.h"
#include "scenario/scenario.h"

namespace lowsky {

struct ImportOptions {
    bool from_gcj02 = false;
};

struct Imported {
    std::string format;                 // "plan", "waypoints", "kml", "geojson"
    std::string name;                   // the document's own name, when it gives one
    std::optional<Mission> mission;     // .plan and .waypoints
    std::vector<Corridor> corridors;    // KML and GeoJSON
    std::vector<Zone> zones;
    std::vector<std::string> notes;     // what was assumed (default widths, bands)
};

// The format comes from the file name's extension.
Result<Imported> import_file(const std::string& path, std::string_view text, const ImportOptions& options);
Result<Imported> import_kml(std::string_view text, const std::string& source, const ImportOptions& options);
Result<Imported> import_geojson(std::string_view text, const std::string& source, const ImportOptions& options);
// The same reading from the document's whole tree: the reference import_geojson is checked
// against (it reads the coordinates of the shapes it uses straight from the text).
Result<Imported> import_geojson_as_tree(std::string_view text, const std::string& source, const ImportOptions& options);

// A JSON description of what was imported, with a one-line "summary".
Json describe_import(const Imported& imported);

}  // namespace lowsky
