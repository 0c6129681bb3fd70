// Engine benchmarks, native and WebAssembly alike (scripts/bench runs both and compares):
//   validate: a generated network of 1,000 corridors and 500 zones (budget 50 ms native)
//   route:    one query across a 1,000-hub network (budget 1 ms native)
//   edit:     a vertex dragged (one command each step) plus the checks after it, on the GBA
//             scenario and on 300 corridors and 100 zones (budget 4 ms p95 in WebAssembly)
//   files:    every import and export (bench/files_bench.cpp)
//   large-files: a 50 MB scenario loaded, a 60,000-item .plan imported, 1,000 overlapping
//             corridors validated (only when named)
//   view3d:   the 3D view's solids built, and sorted back to front for a turning camera, on the
//             GBA scenario and on 300 corridors and 100 zones
//   draft:    a corridor drafted across the region, 50 more zones in the way (budget 50 ms native)
//   reach:    the default scenario's reachability bands from Bao'an
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "edit/editor.h"
#include "edit/live_checks.h"
#include "generated_network.h"
#include "scenario/scenario_io.h"
#include "routing/route.h"
#include "files_bench.h"
#include "assist_bench.h"
#include "timing.h"
#include "geo/map_camera.h"
#include "validation/validate.h"
#include "view/airspace_volumes.h"

using namespace lowsky;

namespace {

// 300 corridors and 100 zones: the editing benchmark's large case.
bench::NetworkSpec editing_network_spec() {
    bench::NetworkSpec spec;
    spec.columns = 15;
    spec.rows = 12;
    spec.diagonals = true;
    spec.target_corridors = 300;
    spec.zones = 100;
    return spec;
}

}  // namespace

