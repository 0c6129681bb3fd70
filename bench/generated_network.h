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

}  // namespace lowsky::bench
