#pragma once
// The airspace as solids for the 3D view: each zone extruded between its floor and ceiling,
// each corridor a box along its centreline at its band, and optionally the rules' ceiling as a
// plane. Faces are cut into pieces no longer than a couple of kilometres so that sorting them
// back to front (translucent faces must be drawn far to near) changes smoothly as the camera
// turns, never a whole wall at once. No colours here: each face says what it belongs to, and
// the renderer picks the look.

#include <cstdint>
#include <string>
#include <vector>

#include "geo/geo_types.h"
#include "scenario/compiled_scenario.h"

namespace lowsky {

class MapCamera;

enum class VolumeLook : uint8_t {
    NoFly, Controlled, Restricted,                                       // zones, by kind
    CorridorClean, CorridorInfo, CorridorWarning, CorridorError,         // corridors, by their worst finding
    Ceiling,                                                             // the rules' ceiling
};

struct VolumeOwner {
    std::string kind;  // "zone", "corridor" or "ceiling"
    std::string id;
    VolumeLook look = VolumeLook::NoFly;
};

struct VolumeVertex {
    MercatorPoint at;
    double height_m = 0;  // AMSL (the ground is drawn at sea level: there is no terrain model)
};

struct AirspaceVolumes {
    std::vector<VolumeVertex> vertices;
    std::vector<uint32_t> triangles;        // 3 per face
    std::vector<uint32_t> triangle_owner;   // per face, into owners
    std::vector<uint32_t> edges;            // 2 per outline segment (ring at floor and ceiling, box edges)
    std::vector<uint32_t> edge_owner;       // per segment
    std::vector<VolumeOwner> owners;
};

struct VolumeOptions {
    double top_m = 300;          // zones are cut here (their walls stay open at the top when cut)
    double max_piece_m = 2000;   // no face longer than this (Mercator metres)
    bool ceiling = false;        // the rules' ceiling as a plane over the zones' and corridors' extent
};

// A zone's outline: its polygon, or its circle as a 72-gon (5 degrees a side).
std::vector<GeoPoint> zone_outline(const ZoneShape& shape);

// The heights a zone's solid is drawn between: its floor (never below the ground) and its
// ceiling, cut at `top_m` (`cut` then says so). With no terrain model a height above the ground
// is drawn over sea level. `top_m` <= `floor_m` when nothing of it is drawn.
struct DrawnBand {
    double floor_m = 0, top_m = 0;
    bool cut = false;
};
DrawnBand drawn_band(const AltitudeBand& band, double top_m);

// `corridor_looks` is parallel to the scenario's corridors (missing entries count as clean).
AirspaceVolumes build_airspace_volumes(const CompiledScenario& compiled, const std::vector<VolumeLook>& corridor_looks,
                                       const VolumeOptions& options = {});

// The faces in the order to draw them, farthest first, as `camera` sees them (by the depth of
// each face's centre).
void order_back_to_front(const AirspaceVolumes& volumes, const MapCamera& camera, std::vector<uint32_t>& order);

}  // namespace lowsky
