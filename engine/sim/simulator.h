#pragma once
// A day of drone logistics on a scenario, event by event: orders arrive (explicit, or drawn
// from daily rates with a seeded generator), wait for a drone of a suitable type at their hub,
// take a pad slot, pass strategic deconfliction, fly their route in the wind with their
// energy, deliver (hover and release, or land where a round trip would not fit), come back,
// land, recharge or swap. Tactical conflicts are then found over all airborne drones.
// Deterministic for a scenario, a configuration and a seed.

#include <functional>
#include <memory>
#include <optional>

#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "sim/conflict_scan.h"
#include "sim/sim_types.h"

namespace lowsky {

// `progress(fraction)` is called now and then while the day is simulated (0 to 1).
SimResult simulate(const CompiledScenario& compiled, const SimConfig& config, const std::function<void(double)>& progress = {});

// The same day a slice at a time, for a page that must keep drawing: advance() runs the day
// until `pause()` says stop, and returns false; it returns true when the day is done. Paused
// runs the events (asked every 8 events), then makes the figures and findings (asked every
// 2,048 orders), then the conflict scan (sim/conflict_scan.h) and puts its encounters in (asked
// every 2,048). The result is exactly simulate()'s for the same scenario and configuration.
class SimulationRun {
public:
    SimulationRun(const CompiledScenario& compiled, const SimConfig& config);  // `compiled` must outlive the run
    ~SimulationRun();
    SimulationRun(const SimulationRun&) = delete;
    SimulationRun& operator=(const SimulationRun&) = delete;

    bool advance(const std::function<bool()>& pause);
    double progress() const;  // 0 to 1: the simulated clock, then the conflict scan
    std::optional<SimResult> take_result();  // once advance() has returned true
    // About the most memory the run will hold at once, with a margin (2.5 KB for each order
    // the day should have: the region-wide day of 100,000 orders held 201 MB at its highest),
    // for a page that readies its heap first.
    size_t expected_peak_bytes() const { return expected_peak_bytes_; }

private:
    const CompiledScenario& compiled_;
    SimConfig config_;
    std::unique_ptr<class OrderMaker> orders_;   // first, while the orders are made
    std::unique_ptr<class Simulation> sim_;      // then, while the events run
    std::optional<SimResult> result_;            // made once they are done
    bool collected_ = false;                     // the results are made: the next slice hands them over
    bool scan_started_ = false;
    std::unique_ptr<class ConflictScan> scan_;   // then, while the conflicts are scanned
    std::optional<ConflictScanResult> encounters_;  // then, while they are put into the result
    size_t encounters_added_ = 0;
    bool done_ = false;
    size_t expected_peak_bytes_ = 0;
};

struct DroneSnapshot {
    GeoPoint position;
    HeightAmsl height;
    bool airborne = false;
    bool charging = false;
    double battery_wh = 0;
    int flight = -1;  // index into SimResult::flights when airborne
};

// Where drone `drone` is, and how charged, at time t: a binary search and an interpolation.
DroneSnapshot drone_at(const SimResult& result, const CompiledScenario& compiled, size_t drone, double t_s);

// The fleet's battery over the day: at each of the result's series samples, the mean and the
// lowest charge over every drone, in percent of its pack, as drone_at gives them.
struct FleetBattery {
    std::vector<float> mean_pct, lowest_pct;
};
FleetBattery fleet_battery(const SimResult& result, const CompiledScenario& compiled);

}  // namespace lowsky
