#include <imgui.h>

#include <algorithm>
#include <vector>

#include "panels.h"
#include "panels/map_style.h"

namespace lowsky::web {

namespace {

const ImU32 kPlaceFill = map_style::kPlace;
const ImU32 kAirportFill = map_style::kAirport;
const ImU32 kRunway = IM_COL32(96, 96, 110, 230);
const ImU32 kHalo = IM_COL32(255, 255, 255, 215);
const ImU32 kCity = IM_COL32(70, 66, 60, 255), kDistrict = IM_COL32(120, 112, 100, 255);
const ImU32 kLabel = IM_COL32(30, 34, 44, 255);

ImVec2 to_screen(const MapCamera& camera, GeoPoint p) {
    double x, y;
    camera.geo_to_screen(p, x, y);
    return ImVec2(float(x), float(y));
}

struct Box {
    ImVec2 min, max;
    bool overlaps(const Box& o) const { return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y; }
};

struct LabelRequest {
    ImVec2 anchor;   // marker centre
    float radius;    // marker radius
    std::string text;
    ImU32 color;
};

// Text with a light halo so that it reads on land and water alike.
void draw_label(ImDrawList* dl, ImVec2 at, const char* text, ImU32 color) {
    const float o = 1.0f;
    for (ImVec2 d : {ImVec2(-o, 0), ImVec2(o, 0), ImVec2(0, -o), ImVec2(0, o), ImVec2(-o, -o), ImVec2(o, o)}) {
        dl->AddText(ImVec2(at.x + d.x, at.y + d.y), kHalo, text);
    }
    dl->AddText(at, color, text);
}

// Greedy placement in request order: beside the marker (right, then left), else above or
// below it (centred, then leaning right or left). A label goes where it overlaps no marker,
// no label placed before it and no window, and stays on screen; else it is left out.
std::vector<PlacedLabel> place_labels(ImDrawList* dl, const std::vector<LabelRequest>& requests, const std::vector<ScreenRect>& covered, float s) {
    std::vector<PlacedLabel> placed;
    std::vector<Box> taken;
    for (const auto& r : requests) {
        if (r.radius > 0) taken.push_back({{r.anchor.x - r.radius, r.anchor.y - r.radius}, {r.anchor.x + r.radius, r.anchor.y + r.radius}});  // text alone reserves no spot
    }
    for (const auto& c : covered) taken.push_back({{c.x0, c.y0}, {c.x1, c.y1}});
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    for (const auto& r : requests) {
        const ImVec2 size = ImGui::CalcTextSize(r.text.c_str());
        const float gap = r.radius + 4 * s, a = r.anchor.x, b = r.anchor.y;
        const float above = b - gap - size.y, below = b + gap, middle = b - size.y / 2;
        const ImVec2 spots[] = {{a + gap, middle}, {a - gap - size.x, middle},  {a - size.x / 2, above},        {a - size.x / 2, below},
                                {a - r.radius, above}, {a - r.radius, below},  {a + r.radius - size.x, above}, {a + r.radius - size.x, below}};
        for (const ImVec2& at : spots) {
            const Box box{{at.x - 1, at.y - 1}, {at.x + size.x + 1, at.y + size.y + 1}};
            if (box.min.x < 0 || box.min.y < 0 || box.max.x > screen.x || box.max.y > screen.y) continue;
            if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(box); })) continue;
            taken.push_back(box);
            draw_label(dl, at, r.text.c_str(), r.color);
            placed.push_back({r.text, {box.min.x, box.min.y, box.max.x, box.max.y}});
            break;
        }
    }
    return placed;
}

}  // namespace

std::vector<PlacedLabel> draw_map_markers(ImDrawList* dl, const MapCamera& camera, const PlaceCatalog& places, bool places_too, const std::vector<Hub>& hubs,
                      const std::vector<ScreenRect>& covered, float s) {
    const double m_per_px = camera.ground_m_per_px();
    std::vector<LabelRequest> labels;

    for (const auto& hub : hubs) labels.push_back({to_screen(camera, hub.position), 7.5f * s, local_name(hub.name, hub.name_zh), kLabel});
    for (const auto& place : places.places) {
        if (!places_too) break;
        const ImVec2 p = to_screen(camera, place.position);
        const float r = 4.0f * s;
        dl->AddCircleFilled(p, r + 1.5f * s, kHalo, 16);
        dl->AddCircleFilled(p, r, kPlaceFill, 16);
        labels.push_back({p, r, local_name(place.name, place.name_zh), kLabel});
    }
    for (const auto& airport : places.airports) {
        // Runways at their true length; their width grows with zoom, up to a real 45 m.
        const float width = float(std::max(1.5 * s, std::min(45.0 / m_per_px, 6.0 * s)));
        for (const auto& rw : airport.runways) dl->AddLine(to_screen(camera, rw.end_a), to_screen(camera, rw.end_b), kRunway, width);
        const ImVec2 p = to_screen(camera, airport.reference_point);
        const float r = 5.5f * s;
        dl->AddCircleFilled(p, r + 1.5f * s, kHalo, 20);
        dl->AddCircleFilled(p, r, kAirportFill, 20);
        dl->AddLine(ImVec2(p.x - r * 0.6f, p.y), ImVec2(p.x + r * 0.6f, p.y), kHalo, 1.5f * s);
        dl->AddLine(ImVec2(p.x, p.y - r * 0.6f), ImVec2(p.x, p.y + r * 0.6f), kHalo, 1.5f * s);
        labels.push_back({p, r, airport.icao + "  " + local_name(airport.name, airport.name_zh), kAirportFill});
    }
    // The basemap's cities, then districts from zoom 10: text alone, placed where it fits after
    // everything above (a label that would cover another is left out).
    for (const auto& city : places.cities) {
        if (city.kind == PlaceKind::District && camera.zoom() < 10) continue;
        labels.push_back({to_screen(camera, city.position), 0, local_name(city.name, city.name_zh), city.kind == PlaceKind::City ? kCity : kDistrict});
    }
    return place_labels(dl, labels, covered, s);
}

}  // namespace lowsky::web
