// The simulation panel: simulate a day of the open scenario's demand in the browser, read the
// figures a planner decides on, and play the day back on the map.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "panels.h"
#include "platform.h"
#include "scenario/scenario_io.h"
#include "sim/report.h"

namespace lowsky::web {

namespace {

const ImU32 kConflictTick = IM_COL32(255, 196, 60, 255);
const ImU32 kLossTick = IM_COL32(255, 80, 70, 255);

// The day at a glance: drones in the air (filled) and orders waiting (line) per series step,
// the day's encounters as ticks along its top (conflicts amber, losses of separation red), the
// hours below and the playback time marked: the playback's timeline. A click or a drag seeks
// the playback there; a click on a tick picks its encounter.
void day_chart(SimPlayback& p, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const SimResult& r = *p.result;
    if (r.series.size() < 2) return;
    const double day_s = p.day_s;
    const ImVec2 size(ImGui::GetContentRegionAvail().x, 36 * s);
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + size.x, a.y + size.y);
    ImGui::InvisibleButton("##day", size);
    remember_item_rect("sim.chart", rects);
    const bool hovered = ImGui::IsItemHovered(), clicked = ImGui::IsItemClicked(), held = ImGui::IsItemActive();
    // Each on its own scale, its maximum in the tooltip: a backlog of hundreds would flatten the bars.
    int top = 1, top_waiting = 1;
    for (const auto& q : r.series) {
        top = std::max(top, q.airborne);
        top_waiting = std::max(top_waiting, q.waiting);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, IM_COL32(20, 24, 31, 255), 3 * s);
    const float tick_h = 6 * s;
    auto x_at = [&](double t) { return a.x + float(t / day_s) * size.x; };
    auto y_at = [&](int v, int most) { return b.y - 2 * s - float(v) / float(most) * (size.y - tick_h - 6 * s); };
    std::vector<ImVec2> waiting;
    for (size_t i = 0; i + 1 < r.series.size(); ++i) {
        const SeriesPoint& q = r.series[i];
        const float x0 = x_at(q.t_s), x1 = x_at(r.series[i + 1].t_s);
        dl->AddRectFilled(ImVec2(x0, y_at(q.airborne, top)), ImVec2(std::max(x1 - 1, x0 + 1), b.y - 2 * s), IM_COL32(236, 120, 20, 200));
        waiting.push_back(ImVec2(x0, y_at(q.waiting, top_waiting)));
    }
    dl->AddPolyline(waiting.data(), int(waiting.size()), IM_COL32(150, 200, 255, 230), 0, 1.5f * s);
    // The encounters, and the one under the pointer.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int under = -1;
    float nearest = 4 * s;
    // One tick a pixel column (a busy day has more encounters than the chart has pixels): the
    // first encounter in the column, a loss of separation before a conflict.
    // Made once per day and chart width: a busy day has tens of thousands of encounters.
    const int columns = std::max(1, int(size.x));
    SimPlayback::Ticks& ticks = p.ticks;
    if (ticks.generation != p.generation || ticks.columns != columns) {
        ticks = {p.generation, columns, std::vector<int>(size_t(columns), -1), std::vector<char>(size_t(columns), 0)};
        for (int i = 0; i < p.encounter_count(); ++i) {
            bool loss = false;
            const EncounterResult* e = p.encounter_at(i, &loss);
            const int c = std::clamp(int(e->closest_s / day_s * columns), 0, columns - 1);
            if (ticks.column[size_t(c)] < 0 || (loss && !ticks.loss[size_t(c)])) ticks.column[size_t(c)] = i, ticks.loss[size_t(c)] = loss;
        }
    }
    std::vector<int> column = ticks.column;
    std::vector<char> column_loss = ticks.loss;
    if (p.encounter >= 0 && p.encounter < p.encounter_count()) {  // the picked one is always shown
        bool loss = false;
        const int c = std::clamp(int(p.encounter_at(p.encounter, &loss)->closest_s / day_s * columns), 0, columns - 1);
        column[size_t(c)] = p.encounter, column_loss[size_t(c)] = loss;
    }
    for (int c = 0; c < columns; ++c) {
        const int i = column[size_t(c)];
        if (i < 0) continue;
        const float x = x_at(p.encounter_at(i)->closest_s);
        dl->AddLine(ImVec2(x, a.y + 1), ImVec2(x, a.y + tick_h), column_loss[size_t(c)] ? kLossTick : kConflictTick, (i == p.encounter ? 3.0f : 1.5f) * s);
        if (hovered && mouse.y < a.y + tick_h + 6 * s && std::abs(mouse.x - x) < nearest) {
            nearest = std::abs(mouse.x - x);
            under = i;
        }
    }
    const float now = x_at(p.t_s);
    dl->AddLine(ImVec2(now, a.y), ImVec2(now, b.y), IM_COL32(255, 255, 255, 220), 1.5f * s);
    // The hours under the chart.
    const float label_h = ImGui::GetTextLineHeight();
    const ImVec2 axis = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(size.x, label_h));
    const int step_h = day_s > 12 * 3600 ? 6 : day_s > 4 * 3600 ? 2 : 1;
    for (int h = 0; h * 3600 <= day_s + 1; h += step_h) {
        char text[8];
        std::snprintf(text, sizeof text, "%02d:00", h);
        const float w = ImGui::CalcTextSize(text).x;
        const float x = std::clamp(x_at(h * 3600.0) - w / 2, a.x, b.x - w);
        dl->AddLine(ImVec2(x_at(h * 3600.0), b.y), ImVec2(x_at(h * 3600.0), b.y + 2 * s), IM_COL32(160, 170, 185, 255));
        dl->AddText(ImVec2(x, axis.y), IM_COL32(160, 170, 185, 255), text);
    }
    // A click on a tick picks its encounter; anywhere else a click or a drag moves the clock.
    if (clicked && under >= 0) {
        p.pick_encounter(under);
    } else if (held && (clicked || ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0))) {
        p.t_s = std::clamp(double(mouse.x - a.x) / size.x * day_s, 0.0, day_s);
        p.playing = false;
    }
    if (hovered) {
        ImGui::BeginTooltip();
        if (under >= 0) {
            bool loss = false;
            const EncounterResult* e = p.encounter_at(under, &loss);
            ImGui::Text(tr(loss ? N_("loss of separation at %s: %.0f m apart") : N_("conflict at %s: %.0f m apart at closest")),
                        format_clock(int(e->closest_s)).c_str(), e->horizontal_m);
            ImGui::TextDisabled("%s", tr("click to look at it"));
        } else {
            ImGui::Text("%s", format_clock(int(std::clamp(double(mouse.x - a.x) / size.x * day_s, 0.0, day_s))).c_str());
            ImGui::TextColored(ImVec4(0.93f, 0.47f, 0.08f, 1), tr("bars: drones in the air (up to %d)"), top);
            ImGui::TextColored(ImVec4(0.59f, 0.78f, 1, 1), tr("line: orders waiting (up to %d)"), top_waiting);
            ImGui::TextColored(ImVec4(1, 0.77f, 0.24f, 1), "%s", tr("ticks: conflicts (amber), losses of separation (red)"));
            ImGui::TextDisabled("%s", tr("click or drag to go to that time"));
        }
        ImGui::EndTooltip();
    }
}

