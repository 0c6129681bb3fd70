#pragma once
// One panel per file. Panels read engine data and view state and return what the user asked
// for; they never own the scenario.

#include <optional>
#include <string>
#include <vector>

#include "geo/map_camera.h"
#include "places/places.h"

struct ImDrawList;

namespace lowsky::web {

// A message the user must see: a failed asset, a lost context.
struct Notice {
    std::string title;
    std::string detail;
};

// Place and airport markers with labels, drawn under the windows.
void draw_map_markers(ImDrawList* draw_list, const MapCamera& camera, const PlaceCatalog& places, float ui_scale);

// Bottom bar: coordinates under the cursor, zoom, scale bar, attribution.
void draw_status_bar(const MapCamera& camera, std::optional<GeoPoint> cursor, const std::string& attribution, float ui_scale);

// Top-left panel: the app's name, the view's controls. Returns true when "reset view" was pressed.
bool draw_title_panel(const MapCamera& camera, const std::string& basemap_status);

// Centered notices, one per problem, each dismissible.
void draw_notices(std::vector<Notice>& notices);

}  // namespace lowsky::web