// usage: lowsky_bench [validate] [route] [edit] [files] [view3d] [draft] [reach] [large-files]
int main(int argc, char** argv) {
    // scripts and the browser figures need the generated 300-corridor scenario as a file.
    if (argc == 3 && std::string(argv[1]) == "--write-editing-network") {
        const std::string text = save_scenario(bench::generate_network(editing_network_spec()));
        return write_file_bytes(argv[2], std::vector<uint8_t>(text.begin(), text.end())) ? 0 : 1;
    }
    // Sections named on the command line run alone (scripts/bench runs them one by one,
    // native and WebAssembly in turn); none named: all of them.
    auto wants = [&](const char* section) {
        if (argc < 2) return true;
        for (int i = 1; i < argc; ++i) if (std::string(argv[i]) == section) return true;
        return false;
    };
#if defined(LOWSKY_BENCH_BROWSER)
    std::printf("platform: WebAssembly (browser)\n");
#elif defined(__EMSCRIPTEN__)
    std::printf("platform: WebAssembly (node)\n");
#else
    std::printf("platform: native\n");
#endif
    if (wants("validate")) {
        bench::NetworkSpec spec;
        spec.columns = 25;
        spec.rows = 21;
        spec.diagonals = true;
        spec.target_corridors = 1000;
        spec.zones = 500;
        const Scenario s = bench::generate_network(spec);
        int errors = 0;
        size_t findings = 0;
        bench::time_case("validate 1000 corridors + 500 zones", [&] {
            const CompiledScenario compiled(s);
            const ValidationReport report = validate(compiled);
            errors = report.errors;
            findings = report.findings.size();
        });
        std::printf("      (%zu corridors, %zu zones, %zu hubs: %zu findings, %d errors)\n", s.corridors.size(), s.zones.size(), s.hubs.size(),
                    findings, errors);
    }
    if (wants("edit")) {
        // What the app does for each step of a drag: the command, then the live checks (the
        // dragged corridor compiled and checked again) for the findings of the next frame.
        auto drag = [](const std::string& name, Scenario s) {
            Editor editor(std::move(s));
            LiveChecks live(editor);
            const Corridor& c = editor.scenario().corridors.front();
            const GeoPoint start = c.centreline[c.centreline.size() / 2];
            const std::string id = c.id;
            const int vertex = int(c.centreline.size() / 2);
            size_t findings = 0;
            bench::time_each(name, 400, [&](int i) {
                EditCommand move;
                move.op = EditOp::MoveVertex;
                move.targets = {{ObjectKind::Corridor, id}};
                move.vertex = vertex;
                move.point = {start.lat_deg + 0.0001 * (i % 50), start.lon_deg + 0.0001 * (i % 37)};
                (void)editor.apply(move, true);
                live.update(editor);
                findings = live.report().findings.size();
            });
            std::printf("      (%zu corridors, %zu zones: %zu findings after the last step)\n", editor.scenario().corridors.size(),
                        editor.scenario().zones.size(), findings);
        };
        auto bytes = read_file_bytes("assets/scenarios/gba.json");
        ScenarioLoad gba = bytes ? parse_scenario(std::string(bytes.value().begin(), bytes.value().end()), "gba.json") : ScenarioLoad{};
        if (gba.ok()) drag("edit + checks, GBA scenario", *gba.scenario);
        else std::printf("      (assets/scenarios/gba.json not readable from here: run from the repository root)\n");
        drag("edit + checks, 300 corridors + 100 zones", bench::generate_network(editing_network_spec()));
    }
    if (wants("route")) {
        bench::NetworkSpec spec;
        spec.columns = 40;
        spec.rows = 25;
        const Scenario s = bench::generate_network(spec);
        const CompiledScenario compiled(s);
        const RoutingNetwork network(compiled);
        const RouteRequest far{"h0", "h" + std::to_string(spec.columns * spec.rows - 1), "vtol", -1, RouteObjective::Fastest};
        size_t legs = 0;
        bool ok = false;
        bench::time_case("route across 1000 hubs (fastest)", [&] {
            auto r = network.route(far);
            ok = r.ok();
            legs = ok ? r.value().legs.size() : 0;
        });
        RouteRequest multirotor = far;
        multirotor.drone_type = "octo";
        size_t multirotor_legs = 0;
        bench::time_case("route across 1000 hubs (multirotor)", [&] {
            auto r = network.route(multirotor);
            multirotor_legs = r.ok() ? r.value().legs.size() : 0;
        });
        RouteRequest frugal = far;
        frugal.objective = RouteObjective::LeastEnergy;
        bench::time_case("route across 1000 hubs (least energy)", [&] { ok = network.route(frugal).ok() && ok; });
        std::printf("      (%zu hubs, %zu corridors, %zu arcs: %s, %zu legs; multirotor %zu legs)\n", s.hubs.size(), s.corridors.size(),
                    network.arcs().size(), ok ? "found" : "NOT FOUND", legs, multirotor_legs);
    }
    if (wants("files")) bench::bench_files();
    // Not in the default set, for its length: scripts/bench large-files.
    if (argc >= 2 && wants("large-files")) bench::bench_large_files();
    if (wants("view3d")) {
        auto solids = [](const std::string& name, const Scenario& s) {
            const CompiledScenario compiled(s);
            AirspaceVolumes volumes;
            bench::time_case("3D solids built, " + name, [&] { volumes = build_airspace_volumes(compiled, {}); });
            MapCamera camera({22.47, 113.70}, 9.2);
            camera.set_viewport(1280, 720, 1);
            camera.set_heights_shown(1);
            std::vector<uint32_t> order;
            int turn = 0;
            bench::time_case("3D faces sorted, " + name, [&] {
                camera.set_orientation(55, turn++ % 360);  // a degree a frame, as the view turns
                order_back_to_front(volumes, camera, order);
            });
            std::printf("      (%zu faces)\n", volumes.triangle_owner.size());
        };
        auto bytes = read_file_bytes("assets/scenarios/gba.json");
        ScenarioLoad gba = bytes ? parse_scenario(std::string(bytes.value().begin(), bytes.value().end()), "gba.json") : ScenarioLoad{};
        if (gba.ok()) solids("GBA scenario", *gba.scenario);
        solids("300 corridors + 100 zones", bench::generate_network(editing_network_spec()));
    }
    if (wants("draft")) bench::run_draft_bench();
    if (wants("reach")) bench::run_reach_bench();
    return 0;
}