// The results as files, the same bytes as `lowsky simulate --report` and `--csv` write.
void downloads(const SimPlayback& p, const char* label, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (ImGui::Button(label)) ImGui::OpenPopup("##downloads");
    remember_item_rect("sim.download", rects);
    if (!ImGui::BeginPopup("##downloads")) return;
    if (ImGui::Selectable(tr("report (JSON)"))) {
        const std::string text = sim_report_text(*p.result, p.ran);
        platform_save_file("simulation-report.json", std::vector<uint8_t>(text.begin(), text.end()), "application/json");
    }
    remember_item_rect("sim.download.report", rects);
    for (const SimTable& t : kSimTables) {
        if (ImGui::Selectable(t.file)) {
            const std::string text = t.write(*p.result);
            platform_save_file(t.file, std::vector<uint8_t>(text.begin(), text.end()), "text/csv");
        }
        remember_item_rect((std::string("sim.download.") + t.file).c_str(), rects);
    }
    ImGui::EndPopup();
}

// The run button with the settings a planner varies: the demand's random seed and the
// dispatch policy. Returns true when pressed.
bool run_controls(SimPlayback& p, const char* label, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const bool pressed = ImGui::Button(label);
    remember_item_rect("simulate", rects);
    ImGui::SameLine();
    int seed = int(p.config.seed);
    ImGui::SetNextItemWidth(44 * s);
    if (ImGui::InputInt("##seed", &seed, 0, 0)) p.config.seed = uint32_t(std::max(1, seed));
    remember_item_rect("seed", rects);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("the seed of the day's random demand"));
    ImGui::SameLine();
    int policy = p.config.dispatch == DispatchPolicy::SmallestBattery ? 0 : 1;
    const char* more = "...";
    ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(more).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x));
    const char* policies[] = {tr("smallest battery"), tr("least energy")};
    if (ImGui::Combo("##policy", &policy, policies, 2))
        p.config.dispatch = policy == 0 ? DispatchPolicy::SmallestBattery : DispatchPolicy::LeastEnergy;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("which free drone takes an order"));
    ImGui::SameLine();
    if (ImGui::Button(more)) p.show_settings = !p.show_settings;
    remember_item_rect("sim.settings", rects);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(p.show_settings ? N_("hide the other settings") : N_("all the settings of the day")));
    return pressed;
}

