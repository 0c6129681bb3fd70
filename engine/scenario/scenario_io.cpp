// Scenario JSON <-> Scenario.
//
// [SECTION] Names of enumerations (shared by reading and writing)
// [SECTION] Reading, one function per part of the document
// [SECTION] Cross-references (ids that must exist, ids that must be unique)
// [SECTION] Writing
#include "scenario/scenario_io.h"

#include <cstdio>
#include <set>

#include "core/doc_reader.h"
#include "core/json_write.h"
#include "core/text.h"
#include "scenario/dji_aircraft.h"

namespace lowsky {

// ---- [SECTION] Names of enumerations -------------------------------------------------------

namespace {

template <typename E>
using Names = std::initializer_list<std::pair<const char*, E>>;

const Names<DroneClass> kDroneClasses = {{"micro", DroneClass::Micro}, {"light", DroneClass::Light}, {"small", DroneClass::Small},
                                         {"medium", DroneClass::Medium}, {"large", DroneClass::Large}};
const Names<Airframe> kAirframes = {{"multirotor", Airframe::Multirotor}, {"vtol_fixed_wing", Airframe::VtolFixedWing}};
const Names<EnergyModelKind> kEnergyModels = {{"stolaroff", EnergyModelKind::Stolaroff}, {"dorling", EnergyModelKind::Dorling}};
const Names<HubKind> kHubKinds = {{"operations_centre", HubKind::OperationsCentre}, {"vertiport", HubKind::Vertiport},
                                  {"drop_point", HubKind::DropPoint}};
const Names<EnergySupply> kEnergySupplies = {{"none", EnergySupply::None}, {"charger", EnergySupply::Charger}, {"swap", EnergySupply::Swap}};
const Names<Direction> kDirections = {{"one_way", Direction::OneWay}, {"two_way", Direction::TwoWay}};
const Names<LaneSeparation> kLanes = {{"none", LaneSeparation::None}, {"lateral", LaneSeparation::Lateral}, {"vertical", LaneSeparation::Vertical}};
const Names<ZoneKind> kZoneKinds = {{"no_fly", ZoneKind::NoFly}, {"controlled", ZoneKind::Controlled}, {"restricted", ZoneKind::Restricted}};
const Names<Jurisdiction> kJurisdictions = {{"mainland", Jurisdiction::Mainland}, {"hong_kong", Jurisdiction::HongKong},
                                            {"macau", Jurisdiction::Macau}};
const Names<AltitudeReference> kReferences = {{"above_ground", AltitudeReference::AboveGround},
                                              {"above_takeoff", AltitudeReference::AboveTakeoff}, {"amsl", AltitudeReference::Amsl}};

template <typename E>
const char* name_of(Names<E> names, E value) {
    for (const auto& [name, v] : names) if (v == value) return name;
    return "?";
}

// ---- [SECTION] Reading ---------------------------------------------------------------------

using P = std::string;  // a JSON path

std::vector<GeoPoint> read_points(DocReader& r, const Json& obj, const P& path, const char* key, size_t min_count) {
    std::vector<GeoPoint> points;
    const Json* list = r.array(obj, path, key);
    if (!list) return points;
    if (list->size() < min_count) r.error(DocReader::at(path, key), "needs at least " + std::to_string(min_count) + " points");
    for (size_t i = 0; i < list->size(); ++i) {
        if (auto p = r.position((*list)[i], DocReader::at(DocReader::at(path, key), i))) points.push_back(*p);
    }
    return points;
}

std::optional<Altitude> read_altitude(DocReader& r, const Json& obj, const P& path, const char* key) {
    const Json* v = r.member(obj, path, key);
    const P here = DocReader::at(path, key);
    if (!v || !r.is_object(*v, here)) return std::nullopt;
    r.unknown_members(*v, here, {"value_m", "reference"});
    const auto value = r.number(*v, here, "value_m", -500, 20000);
    const auto reference = r.enumeration(*v, here, "reference", kReferences);
    if (!value || !reference) return std::nullopt;
    return Altitude{*value, *reference};
}

std::optional<AltitudeBand> read_band(DocReader& r, const Json& obj, const P& path) {
    const auto floor = read_altitude(r, obj, path, "floor");
    const auto ceiling = read_altitude(r, obj, path, "ceiling");
    if (!floor || !ceiling) return std::nullopt;
    if (floor->reference != ceiling->reference) {
        r.error(path + ".ceiling.reference", "floor and ceiling must use the same altitude reference");
        return std::nullopt;
    }
    if (!(floor->value_m < ceiling->value_m)) {
        r.error(path + ".ceiling.value_m", "ceiling must be above the floor");
        return std::nullopt;
    }
    return AltitudeBand{*floor, *ceiling};
}

std::optional<Rules> read_rules_value(DocReader& r, const Json& v, const P& p) {
    Rules rules;
    if (!r.is_object(v, p)) return std::nullopt;
    const size_t before = r.errors.size();
    r.unknown_members(v, p, {"ceiling_m_agl", "lateral_separation_m", "vertical_separation_m", "energy_reserve_fraction",
                             "node_snap_m", "hub_approach_radius_m", "air_density_kg_m3", "max_takeoff_mass_kg", "hong_kong", "macau"});
    rules.ceiling_m_agl = r.number_or(v, p, "ceiling_m_agl", 1, 10000, rules.ceiling_m_agl);
    rules.lateral_separation_m = r.number_or(v, p, "lateral_separation_m", 0, 10000, rules.lateral_separation_m);
    rules.vertical_separation_m = r.number_or(v, p, "vertical_separation_m", 0, 1000, rules.vertical_separation_m);
    rules.energy_reserve_fraction = r.number_or(v, p, "energy_reserve_fraction", 0, 0.9, rules.energy_reserve_fraction);
    rules.node_snap_m = r.number_or(v, p, "node_snap_m", 1, 5000, rules.node_snap_m);
    rules.hub_approach_radius_m = r.number_or(v, p, "hub_approach_radius_m", 0, 10000, rules.hub_approach_radius_m);
    rules.air_density_kg_m3 = r.number_or(v, p, "air_density_kg_m3", 0.5, 1.5, rules.air_density_kg_m3);
    rules.max_takeoff_mass_kg = r.number_or(v, p, "max_takeoff_mass_kg", 0.1, 100000, rules.max_takeoff_mass_kg);
    for (auto [key, j] : {std::pair<const char*, JurisdictionRules*>{"hong_kong", &rules.hong_kong}, {"macau", &rules.macau}}) {
        const Json* o = r.member(v, p, key, false);
        if (!o || !r.is_object(*o, DocReader::at(p, key))) continue;
        r.unknown_members(*o, DocReader::at(p, key), {"ceiling_m_agl", "aerodrome_distance_m", "max_takeoff_mass_kg"});
        j->ceiling_m_agl = r.number_or(*o, DocReader::at(p, key), "ceiling_m_agl", 1, 10000, j->ceiling_m_agl);
        j->aerodrome_distance_m = r.number_or(*o, DocReader::at(p, key), "aerodrome_distance_m", 0, 100000, j->aerodrome_distance_m);
        j->max_takeoff_mass_kg = r.number_or(*o, DocReader::at(p, key), "max_takeoff_mass_kg", 0.1, 100000, j->max_takeoff_mass_kg);
    }
    if (r.errors.size() != before) return std::nullopt;
    return rules;
}

Rules read_rules(DocReader& r, const Json& doc) {
    const Json* v = r.member(doc, "$", "rules", false);
    if (!v) return Rules{};
    return read_rules_value(r, *v, "$.rules").value_or(Rules{});
}

std::optional<DroneType> read_drone_type(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"id", "name", "class", "airframe", "empty_mass_kg", "max_payload_kg", "battery_wh", "cruise_speed_m_s",
                             "max_speed_m_s", "min_airspeed_m_s", "climb_rate_m_s", "descent_rate_m_s", "min_turn_radius_m", "energy_model", "autopilot", "dji_model"});
    DroneType d;
    const size_t errors_before = r.errors.size();
    d.id = r.string(v, p, "id").value_or("");
    d.name = r.string_or(v, p, "name", d.id);
    d.drone_class = r.enumeration(v, p, "class", kDroneClasses).value_or(DroneClass::Small);
    d.airframe = r.enumeration(v, p, "airframe", kAirframes).value_or(Airframe::Multirotor);
    d.empty_mass_kg = r.number(v, p, "empty_mass_kg", 0.01, 10000).value_or(0);
    d.max_payload_kg = r.number(v, p, "max_payload_kg", 0, 10000).value_or(0);
    d.battery_wh = r.number(v, p, "battery_wh", 1, 1e6).value_or(0);
    d.cruise_speed_m_s = r.number(v, p, "cruise_speed_m_s", 0.1, 150).value_or(0);
    d.max_speed_m_s = r.number(v, p, "max_speed_m_s", 0.1, 150).value_or(0);
    d.min_airspeed_m_s = r.number_or(v, p, "min_airspeed_m_s", 0, 150, 0.0);
    if (d.min_airspeed_m_s > 0 && d.cruise_speed_m_s > 0 && d.min_airspeed_m_s > d.cruise_speed_m_s)
        r.error(p + ".min_airspeed_m_s", "the minimum airspeed is above the cruise speed");
    d.climb_rate_m_s = r.number(v, p, "climb_rate_m_s", 0.1, 50).value_or(0);
    d.descent_rate_m_s = r.number(v, p, "descent_rate_m_s", 0.1, 50).value_or(0);
    d.min_turn_radius_m = r.number(v, p, "min_turn_radius_m", 0, 10000).value_or(0);
    if (d.max_speed_m_s > 0 && d.cruise_speed_m_s > d.max_speed_m_s) r.error(p + ".cruise_speed_m_s", "cruise speed is above the maximum speed");
    if (r.member(v, p, "dji_model", false)) {
        d.dji_model = r.string(v, p, "dji_model").value_or("");
        if (!d.dji_model.empty() && !find_dji_aircraft(d.dji_model))
            r.error(p + ".dji_model", "\"" + printable(d.dji_model) + "\" is not a DJI aircraft that flies WPML waylines: one of " + dji_aircraft_names());
        else if (!d.dji_model.empty() && d.airframe != Airframe::Multirotor)
            r.error(p + ".dji_model", "DJI's WPML aircraft are multirotors, and this type is not");
    }

