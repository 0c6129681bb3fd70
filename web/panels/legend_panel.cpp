// What every colour and symbol on the map means, drawn with the very colours the layers use
// (panels/map_style.h). Collapsed to its title until opened; its state is kept with the view.
#include <imgui.h>

#include "panels.h"
#include "panels/map_style.h"

namespace lowsky::web {

namespace {

enum class Swatch { Area, Line, Square, Dot };

void entry(Swatch kind, ImU32 colour, ImU32 outline, const char* text, float s) {
    const float h = ImGui::GetTextLineHeight(), w = 26 * s;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 c(p.x + w / 2, p.y + h / 2);
    switch (kind) {
        case Swatch::Area:
            dl->AddRectFilled(ImVec2(p.x + 2 * s, p.y + 2 * s), ImVec2(p.x + w - 2 * s, p.y + h - 2 * s), colour, 3 * s);
            dl->AddRect(ImVec2(p.x + 2 * s, p.y + 2 * s), ImVec2(p.x + w - 2 * s, p.y + h - 2 * s), outline, 3 * s, 0, 1.5f * s);
            break;
        case Swatch::Line: dl->AddLine(ImVec2(p.x + 2 * s, c.y), ImVec2(p.x + w - 2 * s, c.y), colour, 4 * s); break;
        case Swatch::Square:
            dl->AddRectFilled(ImVec2(c.x - 6 * s, c.y - 6 * s), ImVec2(c.x + 6 * s, c.y + 6 * s), IM_COL32(255, 255, 255, 230), 3 * s);
            dl->AddRectFilled(ImVec2(c.x - 4.5f * s, c.y - 4.5f * s), ImVec2(c.x + 4.5f * s, c.y + 4.5f * s), colour, 2 * s);
            break;
        case Swatch::Dot:
            dl->AddCircleFilled(c, 6 * s, IM_COL32(255, 255, 255, 230));
            dl->AddCircleFilled(c, 4.5f * s, colour);
            break;
    }
    ImGui::Dummy(ImVec2(w, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
}

}  // namespace

void draw_legend(bool& open, float bottom, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 10 * s, bottom), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowCollapsed(!open, ImGuiCond_Once);  // then the title bar opens and closes it
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    const bool shown = ImGui::Begin(tr("Legend"), nullptr, flags);
    open = !ImGui::IsWindowCollapsed();
    if (shown) {
        using namespace map_style;
        ImGui::BeginTable("##legend", 2, ImGuiTableFlags_SizingFixedFit);  // two columns: half the height
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr("Zones"));
        entry(Swatch::Area, zone_fill(ZoneKind::NoFly), zone_line(ZoneKind::NoFly), tr("no-fly"), s);
        entry(Swatch::Area, zone_fill(ZoneKind::Controlled), zone_line(ZoneKind::Controlled), tr("controlled: approval needed"), s);
        entry(Swatch::Area, zone_fill(ZoneKind::Restricted), zone_line(ZoneKind::Restricted), tr("restricted at set hours"), s);
        ImGui::TextDisabled("%s", tr("Corridors and hubs, by their checks"));
        entry(Swatch::Line, corridor(CheckState::Clean, 255), 0, tr("clear (or flown under an approval)"), s);
        entry(Swatch::Line, corridor(CheckState::Warning, 255), 0, tr("warning"), s);
        entry(Swatch::Line, corridor(CheckState::Error, 255), 0, tr("error"), s);
        entry(Swatch::Square, hub(CheckState::Clean), 0, tr("hub (amber, red: warning, error)"), s);
        entry(Swatch::Dot, kJunction, 0, tr("junction"), s);
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr("Missions"));
        entry(Swatch::Line, kRoute, 0, tr("the route previewed"), s);
        entry(Swatch::Line, kOverlay, 0, tr("an imported mission or shape"), s);
        entry(Swatch::Line, kFenceIn, 0, tr("geofence: stay inside"), s);
        entry(Swatch::Line, kFenceOut, 0, tr("geofence: keep out"), s);
        ImGui::TextDisabled("%s", tr("Simulated drones"));
        entry(Swatch::Dot, kDroneOutbound, 0, tr("carrying a parcel"), s);
        entry(Swatch::Dot, kDroneReturning, 0, tr("on the way back"), s);
        entry(Swatch::Dot, kDroneCharging, 0, tr("charging at a hub"), s);
        entry(Swatch::Dot, kDroneWaiting, 0, tr("waiting at a hub"), s);
        ImGui::TextDisabled("%s", tr("Places"));
        entry(Swatch::Dot, kPlace, 0, tr("town or district"), s);
        entry(Swatch::Dot, kAirport, 0, tr("airport"), s);
        entry(Swatch::Line, kRiver, 0, tr("river"), s);
        entry(Swatch::Line, kBorder, 0, tr("border (Hong Kong, Macau)"), s);
        ImGui::EndTable();
    }
    remember_window_rect("legend", rects);
    ImGui::End();
}

}  // namespace lowsky::web
