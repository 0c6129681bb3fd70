// The Assist window: the drafted corridor (its length against the straight line, the flight
// along it, the approvals it needs and the validator's findings, Accept and Discard), the
// reachability bands from the mission panel's hub, and a fleet-sizing sweep with its chart.
// On the map: the draft's line, dashed until accepted, and the bands.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "panels.h"
#include "panels/map_style.h"

namespace lowsky::web {

namespace {

using Rects = std::vector<std::pair<std::string, std::array<float, 4>>>;

const ImVec4 kBad(1, 0.5f, 0.4f, 1), kWarn(1, 0.78f, 0.35f, 1);

void heading(const char* text) {
    ImGui::Separator();
    ImGui::TextUnformatted(text);
}

void draft_section(DraftWorkbench& w, const std::string& drone, AssistAction& action, Rects& rects) {
    ImGui::TextUnformatted(trf(N_("%s to %s, for %s"), w.from.c_str(), w.to.c_str(), drone.c_str()).c_str());
    if (w.draft) {
        const assist::CorridorDraft& d = *w.draft;
        ImGui::Text(tr("%.1f km through %zu points, %.1f %% longer than the straight line"), d.length_m / 1000, d.corridor.centreline.size(),
                    100 * (d.length_m / std::max(1.0, d.straight_m) - 1));
        remember_item_rect("draft.figures", rects);
        ImGui::TextDisabled(tr("%.0f m wide, %.0f to %.0f m above ground, drafted in %.0f ms"), d.corridor.width_m, d.corridor.band.floor.value_m,
                            d.corridor.band.ceiling.value_m, w.search_ms);
        if (w.check && w.check->flight)
            ImGui::TextDisabled(tr("flown end to end: %.1f min, %.0f Wh"), w.check->flight->time_s / 60, w.check->flight->energy_wh);
        for (const std::string& note : d.notes) ImGui::TextWrapped("%s", note.c_str());
        if (w.check) {
            for (const Finding& f : w.check->findings) {
                if (f.severity == Severity::Info) continue;
                ImGui::PushStyleColor(ImGuiCol_Text, f.severity == Severity::Error ? kBad : kWarn);
                ImGui::TextWrapped("%s", f.message.c_str());
                ImGui::PopStyleColor();
            }
            if (w.check->errors + w.check->warnings == 0) ImGui::TextDisabled("%s", tr("the validator finds nothing wrong with it"));
        }
        if (ImGui::Button(tr("Accept"))) action = AssistAction::Accept;
        remember_item_rect("draft.accept", rects);
        ImGui::SameLine();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, kBad);
        ImGui::TextWrapped("%s", w.error.c_str());
        ImGui::PopStyleColor();
        remember_item_rect("draft.error", rects);
    }
    if (ImGui::Button(tr("Discard"))) action = AssistAction::Discard;
    remember_item_rect("draft.discard", rects);
    ImGui::SameLine();
    if (ImGui::Checkbox(tr("through controlled airspace"), &w.allow_approvals)) action = AssistAction::Redraft;
    remember_item_rect("draft.approvals", rects);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Under approvals to be sought, which the draft names; off: around it"));
    // What the draft minimises, in the scenario's wind.
    if (ImGui::RadioButton(tr("quickest"), !w.least_energy)) w.least_energy = false, action = AssistAction::Redraft;
    remember_item_rect("draft.quickest", rects);
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("least energy"), w.least_energy)) w.least_energy = true, action = AssistAction::Redraft;
    remember_item_rect("draft.least_energy", rects);
    ImGui::SameLine();
    if (ImGui::Checkbox(tr("one way"), &w.one_way)) action = AssistAction::Redraft;
    remember_item_rect("draft.one_way", rects);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("From the first hub clicked to the second; off: both ways, their times in the wind averaged"));
}

