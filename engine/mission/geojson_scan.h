#pragma once
// A GeoJSON FeatureCollection read without building a tree for its coordinates: most of an
// exported file is the footprints' rings, which the importer never uses. Each feature is a tree
// except its geometry's "coordinates", kept as the text they are (checked as JSON, parsed only
// when asked). Nothing when the text is not the plain case (not JSON, no features array, a key
// that matters given twice); the importer then reads the whole tree, which says what is wrong.

#include <optional>
#include <string_view>
#include <vector>

#include "core/json_read.h"

namespace lowsky {

struct ScannedFeature {
    Json feature;                     // "geometry"."coordinates" is null here when `coordinates` holds them
    std::string_view coordinates;     // their text, or empty when the tree holds them
};

struct ScannedGeoJson {
    Json root;                        // "features" is an empty array here
    std::vector<ScannedFeature> features;
};

std::optional<ScannedGeoJson> scan_geojson(std::string_view text);

// Coordinates kept as text by scan_geojson, parsed (they are known to be JSON).
Json parse_scanned_coordinates(std::string_view text);

}  // namespace lowsky
