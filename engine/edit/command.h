#pragma once
// An edit of the scenario document, as data: what the app sends when the planner draws, drags,
// types or deletes, what `lowsky edit` reads from a file, and what the tests send. The editor
// (edit/editor.h) applies it, or refuses it with what and where, and keeps it for undo.
//
// Its JSON form (docs/editing.md):
//   {"op": "add", "kind": "corridor", "object": {...}}
//   {"op": "remove" | "duplicate", "targets": [{"kind": "zone", "id": "z-1"}, ...]}
//   {"op": "set", "kind": "corridor", "id": "c-1", "field": "/width_m", "value": 150}
//   {"op": "move", "targets": [...], "by": {"lat_deg": 0.01, "lon_deg": 0}}
//   {"op": "move_vertex" | "insert_vertex", "kind": "corridor", "id": "c-1", "vertex": 2, "to": {"lat_deg": ..., "lon_deg": ...}}
//   {"op": "delete_vertex", "kind": "zone", "id": "z-1", "vertex": 0}
//   {"op": "paste", "objects": [{"kind": "hub", "object": {...}}, ...], "by": {"lat_deg": 0.002, "lon_deg": 0.002}}  ("by" optional)
// Lists without ids (fleet, demand rates, wind bands) name an object "#index".

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "geo/geo_types.h"
#include "scenario/scenario_objects.h"

namespace lowsky {

struct ObjectRef {
    ObjectKind kind = ObjectKind::Corridor;
    std::string id;
    bool operator==(const ObjectRef& o) const { return kind == o.kind && id == o.id; }
};

enum class EditOp { Add, Remove, Duplicate, Set, Move, MoveVertex, InsertVertex, DeleteVertex, Paste };

struct EditCommand {
    EditOp op = EditOp::Set;
    std::vector<ObjectRef> targets;  // Remove, Duplicate, Move: any number; Set and the vertex edits: one
    int vertex = -1;                 // the vertex edits: which (InsertVertex: the new vertex's index)
    GeoPoint point;                  // MoveVertex, InsertVertex: where; Move, Paste: by how much (degrees)
    std::string field;               // Set: a JSON pointer into the object ("/width_m", "/floor/value_m", "/id")
    nlohmann::json value;            // Set: the new value; Add: the object; Paste: [{"kind", "object"}, ...]
    ObjectKind kind = ObjectKind::Corridor;  // Add: the kind of the object
};

// What the edit is called in the Edit menu: "move vertex", "add corridor", "set width_m", "rename hub".
std::string command_name(const EditCommand& command);

Result<EditCommand> command_from_json(const nlohmann::json& value, const std::string& path);
nlohmann::json command_to_json(const EditCommand& command);

}  // namespace lowsky
