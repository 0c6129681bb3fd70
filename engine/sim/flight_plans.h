#pragma once
// What the simulation flies, built on the one flight profile (flight/): a route in the lanes
// the simulation keeps (right of the centreline, or the upper or lower part of the band), the
// track and operational intent a flight leaves, and each type's model and powers.

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/numbers.h"
#include "flight/flight.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "sim/intents.h"
#include "sim/sim_types.h"

namespace lowsky {

// One part of a flight (out, or back after a recharge at the destination) as planned.
struct Plan {
    bool record = true;  // false: energy and times only (a feasibility check), no track or intent
    std::vector<TrackPoint> track;
    std::vector<IntentVolume> intent;
    std::vector<int> corridors;
    double energy_wh = 0;
    double distance_m = 0;
    double t_end = 0;
    HeightAmsl height_end;

    // Empty again, keeping the buffers: a departure is planned many times.
    void reset(bool recording);
    // Adds what a flight of the profile flew.
    void take(const flight::Flight& f);
};

// How a two-way corridor keeps its directions apart: keep right by a quarter of the width, or
// fly the upper (in the corridor's own direction) or lower quarter of the band for vertical
// lanes. The simulation flies it and the map draws it.
struct LaneShift {
    double right_m = 0;  // sideways, right of the direction of travel
    double up_m = 0;     // above the middle of the band
};
LaneShift lane_shift(const Corridor& corridor, bool reversed);

// Each direction's lane of a corridor (one for a one-way corridor or a shared lane): its line
// in the direction of travel and its height, for drawing.
struct CorridorLane {
    std::vector<GeoPoint> line;
    HeightAmsl height;
    bool reversed = false;
};
std::vector<CorridorLane> corridor_lanes(const Corridor& corridor, const LocalCorridor& compiled);

// A route as the simulation flies it: each leg in its lane.
struct RouteLanes {
    struct Lane {
        int corridor = 0;
        bool reversed = false, shared = false;
    };
    std::vector<flight::LegGeometry> legs;
    std::vector<Lane> lanes;
    std::vector<const flight::LegGeometry*> order;
};
RouteLanes make_lanes(const Route& route, const Scenario& scenario);

// Where a track is at t (positions, heights and charge are linear in time between its points;
// before its first point it is there, after its last point there).
TrackPoint track_at(const std::vector<TrackPoint>& track, double t);

// Records a flight's track and operational intent into a plan as the profile flies it; legs
// count over `out` and then `back`.
class Recorder : public flight::Observer {
public:
    Recorder(Plan& plan, const RouteLanes* out, const RouteLanes* back) : plan_(plan), out_(out), back_(back) {}
    void point(double t, GeoPoint at, HeightAmsl h, bool on_ground, double energy_wh) override;
    void segment(int leg, size_t segment, double t0, double t1) override;

private:
    Plan& plan_;
    const RouteLanes* out_;
    const RouteLanes* back_;
};

// A mass that is a whole number of hundredths of a kilogram (as the demand draws them and
// scenario files mostly give them), as that number: the double nearest it, exactly; -1 for any
// other mass, or one over 100 kg. Tables by mass are indexed by it.
inline int hundredths_kg(double kg) {
    if (!(kg >= 0 && kg <= 100)) return -1;
    const double h = round_half_away(kg * 100);
    return h / 100 == kg ? int(h) : -1;
}

// Per type: the model its flights are priced with (lowsky's parameter set for the day's
// firmware); per (type, payload): its powers. Every flight asks for its type's powers empty,
// and every feasibility check and departure for those at its order's payload; a day's orders
// weigh a few hundred different masses, and each Powers solves its cruise power once per
// airspeed, so they are all kept: by hundredths of a kilogram, and any other payload in a table
// (up to kHeldPayloads, then it begins again).
class Fleet {
public:
    static constexpr size_t kHeldPayloads = 4096;
    Fleet(const std::vector<DroneType>& types, const Scenario& s, Firmware firmware);
    const flight::Model& model(int type) const { return models_[size_t(type)]; }
    // The powers empty stay valid as long as the fleet; those loaded until the next call for a
    // payload not held yet.
    flight::Powers& powers(int type, double payload);

private:
    std::vector<flight::Model> models_;
    struct PayloadKey {
        int type;
        uint64_t bits;  // of the payload
        bool operator==(const PayloadKey& o) const { return type == o.type && bits == o.bits; }
    };
    struct PayloadHash {
        size_t operator()(const PayloadKey& k) const { return std::hash<uint64_t>()(k.bits * 31 + uint64_t(uint32_t(k.type))); }
    };
    std::vector<flight::Powers> empty_;  // per type
    std::vector<std::vector<std::unique_ptr<flight::Powers>>> by_hundredths_;  // per type, by hundredths_kg()
    std::unordered_map<PayloadKey, flight::Powers, PayloadHash> loaded_;  // any other payload
};

}  // namespace lowsky