    const P ap = p + ".autopilot";
    if (const Json* a = r.member(v, p, "autopilot", false); a && r.is_object(*a, ap)) {
        r.unknown_members(*a, ap, {"spool_up_s", "accel_m_s2", "land_final_height_m", "land_final_m_s", "land_detect_s"});
        d.autopilot.spool_up_s = r.number_or(*a, ap, "spool_up_s", 0, 120, -1);
        d.autopilot.accel_m_s2 = r.number_or(*a, ap, "accel_m_s2", 0.1, 50, -1);
        d.autopilot.land_final_height_m = r.number_or(*a, ap, "land_final_height_m", 0, 100, -1);
        d.autopilot.land_final_m_s = r.number_or(*a, ap, "land_final_m_s", 0.05, 10, -1);
        d.autopilot.land_detect_s = r.number_or(*a, ap, "land_detect_s", 0, 60, -1);
    }

    const P e = p + ".energy_model";
    const Json* m = r.member(v, p, "energy_model");
    if (m && r.is_object(*m, e)) {
        r.unknown_members(*m, e, {"kind", "rotor_count", "rotor_diameter_m", "efficiency", "drag_area_m2", "parcel_drag_area_m2", "lift_to_drag"});
        d.energy.kind = r.enumeration(*m, e, "kind", kEnergyModels).value_or(EnergyModelKind::Stolaroff);
        d.energy.rotor_count = r.integer(*m, e, "rotor_count", 1, 64).value_or(4);
        d.energy.rotor_diameter_m = r.number(*m, e, "rotor_diameter_m", 0.01, 20).value_or(0.5);
        d.energy.efficiency = r.number(*m, e, "efficiency", 0.05, 1.0).value_or(0.7);
        d.energy.drag_area_m2 = r.number(*m, e, "drag_area_m2", 0, 100).value_or(0.1);
        d.energy.parcel_drag_area_m2 = r.number_or(*m, e, "parcel_drag_area_m2", 0, 100, 0.0);
        d.energy.lift_to_drag = r.number_or(*m, e, "lift_to_drag", 0, 100, 0.0);
        if (d.airframe == Airframe::VtolFixedWing && !(d.energy.lift_to_drag > 1))
            r.error(e + ".lift_to_drag", "a VTOL fixed-wing type needs its cruise lift-to-drag ratio (above 1)");
    }
    if (r.errors.size() != errors_before) return std::nullopt;
    return d;
}

