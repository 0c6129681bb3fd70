#pragma once
// The map's colours, in one place: the layers draw with them and the legend explains them.

#include <imgui.h>

#include "scenario/scenario.h"
#include "scenario_view.h"

namespace lowsky::web::map_style {

ImU32 zone_fill(ZoneKind kind);
ImU32 zone_line(ZoneKind kind);
ImU32 corridor(CheckState state, int alpha);
ImU32 hub(CheckState state);
constexpr ImU32 kJunction = IM_COL32(40, 48, 60, 255);
constexpr ImU32 kRoute = IM_COL32(30, 110, 230, 255);         // the previewed route
constexpr ImU32 kOverlay = IM_COL32(200, 30, 160, 255);       // an imported mission or shape
constexpr ImU32 kSurvey = IM_COL32(0, 150, 136, 255);         // an inspection survey: its area and lines
constexpr ImU32 kDraft = IM_COL32(156, 39, 176, 255);          // a drafted corridor, not yet accepted
constexpr ImU32 kSightseeing = IM_COL32(150, 70, 190, 255);   // a sightseeing loop: its path and sights
constexpr ImU32 kFenceIn = IM_COL32(20, 160, 90, 200), kFenceOut = IM_COL32(220, 40, 40, 200);
constexpr ImU32 kDroneOutbound = IM_COL32(236, 120, 20, 255);  // carrying its parcel
constexpr ImU32 kDroneReturning = IM_COL32(40, 120, 200, 255);
constexpr ImU32 kDroneCharging = IM_COL32(30, 160, 80, 255);   // on the ground at a hub
constexpr ImU32 kDroneWaiting = IM_COL32(120, 126, 136, 255);
constexpr ImU32 kEncounterConflict = IM_COL32(255, 196, 60, 255);  // a predicted conflict of the day's scan
constexpr ImU32 kEncounterLoss = IM_COL32(255, 64, 56, 255);        // a loss of separation
constexpr ImU32 kPlace = IM_COL32(27, 94, 168, 255);
constexpr ImU32 kAirport = IM_COL32(176, 38, 104, 255);
constexpr ImU32 kRiver = IM_COL32(120, 168, 208, 255), kBorder = IM_COL32(150, 96, 150, 200);

}  // namespace lowsky::web::map_style
