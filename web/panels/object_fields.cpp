// An object's fields as the engine holds it, each editable: the value is sent as an edit
// command when the field is left, and a refused value's message is kept under the field.
#include <imgui.h>

#include <algorithm>

#include <cstdio>
#include <cstring>

#include "panels.h"
#include "scenario/dji_aircraft.h"
#include "scenario/scenario_io.h"

namespace lowsky::web {

namespace {

using OJson = nlohmann::ordered_json;

// The unit a member's name ends in.
const char* unit_of(const std::string& key) {
    struct Suffix { const char* end; const char* unit; };
    static const Suffix kUnits[] = {{"_m_s", "m/s"}, {"_m_s2", "m/s\xc2\xb2"}, {"_m2", "m\xc2\xb2"}, {"_m_amsl", "m AMSL"}, {"_m_agl", "m above ground"},
                                    {"_kg_m3", "kg/m\xc2\xb3"}, {"_m", "m"}, {"_s", "s"}, {"_kg", "kg"}, {"_wh", "Wh"}, {"_w", "W"}, {"_deg", "\xc2\xb0"}};
    for (const auto& s : kUnits) {
        const size_t n = std::strlen(s.end);
        if (key.size() > n && key.compare(key.size() - n, n, s.end) == 0) return s.unit;
    }
    return "";
}

// The names an enumerated member takes (docs/scenario.md), with how the inspector says them.
struct Choice { const char* value; const char* label; };
const std::vector<Choice>* choices_for(ObjectKind kind, const std::string& pointer, const std::string& key) {
    static const std::vector<Choice> references = {{"above_ground", N_("above ground")}, {"above_takeoff", N_("above take-off")}, {"amsl", N_("AMSL (above mean sea level)")}};
    static const std::vector<Choice> directions = {{"two_way", N_("two-way")}, {"one_way", N_("one-way")}};
    static const std::vector<Choice> lanes = {{"none", N_("none")}, {"lateral", N_("side by side")}, {"vertical", N_("stacked")}};
    static const std::vector<Choice> zone_kinds = {{"no_fly", N_("no-fly")}, {"controlled", N_("controlled (approval needed)")}, {"restricted", N_("restricted (time windows)")}};
    static const std::vector<Choice> hub_kinds = {{"operations_centre", N_("operations centre")}, {"vertiport", N_("vertiport")}, {"drop_point", N_("drop point")}};
    static const std::vector<Choice> energy = {{"none", N_("none")}, {"charger", N_("chargers")}, {"swap", N_("battery swap")}};
    static const std::vector<Choice> jurisdictions = {{"mainland", N_("mainland China")}, {"hong_kong", N_("Hong Kong")}, {"macau", N_("Macau")}};
    static const std::vector<Choice> classes = {{"micro", N_("micro")}, {"light", N_("light")}, {"small", N_("small")}, {"medium", N_("medium")}, {"large", N_("large")}};
    static const std::vector<Choice> airframes = {{"multirotor", N_("multirotor")}, {"vtol_fixed_wing", N_("VTOL fixed wing")}};
    static const std::vector<Choice> models = {{"stolaroff", N_("Stolaroff")}, {"dorling", N_("Dorling")}};
    if (key == "reference") return &references;
    if (key == "direction") return &directions;
    if (key == "lanes") return &lanes;
    if (key == "jurisdiction") return &jurisdictions;
    if (key == "class") return &classes;
    if (key == "airframe") return &airframes;
    if (key == "dji_model") {  // the engine's table of DJI aircraft is the one list
        static const std::vector<Choice> dji = [] {
            std::vector<Choice> list;
            for (const auto& a : dji_aircraft()) list.push_back({a.name, a.name});
            return list;
        }();
        return &dji;
    }
    if (pointer == "/energy/kind") return &energy;
    if (pointer == "/energy_model/kind") return &models;
    if (pointer == "/kind") return kind == ObjectKind::Zone ? &zone_kinds : kind == ObjectKind::Hub ? &hub_kinds : nullptr;
    return nullptr;
}

class Fields {
public:
    using Rects = std::vector<std::pair<std::string, std::array<float, 4>>>;
    Fields(std::map<std::string, std::string>& errors, std::string key, MapEditor& editor, ScenarioView& view, ObjectRef ref, Rects& rects)
        : errors_(errors), key_(std::move(key)), editor_(editor), view_(view), ref_(std::move(ref)), rects_(rects) {}

    void object(const OJson& o, const std::string& pointer) {
        for (auto it = o.begin(); it != o.end(); ++it) value(it.key(), it.value(), pointer + "/" + it.key());
    }

private:
    void send(const std::string& pointer, nlohmann::json value) {
        EditCommand c;
        c.op = EditOp::Set;
        c.targets = {ref_};
        c.field = pointer;
        c.value = std::move(value);
        auto result = view_.editor->apply(c);
        if (!result) {
            errors_[key_ + pointer] = result.error().message + " (" + result.error().where + ")";
            return;
        }
        errors_.erase(key_ + pointer);
        view_.refresh();
        if (pointer == "/id") {
            for (auto& r : editor_.selection) if (r == ref_) r.id = c.value.get<std::string>();
            ref_.id = c.value.get<std::string>();
        }
    }

