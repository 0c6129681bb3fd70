// The day in charts, in a window of their own: deliveries and drones in the air, the
// delivery-time histogram with its p50 and p95, the fleet's battery, and the pad queues and
// orders waiting. Each has its axes, units and a legend; a click on a chart over the day seeks
// the playback there, one on a bin of the histogram to one of its deliveries.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "panels.h"
#include "scenario/scenario_io.h"

namespace lowsky::web {

namespace {

const ImU32 kAxis = IM_COL32(160, 170, 185, 255);
const ImU32 kGround = IM_COL32(20, 24, 31, 255);
const ImU32 kNow = IM_COL32(255, 255, 255, 220);

struct Line {
    const char* name;
    ImU32 colour;
    std::vector<float> values;
    bool bars = false;
};

// A chart over the day: the lines, a y axis from 0 to the largest value (in `unit`), the hours
// below, the legend above, the playback time marked. Returns the time clicked, or -1.
double day_chart(const char* id, const char* unit, const std::vector<Line>& lines, const SimPlayback& p, float s,
                 std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const SimResult& r = *p.result;
    float top = 1;
    for (const Line& l : lines) for (float v : l.values) top = std::max(top, v);
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i) ImGui::SameLine();
        const ImU32 c = lines[i].colour;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c), "%s", lines[i].name);
    }
    char label[32];
    std::snprintf(label, sizeof label, "%.0f %s", top, unit);
    const float axis_w = ImGui::CalcTextSize(label).x + 6 * s;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, 70 * s);
    ImGui::InvisibleButton(id, size);
    remember_item_rect(id, rects);
    const bool clicked = ImGui::IsItemClicked();
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(origin.x + axis_w, origin.y), b(origin.x + size.x, origin.y + size.y - ImGui::GetTextLineHeight() - 2 * s);
    dl->AddRectFilled(a, b, kGround, 3 * s);
    dl->AddText(ImVec2(origin.x, a.y), kAxis, label);
    dl->AddText(ImVec2(origin.x + axis_w - ImGui::CalcTextSize("0").x - 6 * s, b.y - ImGui::GetTextLineHeight()), kAxis, "0");
    const double day_s = p.day_s;
    const auto x_at = [&](double t) { return a.x + float(t / day_s) * (b.x - a.x); };
    const auto y_at = [&](float v) { return b.y - 2 * s - v / top * (b.y - a.y - 4 * s); };
    for (const Line& l : lines) {
        std::vector<ImVec2> points;
        for (size_t i = 0; i < l.values.size() && i < r.series.size(); ++i) {
            const float x = x_at(r.series[i].t_s);
            if (l.bars) {
                const float x1 = i + 1 < r.series.size() ? x_at(r.series[i + 1].t_s) : b.x;
                dl->AddRectFilled(ImVec2(x, y_at(l.values[i])), ImVec2(std::max(x + 1, x1 - 1), b.y - 2 * s), l.colour);
            } else {
                points.push_back(ImVec2(x, y_at(l.values[i])));
            }
        }
        if (!points.empty()) dl->AddPolyline(points.data(), int(points.size()), l.colour, 0, 1.5f * s);
    }
    // Hours far enough apart for their labels.
    const float label_w = ImGui::CalcTextSize("00:00").x * 1.6f;
    int step_h = 1;
    for (int candidate : {1, 2, 3, 6, 12, 24, 48}) {
        step_h = candidate;
        if ((b.x - a.x) * float(candidate * 3600 / day_s) >= label_w) break;
    }
    for (int h = 0; h * 3600 <= day_s + 1; h += step_h) {
        char text[8];
        std::snprintf(text, sizeof text, "%02d:00", h);
        const float w = ImGui::CalcTextSize(text).x;
        dl->AddLine(ImVec2(x_at(h * 3600.0), b.y), ImVec2(x_at(h * 3600.0), b.y + 2 * s), kAxis);
        dl->AddText(ImVec2(std::clamp(x_at(h * 3600.0) - w / 2, a.x, b.x - w), b.y + 2 * s), kAxis, text);
    }
    dl->AddLine(ImVec2(x_at(p.t_s), a.y), ImVec2(x_at(p.t_s), b.y), kNow, 1.5f * s);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const double t = std::clamp(double(mouse.x - a.x) / double(b.x - a.x) * day_s, 0.0, day_s);
    if (hovered) {
        const size_t k = p.sample_at(t);
        ImGui::BeginTooltip();
        ImGui::Text("%s", format_clock(int(r.series[k].t_s)).c_str());
        for (const Line& l : lines)
            if (k < l.values.size()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(l.colour), "%s: %.0f %s", l.name, l.values[k], unit);
        ImGui::TextDisabled("%s", tr("click to go to that time"));
        ImGui::EndTooltip();
    }
    return clicked ? t : -1;
}

