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
    if (ImGui::Begin("Keys and gestures (? to close)", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
        if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
            for (const ToolInfo& t : all_tools()) {
                const std::string what = std::string(t.name) + ": " + t.hint;
                row(t.key, what.c_str());
            }
            row("Enter, double-click", "finish the corridor or zone being drawn");
            row("Backspace", "take back the last point drawn");
            row("Escape", "cancel the drawing, then the tool, then the selection");
            row("Delete", "delete the selection");
            row("Ctrl+Z", "undo (the button says what)");
            row("Ctrl+Shift+Z, Ctrl+Y", "redo");
            row("Ctrl+C, Ctrl+V", "copy and paste the selection");
            row("Ctrl+D", "duplicate the selection");
            row("drag", "move what is under the pointer, or pan the map");
            row("Shift+drag", "select everything in a box");
            row("wheel, pinch", "zoom around the pointer or the fingers");
            row("double-click", "zoom in");
            row("long press (touch)", "what is under the finger: a hover's tooltip");
            row("?", "this list");
            ImGui::EndTable();
        }
        remember_window_rect("help", rects);
    }
    ImGui::End();
}

}  // namespace lowsky::web
