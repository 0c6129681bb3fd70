// Where the frame's windows lie over the map, so that map labels can keep out from under them.
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

}  // namespace lowsky::web
