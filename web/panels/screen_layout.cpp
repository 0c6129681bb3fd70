// Where things are on screen: the windows over the map (map labels keep out from under them),
// and the controls whose rectangles the page publishes for the browser tests.
#include <imgui.h>
#include <imgui_internal.h>  // the window list: Dear ImGui keeps no public one

#include "panels.h"

namespace lowsky::web {

std::vector<ScreenRect> screen_covered_by_windows() {
    std::vector<ScreenRect> covered;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (const ImGuiWindow* w : g.Windows) {
        if (w->LastFrameActive != g.FrameCount || w->Hidden || w->IsFallbackWindow) continue;  // not shown (a collapsed one is)
        if (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup | ImGuiWindowFlags_ChildWindow)) continue;
        covered.push_back({w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y});
    }
    return covered;
}

void remember_item_rect(const char* name, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    rects.push_back({name, {a.x, a.y, b.x - a.x, b.y - a.y}});
}

}  // namespace lowsky::web

namespace lowsky::web {

void remember_window_rect(const char* name, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const ImVec2 a = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    rects.push_back({name, {a.x, a.y, size.x, size.y}});
}

}  // namespace lowsky::web

namespace lowsky::web {

namespace {
bool g_map_busy = false;
}  // namespace

void set_map_busy(bool busy) { g_map_busy = busy; }

ImGuiWindowFlags side_panel_flags(ImGuiWindowFlags flags) {
    if (!g_map_busy) return flags;
    ImGui::SetNextWindowBgAlpha(0.25f);
    return flags | ImGuiWindowFlags_NoInputs;
}

}  // namespace lowsky::web
