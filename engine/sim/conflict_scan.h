#pragma once
// Tactical conflicts over a whole simulated day, in continuous time. Planned flights are
// piecewise linear, so the state-based test (extrapolate each drone's present velocity for the
// look-ahead; conflict when the pair would come within R horizontally and H vertically) has
// a closed form on every pair of pieces that share time: the conflict and loss-of-separation
// intervals are solved, not sampled, and each maximal interval of a pair is one encounter,
// with when and where the two came closest in it.
// A sweep in time over a grid in space is the broad phase. The scan runs at once
// (scan_conflicts) or a slice at a time (ConflictScan), with the same result.

#include <cstdint>
#include <functional>
#include <memory>
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

// One episode of a pair of flights: a conflict (predicted within the look-ahead) or a loss of
// separation (inside R and H), from its start to its end, and the moment in it when the two
// were closest horizontally: how far apart, how far apart in height, and the point midway;
// and how close their straight flight would have taken them (less than R in a conflict, where
// one may turn away before).
struct Encounter {
    uint32_t flight_a = 0, flight_b = 0;  // a < b
    double start_s = 0, end_s = 0;
    double closest_s = 0;
    double horizontal_m = 0, vertical_m = 0;
    double predicted_m = 0;
    LocalPoint where;
    double z_m = 0;
};

struct ConflictScanResult {
    std::vector<Encounter> conflicts, losses;  // each by start time, then by pair
    long piece_pairs_tested = 0;
};

// Gives flight f's track (in `out`, cleared first): the scan asks for each flight once, in order.
using TrackSource = std::function<void(uint32_t f, std::vector<TrackPoint4>& out)>;

class ConflictScan {
public:
    // Cut the tracks into pieces (asked every 64 flights), put the pieces in order of start
    // (asked every 65,536 counted or placed), list their visits to the cells of their paths
    // (asked every 256 pieces), put the visits in order of entry (every 65,536 again), then
    // sweep them (asked every 1,024).
    ConflictScan(uint32_t flights, TrackSource tracks, std::vector<ExclusionCircle> exclusions, const TacticalSettings& settings);
    ConflictScan(const std::vector<std::vector<TrackPoint4>>& tracks, const std::vector<ExclusionCircle>& exclusions,
                 const TacticalSettings& settings);  // with the tracks at hand (copied)
    ~ConflictScan();
    ConflictScan(const ConflictScan&) = delete;
    ConflictScan& operator=(const ConflictScan&) = delete;

    // Scans on until done (true) or until `pause` says so.
    bool advance(const std::function<bool()>& pause);
    double progress() const;       // 0 to 1, by flights cut and pieces swept
    ConflictScanResult take();     // once advance() has returned true

private:
    std::unique_ptr<struct SweepState> state_;
};

ConflictScanResult scan_conflicts(const std::vector<std::vector<TrackPoint4>>& tracks, const std::vector<ExclusionCircle>& exclusions,
                                  const TacticalSettings& settings);

}  // namespace lowsky
