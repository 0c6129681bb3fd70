#include "mission/importers.h"

#include "core/text.h"

#include "scenario/scenario_io.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <functional>

#include "core/numbers.h"
#include "core/xml_reader.h"
#include "geo/gcj02.h"
#include "mission/geojson_scan.h"
#include "mission/plan_format.h"
#include "mission/waypoints_format.h"

namespace lowsky {

namespace {

constexpr double kDefaultWidth_m = 100;
const AltitudeBand kDefaultCorridorBand{{60, AltitudeReference::AboveGround}, {110, AltitudeReference::AboveGround}};
const AltitudeBand kDefaultZoneBand{{0, AltitudeReference::AboveGround}, {500, AltitudeReference::AboveGround}};

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A position with an optional altitude, as shape files carry them.
struct ShapePoint {
    GeoPoint p;
    std::optional<double> alt_m;
};

GeoPoint to_wgs84(GeoPoint p, const ImportOptions& o) { return o.from_gcj02 ? gcj02_to_wgs84(p) : p; }

// Band around the altitudes a shape carries: a corridor's lies 20 m either side of their
// mean; a zone reaches from the ground to their highest.
AltitudeBand band_from(const std::vector<ShapePoint>& pts, std::optional<AltitudeReference> ref, bool corridor, std::vector<std::string>& notes,
                       const std::string& what) {
    std::vector<double> alts;
    for (const auto& p : pts) if (p.alt_m) alts.push_back(*p.alt_m);
    if (!ref || alts.empty()) {
        notes.push_back(what + ": no altitude in the file, default band " + describe((corridor ? kDefaultCorridorBand : kDefaultZoneBand).floor) + " to " +
                        describe((corridor ? kDefaultCorridorBand : kDefaultZoneBand).ceiling));
        return corridor ? kDefaultCorridorBand : kDefaultZoneBand;
    }
    if (corridor) {
        double mean = 0;
        for (double a : alts) mean += a;
        mean /= double(alts.size());
        return {{mean - 20, *ref}, {mean + 20, *ref}};
    }
    return {{*ref == AltitudeReference::Amsl ? -100.0 : 0.0, *ref}, {*std::max_element(alts.begin(), alts.end()), *ref}};
}

Corridor make_corridor(const std::string& id, const std::string& name, const std::vector<ShapePoint>& pts, std::optional<AltitudeReference> ref,
                       double width, std::vector<std::string>& notes) {
    Corridor c;
    c.id = id;
    c.name = name.empty() ? id : name;
    for (const auto& p : pts) c.centreline.push_back(p.p);
    c.width_m = width;
    c.band = band_from(pts, ref, true, notes, id);
    c.speed_limit_m_s = 15;
    return c;
}

Zone make_zone(const std::string& id, const std::string& name, std::vector<ShapePoint> pts, std::optional<AltitudeReference> ref,
               std::vector<std::string>& notes) {
    // Rings come closed in KML and GeoJSON; zones keep them open.
    if (pts.size() > 1 && pts.front().p.lat_deg == pts.back().p.lat_deg && pts.front().p.lon_deg == pts.back().p.lon_deg) pts.pop_back();
    Zone z;
    z.id = id;
    z.name = name.empty() ? id : name;
    z.kind = ZoneKind::NoFly;
    for (const auto& p : pts) z.shape.polygon.push_back(p.p);
    z.band = band_from(pts, ref, false, notes, id);
    z.source = "imported";
    notes.push_back(id + ": imported as a no-fly zone; set its kind");
    return z;
}

// ---- KML ----------------------------------------------------------------------------------

Result<std::vector<ShapePoint>> kml_coordinates(const XmlElement* coordinates, const std::string& where, const ImportOptions& o) {
    if (!coordinates) return make_error("no <coordinates>", where);
    std::vector<ShapePoint> out;
    const std::string& t = coordinates->text;
    size_t i = 0;
    while (i < t.size()) {
        while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
        if (i >= t.size()) break;
        size_t j = i;
        while (j < t.size() && !std::isspace(static_cast<unsigned char>(t[j]))) ++j;
        const std::string tuple = t.substr(i, j - i);
        // Its first 40 bytes, quoted: the cut can fall inside a character, which printable() escapes.
        const auto bad_tuple = [&] { return make_error("bad coordinate tuple \"" + printable(std::string_view(tuple).substr(0, 40)) + "\"", where); };
        double v[3] = {0, 0, 0};
        int n = 0;
        // Decimal numbers as written (strtod would also take hexadecimal, and costs ten times
        // as much in WebAssembly).
        const char* c = tuple.data();
        const char* const tuple_end = c + tuple.size();
        while (n < 3) {
            const char* stop = nullptr;
            const auto value = parse_decimal_prefix(c, tuple_end, stop);
            if (!value || !std::isfinite(*value)) return bad_tuple();
            v[n++] = *value;
            if (stop == tuple_end) break;
            if (*stop != ',') return bad_tuple();
            c = stop + 1;
        }
        if (n < 2) return make_error("a coordinate needs longitude and latitude", where);
        if (std::abs(v[1]) > 90 || std::abs(v[0]) > 180) return make_error("coordinate out of range (KML writes longitude first)", where);
        out.push_back({to_wgs84({v[1], v[0]}, o), n == 3 ? std::optional<double>(v[2]) : std::nullopt});
        i = j;
    }
    return out;
}

std::optional<AltitudeReference> kml_reference(const XmlElement& geometry) {
    const XmlElement* mode = geometry.child("altitudeMode");
    const std::string m = mode ? mode->text : "clampToGround";
    if (m.find("absolute") != std::string::npos) return AltitudeReference::Amsl;
    if (m.find("relativeToGround") != std::string::npos) return AltitudeReference::AboveGround;
    return std::nullopt;  // clamped to the ground: the altitudes mean nothing
}

std::string clean_id(std::string name, const std::string& prefix, size_t index) {
    std::string id;
    for (char c : lower(name)) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
    while (!id.empty() && id.back() == '-') id.pop_back();
    while (!id.empty() && id.front() == '-') id.erase(id.begin());
    return id.empty() ? prefix + std::to_string(index) : id;
}

}  // namespace

Result<Imported> import_kml(std::string_view text, const std::string& source, const ImportOptions& o) {
    auto doc = parse_xml(text, source);
    if (!doc) return doc.error();
    if (doc.value()->local_name() != "kml") return make_error("not a KML document (the root is <" + doc.value()->name + ">)", source);
    Imported out;
    out.format = "kml";
    std::vector<const XmlElement*> placemarks;
    doc.value()->find_all("Placemark", placemarks);
    size_t n = 0;
    for (const XmlElement* pm : placemarks) {
        ++n;
        const XmlElement* name_el = pm->child("name");
        const std::string name = name_el ? name_el->text : "";
        const std::string where = source + ":" + std::to_string(pm->line);
        // What lowsky's own KML carries: a corridor as the scenario holds it (its footprint polygon
        // is only its picture), and the flight path (a picture of the mission, not a corridor).
        const XmlElement* style = pm->child("styleUrl");
        std::vector<const XmlElement*> data;
        pm->find_all("Data", data);
        bool own = false;
        for (const XmlElement* d : data) {
            bool is_corridor = false;
            for (const auto& [k, v] : d->attributes) is_corridor = is_corridor || (k == "name" && v == "lowsky_corridor");
            const XmlElement* value = d->child("value");
            if (!is_corridor || !value) continue;
            auto parsed = parse_json_text(value->text, where);
            if (!parsed) return parsed.error();
            ObjectRead read = object_from_json(ObjectKind::Corridor, parsed.value(), where);
            if (!read.object) return read.errors.empty() ? make_error("not a lowsky corridor", where) : read.errors.front();
            out.corridors.push_back(std::get<Corridor>(*read.object));
            own = true;
        }
        if (own) continue;
        if (style && style->text == "#path") {
            out.notes.push_back("the flight path is a picture of the mission, not a corridor: left out");
            continue;
        }
        std::vector<const XmlElement*> lines, polygons;
        pm->find_all("LineString", lines);
        pm->find_all("Polygon", polygons);
        for (const XmlElement* l : lines) {
            auto pts = kml_coordinates(l->child("coordinates"), where, o);
            if (!pts) return pts.error();
            if (pts.value().size() < 2) return make_error("a line needs 2 or more points", where);
            out.corridors.push_back(make_corridor(clean_id(name, "kml-line-", n), name, pts.value(), kml_reference(*l), kDefaultWidth_m, out.notes));
        }
        for (const XmlElement* poly : polygons) {
            const XmlElement* outer = poly->child("outerBoundaryIs");
            const XmlElement* ring = outer ? outer->child("LinearRing") : nullptr;
            auto pts = kml_coordinates(ring ? ring->child("coordinates") : nullptr, where, o);
            if (!pts) return pts.error();
            if (pts.value().size() < 4) return make_error("a polygon ring needs 3 or more distinct points", where);
            out.zones.push_back(make_zone(clean_id(name, "kml-area-", n), name, pts.value(), kml_reference(*poly), out.notes));
        }
    }
    if (out.corridors.empty() && out.zones.empty()) return make_error("no LineString or Polygon placemarks", source);
    for (const auto& c : out.corridors) if (c.width_m == kDefaultWidth_m) { out.notes.push_back("corridor widths default to 100 m"); break; }
    return out;
}

// ---- GeoJSON ------------------------------------------------------------------------------

namespace {

Result<std::vector<ShapePoint>> geojson_positions(const Json& list, const std::string& where, const ImportOptions& o) {
    if (!list.is_array()) return make_error("expected an array of positions", where);
    std::vector<ShapePoint> out;
    for (size_t i = 0; i < list.size(); ++i) {
        const Json& p = list[i];
        const std::string at = where + "[" + std::to_string(i) + "]";
        if (!p.is_array() || p.size() < 2 || p.size() > 3) return make_error("a position is [longitude, latitude] or [longitude, latitude, altitude]", at);
        for (const auto& v : p) if (!v.is_number()) return make_error("a position holds numbers only", at);
        const double lon = p[0].get<double>(), lat = p[1].get<double>();
        if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lat) > 90 || std::abs(lon) > 180) return make_error("position out of range (GeoJSON writes longitude first)", at);
        std::optional<double> alt;
        if (p.size() == 3) {
            alt = p[2].get<double>();
            if (!std::isfinite(*alt)) return make_error("altitude is not finite", at);
        }
        out.push_back({to_wgs84({lat, lon}, o), alt});
    }
    return out;
}

