// The open scenario on the map: zones shaded by kind, corridors at their real width coloured
// by their check state, hubs; a tooltip for what is under the pointer.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "geo/planar.h"
#include "panels.h"
#include "panels/map_style.h"
#include "scenario/scenario_io.h"
#include "sim/flight_plans.h"
#include "view/airspace_volumes.h"
#include "view/picking.h"

namespace lowsky::web {

namespace {

const char* kind_name(ZoneKind k) { return tr(k == ZoneKind::NoFly ? N_("no-fly") : k == ZoneKind::Controlled ? N_("controlled (approval needed)") : N_("restricted")); }
const char* jurisdiction_name(Jurisdiction j) { return tr(j == Jurisdiction::Mainland ? N_("mainland China") : j == Jurisdiction::HongKong ? N_("Hong Kong") : N_("Macau")); }

ImVec2 to_screen(const MapCamera& camera, GeoPoint p, double height_m = 0) {
    double x, y;
    camera.geo_to_screen(p, x, y, height_m);
    return ImVec2(float(x), float(y));
}

void fill_triangles(ImDrawList* dl, const std::vector<ImVec2>& pts, const std::vector<uint32_t>& triangles, ImU32 colour) {
    if (triangles.empty() || pts.size() >= 65536) return;
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    dl->PrimReserve(int(triangles.size()), int(pts.size()));
    const ImDrawIdx base = ImDrawIdx(dl->_VtxCurrentIdx);
    for (const ImVec2& p : pts) dl->PrimWriteVtx(p, uv, colour);
    for (uint32_t i : triangles) dl->PrimWriteIdx(ImDrawIdx(base + i));
}

float distance_to_polyline(ImVec2 m, const std::vector<ImVec2>& line) {
    float best = 1e30f;
    for (size_t i = 0; i + 1 < line.size(); ++i) {
        const auto c = planar::point_segment({m.x, m.y}, {line[i].x, line[i].y}, {line[i + 1].x, line[i + 1].y});
        best = std::min(best, float(c.distance_m));
    }
    return best;
}

std::string band_text(const AltitudeBand& b) { return describe(b.floor) + " to " + describe(b.ceiling); }

ImU32 faded(ImU32 c, double keep) {
    const unsigned a = unsigned(double((c >> IM_COL32_A_SHIFT) & 0xFF) * keep);
    return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

// Arrowheads along a line, every 90 pixels or so, pointing along it.
void draw_arrows(ImDrawList* dl, const std::vector<ImVec2>& line, float s, ImU32 colour) {
    const float spacing = 90 * s, size = 6 * s;
    float carried = spacing / 2;
    for (size_t k = 0; k + 1 < line.size(); ++k) {
        const ImVec2 a = line[k], b = line[k + 1];
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        if (len < 1e-3f) continue;
        const ImVec2 d((b.x - a.x) / len, (b.y - a.y) / len), n(-d.y, d.x);
        for (float at = carried; at < len; at += spacing) {
            const ImVec2 tip(a.x + d.x * (at + size), a.y + d.y * (at + size)), base(a.x + d.x * (at - size), a.y + d.y * (at - size));
            dl->AddTriangleFilled(tip, ImVec2(base.x + n.x * size, base.y + n.y * size), ImVec2(base.x - n.x * size, base.y - n.y * size), colour);
        }
        carried = std::fmod(carried - len, spacing);
        if (carried < 0) carried += spacing;
    }
}

}  // namespace

std::optional<MapHit> draw_scenario_layer(ImDrawList* dl, const MapCamera& camera, const ScenarioView& view, const MapSelection& selected,
                         std::optional<ImVec2> mouse, float s) {
    const Scenario& sc = *view.scenario;
    const auto& zones = view.compiled->zones();
    const double m_per_px = camera.ground_m_per_px();
    // In 3D the solids take over from the flat fills, which fade as the heights rise; the
    // footprints stay as outlines on the ground and the lanes are drawn at their heights.
    const double flat = 1.0 - camera.heights_shown();
    enum class Hit { None, Zone, Corridor, Hub } hit = Hit::None;
    size_t hit_index = 0;

    // Zones: fills first, outlines over them.
    std::vector<std::vector<ImVec2>> zone_pts(zones.size());
    for (size_t z = 0; z < zones.size(); ++z) {
        for (const auto& p : view.zones[z].ring) zone_pts[z].push_back(to_screen(camera, p));
        if (flat > 0) fill_triangles(dl, zone_pts[z], view.zones[z].triangles, faded(map_style::zone_fill(zones[z].kind), flat));
    }
    for (size_t z = 0; z < zones.size(); ++z) {
        const bool chosen = selected.kind == "zone" && selected.id == zones[z].id;
        dl->AddPolyline(zone_pts[z].data(), int(zone_pts[z].size()), map_style::zone_line(zones[z].kind), ImDrawFlags_Closed, (chosen ? 3.0f : 1.5f) * s);
        // The innermost zone under the pointer wins: later zones are drawn on top.
        if (mouse && pointer_over_zone(camera, zones[z].shape, zones[z].band, mouse->x, mouse->y, VolumeOptions{}.top_m)) { hit = Hit::Zone; hit_index = z; }
    }

    // Corridors at their real width (never thinner than a few pixels), centreline on top.
    for (size_t i = 0; i < sc.corridors.size(); ++i) {
        const Corridor& c = sc.corridors[i];
        std::vector<ImVec2> line;
        for (const auto& p : c.centreline) line.push_back(to_screen(camera, p));
        const float width = std::max(float(c.width_m / m_per_px), 4.0f * s);
        const bool chosen = (selected.kind == "corridor" && selected.id == c.id);
        if (flat > 0) {
            if (chosen) dl->AddPolyline(line.data(), int(line.size()), faded(IM_COL32(30, 30, 30, 160), flat), 0, width + 4 * s);
            dl->AddPolyline(line.data(), int(line.size()), faded(map_style::corridor(view.corridor_state[i], 150), flat), 0, width);
        }
        if (flat == 1.0) {
            dl->AddPolyline(line.data(), int(line.size()), map_style::corridor(view.corridor_state[i], 255), 0, 2.0f * s);
            if (c.direction == Direction::OneWay) draw_arrows(dl, line, s, IM_COL32(255, 255, 255, 230));
        } else {
            // Its footprint, and each direction's lane where the simulation flies it.
            dl->AddPolyline(line.data(), int(line.size()), map_style::corridor(view.corridor_state[i], 110), 0, 1.0f * s);
            for (const CorridorLane& lane : corridor_lanes(c, view.compiled->corridors()[i])) {
                std::vector<ImVec2> at;
                for (const auto& p : lane.line) at.push_back(to_screen(camera, p, lane.height.m));
                dl->AddPolyline(at.data(), int(at.size()), map_style::corridor(view.corridor_state[i], 255), 0, (chosen ? 3.0f : 2.0f) * s);
                draw_arrows(dl, at, s * 0.8f, map_style::corridor(view.corridor_state[i], 255));
            }
            line.clear();  // picked where it is seen: the middle of its band
            for (const auto& p : c.centreline) line.push_back(to_screen(camera, p, view.compiled->corridors()[i].middle().m));
        }
        if (mouse && distance_to_polyline(*mouse, line) <= std::max(width / 2, 6 * s)) { hit = Hit::Corridor; hit_index = i; }
    }

    // Inspections and sightseeing loops: the area or line and the lines flown (thin), or the path
    // past the viewpoints with a dot at each sight; red while one has an error.
    for (const MissionOverlay& m : view.missions) {
        const ImU32 ink = m.state == CheckState::Error ? map_style::kEncounterLoss : m.sightseeing ? map_style::kSightseeing : map_style::kSurvey;
        const ImU32 faint = (ink & 0x00FFFFFF) | 0xB0000000;
        std::vector<ImVec2> pts;
        for (const auto& stroke : m.strokes) {
            pts.clear();
            for (const GeoPoint& p : stroke) pts.push_back(to_screen(camera, p));
            dl->AddPolyline(pts.data(), int(pts.size()), faint, 0, (m.sightseeing ? 2.0f : 1.0f) * s);
        }
        pts.clear();
        for (const GeoPoint& p : m.outline) pts.push_back(to_screen(camera, p));
        if (m.sightseeing) {
            for (const ImVec2& p : pts) dl->AddCircleFilled(p, 4 * s, ink, 12);
        } else {
            dl->AddPolyline(pts.data(), int(pts.size()), ink, m.closed ? ImDrawFlags_Closed : 0, 2 * s);
        }
    }

    // Junctions: where corridors meet away from a hub.
    for (const auto& j : sc.junctions) {
        const ImVec2 p = to_screen(camera, j.position);
        dl->AddCircleFilled(p, 5.5f * s, IM_COL32(255, 255, 255, 230));
        dl->AddCircleFilled(p, 3.5f * s, map_style::kJunction);
    }

    // Hubs: a square per hub, coloured by its own findings.
    for (size_t i = 0; i < sc.hubs.size(); ++i) {
        const ImVec2 p = to_screen(camera, sc.hubs[i].position);
        const float r = 6.0f * s;
        const ImU32 fill = map_style::hub(view.hub_state[i]);
        dl->AddRectFilled(ImVec2(p.x - r - 1.5f * s, p.y - r - 1.5f * s), ImVec2(p.x + r + 1.5f * s, p.y + r + 1.5f * s), IM_COL32(255, 255, 255, 230), 3 * s);
        dl->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), fill, 2 * s);
        // In 3D, close enough to tell them apart: its pads, a row of small squares under it.
        if (flat < 1.0 && m_per_px < 60 && sc.hubs[i].pad_count > 0) {
            const int pads = std::min(sc.hubs[i].pad_count, 12), per_row = 6;
            const float pad = 4.0f * s, gap = 2.0f * s;
            for (int k = 0; k < pads; ++k) {
                const int row = k / per_row, col = k % per_row, in_row = std::min(per_row, pads - row * per_row);
                const float x = p.x - (in_row * (pad + gap) - gap) / 2 + col * (pad + gap), y = p.y + r + 12 * s + row * (pad + gap);  // below the ring of parked drones
                dl->AddRectFilled(ImVec2(x, y), ImVec2(x + pad, y + pad), faded(IM_COL32(60, 70, 84, 230), 1.0 - flat));
            }
        }
        if (selected.kind == "hub" && selected.id == sc.hubs[i].id) dl->AddRect(ImVec2(p.x - r - 4 * s, p.y - r - 4 * s), ImVec2(p.x + r + 4 * s, p.y + r + 4 * s), IM_COL32(20, 20, 20, 255), 3 * s, 0, 2 * s);
        if (mouse && std::abs(mouse->x - p.x) <= r + 2 && std::abs(mouse->y - p.y) <= r + 2) { hit = Hit::Hub; hit_index = i; }
    }