std::optional<Hub> read_hub(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"id", "name", "name_zh", "kind", "position", "ground_elevation_m_amsl", "pads", "energy", "serves"});
    const size_t errors_before = r.errors.size();
    Hub h;
    h.id = r.string(v, p, "id").value_or("");
    h.name = r.string_or(v, p, "name", h.id);
    if (r.member(v, p, "name_zh", false)) {
        h.name_zh = r.string(v, p, "name_zh").value_or("");
        if (h.name_zh.empty()) r.error(p + ".name_zh", "must not be empty: leave it out where there is no Chinese name");
    }
    h.kind = r.enumeration(v, p, "kind", kHubKinds).value_or(HubKind::Vertiport);
    if (const Json* pos = r.member(v, p, "position")) h.position = r.position(*pos, p + ".position").value_or(GeoPoint{});
    h.ground_elevation_m_amsl = r.number(v, p, "ground_elevation_m_amsl", -100, 9000).value_or(0);
    if (const Json* pads = r.member(v, p, "pads"); pads && r.is_object(*pads, p + ".pads")) {
        r.unknown_members(*pads, p + ".pads", {"count", "slot_s"});
        h.pad_count = r.integer(*pads, p + ".pads", "count", 1, 10000).value_or(1);
        h.pad_slot_s = r.number(*pads, p + ".pads", "slot_s", 1, 3600).value_or(60);
    }
    if (const Json* en = r.member(v, p, "energy", false); en && r.is_object(*en, p + ".energy")) {
        const P e = p + ".energy";
        r.unknown_members(*en, e, {"kind", "count", "charge_power_w", "swap_time_s"});
        h.energy = r.enumeration(*en, e, "kind", kEnergySupplies).value_or(EnergySupply::None);
        if (h.energy != EnergySupply::None) h.energy_points = r.integer(*en, e, "count", 1, 10000).value_or(0);
        if (h.energy == EnergySupply::Charger) h.charge_power_w = r.number(*en, e, "charge_power_w", 1, 1e6).value_or(0);
        if (h.energy == EnergySupply::Swap) h.swap_time_s = r.number(*en, e, "swap_time_s", 1, 3600).value_or(0);
    }
    // Absent: every type takes off and lands here. Present: only those, and at least one.
    if (const Json* sv = r.member(v, p, "serves", false)) {
        h.serves = r.string_list(v, p, "serves", true);
        if (sv->is_array() && sv->empty()) r.error(p + ".serves", "serves names the drone types that use this hub: leave it out for every type");
    }
    if (r.errors.size() != errors_before) return std::nullopt;
    return h;
}

std::optional<Corridor> read_corridor(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"id", "name", "centreline", "width_m", "floor", "ceiling", "direction", "lanes", "speed_limit_m_s",
                             "drone_types", "approval", "border_approval"});
    const size_t errors_before = r.errors.size();
    Corridor c;
    c.id = r.string(v, p, "id").value_or("");
    c.name = r.string_or(v, p, "name", c.id);
    c.centreline = read_points(r, v, p, "centreline", 2);
    c.width_m = r.number(v, p, "width_m", 1, 20000).value_or(0);
    if (auto band = read_band(r, v, p)) c.band = *band;
    c.direction = r.enumeration(v, p, "direction", kDirections).value_or(Direction::TwoWay);
    c.lanes = r.member(v, p, "lanes", false) ? r.enumeration(v, p, "lanes", kLanes).value_or(LaneSeparation::None) : LaneSeparation::None;
    if (c.direction == Direction::OneWay && c.lanes != LaneSeparation::None) r.error(p + ".lanes", "a one-way corridor has one lane: use \"none\"");
    c.speed_limit_m_s = r.number(v, p, "speed_limit_m_s", 0.1, 150).value_or(0);
    c.drone_types = r.string_list(v, p, "drone_types", true);
    if (c.drone_types.empty() && r.member(v, p, "drone_types", false)) r.error(p + ".drone_types", "must name at least one drone type");
    c.approval = r.string_or(v, p, "approval", "");
    c.border_approval = r.string_or(v, p, "border_approval", "");
    if (r.errors.size() != errors_before) return std::nullopt;
    return c;
}

std::optional<TimeWindow> read_window(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"start", "end"});
    const auto start = r.string(v, p, "start");
    const auto end = r.string(v, p, "end");
    if (!start || !end) return std::nullopt;
    const auto s = parse_clock(*start), e = parse_clock(*end);
    if (!s) r.error(p + ".start", "expected a time of day \"HH:MM\", found \"" + *start + "\"");
    if (!e) r.error(p + ".end", "expected a time of day \"HH:MM\", found \"" + *end + "\"");
    if (!s || !e) return std::nullopt;
    if (*s >= *e) {
        r.error(p + ".end", "must be after the start (a window across midnight is two windows)");
        return std::nullopt;
    }
    return TimeWindow{*s, *e};
}

std::optional<Zone> read_zone(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"id", "name", "kind", "jurisdiction", "polygon", "circle", "floor", "ceiling", "time_windows", "source"});
    const size_t errors_before = r.errors.size();
    Zone z;
    z.id = r.string(v, p, "id").value_or("");
    z.name = r.string_or(v, p, "name", z.id);
    z.kind = r.enumeration(v, p, "kind", kZoneKinds).value_or(ZoneKind::NoFly);
    z.jurisdiction = r.enumeration(v, p, "jurisdiction", kJurisdictions).value_or(Jurisdiction::Mainland);
    const bool has_polygon = r.member(v, p, "polygon", false), has_circle = r.member(v, p, "circle", false);
    if (has_polygon == has_circle) {
        r.error(p, "a zone needs exactly one shape: \"polygon\" or \"circle\"");
    } else if (has_polygon) {
        z.shape.kind = ZoneShape::Kind::Polygon;
        z.shape.polygon = read_points(r, v, p, "polygon", 3);
    } else {
        const P c = p + ".circle";
        const Json& circle = *r.member(v, p, "circle");
        if (r.is_object(circle, c)) {
            r.unknown_members(circle, c, {"center", "radius_m"});
            z.shape.kind = ZoneShape::Kind::Circle;
            if (const Json* center = r.member(circle, c, "center")) z.shape.center = r.position(*center, c + ".center").value_or(GeoPoint{});
            z.shape.radius_m = r.number(circle, c, "radius_m", 1, 500000).value_or(0);
        }
    }
    if (auto band = read_band(r, v, p)) z.band = *band;
    if (const Json* windows = r.array(v, p, "time_windows", false)) {
        for (size_t i = 0; i < windows->size(); ++i) {
            if (auto w = read_window(r, (*windows)[i], DocReader::at(p + ".time_windows", i))) z.time_windows.push_back(*w);
        }
    }
    if (z.kind == ZoneKind::Restricted && z.time_windows.empty() && r.errors.size() == errors_before)
        r.error(p + ".time_windows", "a restricted zone needs the time windows when it applies");
    z.source = r.string_or(v, p, "source", "");
    if (r.errors.size() != errors_before) return std::nullopt;
    return z;
}

