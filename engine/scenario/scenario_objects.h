#pragma once
// The scenario's editable objects, by kind: what the editor (edit/editor.h) adds, removes and
// changes, one object at a time, and what the document reads and writes one at a time
// (scenario_io.h). Lists with ids (drone types, hubs, junctions, corridors, zones, orders,
// inspections, sightseeing loops) are
// addressed by id; the others (fleet, demand rates, wind bands) by their place in the list.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "scenario/scenario.h"

namespace lowsky {

// The rules are one object, "#0", whose fields are set; it is never added or removed.
enum class ObjectKind { DroneType, Hub, Junction, Corridor, Zone, Fleet, DemandRate, Order, WindBand, Rules, Inspection, Sightseeing };

using ScenarioObject = std::variant<DroneType, Hub, Junction, Corridor, Zone, FleetEntry, DemandRate, Order, WindBand, Rules, Inspection, Sightseeing>;

const char* to_string(ObjectKind kind);                          // "hub", "demand_rate", ...
std::optional<ObjectKind> object_kind_from(std::string_view name);
std::string list_path(ObjectKind kind);                          // "$.hubs", "$.demand.rates", ...
bool has_ids(ObjectKind kind);
ObjectKind kind_of(const ScenarioObject& object);

// The list of a kind in a scenario, as objects: its size, one of them, and changing it.
size_t list_size(const Scenario& s, ObjectKind kind);
ScenarioObject object_at(const Scenario& s, ObjectKind kind, size_t index);
void put_object(Scenario& s, size_t index, ScenarioObject object);     // replace
void insert_object(Scenario& s, size_t index, ScenarioObject object);  // index == size appends
void erase_object(Scenario& s, ObjectKind kind, size_t index);

// Where an object is: by id, or "#3" for the fourth of a list without ids. nullopt if none.
std::optional<size_t> find_object(const Scenario& s, ObjectKind kind, const std::string& id);
std::string object_id(const ScenarioObject& object);  // "" for the kinds without ids

}  // namespace lowsky
