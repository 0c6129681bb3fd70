// Simulation benchmarks, native and WebAssembly alike (scripts/bench runs both):
//   day:      a 24-hour GBA day scaled to about 20,000 deliveries and 300 drones (budget 1 s native),
//             with the defaults, then with a lane headway of 8 s, then that without the conflict scan
//   write-day FILE: the busy day as a scenario file, for `lowsky simulate`
//   write-region-day FILE [ORDERS DRONES]: the generated region-wide day (generated_network.h),
//             100,000 orders and 1,500 drones unless given, as a scenario file
//   report busy|region OUT: the busy day's or the region-wide day's report, as `lowsky simulate
//             --report` writes it for the files above
//   region-day: the generated region-wide day, 100,000 orders and 1,500 drones over 40 hubs, with
//             the defaults, then without the conflict scan (issue 17: 1 s native, 500 MB)
//   region-scaling: that day at 10k, 25k, 50k and 100k orders (fleet in proportion), the
//             exponent of its cost in orders, and the conflict scan's cost per order and per
//             conflict found
//   slices:   the busy day a slice at a time, as the browser runs it (12 ms slices): its longest
//             slice, where the events end and the figures and conflict scan begin (budget 50 ms)
//   tactical: 5,000 airborne drones, R 50 m, H 15 m, look-ahead 60 s, detection every second
//             for 600 simulated seconds (at least 300x real time native, 150x WebAssembly)
//   tactical-dense: 20,000 and 5,000 drones in a 0.2 x 0.2 degree box over Bao'an at 60, 90 and
//             120 m (issue 17's targets: 100x and 500x real time native, 80x WebAssembly)
// and the peak memory of each (budget 200 MB). Run from the repository's root.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <malloc.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

#include "core/file_io.h"
#include "generated_network.h"
#include "scenario/scenario_io.h"
#include "sim/report.h"
#include "sim/results.h"
#include "sim/simulator.h"
#include "sim/tactical.h"
#include "timing.h"

using namespace lowsky;