// Delivery times (ready to delivered) in bins of 10 minutes, p50 and p95 marked. A click on a
// bin shows one of its deliveries: the next delivered after the time shown (from the start of
// the day when none is), so clicking again steps through them. Returns that moment, or -1.
double histogram(const SimResult& r, double now_s, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    const double bin = 10;
    const double last = std::max(r.kpis.p95_delivery_s / 60 * 1.25, bin * 3);
    const size_t bins = size_t(std::ceil(last / bin));
    const auto bin_of = [&](const DeliveryResult& d) { return std::min(bins - 1, size_t((d.delivered_s - d.ready_s) / 60 / bin)); };  // the last holds the tail
    std::vector<int> count(bins, 0);
    for (const auto& d : r.deliveries) if (d.delivered) ++count[bin_of(d)];
    if (std::all_of(count.begin(), count.end(), [](int c) { return c == 0; })) return -1;  // nothing delivered yet
    const int top = *std::max_element(count.begin(), count.end());
    ImGui::TextColored(ImVec4(0.93f, 0.47f, 0.08f, 1), "%s", tr("deliveries per 10 minutes of delivery time"));
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(1, 1, 1, 1), "%s", tr("p50, p95"));
    char label[32];
    std::snprintf(label, sizeof label, "%d", top);
    const float axis_w = ImGui::CalcTextSize(label).x + 6 * s;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, 70 * s);
    ImGui::InvisibleButton("chart.histogram", size);
    remember_item_rect("chart.histogram", rects);
    const bool clicked = ImGui::IsItemClicked(), hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(origin.x + axis_w, origin.y), b(origin.x + size.x, origin.y + size.y - ImGui::GetTextLineHeight() - 2 * s);
    rects.push_back({"chart.histogram.bars", {a.x, a.y, b.x - a.x, b.y - a.y}});
    dl->AddRectFilled(a, b, kGround, 3 * s);
    dl->AddText(ImVec2(origin.x, a.y), kAxis, label);
    const auto x_at = [&](double m) { return a.x + float(m / (double(bins) * bin)) * (b.x - a.x); };
    for (size_t i = 0; i < bins; ++i) {
        const float y = b.y - 2 * s - float(count[i]) / float(top) * (b.y - a.y - 4 * s);
        dl->AddRectFilled(ImVec2(x_at(double(i) * bin) + 1, y), ImVec2(x_at(double(i + 1) * bin) - 1, b.y - 2 * s), IM_COL32(236, 120, 20, 220));
    }
    double seek = -1;
    const float mx = ImGui::GetIO().MousePos.x;
    if ((hovered || clicked) && mx >= a.x && mx < b.x) {
        const size_t k = std::min(bins - 1, size_t((mx - a.x) / (b.x - a.x) * float(bins)));
        const DeliveryResult* next = nullptr;
        const DeliveryResult* first = nullptr;
        for (const auto& d : r.deliveries) {
            if (!d.delivered || bin_of(d) != k) continue;
            if (!first || d.delivered_s < first->delivered_s) first = &d;
            if (d.delivered_s > now_s && (!next || d.delivered_s < next->delivered_s)) next = &d;
        }
        if (!next) next = first;
        dl->AddRect(ImVec2(x_at(double(k) * bin), a.y), ImVec2(x_at(double(k + 1) * bin), b.y), kNow, 0, 0, 1.5f * s);
        ImGui::BeginTooltip();
        if (k + 1 < bins) ImGui::Text(tr("%d deliveries took %.0f to %.0f min"), count[k], double(k) * bin, double(k + 1) * bin);
        else ImGui::Text(tr("%d deliveries took %.0f min or more"), count[k], double(k) * bin);
        if (next) ImGui::TextDisabled(tr("click: order %s, delivered at %s"), next->order.c_str(), format_clock(int(next->delivered_s)).c_str());
        ImGui::EndTooltip();
        if (clicked && next) seek = next->delivered_s;
    }
    // Labels far enough apart: every so many bins.
    const float bin_px = (b.x - a.x) / float(bins), label_w = ImGui::CalcTextSize("000 min").x * 1.4f;
    const size_t every = std::max<size_t>(1, size_t(std::ceil(label_w / bin_px)));
    for (double m = 0; m <= double(bins) * bin + 0.5; m += bin * double(every)) {
        char text[16];
        std::snprintf(text, sizeof text, "%.0f min", m);
        const float w = ImGui::CalcTextSize(text).x;
        dl->AddText(ImVec2(std::clamp(x_at(m) - w / 2, a.x, b.x - w), b.y + 2 * s), kAxis, text);
    }
    for (const auto& [name, at_s] : {std::pair<const char*, double>{"p50", r.kpis.p50_delivery_s}, {"p95", r.kpis.p95_delivery_s}}) {
        const float x = x_at(at_s / 60);
        dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), kNow, 1.5f * s);
        char text[24];
        std::snprintf(text, sizeof text, "%s %.0f", name, at_s / 60);
        dl->AddText(ImVec2(std::min(x + 3 * s, b.x - ImGui::CalcTextSize(text).x), a.y + 1), kNow, text);
    }
    return seek;
}

}  // namespace

