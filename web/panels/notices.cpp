#include <imgui.h>

#include "panels.h"

namespace lowsky::web {

void draw_notices(std::vector<Notice>& notices) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    float y = vp->Pos.y + vp->Size.y * 0.12f;
    for (size_t i = 0; i < notices.size();) {
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, y), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->Size.x * 0.6f, vp->Size.y * 0.5f));
        ImGui::PushID(int(i));
        bool open = true;
        const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove;
        ImGui::PushStyleColor(ImGuiCol_TitleBg, IM_COL32(150, 40, 40, 255));
        ImGui::PushStyleColor(ImGuiCol_TitleBgActive, IM_COL32(170, 45, 45, 255));
        const std::string title = notices[i].title + "###notice";
        if (ImGui::Begin(title.c_str(), &open, flags)) {
            ImGui::PushTextWrapPos(vp->Size.x * 0.55f);
            ImGui::TextUnformatted(notices[i].detail.c_str());
            ImGui::PopTextWrapPos();
            y += ImGui::GetWindowSize().y + 8;
        }
        ImGui::End();
        ImGui::PopStyleColor(2);
        ImGui::PopID();
        if (!open) notices.erase(notices.begin() + long(i));
        else ++i;
    }
}

}  // namespace lowsky::web
