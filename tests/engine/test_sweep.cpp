// Fleet-sizing sweeps: on a small scenario, the smallest fleet found against an exhaustive run
// of the simulator written here (every fleet, demand and seed, the mean worked in the test),
// the same on one thread as on two, and the command line's forms refused with where.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "assist/sweep.h"
#include "fixtures.h"
#include "scenario/compiled_scenario.h"
#include "sim/simulator.h"

using namespace lowsky;

namespace {

// The minimal scenario with enough demand from a to b that the quad's count matters.
Scenario busy_pair() {
    Scenario s = test::load_scenario("tests/fixtures/scenarios/minimal.json");
    s.demand_rates[0].per_day = 120;
    s.demand_rates[0].promise_s = 1800;
    return s;
}

}  // namespace

TEST_CASE("A sweep's smallest fleet is the one an exhaustive run of the simulator finds, on one thread or two") {
    const Scenario s = busy_pair();
    auto spec = assist::parse_sweep_spec("a:quad=1..5/1", "1..2/1", 3, "on-time=0.9");
    REQUIRE(spec.ok());
    const auto runs = assist::sweep_runs(spec.value());
    REQUIRE(runs.size() == 5 * 2 * 3);
    auto two = assist::run_sweep(s, spec.value(), runs, 2);
    auto one = assist::run_sweep(s, spec.value(), runs, 1);
    REQUIRE(two.ok());
    REQUIRE(one.ok());
    // Exhaustively, here: each day simulated with the quad's count set, the mean over seeds.
    std::map<std::pair<int, double>, double> mean;
    for (int fleet = 1; fleet <= 5; ++fleet)
        for (double demand : {1.0, 2.0}) {
            double sum = 0;
            for (uint32_t seed = 1; seed <= 3; ++seed) {
                Scenario with = s;
                with.fleet[0].count = fleet;
                const CompiledScenario compiled(with);
                SimConfig config;
                config.demand_scale = demand;
                config.seed = seed;
                config.tactical = false;
                sum += simulate(compiled, config).kpis.on_time_share;
            }
            mean[{fleet, demand}] = sum / 3;
        }
    for (size_t k = 0; k < runs.size(); ++k) {
        CHECK(two.value()[k].on_time_share == one.value()[k].on_time_share);
        CHECK(two.value()[k].fleet == runs[k].fleet);
    }
    const assist::SweepSummary summary = assist::summarise(spec.value(), two.value());
    REQUIRE(summary.answers.size() == 2);
    for (const assist::SweepAnswer& a : summary.answers) {
        std::optional<int> smallest;
        for (int fleet = 1; fleet <= 5 && !smallest; ++fleet)
            if (mean[{fleet, a.demand}] >= 0.9) smallest = fleet;
        INFO("demand " << a.demand);
        CHECK(a.smallest_fleet == smallest);
    }
    // The fleet matters here: one quad cannot keep up where five can.
    CHECK(mean[{1, 2.0}] < mean[{5, 2.0}]);
    for (const assist::SweepCell& c : summary.cells) CHECK(c.mean_on_time == Approx(mean[{c.fleet, c.demand}]).epsilon(1e-12));
}

TEST_CASE("Sweep specifications are read strictly and say which part is wrong") {
    CHECK(assist::parse_sweep_spec("baoan-ops:heavy-octo=20..60/5", "0.5..2/0.25", 20, "on-time=0.95").ok());
    const auto spec = assist::parse_sweep_spec("baoan-ops:heavy-octo=20..60/5", "0.5..2/0.25", 20, "on-time=0.95");
    CHECK(spec->fleet.values().size() == 9);
    CHECK(spec->demand.values().size() == 7);
    CHECK(spec->demand.values().back() == 2.0);
    CHECK(assist::parse_sweep_spec("baoan-ops=20..60/5", "1", 1, "on-time=0.95").error().where == "fleet");
    CHECK(assist::parse_sweep_spec("a:b=2.5..3", "1", 1, "on-time=0.95").error().where == "fleet");
    CHECK(assist::parse_sweep_spec("a:b=1..3", "0..2", 1, "on-time=0.95").error().where == "demand");
    CHECK(assist::parse_sweep_spec("a:b=1..3", "1", 0, "on-time=0.95").error().where == "seeds");
    CHECK(assist::parse_sweep_spec("a:b=1..3", "1", 1, "on-time=1.5").error().where == "target");
    CHECK(assist::parse_sweep_spec("a:b=1..3", "1", 1, "late=0.1").error().where == "target");
}

TEST_CASE("A run read back from JSON is the run written, and a run of the wrong shape is refused with where") {
    assist::SweepRun run;
    run.index = 17, run.fleet = 12, run.demand = 1.25, run.seed = 3, run.on_time_share = 0.875, run.orders = 40, run.delivered = 39;
    auto back = assist::run_from_json(nlohmann::json::parse(assist::run_to_json(run).dump()), "part.jsonl:1");
    REQUIRE(back.ok());
    CHECK(back->index == 17);
    CHECK(back->fleet == 12);
    CHECK(back->demand == 1.25);
    CHECK(back->seed == 3);
    CHECK(back->on_time_share == 0.875);
    CHECK(back->orders == 40);
    CHECK(back->delivered == 39);
    const std::pair<const char*, const char*> bad[] = {
        {R"([1,2])", "part.jsonl:1"},
        {R"({"fleet":1,"demand":1,"seed":1})", "part.jsonl:1.index"},
        {R"({"index":"0","fleet":1,"demand":1,"seed":1})", "part.jsonl:1.index"},
        {R"({"index":0.5,"fleet":1,"demand":1,"seed":1})", "part.jsonl:1.index"},
        {R"({"index":0,"fleet":1,"demand":1,"seed":1,"on_time_share":"all"})", "part.jsonl:1.on_time_share"},
        {R"({"index":0,"fleet":1,"demand":1,"seed":1,"orders":-3})", "part.jsonl:1.orders"},
    };
    for (const auto& [text, where] : bad) {
        INFO(text);
        auto r = assist::run_from_json(nlohmann::json::parse(text), "part.jsonl:1");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().where == where);
    }
}
