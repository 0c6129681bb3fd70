#pragma once
// Routing on the corridor network: the fastest or the least-energy way from hub to hub for a
// drone type. The search prices each corridor with the flight profile's pieces (flight/flight.h:
// the commanded speed in the wind of its band, its corners, the stops and height changes
// between corridors, take-off and landing); the figures of the route found are the profile's.
// Heights are AMSL: a corridor's band is one height in the air whoever flies it.
//
// A corridor with an error finding of the validator is not routable unless the network is
// built to allow it; the route lists the corridors it avoided, and why. Hubs take off and land
// only the types they serve.

#include <string>
#include <vector>

#include "core/result.h"
#include "flight/flight.h"
#include "scenario/compiled_scenario.h"
#include "validation/finding.h"

namespace lowsky {

enum class RouteObjective { Fastest, LeastEnergy };

struct RouteRequest {
    std::string from_hub;
    std::string to_hub;
    std::string drone_type;
    double payload_kg = -1;  // below 0: the type's maximum payload
    RouteObjective objective = RouteObjective::Fastest;
    Firmware firmware = Firmware::ArduPilot;                 // whose autopilot flies it
    SettingsSource settings = SettingsSource::LowskyParameters;
};

struct RouteLeg {
    std::string corridor;
    bool reversed = false;        // flown from its last point to its first
    std::string from_node;
    std::string to_node;
    double distance_m = 0;
    double speed_m_s = 0;         // commanded (ground speed for multirotors, airspeed on the wing)
    HeightAmsl height;            // middle of the band
    HeightAmsl ground;            // the ground under the corridor (CompiledScenario)
    double time_s = 0;            // this leg's share of the one-way flight (height change into it included)
    double energy_wh = 0;
    std::vector<GeoPoint> path;   // in flying order
};

// A corridor the search left out, and why.
struct AvoidedCorridor {
    std::string corridor;
    std::string check;
    std::string message;
};

struct Route {
    std::string drone_type;
    std::vector<RouteLeg> legs;
    double distance_m = 0;
    double time_s = 0;                      // the one-way flight: mission start to disarm at the destination
    double energy_wh = 0;
    double climb_s = 0, descent_s = 0;      // spool-up and climb at the origin; the landing at the destination
    double payload_kg = 0;
    double usable_energy_wh = 0;            // battery less the reserve
    bool within_battery = false;            // the one-way flight alone (a mission's verdict: flight/mission_profile.h)
    HeightAmsl origin_ground, destination_ground;
    AutopilotSettings autopilot;
    std::vector<flight::PhaseCost> phases;  // the one-way flight, phase by phase
    std::vector<AvoidedCorridor> avoided;
    std::string assumptions;
    // What the search priced the route at (seconds, or watt-hours for the least-energy
    // objective) from the profile's pieces: the profile's own figure, less the short moves from
    // the hubs into the corridors and the turns there, which the search leaves out.
    double searched_cost = 0;
};

struct RoutingPolicy {
    bool allow_flagged_corridors = false;  // route through corridors with error findings too
};

class RoutingNetwork {
public:
    // Builds the graph once; queries reuse it. Keeps a reference to `compiled`. Validates the
    // scenario to know which corridors carry error findings, unless given the report.
    explicit RoutingNetwork(const CompiledScenario& compiled, RoutingPolicy policy = {});
    RoutingNetwork(const CompiledScenario& compiled, const ValidationReport& report, RoutingPolicy policy = {});
    Result<Route> route(const RouteRequest& request) const;

    struct Arc {
        size_t corridor = 0;     // index into the scenario's corridors
        bool reversed = false;
        int from = 0, to = 0;    // nodes
        double length_m = 0;
        double speed_limit_m_s = 0;
        HeightAmsl height;                      // the middle of its band
        flight::WindVelocity wind;              // the scenario's, in its band
        std::vector<double> segment_m;          // in flying order
        std::vector<flight::Track> track;       // in flying order
    };
    const std::vector<Arc>& arcs() const { return arcs_; }
    // The corridors left out of routing, with the finding that put them out (empty when allowed).
    const std::vector<AvoidedCorridor>& blocked() const { return blocked_; }

private:
    void build(const ValidationReport& report);

    const CompiledScenario& compiled_;
    RoutingPolicy policy_;
    std::vector<Arc> arcs_;
    std::vector<std::vector<uint32_t>> outgoing_;  // per node
    std::vector<uint8_t> allowed_;                 // per arc and drone type: the corridor lets the type fly it
    std::vector<double> commanded_;                // per arc and drone type: the ground speed its missions command (flight/)
    std::vector<std::vector<AvoidedCorridor>> avoided_by_type_;  // the blocked corridors each type could have flown
    std::vector<AvoidedCorridor> blocked_;
    std::vector<uint8_t> corridor_blocked_;        // per corridor
};

const char* to_string(RouteObjective objective);

// A route's legs as the flight profile takes them (on the corridor centrelines).
std::vector<flight::LegGeometry> leg_geometry(const Route& route);

// Where a route crosses from one jurisdiction into another (airspace/jurisdiction.h), in order,
// with the corridor it crosses in and that corridor's cross-border approval (empty: none).
struct RouteCrossing {
    std::string corridor;
    GeoPoint at;
    Jurisdiction from = Jurisdiction::Mainland, to = Jurisdiction::Mainland;
    std::string approval;
};
std::vector<RouteCrossing> route_crossings(const Route& route, const Scenario& scenario);

}  // namespace lowsky
