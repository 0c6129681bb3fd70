// The sweep's Web Worker (built as lowsky_sweep_worker.js): the scenario once, then one
// simulated day per call, answered with its on-time share. The page runs one such worker per
// core (web/sweep_workers.h); each run is deterministic by its fleet, demand and seed, so the
// answer is the one the command-line tool gives for the same run.
#include <emscripten.h>

#include <optional>
#include <string>

#include "assist/sweep.h"
#include "core/json_read.h"
#include "scenario/scenario_io.h"

namespace {

std::optional<lowsky::Scenario> g_scenario;

void respond(const std::string& text) { emscripten_worker_respond(const_cast<char*>(text.data()), int(text.size())); }

}  // namespace

extern "C" {

// The scenario's text (as lowsky saves it). No answer: the runs that follow say if it failed.
EMSCRIPTEN_KEEPALIVE void sweep_load(char* data, int size) {
    lowsky::ScenarioLoad load = lowsky::parse_scenario(std::string_view(data, size_t(size)), "sweep");
    if (load.ok()) g_scenario = std::move(*load.scenario);
    else g_scenario.reset();
}

// {"hub","drone","hours","tactical","index","fleet","demand","seed"} -> {"index","on_time_share","orders","delivered"} or {"index","error"}.
EMSCRIPTEN_KEEPALIVE void sweep_run(char* data, int size) {
    auto request = lowsky::parse_json_text(std::string_view(data, size_t(size)), "sweep run");
    if (!request || !request->is_object()) return respond(R"({"index":-1,"error":"a run the worker cannot read"})");
    const lowsky::Json& r = request.value();
    const long long index = r.value("index", -1LL);
    if (!g_scenario) return respond(lowsky::Json{{"index", index}, {"error", "the worker has no scenario"}}.dump());
    lowsky::assist::SweepSpec spec;
    spec.hub = r.value("hub", "");
    spec.drone_type = r.value("drone", "");
    spec.hours = r.value("hours", 24.0);
    spec.tactical = r.value("tactical", false);
    lowsky::assist::SweepRun run;
    run.index = size_t(index < 0 ? 0 : index);
    run.fleet = r.value("fleet", 0);
    run.demand = r.value("demand", 1.0);
    run.seed = r.value("seed", 1u);
    auto done = lowsky::assist::run_one(*g_scenario, spec, run);
    if (!done) return respond(lowsky::Json{{"index", index}, {"error", done.error().message}}.dump());
    respond(lowsky::Json{{"index", index}, {"on_time_share", done->on_time_share}, {"orders", done->orders}, {"delivered", done->delivered}}.dump());
}

}  // extern "C"
