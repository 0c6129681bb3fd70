// The mission panel: pick a route and a format, see the route, export it through the safety
// gate (as a download), or import a mission or shape file to see it over the map.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "panels.h"
#include "panels/map_style.h"

namespace lowsky::web {

namespace {

const char* kFormats[] = {N_(".plan for PX4"), N_(".plan for ArduPilot"), N_(".waypoints for ArduPilot"), N_("KML (Google Earth)"), N_("GeoJSON (GIS)"), N_("DJI WPML (.kmz, best effort)"),
                          N_("ArduPilot parameters (.param)"), N_("PX4 parameters (.params)")};

const std::string& display_name(const Hub& h) { return local_name(h.name, h.name_zh); }
const std::string& display_name(const DroneType& t) { return t.name; }

// Hubs and drone types by their names; the id in the tooltip.
template <typename T>
bool combo(const char* label, int& index, const std::vector<T>& items) {
    bool changed = false;
    auto shown = [](const T& item) { return item.name.empty() ? item.id.c_str() : display_name(item).c_str(); };
    const bool open = ImGui::BeginCombo(label, items.empty() ? "" : shown(items[size_t(index)]));
    if (!items.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", items[size_t(index)].id.c_str());
    if (open) {
        for (size_t i = 0; i < items.size(); ++i) {
            ImGui::PushID(int(i));
            if (ImGui::Selectable(shown(items[i]), int(i) == index)) { index = int(i); changed = true; }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", items[i].id.c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

// A combo of fixed choices whose box and open items the page publishes (for the browser tests'
// real clicks): `name` for the box, `name/i` for item i.
bool choice(const char* label, int& index, const std::vector<const char*>& names, const char* name, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    bool changed = false;
    const bool open = ImGui::BeginCombo(label, names[size_t(index)]);
    remember_item_rect(name, rects);
    if (open) {
        const bool placed = !ImGui::IsWindowAppearing();  // a popup's first frame is hidden, its layout not final
        for (size_t i = 0; i < names.size(); ++i) {
            if (ImGui::Selectable(names[i], int(i) == index)) { index = int(i); changed = true; }
            if (placed) remember_item_rect((std::string(name) + "/" + std::to_string(i)).c_str(), rects);
        }
        ImGui::EndCombo();
    }
    return changed;
}

// The survey drawn with the Survey tool: its figures and findings from the engine, Export and
// Clear on its title line, its settings folded away. What was pressed or changed, if anything.
MissionPanelAction survey_section(const ScenarioView& view, MissionWorkbench& w, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    MissionPanelAction action = MissionPanelAction::None;
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Inspection survey"));
    if (w.survey) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Export survey"))) action = MissionPanelAction::ExportSurvey;
        remember_item_rect("survey.export", rects);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Keep"))) action = MissionPanelAction::KeepSurvey;
        remember_item_rect("survey.keep", rects);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Keep it in the scenario as an inspection: saved with it, checked with it, one step to undo."));
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("clear##survey"))) {
        w.survey_draft.area.clear();
        action = MissionPanelAction::ClearSurvey;
    }
    remember_item_rect("survey.clear", rects);
    if (w.survey) {
        const Scenario& sc = *view.scenario;
        const SurveyFigures& f = w.survey->check.figures;
        const Hub* home = sc.find_hub(w.survey_draft.hub);
        ImGui::TextDisabled(tr("%zu lines %.1f m apart, from %s"), w.survey->pattern.lines.size(), w.survey->pattern.spacing_m, home ? display_name(*home).c_str() : "");
        const ImVec4 ok(0.55f, 0.9f, 0.6f, 1), bad(1, 0.5f, 0.4f, 1);
        ImGui::TextColored(f.within_battery() ? ok : bad, tr("%.1f km, %.0f min, %.0f of %.0f Wh usable"), f.distance_m / 1000, f.time_s / 60, f.energy_wh, f.usable_energy_wh);
        remember_item_rect("survey.figures", rects);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Flown by the chosen drone type from the nearest hub: take-off, the lines at the survey speed with the camera on, RTL, landing."));
        // What the airspace, the battery and the firmware say: errors refuse the export.
        ImGui::PushTextWrapPos(0);
        for (const auto& e : w.survey->check.errors) ImGui::TextColored(bad, "%s", e.message.c_str());
        for (const auto& e : w.survey->check.warnings) ImGui::TextColored(ImVec4(1, 0.78f, 0.35f, 1), "%s", e.message.c_str());
        ImGui::PopTextWrapPos();
    } else if (!w.survey_error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", w.survey_error.c_str());
        ImGui::PopTextWrapPos();
    }
    if (ImGui::TreeNode(tr("survey settings"))) {
        bool changed = false;
        ImGui::PushItemWidth(-150 * s);
        // Edits apply when the field is left (each one plans the survey again).
        ImGui::InputDouble(tr("footprint (m)##survey"), &w.survey_draft.footprint_m, 0, 0, "%.0f");
        changed |= ImGui::IsItemDeactivatedAfterEdit();
        const double no_overlap = 0, most_overlap = 0.9;
        ImGui::SliderScalar(tr("side overlap##survey"), ImGuiDataType_Double, &w.survey_draft.side_overlap, &no_overlap, &most_overlap, "%.2f");
        changed |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::InputDouble(tr("line heading (deg)##survey"), &w.survey_draft.heading_deg, 0, 0, "%.0f");
        changed |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::InputDouble(tr("height above home (m)##survey"), &w.survey_draft.height_m, 0, 0, "%.0f");
        changed |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::InputDouble(tr("speed (m/s)##survey"), &w.survey_draft.speed_m_s, 0, 0, "%.1f");
        changed |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::PopItemWidth();
        ImGui::TreePop();
        w.survey_draft.height_m = std::clamp(w.survey_draft.height_m, 1.0, 1000.0);  // the document's ranges
        w.survey_draft.speed_m_s = std::clamp(w.survey_draft.speed_m_s, 0.5, 60.0);
        if (changed && action == MissionPanelAction::None) action = MissionPanelAction::SurveyChanged;
    }
    return action;
}

}  // namespace

MissionPanelAction draw_mission_panel(const ScenarioView& view, MissionWorkbench& w, float top, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    MissionPanelAction action = MissionPanelAction::None;
    const Scenario& sc = *view.scenario;
    const float pad = ImGui::GetStyle().WindowPadding.x;
    ImGui::SetNextWindowBgAlpha(0.93f);
    const ImGuiWindowFlags flags = side_panel_flags(ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
    if (begin_side_panel(tr("Mission###mission"), ImVec2(pad, top), ImVec2(330 * s, 0), flags)) {
        ImGui::PushItemWidth(-90 * s);
        bool changed = combo(tr("from##hub"), w.from, sc.hubs);
        changed |= combo(tr("to##hub"), w.to, sc.hubs);
        changed |= combo(tr("drone##type"), w.drone, sc.drone_types);
        if (changed) action = MissionPanelAction::RouteChanged;
        int format = int(w.format);
        const char* formats[IM_ARRAYSIZE(kFormats)];
        for (size_t i = 0; i < IM_ARRAYSIZE(kFormats); ++i) formats[i] = tr(kFormats[i]);
        if (ImGui::Combo(tr("format"), &format, formats, IM_ARRAYSIZE(kFormats))) {
            w.format = ExportChoice(format);
            changed = true;  // the firmware prices the flight
        }
        int delivery = w.delivery == Delivery::HoverRelease ? 0 : 1;
        const char* deliveries[] = {tr("hover and release"), tr("land")};
        if (ImGui::Combo(tr("delivery"), &delivery, deliveries, 2)) {
            w.delivery = delivery == 0 ? Delivery::HoverRelease : Delivery::Land;
            if (w.delivery == Delivery::Land) w.return_mode = ReturnMode::None;
            changed = true;
        }
        int ret = w.return_mode == ReturnMode::Corridors ? 0 : w.return_mode == ReturnMode::Rtl ? 1 : 2;
        if (w.delivery == Delivery::HoverRelease && choice(tr("return"), ret, {tr("through the corridors"), tr("RTL (straight home)"), tr("none")}, "return", rects)) {
            w.return_mode = ret == 0 ? ReturnMode::Corridors : ret == 1 ? ReturnMode::Rtl : ReturnMode::None;
            changed = true;
        }
        if (changed) action = MissionPanelAction::RouteChanged;
        ImGui::PopItemWidth();

        if (w.preview && w.preview_gate) {
            // What Export will decide: the whole mission's time and energy, and the gate's verdict.
            const GateReport& g = *w.preview_gate;
            const bool energy_ok = g.within_battery();
            const ImVec4 ok(0.55f, 0.9f, 0.6f, 1), bad(1, 0.5f, 0.4f, 1), warn(1, 0.78f, 0.35f, 1);
            ImGui::TextDisabled(tr("%.1f km, delivered in %.0f min, back in %.0f min"), w.preview->distance_m / 1000, g.delivered_s / 60, g.time_s / 60);
            // One line: the energy and the verdict, coloured by it; the why and the autopilot
            // parameters the figures assume in its tooltip.
            if (g.passed()) ImGui::TextColored(ok, tr("%.0f of %.0f Wh usable, safety gate passes"), g.energy_wh, g.usable_energy_wh);
            else ImGui::TextColored(energy_ok ? warn : bad, tr("%.0f of %.0f Wh usable, safety gate refuses (%zu)"), g.energy_wh, g.usable_energy_wh, g.failures.size());
            remember_item_rect("verdict", rects);
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
                ImGui::TextUnformatted(tr("The whole mission as the autopilot flies it: take-off, corridors, delivery and the chosen return, in the scenario's wind, keeping the reserve."));
                for (const auto& f : g.failures) ImGui::BulletText("%s: %s", f.check.c_str(), f.message.c_str());
                if (!w.preview_checklist.empty()) ImGui::TextDisabled(tr("Assumes these autopilot parameters (export them with the mission): %s"), w.preview_checklist.c_str());
                for (const auto& a : w.preview->avoided) ImGui::TextDisabled(tr("Avoids %s: %s (%s)"), a.corridor.c_str(), a.message.c_str(), a.check.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        } else if (!w.preview_error.empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "%s", w.preview_error.c_str());
            ImGui::PopTextWrapPos();
        }
        if (ImGui::Button(tr("Export"))) action = MissionPanelAction::Export;
        remember_item_rect("export", rects);
        ImGui::SameLine();
        if (ImGui::Button(tr("Import a file..."))) action = MissionPanelAction::Import;
        remember_item_rect("import", rects);
        if (w.imported) {
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("clear overlay"))) action = MissionPanelAction::ClearOverlay;
            remember_item_rect("overlay.clear", rects);
            if (!w.imported->corridors.empty() || !w.imported->zones.empty()) {
                char label[160];
                std::snprintf(label, sizeof label, tr("Add its %zu corridor(s) and %zu zone(s) to the scenario"), w.imported->corridors.size(),
                              w.imported->zones.size());
                if (ImGui::Button(label)) action = MissionPanelAction::MergeOverlay;
                remember_item_rect("overlay.merge", rects);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("One step: Undo takes them out again. Ids already in use get a suffix."));
            }
        }
        if (!w.survey_draft.area.empty()) {
            const MissionPanelAction survey = survey_section(view, w, s, rects);
            if (survey != MissionPanelAction::None) action = survey;
        }
        if (!w.last_message.empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(w.last_failed ? ImVec4(1, 0.5f, 0.4f, 1) : ImVec4(0.55f, 0.9f, 0.6f, 1), "%s", w.last_message.c_str());
            for (const auto& f : w.last_gate.failures) ImGui::BulletText("%s: %s (%s)", f.check.c_str(), f.message.c_str(), f.where.c_str());
            ImGui::PopTextWrapPos();
            if (!w.last_gate.failures.empty()) {
                ImGui::SetNextItemWidth(-90 * s);
                ImGui::InputTextWithHint("##override", tr("reason to export anyway"), w.override_reason, sizeof w.override_reason);
                ImGui::SameLine();
                ImGui::BeginDisabled(std::string(w.override_reason).empty());
                if (ImGui::Button(tr("Override"))) action = MissionPanelAction::ExportOverride;
                ImGui::EndDisabled();
            }
        }
    }
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    rects.push_back({"mission", {pos.x, pos.y, size.x, size.y}});  // the panels below it stack from here
    ImGui::End();
    return action;
}

void draw_mission_overlay(ImDrawList* dl, const MapCamera& camera, const MissionWorkbench& w, float s) {
    auto screen = [&](GeoPoint p) {
        double x, y;
        camera.geo_to_screen(p, x, y);
        return ImVec2(float(x), float(y));
    };
    if (w.preview) {
        for (const auto& leg : w.preview->legs) {
            std::vector<ImVec2> pts;
            for (const auto& p : leg.path) pts.push_back(screen(p));
            dl->AddPolyline(pts.data(), int(pts.size()), IM_COL32(255, 255, 255, 230), 0, 7 * s);
            dl->AddPolyline(pts.data(), int(pts.size()), map_style::kRoute, 0, 4 * s);
        }
    }
    if (!w.survey_draft.area.empty()) {
        // The area outlined, the lines flown with the camera on thick, the moves between them thin.
        std::vector<ImVec2> ring;
        for (const GeoPoint& p : w.survey_draft.area) ring.push_back(screen(p));
        dl->AddPolyline(ring.data(), int(ring.size()), map_style::kSurvey, ImDrawFlags_Closed, 2 * s);
        if (w.survey) {
            const auto& lines = w.survey->pattern.lines;
            for (size_t i = 0; i < lines.size(); ++i) {
                std::vector<ImVec2> pts{screen(lines[i].from)};
                for (const GeoPoint& bend : lines[i].via) pts.push_back(screen(bend));
                pts.push_back(screen(lines[i].to));
                dl->AddPolyline(pts.data(), int(pts.size()), map_style::kSurvey, 0, 2.5f * s);
                if (i + 1 < lines.size()) dl->AddLine(pts.back(), screen(lines[i + 1].from), (map_style::kSurvey & 0x00FFFFFF) | 0x90000000, 1 * s);
            }
        }
    }
    if (!w.imported) return;
    const ImU32 ink = map_style::kOverlay;
    if (w.imported->mission) {
        std::vector<ImVec2> pts;
        for (const auto& it : w.imported->mission->items) {
            if (mav::is_positional(it.command)) pts.push_back(screen({it.lat_deg, it.lon_deg}));
        }
        dl->AddPolyline(pts.data(), int(pts.size()), ink, 0, 3 * s);
        for (const auto& p : pts) dl->AddCircleFilled(p, 4 * s, ink, 12);
        for (const auto& f : w.imported->mission->fence_polygons) {
            std::vector<ImVec2> ring;
            for (const auto& v : f.vertices) ring.push_back(screen(v));
            dl->AddPolyline(ring.data(), int(ring.size()), f.inclusion ? map_style::kFenceIn : map_style::kFenceOut, ImDrawFlags_Closed, 2 * s);
        }
    }
    for (const auto& c : w.imported->corridors) {
        std::vector<ImVec2> pts;
        for (const auto& p : c.centreline) pts.push_back(screen(p));
        dl->AddPolyline(pts.data(), int(pts.size()), ink, 0, 3 * s);
    }
    for (const auto& z : w.imported->zones) {
        std::vector<ImVec2> ring;
        for (const auto& p : z.shape.polygon) ring.push_back(screen(p));
        dl->AddPolyline(ring.data(), int(ring.size()), ink, ImDrawFlags_Closed, 2 * s);
    }
}

}  // namespace lowsky::web
