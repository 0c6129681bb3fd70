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

TEST_CASE("A sweep over the wind flies each day in the scenario's wind scaled, as a day simulated in that wind by hand") {
    Scenario s = busy_pair();
    s.wind = {{0, 500, 90, 6}};  // 6 m/s from the east, against the quad's 10 m/s from a to b
    auto spec = assist::parse_sweep_spec("a:quad=2", "1", 1, "on-time=0.9", "0..2/1");
    REQUIRE(spec.ok());
    const auto runs = assist::sweep_runs(spec.value());
    REQUIRE(runs.size() == 3);
    auto done = assist::run_sweep(s, spec.value(), runs, 1);
    REQUIRE(done.ok());
    for (const assist::SweepRun& r : done.value()) {
        Scenario with = s;
        with.fleet[0].count = 2;
        with.wind[0].speed_m_s = 6 * r.wind;
        const CompiledScenario compiled(with);
        SimConfig config;
        config.seed = 1;
        config.tactical = false;
        const SimResult day = simulate(compiled, config);
        INFO("wind x" << r.wind);
        CHECK(r.on_time_share == day.kpis.on_time_share);
        CHECK(r.delivered == day.kpis.delivered);
    }
    // The wind matters here: a 12 m/s head wind leaves the quad no way to b.
    CHECK(done.value()[2].delivered < done.value()[0].delivered);
    const assist::SweepSummary summary = assist::summarise(spec.value(), done.value());
    REQUIRE(summary.answers.size() == 3);
    CHECK(summary.answers[1].wind == 1.0);
}

TEST_CASE("A sweep's 95 per cent interval is Student's t over the seeds, worked by hand") {
    // Three seeds at 80, 90 and 100 % on time: mean 90 %, standard deviation 10 %, so the
    // interval is 4.303 x 0.1 / sqrt(3) = 24.84 % either side, not sure of 85 %; the second
    // fleet's 95, 96 and 97 % give 96 % +/- 2.48 %, sure of it.
    assist::SweepSpec spec;
    spec.fleet = {1, 2, 1};
    spec.seeds = 3;
    spec.target_on_time = 0.85;
    std::vector<assist::SweepRun> runs;
    const double shares[2][3] = {{0.8, 0.9, 1.0}, {0.95, 0.96, 0.97}};
    for (int fleet = 1; fleet <= 2; ++fleet)
        for (int seed = 0; seed < 3; ++seed) {
            assist::SweepRun r;
            r.index = runs.size();
            r.fleet = fleet;
            r.seed = uint32_t(seed + 1);
            r.on_time_share = shares[fleet - 1][seed];
            runs.push_back(r);
        }
    const assist::SweepSummary summary = assist::summarise(spec, runs);
    REQUIRE(summary.cells.size() == 2);
    CHECK(summary.cells[0].mean_on_time == Approx(0.9).epsilon(1e-12));
    CHECK(summary.cells[0].interval == Approx(4.303 * 0.1 / std::sqrt(3.0)).epsilon(1e-9));
    CHECK(summary.cells[1].interval == Approx(4.303 * 0.01 / std::sqrt(3.0)).epsilon(1e-9));
    REQUIRE(summary.answers.size() == 1);
    CHECK(summary.answers[0].smallest_fleet == 1);   // its mean meets 85 %
    CHECK(summary.answers[0].sure_fleet == 2);       // 0.96 - 0.0248 meets it; 0.9 - 0.248 does not
    CHECK(assist::student_t95(1) == 12.706);
    CHECK(assist::student_t95(60) == Approx(2.000).margin(0.002));
    CHECK(assist::student_t95(120) == Approx(1.980).margin(0.002));
}

TEST_CASE("Sweep specifications are read strictly and say which part is wrong") {
    CHECK(assist::parse_sweep_spec("baoan-ops:heavy-octo=20..60/5", "0.5..2/0.25", 20, "on-time=0.95").ok());
    const auto spec = assist::parse_sweep_spec("baoan-ops:heavy-octo=20..60/5", "0.5..2/0.25", 20, "on-time=0.95");
    CHECK(spec->fleet.values().size() == 9);
    CHECK(spec->demand.values().size() == 7);
    CHECK(spec->demand.values().back() == 2.0);
    CHECK(assist::parse_sweep_spec("baoan-ops=20..60/5", "1", 1, "on-time=0.95").error().where == "fleet");
    CHECK(assist::parse_sweep_spec("a:b=2.5..3", "1", 1, "on-time=0.95").error().where == "fleet");
    CHECK(assist::parse_sweep_spec("a:b=1..3", "1", 1, "on-time=0.95", "-1..2").error().where == "wind");
    CHECK(assist::parse_sweep_spec("a:b=1..3", "1", 1, "on-time=0.95", "0..2/0.5")->wind.values().size() == 5);
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
