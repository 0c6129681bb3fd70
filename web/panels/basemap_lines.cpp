// The basemap's rivers and borders, over its land and water and under everything else: drawn
// with the background draw list (anti-aliased, any width, which WebGL's lines are not), each
// line skipped when its box is off screen.
#include <algorithm>

#include "panels.h"
#include "panels/map_style.h"

namespace lowsky::web {

void draw_basemap_lines(ImDrawList* dl, const MapCamera& camera, const std::vector<BasemapLine>& lines, float s) {
    const GeoPoint nw = camera.screen_to_geo(0, 0), se = camera.screen_to_geo(camera.width_px(), camera.height_px());
    const ImU32 river = map_style::kRiver, border = map_style::kBorder;
    std::vector<ImVec2> points;
    for (const auto& line : lines) {
        double west = 180, east = -180, south = 90, north = -90;
        for (const auto& p : line.points) west = std::min(west, p.lon_deg), east = std::max(east, p.lon_deg), south = std::min(south, p.lat_deg), north = std::max(north, p.lat_deg);
        if (east < nw.lon_deg || west > se.lon_deg || north < se.lat_deg || south > nw.lat_deg) continue;
        points.clear();
        for (const auto& p : line.points) {
            double x, y;
            camera.geo_to_screen(p, x, y);
            points.push_back(ImVec2(float(x), float(y)));
        }
        // The larger the river (lower level) and the closer the view, the wider.
        const bool is_river = line.kind == LineKind::River;
        const float width = is_river ? std::max(1.0f, (3.5f - line.level) * 0.6f) * s * (camera.zoom() >= 11 ? 1.5f : 1.0f) : 1.5f * s;
        dl->AddPolyline(points.data(), int(points.size()), is_river ? river : border, 0, width);
    }
}

}  // namespace lowsky::web