std::optional<AirportZones> read_airport(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"icao", "name", "jurisdiction", "runways", "core_radius_m", "protection_side_m", "protection_end_m", "ceiling_m_agl"});
    const size_t errors_before = r.errors.size();
    AirportZones a;
    a.icao = r.string(v, p, "icao").value_or("");
    a.name = r.string_or(v, p, "name", a.icao);
    a.jurisdiction = r.enumeration(v, p, "jurisdiction", kJurisdictions).value_or(Jurisdiction::Mainland);
    if (const Json* runways = r.array(v, p, "runways")) {
        if (runways->empty()) r.error(p + ".runways", "needs at least one runway");
        for (size_t i = 0; i < runways->size(); ++i) {
            const P rp = DocReader::at(p + ".runways", i);
            const Json& rw = (*runways)[i];
            if (!r.is_object(rw, rp)) continue;
            r.unknown_members(rw, rp, {"from", "to"});
            const Json* from = r.member(rw, rp, "from");
            const Json* to = r.member(rw, rp, "to");
            const auto a_end = from ? r.position(*from, rp + ".from") : std::nullopt;
            const auto b_end = to ? r.position(*to, rp + ".to") : std::nullopt;
            if (a_end && b_end) a.runways.push_back({*a_end, *b_end});
        }
    }
    a.core_radius_m = r.number_or(v, p, "core_radius_m", 0, 50000, a.core_radius_m);
    a.protection_side_m = r.number_or(v, p, "protection_side_m", 0, 50000, a.protection_side_m);
    a.protection_end_m = r.number_or(v, p, "protection_end_m", 0, 100000, a.protection_end_m);
    a.ceiling_m_agl = r.number_or(v, p, "ceiling_m_agl", 1, 20000, a.ceiling_m_agl);
    if (r.errors.size() != errors_before) return std::nullopt;
    return a;
}

std::optional<Junction> read_junction(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"id", "position"});
    const auto id = r.string(v, p, "id");
    const Json* pos = r.member(v, p, "position");
    const auto position = pos ? r.position(*pos, p + ".position") : std::nullopt;
    if (!id || !position) return std::nullopt;
    return Junction{*id, *position};
}

std::optional<FleetEntry> read_fleet_entry(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"hub", "drone_type", "count"});
    const auto hub = r.string(v, p, "hub");
    const auto type = r.string(v, p, "drone_type");
    const auto count = r.integer(v, p, "count", 0, 1000000);
    if (!hub || !type || !count) return std::nullopt;
    return FleetEntry{*hub, *type, *count};
}

std::optional<WindBand> read_wind_band(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"floor_m_agl", "ceiling_m_agl", "from_deg", "speed_m_s"});
    const size_t before = r.errors.size();
    WindBand w;
    w.floor_m_agl = r.number(v, p, "floor_m_agl", 0, 20000).value_or(0);
    w.ceiling_m_agl = r.number(v, p, "ceiling_m_agl", 0, 20000).value_or(0);
    w.from_deg = r.number(v, p, "from_deg", 0, 360).value_or(0);
    w.speed_m_s = r.number(v, p, "speed_m_s", 0, 100).value_or(0);
    if (r.errors.size() == before && w.ceiling_m_agl <= w.floor_m_agl) r.error(p + ".ceiling_m_agl", "must be above the floor");
    if (r.errors.size() != before) return std::nullopt;
    return w;
}

std::optional<Order> read_order(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"id", "from", "to", "mass_kg", "ready_s", "promise_s", "priority"});
    const size_t before = r.errors.size();
    Order o;
    o.id = r.string(v, p, "id").value_or("");
    o.from = r.string(v, p, "from").value_or("");
    o.to = r.string(v, p, "to").value_or("");
    o.mass_kg = r.number(v, p, "mass_kg", 0, 10000).value_or(0);
    o.ready_s = r.number(v, p, "ready_s", 0, 7 * 86400).value_or(0);
    o.promise_s = r.number(v, p, "promise_s", 1, 7 * 86400).value_or(0);
    if (r.member(v, p, "priority", false))
        o.priority = r.enumeration<OrderPriority>(v, p, "priority", {{"normal", OrderPriority::Normal}, {"emergency", OrderPriority::Emergency}}).value_or(OrderPriority::Normal);
    if (r.errors.size() != before) return std::nullopt;
    return o;
}

// A temporary restriction: an area closed from `start` to `end` (clock times), announced
// `notice_s` before.
std::optional<TemporaryRestriction> read_restriction(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"id", "polygon", "start", "end", "notice_s"});
    const size_t before = r.errors.size();
    TemporaryRestriction t;
    t.id = r.string(v, p, "id").value_or("");
    t.shape.polygon = read_points(r, v, p, "polygon", 3);
    for (auto [key, out] : {std::pair<const char*, double*>{"start", &t.start_s}, {"end", &t.end_s}}) {
        const auto text = r.string(v, p, key);
        const auto clock = text ? parse_clock(*text) : std::nullopt;
        if (text && !clock) r.error(DocReader::at(p, key), "expected a time of day \"HH:MM\", found \"" + *text + "\"");
        if (clock) *out = *clock;
    }
    t.notice_s = r.number_or(v, p, "notice_s", 0, 86400, 1800);
    if (r.errors.size() == before && t.end_s <= t.start_s) r.error(DocReader::at(p, "end"), "must be after the start");
    if (r.errors.size() != before) return std::nullopt;
    return t;
}

// A daily profile: 24 relative weights, midnight to 23:00, at least one above zero; absent: flat.
std::vector<double> read_profile(DocReader& r, const Json& obj, const P& p) {
    const Json* list = r.array(obj, p, "profile", false);
    if (!list) return {};
    const std::string path = DocReader::at(p, "profile");
    if (list->size() != size_t(kProfileHours)) {
        r.error(path, "expected 24 hourly weights (midnight to 23:00), found " + std::to_string(list->size()));
        return {};
    }
    std::vector<double> weights;
    double sum = 0;
    for (size_t h = 0; h < list->size(); ++h) {
        const Json& w = (*list)[h];
        if (!w.is_number()) {
            r.error(DocReader::at(path, h), std::string("expected a number, found ") + json_type_name(w));
            return {};
        }
        if (!(w.get<double>() >= 0) || !(w.get<double>() <= 1e6)) {
            r.error(DocReader::at(path, h), "a weight must be from 0 to 1e6");
            return {};
        }
        weights.push_back(w.get<double>());
        sum += weights.back();
    }
    if (!(sum > 0)) {
        r.error(path, "every hour has weight 0: no order would ever be placed");
        return {};
    }
    return weights;
}

