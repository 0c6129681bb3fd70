// The inspector: every field of the selected object as the engine holds it, with its unit and
// its altitude reference spelled out, and the object's findings. A value is sent as an edit
// command when the field is left; the engine reads it as it reads a file, so a bad value is
// refused with the reader's message, shown under the field, and the field shows the engine's
// value again.
#include <imgui.h>

#include "panels.h"
#include "scenario/scenario_io.h"

namespace lowsky::web {

void draw_inspector_panel(InspectorState& st, MapEditor& editor, ScenarioView& view, float top, float s,
                          std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (editor.selection.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = 380 * s;
    const float bottom = vp->Pos.y + vp->Size.y - (ImGui::GetFrameHeight() + 8 * s) - 12 * s;
    if (bottom - top < 120 * s) return;
    ImGui::SetNextWindowBgAlpha(0.95f);
    const ImGuiWindowFlags flags = side_panel_flags(ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
    if (begin_side_panel(tr("Inspector###inspector"), ImVec2(vp->Pos.x + vp->Size.x - width - 12 * s, top), ImVec2(width, bottom - top), flags)) {
        if (editor.selection.size() > 1) {
            ImGui::Text(tr("%zu objects selected"), editor.selection.size());
            for (const auto& r : editor.selection) ImGui::BulletText("%s %s", to_string(r.kind), r.id.c_str());
            ImGui::TextDisabled("%s", tr("Drag one to move them all; Delete removes them; Ctrl+D duplicates."));
        } else {
            const ObjectRef ref = editor.selection.front();
            if (!(st.object == ref)) st.errors.clear(), st.object = ref;
            const auto index = find_object(*view.scenario, ref.kind, ref.id);
            if (index) {
                ImGui::Text("%s  %s", to_string(ref.kind), ref.id.c_str());
                // An inspection or sightseeing loop: how its drone type flies it (the engine's figures).
                for (const MissionOverlay& m : view.missions) {
                    if (m.id != ref.id || !m.figures || (ref.kind != ObjectKind::Inspection && ref.kind != ObjectKind::Sightseeing)) continue;
                    ImGui::TextColored(m.figures->within_battery() ? ImVec4(0.55f, 0.9f, 0.6f, 1) : ImVec4(1, 0.5f, 0.4f, 1), tr("%.1f km, %.0f min, %.0f of %.0f Wh usable, %zu items"),
                                       m.figures->distance_m / 1000, m.figures->time_s / 60, m.figures->energy_wh, m.figures->usable_energy_wh, m.items);
                    remember_item_rect("inspector.figures", rects);
                }
                ImGui::Separator();
                edit_object_fields(st.errors, "", editor, view, ref, rects);
                int n = 0;
                for (const auto& f : view.report.findings) {
                    if (f.object != ref.id && f.other != ref.id) continue;
                    if (n++ == 0) ImGui::Separator(), ImGui::TextUnformatted(tr("Findings"));
                    ImGui::PushTextWrapPos(0.0f);
                    ImGui::TextColored(f.severity == Severity::Error ? ImVec4(1.0f, 0.45f, 0.4f, 1) : f.severity == Severity::Warning ? ImVec4(1.0f, 0.75f, 0.3f, 1)
                                                                                                                                  : ImVec4(0.6f, 0.8f, 1.0f, 1),
                                       "%s  %s", to_string(f.severity), f.check.c_str());
                    ImGui::TextDisabled("%s", f.message.c_str());
                    ImGui::PopTextWrapPos();
                }
                if (n == 0) ImGui::TextDisabled("%s", tr("No findings for this object."));
            }
        }
    }
    remember_window_rect("inspector", rects);
    ImGui::End();
}

}  // namespace lowsky::web
