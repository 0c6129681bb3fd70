// Corridor drafts: across the region (Bao'an to Xinhui, 85 km) on the default scenario, and the
// same with 50 more no-fly zones scattered over the way (budget 50 ms native); the default
// scenario's network drafted whole (budget 1 s native). Reachability:
// the default scenario's bands from Bao'an on a 1 km grid, through the network and in free flight.
#include "assist_bench.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "assist/corridor_draft.h"
#include "assist/network_draft.h"
#include "assist/reach.h"
#include "core/file_io.h"
#include "geo/geodesy.h"
#include "scenario/scenario_io.h"
#include "timing.h"

namespace lowsky::bench {

namespace {

// The default scenario with `count` no-fly zones (circles and boxes, 0.8 to 2.5 km) scattered
// between Bao'an and Xinhui, none within 4 km of a hub. The same zones every run.
Scenario with_scattered_zones(Scenario s, int count) {
    uint32_t state = 12345;
    auto next = [&] { state = state * 1664525u + 1013904223u; return (state >> 8) / double(1 << 24); };
    int added = 0;
    while (added < count) {
        const GeoPoint c{22.30 + 0.50 * next(), 113.05 + 0.80 * next()};
        const double r = 800 + 1700 * next();
        bool near_hub = false;
        for (const Hub& h : s.hubs) near_hub |= geodesy::distance_m(h.position, c) < r + 4000;
        if (near_hub) continue;
        Zone z;
        z.id = "scattered-" + std::to_string(added);
        z.name = z.id;
        z.kind = ZoneKind::NoFly;
        z.band = {{0, AltitudeReference::AboveGround}, {500, AltitudeReference::AboveGround}};
        if (added % 2 == 0) {
            z.shape.kind = ZoneShape::Kind::Circle;
            z.shape.center = c;
            z.shape.radius_m = r;
        } else {
            const double dlat = r / 111000, dlon = r / 103000;
            z.shape.polygon = {{c.lat_deg - dlat, c.lon_deg - dlon}, {c.lat_deg - dlat, c.lon_deg + dlon}, {c.lat_deg + dlat, c.lon_deg + dlon},
                               {c.lat_deg + dlat, c.lon_deg - dlon}};
        }
        s.zones.push_back(z);
        ++added;
    }
    return s;
}

// The default scenario, read from the repository (the benchmarks run from its root).
ScenarioLoad load_gba(const char* section) {
    auto bytes = read_file_bytes("assets/scenarios/gba.json");
    ScenarioLoad gba = bytes ? parse_scenario(std::string(bytes.value().begin(), bytes.value().end()), "gba.json") : ScenarioLoad{};
    if (!gba.ok()) std::printf("%s: assets/scenarios/gba.json did not load\n", section);
    return gba;
}

}  // namespace

void run_draft_bench() {
    const ScenarioLoad gba = load_gba("draft");
    if (!gba.ok()) return;
    assist::DraftRequest request;
    request.from = "baoan-ops", request.to = "xinhui", request.drone_type = "vtol-fixed-wing";
    request.allow_approvals = true;
    for (const int extra : {0, 50}) {
        const Scenario s = with_scattered_zones(*gba.scenario, extra);
        const CompiledScenario compiled(s);
        Result<assist::CorridorDraft> draft = make_error("not run");
        const std::string name = extra == 0 ? "draft Bao'an to Xinhui, GBA" : "draft Bao'an to Xinhui, +50 zones";
        time_case(name, [&] { draft = assist::draft_corridor(compiled, request); }, 15, 1.0);
        if (draft) std::printf("      (%zu zones, %zu corners, %zu expanded, %.1f km, straight %.1f km, %zu points)\n", compiled.local_zones().size(),
                               draft->corners, draft->expanded, draft->length_m / 1000, draft->straight_m / 1000, draft->corridor.centreline.size());
        else std::printf("      (refused: %s)\n", draft.error().message.c_str());
    }
    // The default scenario's whole network drafted (budget 1 s native).
    Result<assist::NetworkDraft> net = make_error("not run");
    time_case("draft the GBA network", [&] { net = assist::draft_network(*gba.scenario, {}); }, 5, 1.0);
    if (net) std::printf("      (%zu corridors, %zu junctions, %.1f km)\n", net->corridors.size(), net->junctions.size(), net->total_length_m / 1000);
}

void run_reach_bench() {
    const ScenarioLoad gba = load_gba("reach");
    if (!gba.ok()) return;
    const CompiledScenario compiled(*gba.scenario);
    assist::ReachRequest request;
    request.from = "baoan-ops";
    request.drone_type = "vtol-fixed-wing";
    request.allow_approvals = true;
    Result<assist::ReachResult> r = make_error("not run");
    time_case("reach from Bao'an, GBA, 1 km grid", [&] { r = assist::reach(compiled, request); }, 5, 1.0);
    if (r) std::printf("      (%d x %d cells, %zu hubs reached)\n", r->grid.cols, r->grid.rows, r->hubs.size());
}

}  // namespace lowsky::bench