std::optional<DemandRate> read_demand_rate(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"from", "to", "per_day", "mass_kg", "promise_s", "profile"});
    const size_t before = r.errors.size();
    DemandRate d;
    d.from = r.string(v, p, "from").value_or("");
    d.to = r.string(v, p, "to").value_or("");
    d.per_day = r.number(v, p, "per_day", 0, 1e7).value_or(0);
    if (const Json* mass = r.member(v, p, "mass_kg"); mass && r.is_object(*mass, p + ".mass_kg")) {
        r.unknown_members(*mass, p + ".mass_kg", {"min", "max"});
        d.mass_min_kg = r.number(*mass, p + ".mass_kg", "min", 0, 10000).value_or(0);
        d.mass_max_kg = r.number(*mass, p + ".mass_kg", "max", 0, 10000).value_or(0);
        if (d.mass_max_kg < d.mass_min_kg) r.error(p + ".mass_kg.max", "must not be below min");
    }
    d.promise_s = r.number(v, p, "promise_s", 1, 7 * 86400).value_or(0);
    d.profile = read_profile(r, v, p);
    if (r.errors.size() != before) return std::nullopt;
    return d;
}

template <typename T, typename ReadOne>
std::vector<T> read_list(DocReader& r, const Json& obj, const P& path, const char* key, bool required, ReadOne read_one) {
    std::vector<T> out;
    const Json* list = r.array(obj, path, key, required);
    if (!list) return out;
    for (size_t i = 0; i < list->size(); ++i) {
        if (auto item = read_one(r, (*list)[i], DocReader::at(DocReader::at(path, key), i))) out.push_back(std::move(*item));
    }
    return out;
}

// Clock times "HH:MM" into seconds of the day, in order.
std::vector<double> read_clocks(DocReader& r, const Json& v, const P& p, const char* key) {
    std::vector<double> out;
    const Json* list = r.array(v, p, key, false);
    if (!list) return out;
    for (size_t i = 0; i < list->size(); ++i) {
        const P at = DocReader::at(DocReader::at(p, key), i);
        const Json& item = (*list)[i];
        const auto clock = item.is_string() ? parse_clock(item.get<std::string>()) : std::nullopt;
        if (!clock) {
            r.error(at, "expected a time of day \"HH:MM\"");
            continue;
        }
        if (!out.empty() && *clock <= out.back()) r.error(at, "departures must be in order, each after the one before");
        out.push_back(*clock);
    }
    return out;
}

// What an inspection and a sightseeing loop both have: an id, a name, the hub and the type.
template <typename T>
void read_flown_from(DocReader& r, const Json& v, const P& p, T& out) {
    out.id = r.string(v, p, "id").value_or("");
    out.name = r.string_or(v, p, "name", "");
    out.hub = r.string(v, p, "hub").value_or("");
    out.drone_type = r.string(v, p, "drone_type").value_or("");
}

std::optional<Inspection> read_inspection(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"id", "name", "hub", "drone_type", "area", "along", "width_m", "footprint_m", "side_overlap", "heading_deg", "height_m", "speed_m_s"});
    const size_t before = r.errors.size();
    Inspection i;
    read_flown_from(r, v, p, i);
    const bool area = r.member(v, p, "area", false) != nullptr, along = r.member(v, p, "along", false) != nullptr;
    if (area == along) r.error(p, "an inspection has either an \"area\" (a survey) or a line \"along\" (a corridor scan)");
    if (area) i.area = read_points(r, v, p, "area", 3);
    if (along) {
        i.along = read_points(r, v, p, "along", 2);
        i.width_m = r.number(v, p, "width_m", 0, 100000).value_or(0);
        if (r.member(v, p, "heading_deg", false)) r.error(DocReader::at(p, "heading_deg"), "a corridor scan follows its line: it takes no heading");
    } else if (r.member(v, p, "width_m", false)) {
        r.error(DocReader::at(p, "width_m"), "a width goes with a line \"along\"");
    }
    i.footprint_m = r.number_or(v, p, "footprint_m", 0.1, 10000, 60);
    i.side_overlap = r.number_or(v, p, "side_overlap", 0, 0.95, 0.7);
    i.heading_deg = r.number_or(v, p, "heading_deg", -360, 360, 0);
    i.height_m = r.number_or(v, p, "height_m", 1, 1000, 60);
    i.speed_m_s = r.number_or(v, p, "speed_m_s", 0.5, 60, 10);
    if (r.errors.size() != before) return std::nullopt;
    return i;
}

std::optional<Sightseeing> read_sightseeing(DocReader& r, const Json& v, const P& p) {
    if (!r.is_object(v, p)) return std::nullopt;
    r.unknown_members(v, p, {"id", "name", "hub", "drone_type", "stops", "height_m", "speed_m_s", "look_s", "standoff_m", "departures"});
    const size_t before = r.errors.size();
    Sightseeing t;
    read_flown_from(r, v, p, t);
    t.stops = read_list<Sight>(r, v, p, "stops", true, [](DocReader& rr, const Json& sv, const P& sp) -> std::optional<Sight> {
        if (!rr.is_object(sv, sp)) return std::nullopt;
        rr.unknown_members(sv, sp, {"name", "position"});
        const auto name = rr.string(sv, sp, "name");
        const Json* position = rr.member(sv, sp, "position");
        const auto at = position ? rr.position(*position, DocReader::at(sp, "position")) : std::nullopt;
        if (!name || !at) return std::nullopt;
        return Sight{*name, *at};
    });
    if (t.stops.empty() && r.errors.size() == before) r.error(DocReader::at(p, "stops"), "a sightseeing loop needs one stop at least");
    t.height_m = r.number_or(v, p, "height_m", 1, 1000, 80);
    t.speed_m_s = r.number_or(v, p, "speed_m_s", 0.5, 60, 8);
    t.look_s = r.number_or(v, p, "look_s", 0, 3600, 30);
    t.standoff_m = r.number_or(v, p, "standoff_m", 0, 10000, 150);
    t.departures_s = read_clocks(r, v, p, "departures");
    if (r.errors.size() != before) return std::nullopt;
    return t;
}

void read_demand(DocReader& r, const Json& doc, Scenario& s) {
    const Json* demand = r.member(doc, "$", "demand", false);
    if (!demand || !r.is_object(*demand, "$.demand")) return;
    r.unknown_members(*demand, "$.demand", {"orders", "rates", "profile"});
    s.demand_profile = read_profile(r, *demand, "$.demand");
    s.orders = read_list<Order>(r, *demand, "$.demand", "orders", false, read_order);
    s.demand_rates = read_list<DemandRate>(r, *demand, "$.demand", "rates", false, read_demand_rate);
}

// ---- [SECTION] Cross-references --------------------------------------------------------------

template <typename T>
void unique_ids(DocReader& r, const std::vector<T>& items, const char* list, std::set<std::string>& seen) {
    for (size_t i = 0; i < items.size(); ++i) {
        if (!seen.insert(items[i].id).second)
            r.error("$." + std::string(list) + "[" + std::to_string(i) + "].id", "duplicate id \"" + items[i].id + "\"");
    }
}

