// The altitude profile of the selected corridor: distance along it against height AMSL, with
// its band, the true-height ceiling, the zones it passes (their floors and ceilings) and the
// ground it is placed over (its end hubs' elevations; flat between them, as the engine takes
// it, until a terrain model exists). Like a ground station's mission profile, for a corridor.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "airspace/corridor_profile.h"
#include "panels.h"

namespace lowsky::web {

namespace {

ImU32 zone_colour(ZoneKind k, int alpha) {
    switch (k) {
        case ZoneKind::NoFly: return IM_COL32(214, 48, 49, alpha);
        case ZoneKind::Controlled: return IM_COL32(60, 120, 210, alpha);
        default: return IM_COL32(150, 80, 190, alpha);
    }
}

// A round step for axis ticks: 1, 2 or 5 times a power of ten, about `span / 5`.
double tick_step(double span) {
    const double raw = span / 5, p = std::pow(10.0, std::floor(std::log10(raw)));
    return raw / p < 2 ? p : raw / p < 5 ? 2 * p : 5 * p;
}

}  // namespace

void draw_profile_panel(const ScenarioView& view, const MapEditor& editor, float left, float right, float bottom, float s,
                        std::vector<std::pair<std::string, std::array<float, 4>>>& rects, ProfileShown& shown) {
    shown = {};
    if (editor.selection.size() != 1 || editor.selection.front().kind != ObjectKind::Corridor) return;
    const auto index = find_object(*view.scenario, ObjectKind::Corridor, editor.selection.front().id);
    if (!index || right - left < 260 * s) return;
    const CorridorProfile p = corridor_profile(*view.compiled, *index);
    const Corridor& c = view.scenario->corridors[*index];

    const float height = 200 * s;
    ImGui::SetNextWindowBgAlpha(0.95f);
    const ImGuiWindowFlags flags = side_panel_flags(ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar);
    if (begin_side_panel(tr("Altitude profile###profile"), ImVec2(left, bottom - height), ImVec2(right - left, height), flags)) {
        ImGui::Text("%s", c.name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled(tr("%s  %.1f km; heights in m AMSL: band %.0f-%.0f over ground at %.0f; %zu zone%s on the way"), c.id.c_str(), p.length_m / 1000,
                            p.floor.m, p.ceiling.m, p.ground.m, p.zones.size(), p.zones.size() == 1 ? "" : "s");
        const ImVec2 at = ImGui::GetCursorScreenPos(), room = ImGui::GetContentRegionAvail();
        const float axis_left = 46 * s, axis_bottom = 18 * s;
        const ImVec2 o(at.x + axis_left, at.y + room.y - axis_bottom);  // the chart's origin, bottom left
        const float w = room.x - axis_left - 6 * s, h = room.y - axis_bottom - 4 * s;
        if (w > 40 && h > 30) {
            const double y0 = std::min({p.ground.m, p.start_ground.m, p.end_ground.m, p.floor.m}) - 10;
            const double y1 = std::max(p.ceiling.m, p.airspace_ceiling.m) + 40;
            const double length = std::max(1.0, p.length_m);
            auto X = [&](double d) { return o.x + float(d / length) * w; };
            auto Y = [&](double m) { return o.y - float((std::clamp(m, y0, y1) - y0) / (y1 - y0)) * h; };
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddRectFilled(ImVec2(o.x, o.y - h), ImVec2(o.x + w, o.y), IM_COL32(18, 22, 30, 255));
            // Ground: flat at the height the engine places the band over, each end's hub marked.
            dl->AddRectFilled(ImVec2(X(0), Y(p.ground.m)), ImVec2(X(length), o.y), IM_COL32(120, 96, 70, 255));
            for (const auto& [d, g] : {std::pair<double, HeightAmsl>{0, p.start_ground}, {length, p.end_ground}})
                dl->AddCircleFilled(ImVec2(X(d), Y(g.m)), 4 * s, IM_COL32(240, 220, 190, 255));
            // Zones passed, between their floors and ceilings.
            for (const ProfileZone& z : p.zones) {
                const float x0 = X(z.from_m), x1 = std::max(X(z.to_m), x0 + 2 * s);
                dl->AddRectFilled(ImVec2(x0, Y(z.ceiling.m)), ImVec2(x1, Y(z.floor.m)), zone_colour(z.kind, 90));
                dl->AddRect(ImVec2(x0, Y(z.ceiling.m)), ImVec2(x1, Y(z.floor.m)), zone_colour(z.kind, 230), 0, 0, 1.5f * s);
                dl->AddText(ImVec2(x0 + 3 * s, Y(z.ceiling.m) + 2 * s), IM_COL32(255, 255, 255, 220), z.id.c_str());
            }
            // The band.
            dl->AddRectFilled(ImVec2(X(0), Y(p.ceiling.m)), ImVec2(X(length), Y(p.floor.m)), IM_COL32(0, 155, 110, 150));
            dl->AddRect(ImVec2(X(0), Y(p.ceiling.m)), ImVec2(X(length), Y(p.floor.m)), IM_COL32(0, 200, 140, 255), 0, 0, 1.5f * s);
            // The ceiling, dashed.
            for (float x = X(0); x < X(length); x += 10 * s)
                dl->AddLine(ImVec2(x, Y(p.airspace_ceiling.m)), ImVec2(std::min(x + 6 * s, X(length)), Y(p.airspace_ceiling.m)), IM_COL32(255, 90, 80, 255), 2 * s);
            char text[64];
            std::snprintf(text, sizeof text, tr("ceiling %.0f m above ground"), view.scenario->rules.ceiling_m_agl);
            dl->AddText(ImVec2(X(length) - ImGui::CalcTextSize(text).x - 4 * s, Y(p.airspace_ceiling.m) - ImGui::GetFontSize() - 1 * s), IM_COL32(255, 140, 130, 255), text);
            // Axes: metres AMSL up the side, kilometres along the bottom.
            const double ys = tick_step(y1 - y0);
            for (double m = std::ceil(y0 / ys) * ys; m <= y1; m += ys) {
                std::snprintf(text, sizeof text, "%.0f", std::abs(m) < 1e-9 ? 0.0 : m);
                dl->AddLine(ImVec2(o.x - 4 * s, Y(m)), ImVec2(o.x, Y(m)), IM_COL32(200, 200, 200, 255));
                dl->AddText(ImVec2(at.x, Y(m) - ImGui::GetFontSize() / 2), IM_COL32(190, 195, 205, 255), text);
            }
            const double xs = tick_step(length / 1000) * 1000;
            for (double d = 0; d <= length + 1e-6; d += xs) {
                std::snprintf(text, sizeof text, "%.*f km", xs < 1000 ? 1 : 0, d / 1000);
                dl->AddLine(ImVec2(X(d), o.y), ImVec2(X(d), o.y + 4 * s), IM_COL32(200, 200, 200, 255));
                dl->AddText(ImVec2(std::min(X(d), o.x + w - ImGui::CalcTextSize(text).x), o.y + 3 * s), IM_COL32(190, 195, 205, 255), text);
            }
            rects.push_back({"profile.chart", {o.x, o.y - h, w, h}});
            shown = {true, c.id, p.length_m, y0, y1, p.floor.m, p.ceiling.m};
        }
        ImGui::Dummy(room);
    }
    remember_window_rect("profile", rects);
    ImGui::End();
}

}  // namespace lowsky::web
