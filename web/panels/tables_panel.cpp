// The tables of what the map does not show: drone types, the fleet, demand rates, orders and
// the wind bands. Each row's fields are edited as the inspector edits them; rows are added
// (a copy of the last, under a fresh id) and removed; every change is an edit command, undone
// like any other.
#include <imgui.h>

#include "panels.h"
#include "scenario/scenario_io.h"

namespace lowsky::web {

namespace {

struct Table {
    ObjectKind kind;
    const char* title;
};
constexpr Table kTables[] = {{ObjectKind::DroneType, "Drone types"}, {ObjectKind::Fleet, "Fleet"}, {ObjectKind::DemandRate, "Demand rates"},
                             {ObjectKind::Order, "Orders"}, {ObjectKind::Inspection, "Inspections"}, {ObjectKind::Sightseeing, "Sightseeing"},
                             {ObjectKind::WindBand, "Wind"}, {ObjectKind::Rules, "Rules"}};

// A row's title: its id, or what it is about for the lists without ids.
std::string row_title(const Scenario& s, ObjectKind kind, size_t i) {
    switch (kind) {
        case ObjectKind::Fleet: return std::to_string(s.fleet[i].count) + " x " + s.fleet[i].drone_type + " at " + s.fleet[i].hub;
        case ObjectKind::DemandRate: return s.demand_rates[i].from + " to " + s.demand_rates[i].to + ", " + std::to_string(int(s.demand_rates[i].per_day)) + " a day";
        case ObjectKind::WindBand:
            return std::to_string(int(s.wind[i].floor_m_agl)) + "-" + std::to_string(int(s.wind[i].ceiling_m_agl)) + " m: " + std::to_string(int(s.wind[i].speed_m_s)) +
                   " m/s from " + std::to_string(int(s.wind[i].from_deg));
        case ObjectKind::Rules: return "ceiling " + std::to_string(int(s.rules.ceiling_m_agl)) + " m, separation " + std::to_string(int(s.rules.lateral_separation_m)) + " m";
        default: return object_id(object_at(s, kind, i));
    }
}

}  // namespace

void draw_tables_panel(TablesState& st, MapEditor& editor, ScenarioView& view, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (!st.open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560 * s, vp->Size.x - 20 * s), std::min(520 * s, vp->Size.y - 80 * s)), ImGuiCond_Appearing);
    if (ImGui::Begin(tr("Tables###tables"), &st.open, ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::BeginTabBar("##tables")) {
            for (const Table& table : kTables) {
                if (!ImGui::BeginTabItem(table.title)) continue;
                const Scenario& sc = *view.scenario;
                const size_t n = list_size(sc, table.kind);
                std::optional<ObjectRef> remove;
                bool add = false;
                if (table.kind == ObjectKind::Rules) ImGui::TextDisabled("%s", tr("One set of rules for the whole scenario."));
                else if (n > 0) add = ImGui::Button(tr("Add a row like the last"));
                else ImGui::TextDisabled("%s", tr("None yet: paste or import one."));
                remember_item_rect(("add." + std::string(to_string(table.kind))).c_str(), rects);
                for (size_t i = 0; i < n; ++i) {
                    const ObjectRef ref{table.kind, has_ids(table.kind) ? object_id(object_at(sc, table.kind, i)) : "#" + std::to_string(i)};
                    ImGui::PushID(int(i));
                    const bool open = ImGui::CollapsingHeader((row_title(sc, table.kind, i) + "###row").c_str());
                    remember_item_rect(("row." + std::string(to_string(table.kind)) + "." + std::to_string(i)).c_str(), rects);
                    if (open) {
                        edit_object_fields(st.errors, std::string(to_string(table.kind)) + ":" + ref.id, editor, view, ref, rects);
                        if (table.kind != ObjectKind::Rules && ImGui::Button(tr("Remove"))) remove = ref;
                        ImGui::Separator();
                    }
                    ImGui::PopID();
                    if (list_size(*view.scenario, table.kind) != n) break;  // a rename or a removal changed the list
                }
                if (add) {
                    EditCommand c;
                    c.op = EditOp::Duplicate;
                    c.targets = {{table.kind, has_ids(table.kind) ? object_id(object_at(*view.scenario, table.kind, n - 1)) : "#" + std::to_string(n - 1)}};
                    editor.apply(view, c);
                }
                if (remove) {
                    EditCommand c;
                    c.op = EditOp::Remove;
                    c.targets = {*remove};
                    editor.apply(view, c);
                }
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        if (!editor.message.empty() && editor.message_is_error) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.40f, 1), "%s", editor.message.c_str());
    }
    remember_window_rect("tables.window", rects);
    ImGui::End();
}

}  // namespace lowsky::web
