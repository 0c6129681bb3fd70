#include "mission/shape_formats.h"

#include "scenario/scenario_io.h"

#include <algorithm>
#include <cstdio>

#include "core/json_read.h"
#include "core/json_write.h"
#include "core/numbers.h"
#include "core/xml_text.h"
#include "core/zip_writer.h"
#include "geo/geodesy.h"
#include "mission/footprint.h"

namespace lowsky {

namespace {

// "lon,lat[,alt]" appended to `out`: a route has hundreds of points, and a string for each
// was most of a KML export in WebAssembly.
void append_coordinate(std::string& out, GeoPoint p, std::optional<double> alt = std::nullopt) {
    append_fixed(out, p.lon_deg, 7);
    out += ',';
    append_fixed(out, p.lat_deg, 7);
    if (alt) out += ',', append_fixed(out, *alt, 2);
}

void append_ring_coordinates(std::string& out, const std::vector<GeoPoint>& ring) {
    for (const auto& p : ring) append_coordinate(out, p), out += ' ';
    if (!ring.empty()) append_coordinate(out, ring.front());  // KML and GeoJSON close rings explicitly
}

std::vector<std::string> corridors_of(const BuiltMission& built) {
    std::vector<std::string> ids;
    for (const Route* r : {&built.outbound, built.inbound ? &*built.inbound : nullptr}) {
        if (!r) continue;
        for (const auto& leg : r->legs) if (std::find(ids.begin(), ids.end(), leg.corridor) == ids.end()) ids.push_back(leg.corridor);
    }
    return ids;
}

std::string band_text(const AltitudeBand& b) { return describe(b.floor) + " to " + describe(b.ceiling); }

// A position the scenario holds, exactly as held: it comes back as it went out.
Json position_json(GeoPoint p) { return Json::array({p.lon_deg, p.lat_deg}); }

// A position computed with sines (a footprint's corner, a circle's point, the flown path):
// rounded to a millimetre's worth, since the last bit of a sine differs between the platforms'
// maths libraries and the file must not.
double degrees(double d) { return round_to_decimals(d, kComputedDegreeDecimals); }
Json computed_position_json(GeoPoint p) { return Json::array({degrees(p.lon_deg), degrees(p.lat_deg)}); }

Json ring_json(const std::vector<GeoPoint>& ring, bool computed) {
    const auto position = computed ? computed_position_json : position_json;
    Json r = Json::array();
    for (const auto& p : ring) r.push_back(position(p));
    if (!ring.empty()) r.push_back(position(ring.front()));
    return Json::array({r});
}

Json altitude_json(const Altitude& a) { return Json{{"value_m", a.value_m}, {"reference", to_string(a.reference)}}; }

std::string fixed(double v, int decimals) { return format_fixed(v, decimals); }

}  // namespace

std::string write_kml(const CompiledScenario& compiled, const BuiltMission& built, const RouteRequest& q, KmlAltitude altitude) {
    const Scenario& s = compiled.scenario();
    const bool absolute = altitude == KmlAltitude::Absolute;
    // Written piece by piece onto one string: no temporary for each piece.
    std::string out;
    out.reserve(8192 + 40 * built.flown_path.size());
    const auto escaped = [&out](std::string_view text) { append_xml_escaped(out, text); };
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n  <name>";
    escaped("lowsky: " + q.from_hub + " to " + q.to_hub + " (" + q.drone_type + ")");
    out += "</name>\n  <description>";
    for (const auto& n : built.mission.notes) escaped(n), out += '\n';
    if (!built.mission.gate_override.empty()) escaped("SAFETY GATE OVERRIDDEN: " + built.mission.gate_override), out += '\n';
    out += "</description>\n";
    out += "  <Style id=\"path\"><LineStyle><color>ff1e90ff</color><width>3</width></LineStyle><PolyStyle><color>401e90ff</color></PolyStyle></Style>\n";
    out += "  <Style id=\"corridor\"><LineStyle><color>ff6e9b00</color><width>1.5</width></LineStyle><PolyStyle><color>406e9b00</color></PolyStyle></Style>\n";
    out += "  <Style id=\"hub\"><IconStyle><scale>1.1</scale></IconStyle></Style>\n";
    out += "  <Placemark>\n    <name>Flight path</name>\n    <description>";
    out += absolute ? "altitudes AMSL" : "altitudes above ground, taken as heights above home (no terrain model)";
    out += "</description>\n    <styleUrl>#path</styleUrl>\n    <LineString>\n      <extrude>1</extrude>\n      <altitudeMode>";
    out += absolute ? "absolute" : "relativeToGround";
    out += "</altitudeMode>\n      <coordinates>";
    for (size_t i = 0; i < built.flown_path.size(); ++i) {
        const double h = absolute ? built.flown_height[i].m : built.flown_height[i].over(HeightAmsl(built.mission.home_alt_m_amsl));
        if (i) out += ' ';
        append_coordinate(out, built.flown_path[i], h);
    }
    out += "</coordinates>\n    </LineString>\n  </Placemark>\n  <Folder>\n    <name>Corridors</name>\n";
    for (const auto& id : corridors_of(built)) {
        const Corridor* c = s.find_corridor(id);
        out += "    <Placemark>\n      <name>";
        escaped(c->id);
        out += "</name>\n      <description>";
        escaped(c->name);
        out += ": ";
        escaped(band_text(c->band));
        out += ", ";
        out += fixed(c->width_m, 0);
        out += " m wide";
        if (!c->approval.empty()) out += ", approval ", escaped(c->approval);
        if (!c->border_approval.empty()) out += ", cross-border approval ", escaped(c->border_approval);
        // The corridor itself, as the scenario holds it: what lowsky's KML import reads back.
        out += "</description>\n      <styleUrl>#corridor</styleUrl>\n      <ExtendedData><Data name=\"lowsky_corridor\"><value>";
        escaped(object_to_json(ScenarioObject(*c)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        out += "</value></Data></ExtendedData>\n      <Polygon>\n        <altitudeMode>clampToGround</altitudeMode>\n"
               "        <outerBoundaryIs><LinearRing><coordinates>";
        append_ring_coordinates(out, path_footprint(c->centreline, c->width_m / 2));
        out += "</coordinates></LinearRing></outerBoundaryIs>\n      </Polygon>\n    </Placemark>\n";
    }
    out += "  </Folder>\n  <Folder>\n    <name>Hubs</name>\n";
    for (const auto& h : s.hubs) {
        if (h.id != q.from_hub && h.id != q.to_hub) continue;
        out += "    <Placemark>\n      <name>";
        escaped(h.name);
        out += "</name>\n      <styleUrl>#hub</styleUrl>\n      <Point><coordinates>";
        append_coordinate(out, h.position);
        out += "</coordinates></Point>\n    </Placemark>\n";
    }
    out += "  </Folder>\n</Document>\n</kml>\n";
    return out;
}

std::string write_scenario_geojson(const CompiledScenario& compiled, const BuiltMission* built) {
    const Scenario& s = compiled.scenario();
    Json features = Json::array();
    for (const auto& h : s.hubs) {
        features.push_back({{"type", "Feature"}, {"id", h.id}, {"geometry", {{"type", "Point"}, {"coordinates", position_json(h.position)}}},
                            {"properties", {{"kind", "hub"}, {"name", h.name}, {"ground_elevation_m_amsl", h.ground_elevation_m_amsl},
                                            {"pads", h.pad_count}, {"serves", h.serves}}}});
    }
    for (const auto& j : s.junctions) {
        features.push_back({{"type", "Feature"}, {"id", j.id}, {"geometry", {{"type", "Point"}, {"coordinates", position_json(j.position)}}},
                            {"properties", {{"kind", "junction"}}}});
    }
    for (const auto& c : s.corridors) {
        Json line = Json::array();
        for (const auto& p : c.centreline) line.push_back(position_json(p));
        Json props{{"kind", "corridor"}, {"name", c.name}, {"width_m", c.width_m}, {"floor", altitude_json(c.band.floor)},
                   {"ceiling", altitude_json(c.band.ceiling)}, {"direction", c.direction == Direction::OneWay ? "one_way" : "two_way"},
                   {"lanes", c.lanes == LaneSeparation::None ? "none" : c.lanes == LaneSeparation::Lateral ? "lateral" : "vertical"},
                   {"speed_limit_m_s", c.speed_limit_m_s}, {"drone_types", c.drone_types}};
        if (!c.approval.empty()) props["approval"] = c.approval;
        if (!c.border_approval.empty()) props["border_approval"] = c.border_approval;
        features.push_back({{"type", "Feature"}, {"id", c.id}, {"geometry", {{"type", "LineString"}, {"coordinates", line}}}, {"properties", props}});
        features.push_back({{"type", "Feature"}, {"id", c.id + "-footprint"},
                            {"geometry", {{"type", "Polygon"}, {"coordinates", ring_json(path_footprint(c.centreline, c.width_m / 2), true)}}},
                            {"properties", {{"kind", "corridor_footprint"}, {"corridor", c.id}}}});
    }
    for (size_t zi = 0; zi < compiled.zones().size(); ++zi) {
        const Zone& z = compiled.zones()[zi];
        std::vector<GeoPoint> ring = z.shape.polygon;
        Json props{{"kind", "zone"}, {"name", z.name}, {"zone_kind", to_string(z.kind)}, {"jurisdiction", to_string(z.jurisdiction)},
                   {"floor", altitude_json(z.band.floor)}, {"ceiling", altitude_json(z.band.ceiling)}};
        // The zones made from the airports' runways: shown, but the scenario holds the airports.
        const bool generated = zi >= s.zones.size();
        if (generated) props["generated"] = true;
        if (!z.time_windows.empty()) {
            Json windows = Json::array();
            for (const auto& w : z.time_windows) windows.push_back({{"start", format_clock(w.start_s)}, {"end", format_clock(w.end_s)}});
            props["time_windows"] = windows;
        }
        if (z.shape.kind == ZoneShape::Kind::Circle) {
            ring.clear();
            for (int i = 0; i < 72; ++i) ring.push_back(geodesy::destination(z.shape.center, i * 5.0, z.shape.radius_m));
            props["circle"] = {{"center", position_json(z.shape.center)}, {"radius_m", z.shape.radius_m}};
        }
        if (!z.source.empty()) props["source"] = z.source;
        features.push_back({{"type", "Feature"}, {"id", z.id}, {"geometry", {{"type", "Polygon"}, {"coordinates", ring_json(ring, generated || z.shape.kind == ZoneShape::Kind::Circle)}}}, {"properties", props}});
    }
    if (built) {
        Json line = Json::array();
        for (size_t i = 0; i < built->flown_path.size(); ++i)
            line.push_back(Json::array({degrees(built->flown_path[i].lon_deg), degrees(built->flown_path[i].lat_deg), built->flown_height[i].m}));
        features.push_back({{"type", "Feature"}, {"id", "route"}, {"geometry", {{"type", "LineString"}, {"coordinates", line}}},
                            {"properties", {{"kind", "route"}, {"altitude", "AMSL"}, {"notes", built->mission.notes}}}});
    }
    Json doc{{"type", "FeatureCollection"}, {"name", s.name}, {"features", features}};
    return json_text(doc, 1) + "\n";
}

}  // namespace lowsky
