// The simulation panel: simulate a day of the open scenario's demand in the browser, read the
// figures a planner decides on, and play the day back on the map.
#include <imgui.h>

#include <algorithm>

#include "panels.h"
#include "scenario/scenario_io.h"

namespace lowsky::web {

SimPanelAction draw_sim_panel(SimPlayback& p, int airborne_now, float top, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    SimPanelAction action = SimPanelAction::None;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float status_bar = ImGui::GetFrameHeight() + 8 * s;
    // Below the panel above it, down to the status bar at most: a short screen scrolls the panel.
    const float room = std::max(ImGui::GetFrameHeightWithSpacing() * 2, vp->Pos.y + vp->Size.y - status_bar - pad - top);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + pad, top), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(330 * s, 0), ImVec2(330 * s, room));
    ImGui::SetNextWindowSize(ImVec2(330 * s, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.93f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("Simulation###simulation", nullptr, flags)) {
        if (!p.result) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("A day of this scenario's deliveries: orders, drones, pads, batteries, wind and deconfliction.");
            ImGui::PopTextWrapPos();
            if (ImGui::Button("Simulate the day")) action = SimPanelAction::Run;
            remember_item_rect("simulate", rects);
        } else {
            const Kpis& k = p.result->kpis;
            ImGui::Text("delivered %d of %d", k.delivered, k.orders);
            ImGui::SameLine();
            ImGui::TextDisabled("on time %.1f %%", k.on_time_share * 100);
            ImGui::Text("delivery time p50 %.0f min, p95 %.0f min", k.p50_delivery_s / 60, k.p95_delivery_s / 60);
            ImGui::Text("energy %.0f Wh per parcel, %.1f Wh/km", k.energy_per_parcel_wh, k.energy_per_km_wh);
            const ImVec4 conflict_colour = k.losses_of_separation > 0 ? ImVec4(1, 0.5f, 0.4f, 1) : ImVec4(0.93f, 0.94f, 0.96f, 1);
            ImGui::TextColored(conflict_colour, "conflicts %d, losses of separation %d", k.conflicts, k.losses_of_separation);
            if (k.pending + k.undeliverable > 0) ImGui::TextDisabled("%d pending at the end of the day, %d cannot be served", k.pending, k.undeliverable);

            ImGui::Separator();
            if (ImGui::Button(p.playing ? "Pause" : "Play", ImVec2(60 * s, 0))) {
                if (!p.playing && p.t_s >= p.day_s) p.t_s = 0;
                p.playing = !p.playing;
            }
            remember_item_rect("play", rects);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(100 * s);
            ImGui::Combo("##speed", &p.speed, SimPlayback::kSpeedNames, IM_ARRAYSIZE(SimPlayback::kSpeedNames));
            ImGui::SameLine();
            ImGui::Text("%s", format_clock(int(p.t_s)).c_str());
            ImGui::SameLine();
            ImGui::TextDisabled("%d airborne", airborne_now);
            ImGui::SetNextItemWidth(-1);
            const double lo = 0, hi = p.day_s;
            if (ImGui::SliderScalar("##time", ImGuiDataType_Double, &p.t_s, &lo, &hi, "")) p.playing = false;
            remember_item_rect("time", rects);
            ImGui::TextDisabled("simulated in your browser in %.0f ms", p.run_ms);
        }
    }
    ImGui::End();
    return action;
}

}  // namespace lowsky::web
