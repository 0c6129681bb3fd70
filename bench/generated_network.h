#pragma once
// Generated scenarios for the benchmarks: a grid of hubs over the Greater Bay Area joined by
// corridors, with zones scattered over it. Deterministic for a seed on every platform.

#include <cstdint>

#include "scenario/scenario.h"

namespace lowsky::bench {

struct NetworkSpec {
    int columns = 25;
    int rows = 20;
    bool diagonals = false;   // add a diagonal corridor in some cells
    int target_corridors = 0; // 0: every grid edge; otherwise stop at this many
    int zones = 0;
    uint32_t seed = 20261128;
};

Scenario generate_network(const NetworkSpec& spec);

// A region-wide day: eight of the region's cities with five hubs each (a centre and four
// around it about 5 km out), joined by spokes and a ring inside each city and by long
// corridors between neighbouring cities' centres; most parcels stay in their city (light
// multirotors), a tenth go between cities (VTOL). The fleet, pads and battery swaps follow
// each hub's share of the demand.
struct DaySpec {
    int orders = 100000;  // a day's demand over every rate
    int drones = 1500;
    uint32_t seed = 20261202;
};

Scenario generate_day(const DaySpec& spec);

}  // namespace lowsky::bench
