#include "places/places.h"

#include "core/json_read.h"

namespace lowsky {

namespace {

Result<GeoPoint> read_position(const JsonObjectReader& in) {
    auto lat = in.number_in("lat_deg", -90.0, 90.0);
    if (!lat) return lat.error();
    auto lon = in.number_in("lon_deg", -180.0, 180.0);
    if (!lon) return lon.error();
    return GeoPoint{lat.value(), lon.value()};
}

Result<GeoPoint> read_pair(const Json& v, const std::string& path) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number())
        return make_error("expected [lat_deg, lon_deg]", path);
    const double lat = v[0].get<double>(), lon = v[1].get<double>();
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return make_error("coordinates out of range", path);
    return GeoPoint{lat, lon};
}

Result<std::string> read_nonempty(const JsonObjectReader& in, const std::string& key) {
    auto s = in.string(key);
    if (s && s.value().empty()) return make_error("must not be empty", in.member_path(key));
    return s;
}

// The members every catalog entry has: an identifier under `id_key`, a name, a position.
struct NamedPoint {
    std::string id, name;
    GeoPoint position;
};

Result<NamedPoint> read_named_point(const JsonObjectReader& in, const std::string& id_key) {
    auto id = read_nonempty(in, id_key);
    if (!id) return id.error();
    auto name = read_nonempty(in, "name");
    if (!name) return name.error();
    auto position = read_position(in);
    if (!position) return position.error();
    return NamedPoint{id.value(), name.value(), position.value()};
}

// "name_zh" into `name_zh` when given (then not empty).
std::optional<Error> read_name_zh(const JsonObjectReader& in, std::string& name_zh) {
    if (!in.has("name_zh")) return std::nullopt;
    auto zh = read_nonempty(in, "name_zh");
    if (!zh) return zh.error();
    name_zh = zh.value();
    return std::nullopt;
}

// A place's "quality" and "name_zh", when given.
std::optional<Error> read_optional_texts(const JsonObjectReader& in, Place& place) {
    if (in.has("quality")) {
        auto q = in.string("quality");
        if (!q) return q.error();
        place.quality = q.value();
    }
    return read_name_zh(in, place.name_zh);
}

}  // namespace

Result<PlaceCatalog> parse_places(std::string_view json_text, const std::string& source) {
    auto parsed = parse_json_text(json_text, source);
    if (!parsed) return parsed.error();
    const Json& root = parsed.value();
    JsonObjectReader doc(root, "$");
    auto format = doc.string("format");
    if (!format) return format.error();
    if (format.value() != "lowsky-places") return make_error("expected \"lowsky-places\", found \"" + format.value() + "\"", "$.format");
    auto version = doc.number("version");
    if (!version) return version.error();
    if (version.value() > kPlacesFormatVersion)
        return make_error("version " + root["version"].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + " is newer than this lowsky reads (" + std::to_string(kPlacesFormatVersion) + ")", "$.version");
    if (version.value() != kPlacesFormatVersion) return make_error("unsupported version " + root["version"].dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "$.version");

    PlaceCatalog catalog;
    auto places = doc.array("places");
    if (!places) return places.error();
    for (size_t i = 0; i < places.value()->size(); ++i) {
        JsonObjectReader item((*places.value())[i], "$.places[" + std::to_string(i) + "]");
        auto named = read_named_point(item, "id");
        if (!named) return named.error();
        Place place{named->id, named->name, named->position, {}, {}, PlaceKind::Site};
        if (auto error = read_optional_texts(item, place)) return *error;
        catalog.places.push_back(std::move(place));
    }

    auto airports = doc.array("airports");
    if (!airports) return airports.error();
    for (size_t i = 0; i < airports.value()->size(); ++i) {
        const std::string path = "$.airports[" + std::to_string(i) + "]";
        JsonObjectReader item((*airports.value())[i], path);
        auto named = read_named_point(item, "icao");
        if (!named) return named.error();
        Airport airport{named->id, named->name, {}, named->position, {}};
        if (auto error = read_name_zh(item, airport.name_zh)) return *error;
        auto runways = item.array("runways");
        if (!runways) return runways.error();
        for (size_t k = 0; k < runways.value()->size(); ++k) {
            const std::string rpath = path + ".runways[" + std::to_string(k) + "]";
            JsonObjectReader runway((*runways.value())[k], rpath);
            auto from = runway.array("from");
            if (!from) return from.error();
            auto to = runway.array("to");
            if (!to) return to.error();
            auto a = read_pair(*from.value(), rpath + ".from");
            if (!a) return a.error();
            auto b = read_pair(*to.value(), rpath + ".to");
            if (!b) return b.error();
            airport.runways.push_back({a.value(), b.value()});
        }
        catalog.airports.push_back(std::move(airport));
    }

    if (doc.has("cities")) {
        auto cities = doc.array("cities");
        if (!cities) return cities.error();
        for (size_t i = 0; i < cities.value()->size(); ++i) {
            JsonObjectReader item((*cities.value())[i], "$.cities[" + std::to_string(i) + "]");
            auto named = read_named_point(item, "id");
            if (!named) return named.error();
            auto kind = item.string("kind");
            if (!kind) return kind.error();
            if (kind.value() != "city" && kind.value() != "district")
                return make_error("expected \"city\" or \"district\", found \"" + kind.value() + "\"", item.member_path("kind"));
            Place city{named->id, named->name, named->position, {}, {}, kind.value() == "city" ? PlaceKind::City : PlaceKind::District};
            if (auto error = read_optional_texts(item, city)) return *error;
            catalog.cities.push_back(std::move(city));
        }
    }
    return catalog;
}

}  // namespace lowsky
