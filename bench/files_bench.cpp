#include "files_bench.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "core/file_io.h"
#include "generated_network.h"
#include "mission/importers.h"
#include "mission/mission_builder.h"
#include "mission/param_file.h"
#include "mission/plan_format.h"
#include "mission/shape_formats.h"
#include "mission/waypoints_format.h"
#include "mission/wpml_format.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "scenario/scenario_io.h"
#include "timing.h"
#include "validation/validate.h"

namespace lowsky::bench {

namespace {

// A lawnmower over the estuary, `columns` waypoints a line `step_deg` apart, ArduPilot flavour
// so that both mission formats can carry it.
Mission lawnmower(int waypoints, int columns, double step_deg) {
    Mission m;
    m.firmware = Firmware::ArduPilot;
    m.home = {22.5, 113.6};
    m.home_alt_m_amsl = 5;
    Random rng(7);
    for (int i = 0; i < waypoints; ++i) {
        const double lat = std::round((22.3 + (i / columns) * step_deg + rng.uniform(0, 1e-4)) * 1e7) / 1e7;
        const double lon = std::round((113.5 + (i % columns) * step_deg + rng.uniform(0, 1e-4)) * 1e7) / 1e7;
        m.items.push_back({mav::kNavWaypoint, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, lat, lon, std::round(rng.uniform(60, 110) * 100) / 100, true});
    }
    return m;
}

}  // namespace

void bench_files() {
    {
        const Mission m = lawnmower(10000, 100, 0.004);
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
        // The parameter files of both firmwares for the multirotor and the VTOL.
        const DroneType& vtol_type = *gba.scenario->find_drone_type("vtol-fixed-wing");
        AutopilotSettings ardupilot = dji_route->outbound.autopilot, px4 = ardupilot;
        ardupilot.firmware = Firmware::ArduPilot;
        px4.firmware = Firmware::Px4;
        size_t params = 0;
        time_case("export params, 4 files", [&] {
            params = 0;
            for (const AutopilotSettings* settings : {&ardupilot, &px4})
                for (const DroneType* t : {&type, &vtol_type}) params += write_param_file(*settings, *t).size();
        });
        std::printf("      (KML %zu KiB, .kmz %zu KiB, parameters %zu bytes in all)\n", kml.size() / 1024, kmz / 1024, params);
    }
}

void bench_large_files() {
    {
        // The generated network with 600 no-fly zones of 820 vertices each (rings 800 m
        // across, scattered over it): a document of over 50 MB, nearly all of it coordinates.
        NetworkSpec spec;
        spec.columns = 25;
        spec.rows = 21;
        spec.diagonals = true;
        spec.target_corridors = 1000;
        Scenario s = generate_network(spec);
        Random rng(11);
        for (int z = 0; z < 600; ++z) {
            Zone zone;
            zone.id = "ring-" + std::to_string(z);
            zone.name = zone.id;
            zone.band = {{0, AltitudeReference::AboveGround}, {150, AltitudeReference::AboveGround}};
            const GeoPoint centre{rng.uniform(22.2, 22.8), rng.uniform(113.2, 114.2)};
            for (int v = 0; v < 820; ++v) {
                const double a = 2 * M_PI * v / 820, r_deg = 0.0036 * (1 + 0.1 * std::sin(7 * a));
                zone.shape.polygon.push_back({centre.lat_deg + r_deg * std::sin(a), centre.lon_deg + r_deg * std::cos(a) / std::cos(centre.lat_deg * M_PI / 180)});
            }
            s.zones.push_back(std::move(zone));
        }
        const std::string document = save_scenario(s);
        size_t zones = 0;
        time_case("load scenario, 50 MB", [&] {
            ScenarioLoad load = parse_scenario(document, "large.json");
            zones = load.ok() ? load.scenario->zones.size() : 0;
        }, 5);
        std::printf("      (document %.1f MB, %zu zones back)\n", double(document.size()) / 1e6, zones);
    }
    {
        // A 60,000-item mission: 200 lines of 300 waypoints, 100 m apart.
        const Mission m = lawnmower(60000, 300, 0.001);
        const std::string plan = write_plan(m);
        size_t items = 0;
        time_case("import 60000-item .plan", [&] {
            auto in = read_plan(plan, "large.plan");
            items = in ? in.value().items.size() : 0;
        }, 5);
        std::printf("      (.plan %.1f MB, %zu items back)\n", double(plan.size()) / 1e6, items);
    }
    {
        // 1,000 copies of one corridor, each 1 m north of the last: every pair conflicts.
        Scenario s = generate_network({});
        Corridor base = s.corridors.front();
        s.corridors.clear();
        for (int i = 0; i < 1000; ++i) {
            Corridor c = base;
            c.id = "overlap-" + std::to_string(i);
            c.name = c.id;
            for (GeoPoint& p : c.centreline) p.lat_deg += i * 9e-6;
            s.corridors.push_back(std::move(c));
        }
        size_t findings = 0;
        time_case("validate 1000 overlapping corridors", [&] {
            const CompiledScenario compiled(s);
            findings = validate(compiled).findings.size();
        }, 5);
        std::printf("      (%zu corridors: %zu findings)\n", s.corridors.size(), findings);
    }
}

}  // namespace lowsky::bench
