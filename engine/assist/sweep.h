#pragma once
// Fleet sizing: the day simulated (sim/simulator.h) over a grid of fleet sizes at one hub,
// demand scales and wind strengths, each with several seeds; the smallest fleet that meets an
// on-time target at each demand and wind, with how sure the seeds make it. Each run is independent and deterministic by
// its index (its fleet, demand and seed), so a sweep splits across threads here, across Web
// Workers in a browser, or into slices that a cluster's array jobs run unchanged and merge.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/json_read.h"
#include "core/result.h"
#include "scenario/scenario.h"

namespace lowsky::assist {

struct Range {
    double from = 0, to = 0, step = 1;
    std::vector<double> values() const;  // from, from + step, ... up to `to` (within a millionth of a step)
};

struct SweepSpec {
    std::string hub, drone_type;   // the fleet entry swept
    Range fleet{1, 1, 1};
    Range demand{1, 1, 1};
    Range wind{1, 1, 1};           // times the scenario's wind speeds (every band, its direction kept)
    int seeds = 1;                 // 1 .. seeds
    double target_on_time = 0.95;
    bool tactical = false;         // the conflict scan does not change who is on time: off by default
    double hours = 24;
};

// "baoan-ops:heavy-octo=20..60/5", "0.5..2/0.25", "on-time=0.95", "0..2/1": the command line's forms.
Result<SweepSpec> parse_sweep_spec(const std::string& fleet, const std::string& demand, int seeds, const std::string& target,
                                   const std::string& wind = "1");

struct SweepRun {
    size_t index = 0;
    int fleet = 0;
    double demand = 1;
    double wind = 1;
    uint32_t seed = 1;
    double on_time_share = 0;
    int orders = 0, delivered = 0;
};

// A run as one JSON object (a --slice part's line, a message to or from the page's workers), and
// read back checked: index, fleet, demand and seed required, the answer's members when present,
// each of its type (what and where when not; never an abort on outside bytes).
Json run_to_json(const SweepRun& run);
Result<SweepRun> run_from_json(const Json& json, const std::string& where);

// The runs in order: fleet slowest, then demand, then wind, then seed.
std::vector<SweepRun> sweep_runs(const SweepSpec& spec);
// One run on the scenario with its fleet entry set to the run's count.
Result<SweepRun> run_one(const Scenario& scenario, const SweepSpec& spec, SweepRun run);

// Runs `runs` on `jobs` threads (1 in WebAssembly builds without threads); `done(k, n)` after each.
Result<std::vector<SweepRun>> run_sweep(const Scenario& scenario, const SweepSpec& spec, std::vector<SweepRun> runs, int jobs,
                                        const std::function<void(size_t, size_t)>& done = {});

struct SweepCell {
    int fleet = 0;
    double demand = 1, wind = 1;
    double mean_on_time = 0, lowest_on_time = 0;
    // Half the width of the mean's 95 % confidence interval over the seeds (Student's t; 0 for
    // one seed, where nothing is known of the spread).
    double interval = 0;
    int seeds = 0, seeds_meeting = 0;  // seeds whose day meets the target
};

struct SweepAnswer {
    double demand = 1, wind = 1;
    std::optional<int> smallest_fleet;  // the smallest whose mean over seeds meets the target
    double share_of_seeds = 0;          // of that fleet's seeds, the share that meet it on their own
    double interval = 0;                // that fleet's mean, give or take this (95 %)
    std::optional<int> sure_fleet;      // the smallest whose interval lies wholly above the target (2 seeds or more)
};

struct SweepSummary {
    std::vector<SweepCell> cells;      // fleet slowest, then demand, then wind
    std::vector<SweepAnswer> answers;  // one per demand and wind
};

// {"cells": [...], "answers": [...]}: what the command line prints and the page publishes.
Json summary_to_json(const SweepSummary& summary);

// Student's t for a two-sided 95 % interval with `dof` degrees of freedom (1 and up).
double student_t95(int dof);

SweepSummary summarise(const SweepSpec& spec, const std::vector<SweepRun>& runs);

}  // namespace lowsky::assist
