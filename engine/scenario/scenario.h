#pragma once
// The scenario document: everything a planner edits and saves. Derived data (local
// geometry, generated airport zones, the routing graph) lives in CompiledScenario.
// The JSON form is described in docs/scenario.md and docs/scenario.schema.json.

#include <string>
#include <vector>

#include "airspace/runway.h"
#include "geo/geo_types.h"
#include "scenario/altitude.h"

namespace lowsky {

// ---- Drone types ------------------------------------------------------------------------

enum class DroneClass { Micro, Light, Small, Medium, Large };  // China's 2024 UAV classes
enum class Airframe { Multirotor, VtolFixedWing };
enum class EnergyModelKind { Stolaroff, Dorling };  // the multirotor power model used for hover and flight

struct EnergyModelParams {
    EnergyModelKind kind = EnergyModelKind::Stolaroff;
    int rotor_count = 4;                 // lift rotors
    double rotor_diameter_m = 0.5;
    double efficiency = 0.7;             // electrical to thrust power, overall
    double drag_area_m2 = 0.1;           // sum of C_D * A of body and battery, forward flight
    double parcel_drag_area_m2 = 0.05;   // C_D * A of a parcel carried
    double lift_to_drag = 0.0;           // fixed-wing cruise only (VTOL types); 0 for multirotors
};

// What this airframe's autopilot does differently from its firmware's defaults (measured on
// the aircraft); below 0: the firmware's default (flight/autopilot.h, docs/flight.md).
struct AutopilotOverrides {
    double spool_up_s = -1;           // mission start to lift-off
    double accel_m_s2 = -1;           // horizontal acceleration in missions
    double land_final_height_m = -1;  // height where the landing slows to its final speed
    double land_final_m_s = -1;       // the final descent speed of a landing
    double land_detect_s = -1;        // touchdown to disarm
    bool any() const { return spool_up_s >= 0 || accel_m_s2 >= 0 || land_final_height_m >= 0 || land_final_m_s >= 0 || land_detect_s >= 0; }
};

struct DroneType {
    std::string id;
    std::string name;
    DroneClass drone_class = DroneClass::Small;
    Airframe airframe = Airframe::Multirotor;
    double empty_mass_kg = 0;      // airframe and battery
    double max_payload_kg = 0;
    double battery_wh = 0;         // usable pack energy when full
    double cruise_speed_m_s = 0;
    double max_speed_m_s = 0;      // the highest airspeed it flies
    double min_airspeed_m_s = 0;   // fixed wing: the slowest it flies on the wing (0: hovers, or not given)
    double climb_rate_m_s = 0;
    double descent_rate_m_s = 0;
    double min_turn_radius_m = 0;  // at cruise speed
    EnergyModelParams energy;
    AutopilotOverrides autopilot;
    std::string dji_model;         // the DJI aircraft it is, for WPML export (scenario/dji_aircraft.h); empty: none
};

// ---- Hubs and junctions -----------------------------------------------------------------

enum class HubKind { OperationsCentre, Vertiport, DropPoint };
enum class EnergySupply { None, Charger, Swap };

struct Hub {
    std::string id;
    std::string name;
    std::string name_zh;  // in Chinese (simplified); optional
    HubKind kind = HubKind::Vertiport;
    GeoPoint position;
    double ground_elevation_m_amsl = 0;
    int pad_count = 1;
    double pad_slot_s = 60;       // one take-off or landing occupies a pad this long
    EnergySupply energy = EnergySupply::None;
    int energy_points = 0;        // chargers or swap stations
    double charge_power_w = 0;    // per charger
    double swap_time_s = 0;       // per battery swap
    std::vector<std::string> serves;  // drone type ids that take off and land here; empty: every type
    bool serves_type(const std::string& type) const;
};

// A named point where corridors meet away from a hub.
struct Junction {
    std::string id;
    GeoPoint position;
};

// ---- Corridors --------------------------------------------------------------------------

enum class Direction { OneWay, TwoWay };                 // one-way: from the first point to the last
enum class LaneSeparation { None, Lateral, Vertical };   // how a two-way corridor keeps its lanes apart

struct Corridor {
    std::string id;
    std::string name;
    std::vector<GeoPoint> centreline;
    double width_m = 100;
    AltitudeBand band;
    Direction direction = Direction::TwoWay;
    LaneSeparation lanes = LaneSeparation::Lateral;
    double speed_limit_m_s = 20;
    std::vector<std::string> drone_types;
    std::string approval;  // reference of the approval for controlled airspace; empty if none
    std::string border_approval;  // reference of the cross-border approval, for a corridor that crosses into Hong Kong or Macau
};

// ---- Airspace ---------------------------------------------------------------------------

enum class ZoneKind { NoFly, Controlled, Restricted };
enum class Jurisdiction { Mainland, HongKong, Macau };

struct TimeWindow {
    int start_s = 0;  // seconds after local midnight
    int end_s = 0;
};

struct ZoneShape {
    enum class Kind { Polygon, Circle } kind = Kind::Polygon;
    std::vector<GeoPoint> polygon;
    GeoPoint center;
    double radius_m = 0;
};

struct Zone {
    std::string id;
    std::string name;
    ZoneKind kind = ZoneKind::NoFly;
    Jurisdiction jurisdiction = Jurisdiction::Mainland;
    ZoneShape shape;
    AltitudeBand band;
    std::vector<TimeWindow> time_windows;  // restricted zones: when the restriction applies
    std::string source;                    // where the zone comes from, for people
};

// Generates an airport's zones from its runways (docs/scenario.md): a no-fly core of
// circles around the runway ends (DJI's 30 m tier), and the clearance-protection rectangle,
// controlled airspace that needs an approval.
struct AirportZones {
    std::string icao;
    std::string name;
    Jurisdiction jurisdiction = Jurisdiction::Mainland;
    std::vector<Runway> runways;
    double core_radius_m = 7000;
    double protection_side_m = 10000;   // either side of each runway centreline
    double protection_end_m = 20000;    // beyond each runway end
    double ceiling_m_agl = 1000;        // top of both zones (they start at the ground)
};

// ---- Fleet, demand, weather, rules --------------------------------------------------------

struct FleetEntry {
    std::string hub;
    std::string drone_type;
    int count = 0;
};

// An emergency order (medical supplies, a rescue kit) pre-empts the deliveries in the
// simulation: docs/simulation.md, "Emergency flights".
enum class OrderPriority { Normal, Emergency };

struct Order {
    std::string id;
    std::string from;
    std::string to;
    double mass_kg = 0;
    double ready_s = 0;    // seconds after the start of the day
    double promise_s = 0;  // promised delivery time after ready
    OrderPriority priority = OrderPriority::Normal;
};

struct DemandRate {
    std::string from;
    std::string to;
    double per_day = 0;
    double mass_min_kg = 0;
    double mass_max_kg = 0;
    double promise_s = 0;
    std::vector<double> profile;  // this rate's own 24 hourly weights; empty: the scenario's profile
};

constexpr int kProfileHours = 24;  // a daily profile: one relative weight per hour from midnight

struct WindBand {
    double floor_m_agl = 0;
    double ceiling_m_agl = 0;
    double from_deg = 0;    // meteorological: where the wind blows from, true
    double speed_m_s = 0;
};

// Hong Kong's and Macau's own rules, applied to the stretches of corridors inside them
// (airspace/jurisdiction.h; docs/scenario.md says where the defaults come from).
struct JurisdictionRules {
    double ceiling_m_agl = 120;           // true height above which the authority's permission is needed
    double aerodrome_distance_m = 0;      // no flight closer than this to an aerodrome's runways
    double max_takeoff_mass_kg = 25;      // the heaviest class flown without the authority's permission
};

struct Rules {
    double ceiling_m_agl = 120;           // the mainland's: true height above which airspace is controlled
    double lateral_separation_m = 50;     // between corridor edges
    double vertical_separation_m = 30;    // between altitude bands
    double energy_reserve_fraction = 0.2; // of the battery, kept at landing
    double node_snap_m = 100;             // a corridor end this close to a hub or junction joins it
    double hub_approach_radius_m = 300;   // corridors may meet inside this radius of a shared node
    double air_density_kg_m3 = 1.19;      // GBA sea level, 25-30 degC
    double max_takeoff_mass_kg = 150;     // the mainland's: its medium class; above is a large UA
    JurisdictionRules hong_kong{91.44, 5000, 25};  // Cap. 448G: 300 ft above ground, 5 km from aerodromes, small UA up to 25 kg
    JurisdictionRules macau{120, 1000, 25};        // Executive Order 43/2021: 1 km from aerodromes; ceiling and weight class assumed
    const JurisdictionRules* of(Jurisdiction j) const { return j == Jurisdiction::HongKong ? &hong_kong : j == Jurisdiction::Macau ? &macau : nullptr; }
};

// Airspace closed at short notice (an accident, an event): active from `start_s` to `end_s`,
// announced `notice_s` before it starts (docs/simulation.md); the
// scenario may hold some, and `lowsky simulate --restriction` adds one.
struct TemporaryRestriction {
    std::string id;
    ZoneShape shape;  // a polygon or a circle, from the ground up
    double start_s = 0, end_s = 0, notice_s = 0;
    double announced_s() const { return start_s > notice_s ? start_s - notice_s : 0; }
};

// An inspection the scenario keeps (docs/scenario.md, "Inspections"): a survey over an area, or
// a corridor scan along a line (a power line, a pipeline, a coast), flown from a hub by one
// drone type at one height above that hub.
struct Inspection {
    std::string id, name;
    std::string hub, drone_type;
    std::vector<GeoPoint> area;   // a survey: 3 or more corners
    std::vector<GeoPoint> along;  // or a corridor scan: 2 or more points, seeing a strip width_m wide
    double width_m = 0;
    double footprint_m = 60;      // the sensor's footprint across the track on the ground
    double side_overlap = 0.7;
    double heading_deg = 0;       // a survey's lines, from true north
    double height_m = 60;         // above the hub
    double speed_m_s = 10;
};

// A point a sightseeing loop looks at.
struct Sight {
    std::string name;
    GeoPoint position;
};

// A sightseeing loop with its day's departures (docs/scenario.md, "Sightseeing"): a camera or
// passenger drone from a hub past the sights in order, looking at each for a while.
struct Sightseeing {
    std::string id, name;
    std::string hub, drone_type;
    std::vector<Sight> stops;
    double height_m = 80, speed_m_s = 8, look_s = 30, standoff_m = 150;
    std::vector<double> departures_s;  // clock times of the day, in order
};

// A warning that the scenario's author has looked at and explained.
struct Explanation {
    std::string check;   // check id
    std::string object;  // object id
    std::string why;
};

struct Scenario {
    std::string name;
    std::vector<std::string> notes;
    Rules rules;
    std::vector<DroneType> drone_types;
    std::vector<Hub> hubs;
    std::vector<Junction> junctions;
    std::vector<Corridor> corridors;
    std::vector<Zone> zones;
    std::vector<AirportZones> airport_zones;
    std::vector<FleetEntry> fleet;
    std::vector<Order> orders;
    std::vector<DemandRate> demand_rates;
    std::vector<TemporaryRestriction> restrictions;  // closed at short notice during the day
    std::vector<Inspection> inspections;
    std::vector<Sightseeing> sightseeing;
    std::vector<double> demand_profile;  // 24 hourly weights every rate follows unless it has its own; empty: flat
    std::vector<WindBand> wind;
    std::vector<Explanation> explanations;

    const Hub* find_hub(const std::string& id) const;
    const DroneType* find_drone_type(const std::string& id) const;
    const Corridor* find_corridor(const std::string& id) const;
};

const char* to_string(ZoneKind kind);
const char* to_string(Jurisdiction jurisdiction);
const char* to_string(DroneClass drone_class);

}  // namespace lowsky
