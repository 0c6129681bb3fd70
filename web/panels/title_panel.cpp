#include <imgui.h>

#include "panels.h"

namespace lowsky::web {

bool draw_title_panel(const MapCamera& camera, const std::string& basemap_status) {
    const float pad = ImGui::GetStyle().WindowPadding.x;
    ImGui::SetNextWindowPos(ImVec2(pad, pad), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.92f);
    bool reset = false;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##title", nullptr, flags)) {
        ImGui::TextUnformatted("lowsky");
        ImGui::SameLine();
        ImGui::TextDisabled("low-altitude logistics planner");
        ImGui::Separator();
        ImGui::TextUnformatted("Greater Bay Area");
        ImGui::TextDisabled("Drag to pan, wheel or pinch to zoom");
        if (ImGui::Button("Reset view")) reset = true;
        ImGui::SameLine();
        ImGui::TextDisabled("%s", basemap_status.c_str());
    }
    ImGui::End();
    (void)camera;
    return reset;
}

}  // namespace lowsky::web