void network_section(const NetworkView& n, AssistAction& action, Rects& rects) {
    if (ImGui::Button(tr("Draft the network"))) action = AssistAction::DraftNetwork;
    remember_item_rect("network.draft", rects);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("A corridor network for every hub and the demand between them, drafted round the airspace rules: a proposal, shown dashed"));
    if (n.draft) {
        ImGui::SameLine();
        if (ImGui::Button(tr("Replace the corridors"))) action = AssistAction::ReplaceNetwork;
        remember_item_rect("network.replace", rects);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("clear##network"))) action = AssistAction::ClearNetwork;
        remember_item_rect("network.clear", rects);
        const assist::NetworkDraft& d = *n.draft;
        ImGui::TextDisabled(tr("%zu corridors, %zu junctions, %.1f km; drafted in %.0f ms"), d.corridors.size(), d.junctions.size(), d.total_length_m / 1000, n.ms);
        const assist::PairDetour* worst = nullptr;
        for (const auto& p : d.pairs)
            if (p.network_m >= 0 && (!worst || p.network_m / p.straight_m > worst->network_m / worst->straight_m)) worst = &p;
        if (worst) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped(tr("the longest detour: %s to %s, %.0f %% over the straight line"), worst->from.c_str(), worst->to.c_str(),
                               100 * (worst->network_m / worst->straight_m - 1));
            ImGui::PopStyleColor();
        }
        for (const std::string& m : d.not_drafted) ImGui::TextColored(kWarn, "%s", m.c_str());
    }
    if (!n.error.empty()) ImGui::TextColored(kBad, "%s", n.error.c_str());
}

void reach_section(ReachView& r, const std::string& hub, const std::string& drone, AssistAction& action, Rects& rects) {
    if (ImGui::Button(tr("Reach"))) action = AssistAction::Reach;
    remember_item_rect("reach.show", rects);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Where the drone type gets within 10, 20 and 30 minutes: filled through the corridors, dashed in free flight"));
    ImGui::SameLine();
    ImGui::TextDisabled(tr("from %s, for %s"), hub.c_str(), drone.c_str());
    if (r.result) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("clear##reach"))) action = AssistAction::ClearReach;
        remember_item_rect("reach.clear", rects);
        int hubs = 0;
        for (const auto& [id, s] : r.result->hubs) hubs += s <= r.minutes.back() * 60;
        ImGui::TextDisabled(tr("%d hubs within %.0f min through the network; worked out in %.0f ms"), hubs, r.minutes.back(), r.ms);
    }
    if (!r.error.empty()) ImGui::TextColored(kBad, "%s", r.error.c_str());
}