// A feature's coordinates, from the tree or from the text the scanner kept, parsed only when
// first asked for: a circle zone's ring is kilobytes the importer never reads.
class FeatureCoordinates {
public:
    FeatureCoordinates(const Json& geometry, std::string_view text) : geometry_(geometry), text_(text) {}
    const Json& get() {
        if (text_.empty()) return geometry_["coordinates"];
        if (!parsed_) parsed_ = parse_scanned_coordinates(text_);
        return *parsed_;
    }

private:
    const Json& geometry_;
    std::string_view text_;
    std::optional<Json> parsed_;
};

// A corridor or zone that lowsky wrote: its properties and geometry put back into the scenario's
// own form and read with the scenario's reader, so that what went out comes back exactly. The
// properties it uses are moved out of `props`, which is not read again.
Result<ScenarioObject> own_object(ObjectKind kind, const std::string& id, const std::string& name, FeatureCoordinates& coordinates, Json& props,
                                  const std::function<std::string()>& path) {
    Json o = Json::object();
    o["id"] = id;
    o["name"] = name;
    auto point = [](const Json& lon, const Json& lat) {  // built member by member: an initializer list costs several times more
        Json p = Json::object();
        auto& members = p.get_ref<Json::object_t&>();
        members.emplace_hint(members.end(), "lat_deg", lat.get<double>());
        members.emplace_hint(members.end(), "lon_deg", lon.get<double>());
        return p;
    };
    auto points = [&](const Json& positions, bool ring) {
        Json list = Json::array();
        if (!positions.is_array()) return list;
        for (const auto& c : positions)
            if (c.is_array() && c.size() >= 2 && c[0].is_number() && c[1].is_number()) list.push_back(point(c[0], c[1]));
        if (ring && list.size() > 1 && list.front() == list.back()) list.erase(list.end() - 1);  // zones keep rings open
        return list;
    };
    auto move = [&](const char* from, const char* to) {
        if (Json* v = json_member(props, from)) o[to] = std::move(*v);
    };
    if (kind == ObjectKind::Corridor) {
        o["centreline"] = points(coordinates.get(), false);
        for (const char* k : {"width_m", "floor", "ceiling", "direction", "lanes", "speed_limit_m_s", "drone_types", "approval", "border_approval"}) move(k, k);
    } else {
        move("zone_kind", "kind");
        for (const char* k : {"jurisdiction", "floor", "ceiling", "time_windows", "source"}) move(k, k);
        const Json* c = json_member(props, "circle");
        if (c && c->is_object()) {
            Json circle = Json::object();
            const Json* center = json_member(*c, "center");
            if (center && center->is_array() && center->size() >= 2 && (*center)[0].is_number() && (*center)[1].is_number())
                circle["center"] = point((*center)[0], (*center)[1]);
            if (const Json* radius = json_member(*c, "radius_m")) circle["radius_m"] = *radius;
            o["circle"] = std::move(circle);
        } else {
            const Json& rings = coordinates.get();
            o["polygon"] = rings.is_array() && !rings.empty() ? points(rings[0], true) : Json::array();
        }
    }
    ObjectRead read = object_from_json(kind, o, path() + ".properties");
    if (!read.object) return read.errors.empty() ? make_error("not a lowsky " + std::string(to_string(kind)), path()) : read.errors.front();
    return std::move(*read.object);
}

