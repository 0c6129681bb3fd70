#pragma once
// Tactical conflicts over a whole simulated day, in continuous time. Planned flights are
// piecewise linear, so the state-based test (extrapolate each drone's present velocity for the
// look-ahead; conflict when the pair would come within R horizontally and H vertically) has
// a closed form on every pair of pieces that share time: the conflict and loss-of-separation
// intervals are solved, not sampled, and each maximal interval of a pair counts once.
// A sweep in time over a grid in space is the broad phase.

#include <cstdint>
#include <vector>

#include "geo/local_frame.h"
#include "sim/tactical.h"

namespace lowsky {

struct TrackPoint4 {
    double t_s;
    LocalPoint p;
    double z_m;
};

struct ExclusionCircle {  // where procedures, not the rule, separate traffic (hubs, junctions)
    LocalPoint center;
    double radius_m;
};

struct ConflictCounts {
    int conflicts = 0;
    int losses = 0;
    long piece_pairs_tested = 0;
};

ConflictCounts scan_conflicts(const std::vector<std::vector<TrackPoint4>>& tracks, const std::vector<ExclusionCircle>& exclusions,
                              const TacticalSettings& settings);

}  // namespace lowsky