    if (hit == Hit::None) return std::nullopt;
    MapHit found;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    if (hit == Hit::Zone) {
        const Zone& z = zones[hit_index];
        found = {"zone", z.id};
        ImGui::TextUnformatted(z.name.c_str());
        ImGui::TextDisabled(tr("%s  %s zone, %s"), z.id.c_str(), kind_name(z.kind), jurisdiction_name(z.jurisdiction));
        ImGui::Text(tr("floor   %s"), describe(z.band.floor).c_str());
        ImGui::Text(tr("ceiling %s"), describe(z.band.ceiling).c_str());
        for (const auto& w : z.time_windows) ImGui::Text(tr("restricted %s to %s"), format_clock(w.start_s).c_str(), format_clock(w.end_s).c_str());
        if (!z.source.empty()) ImGui::TextDisabled("%s", z.source.c_str());
    } else if (hit == Hit::Corridor) {
        const Corridor& c = sc.corridors[hit_index];
        found = {"corridor", c.id};
        const LocalCorridor& lc = view.compiled->corridors()[hit_index];
        ImGui::TextUnformatted(c.name.c_str());
        ImGui::TextDisabled(tr("%s  %.1f km, %.0f m wide, %s"), c.id.c_str(), lc.length_m / 1000, c.width_m,
                            tr(c.direction == Direction::OneWay ? N_("one-way") : c.lanes == LaneSeparation::Vertical ? N_("two-way, lanes stacked") : N_("two-way, lanes side by side")));
        ImGui::Text(tr("band  %s"), band_text(c.band).c_str());
        ImGui::Text(tr("speed limit %.0f m/s"), c.speed_limit_m_s);
        std::string types;
        for (const auto& t : c.drone_types) types += (types.empty() ? "" : ", ") + t;
        ImGui::Text(tr("drone types  %s"), types.c_str());
        if (!c.approval.empty()) ImGui::TextDisabled(tr("approval: %s"), c.approval.c_str());
        if (!c.border_approval.empty()) ImGui::TextDisabled(tr("cross-border approval: %s"), c.border_approval.c_str());
        int n = 0;
        for (const auto& f : view.report.findings) {
            if (f.object_kind != "corridor" || (f.object != c.id && f.other != c.id)) continue;
            if (n++ == 0) ImGui::Separator();
            ImGui::TextColored(f.severity == Severity::Error ? ImVec4(1.0f, 0.45f, 0.4f, 1) : f.severity == Severity::Warning ? ImVec4(1.0f, 0.75f, 0.3f, 1) : ImVec4(0.6f, 0.8f, 1.0f, 1),
                               "%s  %s", to_string(f.severity), f.check.c_str());
        }
    } else {
        const Hub& h = sc.hubs[hit_index];
        found = {"hub", h.id};
        ImGui::TextUnformatted(h.name.c_str());
        ImGui::TextDisabled(tr("%s  %.5f, %.5f  ground %.0f m AMSL"), h.id.c_str(), h.position.lat_deg, h.position.lon_deg, h.ground_elevation_m_amsl);
        ImGui::Text(tr("%d pad%s, %.0f s slots"), h.pad_count, h.pad_count == 1 ? "" : "s", h.pad_slot_s);
        if (h.energy == EnergySupply::Charger) ImGui::Text(tr("%d charger%s of %.1f kW"), h.energy_points, h.energy_points == 1 ? "" : "s", h.charge_power_w / 1000);
        if (h.energy == EnergySupply::Swap) ImGui::Text(tr("%d battery swap station%s, %.0f s a swap"), h.energy_points, h.energy_points == 1 ? "" : "s", h.swap_time_s);
        int fleet = 0;
        for (const auto& f : sc.fleet) if (f.hub == h.id) fleet += f.count;
        if (fleet > 0) ImGui::Text(tr("%d drone%s based here"), fleet, fleet == 1 ? "" : "s");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    return found;
}

}  // namespace lowsky::web