// A string member of an object, or empty when absent or not a string.
std::string string_member(const Json& object, std::string_view key) {
    const Json* v = json_member(object, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::optional<AltitudeReference> geojson_reference(const Json& props) {
    const Json* reference = json_member(props, "altitude_reference");
    if (reference && reference->is_string()) return altitude_reference_from(reference->get<std::string>());
    return AltitudeReference::Amsl;  // RFC 7946: altitude is height above the WGS84 ellipsoid, close to AMSL here
}

// A feature of the document, with its coordinates as text when the scanner kept them so.
struct FeatureAt {
    Json* feature;
    std::string_view coordinates_text;
};

// The document, from its whole tree or (with `scanned`) from scan_geojson: the same reading, so
// that both give the same result or the same error. Both trees are the caller's to spend: the
// properties of lowsky's own objects are moved out of them.
Result<Imported> read_geojson_document(Json& root, std::vector<ScannedFeature>* scanned, const std::string& source, const ImportOptions& o) {
    const Json* root_type = json_member(root, "type");
    if (!root_type || !root_type->is_string()) return make_error("not a GeoJSON object (no \"type\")", "$");
    std::vector<FeatureAt> features;
    const std::string& type = root_type->get_ref<const std::string&>();
    bool collection = false;
    if (type == "FeatureCollection") {
        Json* list = json_member(root, "features");
        if (!list || !list->is_array()) return make_error("a FeatureCollection needs \"features\"", "$.features");
        collection = true;
        const size_t count = scanned ? scanned->size() : list->size();
        features.reserve(count);
        for (size_t i = 0; i < count; ++i) {
            if (scanned) features.push_back({&(*scanned)[i].feature, (*scanned)[i].coordinates});
            else features.push_back({&(*list)[i], {}});
        }
    } else if (type == "Feature") {
        features.push_back({&root, {}});
    } else {
        return make_error("expected a FeatureCollection or a Feature, found \"" + type + "\"", "$.type");
    }
    Imported out;
    out.format = "geojson";
    out.name = string_member(root, "name");
    size_t generated = 0;
    Json no_properties = Json::object();
    for (size_t i = 0; i < features.size(); ++i) {
        Json& f = *features[i].feature;
        // Where the feature is, written only for a message or an object's reader.
        const std::function<std::string()> path = [&] { return collection ? "$.features[" + std::to_string(i) + "]" : std::string("$"); };
        const Json* g = json_member(f, "geometry");
        if (!g) return make_error("a feature needs a geometry", path());
        if (g->is_null()) continue;
        const Json* gtype_value = json_member(*g, "type");
        if (!gtype_value || !gtype_value->is_string() || !json_member(*g, "coordinates"))
            return make_error("a geometry needs \"type\" and \"coordinates\"", path() + ".geometry");
        Json* found = json_member(f, "properties");
        Json& props = found ? *found : no_properties;  // not copied: a footprint's are kilobytes
        const std::string kind = string_member(props, "kind");
        if (kind == "corridor_footprint" || kind == "route") continue;  // lowsky's own derived shapes
        std::string id = string_member(f, "id");
        const std::string name = string_member(props, "name");
        const std::string& gtype = gtype_value->get_ref<const std::string&>();
        const Json* width_value = json_member(props, "width_m");
        const double width = width_value && width_value->is_number() && width_value->get<double>() > 0 ? width_value->get<double>() : kDefaultWidth_m;
        const bool own = (kind == "corridor" && gtype == "LineString") || (kind == "zone" && gtype == "Polygon");
        if (own) {
            const Json* flag = json_member(props, "generated");
            if (flag && flag->is_boolean() && flag->get<bool>()) {
                ++generated;
                continue;
            }
        }
        if (!own && gtype != "LineString" && gtype != "Polygon") continue;
        // Parsed only when read: the shapes left out above never are, nor a circle zone's ring.
        FeatureCoordinates lazy(*g, features[i].coordinates_text);
        // lowsky's own export: the object as the scenario holds it, read by the scenario's reader.
        if (own) {
            auto object = own_object(kind == "corridor" ? ObjectKind::Corridor : ObjectKind::Zone, id, name, lazy, props, path);
            if (!object) return object.error();
            if (kind == "corridor") out.corridors.push_back(std::get<Corridor>(std::move(object.value())));
            else out.zones.push_back(std::get<Zone>(std::move(object.value())));
            continue;
        }
        const Json& coordinates = lazy.get();
        const std::string where = path() + ".geometry.coordinates";
        if (gtype == "LineString") {
            auto pts = geojson_positions(coordinates, where, o);
            if (!pts) return pts.error();
            if (pts.value().size() < 2) return make_error("a line needs 2 or more positions", where);
            out.corridors.push_back(make_corridor(id.empty() ? "geojson-line-" + std::to_string(out.corridors.size() + 1) : id, name, pts.value(),
                                                  geojson_reference(props), width, out.notes));
        } else {
            if (!coordinates.is_array() || coordinates.empty()) return make_error("a polygon needs its outer ring", where);
            auto pts = geojson_positions(coordinates[0], where + "[0]", o);
            if (!pts) return pts.error();
            if (pts.value().size() < 4) return make_error("a ring needs 4 or more positions (closed)", where + "[0]");
            out.zones.push_back(make_zone(id.empty() ? "geojson-area-" + std::to_string(out.zones.size() + 1) : id, name, pts.value(), geojson_reference(props), out.notes));
        }
    }
    if (generated > 0)
        out.notes.push_back(std::to_string(generated) + " zone" + (generated == 1 ? "" : "s") +
                            " generated from airports left out: a scenario makes them from its airports' runways");
    if (out.corridors.empty() && out.zones.empty()) return make_error("no LineString or Polygon features", source);
    return out;
}

}  // namespace

Result<Imported> import_geojson(std::string_view text, const std::string& source, const ImportOptions& o) {
    if (auto scanned = scan_geojson(text)) return read_geojson_document(scanned->root, &scanned->features, source, o);
    return import_geojson_as_tree(text, source, o);
}

Result<Imported> import_geojson_as_tree(std::string_view text, const std::string& source, const ImportOptions& o) {
    auto parsed = parse_json_text(text, source);
    if (!parsed) return parsed.error();
    return read_geojson_document(parsed.value(), nullptr, source, o);
}

Result<Imported> import_file(const std::string& path, std::string_view text, const ImportOptions& o) {
    const std::string name = lower(path);
    auto ends = [&](const char* ext) { return name.size() >= std::string(ext).size() && name.compare(name.size() - std::string(ext).size(), std::string::npos, ext) == 0; };
    if (ends(".plan")) {
        auto m = read_plan(text, path);
        if (!m) return m.error();
        Imported out;
        out.format = "plan";
        out.mission = std::move(m.value());
        return out;
    }
    if (ends(".waypoints") || ends(".txt")) {
        auto m = read_waypoints(text, path);
        if (!m) return m.error();
        Imported out;
        out.format = "waypoints";
        out.mission = std::move(m.value());
        return out;
    }
    if (ends(".kml")) return import_kml(text, path, o);
    if (ends(".geojson") || ends(".json")) return import_geojson(text, path, o);
    return make_error("unknown file type: lowsky imports .plan, .waypoints, .kml and .geojson", path);
}

Json describe_import(const Imported& in) {
    Json out{{"format", in.format}, {"notes", in.notes}};
    std::string summary;
    if (in.mission) {
        const Mission& m = *in.mission;
        Json items = Json::array();
        size_t positional = 0;
        for (const auto& it : m.items) {
            positional += mav::is_positional(it.command);
            Json params = Json::array();
            for (double p : it.params) params.push_back(std::isfinite(p) ? Json(p) : Json(nullptr));
            items.push_back({{"command", it.command}, {"frame", it.frame}, {"params", params}, {"lat_deg", it.lat_deg}, {"lon_deg", it.lon_deg},
                             {"alt_m", it.alt_m}, {"autocontinue", it.autocontinue}});
        }
        out["mission"] = {{"firmware", to_string(m.firmware)}, {"vehicle_type", m.vehicle_type},
                          {"home", {{"lat_deg", m.home.lat_deg}, {"lon_deg", m.home.lon_deg}, {"alt_m_amsl", m.home_alt_m_amsl}}},
                          {"items", items}, {"fence_polygons", m.fence_polygons.size()}, {"fence_circles", m.fence_circles.size()},
                          {"rally_points", m.rally_points.size()}, {"notes", m.notes}};
        if (!m.gate_override.empty()) out["mission"]["safety_gate_override"] = m.gate_override;
        summary = std::to_string(m.items.size()) + " mission items (" + std::to_string(positional) + " with a position) for " + to_string(m.firmware) +
                  ", home " + std::to_string(m.home.lat_deg) + ", " + std::to_string(m.home.lon_deg) + ", " + std::to_string(m.fence_polygons.size()) +
                  " fence polygons, " + std::to_string(m.fence_circles.size()) + " fence circles, " + std::to_string(m.rally_points.size()) + " rally points";
    } else {
        Json corridors = Json::array(), zones = Json::array();
        for (const auto& c : in.corridors) corridors.push_back({{"id", c.id}, {"name", c.name}, {"points", c.centreline.size()}, {"width_m", c.width_m},
                                                                {"floor", describe(c.band.floor)}, {"ceiling", describe(c.band.ceiling)}});
        for (const auto& z : in.zones) zones.push_back({{"id", z.id}, {"name", z.name}, {"points", z.shape.polygon.size()},
                                                        {"floor", describe(z.band.floor)}, {"ceiling", describe(z.band.ceiling)}});
        out["corridors"] = corridors;
        out["zones"] = zones;
        summary = std::to_string(in.corridors.size()) + " corridor(s) and " + std::to_string(in.zones.size()) + " zone(s)";
    }
    out["summary"] = summary;
    return out;
}

}  // namespace lowsky
