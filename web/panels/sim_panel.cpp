// The simulation panel: simulate a day of the open scenario's demand in the browser, read the
// figures a planner decides on, and play the day back on the map.
#include <imgui.h>

#include <cstdio>

#include <algorithm>

#include "panels.h"
#include "scenario/scenario_io.h"

namespace lowsky::web {

namespace {

// The day at a glance: drones in the air (filled) and orders waiting (line) per series step,
// with the playback time marked.
void day_chart(const SimResult& r, double t_s, double day_s, float s) {
    if (r.series.size() < 2) return;
    const ImVec2 size(ImGui::GetContentRegionAvail().x, 32 * s);
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + size.x, a.y + size.y);
    ImGui::Dummy(size);
    const bool hovered = ImGui::IsItemHovered();
    int top = 1;
    for (const auto& q : r.series) top = std::max({top, q.airborne, q.waiting});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, IM_COL32(20, 24, 31, 255), 3 * s);
    auto x_at = [&](double t) { return a.x + float(t / day_s) * size.x; };
    auto y_at = [&](int v) { return b.y - 2 * s - float(v) / float(top) * (size.y - 6 * s); };
    std::vector<ImVec2> waiting;
    for (size_t i = 0; i + 1 < r.series.size(); ++i) {
        const SeriesPoint& q = r.series[i];
        const float x0 = x_at(q.t_s), x1 = x_at(r.series[i + 1].t_s);
        dl->AddRectFilled(ImVec2(x0, y_at(q.airborne)), ImVec2(std::max(x1 - 1, x0 + 1), b.y - 2 * s), IM_COL32(236, 120, 20, 200));
        waiting.push_back(ImVec2(x0, y_at(q.waiting)));
    }
    dl->AddPolyline(waiting.data(), int(waiting.size()), IM_COL32(150, 200, 255, 230), 0, 1.5f * s);
    const float now = x_at(t_s);
    dl->AddLine(ImVec2(now, a.y), ImVec2(now, b.y), IM_COL32(255, 255, 255, 220), 1.5f * s);
    if (hovered) ImGui::SetTooltip(tr("over the day: drones in the air (bars) and orders waiting (line), up to %d"), top);
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
    ImGui::SetNextItemWidth(-1);
    const char* policies[] = {tr("smallest battery"), tr("least energy")};
    if (ImGui::Combo("##policy", &policy, policies, 2))
        p.config.dispatch = policy == 0 ? DispatchPolicy::SmallestBattery : DispatchPolicy::LeastEnergy;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("which free drone takes an order"));
    return pressed;
}

}  // namespace

SimPanelAction draw_sim_panel(SimPlayback& p, int airborne_now, float top, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    SimPanelAction action = SimPanelAction::None;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float status_bar = ImGui::GetFrameHeight() + 8 * s;
    // Below the panel above it, down to the status bar at most: a short screen scrolls the panel.
    const float room = std::max(ImGui::GetFrameHeightWithSpacing() * 2, vp->Pos.y + vp->Size.y - status_bar - pad - top);
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
        if (p.result) {
            const Kpis& k = p.result->kpis;
            ImGui::Text(tr("delivered %d of %d, on time %.1f %%"), k.delivered, k.orders, k.on_time_share * 100);
            if (ImGui::IsItemHovered() && k.pending + k.undeliverable > 0)
                ImGui::SetTooltip(tr("%d still pending at the end of the day, %d that cannot be served"), k.pending, k.undeliverable);
            ImGui::Text(tr("p50 %.0f min, p95 %.0f min, %.0f Wh per parcel"), k.p50_delivery_s / 60, k.p95_delivery_s / 60, k.energy_per_parcel_wh);
            const ImVec4 conflict_colour = k.losses_of_separation > 0 ? ImVec4(1, 0.5f, 0.4f, 1) : ImVec4(0.93f, 0.94f, 0.96f, 1);
            ImGui::TextColored(conflict_colour, tr("conflicts %d, losses of separation %d"), k.conflicts, k.losses_of_separation);
            ImGui::SameLine();
            ImGui::TextDisabled(tr("(%.0f ms)"), p.run_ms);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("simulated in your browser in %.0f ms"), p.run_ms);
            day_chart(*p.result, p.t_s, p.day_s, s);
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
            ImGui::SetNextItemWidth(-1);
            const double lo = 0, hi = p.day_s;
            if (ImGui::SliderScalar("##time", ImGuiDataType_Double, &p.t_s, &lo, &hi, "")) p.playing = false;
            remember_item_rect("time", rects);
        }
    }
    ImGui::End();
    return action;
}

}  // namespace lowsky::web
