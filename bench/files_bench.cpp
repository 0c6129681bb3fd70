#include "files_bench.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "core/file_io.h"
#include "generated_network.h"
#include "mission/importers.h"
#include "mission/mission_builder.h"
#include "mission/plan_format.h"
#include "mission/shape_formats.h"
#include "mission/waypoints_format.h"
#include "mission/wpml_format.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "scenario/scenario_io.h"
#include "timing.h"

namespace lowsky::bench {

void bench_files() {
    {
        // A 10,000-waypoint mission: a lawnmower over the estuary, ArduPilot flavour so that
        // both formats can carry it.
        Mission m;
        m.firmware = Firmware::ArduPilot;
        m.home = {22.5, 113.6};
        m.home_alt_m_amsl = 5;
        Random rng(7);
        for (int i = 0; i < 10000; ++i) {
            const double lat = std::round((22.3 + (i / 100) * 0.004 + rng.uniform(0, 1e-4)) * 1e7) / 1e7;
            const double lon = std::round((113.5 + (i % 100) * 0.004 + rng.uniform(0, 1e-4)) * 1e7) / 1e7;
            m.items.push_back({mav::kNavWaypoint, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, lat, lon, std::round(rng.uniform(60, 110) * 100) / 100, true});
        }
        std::string plan, waypoints;
        time_case("export 10000-waypoint .plan", [&] { plan = write_plan(m); });
        time_case("import 10000-waypoint .plan", [&] { (void)read_plan(plan, "bench.plan"); });
        time_case("export 10000-waypoint .waypoints", [&] { waypoints = write_waypoints(m).value(); });
        time_case("import 10000-waypoint .waypoints", [&] { (void)read_waypoints(waypoints, "bench.waypoints"); });
        const bool same = read_plan(plan, "p").ok() && write_plan(read_plan(plan, "p").value()) == plan;
        std::printf("      (.plan %zu KiB, .waypoints %zu KiB, round trip %s)\n", plan.size() / 1024, waypoints.size() / 1024, same ? "identical" : "DIFFERS");
    }
    {
        // A scenario document and its GeoJSON: 1,000 corridors and 500 zones.
        NetworkSpec spec;
        spec.columns = 25;
        spec.rows = 21;
        spec.diagonals = true;
        spec.target_corridors = 1000;
        spec.zones = 500;
        const Scenario s = generate_network(spec);
        std::string document, geojson;
        time_case("save scenario, 1000 corridors", [&] { document = save_scenario(s); });
        bool loaded = false;
        time_case("load scenario, 1000 corridors", [&] { loaded = parse_scenario(document, "bench.json").ok(); });
        const CompiledScenario compiled(s);
        time_case("export GeoJSON, 1000 corridors", [&] { geojson = write_scenario_geojson(compiled, nullptr); });
        size_t corridors = 0;
        time_case("import GeoJSON, 1000 corridors", [&] {
            auto in = import_geojson(geojson, "bench.geojson", {});
            corridors = in ? in.value().corridors.size() : 0;
        });
        std::printf("      (document %zu KiB, %s; GeoJSON %zu KiB, %zu corridors back)\n", document.size() / 1024, loaded ? "loads" : "DOES NOT LOAD",
                    geojson.size() / 1024, corridors);
    }
    {
        // A route of the default scenario as KML and as DJI WPML.
        auto bytes = read_file_bytes("assets/scenarios/gba.json");
        ScenarioLoad gba = bytes ? parse_scenario(std::string(bytes.value().begin(), bytes.value().end()), "gba.json") : ScenarioLoad{};
        if (!gba.ok()) {
            std::printf("      (assets/scenarios/gba.json not readable from here: run from the repository root)\n");
            return;
        }
        const CompiledScenario compiled(*gba.scenario);
        const RoutingNetwork network(compiled);
        const RouteRequest vtol{"baoan-ops", "songshan-lake", "vtol-fixed-wing", -1, RouteObjective::Fastest};
        const RouteRequest m350{"qianhai-hub", "baoan-ops", "m350-drop", -1, RouteObjective::Fastest};
        auto long_route = build_mission(compiled, network, vtol, {});
        auto dji_route = build_mission(compiled, network, m350, {});
        if (!long_route || !dji_route) {
            std::printf("      (the seed routes do not build)\n");
            return;
        }
        std::string kml;
        time_case("export KML, Bao'an to Songshan Lake", [&] { kml = write_kml(compiled, long_route.value(), vtol, KmlAltitude::Absolute); });
        time_case("import KML, Bao'an to Songshan Lake", [&] { (void)import_kml(kml, "bench.kml", {}); });
        const DroneType& type = *gba.scenario->find_drone_type("m350-drop");
        size_t kmz = 0;
        time_case("export WPML, Qianhai to Bao'an", [&] { kmz = write_wpml_kmz(dji_route->mission, type).value().kmz.size(); });
        std::printf("      (KML %zu KiB, .kmz %zu KiB)\n", kml.size() / 1024, kmz / 1024);
    }
}

}  // namespace lowsky::bench
