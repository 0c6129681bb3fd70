#include "mission/geojson_scan.h"

#include "core/json_fast.h"

namespace lowsky {

namespace {

// Where the coordinates sit: root (1), features (2), feature (3), geometry (4).
constexpr size_t kCoordinatesDepth = 4;

bool scan_feature(JsonScanner& in, ScannedFeature& out) {
    if (in.peek() != '{') return in.value(out.feature, 2);
    const auto read_coordinates = [&](Json& slot) {
        in.skip_space();
        const char* from = in.position();
        if (!in.skip_value(kCoordinatesDepth)) return false;
        out.coordinates = std::string_view(from, size_t(in.position() - from));
        slot = nullptr;
        return true;
    };
    const auto read_geometry = [&](Json& slot) {
        if (in.peek() != '{') return in.value(slot, 3);
        return in.object_except(kCoordinatesDepth, slot, "coordinates", read_coordinates);
    };
    return in.object_except(3, out.feature, "geometry", read_geometry);
}

}  // namespace

std::optional<ScannedGeoJson> scan_geojson(std::string_view text) {
    if (text.size() > kMaxJsonBytes) return std::nullopt;
    JsonScanner in(text, kMaxJsonDepth);
    in.skip_bom();
    ScannedGeoJson doc;
    bool features_scanned = false;
    const auto read_features = [&](Json& slot) {
        if (in.peek() != '[') return in.value(slot, 1);
        features_scanned = true;
        slot = Json::array();
        return in.elements([&] { return scan_feature(in, doc.features.emplace_back()); });
    };
    if (in.peek() != '{' || !in.object_except(1, doc.root, "features", read_features) || !in.at_end() || !features_scanned) return std::nullopt;
    return doc;
}

Json parse_scanned_coordinates(std::string_view text) {
    JsonScanner in(text, kMaxJsonDepth);
    Json out;
    in.value(out, kCoordinatesDepth);
    return out;
}

}  // namespace lowsky
