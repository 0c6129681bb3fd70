#include <imgui.h>

#include <cstdio>

#include "panels.h"

namespace lowsky::web {

void draw_notices(std::vector<Notice>& notices, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (notices.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y * 0.12f), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(vp->Size.x * 0.9f, 360 * s), 0), ImVec2(std::min(vp->Size.x * 0.9f, 620 * s), vp->Size.y * 0.6f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoMove;
    ImGui::PushStyleColor(ImGuiCol_TitleBg, IM_COL32(150, 40, 40, 255));
    ImGui::PushStyleColor(ImGuiCol_TitleBgActive, IM_COL32(170, 45, 45, 255));
    char title[64];
    std::snprintf(title, sizeof title, tr("%zu problem(s)###notices"), notices.size());
    bool open = true;
    if (ImGui::Begin(title, &open, flags)) {
        for (size_t i = 0; i < notices.size();) {
            ImGui::PushID(int(i));
            const bool close = ImGui::SmallButton("x");
            remember_item_rect(("notice." + std::to_string(i) + ".close").c_str(), rects);
            ImGui::SameLine();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(vp->Size.x * 0.8f, 560 * s));
            ImGui::TextUnformatted(tr(notices[i].title.c_str()));  // the detail is the engine's, in English
            ImGui::TextDisabled("%s", notices[i].detail.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopID();
            if (close) notices.erase(notices.begin() + long(i));
            else ++i;
            if (i < notices.size()) ImGui::Separator();
        }
        if (notices.size() > 1) {
            if (ImGui::Button(tr("Dismiss all"))) notices.clear();
            remember_item_rect("notices.dismiss_all", rects);
        }
        remember_window_rect("notices", rects);
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
    if (!open) notices.clear();
}

}  // namespace lowsky::web
