#pragma once
// THE flight profile: what a flight costs in time and energy, phase by phase, flown the way the
// autopilot flies the exported mission. The router prices its arcs with it, the safety gate
// decides with it, the simulator builds its tracks with it, the CLI and the app show it.
//
// [SECTION] Constants (one table)
// [SECTION] What a flight is flown with: the model, a leg's geometry, powers
// [SECTION] Pieces: one segment's motion, a start or stop, a corner
// [SECTION] Flight: a flight built phase by phase
//
// Heights are AMSL (HeightAmsl) throughout; the wind is looked up by the height over the
// ground under the leg. Times and distances are kept to the millisecond and the millimetre,
// energies to the milliwatt-hour,
// so that native and WebAssembly builds agree to the last digit (docs/simulation.md).

#include <string>
#include <vector>

#include "energy/energy_model.h"
#include "energy/wind.h"
#include "flight/autopilot.h"
#include "geo/geo_types.h"
#include "scenario/altitude.h"
#include "scenario/scenario.h"

namespace lowsky::flight {

// ---- [SECTION] Constants -------------------------------------------------------------------

struct Constants {
    // Below this ground speed a leg makes no useful headway: the flight is refused, not slowed.
    static constexpr double kMinGroundSpeed_m_s = 0.5;
    // A required airspeed above the type's top speed (or what its lean limit allows) is refused
    // by the gate; the simulator flies such a leg at the airspeed it can hold.
    // Corners of wing-borne legs cost nothing: the aircraft banks round them at its airspeed.
};

// ---- [SECTION] Model and geometry ------------------------------------------------------------

// Everything that stays the same through one flight but its payload.
struct Model {
    const DroneType* type = nullptr;
    AutopilotSettings autopilot;
    double air_density_kg_m3 = 1.19;
    const std::vector<WindBand>* wind = nullptr;  // null: still air
};

Model make_model(const DroneType& type, const AutopilotSettings& autopilot, const Scenario& scenario);

// A direction over the ground, as a unit vector (east, north); and the air's velocity.
struct Track {
    double east = 0, north = 1;
};
Track track_of(double bearing_deg);
struct WindVelocity {
    double east = 0, north = 0;  // where the air moves to, m/s
};
WindVelocity wind_velocity(energy::WindVector wind);
// The wind on a track: along it (tail wind positive) and across it.
struct WindOnTrack {
    double along = 0, across = 0;
};
WindOnTrack wind_on(Track track, WindVelocity wind);

// One leg as flown: a polyline at one height, with what the motion along it needs.
struct LegGeometry {
    std::vector<GeoPoint> path;
    std::vector<double> segment_m;        // per segment
    std::vector<Track> track;             // per segment, at its start
    HeightAmsl height;
    HeightAmsl ground;                    // the ground under the leg (no terrain model: docs/flight.md)
    double speed_m_s = 0;                 // commanded: ground speed (multirotor) or airspeed (wing-borne)
    int corridor = -1;                    // index into the scenario's corridors, when it is one
};

LegGeometry make_leg(std::vector<GeoPoint> path, HeightAmsl height, HeightAmsl ground, double speed_m_s, int corridor = -1);

// A type's powers at one payload. Cruise power is read off a grid over airspeed (every
// 0.25 m/s, each point solved once, linear between them: within 0.05 % of the model, a test
// says), so that the many airspeeds a wind makes cost no more than a few solves.
class Powers {
public:
    Powers() = default;
    Powers(const Model& model, double payload_kg);
    double hover_w() const { return hover_w_; }
    double climb_w() const { return climb_w_; }
    double descent_w() const { return descent_w_; }
    double cruise_w(double airspeed_m_s);
    double payload_kg() const { return payload_kg_; }
    const DroneType* type() const { return type_; }
    // airspeed_limit_m_s(model, payload): every flight asks, so it is kept for the model's
    // settings it was last asked with.
    double airspeed_limit(const Model& model);

private:
    const DroneType* type_ = nullptr;
    double payload_kg_ = -1, rho_ = 1.19;
    double hover_w_ = 0, climb_w_ = 0, descent_w_ = 0;
    std::vector<double> cruise_grid_;  // power at i * kGridStep; NaN until solved
    double grid_point(size_t i);
    struct Limit {
        const DroneType* type = nullptr;
        double lean_deg = 0, rho = 0;
        bool wing_borne = false;
        double airspeed_m_s = 0;
    } limit_;
};

// ---- [SECTION] Pieces ----------------------------------------------------------------------

struct SegmentMotion {
    double ground_m_s = 0;
    double airspeed_m_s = 0;            // what is flown (capped at what the type can hold)
    double required_airspeed_m_s = 0;   // what the commanded ground speed asks for
    bool headway = true;                // false: below the minimum ground speed
};

// The highest airspeed the type holds at a payload under these settings.
double airspeed_limit_m_s(const Model& model, double payload_kg);
// What the autopilot makes of a commanded speed on a track in a wind.
SegmentMotion segment_motion(const Model& model, double airspeed_limit, double commanded_m_s, Track track, WindVelocity wind);
// The ground speed a mission commands on a leg. In still air: the corridor's limit or the
// type's cruise speed, whichever is lower. A multirotor holds ground speed, so in a wind it is
// commanded no faster than keeps its airspeed at that still-air speed on every segment of the
// leg: into a head wind it slows over the ground (never faster, or harder, through the air than
// in calm), with a tail wind it keeps the still-air ground speed at less airspeed. A fixed wing
// is commanded an airspeed: the still-air speed, less where a tail wind would carry it over the
// corridor's limit, never below its minimum airspeed. To 0.1 m/s, rounded down; 0 when the wind
// leaves a multirotor no headway at that airspeed.
double commanded_speed_m_s(const DroneType& type, double speed_limit_m_s, const std::vector<Track>& tracks, WindVelocity wind);
// Time lost against flying at `v` all along, for one start from rest or one stop (jerk-limited).
double start_or_stop_loss_s(const Model& model, double v_m_s);
// Time lost slowing for a corner from track `a` to track `b` and speeding up again.
double corner_loss_s(const Model& model, double v_m_s, Track a, Track b);

// The vertical moves, as times and energy without a flight around them (the router's search
// prices thousands); Flight's own moves are made of the same.
struct Move {
    double time_s = 0, energy_wh = 0;
};
Move vertical_move(const Model& model, const Powers& powers, double dh_m);     // climb (dh > 0) or descend in place
Move take_off_move(const Model& model, const Powers& powers, double dh_m);     // spool-up, then the climb from the pad
Move landing_move(const Model& model, const Powers& powers, double height_m);  // from height_m over the pad to disarmed
struct LandingTimes {
    double descend_s = 0, final_s = 0, detect_s = 0;
};
LandingTimes landing_times(const AutopilotSettings& autopilot, double height_over_ground_m);

// ---- [SECTION] Flight ----------------------------------------------------------------------

enum class Phase { SpoolUp, Climb, Accelerate, Cruise, Corner, Decelerate, Descend, Hover, LandFinal, LandDetect };
const char* to_string(Phase phase);

struct PhaseCost {
    Phase phase = Phase::Cruise;
    double time_s = 0, energy_wh = 0, distance_m = 0;
    int leg = -1;  // the leg it belongs to, for cruise, corners, starts and stops
};

// Where the flight is and when, for whoever draws or deconflicts it (the simulator).
class Observer {
public:
    virtual ~Observer() = default;
    // Where it is at t; `on_ground` from start to lift-off and from touchdown on; `energy_wh`
    // spent since start() (or start_airborne()).
    virtual void point(double /*t_s*/, GeoPoint /*at*/, HeightAmsl /*height*/, bool /*on_ground*/, double /*energy_wh*/) {}
    // Segment `segment` of leg `leg` is flown from t0 to t1.
    virtual void segment(int /*leg*/, size_t /*segment*/, double /*t0_s*/, double /*t1_s*/) {}
};

struct Totals {
    double time_s = 0, energy_wh = 0, distance_m = 0;
};

class Flight {
public:
    // `powers` is the caller's, so that it can keep them across flights of one payload.
    Flight(const Model& model, Powers& powers, bool keep_phases = true, Observer* observer = nullptr);

