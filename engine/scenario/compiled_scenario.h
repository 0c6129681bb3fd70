#pragma once
// What the engine derives from a scenario to check, route and draw it: a local metric frame,
// every zone (explicit and generated from airports) and every corridor in that frame, and
// the nodes (hubs and junctions) that corridor ends snap to. Never saved; rebuilt on change.

#include <string>
#include <vector>

#include "geo/local_frame.h"
#include "geo/planar.h"
#include "scenario/scenario.h"

namespace lowsky {

struct LocalZone {
    size_t zone = 0;  // index into CompiledScenario::zones()
    bool circle = false;
    std::vector<LocalPoint> polygon;
    LocalPoint center;
    double radius_m = 0;
    planar::Box box;
};

struct LocalCorridor {
    size_t corridor = 0;  // index into Scenario::corridors
    std::vector<LocalPoint> points;
    std::vector<double> along_m;  // distance from the start to each point
    double length_m = 0;
    planar::Box box;
    int start_node = -1;  // index into nodes(), -1 when the end is not at a hub or junction
    int end_node = -1;
    // Its band in the one frame flights are carried in. With no terrain model the ground under
    // a corridor is taken as the lowest of the hubs at its ends (sea level when it touches no
    // hub): a true-height band then never flies higher above the real ground than it says.
    HeightAmsl ground;
    HeightAmsl floor, ceiling;
    HeightAmsl middle() const { return HeightAmsl((floor.m + ceiling.m) / 2); }
};

struct Node {
    std::string id;
    const Hub* hub = nullptr;  // null for a junction
    GeoPoint position;
    LocalPoint local;
};

class CompiledScenario {
public:
    // Keeps a reference to the scenario, which must outlive it.
    explicit CompiledScenario(const Scenario& scenario);

    const Scenario& scenario() const { return scenario_; }
    const LocalFrame& frame() const { return frame_; }
    const std::vector<Zone>& zones() const { return zones_; }
    const std::vector<LocalZone>& local_zones() const { return local_zones_; }
    const std::vector<LocalCorridor>& corridors() const { return corridors_; }
    const std::vector<Node>& nodes() const { return nodes_; }
    int node_index(const std::string& id) const;

    // After corridor `index` of the scenario changed in place (an edit): that corridor again,
    // in the same frame. Anything else that changed needs a new CompiledScenario.
    void recompile_corridor(size_t index);

    // The ground a corridor between two nodes (indices into nodes(), -1: none) is flown over,
    // and a height of its band in that frame: see LocalCorridor::ground.
    HeightAmsl corridor_ground(int start_node, int end_node) const;
    static HeightAmsl band_height(const Altitude& altitude, HeightAmsl ground);

    // Distance from a corridor segment to a zone's area (0 when it touches or enters it).
    planar::Closest segment_to_zone(LocalPoint a, LocalPoint b, const LocalZone& zone) const;
    // The zones (indices into local_zones()) whose area the straight line from a to b touches
    // or enters, whatever their bands.
    std::vector<size_t> zones_met(GeoPoint a, GeoPoint b) const;

private:
    LocalCorridor compile_corridor(size_t index) const;
    const Scenario& scenario_;
    LocalFrame frame_;
    std::vector<Zone> zones_;
    std::vector<LocalZone> local_zones_;
    std::vector<LocalCorridor> corridors_;
    std::vector<Node> nodes_;
};

}  // namespace lowsky
