#pragma once
// A day's orders: the scenario's explicit ones and those drawn from its daily rates with a
// seeded generator (the same sequence on every platform), in the order they become ready.

#include <vector>

#include "scenario/scenario.h"
#include "sim/sim_types.h"

namespace lowsky {

std::vector<SimOrder> make_orders(const Scenario& scenario, const SimConfig& config);

}  // namespace lowsky
