#pragma once
// The simulation's inputs and results: a day of deliveries on a scenario (docs/simulation.md).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/geo_types.h"
#include "flight/autopilot.h"
#include "scenario/scenario.h"
#include "validation/finding.h"

namespace lowsky {

// Which free drone takes an order (among those whose type can fly it).
enum class DispatchPolicy {
    SmallestBattery,  // keep the big drones for the long trips
    LeastEnergy,      // the type that flies this order on the least energy
};

struct SimConfig {
    double hours = 24;
    double demand_scale = 1;  // the scenario's daily rates times this (its explicit orders as they are)
    DispatchPolicy dispatch = DispatchPolicy::SmallestBattery;
    uint32_t seed = 1;
    std::optional<EnergyModelKind> energy_model;  // overrides every multirotor type's model
    // Strategic deconfliction (ASTM F3548 operational intents).
    double lane_headway_s = 20;          // two flights in one lane enter and leave a segment this far apart
    double deconfliction_step_s = 15;    // a refused departure tries again this much later
    int max_deconfliction_delays = 480;  // two hours of retries, then the order is given up
    // Delivery.
    bool land_at_destination = false;    // hover and release by default
    double release_height_m = 15, release_hold_s = 5, release_settle_s = 3;
    // Whose autopilot flies the day, with lowsky's parameter set (flight/autopilot.h).
    Firmware firmware = Firmware::ArduPilot;
    bool allow_flagged_corridors = false;  // route through corridors with error findings too
    double charger_efficiency = 0.9;
    // Tactical detection (state-based, closest approach), solved in continuous time over the
    // planned tracks (sim/conflict_scan.h).
    bool tactical = true;
    double conflict_radius_m = 50, conflict_vertical_m = 15, lookahead_s = 60;
    double series_step_s = 900;          // time series resolution
    std::vector<TemporaryRestriction> restrictions;
};

enum class WaitCause { None, Drone, Battery, Pad, Deconfliction };
const char* to_string(WaitCause cause);

struct SimOrder {
    std::string id;
    int from = 0, to = 0;  // hub indices
    double mass_kg = 0;
    double ready_s = 0;
    double promise_s = 0;
    bool emergency = false;  // pre-empts: docs/simulation.md, "Emergency flights"
};

// A point of a flight's trajectory; positions between points are linear in time.
struct TrackPoint {
    double t_s;
    double lat_deg, lon_deg;
    HeightAmsl height;
    bool on_ground = false;  // before lift-off and after touchdown: at a pad, not in the air
    float charge_wh = 0;     // the battery's charge left here (in the padding: no extra size)
};

enum class FlightPhase { Takeoff, Cruise, Release, Return, Landing };

struct SimFlight {
    int drone = 0;
    int order = -1;
    double takeoff_s = 0;       // the take-off slot begins
    double delivered_s = 0;     // parcel released or landed at the destination
    double landed_s = 0;        // back on a pad (at home, or at the destination for a landing delivery)
    double energy_wh = 0;
    double distance_m = 0;
    std::vector<int> corridors; // corridor indices flown
    std::vector<TrackPoint> track;
    double soc_start_wh = 0, soc_end_wh = 0;  // battery at take-off and at the final landing
    double ready_again_s = 0;                 // recharged (or swapped) and free for the next order
    int start_hub = 0;                        // where it took off
    int end_hub = 0;                          // where the drone is after this flight
    int sightseeing = -1;                     // a sightseeing loop's departure (index into the scenario's loops; order is -1)
};

// One scheduled departure of a sightseeing loop (docs/simulation.md, "Sightseeing").
struct TourDeparture {
    std::string loop;          // its id
    double scheduled_s = 0;    // the clock time it is due
    bool flown = false;
    double takeoff_s = -1, landed_s = -1;
    std::string drone;
    std::string reason;        // why it was not flown
    double late_s() const { return flown ? takeoff_s - scheduled_s : 0; }
};

struct DeliveryResult {
    std::string order;
    std::string from, to;
    double mass_kg = 0;
    double ready_s = 0, promise_s = 0;
    bool delivered = false;
    double dispatched_s = -1, takeoff_s = -1, delivered_s = -1;
    double wait_drone_s = 0, wait_battery_s = 0, wait_pad_s = 0, wait_deconfliction_s = 0;
    double wait_restriction_s = 0;  // held at its hub until a temporary restriction was lifted
    double flight_s = 0, energy_wh = 0;
    std::string drone;
    bool emergency = false;
    int called_off = 0;  // times an emergency called off its flight before it left
    std::string reason;  // why it was not delivered
    bool on_time() const { return delivered && delivered_s - ready_s <= promise_s; }
};

struct DroneResult {
    std::string id, type, hub;
    int hub_index = 0;
    double battery_wh = 0;
    std::vector<int> flight_indices;  // into SimResult::flights, in time order
    int flights = 0;
    double airborne_s = 0, energy_wh = 0, distance_m = 0;
    double utilisation = 0;  // airborne share of the simulated time
};

// A hub at one moment of the time series: orders ready and not yet flown from it, drones
// dispatched and waiting for a pad slot there, drones back and recharging (or waiting for a
// charger) there.
struct HubSample {
    int waiting = 0, pad_queue = 0, charging = 0;
};

struct HubResult {
    std::string id;
    int takeoffs = 0, landings = 0;
    double pad_wait_s = 0, max_pad_wait_s = 0;
    double energy_wait_s = 0;  // waiting for a charger or a swap station
    std::vector<HubSample> series;  // at SimResult::series' times
};

struct CorridorResult {
    std::string id;
    int flights = 0;
};

struct SeriesPoint {
    double t_s;
    int airborne;
    int delivered;   // cumulative
    int waiting;     // orders ready and not yet dispatched
};

// Two flights too close over the day (sim/conflict_scan.h): a conflict (predicted within the
// look-ahead) or a loss of separation, from start to end, and where and when they were
// closest in it: how far apart across and in height, at the point midway between them; and
// how close flying straight on would have taken them.
struct EncounterResult {
    int flight_a = 0, flight_b = 0;  // into SimResult::flights, a < b
    double start_s = 0, end_s = 0, closest_s = 0;
    double horizontal_m = 0, vertical_m = 0, predicted_m = 0;
    GeoPoint where;
    HeightAmsl height;
};

// Emergency orders, apart from the deliveries (whose figures leave them out).
struct EmergencyKpis {
    int orders = 0, delivered = 0;
    double p50_response_s = 0, p95_response_s = 0, max_response_s = 0;  // ready to delivered
    int preempted = 0;  // deliveries whose drone an emergency took before they left
    int gave_way = 0;   // deliveries called off before they left because their intents met an emergency's
};

// What temporary restrictions did to the day's deliveries.
struct RestrictionKpis {
    int replanned = 0;         // committed before the announcement, called off and planned again
    int rerouted = 0;          // flown around an announced restriction
    int delayed = 0;           // held at their hub until it was lifted (no way around)
    int cancelled = 0;         // no way around, and not lifted before the end of the day
    int diverted = 0;          // in the air when it was announced, landed at the nearest hub clear of it
    int airborne_through = 0;  // in the air, through it while active, and not diverted: no hub in reach, or an emergency
};

// Sightseeing loops' departures, apart from the deliveries (whose figures leave them out).
struct TourKpis {
    int departures = 0, flown = 0, cancelled = 0;
    int late = 0;              // took off more than 5 minutes after its time
    double max_late_s = 0;
};

struct Kpis {
    int orders = 0, delivered = 0, pending = 0, undeliverable = 0;
    double on_time_share = 0;
    double p50_delivery_s = 0, p95_delivery_s = 0;  // ready to delivered
    double energy_per_parcel_wh = 0, energy_per_km_wh = 0;
    int conflicts = 0, losses_of_separation = 0;
    int flights = 0;
    EmergencyKpis emergency;
    RestrictionKpis restrictions;
    TourKpis sightseeing;
};

struct SimResult {
    Kpis kpis;
    std::vector<DeliveryResult> deliveries;
    std::vector<DroneResult> drones;
    std::vector<HubResult> hubs;
    std::vector<CorridorResult> corridors;
    std::vector<SeriesPoint> series;
    std::vector<SimFlight> flights;
    std::vector<Finding> findings;  // demand that can never be served, and why
    std::vector<EncounterResult> conflicts, losses;  // by start time; kpis count them
    std::vector<TemporaryRestriction> restrictions;  // the day's: the scenario's, then the run's
    std::vector<TourDeparture> tours;                // the sightseeing loops' departures, by loop and time
};

}  // namespace lowsky
