#include "assist/sweep.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <tuple>

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

Result<SweepSpec> parse_sweep_spec(const std::string& fleet, const std::string& demand, int seeds, const std::string& target,
                                   const std::string& wind) {
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
    const auto winds = parse_range(wind);
    if (!winds || winds->from < 0 || winds->to > 10) return make_error("expected wind scales FROM..TO/STEP from 0 to 10, such as 0..2/0.5", "wind", "sweep.bad_wind");
    spec.wind = *winds;
    if (seeds < 1 || seeds > 100000) return make_error("seeds must be 1 or more", "seeds", "sweep.bad_seeds");
    spec.seeds = seeds;
    const std::string key = "on-time=";
    const auto share = target.rfind(key, 0) == 0 ? parse_decimal(target.substr(key.size())) : std::nullopt;
    if (!share || !(*share > 0 && *share <= 1)) return make_error("expected on-time=SHARE, a share above 0 and at most 1", "target", "sweep.bad_target");
    spec.target_on_time = *share;
    if (spec.fleet.values().size() * spec.demand.values().size() * spec.wind.values().size() * size_t(seeds) > 1000000)
        return make_error("more than a million runs: split the sweep", "", "sweep.too_big");
    return spec;
}

Json run_to_json(const SweepRun& r) {
    return Json{{"index", r.index}, {"fleet", r.fleet}, {"demand", r.demand}, {"wind", r.wind}, {"seed", r.seed}, {"on_time_share", r.on_time_share},
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
    auto wind = r.has("wind") ? r.number_in("wind", 0, 10) : Result<double>(1.0);  // parts written before the wind axis: 1
    auto share = r.has("on_time_share") ? r.number_in("on_time_share", 0, 1) : Result<double>(0.0);
    auto orders = whole("orders", 0, 1e9, false);
    auto delivered = whole("delivered", 0, 1e9, false);
    for (const Result<double>* v : {&index, &fleet, &seed, &demand, &wind, &share, &orders, &delivered})
        if (!*v) return v->error();
    run.index = size_t(index.value());
    run.fleet = int(fleet.value());
    run.seed = uint32_t(seed.value());
    run.demand = demand.value();
    run.wind = wind.value();
    run.on_time_share = share.value();
    run.orders = int(orders.value());
    run.delivered = int(delivered.value());
    return run;
}

std::vector<SweepRun> sweep_runs(const SweepSpec& spec) {
    std::vector<SweepRun> runs;
    for (double f : spec.fleet.values())
        for (double d : spec.demand.values())
            for (double w : spec.wind.values())
                for (int seed = 1; seed <= spec.seeds; ++seed) {
                    SweepRun r;
                    r.index = runs.size();
                    r.fleet = int(f);
                    r.demand = d;
                    r.wind = w;
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
    for (WindBand& band : s.wind) band.speed_m_s *= run.wind;
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

double student_t95(int dof) {
    static const double table[30] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                                     2.120,  2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (dof < 1) return std::numeric_limits<double>::infinity();
    if (dof <= 30) return table[dof - 1];
    return 1.95996 + 2.4 / dof;  // within 0.002 of the quantile beyond 30
}

SweepSummary summarise(const SweepSpec& spec, const std::vector<SweepRun>& runs) {
    SweepSummary out;
    // Per cell, and the sum of the squares of its shares for the spread.
    std::map<std::tuple<int, double, double>, std::pair<SweepCell, double>> cells;
    for (const SweepRun& r : runs) {
        auto& [c, squares] = cells[std::make_tuple(r.fleet, r.demand, r.wind)];
        c.fleet = r.fleet;
        c.demand = r.demand;
        c.wind = r.wind;
        c.lowest_on_time = c.seeds == 0 ? r.on_time_share : std::min(c.lowest_on_time, r.on_time_share);
        c.mean_on_time += r.on_time_share;
        squares += r.on_time_share * r.on_time_share;
        ++c.seeds;
        c.seeds_meeting += r.on_time_share >= spec.target_on_time;
    }
    for (auto& [key, cell] : cells) {
        auto& [c, squares] = cell;
        const double n = c.seeds, sum = c.mean_on_time;
        c.mean_on_time = sum / n;
        if (c.seeds > 1) {
            const double variance = std::max(0.0, (squares - sum * sum / n) / (n - 1));
            c.interval = student_t95(c.seeds - 1) * std::sqrt(variance / n);
        }
        out.cells.push_back(c);
    }
    for (double d : spec.demand.values())
        for (double w : spec.wind.values()) {
            SweepAnswer a;
            a.demand = d;
            a.wind = w;
            for (const SweepCell& c : out.cells) {  // by fleet, rising
                if (std::abs(c.demand - d) > 1e-9 || std::abs(c.wind - w) > 1e-9) continue;
                if (!a.smallest_fleet && c.mean_on_time >= spec.target_on_time) {
                    a.smallest_fleet = c.fleet;
                    a.share_of_seeds = double(c.seeds_meeting) / c.seeds;
                    a.interval = c.interval;
                }
                if (!a.sure_fleet && c.seeds > 1 && c.mean_on_time - c.interval >= spec.target_on_time) a.sure_fleet = c.fleet;
            }
            out.answers.push_back(a);
        }
    return out;
}

Json summary_to_json(const SweepSummary& summary) {
    Json cells = Json::array(), answers = Json::array();
    for (const SweepCell& c : summary.cells)
        cells.push_back(Json{{"fleet", c.fleet}, {"demand", c.demand}, {"wind", c.wind}, {"mean_on_time", c.mean_on_time}, {"interval_95", c.interval},
                             {"lowest_on_time", c.lowest_on_time}, {"seeds", c.seeds}, {"seeds_meeting", c.seeds_meeting}});
    for (const SweepAnswer& a : summary.answers) {
        Json j{{"demand", a.demand}, {"wind", a.wind}, {"smallest_fleet", nullptr}};
        if (a.smallest_fleet) j.update({{"smallest_fleet", *a.smallest_fleet}, {"share_of_seeds", a.share_of_seeds}, {"interval_95", a.interval}});
        j["sure_fleet"] = a.sure_fleet ? Json(*a.sure_fleet) : Json(nullptr);
        answers.push_back(j);
    }
    return Json{{"cells", cells}, {"answers", answers}};
}

}  // namespace lowsky::assist