// The day's temporary restriction and what it did, with a button to reopen it; or the button
// that closes one. True when the button was pressed.
bool restriction_row(const SimPlayback& p, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (p.ran.restrictions.empty()) {
        const bool pressed = ImGui::Button(tr("Close an area..."));
        remember_item_rect("sim.close_area", rects);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Draw an area on the map: it is announced at the playback time and closed 30 minutes later for an hour,\n"
                                       "and the day is simulated again around it."));
        return pressed;
    }
    const TemporaryRestriction& r = p.ran.restrictions.front();
    const RestrictionKpis& x = p.result->kpis.restrictions;
    ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), tr("closed %s-%s: %d held, %d round it, %d cancelled"), format_clock(int(r.start_s)).c_str(),
                       format_clock(int(r.end_s)).c_str(), x.delayed, x.rerouted, x.cancelled);
    remember_item_rect("sim.restriction", rects);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(tr("Announced at %s. Deliveries planned through the area while it is closed fly round it, wait until it opens,\n"
                             "or are cancelled. %d were called off before they left and planned again; %d in the air landed at the nearest hub\n"
                             "clear of it, and %d crossed it (no hub in reach)."),
                          format_clock(int(r.announced_s())).c_str(), x.replanned, x.diverted, x.airborne_through);
    const bool pressed = ImGui::Button(tr("Reopen the area"));
    remember_item_rect("sim.reopen", rects);
    (void)s;
    return pressed;
}

// The way through the day's encounters and the download button, on one row; then the
// encounter looked at: which drones, when, how close.
void encounters_row(SimPlayback& p, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const int n = p.encounter_count();
    if (n > 0) {
        if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) p.pick_encounter(p.encounter <= 0 ? n - 1 : p.encounter - 1);
        remember_item_rect("sim.encounter.prev", rects);
        ImGui::SameLine(0, 2 * s);
        if (ImGui::ArrowButton("##next", ImGuiDir_Right)) p.pick_encounter(p.encounter < 0 || p.encounter + 1 >= n ? 0 : p.encounter + 1);
        remember_item_rect("sim.encounter.next", rects);
        ImGui::SameLine();
        if (p.encounter < 0) ImGui::TextDisabled(tr("%d encounters"), n);
        else ImGui::TextDisabled(tr("%d of %d"), p.encounter + 1, n);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("the day's conflicts and losses of separation, one by one"));
        ImGui::SameLine();
    }
    const char* label = tr("Download");
    const char* charts = tr("Charts");
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons = ImGui::CalcTextSize(label).x + ImGui::CalcTextSize(charts).x + 4 * style.FramePadding.x + style.ItemSpacing.x;
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons));
    if (ImGui::Button(charts)) p.charts_open = !p.charts_open;
    remember_item_rect("sim.charts", rects);
    ImGui::SameLine();
    downloads(p, label, rects);
    bool loss = false;
    const EncounterResult* e = p.encounter_at(p.encounter, &loss);
    if (!e) return;
    const SimResult& r = *p.result;
    ImGui::PushTextWrapPos(0);
    const auto who = [&](int flight) {
        const SimFlight& f = r.flights[size_t(flight)];
        std::string text = r.drones[size_t(f.drone)].id;
        if (f.order >= 0 && size_t(f.order) < r.deliveries.size()) text += " (" + r.deliveries[size_t(f.order)].order + ")";
        return text;
    };
    ImGui::TextColored(loss ? ImVec4(1, 0.42f, 0.38f, 1) : ImVec4(1, 0.77f, 0.24f, 1), "%s", tr(loss ? N_("Loss of separation") : N_("Conflict")));
    ImGui::Text(tr("%s and %s"), who(e->flight_a).c_str(), who(e->flight_b).c_str());
    ImGui::Text(tr("%s to %s, closest at %s: %.0f m apart, %.0f m in height"), format_clock(int(e->start_s)).c_str(), format_clock(int(e->end_s)).c_str(),
                format_clock(int(e->closest_s)).c_str(), e->horizontal_m, e->vertical_m);
    if (!loss) ImGui::TextDisabled(tr("flying straight on they would have passed %.0f m apart"), e->predicted_m);
    ImGui::PopTextWrapPos();
}

