#include "assist/sweep.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>

#include "core/numbers.h"
#include "scenario/compiled_scenario.h"
#include "sim/simulator.h"

#ifndef __EMSCRIPTEN__
#include <thread>
#endif

namespace lowsky::assist {

std::vector<double> Range::values() const {
    std::vector<double> out;
    if (!(step > 0)) return {from};
    for (int k = 0; k < 100000; ++k) {
        const double v = from + k * step;
        if (v > to + step * 1e-6) break;
        out.push_back(v);
    }
    return out;
}

namespace {

// "A..B/S", "A..B" (step 1) or "A".
std::optional<Range> parse_range(const std::string& text) {
    const size_t dots = text.find("..");
    if (dots == std::string::npos) {
        const auto v = parse_decimal(text);
        if (!v) return std::nullopt;
        return Range{*v, *v, 1};
    }
    const size_t slash = text.find('/', dots);
    const auto a = parse_decimal(text.substr(0, dots));
    const auto b = parse_decimal(text.substr(dots + 2, slash == std::string::npos ? std::string::npos : slash - dots - 2));
    const auto s = slash == std::string::npos ? std::optional<double>(1.0) : parse_decimal(text.substr(slash + 1));
    if (!a || !b || !s || !(*s > 0) || *b < *a) return std::nullopt;
    return Range{*a, *b, *s};
}

}  // namespace

Result<SweepSpec> parse_sweep_spec(const std::string& fleet, const std::string& demand, int seeds, const std::string& target) {
    SweepSpec spec;
    const size_t colon = fleet.find(':'), equals = fleet.find('=');
    if (colon == std::string::npos || equals == std::string::npos || equals < colon)
        return make_error("expected HUB:TYPE=FROM..TO/STEP, such as baoan-ops:heavy-octo=20..60/5", "fleet", "sweep.bad_fleet");
    spec.hub = fleet.substr(0, colon);
    spec.drone_type = fleet.substr(colon + 1, equals - colon - 1);
    const auto counts = parse_range(fleet.substr(equals + 1));
    if (!counts || counts->from < 0 || counts->to > 100000 || std::floor(counts->from) != counts->from || std::floor(counts->step) != counts->step)
        return make_error("the fleet sizes must be whole numbers FROM..TO/STEP", "fleet", "sweep.bad_fleet");
    spec.fleet = *counts;
    const auto scales = parse_range(demand);
    if (!scales || scales->from <= 0 || scales->to > 1000) return make_error("expected demand scales FROM..TO/STEP above 0, such as 0.5..2/0.25", "demand", "sweep.bad_demand");
    spec.demand = *scales;
    if (seeds < 1 || seeds > 100000) return make_error("seeds must be 1 or more", "seeds", "sweep.bad_seeds");
    spec.seeds = seeds;
    const std::string key = "on-time=";
    const auto share = target.rfind(key, 0) == 0 ? parse_decimal(target.substr(key.size())) : std::nullopt;
    if (!share || !(*share > 0 && *share <= 1)) return make_error("expected on-time=SHARE, a share above 0 and at most 1", "target", "sweep.bad_target");
    spec.target_on_time = *share;
    if (spec.fleet.values().size() * spec.demand.values().size() * size_t(seeds) > 1000000)
        return make_error("more than a million runs: split the sweep", "", "sweep.too_big");
    return spec;
}

Json run_to_json(const SweepRun& r) {
    return Json{{"index", r.index}, {"fleet", r.fleet}, {"demand", r.demand}, {"seed", r.seed}, {"on_time_share", r.on_time_share},
                {"orders", r.orders}, {"delivered", r.delivered}};
}

Result<SweepRun> run_from_json(const Json& json, const std::string& where) {
    if (!json.is_object()) return make_error("a run is a JSON object", where, "sweep.bad_run");
    const JsonObjectReader r(json, where);
    auto whole = [&](std::string_view key, double lo, double hi, bool required) -> Result<double> {
        if (!required && !r.has(key)) return lo;
        auto v = r.number_in(key, lo, hi);
        if (v && std::floor(v.value()) != v.value()) return make_error("must be a whole number", r.member_path(key), "sweep.bad_run");
        return v;
    };
    SweepRun run;
    auto index = whole("index", 0, 1e9, true);
    auto fleet = whole("fleet", 0, 100000, true);
    auto seed = whole("seed", 0, 4294967295.0, true);
    auto demand = r.number_in("demand", 0, 1000);
    auto share = r.has("on_time_share") ? r.number_in("on_time_share", 0, 1) : Result<double>(0.0);
    auto orders = whole("orders", 0, 1e9, false);
    auto delivered = whole("delivered", 0, 1e9, false);
    for (const Result<double>* v : {&index, &fleet, &seed, &demand, &share, &orders, &delivered})
        if (!*v) return v->error();
    run.index = size_t(index.value());
    run.fleet = int(fleet.value());
    run.seed = uint32_t(seed.value());
    run.demand = demand.value();
    run.on_time_share = share.value();
    run.orders = int(orders.value());
    run.delivered = int(delivered.value());
    return run;
}

std::vector<SweepRun> sweep_runs(const SweepSpec& spec) {
    std::vector<SweepRun> runs;
    for (double f : spec.fleet.values())
        for (double d : spec.demand.values())
            for (int seed = 1; seed <= spec.seeds; ++seed) {
                SweepRun r;
                r.index = runs.size();
                r.fleet = int(f);
                r.demand = d;
                r.seed = uint32_t(seed);
                runs.push_back(r);
            }
    return runs;
}

Result<SweepRun> run_one(const Scenario& scenario, const SweepSpec& spec, SweepRun run) {
    Scenario s = scenario;
    bool found = false;
    for (FleetEntry& e : s.fleet)
        if (e.hub == spec.hub && e.drone_type == spec.drone_type) e.count = run.fleet, found = true;
    if (!found) {
        if (!s.find_hub(spec.hub)) return make_error("no hub \"" + spec.hub + "\"", "fleet", "sweep.unknown_hub");
        if (!s.find_drone_type(spec.drone_type)) return make_error("no drone type \"" + spec.drone_type + "\"", "fleet", "sweep.unknown_type");
        s.fleet.push_back({spec.hub, spec.drone_type, run.fleet});
    }
    const CompiledScenario compiled(s);
    SimConfig config;
    config.hours = spec.hours;
    config.demand_scale = run.demand;
    config.seed = run.seed;
    config.tactical = spec.tactical;
    const SimResult result = simulate(compiled, config);
    run.on_time_share = result.kpis.on_time_share;
    run.orders = result.kpis.orders;
    run.delivered = result.kpis.delivered;
    return run;
}

Result<std::vector<SweepRun>> run_sweep(const Scenario& scenario, const SweepSpec& spec, std::vector<SweepRun> runs, int jobs,
                                        const std::function<void(size_t, size_t)>& done) {
    std::atomic<size_t> next{0}, finished{0};
    std::mutex report;
    std::optional<Error> failed;
    auto work = [&] {
        while (true) {
            const size_t k = next++;
            if (k >= runs.size()) return;
            auto r = run_one(scenario, spec, runs[k]);
            std::lock_guard<std::mutex> lock(report);
            if (!r) {
                if (!failed) failed = r.error();
                next = runs.size();
                return;
            }
            runs[k] = r.value();
            ++finished;
            if (done) done(finished, runs.size());
        }
    };
#ifdef __EMSCRIPTEN__
    (void)jobs;
    work();
#else
    std::vector<std::thread> threads;
    for (int j = 1; j < std::max(1, jobs); ++j) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
#endif
    if (failed) return *failed;
    return runs;
}

SweepSummary summarise(const SweepSpec& spec, const std::vector<SweepRun>& runs) {
    SweepSummary out;
    std::map<std::pair<int, double>, SweepCell> cells;
    for (const SweepRun& r : runs) {
        SweepCell& c = cells[{r.fleet, r.demand}];
        c.fleet = r.fleet;
        c.demand = r.demand;
        c.lowest_on_time = c.seeds == 0 ? r.on_time_share : std::min(c.lowest_on_time, r.on_time_share);
        c.mean_on_time += r.on_time_share;
        ++c.seeds;
        c.seeds_meeting += r.on_time_share >= spec.target_on_time;
    }
    for (auto& [key, c] : cells) {
        c.mean_on_time /= c.seeds;
        out.cells.push_back(c);
    }
    for (double d : spec.demand.values()) {
        SweepAnswer a;
        a.demand = d;
        for (const SweepCell& c : out.cells) {  // by fleet, rising
            if (std::abs(c.demand - d) > 1e-9 || c.mean_on_time < spec.target_on_time) continue;
            a.smallest_fleet = c.fleet;
            a.share_of_seeds = double(c.seeds_meeting) / c.seeds;
            break;
        }
        out.answers.push_back(a);
    }
    return out;
}

}  // namespace lowsky::assist
