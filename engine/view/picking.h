#pragma once
// What is under the pointer, in plan view or 3D: the tests the map's hover and the editor's
// click share, so that what a tooltip names is what a click selects.

#include "geo/map_camera.h"
#include "scenario/scenario.h"

namespace lowsky {

// Whether the pointer at (sx, sy) is over a zone. In plan view: its outline contains the ground
// point. In 3D: the pointer's ray passes through its solid, tested at nine levels from its floor
// to its top (cut at `top_m`, as the solids are drawn).
bool pointer_over_zone(const MapCamera& camera, const ZoneShape& shape, const AltitudeBand& band, double sx, double sy, double top_m);

}  // namespace lowsky
