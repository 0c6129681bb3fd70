// The validator's findings for the open scenario; clicking one flies the map there.
#include <imgui.h>

#include "panels.h"

namespace lowsky::web {

namespace {
ImVec4 severity_colour(Severity s) {
    switch (s) {
        case Severity::Error: return ImVec4(1.00f, 0.42f, 0.38f, 1);
        case Severity::Warning: return ImVec4(1.00f, 0.74f, 0.28f, 1);
        default: return ImVec4(0.55f, 0.78f, 1.00f, 1);
    }
}
}  // namespace

const Finding* draw_findings_panel(const ScenarioView& view, const MapSelection& selected, float top, float height, float s,
                                   std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = 380 * s;
    ImGui::SetNextWindowBgAlpha(0.93f);
    const Finding* clicked = nullptr;
    // Collapsible: a click on the title bar folds it away from the map.
    const ImGuiWindowFlags flags = side_panel_flags(ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
    if (begin_side_panel(tr("Findings###findings"), ImVec2(vp->Pos.x + vp->Size.x - width - 12 * s, top), ImVec2(width, height), flags)) {
        const ValidationReport& r = view.report;
        ImGui::TextUnformatted(view.scenario->name.c_str());
        ImGui::TextColored(severity_colour(Severity::Error), tr("%d error%s"), r.errors, r.errors == 1 ? "" : "s");
        ImGui::SameLine();
        ImGui::TextColored(severity_colour(Severity::Warning), tr("  %d warning%s"), r.warnings, r.warnings == 1 ? "" : "s");
        ImGui::SameLine();
        ImGui::TextColored(severity_colour(Severity::Info), tr("  %d info"), r.infos);
        ImGui::TextDisabled(tr("%zu corridors, %zu hubs, %zu zones (%zu generated from airports)"), view.scenario->corridors.size(),
                            view.scenario->hubs.size(), view.compiled->zones().size(), view.compiled->zones().size() - view.scenario->zones.size());
        ImGui::Separator();
        if (r.findings.empty()) ImGui::TextDisabled("%s", tr("No findings: every check passes."));
        ImGui::BeginChild("##list");
        for (size_t i = 0; i < r.findings.size(); ++i) {
            const Finding& f = r.findings[i];
            ImGui::PushID(int(i));
            const bool is_selected = selected.finding == int(i);
            ImGui::PushStyleColor(ImGuiCol_Text, severity_colour(f.severity));
            const std::string head = std::string(to_string(f.severity)) + "  " + f.check + "  " + f.object;
            if (ImGui::Selectable(head.c_str(), is_selected)) clicked = &f;
            if (i < 8) remember_item_rect(("finding." + std::to_string(i)).c_str(), rects);
            ImGui::PopStyleColor();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextDisabled("%s", f.message.c_str());
            if (!f.explanation.empty()) ImGui::TextColored(ImVec4(0.75f, 0.9f, 0.75f, 1), tr("explained: %s"), f.explanation.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            ImGui::PopID();
        }
        ImGui::EndChild();
        remember_window_rect("findings", rects);
    }
    ImGui::End();
    return clicked;
}

}  // namespace lowsky::web