    void label(const std::string& key) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(key.c_str());
        // The field in the second column; under its name when the name (or its indentation)
        // reaches past the column, rather than over it.
        const float column = ImGui::GetFontSize() * 8.5f;
        const float column_x = ImGui::GetWindowPos().x - ImGui::GetScrollX() + column;
        if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x <= column_x) ImGui::SameLine(column);
        else ImGui::SetCursorPosX(column);
        // As wide as the panel allows, leaving room for a unit after it.
        ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 7, ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 4));
    }

    void error_under(const std::string& pointer) {
        auto e = errors_.find(key_ + pointer);
        if (e == errors_.end()) return;
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.40f, 1), "%s", e->second.c_str());
        ImGui::PopTextWrapPos();
    }

    void value(const std::string& key, const OJson& v, const std::string& pointer) {
        ImGui::PushID(pointer.c_str());
        if (v.is_number()) {
            label(key);
            double x = v.get<double>();
            ImGui::InputDouble("##v", &x, 0, 0, "%.6g");
            placed(pointer);
            if (ImGui::IsItemDeactivatedAfterEdit()) send(pointer, v.is_number_integer() && x == double(long(x)) ? nlohmann::json(long(x)) : nlohmann::json(x));
            const char* unit = unit_of(key);
            if (*unit) ImGui::SameLine(), ImGui::TextDisabled("%s", unit);
            error_under(pointer);
        } else if (v.is_string()) {
            label(key);
            const std::string now = v.get<std::string>();
            if (const auto* options = choices_for(ref_.kind, pointer, key)) {
                const char* shown = now.c_str();
                for (const auto& c : *options) if (now == c.value) shown = tr(c.label);
                if (ImGui::BeginCombo("##v", shown)) {
                    for (const auto& c : *options)
                        if (ImGui::Selectable(tr(c.label), now == c.value) && now != c.value) send(pointer, c.value);
                    ImGui::EndCombo();
                }
            } else {
                char buffer[512];
                std::snprintf(buffer, sizeof buffer, "%s", now.c_str());
                ImGui::InputText("##v", buffer, sizeof buffer);
                placed(pointer);
                if (ImGui::IsItemDeactivatedAfterEdit()) send(pointer, std::string(buffer));
            }
            error_under(pointer);
        } else if (v.is_object() && v.contains("value_m") && v.contains("reference")) {
            // An altitude: its number and its reference on one line.
            label(key);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
            double x = v["value_m"].get<double>();
            ImGui::InputDouble("##m", &x, 0, 0, "%.6g");
            placed(pointer + "/value_m");
            if (ImGui::IsItemDeactivatedAfterEdit()) send(pointer + "/value_m", x);
            ImGui::SameLine();
            ImGui::TextDisabled("m");
            ImGui::SameLine();
            const std::string ref = v["reference"].get<std::string>();
            const auto* options = choices_for(ref_.kind, pointer + "/reference", "reference");
            const char* shown = ref.c_str();
            for (const auto& c : *options) if (ref == c.value) shown = tr(c.label);
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::BeginCombo("##ref", shown)) {
                for (const auto& c : *options)
                    if (ImGui::Selectable(tr(c.label), ref == c.value) && ref != c.value) send(pointer + "/reference", c.value);
                ImGui::EndCombo();
            }
            error_under(pointer + "/value_m");
            error_under(pointer + "/reference");
        } else if (v.is_object() && v.contains("lat_deg") && v.contains("lon_deg")) {
            label(key);
            double ll[2] = {v["lat_deg"].get<double>(), v["lon_deg"].get<double>()};
            ImGui::InputScalarN("##ll", ImGuiDataType_Double, ll, 2, nullptr, nullptr, "%.6f");
            if (ImGui::IsItemDeactivatedAfterEdit()) send(pointer, {{"lat_deg", ll[0]}, {"lon_deg", ll[1]}});
            error_under(pointer);
        } else if (v.is_object()) {
            if (ImGui::TreeNodeEx(key.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
                object(v, pointer);
                ImGui::TreePop();
            }
        } else if (v.is_array() && (v.empty() || v[0].is_string())) {
            // A list of ids, as text: "quad-light, heavy-octo".
            label(key);
            std::string joined;
            for (const auto& x : v) joined += (joined.empty() ? "" : ", ") + x.get<std::string>();
            char buffer[1024];
            std::snprintf(buffer, sizeof buffer, "%s", joined.c_str());
            ImGui::InputText("##v", buffer, sizeof buffer);
            if (ImGui::IsItemDeactivatedAfterEdit()) {
                nlohmann::json list = nlohmann::json::array();
                std::string item;
                for (const char* p = buffer;; ++p) {
                    if (*p == ',' || *p == '\0') {
                        const size_t a = item.find_first_not_of(' '), b = item.find_last_not_of(' ');
                        if (a != std::string::npos) list.push_back(item.substr(a, b - a + 1));
                        item.clear();
                        if (*p == '\0') break;
                    } else {
                        item += *p;
                    }
                }
                send(pointer, list);
            }
            error_under(pointer);
        } else if (v.is_array()) {
            const std::string title = key + " (" + std::to_string(v.size()) + ")";
            if (ImGui::TreeNode(title.c_str())) {
                for (size_t i = 0; i < v.size(); ++i) value(std::to_string(i), v[i], pointer + "/" + std::to_string(i));
                ImGui::TreePop();
            }
            error_under(pointer);
        }
        ImGui::PopID();
    }

    // Publishes the field just drawn, by its pointer, for the browser tests.
    void placed(const std::string& pointer) { remember_item_rect(("field." + key_ + pointer).c_str(), rects_); }

    std::map<std::string, std::string>& errors_;
    std::string key_;
    MapEditor& editor_;
    ScenarioView& view_;
    ObjectRef ref_;
    Rects& rects_;
};

}  // namespace

void edit_object_fields(std::map<std::string, std::string>& errors, const std::string& key, MapEditor& editor, ScenarioView& view, const ObjectRef& ref,
                        std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const auto index = find_object(*view.scenario, ref.kind, ref.id);
    if (!index) return;
    const nlohmann::ordered_json o = object_to_json(object_at(*view.scenario, ref.kind, *index));
    Fields(errors, key, editor, view, ref, rects).object(o, "");
}

}  // namespace lowsky::web