void draw_sim_charts(bool& open, SimPlayback& p, float s, std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (!open || !p.result || !p.day_compiled() || p.result->series.size() < 2) return;
    const CompiledScenario& compiled = *p.day_compiled();
    const SimResult& r = *p.result;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(460 * s, 560 * s), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowBgAlpha(0.95f);
    if (ImGui::Begin(tr("The day in charts###charts"), &open, ImGuiWindowFlags_NoSavedSettings)) {
        remember_window_rect("charts", rects);
        const size_t n = r.series.size();
        // The fleet's battery at each sample (the engine's), made once per day shown.
        if (p.battery.mean_pct.size() != n) p.battery = fleet_battery(r, compiled);
        std::vector<float> airborne, delivered, waiting, pads, charging;
        for (size_t k = 0; k < n; ++k) {
            airborne.push_back(float(r.series[k].airborne));
            delivered.push_back(float(r.series[k].delivered));
            waiting.push_back(float(r.series[k].waiting));
            int q = 0, c = 0;
            for (const auto& h : r.hubs) if (k < h.series.size()) { q += h.series[k].pad_queue; c += h.series[k].charging; }
            pads.push_back(float(q));
            charging.push_back(float(c));
        }
        double seek = -1;
        const auto seek_to = [&](double t) { if (t >= 0) seek = t; };
        seek_to(day_chart("chart.deliveries", tr("parcels"), {{tr("delivered so far"), IM_COL32(90, 200, 120, 255), delivered}}, p, s, rects));
        seek_to(day_chart("chart.airborne", tr("drones"), {{tr("drones in the air"), IM_COL32(236, 120, 20, 220), airborne, true}}, p, s, rects));
        seek_to(histogram(r, p.t_s, s, rects));
        seek_to(day_chart("chart.battery", "%", {{tr("fleet battery, mean"), IM_COL32(90, 200, 120, 255), p.battery.mean_pct},
                                                 {tr("lowest"), IM_COL32(255, 96, 80, 255), p.battery.lowest_pct}}, p, s, rects));
        seek_to(day_chart("chart.queues", tr("orders or drones"), {{tr("orders waiting"), IM_COL32(150, 200, 255, 230), waiting},
                                                                   {tr("pad queue"), IM_COL32(255, 196, 60, 255), pads},
                                                                   {tr("charging"), IM_COL32(90, 200, 120, 255), charging}}, p, s, rects));
        if (seek >= 0) {
            p.t_s = seek;
            p.playing = false;
        }
    }
    ImGui::End();
}

}  // namespace lowsky::web
