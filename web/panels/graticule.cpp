// Lines of latitude and longitude at round values, labelled at the map's edges: a reference
// when zoomed in far enough that no shore or object is on screen (the map would be one flat
// colour otherwise), and a way to read a position off a screenshot.
#include <cmath>
#include <cstdio>

#include "panels.h"

namespace lowsky::web {

void draw_graticule(ImDrawList* dl, const MapCamera& camera, float s) {
    if (camera.zoom() < 10) return;  // the coast and the places say enough out there
    if (!camera.is_plan_view()) return;  // its straight lines and edge labels are the plan view's
    const double w = camera.width_px(), h = camera.height_px();  // ImGui draws in device pixels here, as the camera
    const GeoPoint nw = camera.screen_to_geo(0, 0), se = camera.screen_to_geo(w, h);
    // The round step that puts four to ten lines across the view.
    static constexpr double kSteps[] = {0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001};
    const double span = std::min(se.lon_deg - nw.lon_deg, nw.lat_deg - se.lat_deg);
    double step = kSteps[0];
    for (double candidate : kSteps) if (span / candidate <= 10) step = candidate;
    const int decimals = step >= 0.1 ? 1 : step >= 0.01 ? 2 : step >= 0.001 ? 3 : 4;
    const ImU32 line = IM_COL32(90, 110, 130, 60), text = IM_COL32(70, 85, 100, 200);
    const float inset = 4 * s;
    char label[32];
    for (double lon = std::ceil(nw.lon_deg / step) * step; lon <= se.lon_deg; lon += step) {
        double x, y;
        camera.geo_to_screen({nw.lat_deg, lon}, x, y);
        const float cx = float(x);
        dl->AddLine(ImVec2(cx, 0), ImVec2(cx, float(h)), line, 1.0f);
        std::snprintf(label, sizeof label, "%.*f° E", decimals, lon);
        dl->AddText(ImVec2(cx + inset, float(h) * 0.5f), text, label);
    }
    for (double lat = std::ceil(se.lat_deg / step) * step; lat <= nw.lat_deg; lat += step) {
        double x, y;
        camera.geo_to_screen({lat, nw.lon_deg}, x, y);
        const float cy = float(y);
        dl->AddLine(ImVec2(0, cy), ImVec2(float(w), cy), line, 1.0f);
        std::snprintf(label, sizeof label, "%.*f° N", decimals, lat);
        dl->AddText(ImVec2(float(w) * 0.5f, cy - ImGui::GetFontSize() - inset / 2), text, label);
    }
}

}  // namespace lowsky::web