void check_references(DocReader& r, const Scenario& s) {
    std::set<std::string> types, nodes, corridors, zones;
    unique_ids(r, s.drone_types, "drone_types", types);
    unique_ids(r, s.hubs, "hubs", nodes);
    unique_ids(r, s.junctions, "junctions", nodes);  // hubs and junctions share one namespace: both are nodes
    unique_ids(r, s.corridors, "corridors", corridors);
    unique_ids(r, s.zones, "zones", zones);
    std::set<std::string> missions;  // inspections and sightseeing loops share one namespace
    unique_ids(r, s.inspections, "inspections", missions);
    unique_ids(r, s.sightseeing, "sightseeing", missions);

    auto need_type = [&](const std::string& id, const std::string& path) {
        if (!types.count(id)) r.error(path, "unknown drone type \"" + id + "\"");
    };
    auto need_hub = [&](const std::string& id, const std::string& path) {
        if (!s.find_hub(id)) r.error(path, "unknown hub \"" + id + "\"");
    };
    for (size_t i = 0; i < s.hubs.size(); ++i)
        for (size_t k = 0; k < s.hubs[i].serves.size(); ++k) need_type(s.hubs[i].serves[k], "$.hubs[" + std::to_string(i) + "].serves[" + std::to_string(k) + "]");
    for (size_t i = 0; i < s.corridors.size(); ++i)
        for (size_t k = 0; k < s.corridors[i].drone_types.size(); ++k)
            need_type(s.corridors[i].drone_types[k], "$.corridors[" + std::to_string(i) + "].drone_types[" + std::to_string(k) + "]");
    // Lists whose items are flown from a hub by a drone type.
    auto need_hub_and_type = [&](const auto& list, const std::string& name) {
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string p = "$." + name + "[" + std::to_string(i) + "]";
            need_hub(list[i].hub, p + ".hub");
            need_type(list[i].drone_type, p + ".drone_type");
        }
    };
    need_hub_and_type(s.fleet, "fleet");
    need_hub_and_type(s.inspections, "inspections");
    need_hub_and_type(s.sightseeing, "sightseeing");
    for (size_t i = 0; i < s.orders.size(); ++i) {
        const std::string p = "$.demand.orders[" + std::to_string(i) + "]";
        need_hub(s.orders[i].from, p + ".from");
        need_hub(s.orders[i].to, p + ".to");
        if (s.orders[i].from == s.orders[i].to) r.error(p + ".to", "an order must go somewhere else");
    }
    for (size_t i = 0; i < s.demand_rates.size(); ++i) {
        const std::string p = "$.demand.rates[" + std::to_string(i) + "]";
        need_hub(s.demand_rates[i].from, p + ".from");
        need_hub(s.demand_rates[i].to, p + ".to");
        if (s.demand_rates[i].from == s.demand_rates[i].to) r.error(p + ".to", "demand must go somewhere else");
    }
}

}  // namespace

std::optional<int> parse_clock(const std::string& text) {
    // "HH:MM", four digits (sscanf's %2d would also take " 7" and "+5").
    const auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
    const int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return h * 3600 + m * 60;
}

std::string format_clock(int seconds) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", seconds / 3600, (seconds / 60) % 60);
    return text;
}

ScenarioLoad parse_scenario(std::string_view text, const std::string& source) {
    ScenarioLoad load;
    auto parsed = parse_json_text(text, source);
    if (!parsed) {
        load.errors.push_back(parsed.error());
        return load;
    }
    const Json& doc = parsed.value();
    DocReader r;
    if (!r.is_object(doc, "$")) {
        load.errors = r.errors;
        return load;
    }
    // The header decides whether the rest is worth reading.
    const auto format = r.string(doc, "$", "format");
    if (format && *format != "lowsky-scenario") r.error("$.format", "expected \"lowsky-scenario\", found \"" + *format + "\"");
    const auto version = r.integer(doc, "$", "version", 0, 1000000);
    if (version && *version > kScenarioFormatVersion)
        r.error("$.version", "version " + std::to_string(*version) + " is newer than this lowsky reads (" + std::to_string(kScenarioFormatVersion) +
                                 "): open it with a newer lowsky");
    else if (version && *version < 1) r.error("$.version", "version " + std::to_string(*version) + " is not a lowsky scenario version");
    if (!r.errors.empty()) {
        load.errors = r.errors;
        return load;
    }
    r.unknown_members(doc, "$", {"format", "version", "name", "notes", "rules", "drone_types", "hubs", "junctions", "corridors", "zones",
                                 "airport_zones", "fleet", "demand", "weather", "restrictions", "inspections", "sightseeing", "explanations"});

    Scenario s;
    s.name = r.string_or(doc, "$", "name", "");
    s.notes = r.string_list(doc, "$", "notes", false);
    s.rules = read_rules(r, doc);
    s.drone_types = read_list<DroneType>(r, doc, "$", "drone_types", true, read_drone_type);
    s.hubs = read_list<Hub>(r, doc, "$", "hubs", true, read_hub);
    s.junctions = read_list<Junction>(r, doc, "$", "junctions", false, read_junction);
    s.corridors = read_list<Corridor>(r, doc, "$", "corridors", false, read_corridor);
    s.zones = read_list<Zone>(r, doc, "$", "zones", false, read_zone);
    s.airport_zones = read_list<AirportZones>(r, doc, "$", "airport_zones", false, read_airport);
    s.fleet = read_list<FleetEntry>(r, doc, "$", "fleet", false, read_fleet_entry);
    read_demand(r, doc, s);
    s.restrictions = read_list<TemporaryRestriction>(r, doc, "$", "restrictions", false, read_restriction);
    s.inspections = read_list<Inspection>(r, doc, "$", "inspections", false, read_inspection);
    s.sightseeing = read_list<Sightseeing>(r, doc, "$", "sightseeing", false, read_sightseeing);
    if (const Json* weather = r.member(doc, "$", "weather", false); weather && r.is_object(*weather, "$.weather")) {
        r.unknown_members(*weather, "$.weather", {"wind"});
        s.wind = read_list<WindBand>(r, *weather, "$.weather", "wind", false, read_wind_band);
    }
    s.explanations = read_list<Explanation>(r, doc, "$", "explanations", false, [](DocReader& rr, const Json& v, const P& p) -> std::optional<Explanation> {
        if (!rr.is_object(v, p)) return std::nullopt;
        rr.unknown_members(v, p, {"check", "object", "why"});
        const auto check = rr.string(v, p, "check");
        const auto object = rr.string(v, p, "object");
        const auto why = rr.string(v, p, "why");
        if (!check || !object || !why) return std::nullopt;
        return Explanation{*check, *object, *why};
    });
    if (r.errors.empty()) check_references(r, s);

    load.errors = std::move(r.errors);
    load.warnings = std::move(r.warnings);
    if (load.errors.empty()) load.scenario = std::move(s);
    return load;
}