void sweep_section(SweepView& w, const std::string& hub, const std::string& drone, float s, AssistAction& action, Rects& rects) {
    ImGui::PushItemWidth(60 * s);
    ImGui::InputInt(tr("up to##fleet_from"), &w.fleet_from, 0);
    ImGui::SameLine();
    ImGui::InputInt(tr("step##fleet_to"), &w.fleet_to, 0);
    ImGui::SameLine();
    ImGui::InputInt(tr("drones##fleet_step"), &w.fleet_step, 0);
    ImGui::InputDouble(tr("up to##demand_from"), &w.demand_from, 0, 0, "%.2f");
    ImGui::SameLine();
    ImGui::InputDouble(tr("step##demand_to"), &w.demand_to, 0, 0, "%.2f");
    ImGui::SameLine();
    ImGui::InputDouble(tr("demand##demand_step"), &w.demand_step, 0, 0, "%.2f");
    ImGui::InputDouble(tr("up to##wind_from"), &w.wind_from, 0, 0, "%.2f");
    remember_item_rect("sweep.wind_from", rects);
    ImGui::SameLine();
    ImGui::InputDouble(tr("step##wind_to"), &w.wind_to, 0, 0, "%.2f");
    remember_item_rect("sweep.wind_to", rects);
    ImGui::SameLine();
    ImGui::InputDouble(tr("x the wind##wind_step"), &w.wind_step, 0, 0, "%.2f");
    remember_item_rect("sweep.wind_step", rects);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("The scenario's wind speeds times these: 0 is still air, 1 the wind as it is"));
    ImGui::InputInt(tr("seeds"), &w.seeds, 0);
    ImGui::SameLine();
    ImGui::InputDouble(tr("on-time target"), &w.target, 0, 0, "%.2f");
    ImGui::PopItemWidth();
    w.fleet_from = std::clamp(w.fleet_from, 0, 10000), w.fleet_to = std::clamp(w.fleet_to, w.fleet_from, 10000), w.fleet_step = std::clamp(w.fleet_step, 1, 10000);
    w.demand_from = std::clamp(w.demand_from, 0.05, 100.0), w.demand_to = std::clamp(w.demand_to, w.demand_from, 100.0);
    w.wind_from = std::clamp(w.wind_from, 0.0, 10.0), w.wind_to = std::clamp(w.wind_to, w.wind_from, 10.0), w.wind_step = std::clamp(w.wind_step, 0.05, 10.0);
    w.demand_step = std::clamp(w.demand_step, 0.05, 100.0), w.seeds = std::clamp(w.seeds, 1, 100), w.target = std::clamp(w.target, 0.01, 1.0);
    if (!w.running) {
        if (ImGui::Button(tr("Run the sweep"))) action = AssistAction::RunSweep;
        remember_item_rect("sweep.run", rects);
        ImGui::SameLine();
        ImGui::TextDisabled(tr("%s's %s fleet"), hub.c_str(), drone.c_str());
    } else {
        if (ImGui::Button(tr("Stop"))) action = AssistAction::StopSweep;
        remember_item_rect("sweep.stop", rects);
        ImGui::SameLine();
        ImGui::ProgressBar(float(w.next) / float(std::max<size_t>(1, w.runs.size())), ImVec2(-1, 0),
                           trf(N_("%zu of %zu days"), w.next, w.runs.size()).c_str());
    }
    if (!w.error.empty()) ImGui::TextColored(kBad, "%s", w.error.c_str());
    if (!w.summary) return;
    for (const assist::SweepAnswer& a : w.summary->answers) {
        if (a.smallest_fleet) {
            ImGui::Text(tr("demand x%.2f, wind x%.2f: %d drones (%.0f %% of seeds meet %.0f %% on their own)"), a.demand, a.wind, *a.smallest_fleet,
                        a.share_of_seeds * 100, w.spec.target_on_time * 100);
            if (w.spec.seeds > 1) {
                if (a.sure_fleet)
                    ImGui::TextDisabled(tr("  its mean +/- %.1f %% (95 %%); %d drones to be 95 %% sure"), a.interval * 100, *a.sure_fleet);
                else ImGui::TextDisabled(tr("  its mean +/- %.1f %% (95 %%); none in the sweep is 95 %% sure"), a.interval * 100);
            }
        } else {
            ImGui::TextColored(kWarn, tr("demand x%.2f, wind x%.2f: no fleet in the sweep meets %.0f %%"), a.demand, a.wind, w.spec.target_on_time * 100);
        }
    }
    // The chart: on-time share (the mean over seeds) against fleet size, a line per demand and wind.
    const ImVec2 at = ImGui::GetCursorScreenPos(), size(ImGui::GetContentRegionAvail().x, 110 * s);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), IM_COL32(255, 255, 255, 18));
    const double f0 = w.spec.fleet.from, f1 = std::max(w.spec.fleet.to, f0 + 1);
    auto x_of = [&](double f) { return at.x + 30 * s + float((f - f0) / (f1 - f0)) * (size.x - 40 * s); };
    auto y_of = [&](double share) { return at.y + size.y - 14 * s - float(share) * (size.y - 24 * s); };
    dl->AddLine(ImVec2(x_of(f0), y_of(w.spec.target_on_time)), ImVec2(x_of(f1), y_of(w.spec.target_on_time)), IM_COL32(255, 200, 90, 200), 1 * s);
    dl->AddText(ImVec2(at.x + 2 * s, y_of(1) - 6 * s), IM_COL32(200, 200, 200, 255), "100%");
    dl->AddText(ImVec2(at.x + 2 * s, y_of(0) - 6 * s), IM_COL32(200, 200, 200, 255), "0%");
    dl->AddText(ImVec2(x_of(f0), at.y + size.y - 13 * s), IM_COL32(200, 200, 200, 255), std::to_string(int(f0)).c_str());
    dl->AddText(ImVec2(x_of(f1) - 20 * s, at.y + size.y - 13 * s), IM_COL32(200, 200, 200, 255), std::to_string(int(f1)).c_str());
    const ImU32 inks[] = {IM_COL32(90, 170, 255, 255), IM_COL32(120, 220, 140, 255), IM_COL32(240, 120, 200, 255), IM_COL32(250, 170, 60, 255)};
    int line = 0;
    for (double d : w.spec.demand.values())
        for (double wind : w.spec.wind.values()) {
            std::vector<ImVec2> pts;
            const ImU32 ink = inks[line++ % 4];
            for (const assist::SweepCell& c : w.summary->cells) {
                if (c.demand != d || c.wind != wind) continue;
                pts.push_back(ImVec2(x_of(c.fleet), y_of(c.mean_on_time)));
                // The 95 % interval of the mean, a bar through the point.
                if (c.interval > 0)
                    dl->AddLine(ImVec2(pts.back().x, y_of(std::min(1.0, c.mean_on_time + c.interval))),
                                ImVec2(pts.back().x, y_of(std::max(0.0, c.mean_on_time - c.interval))), ink, 1 * s);
            }
            dl->AddPolyline(pts.data(), int(pts.size()), ink, 0, 2 * s);
            for (const ImVec2& p : pts) dl->AddCircleFilled(p, 2.5f * s, ink);
        }
    ImGui::Dummy(size);
    remember_item_rect("sweep.chart", rects);
    // Which line is which, in its ink, when there is more than one.
    if (line > 1) {
        int k = 0;
        for (double d : w.spec.demand.values())
            for (double wind : w.spec.wind.values()) {
                if (k > 0 && k % 2) ImGui::SameLine();
                const ImU32 ink = inks[k++ % 4];
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ink), tr("demand x%.2f, wind x%.2f"), d, wind);
            }
    }
}

}  // namespace

