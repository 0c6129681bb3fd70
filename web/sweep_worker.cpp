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

// A run (assist::run_to_json) with the sweep's "hub", "drone", "hours" and "tactical" -> the run
// with its answer, or {"index", "error"}.
EMSCRIPTEN_KEEPALIVE void sweep_run(char* data, int size) {
    auto request = lowsky::parse_json_text(std::string_view(data, size_t(size)), "sweep run");
    if (!request) return respond(lowsky::Json{{"index", -1}, {"error", request.error().to_string()}}.dump());
    auto run = lowsky::assist::run_from_json(request.value(), "sweep run");
    if (!run) return respond(lowsky::Json{{"index", -1}, {"error", run.error().to_string()}}.dump());
    const lowsky::JsonObjectReader r(request.value(), "sweep run");
    auto hub = r.string("hub"), drone = r.string("drone");
    auto hours = r.number_in("hours", 0.1, 48);
    const lowsky::Json* tactical = r.member_value("tactical");
    if (!hub || !drone || !hours || !tactical || !tactical->is_boolean() || !g_scenario)
        return respond(lowsky::Json{{"index", run->index}, {"error", "the worker has no scenario, or a run without its sweep's settings"}}.dump());
    lowsky::assist::SweepSpec spec;
    spec.hub = hub.value();
    spec.drone_type = drone.value();
    spec.hours = hours.value();
    spec.tactical = tactical->get<bool>();
    auto done = lowsky::assist::run_one(*g_scenario, spec, run.value());
    if (!done) return respond(lowsky::Json{{"index", run->index}, {"error", done.error().message}}.dump());
    respond(lowsky::assist::run_to_json(done.value()).dump());
}

}  // extern "C"
