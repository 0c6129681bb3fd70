#pragma once
// What the simulation panel works on: the last simulated day of the open scenario and the
// playback clock over it. The engine simulates and answers where each drone is; this only
// holds the result, the time shown and how fast it runs.

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>

#include "heap_warmup.h"
#include "i18n.h"
#include "scenario/compiled_scenario.h"
#include "sim/sim_types.h"
#include "sim/simulator.h"

namespace lowsky::web {

struct SimPlayback {
    SimConfig config;             // what the next run uses (the panel sets the seed and the policy)
    std::optional<SimResult> result;
    SimConfig ran;                // what the result was run with (its report says so)
    // A day kept to compare the next ones with: its figures and its settings.
    struct Pinned {
        Kpis kpis;
        SimConfig config;
    };
    std::optional<Pinned> pinned;
    bool show_settings = false;   // the settings beyond the seed and the policy are open
    bool charts_open = false;     // the window of charts over the day
    FleetBattery battery;         // the fleet's battery per sample, made when first charted
    int encounter = -1;           // the encounter looked at: into the conflicts, then the losses
    bool show_encounter = false;  // set when one is picked: the map flies there
    double run_ms = 0;            // how long the engine took, shown to the planner
    double day_s = 24 * 3600;     // the simulated span
    double t_s = 0;               // the moment shown
    bool playing = false;
    int speed = 1;                // index into kSpeeds

    // A day being simulated, a slice a frame (App::step_simulation), on its own copy of the
    // scenario: the planner may edit, and the live checks recompile, while it runs.
    struct Running {
        Scenario scenario;
        SimConfig config;
        std::unique_ptr<CompiledScenario> compiled;
        std::unique_ptr<SimulationRun> run;
        std::unique_ptr<HeapWarmup> warmup;  // done before the run's first slice
        double elapsed_ms = 0;    // spent simulating, frames between slices not counted
        double longest_slice_ms = 0;
        int slices = 0;
        double progress = 0;      // 0 to 1
    };
    std::unique_ptr<Running> running;
    // The scenario the shown day ran on (its run released): where its drones are is asked of it,
    // not of the scenario as edited since (a hub moved after the run would move its parked drones).
    std::unique_ptr<Running> day;
    const CompiledScenario* day_compiled() const { return day ? day->compiled.get() : nullptr; }
    double longest_slice_ms = 0;  // of the last day run, and how many slices it took
    int slices = 0;

    // The timeline's encounter ticks: per pixel column, the first encounter there (a loss of
    // separation before a conflict), for the day `generation` at `columns` pixels.
    struct Ticks {
        int generation = -1, columns = -1;
        std::vector<int> column;
        std::vector<char> loss;
    };
    Ticks ticks;

    // Where every drone is at `snapshots_t` (the engine's drone_at for each), kept while the
    // clock stands still: turning or panning the view moves no drone.
    int generation = 0;  // counts the results held: a new day is never mistaken for the last one
    const std::vector<DroneSnapshot>& snapshots_at(double t) const {
        const SimResult* of = result ? &*result : nullptr;
        if (generation != snapshots_of_ || t != snapshots_t_ || snapshots_.size() != (of ? of->drones.size() : 0)) {
            snapshots_.clear();
            if (of && day_compiled())
                for (size_t d = 0; d < of->drones.size(); ++d) snapshots_.push_back(drone_at(*of, *day_compiled(), d, t));
            snapshots_of_ = generation, snapshots_t_ = t;
        }
        return snapshots_;
    }

    static constexpr double kSpeeds[] = {60, 300, 1200};  // simulated seconds per second
    static constexpr const char* kSpeedNames[] = {N_("1 min/s"), N_("5 min/s"), N_("20 min/s")};

    // Moves the clock on by `real_s` seconds of playing; stops at the end of the day.
    void advance(double real_s) {
        if (!playing || !result) return;
        t_s = std::min(day_s, t_s + real_s * kSpeeds[speed]);
        if (t_s >= day_s) playing = false;
    }

    // The day's encounters as one list: its conflicts, then its losses of separation.
    int encounter_count() const { return result ? int(result->conflicts.size() + result->losses.size()) : 0; }
    const EncounterResult* encounter_at(int i, bool* loss = nullptr) const {
        if (!result || i < 0 || i >= encounter_count()) return nullptr;
        const size_t n = result->conflicts.size();
        if (loss) *loss = size_t(i) >= n;
        return size_t(i) < n ? &result->conflicts[size_t(i)] : &result->losses[size_t(i) - n];
    }
    // Looks at encounter i: the clock goes to when the two were closest, the map there.
    void pick_encounter(int i) {
        const EncounterResult* e = encounter_at(i);
        if (!e) return;
        encounter = i;
        t_s = e->closest_s;
        playing = false;
        show_encounter = true;
    }

    // Hub `id`'s queues at the playback time (the series sample at or before it), if it has them.
    const HubResult* hub_result(const std::string& id) const {
        if (!result) return nullptr;
        for (const auto& h : result->hubs) if (h.id == id && !h.series.empty()) return &h;
        return nullptr;
    }
    // The encounters within `kEncounterMargin_s` of their span at t, from an index by the minute
    // made once per day: the region's day has tens of thousands, a frame shows a handful.
    static constexpr double kEncounterMargin_s = 60;
    const std::vector<int>& encounters_near(double t) const {
        static const std::vector<int> kNone;
        if (encounters_by_minute_of_ != generation) {
            encounters_by_minute_.assign(size_t(std::max(1.0, std::ceil(day_s / 60))) + 1, {});
            const int last = int(encounters_by_minute_.size()) - 1;
            for (int i = 0; i < encounter_count(); ++i) {
                const EncounterResult* e = encounter_at(i);
                const int from = std::clamp(int(std::floor((e->start_s - kEncounterMargin_s) / 60)), 0, last);
                const int to = std::clamp(int(std::floor((e->end_s + kEncounterMargin_s) / 60)), 0, last);
                for (int m = from; m <= to; ++m) encounters_by_minute_[size_t(m)].push_back(i);
            }
            encounters_by_minute_of_ = generation;
        }
        if (!(t >= 0)) return kNone;
        return encounters_by_minute_[std::min(encounters_by_minute_.size() - 1, size_t(t / 60))];
    }
    size_t sample_at(double t) const {
        if (!result || result->series.size() < 2) return 0;
        const double step = result->series[1].t_s - result->series[0].t_s;
        return std::min(result->series.size() - 1, size_t(std::max(0.0, std::floor(t / step))));
    }

    mutable std::vector<std::vector<int>> encounters_by_minute_;
    mutable int encounters_by_minute_of_ = -1;
    mutable std::vector<DroneSnapshot> snapshots_;
    mutable int snapshots_of_ = -1;
    mutable double snapshots_t_ = -1;

    // The busiest moment of the day (most drones airborne), where playback opens.
    double busiest_s() const {
        if (!result || result->series.empty()) return 0;
        const auto best = std::max_element(result->series.begin(), result->series.end(),
                                           [](const SeriesPoint& a, const SeriesPoint& b) { return a.airborne < b.airborne; });
        return best->t_s;
    }
};

}  // namespace lowsky::web
