#pragma once
// What a day's event loop leaves behind, and the results made of it: deliveries, drones,
// hubs, corridors, KPIs, time series, findings for demand that cannot be served, and the
// tactical conflicts counted over every planned track.

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "scenario/compiled_scenario.h"
#include "sim/conflict_scan.h"
#include "sim/sim_types.h"

namespace lowsky {

struct SimDrone {
    std::string id;
    int type = 0, hub = 0;
    double soc_wh = 0;
    double free_at = 0;       // at its hub, charged, ready
    double landed_at = 0;     // when it last landed (charging runs from here to free_at)
    int base = 0;             // where the day began (hub is where it is now: a diversion moves it)
};

struct OrderState {
    bool done = false, gave_up = false, undeliverable = false;
    double wait_drone = 0, wait_battery = 0;
    double dispatched = 0, takeoff = 0, first_pad_slot = 0;  // once done
    int flight = -1;
    int called_off = 0;  // times its committed flight was called off (an emergency, a restriction)
    double held_s = 0;   // waited at its hub for temporary restrictions to be lifted
};

struct HubWaits {
    double pad = 0, max_pad = 0, energy = 0;
};

// The event loop's record of the day (its vectors are moved from).
struct DayRecord {
    const Scenario& scenario;
    const std::vector<DroneType>& types;
    const SimConfig& config;
    const std::vector<SimOrder>& orders;
    const std::vector<OrderState>& states;
    const std::vector<SimDrone>& drones;
    const std::vector<HubWaits>& hub_waits;
    const std::unordered_map<size_t, std::string>& reasons;  // per order not delivered
    std::vector<SimFlight>& flights;
};

SimResult collect_results(DayRecord day, double end_s);

// The same a slice at a time, for a page that must keep drawing: advance() makes the results
// until `pause()` says stop (asked every 2,048 orders) and returns false, or true when they are
// made; take() then gives them, exactly collect_results()'s. The record's vectors must stay
// where they are until then.
class ResultBuilder {
public:
    ResultBuilder(DayRecord day, double end_s);
    ~ResultBuilder();
    ResultBuilder(const ResultBuilder&) = delete;
    ResultBuilder& operator=(const ResultBuilder&) = delete;
    bool advance(const std::function<bool()>& pause);
    SimResult take();
    struct State;

private:
    std::unique_ptr<State> state_;
};

// Tactical conflicts over the day's planned tracks (sim/conflict_scan.h): the scan of r's
// flights, to run at once or a slice at a time (r and `compiled` must stay where they are until
// it is done), and its encounters put into r (and its KPIs), also a slice at a time: `next`
// (0 at first) says how far they have come, `pause` is asked every 2,048; true once all are in.
std::unique_ptr<ConflictScan> start_conflict_scan(const SimResult& r, const CompiledScenario& compiled, const SimConfig& config);
bool add_encounters(SimResult& r, const ConflictScanResult& scan, const CompiledScenario& compiled, size_t& next, const std::function<bool()>& pause);

}  // namespace lowsky
