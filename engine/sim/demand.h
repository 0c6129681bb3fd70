#pragma once
// A day's orders: the scenario's explicit ones and those drawn from its daily rates with a
// seeded generator (the same sequence on every platform), in the order they become ready.

#include <functional>
#include <memory>
#include <vector>

#include "scenario/scenario.h"
#include "sim/sim_types.h"

namespace lowsky {

std::vector<SimOrder> make_orders(const Scenario& scenario, const SimConfig& config);

// The same orders made a step at a time, for a page's slices (a region-wide day's 100,000 took
// 15 ms at once): each rate's drawn in turn, then the rates' runs merged by time (each run is in
// time order already, so the merge is the stable sort's order: ties go to the earlier run, the
// explicit orders first).
class OrderMaker {
public:
    OrderMaker(const Scenario& scenario, const SimConfig& config);  // `scenario` must outlive the maker
    ~OrderMaker();
    OrderMaker(const OrderMaker&) = delete;
    OrderMaker& operator=(const OrderMaker&) = delete;

    // Makes orders until done (true) or until `pause` says so (asked every 4,096 orders).
    bool advance(const std::function<bool()>& pause);
    std::vector<SimOrder> take();  // once advance() has returned true
    // How many orders the day should have, known before any is made: the explicit ones and
    // each rate's mean over the hours (a page readies its memory by it).
    size_t expected_count() const;

private:
    std::unique_ptr<struct OrderMaking> state_;
};

}  // namespace lowsky