// Every setting of the day, folded away until asked for: the length of the day, the demand,
// the energy model, the deconfliction headway and the tactical rule.
void settings(SimPlayback& p, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (!p.show_settings) return;
    SimConfig& c = p.config;
    const float field = 90 * s;
    const auto number = [&](const char* id, const char* label, const char* tip, double& value, double lo, double hi, const char* format) {
        ImGui::SetNextItemWidth(field);
        double v = value;
        if (ImGui::InputDouble(id, &v, 0, 0, format)) value = std::clamp(v, lo, hi);
        remember_item_rect((std::string("sim.") + (id + 2)).c_str(), rects);
        ImGui::SameLine();
        ImGui::TextUnformatted(label);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    };
    number("##hours", tr("hours simulated"), tr("from midnight; up to a week"), c.hours, 0.5, 168, "%.1f");
    number("##demand", tr("x the daily demand"), tr("the scenario's daily order rates times this"), c.demand_scale, 0, 100, "%.2f");
    ImGui::SetNextItemWidth(field);
    int model = !c.energy_model ? 0 : *c.energy_model == EnergyModelKind::Stolaroff ? 1 : 2;
    const char* models[] = {tr("per type"), "Stolaroff", "Dorling"};
    if (ImGui::Combo("##energy", &model, models, 3))
        c.energy_model = model == 0 ? std::nullopt : std::optional<EnergyModelKind>(model == 1 ? EnergyModelKind::Stolaroff : EnergyModelKind::Dorling);
    remember_item_rect("sim.energy", rects);
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("energy model"));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("the multirotors' power model: each type's own, or one for all"));
    number("##headway", tr("s lane headway"), tr("two flights in one lane enter and leave a segment at least this far apart"), c.lane_headway_s, 0, 3600, "%.0f");
    number("##radius", tr("m conflict radius"), tr("a conflict: closer than this across ..."), c.conflict_radius_m, 1, 10000, "%.0f");
    number("##vertical", tr("m conflict height"), tr("... and this in height"), c.conflict_vertical_m, 1, 1000, "%.0f");
    number("##lookahead", tr("s look-ahead"), tr("how far ahead a conflict is predicted"), c.lookahead_s, 0, 3600, "%.0f");
}