namespace {

double peak_memory_mb() {
#ifdef __EMSCRIPTEN__
    return double(emscripten_get_heap_size()) / (1024 * 1024);  // the heap only grows: its size is the peak
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024;  // kilobytes on Linux
#endif
}

// The heap in use now (allocated and not freed), on both platforms alike: in WebAssembly the
// heap's size is only what it has reserved.
double heap_in_use_mb() {
#ifdef __EMSCRIPTEN__
    const struct mallinfo m = mallinfo();
    return double(m.uordblks) / (1024 * 1024);
#else
    const struct mallinfo2 m = mallinfo2();
    return double(m.uordblks + m.hblkhd) / (1024 * 1024);
#endif
}

// Writes `text` to `path` (atomically, as every file the project writes): 0, or 1 with why.
int write_text(const char* path, const std::string& text) {
    if (auto saved = write_file_bytes(path, std::vector<uint8_t>(text.begin(), text.end())); !saved) {
        std::fprintf(stderr, "%s\n", saved.error().to_string().c_str());
        return 1;
    }
    return 0;
}

// The default scenario grown into a busy day: its own demand three times over, plus the
// short-haul shuttles that make up most of a day's parcels (Bao'an to Qianhai, Tangjiawan to
// Xiangzhou and back), and a fleet of about 300 drones with the pads and swap stations to fly them.
Scenario busy_gba_day() {
    auto bytes = read_file_bytes("assets/scenarios/gba.json");
    if (!bytes) { std::fprintf(stderr, "run from the repository root: %s\n", bytes.error().to_string().c_str()); std::exit(2); }
    ScenarioLoad load = parse_scenario(std::string(bytes.value().begin(), bytes.value().end()), "gba.json");
    Scenario s = *load.scenario;
    for (auto& r : s.demand_rates) r.per_day *= 3;
    s.demand_rates.push_back({"baoan-ops", "qianhai-hub", 9400, 0.2, 2.5, 1800, {}});
    s.demand_rates.push_back({"zhuhai", "xiangzhou-port", 5100, 0.2, 2.5, 1800, {}});
    s.demand_rates.push_back({"xiangzhou-port", "zhuhai", 5100, 0.2, 2.5, 1800, {}});
    auto fleet = [&](const char* hub, const char* type, int count) {
        for (auto& f : s.fleet) if (f.hub == hub && f.drone_type == type) { f.count = count; return; }
        s.fleet.push_back({hub, type, count});
    };
    fleet("baoan-ops", "quad-light", 100);
    fleet("zhuhai", "quad-light", 80);
    fleet("xiangzhou-port", "quad-light", 80);
    for (auto& h : s.hubs) {
        if (h.id == "baoan-ops") { h.pad_count = 30; h.energy_points = 40; }
        if (h.id == "zhuhai" || h.id == "xiangzhou-port") { h.pad_count = 20; h.energy_points = 30; }
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string only = argc > 1 ? argv[1] : "";
    if (only == "write-day" && argc > 2) {
        // The busy day as a scenario file, so the command-line tool can simulate and report it.
        const std::string text = save_scenario(busy_gba_day());
        return write_text(argv[2], text);
    }
    if (only == "write-region-day" && (argc == 3 || argc == 5)) {
        bench::DaySpec spec;
        if (argc == 5) {
            spec.orders = std::atoi(argv[3]);
            spec.drones = std::atoi(argv[4]);
        }
        if (spec.orders <= 0 || spec.drones <= 0) { std::fprintf(stderr, "ORDERS and DRONES are positive whole numbers\n"); return 2; }
        const std::string text = save_scenario(bench::generate_day(spec));
        return write_text(argv[2], text);
    }
    if (only == "report" && argc == 4 && (std::string(argv[2]) == "busy" || std::string(argv[2]) == "region")) {
        // The busy day's or the region-wide day's report, as `lowsky simulate FILE --report OUT`
        // writes it for the file write-day or write-region-day writes: natively and in
        // WebAssembly alike, for the test that both give the bytes they gave before
        // (tests/e2e/day_reports.test.mjs).
        const Scenario day = std::string(argv[2]) == "busy" ? busy_gba_day() : bench::generate_day({});
        const ScenarioLoad load = parse_scenario(save_scenario(day), "day.json");
        if (!load.ok()) { std::fprintf(stderr, "the day does not load\n"); return 1; }
        const CompiledScenario compiled(*load.scenario);
        const std::string text = sim_report_text(simulate(compiled, SimConfig{}), SimConfig{});
        return write_text(argv[3], text);
    }
#if defined(LOWSKY_BENCH_BROWSER)
    std::printf("platform: WebAssembly (browser)\n");
#elif defined(__EMSCRIPTEN__)
    std::printf("platform: WebAssembly (node)\n");
#else
    std::printf("platform: native\n");
#endif
    if (only.empty() || only == "day") {
        const Scenario s = busy_gba_day();
        int drones = 0;
        for (const auto& f : s.fleet) drones += f.count;
        const CompiledScenario compiled(s);
        // Each run says what it sets; the rest is the scenario's and the simulator's defaults.
        auto report = [&](const SimResult& r) {
            std::printf("      (%d drones, %d orders, %d delivered, %d pending, on time %.1f %%, p95 %.0f min, %d conflicts, %d losses of separation)\n",
                        drones, r.kpis.orders, r.kpis.delivered, r.kpis.pending, r.kpis.on_time_share * 100, r.kpis.p95_delivery_s / 60, r.kpis.conflicts,
                        r.kpis.losses_of_separation);
        };
        SimResult last;
        const SimConfig defaults;
        bench::time_case("busy GBA day, defaults", [&] { last = simulate(compiled, defaults); }, 5, 3.0);
        report(last);
        SimConfig close = defaults;
        close.lane_headway_s = 8;  // 120 m at 15 m/s: shuttles following each other closely
        bench::time_case("busy GBA day, lane headway 8 s", [&] { last = simulate(compiled, close); }, 5, 3.0);
        report(last);
        SimConfig no_tactical = close;
        no_tactical.tactical = false;
        bench::time_case("busy GBA day, headway 8 s, no conflict scan", [&] { last = simulate(compiled, no_tactical); }, 5, 2.0);
        report(last);
        std::printf("MEMORY day peak %.1f MB\n", peak_memory_mb());
    }
    if (only.empty() || only == "region-day") {
        // Issue 17's generated region-wide day (generated_network.h): 100,000 orders, 1,500 drones
        // over 40 hubs, with the scenario's and the simulator's defaults (strategic deconfliction
        // and the conflict scan on); then the same without the conflict scan, as a run of its own.
        const Scenario s = bench::generate_day({});
        const CompiledScenario compiled(s);
        SimResult last;
        const SimConfig defaults;
        auto report = [&](const SimResult& r) {
            std::printf("      (%d orders, %d delivered, %d pending, on time %.1f %%, %d conflicts, %d losses of separation)\n", r.kpis.orders,
                        r.kpis.delivered, r.kpis.pending, r.kpis.on_time_share * 100, r.kpis.conflicts, r.kpis.losses_of_separation);
        };
        bench::time_case("region day 100k orders, defaults", [&] { last = simulate(compiled, defaults); }, 3, 2.0);
        report(last);
        SimConfig no_tactical = defaults;
        no_tactical.tactical = false;
        bench::time_case("region day 100k orders, no conflict scan", [&] { last = simulate(compiled, no_tactical); }, 3, 2.0);
        report(last);
        // The heap in use at its highest, sampled as the day goes (with the scenario compiled and
        // the last result held, as a page holds them).
        last = {};
        const double before = heap_in_use_mb();
        double highest = before;
        last = simulate(compiled, defaults, [&](double) { highest = std::max(highest, heap_in_use_mb()); });
        highest = std::max(highest, heap_in_use_mb());
        std::printf("MEMORY region-day heap in use: %.1f MB before the day, %.1f MB at most during it, %.1f MB with its result\n", before, highest,
                    heap_in_use_mb());
        std::printf("MEMORY region-day peak %.1f MB\n", peak_memory_mb());
    }
    if (only == "region-scaling") {
        // The day's cost against its orders: the generated day at 10k, 25k, 50k and 100k orders,
        // its fleet in proportion (1,500 drones at 100k), with the defaults and without the
        // conflict scan; the exponent k of the fit time ~ orders^k over the four (least squares on
        // the logarithms), and that of the conflicts found (in the same lanes, ten times the
        // traffic meets itself about a hundred times as often).
        std::vector<double> n, k, with_ms, without_ms, scan_ms;  // orders, conflicts found, and the times
        for (const int orders : {10000, 25000, 50000, 100000}) {
            bench::DaySpec spec;
            spec.orders = orders;
            spec.drones = std::max(40, 1500 * orders / 100000);
            const Scenario s = bench::generate_day(spec);
            const CompiledScenario compiled(s);
            char name[80];
            std::snprintf(name, sizeof name, "region day %dk orders, defaults", orders / 1000);
            SimResult last;
            const bench::Timing t = bench::time_case(name, [&] { last = simulate(compiled, SimConfig{}); }, 3, 1.0);
            std::printf("      (%d drones, %d delivered, %d conflicts)\n", spec.drones, last.kpis.delivered, last.kpis.conflicts);
            SimConfig no_scan;
            no_scan.tactical = false;
            std::snprintf(name, sizeof name, "region day %dk orders, no conflict scan", orders / 1000);
            SimResult day;
            const bench::Timing u = bench::time_case(name, [&] { day = simulate(compiled, no_scan); }, 3, 1.0);
            // The scan on its own, over that day's flights: the day's figures less the scan are
            // too noisy a difference at 10k.
            std::snprintf(name, sizeof name, "region day %dk orders, the conflict scan alone", orders / 1000);
            ConflictScanResult found;
            const bench::Timing v = bench::time_case(name, [&] {
                auto scan = start_conflict_scan(day, compiled, SimConfig{});
                scan->advance({});
                found = scan->take();
            }, 3, 1.0);
            std::printf("      (%zu conflicts, %ld pairs of pieces tested: %.0f a conflict)\n", found.conflicts.size(), found.piece_pairs_tested,
                        double(found.piece_pairs_tested) / double(std::max<size_t>(1, found.conflicts.size())));
            n.push_back(orders);
            k.push_back(last.kpis.conflicts);
            with_ms.push_back(t.median_ms);
            without_ms.push_back(u.median_ms);
            scan_ms.push_back(v.median_ms);
        }
        const auto slope = [&](const std::vector<double>& v) {
            std::vector<double> x, y;
            for (size_t i = 0; i < n.size(); ++i) x.push_back(std::log(n[i])), y.push_back(std::log(std::max(1.0, v[i])));
            double mx = 0, my = 0;
            for (size_t i = 0; i < x.size(); ++i) mx += x[i] / double(x.size()), my += y[i] / double(y.size());
            double sxy = 0, sxx = 0;
            for (size_t i = 0; i < x.size(); ++i) sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx);
            return sxy / sxx;
        };
        std::printf("      (from 10k to 100k orders the time grows as orders^%.2f with the conflict scan, orders^%.2f without it, and the conflicts "
                    "found as orders^%.2f; n log n is about orders^1.10 over that range)\n",
                    slope(with_ms), slope(without_ms), slope(k));
        // The scan's time as a cost per order plus a cost per conflict found, least squares
        // through the origin: if it fits, the scan grows as its output does, and no exact scan
        // lists k encounters in less than k steps.
        double nn = 0, nk = 0, kk = 0, ns = 0, ks = 0;
        for (size_t i = 0; i < n.size(); ++i) nn += n[i] * n[i], nk += n[i] * k[i], kk += k[i] * k[i], ns += n[i] * scan_ms[i], ks += k[i] * scan_ms[i];
        const double det = nn * kk - nk * nk;
        const double per_order = (ns * kk - ks * nk) / det, per_conflict = (nn * ks - nk * ns) / det;
        double worst = 0;
        for (size_t i = 0; i < n.size(); ++i) worst = std::max(worst, std::abs(per_order * n[i] + per_conflict * k[i] - scan_ms[i]) / scan_ms[i]);
        // For comparison, a cost per order alone.
        const double alone = ns / nn;
        double worst_alone = 0;
        for (size_t i = 0; i < n.size(); ++i) worst_alone = std::max(worst_alone, std::abs(alone * n[i] - scan_ms[i]) / scan_ms[i]);
        std::printf("      (the conflict scan's time fits %.2f us an order + %.2f us a conflict found to within %.0f%% "
                    "at every size, a cost per order alone to within %.0f%%; at 100k the conflicts' part is %.0f of its %.0f ms)\n",
                    per_order * 1000, per_conflict * 1000, worst * 100, worst_alone * 100, per_conflict * k.back(), scan_ms.back());
    }
    if (only.empty() || only == "slices") {
        // A day a slice at a time, as the page runs it: the longest of its 12 ms slices (the
        // median of three runs) and how many there were.
        using clock = std::chrono::steady_clock;
        const auto ms_since = [](clock::time_point t0) { return std::chrono::duration<double, std::milli>(clock::now() - t0).count(); };
        const auto sliced = [&](const char* name, const CompiledScenario& compiled, const SimConfig& cfg) {
            std::vector<double> longest;
            int slices = 0;
            for (int round = 0; round < 3; ++round) {
                // Setting the run up is a slice of its own in the page (App::run_simulation).
                const auto set_up = clock::now();
                SimulationRun run(compiled, cfg);
                double worst = ms_since(set_up);
                slices = 1;
                for (bool done = false; !done; ++slices) {
                    const auto t0 = clock::now();
                    done = run.advance([&] { return ms_since(t0) > 12.0; });
                    worst = std::max(worst, ms_since(t0));
                }
                longest.push_back(worst);
            }
            // The page runs a day once, perhaps before the runtime has optimised the code (V8 runs
            // WebAssembly unoptimised until its background compiler is done) or grown its memory:
            // the first run's longest slice is reported on its own too.
            const double first = longest[0];
            std::sort(longest.begin(), longest.end());
            std::printf("BENCH %-40s median %10.4f ms  min %10.4f ms  runs %d\n", name, longest[1], longest[0], 3);
            std::printf("BENCH %-40s median %10.4f ms  min %10.4f ms  runs %d\n", (std::string(name) + ", first run").c_str(), first, first, 1);
            std::printf("      (%d slices)\n", slices);
        };
        {
            const Scenario s = busy_gba_day();
            const CompiledScenario compiled(s);
            SimConfig cfg;
            cfg.lane_headway_s = 8;  // as the "lane headway 8 s" day above: the busiest slices
            sliced("longest 12 ms slice, busy day, headway 8 s", compiled, cfg);
        }
        {
            const Scenario s = bench::generate_day({});
            const CompiledScenario compiled(s);
            sliced("longest 12 ms slice, region day 100k", compiled, SimConfig{});
        }
    }
    if (only.empty() || only == "tactical-dense") {
        // The dense box: a 0.2 x 0.2 degree box over Bao'an (about 20.5 by 22.1 km at
        // 22.6 N), drones at 60, 90 or 120 m, 10 to 20 m/s on random headings, bouncing off its
        // edges; R 50 m, H 15 m, look-ahead 60 s, detection every second. 20,000 and 5,000 drones
        // in the same box.
        const double east_m = 0.2 * 111320 * std::cos(22.6 * 3.14159265358979 / 180), north_m = 0.2 * 110700;
        for (const int n : {20000, 5000}) {
            bench::Random rng(17);
            std::vector<AirborneState> drones(static_cast<size_t>(n));
            const double levels[3] = {60, 90, 120};
            for (auto& d : drones) {
                const double heading = rng.uniform(0, 2 * 3.14159265358979), speed = rng.uniform(10, 20);
                d = {rng.uniform(0, east_m), rng.uniform(0, north_m), levels[std::min(2, int(rng.uniform(0, 3)))], speed * std::sin(heading),
                     speed * std::cos(heading), 0};
            }
            const int seconds = n >= 20000 ? 60 : 300;
            TacticalDetector detector({50, 15, 60});
            std::vector<std::pair<uint32_t, uint32_t>> conflicts, losses;
            long conflict_samples = 0;
            char name[80];
            std::snprintf(name, sizeof name, "tactical dense: %d drones, %d s at 1 Hz", n, seconds);
            const bench::Timing t = bench::time_case(name, [&] {
                std::vector<AirborneState> state = drones;
                conflict_samples = 0;
                for (int second = 0; second < seconds; ++second) {
                    for (auto& d : state) {
                        d.x_m += d.vx_m_s;
                        d.y_m += d.vy_m_s;
                        if (d.x_m < 0 || d.x_m > east_m) d.vx_m_s = -d.vx_m_s;
                        if (d.y_m < 0 || d.y_m > north_m) d.vy_m_s = -d.vy_m_s;
                    }
                    detector.detect(state, conflicts, losses);
                    conflict_samples += long(conflicts.size());
                }
            }, 3, 2.0);
            std::printf("      (%.0fx real time; %ld conflict pair-seconds; %.0f pairs tested a second)\n", seconds / (t.median_ms / 1000), conflict_samples,
                        double(detector.pairs_tested()) / (double(seconds) * (t.runs + 1)));  // and the warm-up
        }
        std::printf("MEMORY tactical-dense peak %.1f MB\n", peak_memory_mb());
    }
    if (only.empty() || only == "tactical") {
        // 5,000 drones over a 60 km square of the estuary, straight and level, bouncing off its edges.
        bench::Random rng(11);
        std::vector<AirborneState> drones(5000);
        for (auto& d : drones) {
            const double heading = rng.uniform(0, 2 * 3.14159265358979), speed = rng.uniform(10, 25);
            d = {rng.uniform(0, 60000), rng.uniform(0, 60000), rng.uniform(60, 120), speed * std::sin(heading), speed * std::cos(heading), 0};
        }
        TacticalDetector detector({50, 15, 60});
        std::vector<std::pair<uint32_t, uint32_t>> conflicts, losses;
        long conflict_samples = 0, loss_samples = 0;
        const bench::Timing t = bench::time_case("tactical: 5000 drones, 600 s at 1 Hz", [&] {
            std::vector<AirborneState> state = drones;
            conflict_samples = loss_samples = 0;
            for (int second = 0; second < 600; ++second) {
                for (auto& d : state) {
                    d.x_m += d.vx_m_s;
                    d.y_m += d.vy_m_s;
                    if (d.x_m < 0 || d.x_m > 60000) d.vx_m_s = -d.vx_m_s;
                    if (d.y_m < 0 || d.y_m > 60000) d.vy_m_s = -d.vy_m_s;
                }
                detector.detect(state, conflicts, losses);
                conflict_samples += long(conflicts.size());
                loss_samples += long(losses.size());
            }
        }, 3, 2.0);
        std::printf("      (%.0fx real time; %ld conflict and %ld loss-of-separation pair-seconds; %.0f pairs tested a second)\n", 600.0 / (t.median_ms / 1000),
                    conflict_samples, loss_samples, double(detector.pairs_tested()) / (600.0 * (t.runs + 1)));
        std::printf("MEMORY tactical peak %.1f MB\n", peak_memory_mb());
    }
    return 0;
}
