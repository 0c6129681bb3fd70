// The simulated drones at the playback time, over the map: laden on the way out, empty on the
// way back. Parked and charging drones stay at their hub's marker.
#include <imgui.h>

#include "panels.h"
#include "sim/simulator.h"

namespace lowsky::web {

namespace {
const ImU32 kOutbound = IM_COL32(236, 120, 20, 255);  // carrying its parcel
const ImU32 kReturning = IM_COL32(40, 120, 200, 255);
const ImU32 kHalo = IM_COL32(255, 255, 255, 230);
}  // namespace

std::vector<GeoPoint> draw_sim_drones(ImDrawList* dl, const MapCamera& camera, const ScenarioView& view, const SimPlayback& p, float s) {
    std::vector<GeoPoint> airborne;
    if (!p.result) return airborne;
    const SimResult& r = *p.result;
    for (size_t d = 0; d < r.drones.size(); ++d) {
        const DroneSnapshot snap = drone_at(r, *view.compiled, d, p.t_s);
        if (!snap.airborne) continue;
        airborne.push_back(snap.position);
        double x, y;
        camera.geo_to_screen(snap.position, x, y);
        const bool laden = snap.flight >= 0 && p.t_s < r.flights[size_t(snap.flight)].delivered_s;
        const ImVec2 at{float(x), float(y)};
        dl->AddCircleFilled(at, 5.5f * s, kHalo, 12);
        dl->AddCircleFilled(at, 4.0f * s, laden ? kOutbound : kReturning, 12);
    }
    return airborne;
}

}  // namespace lowsky::web
