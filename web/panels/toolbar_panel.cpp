// The bar across the top of the map: the app's name, the drawing tools (each with its
// shortcut), the Edit menu (undo and redo naming what they undo, delete, duplicate), the view's
// reset, and a line that says what the tool in hand wants next or why the last edit was
// refused. Its buttons wrap onto more rows on a narrow screen; the other panels sit below it.
#include <imgui.h>

#include "panels.h"

namespace lowsky::web {

namespace {

// Puts the next button on this row if it fits, else on a new one.
void flow(const char* label, float right_edge) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label, nullptr, true).x + 2 * st.FramePadding.x;  // not the ##id
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right_edge) ImGui::NewLine();
}

}  // namespace

TopBarAction draw_top_bar(MapEditor* editor, ScenarioView* view, const std::string& basemap_status, const bool* drawer,
                          const std::function<void()>& extra, bool in_3d, float s,
                          std::vector<std::pair<std::string, std::array<float, 4>>>& rects, float& bottom) {
    TopBarAction action = TopBarAction::None;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.94f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * s, 6 * s));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(7 * s, 4 * s));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(5 * s, 5 * s));
    if (ImGui::Begin("##top_bar", nullptr, flags)) {
        const float right = vp->Pos.x + vp->Size.x - 10 * s;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("lowsky");
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("Greater Bay Area"));
        if (view && drawer) {
            // On a phone the panels wait in a drawer, so that the map is the screen.
            const char* label = *drawer ? tr("Map") : tr("Panels");
            flow(label, right);
            if (ImGui::Button(label)) action = TopBarAction::Drawer;
            remember_item_rect("drawer", rects);
        }
        if (view) {
            // The File menu: documents in and out of the browser.
            flow(tr("File"), right);
            if (ImGui::Button(tr("File"))) ImGui::OpenPopup("file_menu");
            remember_item_rect("file", rects);
            if (ImGui::BeginPopup("file_menu")) {
                auto item = [&](const char* label, const char* shortcut, const char* name, TopBarAction what) {
                    if (ImGui::MenuItem(label, shortcut)) action = what;
                    remember_item_rect(name, rects);
                };
                item(tr("New"), nullptr, "file.new", TopBarAction::New);
                item(tr("Open..."), nullptr, "file.open", TopBarAction::Open);
                item(tr("Recent..."), nullptr, "file.recent", TopBarAction::Recent);
                ImGui::Separator();
                item(tr("Save (download)"), nullptr, "file.save", TopBarAction::Save);
                item(tr("Save as..."), nullptr, "file.save_as", TopBarAction::SaveAs);
                item(tr("Share link"), nullptr, "file.share", TopBarAction::Share);
                ImGui::Separator();
                item(tr("Reset panel layout"), nullptr, "file.reset_layout", TopBarAction::ResetLayout);
                ImGui::EndPopup();
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("New, open, recent, save, share: your work is also kept in this browser as you go"));
        }
        if (editor && view) {
            for (const ToolInfo& t : all_tools()) {
                const std::string label = std::string(tr(t.name)) + "  " + t.key + "###tool." + t.name;
                flow(label.c_str(), right);
                const bool on = editor->tool == t.tool;
                if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.95f, 0.70f, 0.10f, 1.0f)), ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.08f, 0.08f, 0.10f, 1));
                if (ImGui::Button(label.c_str())) editor->set_tool(t.tool);
                if (on) ImGui::PopStyleColor(2);
                remember_item_rect((std::string("tool.") + t.name).c_str(), rects);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s): %s", tr(t.name), t.key, tr(t.hint));
            }
            const std::string undo = view->editor->undo_name(), redo = view->editor->redo_name();
            const std::string undo_label = undo.empty() ? tr("Undo") : tr("Undo") + (" " + undo), redo_label = redo.empty() ? tr("Redo") : tr("Redo") + (" " + redo);
            flow(undo_label.c_str(), right);
            ImGui::BeginDisabled(undo.empty());
            if (ImGui::Button(undo_label.c_str())) editor->undo(*view);
            ImGui::EndDisabled();
            remember_item_rect("edit.undo", rects);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr("Ctrl+Z"));
            flow(redo_label.c_str(), right);
            ImGui::BeginDisabled(redo.empty());
            if (ImGui::Button(redo_label.c_str())) editor->redo(*view);
            ImGui::EndDisabled();
            remember_item_rect("edit.redo", rects);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr("Ctrl+Shift+Z or Ctrl+Y"));
            ImGui::BeginDisabled(editor->selection.empty());
            flow(tr("Delete"), right);
            if (ImGui::Button(tr("Delete"))) editor->remove_selection(*view);
            remember_item_rect("edit.delete", rects);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr("Delete"));
            flow(tr("Duplicate"), right);
            if (ImGui::Button(tr("Duplicate"))) editor->duplicate_selection(*view);
            remember_item_rect("edit.duplicate", rects);
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr("Ctrl+D; Ctrl+C and Ctrl+V copy and paste"));
            ImGui::EndDisabled();
            flow(tr("Tables"), right);
            if (ImGui::Button(tr("Tables"))) action = TopBarAction::Tables;
            remember_item_rect("tables", rects);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Drone types, fleet, demand, orders and wind: what the map does not show"));
            flow(tr("Assist"), right);
            if (ImGui::Button(tr("Assist"))) action = TopBarAction::Assist;
            remember_item_rect("assist.button", rects);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Planning assist: drafted corridors, where a drone gets within 30 minutes, how many drones a hub needs"));
        }
        const char* view_name = in_3d ? tr("Plan") : tr("3D");
        flow(view_name, right);
        if (ImGui::Button(view_name)) action = TopBarAction::View3D;
        remember_item_rect("view.3d", rects);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", in_3d ? tr("Back to the plan view, where the map is edited (T)") : tr("See the airspace in 3D: drag with the right button or Ctrl to turn and tilt (T)"));
        flow(tr("Reset view"), right);
        if (ImGui::Button(tr("Reset view"))) action = TopBarAction::ResetView;
        flow(tr("Tour"), right);
        if (ImGui::Button(tr("Tour"))) action = TopBarAction::Tour;
        remember_item_rect("tour.button", rects);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("The region's story in seven steps, each with lowsky's own figure"));
        flow("?", right);
        if (ImGui::Button("?")) action = TopBarAction::Help;
        remember_item_rect("help.button", rects);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Every key and gesture (?)"));
        // The interface's language: each button is named in the language it switches to.
        const char* other = language() == Language::Chinese ? "English" : "中文";
        flow(other, right);
        if (ImGui::Button(other)) action = TopBarAction::Language;
        remember_item_rect("language", rects);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(language() == Language::Chinese ? "Switch the interface to English" : "界面切换为简体中文");
        if (extra) {
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + 170 * s > right) ImGui::NewLine();
            extra();
        }
        // The basemap's state where the row has room for it (it is worth no row of its own).
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(basemap_status.c_str()).x <= right) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s", basemap_status.c_str());
        } else {
            ImGui::NewLine();
        }
        if (editor && !editor->message.empty()) {
            ImGui::PushTextWrapPos(0.0f);
            if (editor->message_is_error) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.40f, 1), "%s", editor->message.c_str());
            else ImGui::TextDisabled("%s", editor->message.c_str());
            ImGui::PopTextWrapPos();
        }
        remember_window_rect("toolbar", rects);
        bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    }
    ImGui::End();
    ImGui::PopStyleVar(4);
    return action;
}

}  // namespace lowsky::web
