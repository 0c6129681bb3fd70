// The documents kept in this browser, newest first: open one, rename, duplicate or delete it.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "panels.h"
#include "platform.h"

namespace lowsky::web {

namespace {

std::string date_of(double ms) {
    const std::time_t t = std::time_t(ms / 1000);
    char text[32];
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
    return text;
}

std::string size_of(size_t bytes) {
    char text[32];
    if (bytes < 1024) std::snprintf(text, sizeof text, "%zu B", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(text, sizeof text, "%.1f KB", double(bytes) / 1024);
    else std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / (1024 * 1024));
    return text;
}

}  // namespace

RecentAction draw_recent_panel(RecentState& st, const std::vector<StoredDocument>& docs, bool loaded, const std::string& error,
                               const std::string& current_id, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    RecentAction action;
    if (!st.open) return action;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // As wide as fits (its table stretches into it), as high as its rows: always on the screen.
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y * 0.2f), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->Size.x * 0.95f, 720 * s), 0), ImGuiCond_Always);
    if (ImGui::Begin(tr("Recent scenarios"), &st.open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
        if (!error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1), "%s", error.c_str());
        if (!loaded) ImGui::TextDisabled("%s", tr("reading..."));
        else if (docs.empty()) ImGui::TextDisabled("%s", tr("Nothing kept in this browser yet: your work is kept as you change it."));
        if (!docs.empty() && ImGui::BeginTable("recent", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
            ImGui::TableSetupColumn(tr("Name"), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(tr("Saved"));
            ImGui::TableSetupColumn(tr("Size"));
            ImGui::TableSetupColumn("");
            ImGui::TableHeadersRow();
            for (size_t i = 0; i < docs.size(); ++i) {
                const StoredDocument& d = docs[i];
                ImGui::PushID(d.id.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                if (st.renaming == d.id) {
                    ImGui::SetNextItemWidth(220 * s);
                    if (ImGui::IsWindowAppearing() || !ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
                    const bool enter = ImGui::InputText("##name", st.name, sizeof st.name, ImGuiInputTextFlags_EnterReturnsTrue);
                    // The focus lands a frame or two later: keep drawing until it has, or what is typed meanwhile is lost.
                    if (!ImGui::IsItemActive()) platform_request_frames();
                    remember_item_rect(("recent." + std::to_string(i) + ".name").c_str(), rects);
                    if (enter && st.name[0]) action = {RecentAction::Rename, d.id, st.name}, st.renaming.clear();
                } else {
                    ImGui::TextUnformatted(d.name.empty() ? tr("(unnamed)") : d.name.c_str());
                    if (d.id == current_id) ImGui::SameLine(), ImGui::TextDisabled("%s", tr("(open)"));
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", d.id.c_str());
                }
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", date_of(d.saved_ms).c_str());
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", size_of(d.bytes).c_str());
                ImGui::TableNextColumn();
                const std::string row = "recent." + std::to_string(i);
                if (ImGui::SmallButton(tr("Open"))) action = {RecentAction::Open, d.id, d.name};
                remember_item_rect((row + ".open").c_str(), rects);
                ImGui::SameLine();
                if (ImGui::SmallButton(tr("Rename"))) {
                    st.renaming = d.id;
                    std::snprintf(st.name, sizeof st.name, "%s", d.name.c_str());
                }
                remember_item_rect((row + ".rename").c_str(), rects);
                ImGui::SameLine();
                if (ImGui::SmallButton(tr("Duplicate"))) action = {RecentAction::Duplicate, d.id, d.name + " (copy)"};
                remember_item_rect((row + ".duplicate").c_str(), rects);
                ImGui::SameLine();
                ImGui::BeginDisabled(d.id == current_id);
                if (ImGui::SmallButton(tr("Delete"))) action = {RecentAction::Delete, d.id, d.name};
                ImGui::EndDisabled();
                remember_item_rect((row + ".delete").c_str(), rects);
                if (d.id == current_id && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr("It is open: open another first"));
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        remember_window_rect("recent", rects);
    }
    ImGui::End();
    return action;
}

}  // namespace lowsky::web