    // On the ground at `at`, whose elevation is `ground`, at time t0.
    void start(GeoPoint at, HeightAmsl ground, double t0_s);
    // In the air already (a flight continued from another).
    void start_airborne(GeoPoint at, HeightAmsl height, double t0_s);
    void take_off(HeightAmsl to);                        // spool-up, then the vertical climb
    // From rest to rest along the legs (climbing or descending where the next leg's height
    // differs), then on to `finish` at the last leg's height when given.
    void follow(const std::vector<const LegGeometry*>& legs, const GeoPoint* finish = nullptr);
    void fly_direct(GeoPoint to, double speed_m_s, HeightAmsl ground);  // straight, at the current height (RTL)
    void vertical(HeightAmsl to);                        // climb or descend in place
    void hover(double seconds);
    void land(HeightAmsl ground);                        // descent, the slow final part, disarm
    void set_payload(Powers& powers);                    // the parcel is released: other powers

    const Model& model() const { return model_; }
    double t_s() const { return t_; }
    HeightAmsl height() const { return h_; }
    GeoPoint at() const { return at_; }
    const Totals& totals() const { return totals_; }
    const std::vector<PhaseCost>& phases() const { return phases_; }
    bool headway() const { return headway_; }
    // Where a commanded speed asked the most of the airframe (the largest required airspeed
    // over the limit at that payload, or the largest required airspeed when none was over):
    // that airspeed, the limit there, and the leg (counted over every follow() of the flight).
    double worst_required_airspeed_m_s() const { return worst_airspeed_; }
    double airspeed_limit() const { return worst_limit_; }
    int worst_leg() const { return worst_leg_; }

private:
    struct Piece {
        double m = 0;
        Track track;
        size_t segment = 0;
        bool join = false;  // into a lane or on to the finish, not a corridor segment
        GeoPoint to;
    };
    static Piece join(GeoPoint from, GeoPoint to);
    void add(Phase phase, double time_s, double energy_wh, double distance_m, int leg);
    double cruise_power(const SegmentMotion& m) { return powers_->cruise_w(m.airspeed_m_s); }

    const Model& model_;
    Powers* powers_;
    bool keep_phases_;
    Observer* observer_;
    double t_ = 0;
    HeightAmsl h_;
    GeoPoint at_;
    Totals totals_;
    std::vector<PhaseCost> phases_;
    bool headway_ = true;
    double worst_airspeed_ = 0, worst_limit_ = 0, worst_excess_ = -1e300, airspeed_limit_ = 0;
    int worst_leg_ = -1, legs_flown_ = 0;
    std::vector<Piece> pieces_;  // follow()'s, kept for its buffer
};

// The energy figure every caller compares: what the flight needs against the battery less the
// reserve. The one place that decides "within the battery".
struct EnergyVerdict {
    double needed_wh = 0, usable_wh = 0;
    bool within() const { return needed_wh <= usable_wh; }
};
EnergyVerdict energy_verdict(double needed_wh, const DroneType& type, double reserve_fraction);

}  // namespace lowsky::flight