// The figures of the day shown next to a pinned one, with what differs in their settings.
void comparison(SimPlayback& p, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (!p.result) return;
    if (!p.pinned) {
        if (ImGui::SmallButton(tr("Pin to compare"))) p.pinned = SimPlayback::Pinned{p.result->kpis, p.ran};
        remember_item_rect("sim.pin", rects);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("keep this day's figures, change the settings, simulate again: both side by side"));
        return;
    }
    const Kpis& a = p.pinned->kpis;
    const Kpis& b = p.result->kpis;
    if (ImGui::BeginTable("##compare", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn(tr("pinned"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr("this run"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        const auto row = [](const char* name, const std::string& x, const std::string& y) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", name);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(x.c_str());
            ImGui::TableNextColumn();
            if (x != y) ImGui::TextColored(ImVec4(1, 0.85f, 0.5f, 1), "%s", y.c_str());
            else ImGui::TextUnformatted(y.c_str());
        };
        const auto f = [](const char* format, double v) {
            char text[32];
            std::snprintf(text, sizeof text, format, v);
            return std::string(text);
        };
        const SimConfig &pc = p.pinned->config, &rc = p.ran;
        const auto policy = [](const SimConfig& c) { return std::string(tr(c.dispatch == DispatchPolicy::SmallestBattery ? N_("smallest battery") : N_("least energy"))); };
        row(tr("demand"), f("%.2gx", pc.demand_scale), f("%.2gx", rc.demand_scale));
        row(tr("headway"), f("%.0f s", pc.lane_headway_s), f("%.0f s", rc.lane_headway_s));
        row(tr("dispatch"), policy(pc), policy(rc));
        row(tr("seed"), std::to_string(p.pinned->config.seed), std::to_string(p.ran.seed));
        row(tr("orders"), std::to_string(a.orders), std::to_string(b.orders));
        row(tr("delivered"), std::to_string(a.delivered), std::to_string(b.delivered));
        row(tr("on time"), f("%.1f %%", a.on_time_share * 100), f("%.1f %%", b.on_time_share * 100));
        row(tr("p50 delivery"), f("%.0f min", a.p50_delivery_s / 60), f("%.0f min", b.p50_delivery_s / 60));
        row(tr("p95 delivery"), f("%.0f min", a.p95_delivery_s / 60), f("%.0f min", b.p95_delivery_s / 60));
        row(tr("Wh per parcel"), f("%.0f", a.energy_per_parcel_wh), f("%.0f", b.energy_per_parcel_wh));
        row(tr("conflicts"), std::to_string(a.conflicts), std::to_string(b.conflicts));
        row(tr("losses of separation"), std::to_string(a.losses_of_separation), std::to_string(b.losses_of_separation));
        ImGui::EndTable();
    }
    remember_item_rect("sim.compare", rects);
    if (ImGui::SmallButton(tr("Unpin"))) p.pinned.reset();
    remember_item_rect("sim.unpin", rects);
}

}  // namespace

SimPanelAction draw_sim_panel(SimPlayback& p, int airborne_now, float top, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    SimPanelAction action = SimPanelAction::None;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float status_bar = ImGui::GetFrameHeight() + 8 * s;
    // Below the panel above it, down to the legend's title bar over the status bar at most: a
    // short screen scrolls the panel.
    const float legend = ImGui::GetFrameHeight() + pad;
    const float room = std::max(ImGui::GetFrameHeightWithSpacing() * 2, vp->Pos.y + vp->Size.y - status_bar - legend - pad - top);
    ImGui::SetNextWindowSizeConstraints(ImVec2(240 * s, 0), ImVec2(900 * s, room));
    ImGui::SetNextWindowBgAlpha(0.93f);
    const ImGuiWindowFlags flags = side_panel_flags(ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
    if (begin_side_panel(tr("Simulation###simulation"), ImVec2(vp->Pos.x + pad, top), ImVec2(330 * s, 0), flags)) {
        if (!p.result) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", tr("A day of this scenario's deliveries: orders, drones, pads, batteries, wind and deconfliction."));
            ImGui::PopTextWrapPos();
        }
        if (p.running) {
            // The day runs a slice a frame: how far, how long so far, about how long to go.
            const double done = p.running->progress, spent_s = p.running->elapsed_ms / 1000;
            char text[96];
            if (done > 0.02) std::snprintf(text, sizeof text, tr("%.0f %%, %.1f s, about %.1f s to go"), done * 100, spent_s, spent_s * (1 - done) / done);
            else std::snprintf(text, sizeof text, tr("%.0f %%, %.1f s"), done * 100, spent_s);
            ImGui::ProgressBar(float(done), ImVec2(-80 * s, 0), text);
            remember_item_rect("sim.progress", rects);
            ImGui::SameLine();
            if (ImGui::Button(tr("Cancel"))) action = SimPanelAction::Cancel;
            remember_item_rect("sim.cancel", rects);
        } else if (run_controls(p, tr(p.result ? N_("Simulate again") : N_("Simulate the day")), s, rects)) {
            action = SimPanelAction::Run;
        }
        if (!p.running) settings(p, s, rects);
        if (p.result) {
            const Kpis& k = p.result->kpis;
            ImGui::Text(tr("delivered %d of %d, on time %.1f %%"), k.delivered, k.orders, k.on_time_share * 100);
            if (ImGui::IsItemHovered() && k.pending + k.undeliverable > 0)
                ImGui::SetTooltip(tr("%d still pending at the end of the day, %d that cannot be served"), k.pending, k.undeliverable);
            ImGui::Text(tr("p50 %.0f min, p95 %.0f min, %.0f Wh per parcel"), k.p50_delivery_s / 60, k.p95_delivery_s / 60, k.energy_per_parcel_wh);
            if (k.emergency.orders > 0) {
                // Emergencies apart from the deliveries: they pre-empt, and their figure is the response time.
                ImGui::TextColored(ImVec4(1, 0.62f, 0.45f, 1), tr("emergencies %d of %d: p50 %.0f, max %.0f min"), k.emergency.delivered,
                                   k.emergency.orders, k.emergency.p50_response_s / 60, k.emergency.max_response_s / 60);
                remember_item_rect("sim.emergencies", rects);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip(tr("Emergency flights take the first suitable drone and the next pad; deliveries not yet in the air give way.\n"
                                         "Called off for them: %d took their drone, %d their pad or lane (they flew later)."),
                                      k.emergency.preempted, k.emergency.gave_way);
            }
            if (k.sightseeing.departures > 0) {
                // Beside the emergencies when there are some (the panel keeps its height), else a line of its own.
                if (k.emergency.orders > 0) ImGui::SameLine();
                ImGui::TextColored(ImVec4(0.78f, 0.62f, 0.95f, 1), tr("tours %d/%d"), k.sightseeing.flown, k.sightseeing.departures);
                remember_item_rect("sim.sightseeing", rects);
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip(tr("Sightseeing: %d of %d departures flown, %d late (over 5 minutes; the latest %.0f min). Each loop leaves at its times\n"
                                         "with the first free drone of its type at its hub; it is not flown without one within 30 minutes, or through an\n"
                                         "announced restriction."),
                                      k.sightseeing.flown, k.sightseeing.departures, k.sightseeing.late, k.sightseeing.max_late_s / 60);
            }
            const ImVec4 conflict_colour = k.losses_of_separation > 0 ? ImVec4(1, 0.5f, 0.4f, 1) : ImVec4(0.93f, 0.94f, 0.96f, 1);
            ImGui::TextColored(conflict_colour, tr("conflicts %d, losses of separation %d"), k.conflicts, k.losses_of_separation);
            ImGui::SameLine();
            ImGui::TextDisabled(tr("(%.0f ms)"), p.run_ms);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("simulated in your browser in %.0f ms"), p.run_ms);
            day_chart(p, s, rects);
            if (ImGui::Button(p.playing ? tr("Pause") : tr("Play"), ImVec2(60 * s, 0))) {
                if (!p.playing && p.t_s >= p.day_s) p.t_s = 0;
                p.playing = !p.playing;
            }
            remember_item_rect("play", rects);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(100 * s);
            const char* speeds[IM_ARRAYSIZE(SimPlayback::kSpeedNames)];
            for (size_t i = 0; i < IM_ARRAYSIZE(speeds); ++i) speeds[i] = tr(SimPlayback::kSpeedNames[i]);
            ImGui::Combo("##speed", &p.speed, speeds, IM_ARRAYSIZE(speeds));
            ImGui::SameLine();
            ImGui::Text("%s", format_clock(int(p.t_s)).c_str());
            ImGui::SameLine();
            ImGui::TextDisabled(tr("%d airborne"), airborne_now);
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::TextColored(ImVec4(0.93f, 0.47f, 0.08f, 1), "%s", tr("orange: carrying a parcel"));
                ImGui::TextColored(ImVec4(0.35f, 0.6f, 0.95f, 1), "%s", tr("blue: flying back"));
                ImGui::TextDisabled("%s", tr("point at one for its order and battery"));
                ImGui::EndTooltip();
            }
            encounters_row(p, s, rects);
            if (restriction_row(p, s, rects)) action = p.ran.restrictions.empty() ? SimPanelAction::CloseArea : SimPanelAction::ReopenArea;
            comparison(p, rects);
        }
    }
    ImGui::End();
    return action;
}

}  // namespace lowsky::web
