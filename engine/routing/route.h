#pragma once
// Routing on the corridor network: the fastest or the least-energy way from hub to hub for a
// drone type, counting the climb after take-off, cruise along each corridor at the lane's
// speed, altitude changes between corridors, and the descent at the destination.
// Assumes still air and flat ground (band heights are taken as heights above the take-off
// hub); both are said in Route::assumptions.

#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/compiled_scenario.h"

namespace lowsky {

enum class RouteObjective { Fastest, LeastEnergy };

struct RouteRequest {
    std::string from_hub;
    std::string to_hub;
    std::string drone_type;
    double payload_kg = -1;  // below 0: the type's maximum payload
    RouteObjective objective = RouteObjective::Fastest;
};

struct RouteLeg {
    std::string corridor;
    bool reversed = false;        // flown from its last point to its first
    std::string from_node;
    std::string to_node;
    double distance_m = 0;
    double speed_m_s = 0;
    double height_m = 0;          // cruise height above the take-off hub (middle of the band)
    double time_s = 0;            // cruise, plus the altitude change into this leg
    double energy_wh = 0;
    std::vector<GeoPoint> path;   // in flying order
};

struct Route {
    std::vector<RouteLeg> legs;
    double distance_m = 0;
    double time_s = 0;
    double energy_wh = 0;
    double climb_s = 0, descent_s = 0;      // at the origin and the destination
    double payload_kg = 0;
    double usable_energy_wh = 0;           // battery less the reserve
    bool within_battery = false;
    std::string assumptions;
};

class RoutingNetwork {
public:
    // Builds the graph once; queries reuse it. Keeps a reference to `compiled`.
    explicit RoutingNetwork(const CompiledScenario& compiled);
    Result<Route> route(const RouteRequest& request) const;

    struct Arc {
        size_t corridor = 0;     // index into the scenario's corridors
        bool reversed = false;
        int from = 0, to = 0;    // nodes
        double length_m = 0;
        double height_m = 0;     // middle of the band, above take-off level
        double speed_limit_m_s = 0;
        std::vector<uint8_t> allowed;  // per drone type index
    };
    const std::vector<Arc>& arcs() const { return arcs_; }

private:
    const CompiledScenario& compiled_;
    std::vector<Arc> arcs_;
    std::vector<std::vector<uint32_t>> outgoing_;  // per node
};

const char* to_string(RouteObjective objective);

}  // namespace lowsky