AssistAction draw_assist_panel(AssistPanel& panel, DraftWorkbench& draft, const std::string& hub, const std::string& drone, float s, Rects& rects) {
    if (!panel.open && draft.from.empty()) return AssistAction::None;
    AssistAction action = AssistAction::None;
    const ImGuiIO& io = ImGui::GetIO();
    // At the bottom, in the middle: the map's centre, where drafts and bands are, stays in view.
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - ImGui::GetFrameHeight() - 16 * s), ImGuiCond_Always, ImVec2(0.5f, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(380 * s, 0), ImVec2(420 * s, io.DisplaySize.y * 0.8f));
    bool open = true;
    ImGui::Begin(tr("Planning assist"), &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    remember_window_rect("assist", rects);
    if (!draft.from.empty()) {
        heading(tr("Draft corridor"));
        draft_section(draft, drone, action, rects);
    } else {
        ImGui::TextDisabled("%s", tr("Draft tool (D): click two hubs to draft a corridor between them"));
    }
    heading(tr("Network"));
    network_section(panel.network, action, rects);
    heading(tr("Reach"));
    reach_section(panel.reach, hub, drone, action, rects);
    heading(tr("Fleet size"));
    sweep_section(panel.sweep, hub, drone, s, action, rects);
    ImGui::End();
    if (!open) {
        panel.open = false;
        if (!draft.from.empty()) action = AssistAction::Discard;
    }
    return action;
}

