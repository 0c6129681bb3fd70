// The simulated drones at the playback time, over the map: laden on the way out, empty on the
// way back, with a tooltip for the one under the pointer. Parked and charging drones stay at
// their hub's marker.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "panels.h"
#include "geo/triangulate.h"
#include "geo/web_mercator.h"
#include "panels/map_style.h"
#include "scenario/scenario_io.h"

namespace lowsky::web {

namespace {
const ImU32 kOutbound = map_style::kDroneOutbound;
const ImU32 kReturning = map_style::kDroneReturning;
const ImU32 kHalo = IM_COL32(255, 255, 255, 230);
constexpr float kRadius = 4.0f, kHaloRadius = 5.5f, kHoverRadius = 9.0f;  // CSS pixels

// A ring of `width` centred on `radius`, as Dear ImGui strokes a circle: a marker whose disc is
// clear (the ring's colour at no opacity, so its inner edge blends into nothing).
void ring_marker(MarkerRenderer& markers, ImVec2 at, float radius, float width, ImU32 colour) {
    markers.add_marker(at, radius - width / 2, width, colour & ~IM_COL32_A_MASK, colour);
}
}  // namespace

SimDronesInView sim_drones_at(const MapCamera& camera, const SimPlayback& p, std::optional<ImVec2> mouse, float s, bool trails) {
    SimDronesInView in_view;
    if (!p.result || !p.day_compiled()) return in_view;
    float nearest = kHoverRadius * s;
    const std::vector<DroneSnapshot>& snapshots = p.snapshots_at(p.t_s);
    const auto& hubs = p.day_compiled()->scenario().hubs;
    in_view.airborne.reserve(snapshots.size());
    std::vector<SimDronesInView::Parked> parked(hubs.size());  // by hub: a drone on the ground stands at its home hub
    for (size_t d = 0; d < snapshots.size(); ++d) {
        const DroneSnapshot& snap = snapshots[d];
        if (!snap.airborne) {
            SimDronesInView::Parked& q = parked[size_t(p.result->drones[d].hub_index)];
            ++(snap.charging ? q.charging : q.waiting);
            continue;
        }
        double x, y, gx, gy;
        const MercatorPoint m = lowsky::mercator::project(snap.position);  // once for both
        camera.mercator_to_screen(m, x, y, snap.height.m);  // at its height in 3D
        camera.mercator_to_screen(m, gx, gy);
        const ImVec2 at{float(x), float(y)};
        if (mouse) {
            const float distance = std::hypot(at.x - mouse->x, at.y - mouse->y);
            if (distance < nearest) {
                nearest = distance;
                in_view.hovered = int(in_view.airborne.size());
            }
        }
        in_view.airborne.push_back({d, snap, at, ImVec2(float(gx), float(gy)), {}});
        if (trails && snap.flight >= 0) {
            // The flight's own track points of the last five minutes, then where it is now.
            constexpr double kTrail_s = 300;
            std::vector<ImVec2>& trail = in_view.airborne.back().trail;
            for (const TrackPoint& q : p.result->flights[size_t(snap.flight)].track) {
                if (q.t_s < p.t_s - kTrail_s) continue;
                if (q.t_s >= p.t_s) break;
                double tx, ty;
                camera.geo_to_screen({q.lat_deg, q.lon_deg}, tx, ty, q.height.m);
                trail.push_back(ImVec2(float(tx), float(ty)));
            }
            trail.push_back(at);
        }
    }
    for (size_t h = 0; h < hubs.size(); ++h) {
        if (parked[h].charging + parked[h].waiting == 0) continue;
        double x, y;
        camera.geo_to_screen(hubs[h].position, x, y);
        parked[h].hub = ImVec2(float(x), float(y));
        in_view.parked.push_back(parked[h]);
    }
    return in_view;
}

void draw_sim_drones(ImDrawList* dl, MarkerRenderer& markers, const SimPlayback& p, const SimDronesInView& in_view, float s) {
    if (!p.result) return;
    const SimResult& r = *p.result;
    auto laden = [&](const DroneSnapshot& snap) { return snap.flight >= 0 && p.t_s < r.flights[size_t(snap.flight)].delivered_s; };
    // On the ground: a ring of dots round each hub, charging first, then waiting (at most 16),
    // as GL markers like the drones in the air (40 hubs of dots were 30,000 triangles).
    for (const auto& q : in_view.parked) {
        const int n = std::min(16, q.charging + q.waiting);
        for (int k = 0; k < n; ++k) {
            const float a = float(k) / float(n) * 6.2831853f - 1.5707963f, ring = 13.0f * s;
            const ImVec2 at(q.hub.x + ring * std::cos(a), q.hub.y + ring * std::sin(a));
            markers.add_marker(at, 2.2f * s, 1.0f * s, k < q.charging ? map_style::kDroneCharging : map_style::kDroneWaiting, kHalo);
        }
    }
    for (const auto& a : in_view.airborne)
        if (a.trail.size() >= 2) dl->AddPolyline(a.trail.data(), int(a.trail.size()), laden(a.snapshot) ? IM_COL32(236, 120, 20, 110) : IM_COL32(40, 120, 200, 110), 0, 1.5f * s);
    // In 3D each drone stands on a line down to the ground under it. The drones go to the GL
    // markers (after the encounters' rings): thousands of them fly on a busy day.
    const ImU32 kDrop = IM_COL32(40, 48, 60, 140);
    for (const auto& a : in_view.airborne)
        if (a.ground.x != a.screen.x || a.ground.y != a.screen.y) {
            markers.add_line(a.ground, a.screen, kDrop);
            markers.add_marker(a.ground, 1.5f * s, 0, kDrop, kDrop);
        }
    for (const auto& a : in_view.airborne)
        markers.add_marker(a.screen, kRadius * s, (kHaloRadius - kRadius) * s, laden(a.snapshot) ? kOutbound : kReturning, kHalo);
    markers.queue(dl);
    if (in_view.hovered < 0) return;
    const auto& a = in_view.airborne[size_t(in_view.hovered)];
    const DroneResult& drone = r.drones[a.drone];
    const SimFlight& flight = r.flights[size_t(a.snapshot.flight)];
    dl->AddCircle(a.screen, (kHaloRadius + 2) * s, IM_COL32(30, 34, 44, 255), 16, 2 * s);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(drone.id.c_str());
    if (flight.order >= 0) {
        const DeliveryResult& order = r.deliveries[size_t(flight.order)];
        ImGui::TextDisabled(tr("order %s, %s to %s, %.1f kg"), order.order.c_str(), order.from.c_str(), order.to.c_str(), order.mass_kg);
        ImGui::Text(laden(a.snapshot) ? "carrying it, delivery at %s" : "flying back, delivered at %s", format_clock(int(flight.delivered_s)).c_str());
    } else if (flight.sightseeing >= 0) {
        for (const TourDeparture& d : r.tours) {
            if (!d.flown || d.takeoff_s != flight.takeoff_s || d.drone != drone.id) continue;
            ImGui::TextDisabled(tr("sightseeing loop %s, due at %s"), d.loop.c_str(), format_clock(int(d.scheduled_s)).c_str());
            break;
        }
    }
    ImGui::Text(tr("%.0f m AMSL, battery %.0f of %.0f Wh"), a.snapshot.height.m, a.snapshot.battery_wh, drone.battery_wh);
    ImGui::EndTooltip();
}

void draw_sim_encounters(MarkerRenderer& markers, const MapCamera& camera, const SimPlayback& p, std::optional<ImVec2> mouse, float s) {
    constexpr double kAround_s = SimPlayback::kEncounterMargin_s;
    const EncounterResult* hovered = nullptr;
    bool hovered_loss = false;
    float nearest = kHoverRadius * s;
    std::vector<int> shown = p.encounters_near(p.t_s);  // a handful
    if (p.encounter >= 0 && std::find(shown.begin(), shown.end(), p.encounter) == shown.end()) shown.push_back(p.encounter);  // the picked one, wherever the clock is
    for (const int i : shown) {
        bool loss = false;
        const EncounterResult* e = p.encounter_at(i, &loss);
        const bool picked = i == p.encounter;
        if (!picked && (p.t_s < e->start_s - kAround_s || p.t_s > e->end_s + kAround_s)) continue;
        double x, y;
        camera.geo_to_screen(e->where, x, y, e->height.m);  // where the two were, at their height in 3D
        const ImVec2 at{float(x), float(y)};
        const ImU32 colour = loss ? map_style::kEncounterLoss : map_style::kEncounterConflict;
        const float r = (picked ? 11.0f : 8.0f) * s;
        // Rings as GL markers (a clear disc in a ring): around the busiest moment of a big day
        // over a hundred show at once, tens of thousands of triangles as Dear ImGui's circles.
        ring_marker(markers, at, r + 1.5f * s, 2.5f * s, IM_COL32(20, 24, 31, 200));
        ring_marker(markers, at, r, (picked ? 3.0f : 2.0f) * s, colour);
        if (mouse) {
            const float d = std::hypot(at.x - mouse->x, at.y - mouse->y);
            if (d < std::max(nearest, r)) {
                nearest = d;
                hovered = e;
                hovered_loss = loss;
            }
        }
    }
    if (!hovered) return;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(tr(hovered_loss ? N_("loss of separation") : N_("conflict")));
    ImGui::Text(tr("%s to %s, closest at %s: %.0f m apart, %.0f m in height"), format_clock(int(hovered->start_s)).c_str(),
                format_clock(int(hovered->end_s)).c_str(), format_clock(int(hovered->closest_s)).c_str(), hovered->horizontal_m, hovered->vertical_m);
    const SimResult& r = *p.result;
    ImGui::TextDisabled("%s, %s", r.drones[size_t(r.flights[size_t(hovered->flight_a)].drone)].id.c_str(),
                        r.drones[size_t(r.flights[size_t(hovered->flight_b)].drone)].id.c_str());
    ImGui::EndTooltip();
}

void draw_sim_restriction(ImDrawList* dl, const MapCamera& camera, const SimPlayback& p, float s) {
    if (!p.result) return;
    for (const TemporaryRestriction& r : p.result->restrictions) {  // the scenario's and the one drawn in the app
        std::vector<ImVec2> ring;
        for (const GeoPoint& g : r.shape.polygon) {
            double x, y;
            camera.geo_to_screen(g, x, y);
            ring.push_back({float(x), float(y)});
        }
        if (ring.size() < 3) continue;
        const bool closed = p.t_s >= r.start_s && p.t_s < r.end_s, announced = p.t_s >= r.announced_s() && p.t_s < r.end_s;
        // Closed: filled red; announced, not yet closed: its outline; before or after: a faint outline.
        if (closed) {  // an area drawn by hand may be concave: its triangles
            std::vector<PlanarPoint> planar;
            for (const ImVec2& q : ring) planar.push_back({q.x, q.y});
            const Triangulation t = triangulate_ring(planar);
            for (size_t k = 0; k + 2 < t.indices.size(); k += 3)
                dl->AddTriangleFilled(ring[t.indices[k]], ring[t.indices[k + 1]], ring[t.indices[k + 2]], IM_COL32(235, 60, 50, 70));
        }
        const ImU32 line = closed ? IM_COL32(235, 60, 50, 255) : announced ? IM_COL32(255, 150, 60, 255) : IM_COL32(235, 60, 50, 110);
        dl->AddPolyline(ring.data(), int(ring.size()), line, ImDrawFlags_Closed, (announced ? 3.0f : 1.5f) * s);
    }
}

void draw_hub_queues(const SimPlayback& p, const std::string& hub, float s) {
    const HubResult* h = p.hub_result(hub);
    if (!h) return;
    const size_t k = p.sample_at(p.t_s);
    const HubSample& now = h->series[k];
    ImGui::BeginTooltip();  // appended to the hub's own tooltip
    ImGui::Separator();
    ImGui::Text(tr("at %s: %d orders waiting, %d drones in the pad queue, %d charging"), format_clock(int(p.result->series[k].t_s)).c_str(), now.waiting,
                now.pad_queue, now.charging);
    // Its day: pad queue (amber) and drones charging (green) per sample, the playback time marked.
    int top = 1;
    for (const HubSample& q : h->series) top = std::max({top, q.pad_queue, q.charging});
    const ImVec2 size(220 * s, 36 * s);
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + size.x, a.y + size.y);
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, IM_COL32(20, 24, 31, 255), 3 * s);
    const size_t n = h->series.size();
    const auto x_at = [&](size_t i) { return a.x + float(i) / float(std::max<size_t>(1, n - 1)) * size.x; };
    const auto y_at = [&](int v) { return b.y - 2 * s - float(v) / float(top) * (size.y - 4 * s); };
    std::vector<ImVec2> pads, charging;
    for (size_t i = 0; i < n; ++i) {
        pads.push_back(ImVec2(x_at(i), y_at(h->series[i].pad_queue)));
        charging.push_back(ImVec2(x_at(i), y_at(h->series[i].charging)));
    }
    dl->AddPolyline(charging.data(), int(charging.size()), IM_COL32(90, 200, 120, 255), 0, 1.5f * s);
    dl->AddPolyline(pads.data(), int(pads.size()), IM_COL32(255, 196, 60, 255), 0, 1.5f * s);
    dl->AddLine(ImVec2(x_at(k), a.y), ImVec2(x_at(k), b.y), IM_COL32(255, 255, 255, 220), 1.5f * s);
    ImGui::TextColored(ImVec4(1, 0.77f, 0.24f, 1), "%s", tr("pad queue"));
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.35f, 0.78f, 0.47f, 1), "%s", tr("charging"));
    ImGui::SameLine();
    ImGui::TextDisabled(tr("over the day, up to %d"), top);
    ImGui::EndTooltip();
}

}  // namespace lowsky::web
