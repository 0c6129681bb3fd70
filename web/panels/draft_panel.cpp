// The drafted corridor: its length against the straight line, the flight along it, the
// approvals it needs and the validator's findings, with Accept and Discard; and its line on
// the map, dashed until accepted.
#include <imgui.h>

#include <cmath>

#include "panels.h"
#include "panels/map_style.h"

namespace lowsky::web {

DraftPanelAction draw_draft_panel(DraftWorkbench& w, const std::string& drone, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (w.from.empty()) return DraftPanelAction::None;
    DraftPanelAction action = DraftPanelAction::None;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 72 * s), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(300 * s, 0), ImVec2(420 * s, io.DisplaySize.y * 0.6f));
    ImGui::Begin(tr("Draft corridor"), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    remember_window_rect("draft", rects);
    ImGui::TextUnformatted(trf(N_("%s to %s, for %s"), w.from.c_str(), w.to.c_str(), drone.c_str()).c_str());
    const ImVec4 bad(1, 0.5f, 0.4f, 1), warn(1, 0.78f, 0.35f, 1);
    if (w.draft) {
        const assist::CorridorDraft& d = *w.draft;
        ImGui::Text(tr("%.1f km through %zu points, %.1f %% longer than the straight line"), d.length_m / 1000, d.corridor.centreline.size(),
                    100 * (d.length_m / std::max(1.0, d.straight_m) - 1));
        remember_item_rect("draft.figures", rects);
        ImGui::TextDisabled(tr("%.0f m wide, %.0f to %.0f m above ground, drafted in %.0f ms"), d.corridor.width_m, d.corridor.band.floor.value_m,
                            d.corridor.band.ceiling.value_m, w.search_ms);
        if (w.check && w.check->flight)
            ImGui::TextDisabled(tr("flown end to end: %.1f min, %.0f Wh"), w.check->flight->time_s / 60, w.check->flight->energy_wh);
        for (const std::string& note : d.notes) ImGui::TextWrapped("%s", note.c_str());
        if (w.check) {
            for (const Finding& f : w.check->findings) {
                if (f.severity == Severity::Info) continue;
                ImGui::PushStyleColor(ImGuiCol_Text, f.severity == Severity::Error ? bad : warn);
                ImGui::TextWrapped("%s", f.message.c_str());
                ImGui::PopStyleColor();
            }
            if (w.check->errors + w.check->warnings == 0) ImGui::TextDisabled("%s", tr("the validator finds nothing wrong with it"));
        }
        if (ImGui::Button(tr("Accept"))) action = DraftPanelAction::Accept;
        remember_item_rect("draft.accept", rects);
        ImGui::SameLine();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, bad);
        ImGui::TextWrapped("%s", w.error.c_str());
        ImGui::PopStyleColor();
        remember_item_rect("draft.error", rects);
    }
    if (ImGui::Button(tr("Discard"))) action = DraftPanelAction::Discard;
    remember_item_rect("draft.discard", rects);
    ImGui::SameLine();
    if (ImGui::Checkbox(tr("through controlled airspace"), &w.allow_approvals)) action = DraftPanelAction::Redraft;
    remember_item_rect("draft.approvals", rects);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Under approvals to be sought, which the draft names; off: around it"));
    ImGui::End();
    return action;
}

void draw_draft_overlay(ImDrawList* dl, const MapCamera& camera, const DraftWorkbench& w, float s) {
    if (!w.draft) return;
    std::vector<ImVec2> pts;
    for (const GeoPoint& p : w.draft->corridor.centreline) {
        double x, y;
        camera.geo_to_screen(p, x, y);
        pts.push_back(ImVec2(float(x), float(y)));
    }
    // Its width to scale, faint, and a dashed centreline over it.
    const double metres_per_px = camera.ground_m_per_px();
    const float width_px = std::max(2.0f, float(w.draft->corridor.width_m / metres_per_px));
    dl->AddPolyline(pts.data(), int(pts.size()), (map_style::kDraft & 0x00FFFFFF) | 0x40000000, 0, width_px);
    for (size_t k = 0; k + 1 < pts.size(); ++k) {
        const ImVec2 a = pts[k], b = pts[k + 1];
        const float len = std::hypot(b.x - a.x, b.y - a.y), dash = 10 * s;
        for (float t = 0; t < len; t += 2 * dash) {
            const float t1 = std::min(len, t + dash);
            dl->AddLine(ImVec2(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len), ImVec2(a.x + (b.x - a.x) * t1 / len, a.y + (b.y - a.y) * t1 / len),
                        map_style::kDraft, 3 * s);
        }
    }
}

}  // namespace lowsky::web