void draw_assist_overlay(ImDrawList* dl, const MapCamera& camera, const DraftWorkbench& w, const AssistPanel& panel, const LocalFrame* frame, float s) {
    const ReachView& reach = panel.reach;
    auto screen = [&](GeoPoint p) {
        double x, y;
        camera.geo_to_screen(p, x, y);
        return ImVec2(float(x), float(y));
    };
    auto dashed = [&](const std::vector<GeoPoint>& line, ImU32 ink, float width) {
        for (size_t k = 0; k + 1 < line.size(); ++k) {
            const ImVec2 a = screen(line[k]), b = screen(line[k + 1]);
            const float len = std::hypot(b.x - a.x, b.y - a.y), dash = 10 * s;
            for (float t = 0; t < len; t += 2 * dash) {
                const float t1 = std::min(len, t + dash);
                dl->AddLine(ImVec2(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len),
                            ImVec2(a.x + (b.x - a.x) * t1 / len, a.y + (b.y - a.y) * t1 / len), ink, width);
            }
        }
    };
    if (panel.network.draft) {
        for (const Corridor& c : panel.network.draft->corridors) dashed(c.centreline, map_style::kDraft, 2.5f * s);
        for (const Junction& j : panel.network.draft->junctions) dl->AddCircle(screen(j.position), 5 * s, map_style::kDraft, 0, 2 * s);
    }
    if (reach.result && frame) {
        // Filled through the network, the later bands fainter; free flight's edges dashed.
        const assist::ReachGrid& g = reach.result->grid;
        const ImU32 fills[] = {IM_COL32(30, 110, 230, 110), IM_COL32(30, 110, 230, 70), IM_COL32(30, 110, 230, 40), IM_COL32(30, 110, 230, 25)};
        auto corner = [&](double e, double n) { return screen(frame->to_geo({e, n})); };
        const double h = g.cell_m / 2;
        for (int y = 0; y < g.rows; ++y)
            for (int x = 0; x < g.cols; ++x) {
                const float t = g.network_s[size_t(y) * size_t(g.cols) + size_t(x)];
                if (t < 0) continue;
                size_t band = 0;
                while (band < reach.minutes.size() && t > reach.minutes[band] * 60) ++band;
                if (band >= reach.minutes.size()) continue;
                const double e = g.origin.east_m + x * g.cell_m, n = g.origin.north_m + y * g.cell_m;
                dl->AddRectFilled(corner(e - h, n + h), corner(e + h, n - h), fills[std::min<size_t>(band, 3)]);
            }
        auto free_in = [&](int x, int y, double limit) {
            if (x < 0 || y < 0 || x >= g.cols || y >= g.rows) return false;
            const float t = g.free_s[size_t(y) * size_t(g.cols) + size_t(x)];
            return t >= 0 && t <= limit;
        };
        for (double m : reach.minutes)
            for (int y = 0; y < g.rows; ++y)
                for (int x = 0; x < g.cols; ++x) {
                    if (!free_in(x, y, m * 60)) continue;
                    const double e = g.origin.east_m + x * g.cell_m, n = g.origin.north_m + y * g.cell_m;
                    // Each edge of the band's outline, every other cell's worth drawn: a dash.
                    const ImU32 ink = IM_COL32(20, 70, 160, 200);
                    if (!free_in(x + 1, y, m * 60) && y % 2 == 0) dl->AddLine(corner(e + h, n - h), corner(e + h, n + h), ink, 1.5f * s);
                    if (!free_in(x - 1, y, m * 60) && y % 2 == 0) dl->AddLine(corner(e - h, n - h), corner(e - h, n + h), ink, 1.5f * s);
                    if (!free_in(x, y + 1, m * 60) && x % 2 == 0) dl->AddLine(corner(e - h, n + h), corner(e + h, n + h), ink, 1.5f * s);
                    if (!free_in(x, y - 1, m * 60) && x % 2 == 0) dl->AddLine(corner(e - h, n - h), corner(e + h, n - h), ink, 1.5f * s);
                }
    }
    if (!w.draft) return;
    std::vector<ImVec2> pts;
    for (const GeoPoint& p : w.draft->corridor.centreline) pts.push_back(screen(p));
    // Its width to scale, faint, and a dashed centreline over it.
    const float width_px = std::max(2.0f, float(w.draft->corridor.width_m / camera.ground_m_per_px()));
    dl->AddPolyline(pts.data(), int(pts.size()), (map_style::kDraft & 0x00FFFFFF) | 0x40000000, 0, width_px);
    dashed(w.draft->corridor.centreline, map_style::kDraft, 3 * s);
}

}  // namespace lowsky::web