// ---- [SECTION] Writing -------------------------------------------------------------------------

namespace {

using OJson = nlohmann::ordered_json;

OJson point_json(GeoPoint p) { return OJson{{"lat_deg", p.lat_deg}, {"lon_deg", p.lon_deg}}; }

OJson points_json(const std::vector<GeoPoint>& points) {
    OJson list = OJson::array();
    for (const auto& p : points) list.push_back(point_json(p));
    return list;
}

OJson altitude_json(const Altitude& a) { return OJson{{"value_m", a.value_m}, {"reference", name_of(kReferences, a.reference)}}; }

OJson strings_json(const std::vector<std::string>& items) {
    OJson list = OJson::array();
    for (const auto& s : items) list.push_back(s);
    return list;
}

OJson json_of(const Rules& ru) {
    return OJson{{"ceiling_m_agl", ru.ceiling_m_agl}, {"lateral_separation_m", ru.lateral_separation_m},
                 {"vertical_separation_m", ru.vertical_separation_m}, {"energy_reserve_fraction", ru.energy_reserve_fraction},
                 {"node_snap_m", ru.node_snap_m}, {"hub_approach_radius_m", ru.hub_approach_radius_m},
                 {"air_density_kg_m3", ru.air_density_kg_m3}, {"max_takeoff_mass_kg", ru.max_takeoff_mass_kg},
                 {"hong_kong", OJson{{"ceiling_m_agl", ru.hong_kong.ceiling_m_agl}, {"aerodrome_distance_m", ru.hong_kong.aerodrome_distance_m},
                                     {"max_takeoff_mass_kg", ru.hong_kong.max_takeoff_mass_kg}}},
                 {"macau", OJson{{"ceiling_m_agl", ru.macau.ceiling_m_agl}, {"aerodrome_distance_m", ru.macau.aerodrome_distance_m},
                                 {"max_takeoff_mass_kg", ru.macau.max_takeoff_mass_kg}}}};
}

OJson json_of(const DroneType& d) {
    OJson model{{"kind", name_of(kEnergyModels, d.energy.kind)}, {"rotor_count", d.energy.rotor_count},
                {"rotor_diameter_m", d.energy.rotor_diameter_m}, {"efficiency", d.energy.efficiency},
                {"drag_area_m2", d.energy.drag_area_m2}, {"parcel_drag_area_m2", d.energy.parcel_drag_area_m2}};
    if (d.energy.lift_to_drag > 0) model["lift_to_drag"] = d.energy.lift_to_drag;
    OJson item{{"id", d.id}, {"name", d.name}, {"class", name_of(kDroneClasses, d.drone_class)},
               {"airframe", name_of(kAirframes, d.airframe)}, {"empty_mass_kg", d.empty_mass_kg},
               {"max_payload_kg", d.max_payload_kg}, {"battery_wh", d.battery_wh}, {"cruise_speed_m_s", d.cruise_speed_m_s},
               {"max_speed_m_s", d.max_speed_m_s}, {"climb_rate_m_s", d.climb_rate_m_s},
               {"descent_rate_m_s", d.descent_rate_m_s}, {"min_turn_radius_m", d.min_turn_radius_m}, {"energy_model", model}};
    if (d.min_airspeed_m_s > 0) item["min_airspeed_m_s"] = d.min_airspeed_m_s;
    if (!d.dji_model.empty()) item["dji_model"] = d.dji_model;
    if (d.autopilot.any()) {
        OJson a = OJson::object();
        auto put = [&](const char* key, double value) { if (value >= 0) a[key] = value; };
        put("spool_up_s", d.autopilot.spool_up_s);
        put("accel_m_s2", d.autopilot.accel_m_s2);
        put("land_final_height_m", d.autopilot.land_final_height_m);
        put("land_final_m_s", d.autopilot.land_final_m_s);
        put("land_detect_s", d.autopilot.land_detect_s);
        item["autopilot"] = a;
    }
    return item;
}

OJson json_of(const Hub& h) {
    OJson energy{{"kind", name_of(kEnergySupplies, h.energy)}};
    if (h.energy != EnergySupply::None) energy["count"] = h.energy_points;
    if (h.energy == EnergySupply::Charger) energy["charge_power_w"] = h.charge_power_w;
    if (h.energy == EnergySupply::Swap) energy["swap_time_s"] = h.swap_time_s;
    OJson item{{"id", h.id}, {"name", h.name}};
    if (!h.name_zh.empty()) item["name_zh"] = h.name_zh;
    item.update(OJson{{"kind", name_of(kHubKinds, h.kind)}, {"position", point_json(h.position)},
               {"ground_elevation_m_amsl", h.ground_elevation_m_amsl},
               {"pads", OJson{{"count", h.pad_count}, {"slot_s", h.pad_slot_s}}}, {"energy", energy}});
    if (!h.serves.empty()) item["serves"] = strings_json(h.serves);
    return item;
}

OJson json_of(const Junction& j) { return OJson{{"id", j.id}, {"position", point_json(j.position)}}; }

OJson json_of(const Corridor& c) {
    OJson item{{"id", c.id}, {"name", c.name}, {"centreline", points_json(c.centreline)}, {"width_m", c.width_m},
               {"floor", altitude_json(c.band.floor)}, {"ceiling", altitude_json(c.band.ceiling)},
               {"direction", name_of(kDirections, c.direction)}, {"lanes", name_of(kLanes, c.lanes)},
               {"speed_limit_m_s", c.speed_limit_m_s}, {"drone_types", strings_json(c.drone_types)}};
    if (!c.approval.empty()) item["approval"] = c.approval;
    if (!c.border_approval.empty()) item["border_approval"] = c.border_approval;
    return item;
}

OJson json_of(const Zone& z) {
    OJson item{{"id", z.id}, {"name", z.name}, {"kind", name_of(kZoneKinds, z.kind)}, {"jurisdiction", name_of(kJurisdictions, z.jurisdiction)}};
    if (z.shape.kind == ZoneShape::Kind::Polygon) item["polygon"] = points_json(z.shape.polygon);
    else item["circle"] = OJson{{"center", point_json(z.shape.center)}, {"radius_m", z.shape.radius_m}};
    item["floor"] = altitude_json(z.band.floor);
    item["ceiling"] = altitude_json(z.band.ceiling);
    if (!z.time_windows.empty()) {
        OJson windows = OJson::array();
        for (const auto& w : z.time_windows) windows.push_back(OJson{{"start", format_clock(w.start_s)}, {"end", format_clock(w.end_s)}});
        item["time_windows"] = windows;
    }
    if (!z.source.empty()) item["source"] = z.source;
    return item;
}

OJson json_of(const FleetEntry& f) { return OJson{{"hub", f.hub}, {"drone_type", f.drone_type}, {"count", f.count}}; }

OJson json_of(const Order& o) {
    OJson j{{"id", o.id}, {"from", o.from}, {"to", o.to}, {"mass_kg", o.mass_kg}, {"ready_s", o.ready_s}, {"promise_s", o.promise_s}};
    if (o.priority == OrderPriority::Emergency) j["priority"] = "emergency";  // absent: normal
    return j;
}

OJson json_of(const DemandRate& d) {
    OJson o{{"from", d.from}, {"to", d.to}, {"per_day", d.per_day}, {"mass_kg", OJson{{"min", d.mass_min_kg}, {"max", d.mass_max_kg}}},
            {"promise_s", d.promise_s}};
    if (!d.profile.empty()) o["profile"] = d.profile;
    return o;
}

OJson json_of(const WindBand& w) {
    return OJson{{"floor_m_agl", w.floor_m_agl}, {"ceiling_m_agl", w.ceiling_m_agl}, {"from_deg", w.from_deg}, {"speed_m_s", w.speed_m_s}};
}

OJson json_of(const Inspection& i) {
    OJson j{{"id", i.id}};
    if (!i.name.empty()) j["name"] = i.name;
    j["hub"] = i.hub;
    j["drone_type"] = i.drone_type;
    if (!i.along.empty()) {
        j["along"] = points_json(i.along);
        j["width_m"] = i.width_m;
    } else {
        j["area"] = points_json(i.area);
        j["heading_deg"] = i.heading_deg;
    }
    j["footprint_m"] = i.footprint_m;
    j["side_overlap"] = i.side_overlap;
    j["height_m"] = i.height_m;
    j["speed_m_s"] = i.speed_m_s;
    return j;
}

OJson json_of(const Sightseeing& t) {
    OJson j{{"id", t.id}};
    if (!t.name.empty()) j["name"] = t.name;
    j["hub"] = t.hub;
    j["drone_type"] = t.drone_type;
    OJson stops = OJson::array();
    for (const Sight& st : t.stops) stops.push_back(OJson{{"name", st.name}, {"position", point_json(st.position)}});
    j["stops"] = stops;
    j["height_m"] = t.height_m;
    j["speed_m_s"] = t.speed_m_s;
    j["look_s"] = t.look_s;
    j["standoff_m"] = t.standoff_m;
    OJson departures = OJson::array();
    for (double d : t.departures_s) departures.push_back(format_clock(int(d)));
    j["departures"] = departures;
    return j;
}

template <typename T>
OJson list_json(const std::vector<T>& items) {
    OJson list = OJson::array();
    for (const auto& x : items) list.push_back(json_of(x));
    return list;
}

}  // namespace

