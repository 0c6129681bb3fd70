#pragma once
// A day of drone logistics on a scenario, event by event: orders arrive (explicit, or drawn
// from daily rates with a seeded generator), wait for a drone of a suitable type at their hub,
// take a pad slot, pass strategic deconfliction, fly their route in the wind with their
// energy, deliver (hover and release, or land where a round trip would not fit), come back,
// land, recharge or swap. Tactical conflicts are then counted over all airborne drones.
// Deterministic for a scenario, a configuration and a seed.

#include <functional>

#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "sim/sim_types.h"

namespace lowsky {

// `progress(fraction)` is called now and then while the day is simulated (0 to 1).
SimResult simulate(const CompiledScenario& compiled, const SimConfig& config, const std::function<void(double)>& progress = {});

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

}  // namespace lowsky
