// Every shortcut and gesture, in one window: `?` (or the Help button) opens and closes it.
// The tools' keys come from the editor's own table, so the list cannot drift from what works.
#include <imgui.h>

#include "panels.h"

namespace lowsky::web {

namespace {

void row(const char* keys, const char* what) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.30f, 1), "%s", keys);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(what);
}

}  // namespace

void draw_help(bool& open, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (!open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->Size.x * 0.95f, vp->Size.y * 0.85f));
    if (ImGui::Begin(tr("Keys and gestures (? to close)"), &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
        if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
            for (const ToolInfo& t : all_tools()) {
                const std::string what = std::string(t.name) + ": " + t.hint;
                row(t.key, what.c_str());
            }
            row(tr("Enter, double-click"), tr("finish the corridor or zone being drawn"));
            row(tr("Backspace"), tr("take back the last point drawn"));
            row(tr("Escape"), tr("cancel the drawing, then the tool, then the selection"));
            row(tr("Delete"), tr("delete the selection"));
            row(tr("Ctrl+Z"), tr("undo (the button says what)"));
            row(tr("Ctrl+Shift+Z, Ctrl+Y"), tr("redo"));
            row(tr("Ctrl+C, Ctrl+V"), tr("copy and paste the selection"));
            row(tr("Ctrl+D"), tr("duplicate the selection"));
            row(tr("drag"), tr("move what is under the pointer, or pan the map"));
            row(tr("Shift+drag"), tr("select everything in a box"));
            row(tr("wheel, pinch"), tr("zoom around the pointer or the fingers"));
            row(tr("double-click"), tr("zoom in"));
            row("T", tr("plan view or 3D (the map is edited in plan view)"));
            row(tr("right drag, Ctrl+drag"), tr("in 3D: turn and tilt the view"));
            row(tr("two fingers turning"), tr("in 3D: turn the map with them"));
            row(tr("two fingers up or down"), tr("in 3D: tilt the view"));
            row(tr("long press (touch)"), tr("what is under the finger: a hover's tooltip"));
            row("?", tr("this list"));
            ImGui::EndTable();
        }
        remember_window_rect("help", rects);
    }
    ImGui::End();
}

}  // namespace lowsky::web