nlohmann::ordered_json object_to_json(const ScenarioObject& object) {
    return std::visit([](const auto& o) { return json_of(o); }, object);
}

ObjectRead object_from_json(ObjectKind kind, const nlohmann::json& v, const std::string& path) {
    DocReader r;
    ObjectRead out;
    auto take = [&](auto read) {
        if (auto o = read(r, v, path)) out.object = ScenarioObject(std::move(*o));
    };
    switch (kind) {
        case ObjectKind::DroneType: take(read_drone_type); break;
        case ObjectKind::Hub: take(read_hub); break;
        case ObjectKind::Junction: take(read_junction); break;
        case ObjectKind::Corridor: take(read_corridor); break;
        case ObjectKind::Zone: take(read_zone); break;
        case ObjectKind::Fleet: take(read_fleet_entry); break;
        case ObjectKind::DemandRate: take(read_demand_rate); break;
        case ObjectKind::Order: take(read_order); break;
        case ObjectKind::WindBand: take(read_wind_band); break;
        case ObjectKind::Rules: take(read_rules_value); break;
        case ObjectKind::Inspection: take(read_inspection); break;
        case ObjectKind::Sightseeing: take(read_sightseeing); break;
    }
    out.errors = std::move(r.errors);
    out.warnings = std::move(r.warnings);
    if (!out.errors.empty()) out.object.reset();
    return out;
}

std::vector<Error> check_cross_references(const Scenario& s) {
    DocReader r;
    check_references(r, s);
    return std::move(r.errors);
}

std::string save_scenario(const Scenario& s) {
    OJson doc;
    doc["format"] = "lowsky-scenario";
    doc["version"] = kScenarioFormatVersion;
    doc["name"] = s.name;
    doc["notes"] = strings_json(s.notes);
    doc["rules"] = json_of(s.rules);
    doc["drone_types"] = list_json(s.drone_types);
    doc["hubs"] = list_json(s.hubs);
    doc["junctions"] = list_json(s.junctions);
    doc["corridors"] = list_json(s.corridors);
    doc["zones"] = list_json(s.zones);

    OJson airports = OJson::array();
    for (const auto& a : s.airport_zones) {
        OJson runways = OJson::array();
        for (const auto& rw : a.runways) runways.push_back(OJson{{"from", point_json(rw.end_a)}, {"to", point_json(rw.end_b)}});
        airports.push_back(OJson{{"icao", a.icao}, {"name", a.name}, {"jurisdiction", name_of(kJurisdictions, a.jurisdiction)},
                                 {"runways", runways}, {"core_radius_m", a.core_radius_m}, {"protection_side_m", a.protection_side_m},
                                 {"protection_end_m", a.protection_end_m}, {"ceiling_m_agl", a.ceiling_m_agl}});
    }
    doc["airport_zones"] = airports;
    doc["fleet"] = list_json(s.fleet);
    doc["demand"] = OJson{{"orders", list_json(s.orders)}, {"rates", list_json(s.demand_rates)}};
    if (!s.demand_profile.empty()) doc["demand"]["profile"] = s.demand_profile;
    doc["weather"] = OJson{{"wind", list_json(s.wind)}};
    if (!s.restrictions.empty()) {  // absent when there are none: documents without them stay as they were
        OJson list = OJson::array();
        for (const auto& t : s.restrictions)
            list.push_back(OJson{{"id", t.id}, {"polygon", points_json(t.shape.polygon)}, {"start", format_clock(int(t.start_s))},
                                 {"end", format_clock(int(t.end_s))}, {"notice_s", t.notice_s}});
        doc["restrictions"] = list;
    }

    // Absent when there are none, as the restrictions.
    if (!s.inspections.empty()) doc["inspections"] = list_json(s.inspections);
    if (!s.sightseeing.empty()) doc["sightseeing"] = list_json(s.sightseeing);

    OJson explanations = OJson::array();
    for (const auto& e : s.explanations) explanations.push_back(OJson{{"check", e.check}, {"object", e.object}, {"why", e.why}});
    doc["explanations"] = explanations;
    return json_text(doc, 2) + "\n";
}

}  // namespace lowsky
